//! Prints, for every line of an eval file, the expected topics, the best three topics with their
//! scores and the decision: the raw material for tuning `[search]` thresholds.
//!
//! cargo run --release --example score_dump -- eval/own/integration.jsonl [bots/leiden.toml]

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let file = PathBuf::from(args.get(1).map(String::as_str).unwrap_or("eval/own/integration.jsonl"));
    let bot = PathBuf::from(args.get(2).map(String::as_str).unwrap_or("bots/leiden.toml"));
    let data = tempfile::tempdir()?;
    let mut cfg = wegwijs::bot::BotConfig::load(&bot)?;
    cfg.data_dir = data.path().to_path_buf();
    let (snapshot, _) = wegwijs::conversation::load_snapshot(&cfg, &|_| {})?;
    let store = std::sync::Arc::new(wegwijs::store::SqliteStore::open(&data.path().join("db.sqlite"))?);
    let engine = wegwijs::conversation::Engine::new(cfg, snapshot, store);
    for line in std::fs::read_to_string(&file)?.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let Some(expect) = v.get("expect").and_then(|e| e.as_array()) else { continue };
        let q = v["q"].as_str().unwrap_or("");
        let expect: Vec<&str> = expect.iter().filter_map(|e| e.as_str()).collect();
        let asked = engine.ask(q, None);
        let top: Vec<String> = asked
            .ranked
            .topics
            .iter()
            .take(3)
            .map(|s| format!("{}{}:{:.3}", s.topic, if s.anchored { "*" } else { "" }, s.score))
            .collect();
        let hit = asked.ranked.topics.first().is_some_and(|s| expect.contains(&s.topic.as_str()));
        let kind = if expect.is_empty() { "OOS" } else if hit { "HIT" } else { "MISS" };
        let decision = match &asked.ranked.decision {
            wegwijs::search::Decision::Answer(_) => "answer",
            wegwijs::search::Decision::Choose(_) => "choose",
            wegwijs::search::Decision::DontKnow => "dontknow",
        };
        println!("{kind}\t{decision}\t{}\t{}\t{}\t{}", v["lang"].as_str().unwrap_or(""), expect.join(","), top.join(" "), q.replace('\t', " "));
    }
    Ok(())
}
