#![recursion_limit = "256"]
//! Matrix end to end: the real `serve` code path and matrix-sdk against a real Synapse on loopback
//! (tests/synapse, scripts/synapse). Test clients play the newcomer and the advisor; rooms are
//! end-to-end encrypted, as Element makes direct chats.

mod common;
mod fake_telegram;
mod synapse;

use matrix_sdk::ruma::api::client::room::create_room::v3::Request as CreateRoom;
use matrix_sdk::ruma::events::reaction::ReactionEventContent;
use matrix_sdk::ruma::events::relation::{Annotation, Thread};
use matrix_sdk::ruma::events::room::encryption::RoomEncryptionEventContent;
use matrix_sdk::ruma::events::room::message::{Relation, RoomMessageEventContent};
use matrix_sdk::ruma::events::InitialStateEvent;
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId};
use std::future::IntoFuture;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use synapse::{Seen, Synapse, TestClient};
use tokio::sync::watch;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, Engine};
use wegwijs::serve::{serve, Timing};
use wegwijs::store::SqliteStore;

const BOT: &str = "@wegwijs:localhost";
const FATIMA: &str = "@fatima:localhost";

/// Writes a bot file for this homeserver and returns the engine.
fn engine(data: &Path, hs: &Synapse, advisors_room: &str, extra: &str) -> Arc<Engine> {
    engine_at(data, &hs.url, advisors_room, extra)
}

/// The name of the environment variable with the bot's password for this data directory.
fn password_var(data: &Path) -> String {
    format!("WEGWIJS_MX_PW_{}", data.file_name().unwrap().to_string_lossy().replace(|c: char| !c.is_ascii_alphanumeric(), "_"))
}

/// Writes a bot file for the homeserver at `url` (possibly a proxy in front of it) and returns the engine.
fn engine_at(data: &Path, url: &str, advisors_room: &str, extra: &str) -> Arc<Engine> {
    let path = bot_file(data, url, advisors_room, extra);
    let cfg = BotConfig::load(&path).unwrap();
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    let store = SqliteStore::open(&data.join("wegwijs.sqlite")).unwrap();
    Arc::new(Engine::new(cfg, snap, Arc::new(store)))
}

