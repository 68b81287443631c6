//! Start-up, memory and speed of the shipped Leiden bot with semantic search.
//!
//! cargo run --release --example semantic_startup -- [--model DIR | --no-model] [--data DIR]
//!
//! `--model` defaults to `.model/multilingual-e5-small` (made by `scripts/model`); `--data` defaults to
//! a fresh temporary folder, so the vector cache is cold. Run twice with the same `--data` for a
//! warm start. Prints the start-up time (knowledge, lexical index, language model, embedding model
//! and vectors), how many vectors were embedded or cached, per-question latency of the semantic
//! scores and of the whole engine, and the process's peak and current resident memory.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, Engine};
use wegwijs::message::{ChatRef, Incoming};
use wegwijs::store::SqliteStore;

/// Questions of every length in many languages, written for this measurement.
const QUESTIONS: &[&str] = &[
    "BSN",
    "huisarts",
    "Hoe krijg ik een BSN?",
    "where can I learn Dutch",
    "كيف أسجل عند طبيب العائلة",
    "Sağlık sigortası zorunlu mu?",
    "Jak założyć konto w banku?",
    "Як отримати DigiD?",
    "Как записаться к стоматологу?",
    "چطور بیمه درمانی بگیرم؟",
    "Sidee baan u helayaa dhakhtar?",
    "¿Necesito un seguro médico en Holanda?",
    "Comment obtenir une carte de bibliothèque ?",
    "Wie melde ich mich bei der Gemeinde an?",
    "如何申请儿童补贴？",
    "Como faço para registar o meu endereço?",
    "Cum îmi recunosc diploma în Olanda?",
    "Come posso trovare un lavoro a Leiden?",
    "ኣብ ሆላንድ ከመይ ገይረ ሓኪም ክረክብ እኽእል?",
    "what is the weather tomorrow",
    "I moved to Leiden last month with my wife and two children and we still have not registered at the town hall, is it too late and will we get a fine?",
    "Mijn zoon is vier en ik weet niet hoe ik hem moet aanmelden voor de basisschool, en kan hij ook naar een school waar ze Engels spreken?",
    "لقد وصلت حديثاً إلى هولندا وأريد أن أعرف كيف أفتح حساباً بنكياً إذا لم يكن لدي رقم BSN بعد، وما هي الأوراق المطلوبة؟",
    "Я работаю в Нидерландах уже три месяца, но до сих пор не понимаю, нужно ли мне оформлять медицинскую страховку и сколько это стоит в месяц",
    "Ich habe meinen Führerschein in der Türkei gemacht und wohne jetzt in den Niederlanden, kann ich ihn umtauschen oder muss ich eine neue Prüfung machen?",
];

fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find(|l| l.starts_with(field))?.split_whitespace().nth(1)?.parse().ok()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut model = Some(root.join(".model/multilingual-e5-small"));
    let mut data = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--model" => model = args.next().map(PathBuf::from),
            "--no-model" => model = None,
            "--data" => data = args.next().map(PathBuf::from),
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    let tmp = tempfile::tempdir()?;
    let data = data.unwrap_or_else(|| tmp.path().to_path_buf());
    let mut cfg = BotConfig::load(&root.join("bots/leiden.toml"))?.with_data_dir(Some(data.clone()));
    cfg.semantic_model = model.clone();

    let t0 = Instant::now();
    let (snap, _) = load_snapshot(&cfg, &|_| {})?;
    let startup = t0.elapsed().as_secs_f64();
    println!("start-up (load_snapshot): {startup:.2} s, data dir {}", data.display());
    match &snap.semantic {
        Some(s) => {
            let st = s.stats();
            println!("vectors: {} texts, {} embedded now, {} from the cache", st.texts, st.embedded, st.reused);
        }
        None => println!("no semantic index (lexical only)"),
    }
    let engine = Engine::new(cfg, snap, Arc::new(SqliteStore::in_memory()?));
    let snap = engine.snapshot();

    let chat = ChatRef::new("probe", "1");
    let (mut sem, mut all) = (Vec::new(), Vec::new());
    for round in 0..4 {
        for q in QUESTIONS {
            let t = Instant::now();
            let n = snap.semantic.as_ref().map_or(0, |s| s.scores(q).len());
            let s_ms = t.elapsed().as_secs_f64() * 1e3;
            engine.handle(&Incoming::text(chat.clone(), "u", *q));
            let a_ms = t.elapsed().as_secs_f64() * 1e3;
            // The first round warms caches and is not counted.
            if round > 0 {
                sem.push(s_ms);
                all.push(a_ms);
            }
            std::hint::black_box(n);
        }
    }
    sem.sort_by(f64::total_cmp);
    all.sort_by(f64::total_cmp);
    println!(
        "semantic scores per question: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({} questions)",
        percentile(&sem, 0.5),
        percentile(&sem, 0.99),
        sem[sem.len() - 1],
        sem.len()
    );
    println!(
        "scores + engine.handle (detect, lexical search, compose): p50 {:.1} ms, p99 {:.1} ms",
        percentile(&all, 0.5),
        percentile(&all, 0.99)
    );
    println!(
        "resident memory: peak (VmHWM) {:.0} MB, now (VmRSS) {:.0} MB",
        status_kb("VmHWM:").unwrap_or(0) as f64 / 1024.0,
        status_kb("VmRSS:").unwrap_or(0) as f64 / 1024.0
    );
    Ok(())
}
