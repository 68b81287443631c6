//! Running it as a service: metrics scraped during a conversation, the daily aggregates and the
//! report built from them, backups restored into a second bot, and the bot file check.

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, Engine};
use wegwijs::message::{Action, ChatRef, TicketOp};
use wegwijs::store::{SqliteStore, Store};
use wegwijs::transport::memory::{find_action, plain, Hub};

/// Monday 2026-11-23 10:00 in Amsterdam (office hours).
const MONDAY_10: i64 = 1_795_424_400;
const FATIMA: &str = "@fatima:test";

fn engine(data: &Path, clock: &Arc<AtomicI64>) -> Engine {
    let cfg = BotConfig::load(&common::root().join("tests/fixtures/bots/escalation.toml")).unwrap().with_data_dir(Some(data.to_path_buf()));
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    let store = SqliteStore::open(&data.join("wegwijs.sqlite")).unwrap();
    let c = clock.clone();
    Engine::new(cfg, snap, Arc::new(store)).with_clock(Arc::new(move || c.load(Ordering::SeqCst)))
}

fn matrix_room() -> ChatRef {
    ChatRef::new("matrix", "!advisors:test")
}

/// Identities and words that must never leave the conversation.
const SECRET_CHAT: &str = "chat-7731-zebra";
const SECRET_USER: &str = "user-4412-quokka";
const SECRET_WORDS: &str = "flamingo";

/// A scripted run: newcomers over three days asking in Dutch, English and Arabic; answers,
/// choices, "don't know", feedback, a danger message, tickets claimed, answered and closed.
fn scripted_run(engine: &Engine, hub: &mut Hub, clock: &AtomicI64) -> Vec<u64> {
    let mut tickets = Vec::new();
    for day in 0..3 {
        for i in 0..14 {
            let chat = ChatRef::new("telegram", format!("{SECRET_CHAT}-{day}-{i}"));
            let user = format!("{SECRET_USER}-{day}-{i}");
            let q = match i % 7 {
                0 | 1 => "Hoe krijg ik een BSN?",
                2 => "How do I register with a GP?",
                3 => "Ik wil me inschrijven op een adres in Leiden",
                4 => "كيف أحصل على رقم المواطن BSN",
                5 => "What is the health insurance I need?",
                _ => "Where can I buy a pink flamingo costume for the carnival parade?",
            };
            hub.say(engine, &chat, &user, q);
            if i % 7 == 0 {
                hub.press(engine, &chat, &user, Action::Feedback { topic: wegwijs::knowledge::TopicId::parse("bsn").unwrap(), helped: true });
            }
            if i == 6 && day < 2 {
                hub.press(engine, &chat, &user, Action::Advisor);
                let t = engine.store().active_ticket(&chat).unwrap().expect("a ticket");
                tickets.push(t.id);
                clock.fetch_add(420, Ordering::SeqCst);
                let claim = find_action(&hub.take(&matrix_room()), |a| matches!(a, Action::Ticket { op: TicketOp::Claim, ticket } if *ticket == t.id));
                if let Some(a) = claim {
                    hub.press(engine, &matrix_room(), FATIMA, a);
                }
                hub.say(engine, &matrix_room(), FATIMA, &format!("/reply {} Je kunt langskomen op het stadhuis.", t.id));
                if day == 0 {
                    hub.say(engine, &matrix_room(), FATIMA, &format!("/close {}", t.id));
                }
            }
        }
        let danger = ChatRef::new("telegram", format!("{SECRET_CHAT}-danger-{day}"));
        hub.say(engine, &danger, SECRET_USER, "Mijn man slaat me en ik ben bang");
        clock.fetch_add(86_400, Ordering::SeqCst);
    }
    tickets
}