/// Writes `bot.toml` into `data` and returns its path.
fn bot_file(data: &Path, url: &str, advisors_room: &str, extra: &str) -> std::path::PathBuf {
    let root = common::root();
    let var = password_var(data);
    // Each test has its own variable; nothing else reads it.
    unsafe { std::env::set_var(&var, "bot-password") };
    let bot = format!(
        r#"id = "mx-test"
municipality = "Leiden"
layers = ["national", "leiden"]
knowledge_dir = "{k}"
locales_dir = "{l}"
data_dir = "{d}"

[matrix]
homeserver = "{url}"
user_id = "{BOT}"
password_env = "{var}"
{room_line}
{extra}

[escalation]
hours = []
advisor_language = "en"

[[advisors]]
name = "Fatima El Amrani"
languages = ["ar", "nl", "en"]
matrix = "{FATIMA}"
telegram = 9001
"#,
        k = root.join("tests/fixtures/knowledge").display(),
        l = root.join("locales").display(),
        d = data.display(),
        room_line = if advisors_room.is_empty() { String::new() } else { format!("advisors_room = \"{advisors_room}\"") },
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
    let timing = Timing { pump_every: Duration::from_millis(100), tick_every: Duration::from_millis(300) };
    let task = tokio::spawn(serve(engine, timing, rx));
    Running { stop, task }
}

impl Running {
    async fn stop(self) {
        let _ = self.stop.send(true);
        let r = tokio::time::timeout(Duration::from_secs(30), self.task).await.expect("serve stops when asked");
        r.expect("serve task").expect("serve ends without error");
    }
}

/// An encrypted room created by `owner`, with `invite` invited.
async fn encrypted_room(owner: &TestClient, invite: &[&str], name: &str) -> OwnedRoomId {
    let mut req = CreateRoom::new();
    req.name = Some(name.into());
    req.invite = invite.iter().map(|u| u.parse::<OwnedUserId>().unwrap()).collect();
    let enc = InitialStateEvent::with_empty_state_key(RoomEncryptionEventContent::with_recommended_defaults());
    req.initial_state = vec![enc.to_raw_any()];
    owner.client.create_room(req).await.unwrap().room_id().to_owned()
}

/// Waits until `user` has joined `room` as `who` sees it.
async fn wait_joined(who: &TestClient, room: &OwnedRoomId, user: &str) {
    let uid: OwnedUserId = user.parse().unwrap();
    for _ in 0..300 {
        if let Some(r) = who.client.get_room(room)
            && let Ok(Some(m)) = r.get_member_no_sync(&uid).await
            && *m.membership() == matrix_sdk::ruma::events::room::member::MembershipState::Join
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{user} did not join");
}

async fn say(who: &TestClient, room: &OwnedRoomId, text: &str) -> OwnedEventId {
    let r = who.client.get_room(room).unwrap();
    r.send(RoomMessageEventContent::text_plain(text)).await.unwrap().response.event_id
}

async fn say_in_thread(who: &TestClient, room: &OwnedRoomId, root: &OwnedEventId, text: &str) -> OwnedEventId {
    let r = who.client.get_room(room).unwrap();
    let mut c = RoomMessageEventContent::text_plain(text);
    c.relates_to = Some(Relation::Thread(Thread::plain(root.clone(), root.clone())));
    r.send(c).await.unwrap().response.event_id
}

async fn react(who: &TestClient, room: &OwnedRoomId, event: &OwnedEventId, key: &str) {
    let r = who.client.get_room(room).unwrap();
    r.send(ReactionEventContent::new(Annotation::new(event.clone(), key.into()))).await.unwrap();
}

fn arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn encrypted_direct_chat_with_escalation_restart_hostile_input_and_forget() {
    let Some(hs) = Synapse::start() else { return };
    hs.register("wegwijs", "bot-password");
    hs.register("fatima", "pw-fatima");
    hs.register("amal", "pw-amal");
    let fatima = TestClient::login(&hs, "fatima", "pw-fatima").await;
    let advisors = encrypted_room(&fatima, &[BOT], "Advisors").await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine(dir.path(), &hs, advisors.as_str(), ""));
    wait_joined(&fatima, &advisors, BOT).await;
    // Moderator in the advisors' room: enough to redact advisors' replies after /forget.
    let bot_id: OwnedUserId = BOT.parse().unwrap();
    fatima.client.get_room(&advisors).unwrap().update_power_levels(vec![(&bot_id, 50.into())]).await.unwrap();
    // Someone in the advisors' room who is not a configured advisor.
    hs.register("olaf", "pw-olaf");
    let olaf = TestClient::login(&hs, "olaf", "pw-olaf").await;
    fatima.client.get_room(&advisors).unwrap().invite_user_by_id(&"@olaf:localhost".parse::<OwnedUserId>().unwrap()).await.unwrap();
    for _ in 0..100 {
        if olaf.client.join_room_by_id(&advisors).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    wait_joined(&fatima, &advisors, "@olaf:localhost").await;

    // The newcomer opens an encrypted direct chat, as Element does.
    let amal = TestClient::login(&hs, "amal", "pw-amal").await;
    let dm = amal.client.create_dm(&BOT.parse::<OwnedUserId>().unwrap()).await.unwrap().room_id().to_owned();
    wait_joined(&amal, &dm, BOT).await;
    assert!(amal.client.get_room(&dm).unwrap().latest_encryption_state().await.unwrap().is_encrypted());

    // A Dutch question: an answer with HTML, a link and numbered options, encrypted.
    say(&amal, &dm, "Hoe krijg ik een burgerservicenummer?").await;
    let answer = amal.wait_for(40, "Dutch answer", &dm, BOT, |m| m.body.contains("BSN")).await;
    assert!(answer.encrypted, "the answer is encrypted");
    assert_eq!(answer.msgtype, "m.notice", "the bot's own messages are notices");
    let html = answer.html.clone().expect("formatted_body");
    assert!(html.contains("<a href=\"https://"), "{html}");
    assert!(answer.body.contains("1️⃣ Dit hielp") && answer.body.contains("3️⃣ Praat met een mens"), "{}", answer.body);
    // 👍 on the answer is "this helped".
    react(&amal, &dm, &answer.event_id, "👍").await;
    amal.wait_for(20, "thanks", &dm, BOT, |m| m.body.contains("Bedankt")).await;

    // An Arabic question gets an Arabic answer.
    say(&amal, &dm, "كيف أحصل على رقم BSN؟").await;
    let ar = amal.wait_for(30, "Arabic answer", &dm, BOT, |m| arabic(&m.body) && m.body.contains("3️⃣")).await;
    // "3" presses the third option of the last message: talk to a person.
    say(&amal, &dm, "3").await;
    let ticket = fatima.wait_for(30, "ticket in the advisors' room", &advisors, BOT, |m| m.body.contains("Ticket #1")).await;
    assert!(ticket.body.contains("Arabic"), "{}", ticket.body);
    assert!(ticket.mentions.contains(&FATIMA.to_string()), "m.mentions names the Arabic-speaking advisor: {:?}", ticket.mentions);
    assert!(ticket.html.as_deref().unwrap_or("").contains("https://matrix.to/#/@fatima:localhost"));
    assert!(ticket.encrypted);
    assert_eq!(ticket.msgtype, "m.notice");
    // What works in the room is shown: reactions, not numbered options.
    assert!(ticket.body.contains("React to this message") && ticket.body.contains("👍/✋ Claim") && ticket.body.contains("✅ Close"), "{}", ticket.body);
    assert!(!ticket.body.contains("1️⃣") && !ticket.body.contains("2️⃣"), "{}", ticket.body);
    let _ = ar;

    // Someone who is not an advisor reacts: they alone are told, in the ticket's thread.
    react(&olaf, &advisors, &ticket.event_id, "👍").await;
    let refusal = fatima.wait_for(30, "refusal", &advisors, BOT, |m| m.body.contains("Only the advisors")).await;
    assert_eq!(refusal.thread.as_deref(), Some(ticket.event_id.as_str()), "the refusal is in the ticket's thread");
    assert_eq!(refusal.mentions, vec!["@olaf:localhost".to_string()], "and names the one person it is for");
    let opened = amal.from(&dm, BOT).len();

    // Fatima claims with a reaction; the newcomer hears her first name.
    react(&fatima, &advisors, &ticket.event_id, "👍").await;
    amal.wait_for(30, "claimed", &dm, BOT, |m| m.body.contains("Fatima")).await;
    // The post now shows what can be done with a claimed ticket (an edit of its text).
    let edited = fatima.wait_edit(30, "the post's actions after the claim", &ticket.event_id, |b| b.contains("↩️ Release")).await;
    assert!(edited.contains("✅ Close") && !edited.contains("👍/✋") && edited.contains("Ticket #1"), "{edited}");
    // Released and claimed again: the post follows each time.
    react(&fatima, &advisors, &ticket.event_id, "↩️").await;
    let released = fatima.wait_edit(30, "the post's actions after the release", &ticket.event_id, |b| b.contains("👍/✋ Claim")).await;
    assert!(!released.contains("↩️"), "{released}");
    react(&fatima, &advisors, &ticket.event_id, "✋").await;
    for _ in 0..300 {
        if fatima.edit_count(&ticket.event_id, |b| b.contains("↩️ Release")) >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(fatima.edit_count(&ticket.event_id, |b| b.contains("↩️ Release")), 2, "claimed again: edited again");
    // She answers in the ticket's thread; the newcomer reads it, as a person's message.
    let advisor_reply = say_in_thread(&fatima, &advisors, &ticket.event_id, "مرحبا، أنا أساعدك. أين تسكن؟").await;
    let words = amal.wait_for(30, "relay to the newcomer", &dm, BOT, |m| m.body.contains("أين تسكن")).await;
    assert_eq!(words.msgtype, "m.text", "an advisor's words are m.text");
    // A bare number in the thread is not sent to the newcomer; the advisor is told what works.
    let before_number = amal.from(&dm, BOT).len();
    say_in_thread(&fatima, &advisors, &ticket.event_id, "2").await;
    let hint = fatima.wait_for(30, "hint about numbers", &advisors, BOT, |m| m.body.contains("/reply 1 2")).await;
    assert_eq!(hint.thread.as_deref(), Some(ticket.event_id.as_str()));
    // The newcomer answers: it reaches the advisors' room, in the ticket's thread.
    say(&amal, &dm, "في لايدن، قرب المحطة").await;
    let relayed = fatima.wait_for(30, "relay to the room", &advisors, BOT, |m| m.body.contains("قرب المحطة")).await;
    assert_eq!(relayed.thread.as_deref(), Some(ticket.event_id.as_str()), "threaded under the ticket");
    assert_eq!(amal.from(&dm, BOT).len(), before_number, "the bare number reached nobody");
    assert_eq!(relayed.msgtype, "m.notice");
    // The advisor is mentioned on a line of their own, never inside the newcomer's words.
    let lines: Vec<&str> = relayed.body.lines().collect();
    assert!(lines.iter().any(|l| l.contains("the person writes") && !l.contains("Fatima")), "{}", relayed.body);
    assert!(lines.last().is_some_and(|l| l.starts_with("For:") && l.contains("Fatima")), "{}", relayed.body);
    assert_eq!(relayed.mentions, vec![FATIMA.to_string()]);
    // A very long message reaches the room cut to 3,000 characters, the cut marked, in the thread.
    say(&amal, &dm, &"بيت قرب المحطة ".repeat(800)).await;
    let long = fatima.wait_for(30, "the long message", &advisors, BOT, |m| m.body.contains("بيت قرب المحطة")).await;
    assert!(long.body.contains("[…]") && long.body.chars().count() < 3_300, "{}", long.body.chars().count());
    assert_eq!(long.thread.as_deref(), Some(ticket.event_id.as_str()));
    // Ready replies: Matrix has no buttons, so the ticket shows the commands that send them; one sent
    // reaches the newcomer in Arabic, as does a topic of the knowledge base.
    let post = fatima.from(&advisors, BOT).into_iter().find(|m| m.event_id == ticket.event_id).unwrap();
    if !post.body.contains("/reply-canned 1 ") {
        fatima.wait_edit(30, "the ticket shows the ready replies' commands", &ticket.event_id, |b| b.contains("/reply-canned 1 ")).await;
    }
    say(&fatima, &advisors, "/reply-canned 1 photo").await;
    amal.wait_for(30, "a ready reply in Arabic", &dm, BOT, |m| m.body.contains("هل يمكنك أن ترسل صورة للرسالة")).await;
    let before_topic = amal.from(&dm, BOT).len();
    say(&fatima, &advisors, "/send 1 bsn").await;
    let seen = amal.wait_count(30, "a topic from the knowledge base", &dm, BOT, before_topic + 1).await;
    assert!(seen[before_topic].body.contains("BSN") && seen[before_topic].body.contains("رقم"), "{}", seen[before_topic].body);
    // Nothing in the advisors' room shows the newcomer's account.
    for m in fatima.from(&advisors, BOT) {
        assert!(!m.body.contains("amal") && !m.html.unwrap_or_default().contains("amal"), "{}", m.body);
    }
    // A non-advisor reacting or writing in the room changes nothing (nobody else is there; Fatima closes).
    say(&fatima, &advisors, "/close 1").await;
    let closed = amal.wait_for(30, "closed", &dm, BOT, |m| m.body.contains("72")).await;
    // The question whether the conversation helped follows (three numbered answers).
    for _ in 0..300 {
        let seen = amal.from(&dm, BOT);
        let at = seen.iter().position(|m| m.event_id == closed.event_id).unwrap();
        if seen[at + 1..].iter().any(|m| m.body.contains("3️⃣")) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(amal.from(&dm, BOT).len() > opened);
    // The newcomer answers with a number: the rating is stored and they are thanked.
    say(&amal, &dm, "1").await;
    amal.wait_for(30, "thanks for the rating", &dm, BOT, |m| m.body.contains("شكرًا على إجابتك")).await;

    // Restart in the middle: a question sent while the bot is down is answered once after it is back,
    // and nothing earlier is answered again.
    bot.stop().await;
    let before = amal.from(&dm, BOT).len();
    say(&amal, &dm, "Hoe schrijf ik me in bij een huisarts?").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let bot = start(engine(dir.path(), &hs, advisors.as_str(), ""));
    amal.wait_for(40, "answer after restart", &dm, BOT, |m| m.body.to_lowercase().contains("huisarts")).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(amal.from(&dm, BOT).len(), before + 1, "exactly one new message after the restart");

    // Hostile input: HTML in the message, right-to-left overrides, a huge message.
    say(&amal, &dm, "<script>alert(1)</script><img src=x onerror=alert(1)> \u{202E}BSN nummer?").await;
    let reply = amal.wait_for(30, "answer to hostile input", &dm, BOT, |m| m.body.contains("BSN") && m.event_id != answer.event_id).await;
    assert!(!reply.html.unwrap_or_default().contains("<script"));
    let huge = "burgerservicenummer ".repeat(1500); // 30 KB: near the event size limit once encrypted
    say(&amal, &dm, &huge).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let n = amal.from(&dm, BOT).len();
    assert!(n >= before + 3, "the huge message is answered too");
    for m in amal.from(&dm, BOT) {
        let h = m.html.unwrap_or_default();
        assert!(!h.contains("<script") && !h.contains("<img"), "{h}");
    }

    // /forget: the ticket's copies in the advisors' room are redacted, and so are the advisor's
    // replies in its thread (the bot is a moderator there).
    say(&amal, &dm, "/forget").await;
    fatima.wait_redacted(30, &ticket.event_id).await;
    fatima.wait_redacted(30, &relayed.event_id).await;
    fatima.wait_redacted(30, &advisor_reply).await;
    fatima.wait_redacted(30, &long.event_id).await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_bot_comes_back_after_the_homeserver_restarts() {
    let Some(hs) = Synapse::start() else { return };
    hs.register("wegwijs", "bot-password");
    hs.register("fatima", "pw-fatima");
    hs.register("piet", "pw-piet");
    let fatima = TestClient::login(&hs, "fatima", "pw-fatima").await;
    let advisors = encrypted_room(&fatima, &[BOT], "Advisors").await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine(dir.path(), &hs, advisors.as_str(), ""));
    let piet = TestClient::login(&hs, "piet", "pw-piet").await;
    let dm = piet.client.create_dm(&BOT.parse::<OwnedUserId>().unwrap()).await.unwrap().room_id().to_owned();
    wait_joined(&piet, &dm, BOT).await;
    say(&piet, &dm, "What is a BSN?").await;
    piet.wait_for(40, "first answer", &dm, BOT, |m| m.body.contains("BSN")).await;

    // Two messages the bot cannot decrypt: the person is told once, with advice.
    let http = reqwest::Client::new();
    for k in 0..2 {
        let url = format!("{}/_matrix/client/v3/rooms/{}/send/m.room.encrypted/garbage{k}", hs.url, dm);
        let body = serde_json::json!({"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "AwgAEhAAAAAA", "session_id": format!("nosuchsession{k}"), "sender_key": "nokey", "device_id": "NODEVICE"});
        let r = http.put(url).bearer_auth(&piet.token).json(&body).send().await.unwrap();
        assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    }
    piet.wait_for(30, "undecryptable notice", &dm, BOT, |m| m.body.contains("could not read")).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(piet.from(&dm, BOT).iter().filter(|m| m.body.contains("could not read")).count(), 1, "told once");

    // The homeserver goes away and comes back on the same port.
    hs.stop();
    tokio::time::sleep(Duration::from_secs(2)).await;
    hs.restart();
    say(&piet, &dm, "Do I need health insurance?").await;
    piet.wait_for(90, "answer after the homeserver restart", &dm, BOT, |m| m.body.to_lowercase().contains("insurance")).await;
    bot.stop().await;
}

/// With a tight message rate limit on the homeserver, every answer still arrives: 429 answers
/// (`M_LIMIT_EXCEEDED`) are waited out.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn rate_limits_are_waited_out() {
    let Some(hs) = Synapse::start_with(&[("WEGWIJS_SYNAPSE_RC_MESSAGE", "0.5/2")]) else { return };
    hs.register("wegwijs", "bot-password");
    hs.register("kim", "pw-kim");
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine(dir.path(), &hs, "", ""));
    let kim = TestClient::login(&hs, "kim", "pw-kim").await;
    let dm = kim.client.create_dm(&BOT.parse::<OwnedUserId>().unwrap()).await.unwrap().room_id().to_owned();
    wait_joined(&kim, &dm, BOT).await;
    let questions = ["What is a BSN?", "Do I need health insurance?", "How do I register with a GP?", "Wat is een BSN?", "Moet ik een zorgverzekering hebben?"];
    let sends = questions.iter().map(|q| say(&kim, &dm, q));
    for s in sends {
        s.await;
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
    while kim.from(&dm, BOT).len() < questions.len() {
        assert!(tokio::time::Instant::now() < deadline, "only {} of {} answers arrived", kim.from(&dm, BOT).len(), questions.len());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    bot.stop().await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(hs.log().contains("M_LIMIT_EXCEEDED") || hs.log().contains(" 429 "), "the homeserver did rate-limit");
}

/// A newcomer on Telegram (the fake Bot API) is served by an advisor on Matrix, both ways.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_telegram_newcomer_is_served_by_a_matrix_advisor() {
    let Some(hs) = Synapse::start() else { return };
    hs.register("wegwijs", "bot-password");
    hs.register("fatima", "pw-fatima");
    let fatima = TestClient::login(&hs, "fatima", "pw-fatima").await;
    let advisors = encrypted_room(&fatima, &[BOT], "Advisors").await;
    let fake = fake_telegram::Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    unsafe { std::env::set_var("WEGWIJS_MX_TG_TOKEN", "123456:TEST-token") };
    let tg = format!("\n[telegram]\ntoken_env = \"WEGWIJS_MX_TG_TOKEN\"\napi_url = \"{}\"\npoll_timeout_secs = 1\nthrottle = false\n", fake.url);
    let bot = start(engine(dir.path(), &hs, advisors.as_str(), &tg));
    wait_joined(&fatima, &advisors, BOT).await;

    fake.text(701, 701, "Ik wil met een mens praten", Some("nl"), None);
    let ticket: Seen = fatima.wait_for(40, "ticket from Telegram", &advisors, BOT, |m| m.body.contains("Ticket #1")).await;
    assert!(!ticket.body.contains("701"), "the Telegram account is not shown");
    say(&fatima, &advisors, "/claim 1").await;
    fake.wait_until(30, "claimed on Telegram", |g| g.sent.iter().any(|s| s.chat_id == 701 && s.text.contains("Fatima"))).await;
    say_in_thread(&fatima, &advisors, &ticket.event_id, "Goedemiddag, waarmee kan ik helpen?").await;
    fake.wait_until(30, "relay to Telegram", |g| g.sent.iter().any(|s| s.chat_id == 701 && s.text.contains("waarmee kan ik helpen"))).await;
    fake.text(701, 701, "Ik zoek een <b>huisarts</b> & tandarts", None, None);
    let relayed = fatima.wait_for(30, "relay to Matrix", &advisors, BOT, |m| m.body.contains("tandarts")).await;
    assert_eq!(relayed.thread.as_deref(), Some(ticket.event_id.as_str()));
    assert!(relayed.body.contains("<b>huisarts</b> & tandarts"), "plain body keeps the text: {}", relayed.body);
    assert!(relayed.html.unwrap_or_default().contains("&lt;b&gt;huisarts&lt;/b&gt; &amp; tandarts"), "HTML is escaped");
    bot.stop().await;
}

/// An independent client (matrix-nio, Python, its own encryption code) holds an encrypted
/// conversation with the bot.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_independent_client_holds_an_encrypted_conversation() {
    let Some(hs) = Synapse::start() else { return };
    hs.register("wegwijs", "bot-password");
    hs.register("nina", "pw-nina");
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine(dir.path(), &hs, "", ""));
    let python = synapse::venv().join("bin/python");
    let script = common::root().join("tests/matrix_nio.py");
    let url = hs.url.clone();
    let out = tokio::task::spawn_blocking(move || std::process::Command::new(python).arg(script).args([url.as_str(), "@nina:localhost", "pw-nina", BOT]).output().unwrap()).await.unwrap();
    assert!(out.status.success(), "matrix-nio client: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(out.stdout.trim_ascii()).unwrap();
    assert_eq!(v["encrypted_room"], true);
    assert_eq!(v["decrypted"], true, "the answer arrived encrypted and nio decrypted it");
    assert!(v["body"].as_str().unwrap().contains("BSN"), "{v}");
    assert!(v["formatted_body"].as_str().unwrap().contains("<a href=\"https://"), "{v}");
    assert_eq!(v["msgtype"], "m.notice", "the bot's answer is a notice: {v}");
    bot.stop().await;
}

/// Every option of the language menu shows its number (keycaps up to 🔟, plain numbers after) and a
/// typed number picks it; a message of nothing but markup does not change the conversation's language.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn numbers_pick_every_option_and_markup_alone_keeps_the_language() {
    let Some(hs) = Synapse::start() else { return };
    hs.register("wegwijs", "bot-password");
    hs.register("piet", "pw-piet");
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine(dir.path(), &hs, "", ""));
    let piet = TestClient::login(&hs, "piet", "pw-piet").await;
    let dm = piet.client.create_dm(&BOT.parse::<OwnedUserId>().unwrap()).await.unwrap().room_id().to_owned();
    wait_joined(&piet, &dm, BOT).await;

    // A Dutch conversation.
    say(&piet, &dm, "Hoe krijg ik een burgerservicenummer?").await;
    piet.wait_for(40, "Dutch answer", &dm, BOT, |m| m.body.contains("BSN")).await;
    // Nothing but markup, in the body and in formatted_body: the bot asks for words, in Dutch.
    let junk = r#"<div><span class="hello world how are you" lang="en"><b><i></i></b></span></div>"#;
    let room = piet.client.get_room(&dm).unwrap();
    room.send(RoomMessageEventContent::text_html(junk, junk)).await.unwrap();
    let asked = piet.wait_for(30, "reply to markup", &dm, BOT, |m| m.body.contains("Typ je vraag")).await;
    assert_eq!(asked.msgtype, "m.notice");
    // The next short question is still answered in Dutch.
    say(&piet, &dm, "zorgverzekering?").await;
    let after = piet.wait_count(30, "answer after the markup", &dm, BOT, 3).await.pop().unwrap();
    assert!(after.body.contains("verzekering") && after.body.contains("Officiële"), "still Dutch: {}", after.body);

    // The language menu: 17 options, each with its number.
    say(&piet, &dm, "/taal").await;
    let menu = piet.wait_for(30, "language menu", &dm, BOT, |m| m.body.contains("Kies je taal")).await;
    assert!(!menu.body.contains('▪'), "{}", menu.body);
    assert!(menu.body.contains("1️⃣ Nederlands") && menu.body.contains("🔟 Soomaali"), "{}", menu.body);
    for (n, name) in [(11, "Español"), (12, "Français"), (13, "Deutsch"), (14, "中文"), (15, "Português"), (16, "Română"), (17, "Italiano")] {
        assert!(menu.body.contains(&format!("{n}. {name}")), "option {n}: {}", menu.body);
    }
    // Typing 14 picks Chinese.
    say(&piet, &dm, "14").await;
    piet.wait_for(30, "Chinese chosen", &dm, BOT, |m| m.body.contains("从现在起")).await;
    // And 🔟 as a reaction picks option 10 of the menu (Somali) once the menu is shown again.
    let n = piet.from(&dm, BOT).len();
    say(&piet, &dm, "/taal").await;
    let menu2 = piet.wait_count(30, "the menu again", &dm, BOT, n + 1).await.pop().unwrap();
    assert!(menu2.body.contains("🔟 Soomaali"), "{}", menu2.body);
    react(&piet, &dm, &menu2.event_id, "🔟").await;
    piet.wait_for(30, "Somali chosen", &dm, BOT, |m| m.event_id != menu2.event_id && m.body.contains("Soomaali") && !m.body.contains("Italiano")).await;
    bot.stop().await;
}

/// A file message: encrypted (as Element sends in an encrypted room) or plain.
async fn send_file(who: &TestClient, room: &OwnedRoomId, kind: &str, name: &str, mime: &str, data: &[u8], thread: Option<&OwnedEventId>) -> OwnedEventId {
    use matrix_sdk::ruma::events::room::message::{AudioMessageEventContent, FileMessageEventContent, ImageMessageEventContent, MessageType};
    use matrix_sdk::ruma::events::room::MediaSource;
    let r = who.client.get_room(room).unwrap();
    let source = if r.latest_encryption_state().await.unwrap().is_encrypted() {
        let mut reader = std::io::Cursor::new(data.to_vec());
        MediaSource::Encrypted(Box::new(who.client.upload_encrypted_file(&mut reader).await.unwrap()))
    } else {
        MediaSource::Plain(who.client.media().upload(&mime.parse().unwrap(), data.to_vec(), None).await.unwrap().content_uri)
    };
    let msgtype = match kind {
        "m.image" => MessageType::Image(ImageMessageEventContent::new(name.into(), source)),
        "m.audio" => MessageType::Audio(AudioMessageEventContent::new(name.into(), source)),
        _ => MessageType::File(FileMessageEventContent::new(name.into(), source)),
    };
    let mut c = RoomMessageEventContent::new(msgtype);
    if let Some(root) = thread {
        c.relates_to = Some(Relation::Thread(Thread::plain(root.clone(), root.clone())));
    }
    r.send(c).await.unwrap().response.event_id
}

/// A plain (unencrypted) audio message sent through the client-server API directly.
async fn send_plain_audio(hs: &Synapse, who: &TestClient, room: &OwnedRoomId, data: &[u8]) {
    let http = reqwest::Client::new();
    let up: serde_json::Value = http
        .post(format!("{}/_matrix/media/v3/upload?filename=voice.ogg", hs.url))
        .bearer_auth(&who.token)
        .header("content-type", "audio/ogg")
        .body(data.to_vec())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mxc = up["content_uri"].as_str().expect("content_uri").to_string();
    let body = serde_json::json!({"msgtype": "m.audio", "body": "voice.ogg", "url": mxc, "info": {"mimetype": "audio/ogg", "size": data.len()}});
    let r = http.put(format!("{}/_matrix/client/v3/rooms/{room}/send/m.room.message/plainaudio1", hs.url)).bearer_auth(&who.token).json(&body).send().await.unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
}

fn bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..n).map(|_| rng.u8(..)).collect()
}

