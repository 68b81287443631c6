//! Load test: simulated newcomers talk to the real Telegram transport through the local fake Bot API
//! server (loopback only). Each newcomer sends a question, waits for the answer, sends the next.
//!
//! cargo run --release --example telegram_load -- [USERS] [MESSAGES_EACH] [--semantic]   (default 1000 5)
//!
//! `--semantic` adds the embedding model (scripts/model) and the shared vector cache, as the shipped
//! bots have them; without it the bot uses lexical search only.
//!
//! Prints messages per second, p50/p99 from update to reply, and the process's peak memory; fails
//! when any message is not answered exactly once.

#[path = "../tests/fake_telegram/mod.rs"]
mod fake_telegram;

use fake_telegram::Fake;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, Engine};
use wegwijs::store::SqliteStore;

const QUESTIONS: &[&str] = &[
    "Hoe schrijf ik me in bij de gemeente?",
    "where can I learn Dutch for free",
    "كيف أسجل عند طبيب العائلة",
    "Sağlık sigortası zorunlu mu?",
    "Jak dostać numer BSN?",
    "Як отримати DigiD?",
    "library card price",
    "waar vind ik vrijwilligerswerk",
    "Comment m'inscrire à la mairie ?",
    "¿Necesito un seguro médico en Holanda?",
];

fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> anyhow::Result<()> {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let users = args.first().copied().unwrap_or(1000) as i64;
    let each = args.get(1).copied().unwrap_or(5);
    let fake = Fake::start().await;
    let dir = tempfile::tempdir()?;
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    unsafe { std::env::set_var("WEGWIJS_LOAD_TOKEN", "1:load") };
    let bot = format!(
        "id = \"load\"\nmunicipality = \"Leiden\"\nlayers = [\"national\", \"leiden\"]\nknowledge_dir = \"{}\"\nlocales_dir = \"{}\"\ndata_dir = \"{}\"\n[gaps]\nrecord = false\n[telegram]\ntoken_env = \"WEGWIJS_LOAD_TOKEN\"\napi_url = \"{}\"\npoll_timeout_secs = 1\nthrottle = false\n",
        root.join("knowledge").display(),
        root.join("locales").display(),
        dir.path().display(),
        fake.url
    );
    // `--semantic`: with the embedding model and the shared vector cache, as the shipped bots run.
    let bot = if std::env::args().any(|a| a == "--semantic") {
        format!(
            "{bot}[semantic]\nmodel = \"{}\"\ncache = \"{}\"\n",
            root.join(".model/multilingual-e5-small").display(),
            root.join(".model/cache").display()
        )
    } else {
        bot
    };
    std::fs::write(dir.path().join("bot.toml"), bot)?;
    let cfg = BotConfig::load(&dir.path().join("bot.toml"))?;
    let (snap, _) = load_snapshot(&cfg, &|_| {})?;
    let engine = Arc::new(Engine::new(cfg, snap, Arc::new(SqliteStore::open(&dir.path().join("db.sqlite"))?)));
    let (stop, rx) = tokio::sync::watch::channel(false);
    let server = tokio::spawn(wegwijs::serve::serve(engine, wegwijs::serve::Timing::default(), rx));

    let start = Instant::now();
    let mut sent_at: HashMap<(i64, usize), Instant> = HashMap::new();
    let mut latencies = Vec::new();
    let mut answered: HashMap<i64, usize> = HashMap::new();
    for u in 0..users {
        fake.text(10_000 + u, 10_000 + u, QUESTIONS[u as usize % QUESTIONS.len()], None, None);
        sent_at.insert((10_000 + u, 0), Instant::now());
    }
    let total = users as usize * each;
    let deadline = Instant::now() + Duration::from_secs(600);
    let mut seen = 0;
    while latencies.len() < total && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
        let new: Vec<(i64, Instant)> = {
            let g = fake.inner.lock().unwrap();
            let v = g.sent[seen..].iter().map(|s| (s.chat_id, s.at)).collect();
            seen = g.sent.len();
            v
        };
        for (chat, at) in new {
            let k = answered.entry(chat).or_default();
            if let Some(t0) = sent_at.get(&(chat, *k)) {
                latencies.push(at.duration_since(*t0));
            }
            *k += 1;
            if *k < each {
                let q = QUESTIONS[(chat as usize + *k) % QUESTIONS.len()];
                fake.text(chat, chat, q, None, None);
                sent_at.insert((chat, *k), Instant::now());
            }
        }
    }
    let elapsed = start.elapsed();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let _ = stop.send(true);
    let _ = server.await;
    let per_chat: HashMap<i64, usize> = fake.inner.lock().unwrap().sent.iter().fold(HashMap::new(), |mut m, s| {
        *m.entry(s.chat_id).or_default() += 1;
        m
    });
    let wrong: Vec<(&i64, &usize)> = per_chat.iter().filter(|(_, n)| **n != each).collect();
    latencies.sort();
    let pct = |p: f64| latencies.get(((latencies.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or_default();
    println!("newcomers {users}, messages each {each}, answered {} of {total}", latencies.len());
    println!("throughput {:.0} messages/s over {:.1} s", latencies.len() as f64 / elapsed.as_secs_f64(), elapsed.as_secs_f64());
    println!("update → reply: p50 {:.1} ms, p99 {:.1} ms", pct(0.5).as_secs_f64() * 1e3, pct(0.99).as_secs_f64() * 1e3);
    if let Some(kb) = peak_memory_kb() {
        println!("peak memory (VmHWM) {:.0} MB", kb as f64 / 1024.0);
    }
    if latencies.len() != total || !wrong.is_empty() || per_chat.len() != users as usize {
        anyhow::bail!("not every message was answered exactly once: {} chats with a wrong count, {} chats answered", wrong.len(), per_chat.len());
    }
    println!("every message answered exactly once");
    Ok(())
}
