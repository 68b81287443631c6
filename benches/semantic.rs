//! Speed of semantic search: one message's embedding, and the whole `scores` call (embedding plus
//! comparison with every title and question of the shipped Leiden knowledge base).
//!
//! Run: `scripts/model && cargo bench --bench semantic` (skipped when there is no model).

use criterion::{criterion_group, criterion_main, Criterion};
use std::path::PathBuf;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::load_snapshot;
use wegwijs::semantic::{Kind, QUERY_TOKENS};

const SHORT: &[&str] = &["Hoe krijg ik een BSN?", "where can I learn Dutch", "كيف أسجل عند طبيب العائلة", "Sağlık sigortası zorunlu mu?"];
const LONG: &[&str] = &[
    "I moved to Leiden last month with my wife and two children and we still have not registered at the town hall, is it too late and will we get a fine?",
    "Я работаю в Нидерландах уже три месяца, но до сих пор не понимаю, нужно ли мне оформлять медицинскую страховку и сколько это стоит в месяц",
];

fn bench(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let model = root.join(".model/multilingual-e5-small");
    if !model.is_dir() {
        eprintln!("no model in {}: run scripts/model", model.display());
        return;
    }
    // A lasting cache folder: only the first run embeds the knowledge base.
    let mut cfg = BotConfig::load(&root.join("bots/leiden.toml")).unwrap().with_data_dir(Some(root.join("target/semantic-bench")));
    cfg.semantic_model = Some(model);
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    let index = snap.semantic.as_ref().unwrap();
    let m = index.model();
    for (name, set) in [("short", SHORT), ("long", LONG)] {
        let mut i = 0;
        c.bench_function(&format!("embed one {name} question"), |b| {
            b.iter(|| {
                i += 1;
                m.embed_capped(set[i % set.len()], Kind::Query, QUERY_TOKENS).unwrap()
            })
        });
    }
    let mut i = 0;
    c.bench_function(&format!("scores over the Leiden knowledge base ({} texts)", index.stats().texts), |b| {
        b.iter(|| {
            i += 1;
            index.scores(SHORT[i % SHORT.len()])
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
