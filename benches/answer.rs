//! Speed: one question end to end (detect, search, compose), and index builds, on the shipped
//! knowledge base and on a generated one of 10,000 topics.
//!
//! Run: `cargo bench --bench answer`

use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, train_model, Engine, Snapshot};
use wegwijs::knowledge::{Date, KnowledgeBase, Status, Topic, TopicId, Translation};
use wegwijs::lang::Lang;
use wegwijs::language::Detector;
use wegwijs::locale::Locales;
use wegwijs::message::{ChatRef, Incoming};
use wegwijs::search::SearchIndex;
use wegwijs::store::SqliteStore;

const QUESTIONS: &[&str] = &[
    "Hoe krijg ik een BSN?",
    "how do I register with a doctor",
    "كيف أحصل على تأمين صحي",
    "Sağlık sigortası zorunlu mu",
    "Як зареєструватися в муніципалітеті",
    "what is the weather tomorrow",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped(data: &Path) -> Engine {
    let cfg = BotConfig::load(&root().join("bots/leiden.toml")).unwrap().with_data_dir(Some(data.to_path_buf()));
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    Engine::new(cfg, snap, Arc::new(SqliteStore::in_memory().unwrap()))
}

/// A generated knowledge base: `n` topics with English and Dutch text drawn from a fixed vocabulary.
fn generated(n: usize) -> KnowledgeBase {
    let words: Vec<String> = (0..5_000).map(|i| format!("w{}x{}", i % 97, i)).collect();
    let mut rng = fastrand::Rng::with_seed(7);
    let mut pick = |k: usize| (0..k).map(|_| words[rng.usize(..words.len())].clone()).collect::<Vec<_>>().join(" ");
    let topics = (0..n)
        .map(|i| {
            let mut translations = BTreeMap::new();
            for lang in [Lang::En, Lang::Nl] {
                translations.insert(
                    lang,
                    Translation {
                        lang,
                        title: pick(4),
                        questions: (0..8).map(|_| pick(6)).collect(),
                        keywords: vec![pick(2)],
                        status: Status::Reviewed,
                        source: None,
                        body: Some(pick(80)),
                        file: PathBuf::new(),
                    },
                );
            }
            Topic {
                id: TopicId::parse(&format!("t-{i:05}")).unwrap(),
                layer: "national".into(),
                dir: PathBuf::new(),
                authority: "x".into(),
                domains: vec![],
                related: vec![],
                reviewed: Date { year: 2026, month: 1, day: 1 },
                review_every_days: 365,
                sources: vec![],
                links: vec![],
                safeguarding: false,
                safeguarding_category: None,
                checked: vec![],
                translations,
            }
        })
        .collect();
    KnowledgeBase::new(topics)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let engine = shipped(dir.path());
    let chat = ChatRef::new("bench", "1");
    let mut i = 0;
    c.bench_function("shipped: one question end to end", |b| {
        b.iter(|| {
            i += 1;
            engine.handle(&Incoming::text(chat.clone(), "u", QUESTIONS[i % QUESTIONS.len()]))
        })
    });
    let kb = engine.snapshot();
    let mut g = c.benchmark_group("index build");
    g.sample_size(10);
    g.bench_function("shipped knowledge base", |b| b.iter(|| SearchIndex::build_in_ram(&kb.kb).unwrap()));
    g.finish();

    let big = generated(10_000);
    let cfg = engine.config().clone();
    let locales = Locales::load(&root().join("locales")).unwrap();
    let detector = Detector::new(train_model(&kb.kb, &root().join("locales")), &Lang::ALL);
    let index = SearchIndex::build_in_ram(&big).unwrap();
    let sample: Vec<String> = big.topics().iter().step_by(997).map(|t| t.translations[&Lang::En].questions[0].clone()).collect();
    let big_engine = Engine::new(cfg, Snapshot { kb: big, index, locales, detector, triggers: Default::default(), semantic: None, distress: None }, Arc::new(SqliteStore::in_memory().unwrap()));
    let mut j = 0;
    c.bench_function("10,000 topics: one question end to end", |b| {
        b.iter(|| {
            j += 1;
            big_engine.handle(&Incoming::text(chat.clone(), "u", sample[j % sample.len()].as_str()))
        })
    });
    let mut g = c.benchmark_group("index build 10,000 topics");
    g.sample_size(10);
    g.bench_function("generated knowledge base", |b| b.iter(|| SearchIndex::build_in_ram(&big_engine.snapshot().kb).unwrap()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