async fn get(url: &str) -> (u16, String) {
    let r = reqwest::get(url).await.expect("the metrics server answers");
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

/// The value of one sample line, e.g. `wegwijs_messages_in_total{platform="telegram"}`.
fn sample(text: &str, name_and_labels: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name_and_labels).and_then(|rest| rest.trim().split_whitespace().next()).and_then(|v| v.parse().ok()))
        .unwrap_or_else(|| panic!("no sample {name_and_labels} in\n{text}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_scraped_during_a_conversation_and_name_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(AtomicI64::new(MONDAY_10));
    let engine = Arc::new(engine(dir.path(), &clock));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, rx) = tokio::sync::watch::channel(false);
    let server = tokio::spawn(wegwijs::metrics::serve(engine.clone(), listener, std::time::Duration::from_secs(300), rx));

    assert_eq!(get(&format!("{base}/healthz")).await.0, 200);
    // No platform is expected by this engine: ready once the index is loaded.
    assert_eq!(get(&format!("{base}/readyz")).await.0, 200);

    // Scrapes while the conversation goes on: every one answers, and the counts only grow.
    let e = engine.clone();
    let c = clock.clone();
    let run = tokio::task::spawn_blocking(move || {
        let mut hub = Hub::new(&["telegram", "matrix"]);
        scripted_run(&e, &mut hub, &c)
    });
    let mut seen = Vec::new();
    while !run.is_finished() {
        let (status, text) = get(&format!("{base}/metrics")).await;
        assert_eq!(status, 200);
        seen.push(text.lines().find_map(|l| l.strip_prefix("wegwijs_messages_in_total{platform=\"telegram\"} ")).map_or(0.0, |v| v.parse::<f64>().unwrap()));
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let tickets = run.await.unwrap();
    assert!(seen.len() >= 2 && seen.iter().any(|n| *n > 0.0), "scraped during the conversation: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "counters only grow: {seen:?}");
    let (status, text) = get(&format!("{base}/metrics")).await;
    assert_eq!(status, 200);

    // Counts by platform, language and outcome.
    assert!(sample(&text, "wegwijs_messages_in_total{platform=\"telegram\"}") >= 45.0, "{text}");
    assert!(sample(&text, "wegwijs_messages_out_total{platform=\"telegram\"}") >= 45.0, "{text}");
    assert!(sample(&text, "wegwijs_messages_out_total{platform=\"matrix\"}") >= 4.0, "{text}");
    assert!(sample(&text, "wegwijs_questions_total{lang=\"nl\",outcome=\"answered\"}") >= 6.0, "{text}");
    assert!(sample(&text, "wegwijs_questions_total{lang=\"en\",outcome=\"dont_know\"}") >= 3.0, "{text}");
    assert!(sample(&text, "wegwijs_safeguarding_alerts_total{kind=\"domestic\"}") >= 3.0, "{text}");
    assert_eq!(sample(&text, "wegwijs_tickets_opened_total{reason=\"asked\"}"), tickets.len() as f64);
    assert_eq!(sample(&text, "wegwijs_tickets_claimed_total"), 2.0);
    assert_eq!(sample(&text, "wegwijs_tickets_closed_total"), 1.0);
    assert_eq!(sample(&text, "wegwijs_first_human_reply_seconds_count"), 2.0);
    assert_eq!(sample(&text, "wegwijs_first_human_reply_seconds_bucket{le=\"900.0\"}"), 2.0, "replies came after 7 minutes");
    assert!(sample(&text, "wegwijs_question_latency_seconds_count") >= 40.0);
    assert!(sample(&text, "wegwijs_index_documents") > 0.0);
    assert!(text.contains("wegwijs_knowledge_reloads_total 0"));

    // No identity and no words in any label: every label value is from a short, fixed list.
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        assert!(!line.contains("zebra") && !line.contains("quokka") && !line.contains(SECRET_WORDS), "{line}");
        assert!(!line.contains("!advisors") && !line.contains("fatima") && !line.contains("BSN"), "{line}");
        if let Some(labels) = line.split_once('{').and_then(|(_, r)| r.split_once('}')).map(|(l, _)| l) {
            for pair in labels.split(',') {
                let (key, value) = pair.split_once('=').unwrap();
                let value = value.trim_matches('"');
                let allowed = match key {
                    "platform" => ["telegram", "matrix"].contains(&value),
                    "lang" => wegwijs::lang::Lang::from_code(value).is_some(),
                    "outcome" => ["answered", "choice", "dont_know"].contains(&value),
                    "kind" => wegwijs::escalation::Category::from_name(value).is_some(),
                    "reason" => ["asked", "misses", "safeguarding"].contains(&value),
                    "helped" => ["yes", "no"].contains(&value),
                    "le" => value.parse::<f64>().is_ok() || value == "+Inf",
                    _ => false,
                };
                assert!(allowed, "unexpected label {key}={value} in {line}");
            }
        }
    }

    // A platform that serve expects but that never connected makes the bot not ready.
    engine.metrics().expect_platform("telegram");
    let (status, body) = get(&format!("{base}/readyz")).await;
    assert_eq!(status, 503);
    assert!(body.contains("telegram is not connected"), "{body}");
    engine.metrics().set_connected("telegram", true);
    let _ = engine.pending("telegram");
    assert_eq!(get(&format!("{base}/readyz")).await.0, 200);
    // A platform serve runs always has a backlog sample, 0 once everything is delivered.
    let (_, text) = get(&format!("{base}/metrics")).await;
    assert_eq!(sample(&text, "wegwijs_outbox_backlog{platform=\"telegram\"}"), 0.0, "everything was delivered");
    assert_eq!(sample(&text, "wegwijs_platform_connected{platform=\"telegram\"}"), 1.0);

    stop.send(true).unwrap();
    server.await.unwrap().unwrap();
}

#[test]
fn daily_aggregates_hold_no_chat_id_and_no_text() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(AtomicI64::new(MONDAY_10));
    let engine = engine(dir.path(), &clock);
    let mut hub = Hub::new(&["telegram", "matrix"]);
    scripted_run(&engine, &mut hub, &clock);

    let rows = engine.store().daily("2000-01-01").unwrap();
    assert!(rows.len() > 10, "{rows:?}");
    // Every column of every row, read straight from the file.
    let conn = rusqlite_dump(&dir.path().join("wegwijs.sqlite"));
    let words = ["zebra", "quokka", "7731", "4412", SECRET_WORDS, "BSN", "flamingo", "stadhuis", "slaat", "!advisors", "fatima", "Fatima", "telegram"];
    for row in &conn {
        for w in words {
            assert!(!row.contains(w), "an aggregate holds {w:?}: {row}");
        }
    }
    let days: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.day.as_str()).collect();
    assert_eq!(days.into_iter().collect::<Vec<_>>(), ["2026-11-23", "2026-11-24", "2026-11-25"]);
    let count = |e: wegwijs::usage::Event| rows.iter().filter(|r| r.event == e).map(|r| r.count).sum::<u64>();
    use wegwijs::usage::Event;
    let opened = |reason: &str| rows.iter().filter(|r| r.event == Event::TicketOpened && r.bucket == reason).map(|r| r.count).sum::<u64>();
    // Two asked for a person; each danger message opened an urgent ticket as well.
    assert_eq!((opened("asked"), opened("safeguarding")), (2, 3));
    assert_eq!(count(Event::TicketOpened), 5);
    assert_eq!(count(Event::FirstReply), 2);
    assert_eq!(count(Event::Safeguarding), 3);
    assert!(count(Event::Answered) >= 18);
    // Forgetting a person leaves the anonymous counts as they are.
    let before = rows.len();
    hub.say(&engine, &ChatRef::new("telegram", format!("{SECRET_CHAT}-0-0")), SECRET_USER, "/forget");
    assert_eq!(engine.store().daily("2000-01-01").unwrap().len(), before);
}