/// Photos, documents and voice messages (encrypted and plain) from a newcomer reach the ticket's
/// thread; an advisor's file reaches the newcomer; a file from another platform is uploaded from the
/// stored copy; files above `max_file_mb` are passed on by reference; /forget redacts the copies and
/// deletes the stored files.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn files_pass_between_newcomers_and_advisors() {
    let Some(hs) = Synapse::start() else { return };
    hs.register("wegwijs", "bot-password");
    hs.register("fatima", "pw-fatima");
    hs.register("amal", "pw-amal");
    let fatima = TestClient::login(&hs, "fatima", "pw-fatima").await;
    let advisors = encrypted_room(&fatima, &[BOT], "Advisors").await;
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path(), &hs, advisors.as_str(), "max_file_mb = 1");
    let bot = start(engine.clone());
    wait_joined(&fatima, &advisors, BOT).await;
    let amal = TestClient::login(&hs, "amal", "pw-amal").await;
    let dm = amal.client.create_dm(&BOT.parse::<OwnedUserId>().unwrap()).await.unwrap().room_id().to_owned();
    wait_joined(&amal, &dm, BOT).await;

    say(&amal, &dm, "Ik wil met een mens praten").await;
    let ticket = fatima.wait_for(40, "ticket", &advisors, BOT, |m| m.body.contains("Ticket #1")).await;

    // An encrypted photo of a letter.
    let photo = bytes(30_000, 1);
    send_file(&amal, &dm, "m.image", "brief.jpg", "image/jpeg", &photo, None).await;
    let got = fatima.wait_for(40, "photo in the thread", &advisors, BOT, |m| m.msgtype == "m.image").await;
    assert_eq!(got.thread.as_deref(), Some(ticket.event_id.as_str()));
    assert!(got.body.contains("photo"), "the caption says what it is: {}", got.body);
    assert_eq!(fatima.download(&got).await, photo, "the same bytes arrive");
    let media = dir.path().join("media");
    let stored: Vec<_> = std::fs::read_dir(&media).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(stored.len(), 1);
    assert_eq!(std::fs::read(&stored[0]).unwrap(), photo, "a copy is kept in <data_dir>/media/");

    // A plain voice message.
    let voice = bytes(5_000, 2);
    send_plain_audio(&hs, &amal, &dm, &voice).await;
    let got = fatima.wait_for(40, "voice message", &advisors, BOT, |m| m.msgtype == "m.audio").await;
    assert!(got.body.contains("voice message"), "{}", got.body);
    assert_eq!(fatima.download(&got).await, voice);

    // A document above max_file_mb: passed on by reference, not copied.
    let big = bytes(1_500_000, 3);
    send_file(&amal, &dm, "m.file", "contract.pdf", "application/pdf", &big, None).await;
    let got = fatima.wait_for(60, "big document", &advisors, BOT, |m| m.msgtype == "m.file").await;
    assert_eq!(fatima.download(&got).await, big);
    assert_eq!(std::fs::read_dir(&media).unwrap().count(), 2, "the big file is not stored");

    // The advisor sends a file back in the thread: the newcomer gets it.
    let answer = bytes(8_000, 4);
    send_file(&fatima, &advisors, "m.file", "formulier.pdf", "application/pdf", &answer, Some(&ticket.event_id)).await;
    let got = amal.wait_for(40, "advisor's file", &dm, BOT, |m| m.msgtype == "m.file").await;
    assert_eq!(amal.download(&got).await, answer);
    assert!(got.body.contains("Fatima"), "{}", got.body);

    // A newcomer on another platform: their file (stored by that platform's transport) is uploaded.
    let tg = wegwijs::message::ChatRef::new("telegram", "555");
    let e = engine.clone();
    let tg2 = tg.clone();
    tokio::task::spawn_blocking(move || e.handle(&wegwijs::message::Incoming::text(tg2, "555", "Ik wil met een mens praten").with_event_id("tg-1"))).await.unwrap();
    let ticket2 = fatima.wait_for(40, "ticket from the other platform", &advisors, BOT, |m| m.body.contains("Ticket #2")).await;
    let letter = bytes(20_000, 5);
    std::fs::write(media.join("tg-letter.jpg"), &letter).unwrap();
    let mut m = wegwijs::message::Media::new(wegwijs::message::MediaKind::Photo);
    m.origin = Some(("telegram".into(), "AgACfileid".into()));
    m.stored = Some("tg-letter.jpg".into());
    m.mime = Some("image/jpeg".into());
    let e = engine.clone();
    tokio::task::spawn_blocking(move || e.handle(&wegwijs::message::Incoming::media(tg, "555", m).with_event_id("tg-2"))).await.unwrap();
    let got = fatima.wait_for(40, "uploaded copy", &advisors, BOT, |m| m.msgtype == "m.image" && m.thread.as_deref() == Some(ticket2.event_id.as_str())).await;
    assert_eq!(fatima.download(&got).await, letter);

    // /forget: the copies in the room are redacted, the stored files deleted.
    let copies: Vec<OwnedEventId> = fatima.from(&advisors, BOT).into_iter().filter(|m| m.thread.as_deref() == Some(ticket.event_id.as_str()) && m.source.is_some()).map(|m| m.event_id).collect();
    assert_eq!(copies.len(), 3);
    say(&amal, &dm, "/forget").await;
    for c in &copies {
        fatima.wait_redacted(30, c).await;
    }
    let left: Vec<String> = std::fs::read_dir(&media).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    assert_eq!(left, vec!["tg-letter.jpg".to_string()], "only the other newcomer's file is left");
    bot.stop().await;
}

