//! Prints, for every line of an eval file, the lexical ranking (top 10 with scores and anchors) and
//! the semantic one (top 10 cosine similarities) as JSON lines: the raw material for choosing how
//! `[search]` weighs the two (see `semantic_weight` and friends).
//!
//! cargo run --example fusion_dump -- eval/own/integration.jsonl [bots/leiden.toml] > dump.jsonl

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let file = PathBuf::from(args.get(1).map(String::as_str).unwrap_or("eval/own/integration.jsonl"));
    let bot = PathBuf::from(args.get(2).map(String::as_str).unwrap_or("bots/leiden.toml"));
    // A data folder that outlives the run (WEGWIJS_DUMP_DATA) keeps the vector cache warm.
    let data = tempfile::tempdir()?;
    let mut cfg = wegwijs::bot::BotConfig::load(&bot)?;
    cfg.data_dir = std::env::var_os("WEGWIJS_DUMP_DATA").map(PathBuf::from).unwrap_or_else(|| data.path().to_path_buf());
    let (snapshot, _) = wegwijs::conversation::load_snapshot(&cfg, &|_| {})?;
    let store = std::sync::Arc::new(wegwijs::store::SqliteStore::open(&data.path().join("db.sqlite"))?);
    let engine = wegwijs::conversation::Engine::new(cfg, snapshot, store);
    for line in std::fs::read_to_string(&file)?.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let Some(expect) = v.get("expect").and_then(|e| e.as_array()) else { continue };
        let q = v["q"].as_str().unwrap_or("");
        let asked = engine.ask(q, None);
        let lex: Vec<_> = asked.lexical.as_ref().unwrap_or(&asked.ranked).topics.iter().take(10).map(|s| serde_json::json!([s.topic, s.score, s.anchored])).collect();
        let sem: Vec<_> = asked.semantic.iter().take(10).map(|(t, c)| serde_json::json!([t, c])).collect();
        println!("{}", serde_json::json!({"q": q, "lang": v["lang"], "expect": expect, "lex": lex, "sem": sem}));
    }
    Ok(())
}