/// Every row of the `daily` table, all columns joined.
fn rusqlite_dump(db: &Path) -> Vec<String> {
    // The test reads the file with the sqlite3 shell's format through the store's own backup: no
    // second SQLite binding needed.
    let copy = db.with_file_name("dump.sqlite");
    SqliteStore::backup(db, &copy).unwrap();
    let store = SqliteStore::open(&copy).unwrap();
    store
        .daily("0000")
        .unwrap()
        .into_iter()
        .map(|r| format!("{}|{:?}|{:?}|{}|{}|{}|{}", r.day, r.lang, r.topic, r.event.as_str(), r.bucket, r.count, r.total))
        .collect()
}

#[test]
fn the_report_is_one_page_with_charts_and_hides_small_counts() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(AtomicI64::new(MONDAY_10));
    let engine = engine(dir.path(), &clock);
    let mut hub = Hub::new(&["telegram", "matrix"]);
    scripted_run(&engine, &mut hub, &clock);
    let page = wegwijs::report::for_bot(engine.config(), engine.store().as_ref(), "7d", clock.load(Ordering::SeqCst)).unwrap();
    // Kept for a look after the run (target/tmp/ops-report.html).
    let _ = std::fs::write(Path::new(env!("CARGO_TARGET_TMPDIR")).join("ops-report.html"), &page);
    for section in [
        "Questions per day and language",
        "What happened to the questions, per language",
        "Topics asked most",
        "Unanswered themes",
        "Time to the first reply",
        "No ratings yet",
        "Integration domains of the topics asked",
        "Safeguarding alerts",
    ] {
        assert!(page.contains(section), "missing {section}");
    }
    assert!(page.matches("<svg").count() >= 5, "charts are inline SVG");
    assert!(!page.contains("<script") && !page.contains("src=") && !page.contains("href="), "self-contained, nothing to load");
    // Counts under 10 never appear as such: every number in a table cell is 0 or at least 10.
    assert!(!page.contains("<10"), "\"<10\" is escaped in the HTML");
    let text_after = |tag: &str| -> Vec<String> { page.split(tag).skip(1).map(|c| c.split('<').next().unwrap_or("").to_string()).collect() };
    let mut cells = text_after("<td>");
    cells.extend(text_after("<b>"));
    // Bar tooltips end in ": <count>".
    cells.extend(text_after("<title>").iter().filter_map(|t| t.rsplit_once(": ").map(|(_, n)| n.to_string())));
    assert!(cells.iter().any(|c| c == "&lt;10"), "small counts are shown as <10");
    for c in &cells {
        if let Ok(n) = c.trim_start_matches('≈').parse::<u64>() {
            assert!(n == 0 || n >= 10, "a count under 10 is shown: {c}");
        }
    }
    // The Dutch BSN question was asked 12 times: shown exactly.
    assert!(page.contains("Citizen service number") || page.contains("BSN"), "the most asked topic is named");
    // Nobody is named; the unanswered theme asked six times is shown, masked and without numbers.
    for w in ["zebra", "quokka", "7731", "stadhuis", "slaat"] {
        assert!(!page.contains(w), "the report holds {w:?}");
    }
    assert!(page.contains("flamingo costume"), "a theme asked six times is shown");
    std::fs::write(dir.path().join("report.html"), &page).unwrap();
    chromium_renders(&dir.path().join("report.html"));
}

