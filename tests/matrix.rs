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
    let root = common::root();
    let var = format!("WEGWIJS_MX_PW_{}", data.file_name().unwrap().to_string_lossy().replace(|c: char| !c.is_ascii_alphanumeric(), "_"));
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
        url = hs.url,
        room_line = if advisors_room.is_empty() { String::new() } else { format!("advisors_room = \"{advisors_room}\"") },
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

async fn say_in_thread(who: &TestClient, room: &OwnedRoomId, root: &OwnedEventId, text: &str) {
    let r = who.client.get_room(room).unwrap();
    let mut c = RoomMessageEventContent::text_plain(text);
    c.relates_to = Some(Relation::Thread(Thread::plain(root.clone(), root.clone())));
    r.send(c).await.unwrap();
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

    // The newcomer opens an encrypted direct chat, as Element does.
    let amal = TestClient::login(&hs, "amal", "pw-amal").await;
    let dm = amal.client.create_dm(&BOT.parse::<OwnedUserId>().unwrap()).await.unwrap().room_id().to_owned();
    wait_joined(&amal, &dm, BOT).await;
    assert!(amal.client.get_room(&dm).unwrap().latest_encryption_state().await.unwrap().is_encrypted());

    // A Dutch question: an answer with HTML, a link and numbered options, encrypted.
    say(&amal, &dm, "Hoe krijg ik een burgerservicenummer?").await;
    let answer = amal.wait_for(40, "Dutch answer", &dm, BOT, |m| m.body.contains("BSN")).await;
    assert!(answer.encrypted, "the answer is encrypted");
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
    let _ = ar;
    let opened = amal.from(&dm, BOT).len();

    // Fatima claims with a reaction; the newcomer hears her first name.
    react(&fatima, &advisors, &ticket.event_id, "👍").await;
    amal.wait_for(30, "claimed", &dm, BOT, |m| m.body.contains("Fatima")).await;
    // She answers in the ticket's thread; the newcomer reads it.
    say_in_thread(&fatima, &advisors, &ticket.event_id, "مرحبا، أنا أساعدك. أين تسكن؟").await;
    amal.wait_for(30, "relay to the newcomer", &dm, BOT, |m| m.body.contains("أين تسكن")).await;
    // The newcomer answers: it reaches the advisors' room, in the ticket's thread.
    say(&amal, &dm, "في لايدن، قرب المحطة").await;
    let relayed = fatima.wait_for(30, "relay to the room", &advisors, BOT, |m| m.body.contains("قرب المحطة")).await;
    assert_eq!(relayed.thread.as_deref(), Some(ticket.event_id.as_str()), "threaded under the ticket");
    // Nothing in the advisors' room shows the newcomer's account.
    for m in fatima.from(&advisors, BOT) {
        assert!(!m.body.contains("amal") && !m.html.unwrap_or_default().contains("amal"), "{}", m.body);
    }
    // A non-advisor reacting or writing in the room changes nothing (nobody else is there; Fatima closes).
    say(&fatima, &advisors, "/close 1").await;
    amal.wait_for(30, "closed", &dm, BOT, |m| m.body.contains("72")).await;
    assert!(amal.from(&dm, BOT).len() > opened);

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

    // /forget: the ticket's copies in the advisors' room are redacted.
    say(&amal, &dm, "/forget").await;
    fatima.wait_redacted(30, &ticket.event_id).await;
    fatima.wait_redacted(30, &relayed.event_id).await;
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
    bot.stop().await;
}