/// Redactions that fail (the homeserver answers 502 for a while) stay in the outbox and are tried
/// again until they succeed.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn failed_redactions_are_retried() {
    let Some(hs) = Synapse::start() else { return };
    hs.register("wegwijs", "bot-password");
    hs.register("fatima", "pw-fatima");
    hs.register("amal", "pw-amal");
    let proxy = synapse::FaultProxy::start(&hs.url).await;
    let fatima = TestClient::login(&hs, "fatima", "pw-fatima").await;
    let advisors = encrypted_room(&fatima, &[BOT], "Advisors").await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(engine_at(dir.path(), &proxy.url, advisors.as_str(), ""));
    wait_joined(&fatima, &advisors, BOT).await;
    let amal = TestClient::login(&hs, "amal", "pw-amal").await;
    let dm = amal.client.create_dm(&BOT.parse::<OwnedUserId>().unwrap()).await.unwrap().room_id().to_owned();
    wait_joined(&amal, &dm, BOT).await;
    say(&amal, &dm, "Ik wil met een mens praten").await;
    let ticket = fatima.wait_for(40, "ticket", &advisors, BOT, |m| m.body.contains("Ticket #1")).await;
    say(&amal, &dm, "Mijn huurcontract klopt niet").await;
    let relayed = fatima.wait_for(30, "relay", &advisors, BOT, |m| m.body.contains("huurcontract")).await;

    // More failures in a row than one attempt's own retries.
    let failures = 12;
    proxy.fail_redactions.store(failures, std::sync::atomic::Ordering::SeqCst);
    say(&amal, &dm, "/forget").await;
    fatima.wait_redacted(90, &ticket.event_id).await;
    fatima.wait_redacted(90, &relayed.event_id).await;
    assert_eq!(proxy.failed.load(std::sync::atomic::Ordering::SeqCst), failures, "every planned failure happened");
    bot.stop().await;
}

