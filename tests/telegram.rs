//! Telegram end to end: the real `serve` code path and teloxide's real HTTP client against a local fake
//! Bot API server (tests/fake_telegram) that speaks the Bot API's JSON.

mod common;
mod fake_telegram;

use fake_telegram::{Fake, Inner};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, Engine};
use wegwijs::message::{Action, TicketOp};
use wegwijs::serve::{serve, Timing};
use wegwijs::store::SqliteStore;

const GROUP: i64 = -100200;
const FATIMA: i64 = 9001;
const ANNA: i64 = 9003;

/// Writes a bot file for the fake server and returns the engine.
fn engine(data: &Path, fake: &Fake, extra: &str) -> Arc<Engine> {
    let root = common::root();
    let var = format!("WEGWIJS_TG_TOKEN_{}", data.file_name().unwrap().to_string_lossy().replace(|c: char| !c.is_ascii_alphanumeric(), "_"));
    // Each test has its own variable; nothing else reads it.
    unsafe { std::env::set_var(&var, "123456:TEST-token") };
    let bot = format!(
        r#"id = "tg-test"
municipality = "Leiden"
layers = ["national", "leiden"]
knowledge_dir = "{k}"
locales_dir = "{l}"
data_dir = "{d}"

[telegram]
token_env = "{var}"
api_url = "{url}"
advisors_chat = {GROUP}
poll_timeout_secs = 1
throttle = false
{extra}

[escalation]
hours = []
advisor_language = "en"

[[advisors]]
name = "Fatima El Amrani"
languages = ["ar", "nl", "en"]
telegram = {FATIMA}

[[advisors]]
name = "Anna de Vries"
languages = ["nl"]
telegram = {ANNA}
"#,
        k = root.join("tests/fixtures/knowledge").display(),
        l = root.join("locales").display(),
        d = data.display(),
        url = fake.url,
    );
    let path = data.join("bot.toml");
    std::fs::write(&path, bot).unwrap();
    let cfg = BotConfig::load(&path).unwrap();
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    let store = SqliteStore::open(&data.join("wegwijs.sqlite")).unwrap();
    Arc::new(Engine::new(cfg, snap, Arc::new(store)))
}

struct Running {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

fn start(engine: Arc<Engine>) -> Running {
    let (stop, rx) = watch::channel(false);
    let timing = Timing { pump_every: Duration::from_millis(50), tick_every: Duration::from_millis(200) };
    let task = tokio::spawn(serve(engine, timing, rx));
    Running { stop, task }
}

impl Running {
    async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(10), self.task).await.expect("serve stops when asked");
    }
}