/// Opens the page in headless Chromium and checks the charts are there after parsing.
fn chromium_renders(page: &Path) {
    let Some(chromium) = ["chromium", "chromium-browser"].into_iter().find(|b| std::process::Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success())) else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("chromium is needed for this test (apt-get install chromium)");
        }
        eprintln!("chromium not found: the page was not opened in a browser");
        return;
    };
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(dom.matches("<svg").count() >= 5, "chromium sees the charts: {}", String::from_utf8_lossy(&out.stderr));
    assert!(dom.contains("Questions per day and language"));
}

#[test]
fn a_backup_taken_while_the_bot_works_serves_the_same_tickets_in_a_second_bot() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(AtomicI64::new(MONDAY_10));
    let engine = Arc::new(engine(dir.path(), &clock));
    let mut hub = Hub::new(&["telegram", "matrix"]);
    let tickets = scripted_run(&engine, &mut hub, &clock);
    let open = *tickets.last().unwrap();

    // The bot keeps handling messages while the backup runs in another process.
    let busy = {
        let engine = engine.clone();
        std::thread::spawn(move || {
            let mut hub = Hub::new(&["telegram", "matrix"]);
            for i in 0..150 {
                let chat = ChatRef::new("telegram", format!("busy-{i}"));
                hub.say(&engine, &chat, "u", "Hoe krijg ik een BSN?");
            }
        })
    };
    let copy = dir.path().join("backup.sqlite");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .args(["--bot", common::root().join("tests/fixtures/bots/escalation.toml").to_str().unwrap()])
        .args(["--data-dir", dir.path().to_str().unwrap(), "backup", copy.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("tickets"), "{}", String::from_utf8_lossy(&out.stdout));
    busy.join().unwrap();

    // Restore: the copy becomes the database of a second bot in another folder.
    let second = tempfile::tempdir().unwrap();
    std::fs::copy(&copy, second.path().join("wegwijs.sqlite")).unwrap();
    let restored = engine_at(second.path(), &clock);
    let original: Vec<_> = engine.store().active_tickets().unwrap().into_iter().map(|t| (t.id, t.state, t.lang, t.advisor)).collect();
    let again: Vec<_> = restored.store().active_tickets().unwrap().into_iter().map(|t| (t.id, t.state, t.lang, t.advisor)).collect();
    assert_eq!(again, original, "the same open tickets");
    assert!(again.iter().any(|t| t.0 == open));

    // The second bot serves them: the advisor answers the open ticket, the newcomer gets it.
    let mut hub2 = Hub::new(&["telegram", "matrix"]);
    hub2.say(&restored, &matrix_room(), FATIMA, "/tickets");
    assert!(plain(&hub2.take(&matrix_room())).contains(&format!("#{open}")));
    hub2.say(&restored, &matrix_room(), FATIMA, &format!("/reply {open} Tot morgen op het stadhuis."));
    let person = restored.store().ticket(open).unwrap().unwrap().person;
    assert!(plain(&hub2.take(&person)).contains("Tot morgen op het stadhuis."));
    assert!(restored.store().daily("2000-01-01").unwrap().len() >= engine.store().daily("2000-01-01").unwrap().len() / 2);
}