/// `wegwijs serve` as its own process, so it can be killed.
struct Process {
    child: std::process::Child,
}

fn spawn_bot(data: &Path, bot: &Path) -> Process {
    let log = std::fs::OpenOptions::new().create(true).append(true).open(data.join("serve.log")).unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .arg("--bot")
        .arg(bot)
        .arg("serve")
        .env(password_var(data), "bot-password")
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .expect("starting wegwijs serve");
    Process { child }
}

impl Process {
    /// `kill -9`.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// When, in a round, the bot is killed.
#[derive(Debug, Clone, Copy)]
enum KillAt {
    /// As soon as the first answer of the round arrives: the batch is being handled.
    FirstAnswer,
    /// As soon as the messages are sent.
    Sent,
    /// Some time after they are sent.
    After(u64),
    /// Before they are sent: they come in while the bot is down (more than the homeserver puts in
    /// one sync's timeline, so the bot fetches the rest).
    Before,
}

/// After `kill -9` of a real `wegwijs serve` and a restart, every message newcomers sent before the
/// crash is answered or relayed exactly once, against Synapse with its default sync response cache.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nothing_is_lost_or_doubled_when_the_bot_is_killed() {
    let Some(hs) = Synapse::start() else { return };
    assert!(!std::fs::read_to_string(hs.dir.path().join("homeserver.yaml")).unwrap().contains("sync_response_cache_duration"), "the default sync cache");
    hs.register("wegwijs", "bot-password");
    hs.register("fatima", "pw-fatima");
    hs.register("ana", "pw-ana");
    hs.register("bob", "pw-bob");
    let fatima = TestClient::login(&hs, "fatima", "pw-fatima").await;
    let advisors = encrypted_room(&fatima, &[BOT], "Advisors").await;
    let dir = tempfile::tempdir().unwrap();
    let file = bot_file(dir.path(), &hs.url, advisors.as_str(), "");
    let mut bot = Some(spawn_bot(dir.path(), &file));
    wait_joined(&fatima, &advisors, BOT).await;
    // Ana asks the bot; Bob talks to an advisor (his words are relayed to the advisors' room).
    let ana = TestClient::login(&hs, "ana", "pw-ana").await;
    let bob = TestClient::login(&hs, "bob", "pw-bob").await;
    let ana_dm = ana.client.create_dm(&BOT.parse::<OwnedUserId>().unwrap()).await.unwrap().room_id().to_owned();
    let bob_dm = bob.client.create_dm(&BOT.parse::<OwnedUserId>().unwrap()).await.unwrap().room_id().to_owned();
    wait_joined(&ana, &ana_dm, BOT).await;
    wait_joined(&bob, &bob_dm, BOT).await;
    say(&bob, &bob_dm, "Ik wil met een mens praten").await;
    fatima.wait_for(60, "Bob's ticket", &advisors, BOT, |m| m.body.contains("Ticket #1")).await;
    say(&fatima, &advisors, "/claim 1").await;
    bob.wait_for(60, "claimed", &bob_dm, BOT, |m| m.body.contains("Fatima")).await;

