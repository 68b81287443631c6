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
    engine_with(data, fake, extra, "", "")
}

/// The same, with more lines in `[escalation]` and for the first advisor.
fn engine_with(data: &Path, fake: &Fake, extra: &str, escalation: &str, fatima: &str) -> Arc<Engine> {
    let path = bot_file(data, fake, extra, escalation, fatima);
    let cfg = BotConfig::load(&path).unwrap();
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    let store = SqliteStore::open(&data.join("wegwijs.sqlite")).unwrap();
    Arc::new(Engine::new(cfg, snap, Arc::new(store)))
}

/// The environment variable holding the token for the bot whose data lives in `data`.
fn token_var(data: &Path) -> String {
    format!("WEGWIJS_TG_TOKEN_{}", data.file_name().unwrap().to_string_lossy().replace(|c: char| !c.is_ascii_alphanumeric(), "_"))
}

/// Writes `bot.toml` into `data` for the fake server (the token in an environment variable of
/// this test's own) and returns its path.
fn bot_file(data: &Path, fake: &Fake, extra: &str, escalation: &str, fatima: &str) -> std::path::PathBuf {
    let root = common::root();
    let var = token_var(data);
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
{escalation}

[[advisors]]
name = "Fatima El Amrani"
languages = ["ar", "nl", "en"]
telegram = {FATIMA}
{fatima}

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
    path
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
    // People whose app language the bot does not speak get the English menu.
    let default = menus.iter().find(|c| c.get("language_code").is_none_or(|l| l.is_null())).expect("a default menu");
    let described = |menu: &serde_json::Value, cmd: &str| menu["commands"].as_array().unwrap().iter().find(|c| c["command"] == cmd).unwrap()["description"].as_str().unwrap().to_string();
    let en = menus.iter().find(|c| c["language_code"] == "en").expect("an English menu");
    assert_eq!(described(default, "advisor"), described(en, "advisor"));
    // The Dutch menu says "je", like every other Dutch text.
    let nl = menus.iter().find(|c| c["language_code"] == "nl").expect("a Dutch menu");
    let nl_words: Vec<String> = ["start", "language", "forget"].iter().map(|c| described(nl, c)).collect();
    assert!(nl_words.iter().all(|d| !d.split_whitespace().any(|w| w == "u" || w == "uw" || w == "U")), "{nl_words:?}");
    assert!(nl_words.iter().any(|d| d.split_whitespace().any(|w| w == "je" || w == "jou" || w == "Je")), "{nl_words:?}");

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
    // No preview card under answers with links.
    let sends = fake.calls("sendMessage");
    assert!(!sends.is_empty() && sends.iter().all(|c| c["link_preview_options"]["is_disabled"] == true), "link previews are off");

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
    // Offered in turn: only the advisor whose turn it is is mentioned.
    assert!(ticket.html.contains(&format!("tg://user?id={FATIMA}")) && !ticket.html.contains(&format!("tg://user?id={ANNA}")), "{}", ticket.html);
    assert!(!ticket.text.contains("601"), "the newcomer's account is not shown");

    // Someone who is not an advisor presses Claim, twice: only they see why, as an alert; the group
    // reads nothing.
    let claim = ticket.buttons.iter().find(|(_, d)| matches!(Action::decode(d), Some(Action::Ticket { op: TicketOp::Claim, .. }))).unwrap().1.clone();
    fake.press(GROUP, 4242, ticket.message_id, &claim);
    fake.press(GROUP, 4242, ticket.message_id, &claim);
    fake.wait_until(20, "refusal alerts", |g| g.calls.iter().filter(|(m, c)| m == "answerCallbackQuery" && c["show_alert"] == true).count() == 2).await;
    let alert = fake.calls("answerCallbackQuery").into_iter().find(|c| c["show_alert"] == true).unwrap();
    assert!(alert["text"].as_str().unwrap().contains("Only the advisors"), "{alert}");
    assert_eq!(fake.sent_to(GROUP).len(), 1, "no public refusal: {:?}", fake.sent_to(GROUP).iter().map(|s| &s.text).collect::<Vec<_>>());
    assert!(fake.inner.lock().unwrap().edits.is_empty(), "a refused press changes nothing");
    // Fatima claims; the newcomer hears her first name, and the post's Claim becomes Release.
    fake.press(GROUP, FATIMA, ticket.message_id, &claim);
    fake.wait_until(20, "claimed", |g| g.sent.iter().any(|s| s.chat_id == 601 && s.text.contains("Fatima"))).await;
    let op_of = |b: &(String, String)| match Action::decode(&b.1) {
        Some(Action::Ticket { op, .. }) => Some(op),
        _ => None,
    };
    fake.wait_until(20, "buttons edited after the claim", |g| g.edits.iter().any(|(c, m, b)| *c == GROUP && *m == ticket.message_id && !b.is_empty())).await;
    let after_claim = fake.inner.lock().unwrap().edits[0].2.clone();
    let ops: Vec<TicketOp> = after_claim.iter().filter_map(op_of).collect();
    assert!(!ops.contains(&TicketOp::Claim) && ops.contains(&TicketOp::Release) && ops.contains(&TicketOp::Close), "{after_claim:?}");
    // A command for another bot in the group is not ours; one addressed to this bot is.
    fake.text(GROUP, FATIMA, "/tickets@other_bot", None, None);
    fake.text(GROUP, FATIMA, "/tickets@wegwijs_test_bot", None, None);
    fake.wait_until(20, "ticket list", |g| g.sent.iter().any(|s| s.chat_id == GROUP && s.text.contains("Tickets that are not closed"))).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(fake.count(GROUP, "Tickets that are not closed"), 1, "one list, for this bot's command only");
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
    // The desk's tools over Telegram: a ready reply by its button on the ticket, a topic from the
    // knowledge base, and a note that stays in the group.
    let canned = ticket.buttons.iter().find(|(_, d)| matches!(Action::decode(d), Some(Action::Canned { .. }))).expect("ready replies as buttons on the ticket").1.clone();
    fake.press(GROUP, FATIMA, ticket.message_id, &canned);
    fake.wait_until(20, "a ready reply in Dutch", |g| g.sent.iter().any(|s| s.chat_id == 601 && (s.text.contains("foto van de brief") || s.text.contains("wacht even") || s.text.contains("morgen hier bij je")))).await;
    fake.text(GROUP, FATIMA, "/send 1 bsn", None, None);
    fake.wait_until(20, "the BSN topic in Dutch", |g| g.sent.iter().any(|s| s.chat_id == 601 && s.text.contains("burgerservicenummer"))).await;
    fake.text(GROUP, FATIMA, "/note 1 belt morgen zelf de gemeente", None, None);
    fake.wait_until(20, "the note saved in the group", |g| g.sent.iter().any(|s| s.chat_id == GROUP && s.text.contains("Note saved on ticket #1"))).await;
    assert_eq!(fake.count(601, "belt morgen zelf"), 0, "a note never reaches the newcomer");
    // Fatima closes; the newcomer rates the conversation; then the newcomer says /forget: the
    // group's copies are deleted.
    fake.text(GROUP, FATIMA, "/close 1", None, None);
    fake.wait_until(20, "closed", |g| g.sent.iter().any(|s| s.chat_id == 601 && s.text.contains("72"))).await;
    fake.wait_until(20, "the rating question", |g| g.sent.iter().any(|s| s.chat_id == 601 && s.text.contains("Heeft dit gesprek met de adviseur je geholpen?"))).await;
    let question = fake.sent_to(601).into_iter().find(|s| s.text.contains("Heeft dit gesprek")).unwrap();
    let helped = question.buttons.iter().find(|(_, d)| matches!(Action::decode(d), Some(Action::Rate { score: 2, .. }))).expect("three answers as buttons").1.clone();
    fake.press(601, 601, question.message_id, &helped);
    fake.wait_until(20, "thanks for the rating", |g| g.sent.iter().any(|s| s.chat_id == 601 && s.text.contains("Bedankt voor je antwoord"))).await;
    fake.wait_until(20, "buttons edited after closing", |g| g.edits.len() >= 2).await;
    let after_close = fake.inner.lock().unwrap().edits.last().unwrap().2.clone();
    let ops: Vec<TicketOp> = after_close.iter().filter_map(op_of).collect();
    assert!(!ops.contains(&TicketOp::Close) && !ops.contains(&TicketOp::Release), "a closed ticket offers no close or release: {after_close:?}");
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
    // Fatima writes in the topic (no reply needed): it reaches the newcomer, and the ticket is hers:
    // the post in the topic shows Release and Close instead of Claim.
    fake.text_in_topic(GROUP, FATIMA, "Hello, I am here to help.", tid);
    fake.wait_until(20, "relay from the topic", |g| g.sent.iter().any(|s| s.chat_id == 611 && s.text.contains("I am here to help"))).await;
    fake.wait_until(20, "the post's buttons edited", |g| g.edits.iter().any(|(c, m, _)| *c == GROUP && *m == post.message_id)).await;
    let buttons = fake.inner.lock().unwrap().edits[0].2.clone();
    assert!(buttons.iter().any(|(_, d)| matches!(Action::decode(d), Some(Action::Ticket { op: TicketOp::Release, .. }))), "{buttons:?}");
    assert!(!buttons.iter().any(|(_, d)| matches!(Action::decode(d), Some(Action::Ticket { op: TicketOp::Claim, .. }))), "{buttons:?}");
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

/// The file id a getFile call asked for.
fn f_id(call: &serde_json::Value) -> &str {
    call["file_id"].as_str().unwrap_or("")
}

/// The files in the bot's media folder (copies of what people sent).
fn media_files(data: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(data.join("media")).map(|d| d.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect()).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_and_letters_reach_the_advisor_and_back_and_forget_removes_them() {
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine(dir.path(), &fake, ""));
    const NEWCOMER: i64 = 631;
    // An Arabic-speaking newcomer photographs a letter: the answer is in Arabic, says what the bot
    // can read, and offers a person.
    fake.text(NEWCOMER, NEWCOMER, "مرحبا، كيف أحصل على رقم المواطن؟", None, None);
    fake.wait_until(20, "first answer", |g| g.sent.iter().any(|s| s.chat_id == NEWCOMER)).await;
    let before = fake.sent_to(NEWCOMER).len();
    let letter = b"JPEG: Belastingdienst, aanslag 2026".to_vec();
    fake.file(NEWCOMER, NEWCOMER, "photo", &letter, None, Some("wat staat hier?"), None);
    fake.wait_until(20, "answer to the photo", move |g| g.sent.iter().filter(|s| s.chat_id == NEWCOMER).count() > before).await;
    let reply = fake.sent_to(NEWCOMER).pop().unwrap();
    assert!(reply.text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "answered in Arabic: {}", reply.text);
    assert!(reply.buttons.iter().any(|(_, d)| Action::decode(d) == Some(Action::Advisor)), "a person is offered: {:?}", reply.buttons);
    // A copy is kept (to pass on, and to delete on /forget), with the photo's bytes.
    let copies = media_files(dir.path());
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(std::fs::read(&copies[0]).unwrap(), letter);

    // The newcomer asks for a person: the ticket and the photo reach the advisors' group, the photo
    // by Telegram's file id (no upload), threaded under the ticket.
    let (mid, data) = last_button(&fake, NEWCOMER, |a| *a == Action::Advisor);
    fake.press(NEWCOMER, NEWCOMER, mid, &data);
    fake.wait_until(20, "the photo in the group", |g| g.sent.iter().any(|s| s.chat_id == GROUP && s.file.is_some())).await;
    let post = fake.sent_to(GROUP).into_iter().find(|s| s.text.contains("Ticket #1")).expect("the ticket post");
    let photo = fake.sent_to(GROUP).into_iter().find(|s| s.file.is_some()).unwrap();
    assert_eq!(photo.file.as_ref().unwrap().0, "photo");
    assert_eq!(photo.reply_to, Some(post.message_id), "the photo threads under its ticket");
    assert!(photo.text.contains("photo") && photo.text.contains("wat staat hier?"), "{}", photo.text);
    assert!(!photo.text.contains(&NEWCOMER.to_string()), "the newcomer's account is not shown");
    let photo_id = photo.file.as_ref().unwrap().1.clone();
    assert_eq!(fake.inner.lock().unwrap().files[&photo_id].data, letter, "the advisors see the newcomer's own photo");

    // Fatima claims and answers with a document (a filled-in form), replying to the photo: the
    // newcomer receives the document with her name above it.
    let (_, claim) = last_button(&fake, GROUP, |a| matches!(a, Action::Ticket { op: TicketOp::Claim, .. }));
    fake.press(GROUP, FATIMA, post.message_id, &claim);
    fake.wait_until(20, "claimed", |g| g.sent.iter().any(|s| s.chat_id == NEWCOMER && s.text.contains("Fatima"))).await;
    let form = b"%PDF-1.4 ingevuld formulier".to_vec();
    fake.file(GROUP, FATIMA, "document", &form, Some("formulier.pdf"), Some("Hier is het formulier"), Some(photo.message_id));
    fake.wait_until(20, "the document reaches the newcomer", |g| g.sent.iter().any(|s| s.chat_id == NEWCOMER && s.file.is_some())).await;
    let doc = fake.sent_to(NEWCOMER).into_iter().find(|s| s.file.is_some()).unwrap();
    assert_eq!(doc.file.as_ref().unwrap().0, "document");
    assert_eq!(fake.inner.lock().unwrap().files[&doc.file.as_ref().unwrap().1].data, form);
    assert!(doc.text.contains("Fatima") && doc.text.contains("Hier is het formulier"), "{}", doc.text);

    // An advisor's photo in the group that belongs to no ticket goes nowhere, and no copy of it stays.
    let copies = media_files(dir.path()).len();
    fake.file(GROUP, ANNA, "photo", b"JPEG: lunch", None, Some("lunch!"), None);
    // The group's updates are handled in order: once the list answers, the photo is done with.
    fake.text(GROUP, ANNA, "/tickets", None, None);
    fake.wait_until(20, "the ticket list", |g| g.sent.iter().any(|s| s.chat_id == GROUP && s.text.contains("Tickets that are not closed"))).await;
    assert!(fake.calls("getFile").iter().any(|c| fake.inner.lock().unwrap().files.get(f_id(c)).is_some_and(|f| f.data == b"JPEG: lunch")), "the photo was copied first");
    assert_eq!(media_files(dir.path()).len(), copies, "no copy of a file that reached nobody");
    assert_eq!(fake.count(NEWCOMER, "lunch"), 0);

    // A voice message while the ticket relays goes to the group too, as a voice message.
    fake.file(NEWCOMER, NEWCOMER, "voice", b"OggS voice", None, None, None);
    fake.wait_until(20, "the voice message in the group", |g| g.sent.iter().any(|s| s.chat_id == GROUP && s.file.as_ref().is_some_and(|f| f.0 == "voice"))).await;
    // A letter with a caption far longer than Telegram allows under a file, full of markup: the
    // words go first as text (escaped, in parts), then the file.
    let long = format!("<b>Brief & </i> {} EINDE", "woorden van de brief ".repeat(120));
    fake.file(NEWCOMER, NEWCOMER, "document", b"%PDF-1.4 brief", Some("brief.pdf"), Some(&long), None);
    fake.wait_until(20, "the long letter in the group", |g| g.sent.iter().filter(|s| s.chat_id == GROUP && s.file.as_ref().is_some_and(|f| f.0 == "document")).count() == 1).await;
    let group = fake.sent_to(GROUP);
    let letter_at = group.iter().position(|s| s.file.as_ref().is_some_and(|f| f.0 == "document")).unwrap();
    assert!(group[..letter_at].iter().any(|s| s.text.contains("<b>Brief & </i>")), "the markup is shown as written");
    assert!(group[..letter_at].iter().any(|s| s.text.contains("EINDE")), "nothing of the caption is lost");
    assert_eq!(media_files(dir.path()).len(), 4, "copies of the photo, the document, the voice message and the letter");

    // /forget: every message about the ticket in the group goes, files included, and so do the copies.
    fake.text(NEWCOMER, NEWCOMER, "/forget", None, None);
    let group_ids: Vec<i64> = fake.sent_to(GROUP).iter().filter(|s| s.file.is_some() || (s.text.contains("#1") && !s.text.contains("Tickets that are not closed"))).map(|s| s.message_id).collect();
    fake.wait_until(20, "deletions", move |g| group_ids.iter().all(|m| g.deleted.contains(&(GROUP, *m)))).await;
    fake.wait_until(20, "copies deleted", |_| media_files(dir.path()).is_empty()).await;
    assert!(fake.inner.lock().unwrap().refused.is_empty(), "{:?}", fake.inner.lock().unwrap().refused);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deletion_that_fails_is_tried_again_until_it_succeeds() {
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine(dir.path(), &fake, ""));
    fake.text(641, 641, "Ik wil met een mens praten", Some("nl"), None);
    fake.wait_until(20, "ticket in the group", |g| g.sent.iter().any(|s| s.chat_id == GROUP)).await;
    let post = fake.sent_to(GROUP)[0].clone();
    // Telegram has a bad moment: the first deleteMessage gets a 500.
    fake.inner.lock().unwrap().fail_delete = 1;
    fake.text(641, 641, "/forget", None, None);
    fake.wait_until(40, "the post deleted after a retry", |g| g.deleted.contains(&(GROUP, post.message_id))).await;
    let tries = fake.calls("deleteMessage").iter().filter(|c| c["message_id"] == post.message_id).count();
    assert!(tries >= 2, "deleted on a later try ({tries} tries)");
    // Done is done: no more tries once Telegram confirmed.
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(fake.calls("deleteMessage").iter().filter(|c| c["message_id"] == post.message_id).count(), tries);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_from_an_advisor_on_another_platform_is_uploaded_to_the_newcomer() {
    use wegwijs::message::{ChatRef, Incoming, Media, MediaKind};
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    // A second advisors' room on a platform that is not Telegram, where Fatima also works.
    let engine = engine_with(dir.path(), &fake, "", r#"rooms = [{ platform = "web", chat = "desk" }]"#, r#"accounts = { web = "fatima-web" }"#);
    let bot = start(engine.clone());
    fake.text(661, 661, "/advisor", Some("en"), None);
    fake.wait_until(20, "ticket in the group", |g| g.sent.iter().any(|s| s.chat_id == GROUP)).await;
    // Fatima sends a form from the other platform; its transport stored a copy in media/.
    let form = b"%PDF-1.4 formulier voor de huurtoeslag".to_vec();
    std::fs::create_dir_all(dir.path().join("media")).unwrap();
    std::fs::write(dir.path().join("media/0a1b2c3d.pdf"), &form).unwrap();
    let mut m = Media::new(MediaKind::Document);
    m.name = Some("huurtoeslag.pdf".into());
    m.mime = Some("application/pdf".into());
    m.caption = Some("#1 Here is the form".into());
    m.origin = Some(("web".into(), "w-17".into()));
    m.stored = Some("0a1b2c3d.pdf".into());
    m.size = Some(form.len() as u64);
    let e = engine.clone();
    tokio::task::spawn_blocking(move || e.handle(&Incoming::media(ChatRef::new("web", "desk"), "fatima-web", m).with_event_id("w-ev-1"))).await.unwrap();
    // The Telegram side uploads the copy, under its own name, with the advisor's words.
    fake.wait_until(20, "the form reaches the newcomer", |g| g.sent.iter().any(|s| s.chat_id == 661 && s.file.is_some())).await;
    let doc = fake.sent_to(661).into_iter().find(|s| s.file.is_some()).unwrap();
    let (kind, id) = doc.file.clone().unwrap();
    assert_eq!(kind, "document");
    let stored = fake.inner.lock().unwrap().files[&id].clone();
    assert_eq!(stored.data, form);
    assert_eq!(stored.name.as_deref(), Some("huurtoeslag.pdf"));
    assert!(doc.text.contains("Fatima") && doc.text.contains("Here is the form"), "{}", doc.text);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_of_the_served_bot_have_no_colour_codes_texts_or_accounts() {
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    let path = bot_file(dir.path(), &fake, "", "", "");
    // The person who blocked the bot makes the bot log at info level too.
    fake.inner.lock().unwrap().blocked.insert(671_671);
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .current_dir(common::root())
        .args(["serve", "--bot"])
        .arg(&path)
        .env(token_var(dir.path()), "123456:TEST-token")
        .env_remove("RUST_LOG")
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("run wegwijs serve");
    let mut child = Killed(child);
    fake.text(671_671, 671_671, "Mijn geheime vraag over de huurtoeslag", None, None);
    fake.text(672_672, 672_672, "Hoe krijg ik een BSN?", None, None);
    fake.wait_until(60, "the served bot answers", |g| g.sent.iter().any(|s| s.chat_id == 672_672) && g.refused.iter().any(|(_, e)| e == "blocked")).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    child.0.kill().unwrap();
    let mut log = String::new();
    std::io::Read::read_to_string(child.0.stderr.as_mut().unwrap(), &mut log).unwrap();
    assert!(log.contains("Telegram connected") && log.contains("no longer reachable"), "info lines are logged:\n{log}");
    assert!(!log.contains('\u{1b}'), "no colour codes when stderr is not a terminal:\n{log}");
    for secret in ["671671", "672672", "geheime", "BSN", "TEST-token"] {
        assert!(!log.contains(secret), "{secret:?} is not logged:\n{log}");
    }
}

/// A child process that is killed when the test ends, also when it fails.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `wegwijs serve` as a child process for the bot file at `path`.
fn serve_process(path: &Path, data: &Path) -> Killed {
    Killed(
        std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
            .current_dir(common::root())
            .args(["serve", "--bot"])
            .arg(path)
            .env(token_var(data), "123456:TEST-token")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("run wegwijs serve"),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_in_the_middle_of_a_burst_loses_no_message() {
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    let path = bot_file(dir.path(), &fake, "", "", "");
    let child = serve_process(&path, dir.path());
    fake.wait_until(60, "the bot polls", |g| g.calls.iter().any(|(m, _)| m == "getUpdates")).await;
    // 40 newcomers write at once; the process is killed once some are answered.
    const N: i64 = 40;
    let questions = ["Hoe krijg ik een BSN?", "health insurance", "huisarts zoeken", "كيف أحصل على BSN", "zorgverzekering verplicht?"];
    for u in 0..N {
        fake.text(30_000 + u, 30_000 + u, questions[u as usize % questions.len()], None, None);
    }
    fake.wait_until(60, "some answers", |g| g.sent.iter().filter(|s| s.chat_id >= 30_000).count() >= 5).await;
    drop(child); // SIGKILL
    let before = fake.inner.lock().unwrap().sent.iter().filter(|s| s.chat_id >= 30_000).count();
    // More arrive while it is down.
    for u in 0..N {
        fake.text(30_000 + u, 30_000 + u, "/help", None, None);
    }
    let child = serve_process(&path, dir.path());
    fake.wait_until(90, "every message answered after the restart", |g| (0..N).all(|u| g.sent.iter().filter(|s| s.chat_id == 30_000 + u).count() >= 2)).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    drop(child);
    // Each message is answered; a message Telegram accepted in the instant before the kill, before
    // the bot recorded it, may show twice (Telegram has no idempotency key), never more.
    for u in 0..N {
        let n = fake.sent_to(30_000 + u).len();
        assert!((2..=3).contains(&n), "chat {u} got {n} messages (answered before the kill: {before})");
    }
}
