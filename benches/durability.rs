//! What durability costs: one newcomer's question handled end to end (detect, search, compose, and
//! the one SQLite transaction that records it with its outbox messages), with the database
//! - in memory (no disk at all: the floor),
//! - on disk in WAL mode with `synchronous = NORMAL`, as the bot runs (a `kill -9` loses nothing; a
//!   power cut can roll back what the platforms still hold),
//! - on disk, flushed at every commit (`synchronous = FULL`: a power cut loses nothing either),
//!
//! and the same with 8 messages at once from 8 threads, as the transports hand them over.
//! Lexical search only, so that the database's share is visible.
//!
//! Run: `cargo bench --bench durability`

use criterion::{criterion_group, criterion_main, Criterion};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, Engine};
use wegwijs::message::{ChatRef, Incoming};
use wegwijs::store::SqliteStore;

const QUESTIONS: &[&str] = &["Hoe krijg ik een BSN?", "how do I register with a doctor", "كيف أحصل على تأمين صحي", "Sağlık sigortası zorunlu mu"];

fn engine(store: SqliteStore, data: &std::path::Path) -> Engine {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut cfg = BotConfig::load(&root.join("bots/leiden.toml")).unwrap().with_data_dir(Some(data.to_path_buf()));
    cfg.semantic_model = None;
    cfg.file.semantic = None;
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    Engine::new(cfg, snap, Arc::new(store))
}

fn stores(dir: &std::path::Path) -> Vec<(&'static str, SqliteStore)> {
    vec![
        ("in memory", SqliteStore::in_memory().unwrap()),
        ("WAL, synchronous NORMAL (the bot)", SqliteStore::open(&dir.join("normal/wegwijs.sqlite")).unwrap()),
        ("flush at every commit", SqliteStore::open(&dir.join("full/wegwijs.sqlite")).unwrap().flush_every_commit().unwrap()),
    ]
}

/// Handles `n` messages from `threads` threads at once; every answer is confirmed as sent.
fn burst(engine: &Engine, threads: usize, n: usize, round: &std::sync::atomic::AtomicUsize) -> Duration {
    let start = Instant::now();
    std::thread::scope(|s| {
        for t in 0..threads {
            s.spawn(move || {
                for i in 0..n / threads {
                    let r = round.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let chat = ChatRef::new("bench", format!("{t}-{r}"));
                    for out in engine.handle(&Incoming::text(chat, "u", QUESTIONS[i % QUESTIONS.len()])) {
                        if out.id != 0 {
                            engine.sent(out.id, None);
                        }
                    }
                }
            });
        }
    });
    start.elapsed()
}

fn durability(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("durability");
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    for (name, store) in stores(dir.path()) {
        let engine = engine(store, &dir.path().join("data"));
        let round = std::sync::atomic::AtomicUsize::new(0);
        group.bench_function(format!("one message, {name}"), |b| b.iter_custom(|iters| burst(&engine, 1, iters as usize, &round)));
        group.bench_function(format!("8 at once, per message, {name}"), |b| {
            b.iter_custom(|iters| {
                let n = (iters as usize).max(8).div_ceil(8) * 8;
                burst(&engine, 8, n, &round).mul_f64(iters as f64 / n as f64)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, durability);
criterion_main!(benches);