fn engine_at(data: &Path, clock: &Arc<AtomicI64>) -> Engine {
    engine(data, clock)
}

#[test]
fn the_bot_file_check_lists_every_problem_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = common::root();
    let bot = dir.path().join("bot.toml");
    std::fs::write(
        &bot,
        format!(
            r#"id = "checked"
municipality = "Leiden"
layers = ["national", "nowhere"]
knowledge_dir = "{k}"
locales_dir = "{l}"
data_dir = "{d}"
colour = "blue"

[telegram]
token_env = "WEGWIJS_CHECK_TEST_NEVER_SET"
advisors_chat = -100
tokn_env = "X"

[metrics]
listen = "localhost"

[escalation]
rooms = [{{ platform = "matrix", chat = "!r:x" }}]

[[advisors]]
name = "Nobody Without Accounts"
languages = ["nl"]

[[advisors]]
name = "Matrix Only"
matrix = "@m:x"
languages = ["en"]
"#,
            k = root.join("tests/fixtures/knowledge").display(),
            l = root.join("locales").display(),
            d = dir.path().join("data").display()
        ),
    )
    .unwrap();
    let problems = wegwijs::check::bot_file(&bot, None);
    let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let text = lines.join("\n");
    let at = |line: usize, needle: &str| {
        assert!(lines.iter().any(|l| l.starts_with(&format!("{}:{line}: ", bot.display())) && l.contains(needle)), "expected line {line}: {needle}\n{text}");
    };
    at(3, "knowledge layer `nowhere`");
    at(7, "unknown key `colour`");
    at(10, "WEGWIJS_CHECK_TEST_NEVER_SET is not set");
    at(12, "unknown key `tokn_env` in [telegram] (did you mean `token_env`?)");
    at(15, "`metrics.listen`");
    at(18, "advisors' room on matrix, but this bot file has no [matrix] section");
    at(21, "advisor \"Nobody Without Accounts\" has no account");
    at(25, "advisor \"Matrix Only\" has no account on a platform this bot runs");
    assert!(wegwijs::check::has_errors(&problems));

    // The command prints the same and fails; `serve` refuses to start, with JSON logs if asked.
    let cli = |args: &[&str], creds: Option<&Path>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"));
        c.arg("--bot").arg(&bot).args(args).env_remove("WEGWIJS_CHECK_TEST_NEVER_SET");
        if let Some(d) = creds {
            c.env("CREDENTIALS_DIRECTORY", d);
        }
        c.output().unwrap()
    };
    let out = cli(&["check"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("{}:7: unknown key `colour`", bot.display())));
    let out = cli(&["--log-format", "json", "serve"], None);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let logged: Vec<serde_json::Value> = stderr.lines().filter(|l| l.starts_with('{')).map(|l| serde_json::from_str(l).expect("a JSON log line")).collect();
    assert!(logged.iter().any(|v| v["level"] == "ERROR" && v["message"].as_str().is_some_and(|m| m.contains("unknown key `colour`"))), "{stderr}");
    assert!(stderr.contains("not starting"), "{stderr}");

    // A secret in systemd's credentials folder counts as set.
    let creds = tempfile::tempdir().unwrap();
    std::fs::write(creds.path().join("WEGWIJS_CHECK_TEST_NEVER_SET"), "123:abc\n").unwrap();
    let out = cli(&["check"], Some(creds.path()));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("NEVER_SET is not set"), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn the_shipped_bot_files_pass_the_check() {
    for bot in ["bots/leiden.toml", "bots/leidschendam-voorburg.toml"] {
        let data = tempfile::tempdir().unwrap();
        let problems = wegwijs::check::bot_file(&common::root().join(bot), Some(data.path()));
        assert!(!wegwijs::check::has_errors(&problems), "{bot}: {problems:?}");
    }
}

#[test]
fn a_database_from_a_newer_version_is_refused_not_misread() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wegwijs.sqlite");
    drop(SqliteStore::open(&db).unwrap());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let known: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    conn.pragma_update(None, "user_version", known + 1).unwrap();
    drop(conn);
    let err = SqliteStore::open(&db).err().expect("a newer schema is refused");
    assert!(format!("{err:#}").contains("newer Wegwijs"), "{err:#}");
}
