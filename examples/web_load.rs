//! Load test: simulated newcomers talk to the real web transport (`wegwijs serve` with a `[web]`
//! section) over WebSockets on loopback. Each opens a session, sends a question, waits for the
//! answer, acknowledges it and sends the next; all start at once.
//!
//! cargo run --release --example web_load -- [SESSIONS] [MESSAGES_EACH] [--semantic]   (default 500 5)
//!
//! `--semantic` adds the embedding model (scripts/model) and the shared vector cache, as the shipped
//! bots have them; without it the bot uses lexical search only.
//!
//! Prints messages per second, p50/p99 from sending a question to its answer arriving, and the
//! process's peak memory (server and clients together); fails when any question is not answered
//! exactly once or any answer is left unacknowledged in the outbox.

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, Engine};
use wegwijs::store::SqliteStore;

/// Questions that each get exactly one answer (no safeguarding, no ticket).
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

/// One newcomer: returns the time from each question to its answer, and the answers' outbox ids.
async fn newcomer(port: u16, n: usize, each: usize) -> anyhow::Result<(Vec<Duration>, Vec<u64>)> {
    let mut req = format!("ws://127.0.0.1:{port}/ws").into_client_request()?;
    req.headers_mut().insert("Origin", format!("http://127.0.0.1:{port}").parse()?);
    let (mut ws, _) = tokio_tungstenite::connect_async(req).await?;
    ws.send(Message::text(json!({"t": "hello"}).to_string())).await?;
    let mut latencies = Vec::new();
    let mut ids = Vec::new();
    let mut welcomed = false;
    let mut k = 0;
    let mut asked_at = Instant::now();
    let mut answered_this = 0;
    let deadline = Instant::now() + Duration::from_secs(600);
    while k < each {
        let frame = tokio::time::timeout_at(deadline.into(), ws.next()).await?.ok_or_else(|| anyhow::anyhow!("connection closed"))??;
        let Message::Text(t) = frame else { continue };
        let e: Value = serde_json::from_str(t.as_str())?;
        match e["t"].as_str() {
            Some("welcome") if !welcomed => welcomed = true,
            Some("msg") => {
                if answered_this == 0 {
                    latencies.push(asked_at.elapsed());
                }
                answered_this += 1;
                let id = e["id"].as_u64().unwrap_or(0);
                ids.push(id);
                ws.send(Message::text(json!({"t": "ack", "ids": [id]}).to_string())).await?;
                continue;
            }
            Some("ok") => {
                if answered_this != 1 {
                    anyhow::bail!("question {k} of session {n} got {answered_this} answers");
                }
                k += 1;
            }
            Some("notice") => anyhow::bail!("refused: {e}"),
            _ => continue,
        }
        if k < each {
            let q = QUESTIONS[(n + k) % QUESTIONS.len()];
            answered_this = 0;
            asked_at = Instant::now();
            ws.send(Message::text(json!({"t": "text", "id": format!("q{k}"), "text": q}).to_string())).await?;
        }
    }
    let _ = ws.close(None).await;
    Ok((latencies, ids))
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> anyhow::Result<()> {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sessions = args.first().copied().unwrap_or(500);
    let each = args.get(1).copied().unwrap_or(5);
    let dir = tempfile::tempdir()?;
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    // Everyone comes from 127.0.0.1 here, so the limits per address are lifted.
    let bot = format!(
        "id = \"load\"\nmunicipality = \"Leiden\"\nlayers = [\"national\", \"leiden\"]\nknowledge_dir = \"{}\"\nlocales_dir = \"{}\"\ndata_dir = \"{}\"\n[gaps]\nrecord = false\n\
         [web]\nlisten = \"127.0.0.1:{port}\"\nip_per_minute = 1000000\nip_burst = 1000000\nnew_sessions_per_ip_per_hour = 1000000\nmax_connections_per_ip = 100000\n",
        root.join("knowledge").display(),
        root.join("locales").display(),
        dir.path().display(),
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
    let server = tokio::spawn(wegwijs::serve::serve(engine.clone(), wegwijs::serve::Timing::default(), rx));
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let start = Instant::now();
    let clients: Vec<_> = (0..sessions).map(|n| tokio::spawn(newcomer(port, n, each))).collect();
    let mut latencies = Vec::new();
    let mut ids = Vec::new();
    let mut failures = Vec::new();
    for c in clients {
        match c.await? {
            Ok((l, i)) => {
                latencies.extend(l);
                ids.extend(i);
            }
            Err(e) => failures.push(e.to_string()),
        }
    }
    let elapsed = start.elapsed();
    // Acknowledgements are marked sent as they arrive; give the last ones a moment.
    let mut undelivered = usize::MAX;
    for _ in 0..100 {
        undelivered = engine.store().pending("web")?.len();
        if undelivered == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = stop.send(true);
    let _ = server.await;
    let total = sessions * each;
    let unique: HashSet<u64> = ids.iter().copied().collect();
    latencies.sort();
    let pct = |p: f64| latencies.get(((latencies.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or_default();
    println!("sessions {sessions}, messages each {each}, answered {} of {total}", latencies.len());
    println!("throughput {:.0} messages/s over {:.1} s", latencies.len() as f64 / elapsed.as_secs_f64(), elapsed.as_secs_f64());
    println!("question → answer: p50 {:.1} ms, p99 {:.1} ms", pct(0.5).as_secs_f64() * 1e3, pct(0.99).as_secs_f64() * 1e3);
    if let Some(kb) = peak_memory_kb() {
        println!("peak memory (VmHWM, server and clients) {:.0} MB", kb as f64 / 1024.0);
    }
    if !failures.is_empty() || latencies.len() != total || ids.len() != total || unique.len() != total || undelivered != 0 {
        anyhow::bail!(
            "not every question was answered exactly once: {} sessions failed (first: {:?}), {} answers, {} distinct, {} left unacknowledged",
            failures.len(),
            failures.first(),
            ids.len(),
            unique.len(),
            undelivered
        );
    }
    println!("every question answered exactly once; every answer acknowledged and marked sent");
    Ok(())
}