fn last_button(fake: &Fake, chat: i64, pred: impl Fn(&Action) -> bool) -> (i64, String) {
    let sent = fake.sent_to(chat);
    for s in sent.iter().rev() {
        for (_, data) in &s.buttons {
            if Action::decode(data).is_some_and(|a| pred(&a)) {
                return (s.message_id, data.clone());
            }
        }
    }
    panic!("no such button in chat {chat}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn newcomers_are_answered_with_html_buttons_and_menus_in_their_language() {
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine(dir.path(), &fake, ""));
    // The command menu is registered for every language (and a default).
    fake.wait_until(20, "command menus", |g: &Inner| g.calls.iter().filter(|(m, _)| m == "setMyCommands").count() >= 18).await;
    let menus = fake.calls("setMyCommands");
    let ar = menus.iter().find(|c| c["language_code"] == "ar").expect("an Arabic menu");
    assert!(ar["commands"].as_array().unwrap().iter().any(|c| c["command"] == "advisor" && c["description"].as_str().unwrap().contains("شخص")));

    // /start greets in the language of the Telegram app and offers the language menu.
    fake.text(501, 501, "/start", Some("ar"), None);
    fake.wait_until(20, "welcome", |g| g.sent.iter().filter(|s| s.chat_id == 501).count() >= 2).await;
    let welcome = &fake.sent_to(501)[0];
    assert!(welcome.text.contains("Leiden") && welcome.text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "{}", welcome.text);
    assert!(fake.sent_to(501)[1].buttons.len() >= 17, "language menu");

    // A Dutch question gets a Dutch answer: HTML, a link, feedback buttons.
    fake.text(502, 502, "Hoe krijg ik een burgerservicenummer?", Some("en"), None);
    fake.wait_until(20, "answer", |g| g.sent.iter().any(|s| s.chat_id == 502)).await;
    let answer = fake.sent_to(502).pop().unwrap();
    assert!(answer.html.contains("<b>") && answer.html.contains("<a href=\"https://"), "{}", answer.html);
    assert!(answer.text.contains("BSN"));
    assert!(answer.buttons.iter().all(|(_, d)| Action::decode(d).is_some() && d.len() <= 64));
    assert!(fake.calls("sendChatAction").iter().any(|c| c["chat_id"] == 502 && c["action"] == "typing"));

    // Pressing "this helped": the button is acknowledged and thanked.
    let (mid, data) = last_button(&fake, 502, |a| matches!(a, Action::Feedback { helped: true, .. }));
    fake.press(502, 502, mid, &data);
    fake.wait_until(20, "thanks", |g| g.sent.iter().filter(|s| s.chat_id == 502).count() >= 2).await;
    assert_eq!(fake.calls("answerCallbackQuery").len(), 1);

    // Choosing a language by button.
    let (mid, data) = last_button(&fake, 501, |a| *a == Action::SetLanguage(wegwijs::lang::Lang::Uk));
    fake.press(501, 501, mid, &data);
    fake.wait_until(20, "language set", |g| g.sent.iter().any(|s| s.chat_id == 501 && s.text.contains("українська"))).await;
    assert!(fake.inner.lock().unwrap().refused.is_empty(), "Telegram refused nothing: {:?}", fake.inner.lock().unwrap().refused);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn escalation_runs_through_the_advisors_group() {
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine(dir.path(), &fake, ""));
    fake.text(601, 601, "Ik wil met een mens praten", Some("nl"), None);
    fake.wait_until(20, "ticket in the group", |g| g.sent.iter().any(|s| s.chat_id == GROUP)).await;
    let ticket = fake.sent_to(GROUP)[0].clone();
    assert!(ticket.text.contains("Ticket #1 · Dutch"), "{}", ticket.text);
    assert!(ticket.html.contains(&format!("tg://user?id={FATIMA}")) && ticket.html.contains(&format!("tg://user?id={ANNA}")), "{}", ticket.html);
    assert!(!ticket.text.contains("601"), "the newcomer's account is not shown");

    // Someone who is not an advisor presses Claim: refused.
    let claim = ticket.buttons.iter().find(|(_, d)| matches!(Action::decode(d), Some(Action::Ticket { op: TicketOp::Claim, .. }))).unwrap().1.clone();
    fake.press(GROUP, 4242, ticket.message_id, &claim);
    fake.wait_until(20, "refusal", |g| g.sent.iter().any(|s| s.chat_id == GROUP && s.text.contains("Only the advisors"))).await;
    // Fatima claims; the newcomer hears her first name.
    fake.press(GROUP, FATIMA, ticket.message_id, &claim);
    fake.wait_until(20, "claimed", |g| g.sent.iter().any(|s| s.chat_id == 601 && s.text.contains("Fatima"))).await;
    // Fatima replies to the ticket message: the newcomer reads it.
    fake.text(GROUP, FATIMA, "Hallo, ik help u. Waar woont u?", None, Some(ticket.message_id));
    fake.wait_until(20, "relay to newcomer", |g| g.sent.iter().any(|s| s.chat_id == 601 && s.text.contains("Waar woont u?"))).await;
    // Chatter in the group that is not a reply to a ticket stays there.
    fake.text(GROUP, ANNA, "koffie?", None, None);
    // The newcomer answers: it reaches the group, threaded under the ticket.
    fake.text(601, 601, "In Leiden, bij het station", None, None);
    fake.wait_until(20, "relay to group", |g| g.sent.iter().any(|s| s.chat_id == GROUP && s.text.contains("bij het station"))).await;
    let relayed = fake.sent_to(GROUP).into_iter().find(|s| s.text.contains("bij het station")).unwrap();
    assert_eq!(relayed.reply_to, Some(ticket.message_id));
    assert_eq!(fake.count(601, "koffie"), 0);
    // Fatima closes; then the newcomer says /forget: the group's copies are deleted.
    fake.text(GROUP, FATIMA, "/close 1", None, None);
    fake.wait_until(20, "closed", |g| g.sent.iter().any(|s| s.chat_id == 601 && s.text.contains("72"))).await;
    fake.text(601, 601, "/forget", None, None);
    fake.wait_until(20, "deletions", |g| g.deleted.iter().any(|(c, m)| *c == GROUP && *m == ticket.message_id)).await;
    assert!(fake.inner.lock().unwrap().refused.iter().all(|(_, e)| e.is_empty()), "{:?}", fake.inner.lock().unwrap().refused);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_in_the_middle_neither_loses_nor_repeats_updates() {
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    let questions = ["Hoe krijg ik een BSN?", "health insurance netherlands", "huisarts zoeken", "كيف أحصل على رقم المواطن BSN", "Jak zarejestrować adres?"];
    for (i, q) in questions.iter().take(3).enumerate() {
        fake.text(700 + i as i64, 700 + i as i64, q, None, None);
    }
    let bot = start(engine(dir.path(), &fake, ""));
    fake.wait_until(30, "first answers", |g| (700..703).all(|c| g.sent.iter().any(|s| s.chat_id == c))).await;
    bot.stop().await;
    // While the bot is down, more people write; one of the earlier ones writes again.
    for (i, q) in questions.iter().enumerate().skip(3) {
        fake.text(700 + i as i64, 700 + i as i64, q, None, None);
    }
    fake.text(700, 700, "/help", None, None);
    let bot = start(engine(dir.path(), &fake, ""));
    fake.wait_until(30, "answers after restart", |g| (703..705).all(|c| g.sent.iter().any(|s| s.chat_id == c)) && g.sent.iter().filter(|s| s.chat_id == 700).count() >= 2).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    for c in 700..705 {
        let n = fake.sent_to(c).len();
        let expected = if c == 700 { 2 } else { 1 };
        assert_eq!(n, expected, "chat {c} got {n} messages");
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_blocked_users_and_hostile_input_do_not_stop_the_bot() {
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    fake.inner.lock().unwrap().blocked.insert(801);
    fake.inner.lock().unwrap().fail_429 = 1;
    let bot = start(engine(dir.path(), &fake, ""));
    fake.text(801, 801, "Hoe krijg ik een BSN?", None, None);
    fake.text(802, 802, "Hoe krijg ik een BSN?", None, None);
    let hostile = [
        "<b>bold</b><script>alert(1)</script> & </i>".to_string(),
        "\u{202E}txet desrever BSN \u{202D}".to_string(),
        "*_[`](javascript:alert(1))".to_string(),
        "BSN ".repeat(25_000),
        "\u{0}\u{1}\u{7f}".to_string(),
    ];
    for (i, h) in hostile.iter().enumerate() {
        fake.text(810 + i as i64, 810 + i as i64, h, None, None);
    }
    fake.wait_until(30, "all answered", |g| g.sent.iter().any(|s| s.chat_id == 802) && (810..815).all(|c| g.sent.iter().any(|s| s.chat_id == c))).await;
    assert_eq!(fake.sent_to(802).len(), 1, "the message that met a 429 was sent once, after waiting");
    let refused = fake.inner.lock().unwrap().refused.clone();
    assert!(refused.iter().all(|(_, e)| e == "blocked"), "only the blocked user's message was refused: {refused:?}");
    // The bot is still serving.
    fake.text(803, 803, "huisarts", None, None);
    fake.wait_until(20, "still serving", |g| g.sent.iter().any(|s| s.chat_id == 803)).await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_mode_accepts_only_the_right_secret() {
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let secret_var = format!("WEGWIJS_TG_SECRET_{port}");
    unsafe { std::env::set_var(&secret_var, "s3cret-Value_1") };
    let extra = format!("webhook_url = \"https://bot.example.org/telegram/hook\"\nlisten = \"127.0.0.1:{port}\"\nwebhook_secret_env = \"{secret_var}\"");
    let bot = start(engine(dir.path(), &fake, &extra));
    fake.wait_until(20, "setWebhook", |g| g.calls.iter().any(|(m, _)| m == "setWebhook")).await;
    let set = fake.calls("setWebhook").pop().unwrap();
    assert_eq!(set["secret_token"], "s3cret-Value_1");
    assert_eq!(set["url"], "https://bot.example.org/telegram/hook");

    let post = |secret: Option<&'static str>, body: serde_json::Value| async move {
        let client = reqwest::Client::new();
        let mut req = client.post(format!("http://127.0.0.1:{port}/telegram/hook")).json(&body);
        if let Some(s) = secret {
            req = req.header("X-Telegram-Bot-Api-Secret-Token", s);
        }
        for _ in 0..50 {
            match req.try_clone().unwrap().send().await {
                Ok(r) => return r.status().as_u16(),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        panic!("webhook not listening");
    };
    assert_eq!(post(None, fake.raw_text_update(901, 901, "Hoe krijg ik een BSN?")).await, 401);
    assert_eq!(post(Some("wrong"), fake.raw_text_update(901, 901, "Hoe krijg ik een BSN?")).await, 401);
    assert!(fake.sent_to(901).is_empty(), "refused updates are not handled");
    assert_eq!(post(Some("s3cret-Value_1"), fake.raw_text_update(902, 902, "Hoe krijg ik een BSN?")).await, 200);
    fake.wait_until(20, "answer via webhook", |g| g.sent.iter().any(|s| s.chat_id == 902)).await;
    assert!(fake.calls("getUpdates").is_empty(), "no polling in webhook mode");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_newcomers_at_once_are_each_answered_exactly_once() {
    // The full load test (1,000 newcomers × 5) is `cargo run --release --example telegram_load`.
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine(dir.path(), &fake, ""));
    let questions = ["Hoe krijg ik een BSN?", "health insurance", "huisarts zoeken", "كيف أحصل على BSN", "zorgverzekering verplicht?"];
    for round in 0..3 {
        for u in 0..60i64 {
            fake.text(20_000 + u, 20_000 + u, questions[(u as usize + round) % questions.len()], None, None);
        }
        let want = round + 1;
        fake.wait_until(60, "a round of answers", move |g| (0..60).all(|u| g.sent.iter().filter(|s| s.chat_id == 20_000 + u).count() >= want)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    for u in 0..60 {
        assert_eq!(fake.sent_to(20_000 + u).len(), 3, "chat {u}");
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_forum_group_each_ticket_gets_its_own_topic() {
    let fake = Fake::start().await;
    fake.inner.lock().unwrap().forums.insert(GROUP);
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine(dir.path(), &fake, ""));
    fake.text(611, 611, "/advisor", Some("en"), None);
    fake.wait_until(20, "a topic", |g| !g.topics.is_empty() && g.sent.iter().any(|s| s.chat_id == GROUP)).await;
    let (_, tid, name) = fake.inner.lock().unwrap().topics[0].clone();
    assert!(name.starts_with("Ticket #1"), "{name}");
    let post = fake.sent_to(GROUP)[0].clone();
    assert_eq!(post.thread, Some(tid), "the ticket is posted in its topic");
    // Fatima writes in the topic (no reply needed): it reaches the newcomer.
    fake.text_in_topic(GROUP, FATIMA, "Hello, I am here to help.", tid);
    fake.wait_until(20, "relay from the topic", |g| g.sent.iter().any(|s| s.chat_id == 611 && s.text.contains("I am here to help"))).await;
    // The newcomer's answer lands in the same topic.
    fake.text(611, 611, "Thank you, my question is about housing", None, None);
    fake.wait_until(20, "relay into the topic", |g| g.sent.iter().any(|s| s.chat_id == GROUP && s.text.contains("about housing"))).await;
    assert!(fake.sent_to(GROUP).iter().all(|s| s.thread == Some(tid)), "everything about ticket 1 stays in its topic");
    // A second ticket gets a second topic.
    fake.text(612, 612, "/advisor", Some("en"), None);
    fake.wait_until(20, "second topic", |g| g.topics.len() == 2).await;
    // /forget removes the topic.
    fake.text(611, 611, "/forget", None, None);
    fake.wait_until(20, "topic deleted", move |g| g.deleted_topics.contains(&(GROUP, tid))).await;
    assert!(fake.inner.lock().unwrap().refused.is_empty(), "{:?}", fake.inner.lock().unwrap().refused);
    bot.stop().await;
}