    let questions = ["What is a BSN?", "Do I need health insurance?", "How do I register with a GP?", "Wat is een BSN?", "Moet ik een zorgverzekering hebben?"];
    // (sent at once, when the bot is killed, messages per newcomer)
    let rounds = [
        (true, KillAt::FirstAnswer, 10),
        (false, KillAt::FirstAnswer, 10),
        (true, KillAt::Sent, 10),
        (false, KillAt::After(700), 10),
        (true, KillAt::After(250), 10),
        (false, KillAt::Before, 15),
    ];
    let mut answers = 0;
    for (round, &(at_once, kill_at, count)) in rounds.iter().enumerate() {
        let ana_room = ana.client.get_room(&ana_dm).unwrap();
        let bob_room = bob.client.get_room(&bob_dm).unwrap();
        let texts: Vec<String> = (0..count).map(|k| questions[k % questions.len()].to_string()).collect();
        let marks: Vec<String> = (0..count).map(|k| format!("bericht r{round}n{k}. over mijn huur")).collect();
        let down = matches!(kill_at, KillAt::Before);
        if down && let Some(b) = bot.take() {
            b.kill();
        }
        if at_once {
            let sends = texts
                .iter()
                .map(|t| ana_room.send(RoomMessageEventContent::text_plain(t.as_str())).into_future())
                .chain(marks.iter().map(|t| bob_room.send(RoomMessageEventContent::text_plain(t.as_str())).into_future()));
            for r in futures_util::future::join_all(sends).await {
                r.unwrap();
            }
        } else {
            for (t, m) in texts.iter().zip(&marks) {
                ana_room.send(RoomMessageEventContent::text_plain(t.as_str())).await.unwrap();
                bob_room.send(RoomMessageEventContent::text_plain(m.as_str())).await.unwrap();
            }
        }
        match kill_at {
            KillAt::FirstAnswer => {
                ana.wait_count(60, "a first answer", &ana_dm, BOT, answers + 1).await;
            }
            KillAt::Sent => {}
            KillAt::After(ms) => tokio::time::sleep(Duration::from_millis(ms)).await,
            KillAt::Before => tokio::time::sleep(Duration::from_secs(1)).await,
        }
        if let Some(b) = bot.take() {
            let before_kill = ana.from(&ana_dm, BOT).len() - answers;
            b.kill();
            eprintln!("round {round}: killed with {before_kill} of {count} answers out ({kill_at:?}, at once: {at_once})");
        }
        bot = Some(spawn_bot(dir.path(), &file));
        answers += texts.len();
        ana.wait_count(120, &format!("all answers of round {round}"), &ana_dm, BOT, answers).await;
        for m in &marks {
            fatima.wait_for(120, &format!("relay of {m}"), &advisors, BOT, |s| s.body.contains(m.as_str())).await;
        }
    }
    // Nothing more arrives: every message was answered or relayed exactly once.
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(ana.from(&ana_dm, BOT).len(), answers, "one answer per question");
    let relayed: Vec<String> = fatima.from(&advisors, BOT).into_iter().map(|m| m.body).collect();
    for (round, &(_, _, count)) in rounds.iter().enumerate() {
        for k in 0..count {
            let m = format!("bericht r{round}n{k}. over mijn huur");
            assert_eq!(relayed.iter().filter(|b| b.contains(&m)).count(), 1, "{m} relayed exactly once");
        }
    }
    if let Some(b) = bot.take() {
        b.kill();
    }
}
