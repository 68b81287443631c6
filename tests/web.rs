#![recursion_limit = "256"]
//! The web chat end to end: the real `serve` code path with a `[web]` section, and a real browser
//! (headless Chromium from Debian's packages, over WebDriver; tests/browser) playing the newcomer.
//! Advisors answer from a Matrix room on a real Synapse (tests/synapse) and from the Telegram fake
//! (tests/fake_telegram). The HTTP-level checks (origins, limits, caching, long polling) use a
//! plain HTTP client and a WebSocket client.

mod browser;
mod common;
mod fake_telegram;
mod synapse;

use browser::Browser;
use fake_telegram::Fake;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use synapse::{encrypted_room, say, say_in_thread, wait_joined, Synapse, TestClient};
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, Engine};
use wegwijs::message::ChatRef;
use wegwijs::serve::{serve, Timing};
use wegwijs::store::SqliteStore;
use wegwijs::transport::web::session_id;

const BOT: &str = "@wegwijs:localhost";
const FATIMA_MX: &str = "@fatima:localhost";
const GROUP: i64 = -100300;
const FATIMA_TG: i64 = 9001;

/// A running bot with a web chat.
struct Site {
    url: String,
    port: u16,
    engine: Arc<Engine>,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

enum Knowledge {
    /// The small test knowledge base (Dutch, English, some Arabic and Somali).
    Fixture,
    /// The shipped knowledge base, in all 17 languages.
    Shipped,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Site {
    /// Writes a bot file with `[web]` (plus `web_extra` inside it) and `extra` sections, and serves it.
    async fn start(data: &Path, knowledge: Knowledge, web_extra: &str, extra: &str) -> Site {
        let root = common::root();
        let port = free_port();
        let k = match knowledge {
            Knowledge::Fixture => root.join("tests/fixtures/knowledge"),
            Knowledge::Shipped => root.join("knowledge"),
        };
        let bot = format!(
            r#"id = "web-test"
municipality = "Leiden"
layers = ["national", "leiden"]
knowledge_dir = "{k}"
locales_dir = "{l}"
data_dir = "{d}"

[web]
listen = "127.0.0.1:{port}"
public_url = "http://127.0.0.1:{port}/"
{web_extra}

{extra}
"#,
            k = k.display(),
            l = root.join("locales").display(),
            d = data.display(),
        );
        let path = data.join("bot.toml");
        std::fs::write(&path, bot).unwrap();
        let cfg = BotConfig::load(&path).unwrap();
        let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
        let store = SqliteStore::open(&data.join("wegwijs.sqlite")).unwrap();
        let engine = Arc::new(Engine::new(cfg, snap, Arc::new(store)));
        let (stop, rx) = watch::channel(false);
        let timing = Timing { pump_every: Duration::from_millis(100), tick_every: Duration::from_millis(300) };
        let task = tokio::spawn(serve(engine.clone(), timing, rx));
        let url = format!("http://127.0.0.1:{port}/");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Site { url, port, engine, stop, task }
    }

    /// Messages for web pages not yet acknowledged by a page (from the database itself).
    fn undelivered(&self) -> usize {
        self.engine.store().pending("web").unwrap().len()
    }

    async fn stop(self) {
        let _ = self.stop.send(true);
        let r = tokio::time::timeout(Duration::from_secs(20), self.task).await.expect("serve stops when asked");
        r.expect("serve task").expect("serve ends without error");
    }
}

/// Collects violations of the page's Content-Security-Policy from now on.
async fn watch_policy(b: &Browser) {
    b.js(
        "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));",
        vec![],
    )
    .await;
}

async fn assert_no_violations(b: &Browser) {
    let v = b.js("return window.__violations", vec![]).await;
    assert_eq!(v, json!([]), "the page broke its own security policy");
}

/// The page is connected: it has a session token.
async fn connected(b: &Browser) -> String {
    b.wait_js(20, "a session token", "return localStorage.getItem('wegwijs.token')").await.as_str().unwrap().to_string()
}

fn escalation(extra: &str) -> String {
    format!(
        r#"{extra}

[escalation]
hours = []
advisor_language = "en"

[[advisors]]
name = "Fatima El Amrani"
languages = ["ar", "nl", "en"]
matrix = "{FATIMA_MX}"
telegram = {FATIMA_TG}
"#
    )
}

fn telegram_section(fake: &Fake, data: &Path) -> String {
    let var = format!("WEGWIJS_WEB_TG_{}", data.file_name().unwrap().to_string_lossy().replace(|c: char| !c.is_ascii_alphanumeric(), "_"));
    // Each test has its own variable; nothing else reads it.
    unsafe { std::env::set_var(&var, "123456:TEST-token") };
    format!("[telegram]\ntoken_env = \"{var}\"\napi_url = \"{}\"\nadvisors_chat = {GROUP}\npoll_timeout_secs = 1\nthrottle = false\n", fake.url)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_newcomer_asks_in_dutch_and_arabic_presses_a_button_and_comes_back_after_a_reload() {
    let dir = tempfile::tempdir().unwrap();
    let site = Site::start(dir.path(), Knowledge::Fixture, "", "").await;
    let Some(b) = Browser::start("nl-NL,nl;q=0.9,en;q=0.5", 1024, 800).await else { return };
    b.goto(&site.url).await;
    watch_policy(&b).await;
    assert_eq!(b.js("return [document.documentElement.lang, document.documentElement.dir]", vec![]).await, json!(["nl", "ltr"]), "Dutch from Accept-Language");
    assert!(b.js("return document.getElementById('intro').textContent", vec![]).await.as_str().unwrap().contains("Leiden"));
    let token = connected(&b).await;

    // A Dutch question: an answer with a heading, a link that opens in a new tab, real buttons.
    b.type_and_send("Hoe krijg ik een burgerservicenummer?").await;
    b.wait_bot_after(0, "BSN", 20).await;
    let answer = b
        .js(
            "const m = Array.from(document.querySelectorAll('#log li.bot')).pop(); const a = m.querySelector('a'); \
             return { lang: m.lang, heading: !!m.querySelector('h2'), target: a && a.target, rel: a && a.rel, href: a && a.protocol, \
                      buttons: Array.from(m.querySelectorAll('button')).map(b => [b.type, b.textContent]) }",
            vec![],
        )
        .await;
    assert_eq!(answer["lang"], "nl");
    assert_eq!(answer["heading"], true);
    assert_eq!((answer["target"].as_str(), answer["rel"].as_str(), answer["href"].as_str()), (Some("_blank"), Some("noopener noreferrer"), Some("https:")));
    let buttons = answer["buttons"].as_array().unwrap();
    assert!(buttons.iter().any(|b| b[0] == "button" && b[1] == "Dit hielp"), "{buttons:?}");
    assert!(buttons.iter().any(|b| b[1] == "Praat met een mens"), "{buttons:?}");

    // Pressing a button.
    b.js("Array.from(document.querySelectorAll('#log li.bot button')).find(x => x.textContent === 'Dit hielp').click()", vec![]).await;
    b.wait_bot_after(1, "Bedankt", 20).await;
    // The typing indicator is gone once the answer is there.
    b.wait_js(5, "no typing indicator", "return document.getElementById('typing').hidden").await;

    // An Arabic question: an Arabic answer, right to left, and the interface follows.
    b.type_and_send("كيف أحصل على رقم المواطن BSN؟").await;
    b.wait_bot_after(2, "رقم", 20).await;
    b.wait_js(10, "the interface in Arabic", "return document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar'").await;
    let layout = b
        .js(
            "const m = Array.from(document.querySelectorAll('#log li.bot')).pop(); const me = Array.from(document.querySelectorAll('#log li.me')).pop(); \
             const log = document.getElementById('log').getBoundingClientRect(); const r = m.getBoundingClientRect(); const q = me.getBoundingClientRect(); \
             return { lang: m.lang, dir: getComputedStyle(m).direction, block: getComputedStyle(m.querySelector('h2, p')).direction, \
                      botRight: Math.round(log.right - r.right), meLeft: Math.round(q.left - log.left), \
                      send: document.getElementById('send').textContent, input: getComputedStyle(document.getElementById('question')).direction }",
            vec![],
        )
        .await;
    assert_eq!(layout["lang"], "ar");
    assert_eq!(layout["dir"], "rtl", "{layout}");
    assert_eq!(layout["block"], "rtl", "{layout}");
    assert_eq!(layout["botRight"], 0, "the bot's message starts at the right: {layout}");
    assert_eq!(layout["meLeft"], 0, "the person's message sits at the left: {layout}");
    assert_eq!(layout["send"], "إرسال");
    assert_eq!(layout["input"], "rtl");

    // A reload: the same session, the same messages (each once), the interface still Arabic.
    let before: Vec<String> = serde_json::from_value(b.js("return Array.from(document.querySelectorAll('#log li')).map(l => l.textContent)", vec![]).await).unwrap();
    b.client.refresh().await.unwrap();
    watch_policy(&b).await;
    b.wait_js(20, "Arabic after the reload", "return document.documentElement.dir === 'rtl' && document.getElementById('send').textContent === 'إرسال'").await;
    assert_eq!(connected(&b).await, token, "the same session token");
    let after: Vec<String> = serde_json::from_value(b.js("return Array.from(document.querySelectorAll('#log li')).map(l => l.textContent)", vec![]).await).unwrap();
    assert_eq!(after, before, "the conversation is back, nothing twice");
    // And it goes on: the next answer is Arabic without saying so again.
    let n = b.bot_count().await;
    b.type_and_send("ما هو رقم BSN").await;
    b.wait_bot_after(n, "رقم", 20).await;
    let ids: Vec<String> = serde_json::from_value(b.js("return Array.from(document.querySelectorAll('#log li.bot')).map(l => l.dataset.id)", vec![]).await).unwrap();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "no message shown twice: {ids:?}");
    // Everything the page was sent is acknowledged and marked sent.
    for _ in 0..50 {
        if site.undelivered() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(site.undelivered(), 0);
    assert_no_violations(&b).await;
    b.close().await;
    site.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_safeguarding_message_gets_the_emergency_numbers_first() {
    let dir = tempfile::tempdir().unwrap();
    let site = Site::start(dir.path(), Knowledge::Fixture, "", "").await;
    let Some(b) = Browser::start("nl", 1024, 800).await else { return };
    b.goto(&site.url).await;
    connected(&b).await;
    b.type_and_send("mijn vriend slaat me").await;
    b.wait_bot_after(0, "112", 20).await;
    let first = b.js("const m = document.querySelector('#log li.bot'); return [m.dataset.kind, m.className, m.textContent]", vec![]).await;
    assert_eq!(first[0], "urgent", "the emergency numbers come first: {first}");
    assert!(first[1].as_str().unwrap().contains("urgent"));
    let text = first[2].as_str().unwrap();
    assert!(text.contains("112") && text.contains("0800 2000"), "{text}");
    b.close().await;
    site.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hostile_input_is_shown_as_text_and_breaks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let site = Site::start(dir.path(), Knowledge::Fixture, "session_per_minute = 600\nsession_burst = 200", "").await;
    let Some(b) = Browser::start("en", 1024, 800).await else { return };
    b.goto(&site.url).await;
    watch_policy(&b).await;
    connected(&b).await;
    let max = 2000;
    let mut samples = common::hostile_strings();
    // Strings aimed at a page in particular.
    samples.extend(
        [
            "<img src=x onerror=\"window.__pwned=1\">",
            "\"><svg onload=window.__pwned=1>",
            "<iframe src=javascript:window.__pwned=1></iframe>",
            "javascript:window.__pwned=1",
            "</script><script>window.__pwned=1</script>",
            "{{constructor.constructor('window.__pwned=1')()}}",
            "\u{202E}\u{2066}‏BSN<b>",
        ]
        .map(String::from),
    );
    for s in &samples {
        let n = b.bot_count().await;
        let mine = b.js("return document.querySelectorAll('#log li.me').length", vec![]).await.as_u64().unwrap();
        b.paste_and_send(s).await;
        if s.trim().is_empty() {
            continue;
        }
        if s.chars().count() > max {
            // Too long: not sent, a clear message, the text stays in the box.
            let status = b.wait_js(5, "the too-long message", "return document.getElementById('status').textContent").await;
            assert!(status.as_str().unwrap().contains("2000"), "{status}");
            b.js("document.getElementById('question').value = ''; document.getElementById('status').textContent = ''", vec![]).await;
            continue;
        }
        // The person's words, exactly as typed, as text.
        let shown = b.js("const m = Array.from(document.querySelectorAll('#log li.me')).pop(); return [m.childNodes.length, m.lastChild.nodeType, m.lastChild.data]", vec![]).await;
        assert_eq!(shown[0], 2, "a label and one text node: {s:?}");
        assert_eq!(shown[1], 3, "a text node: {s:?}");
        let typed = b.js("return document.getElementById('question').value", vec![]).await;
        assert_eq!(typed, "", "{s:?}");
        let now_mine = b.js("return document.querySelectorAll('#log li.me').length", vec![]).await.as_u64().unwrap();
        assert_eq!(now_mine, mine + 1);
        if !s.contains('\0') {
            assert_eq!(shown[2], s.as_str(), "shown exactly as typed");
        }
        b.wait_js(20, &format!("an answer to {:?}", s.chars().take(40).collect::<String>()), &format!("return document.querySelectorAll('#log li.bot').length > {n}")).await;
    }
    // Nothing became markup, ran, or was loaded.
    let page = b
        .js(
            "return { pwned: window.__pwned === undefined ? null : window.__pwned, scripts: document.scripts.length, \
                      foreign: document.querySelectorAll('#log img, #log svg, #log iframe, #log script, #log object, #log embed, #log b, #log style').length, \
                      tags: Array.from(new Set(Array.from(document.querySelectorAll('#log *')).map(e => e.tagName))).sort() }",
            vec![],
        )
        .await;
    assert_eq!(page["pwned"], Value::Null);
    assert_eq!(page["scripts"], 2, "the page's script and its settings only");
    assert_eq!(page["foreign"], 0, "{page}");
    for tag in page["tags"].as_array().unwrap() {
        assert!(["A", "BDI", "BR", "BUTTON", "CODE", "DIV", "EM", "H2", "LI", "P", "SPAN", "STRONG", "UL"].contains(&tag.as_str().unwrap()), "{page}");
    }
    assert_no_violations(&b).await;
    b.close().await;
    site.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_gets_a_polite_slow_down_in_the_persons_language() {
    let dir = tempfile::tempdir().unwrap();
    let site = Site::start(dir.path(), Knowledge::Fixture, "session_per_minute = 2\nsession_burst = 3", "").await;
    let Some(b) = Browser::start("nl", 1024, 800).await else { return };
    b.goto(&site.url).await;
    connected(&b).await;
    for k in 0..6 {
        b.paste_and_send(&format!("Wat is een BSN? ({k})")).await;
    }
    let status = b.wait_js(20, "slow down", "return document.getElementById('status').textContent").await;
    assert!(status.as_str().unwrap().contains("Je stuurt heel snel berichten"), "{status}");
    // The first three were answered; the refused words are back in the box to send later.
    b.wait_js(20, "three answers", "return document.querySelectorAll('#log li.bot').length >= 3").await;
    // The refusals arrive one by one; each takes its words off the page.
    b.wait_js(20, "the refused messages taken back", "return document.querySelectorAll('#log li.me').length === 3").await;
    let state = b.js("return [document.querySelectorAll('#log li.me').length, document.getElementById('question').value]", vec![]).await;
    assert_eq!(state[0], 3, "{state}");
    assert!(state[1].as_str().unwrap().starts_with("Wat is een BSN?"), "{state}");
    // The server is fine: another page is served at once.
    let r = reqwest::get(&site.url).await.unwrap();
    assert_eq!(r.status(), 200);
    b.close().await;
    site.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_advisor_answers_from_a_matrix_room_also_while_the_tab_is_closed() {
    let Some(hs) = Synapse::start() else { return };
    hs.register("wegwijs", "bot-password");
    hs.register("fatima", "pw-fatima");
    let fatima = TestClient::login(&hs, "fatima", "pw-fatima").await;
    let advisors = encrypted_room(&fatima, &[BOT], "Advisors").await;
    let dir = tempfile::tempdir().unwrap();
    let var = format!("WEGWIJS_WEB_MX_{}", dir.path().file_name().unwrap().to_string_lossy().replace(|c: char| !c.is_ascii_alphanumeric(), "_"));
    // Each test has its own variable; nothing else reads it.
    unsafe { std::env::set_var(&var, "bot-password") };
    let matrix = format!("[matrix]\nhomeserver = \"{}\"\nuser_id = \"{BOT}\"\npassword_env = \"{var}\"\nadvisors_room = \"{advisors}\"\n", hs.url);
    let site = Site::start(dir.path(), Knowledge::Fixture, "", &escalation(&matrix)).await;
    wait_joined(&fatima, &advisors, BOT).await;
    let Some(b) = Browser::start("nl", 1024, 800).await else { return };
    b.goto(&site.url).await;
    let token = connected(&b).await;

    // Asking for a person in plain words opens a ticket.
    b.type_and_send("Ik wil met een mens praten").await;
    b.wait_bot_after(0, "adviseur", 20).await;
    let ticket = fatima.wait_for(40, "the ticket in the advisors' room", &advisors, BOT, |m| m.body.contains("Ticket #1")).await;
    let sid = session_id(&token);
    assert!(!ticket.body.contains(&sid) && !ticket.body.contains(&token), "advisors see no session: {}", ticket.body);

    // Fatima claims it and answers in the ticket's thread: the page shows both.
    say(&fatima, &advisors, "/claim 1").await;
    let n = b.bot_count().await;
    b.wait_bot_after(n, "Fatima", 30).await;
    say_in_thread(&fatima, &advisors, &ticket.event_id, "Goedemiddag, waarmee kan ik helpen? <b>vet</b>").await;
    let text = b.wait_bot_after(n, "waarmee kan ik helpen", 30).await;
    assert!(text.contains("<b>vet</b>"), "an advisor's markup is text: {text}");
    assert_eq!(b.js("return Array.from(document.querySelectorAll('#log li.bot')).pop().dataset.kind", vec![]).await, "relay");
    // The newcomer answers; it reaches the thread.
    b.type_and_send("Ik zoek een huisarts in Leiden").await;
    let relayed = fatima.wait_for(30, "the newcomer's words in the thread", &advisors, BOT, |m| m.body.contains("huisarts in Leiden")).await;
    assert_eq!(relayed.thread.as_deref(), Some(ticket.event_id.as_str()));

    // The tab is closed; Fatima answers meanwhile. The answer waits in the outbox.
    b.goto("about:blank").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    say_in_thread(&fatima, &advisors, &ticket.event_id, "Kijk op de lijst van huisartsen bij de gemeente.").await;
    for _ in 0..300 {
        if site.undelivered() > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(site.undelivered() > 0, "the answer waits for the person");
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(site.undelivered() > 0, "and keeps waiting while nobody is there");

    // The person comes back (the next day, for all the page knows): the answer is there, once.
    b.goto(&site.url).await;
    assert_eq!(connected(&b).await, token);
    b.wait_js(20, "the waiting answer", "return document.getElementById('log').textContent.includes('lijst van huisartsen')").await;
    for _ in 0..100 {
        if site.undelivered() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(site.undelivered(), 0, "delivered, then marked sent");
    let count = b.js("return Array.from(document.querySelectorAll('#log li.bot')).filter(l => l.textContent.includes('waarmee kan ik helpen')).length", vec![]).await;
    assert_eq!(count, 1, "nothing shown twice after the return");
    b.close().await;
    site.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_advisor_answers_from_telegram_over_long_polling() {
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    let tg = telegram_section(&fake, dir.path());
    let site = Site::start(dir.path(), Knowledge::Fixture, "", &escalation(&tg)).await;
    let Some(b) = Browser::start("en-GB,en", 1024, 800).await else { return };
    // Long polling instead of the WebSocket, as where a proxy does not pass WebSockets.
    b.goto(&format!("{}?transport=poll", site.url)).await;
    watch_policy(&b).await;
    connected(&b).await;

    // The header's "Talk to a person".
    b.click("#b-person").await;
    b.wait_bot_after(0, "advisor", 20).await;
    fake.wait_until(30, "the ticket in the group", |g| g.sent.iter().any(|s| s.chat_id == GROUP && s.text.contains("Ticket #1"))).await;
    fake.text(GROUP, FATIMA_TG, "/claim 1", None, None);
    let n = b.bot_count().await;
    b.wait_bot_after(n, "Fatima", 30).await;
    fake.text(GROUP, FATIMA_TG, "/reply 1 Hello! Which documents do you have? <img src=x onerror=\"window.__pwned=1\">", None, None);
    let text = b.wait_bot_after(n, "Which documents", 30).await;
    assert!(text.contains("<img src=x"), "markup from an advisor is text: {text}");
    b.type_and_send("Only my passport").await;
    fake.wait_until(30, "the newcomer's answer in the group", |g| g.sent.iter().any(|s| s.chat_id == GROUP && s.text.contains("Only my passport"))).await;
    let used = b
        .js("return [performance.getEntriesByType('resource').some(e => e.name.includes('/api/poll')), window.__pwned === undefined]", vec![])
        .await;
    assert_eq!(used, json!([true, true]), "long polling was used; nothing ran");
    assert_no_violations(&b).await;
    b.close().await;
    site.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn forget_me_deletes_the_conversation_here_and_on_the_server() {
    let fake = Fake::start().await;
    let dir = tempfile::tempdir().unwrap();
    let tg = telegram_section(&fake, dir.path());
    let site = Site::start(dir.path(), Knowledge::Fixture, "", &escalation(&tg)).await;
    let Some(b) = Browser::start("nl", 1024, 800).await else { return };
    b.goto(&site.url).await;
    let token = connected(&b).await;
    let chat = ChatRef::new("web", session_id(&token));
    b.type_and_send("Hoe krijg ik een burgerservicenummer?").await;
    b.wait_bot_after(0, "BSN", 20).await;
    b.click("#b-person").await;
    fake.wait_until(30, "the ticket", |g| g.sent.iter().any(|s| s.chat_id == GROUP && s.text.contains("Ticket #1"))).await;
    assert_eq!(site.engine.store().tickets_of(&chat).unwrap().len(), 1);
    assert!(site.engine.store().conversation_language(&chat.key()).unwrap().is_some());

    // "Forget me" asks first; Cancel keeps everything.
    b.click("#b-forget").await;
    assert_eq!(b.js("return [document.getElementById('confirm').hidden, document.activeElement.id]", vec![]).await, json!([false, "forget-no"]));
    b.click("#forget-no").await;
    assert_eq!(b.js("return [document.getElementById('confirm').hidden, document.activeElement.id]", vec![]).await, json!([true, "b-forget"]));
    assert!(b.bot_count().await >= 2);
    b.click("#b-forget").await;
    b.click("#forget-yes").await;
    b.wait_js(20, "the confirmation", "return document.getElementById('log').textContent.includes('Ik heb alles gewist')").await;
    let page = b.js("return [document.querySelectorAll('#log li').length, localStorage.getItem('wegwijs.history')]", vec![]).await;
    assert_eq!(page[0], 1, "only the confirmation is left: {page}");
    assert!(page[1].is_null() || page[1] == "[]", "{page}");
    let new_token = connected(&b).await;
    assert_ne!(new_token, token, "a new session from now on");
    // On the server: tickets, language, transcript gone; the ticket's post removed from the group.
    assert!(site.engine.store().tickets_of(&chat).unwrap().is_empty());
    assert!(site.engine.store().conversation_language(&chat.key()).unwrap().is_none());
    assert!(site.engine.store().language(&chat.key()).unwrap().is_none());
    fake.wait_until(30, "the ticket's post deleted", |g| !g.deleted.is_empty() || !g.deleted_topics.is_empty()).await;
    b.close().await;
    site.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_widget_opens_the_chat_on_an_allowed_website_only() {
    // The municipality's website, with a strict policy of its own.
    let host = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let host_port = host.local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let site = Site::start(dir.path(), Knowledge::Fixture, &format!("allowed_origins = [\"http://127.0.0.1:{host_port}\"]"), "").await;
    let chat = format!("http://127.0.0.1:{}", site.port);
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Gemeente Leiden</title></head>\
         <body><h1>Gemeente Leiden</h1><p>Living in Leiden.</p><script src=\"{chat}/widget.js\" data-lang=\"en\" defer></script></body></html>"
    );
    let csp = format!("default-src 'self'; script-src 'self' {chat}; frame-src {chat}; style-src 'self'; img-src 'self'");
    let app = axum::Router::new().route(
        "/",
        axum::routing::get(move || {
            let (page, csp) = (page.clone(), csp.clone());
            async move { ([(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8".to_string()), (axum::http::header::CONTENT_SECURITY_POLICY, csp)], page) }
        }),
    );
    tokio::spawn(async move { axum::serve(host, app).await.unwrap() });

    let Some(b) = Browser::start("nl", 1280, 900).await else { return };
    b.goto(&format!("http://127.0.0.1:{host_port}/")).await;
    let button = b.wait_js(10, "the chat button", "const b = document.getElementById('wegwijs-open'); return b && [b.textContent, b.getAttribute('aria-expanded')]").await;
    assert_eq!(button, json!(["Questions? Chat with Wegwijs", "false"]), "the page's data-lang, not the browser's");
    b.click("#wegwijs-open").await;
    assert_eq!(b.js("return document.getElementById('wegwijs-open').getAttribute('aria-expanded')", vec![]).await, "true");
    b.wait_js(10, "the panel", "return document.querySelector('#wegwijs-panel iframe')").await;
    b.client.clone().enter_frame(0).await.unwrap();
    b.wait_js(20, "the chat in the frame", "return localStorage.getItem('wegwijs.token') && document.getElementById('question')").await;
    assert_eq!(b.js("return [document.documentElement.lang, document.body.className, document.getElementById('b-close').hidden]", vec![]).await, json!(["en", "embed", false]));
    b.type_and_send("What is a BSN?").await;
    b.wait_bot_after(0, "BSN", 20).await;
    // Close from inside the panel: focus goes back to the button.
    b.click("#b-close").await;
    b.client.clone().enter_parent_frame().await.unwrap();
    b.wait_js(10, "the panel closed", "return document.getElementById('wegwijs-panel').style.display === 'none'").await;
    assert_eq!(b.js("return [document.activeElement.id, document.getElementById('wegwijs-open').getAttribute('aria-expanded')]", vec![]).await, json!(["wegwijs-open", "false"]));

    // The same page under another name is not an allowed origin: the frame stays empty.
    b.goto(&format!("http://localhost:{host_port}/")).await;
    b.wait_js(10, "the chat button", "return document.getElementById('wegwijs-open')").await;
    b.click("#wegwijs-open").await;
    b.wait_js(10, "the panel", "return document.querySelector('#wegwijs-panel iframe')").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    b.client.clone().enter_frame(0).await.unwrap();
    let inside = b.js("return document.getElementById('question') === null", vec![]).await;
    assert_eq!(inside, true, "framing from an origin that is not allowed is refused");
    b.close().await;
    site.stop().await;
}

/// Phone (360 px) and desktop widths in Dutch, Arabic and Tigrinya: nothing runs off the screen,
/// Arabic is laid out right to left, Ge'ez has a font. With WEGWIJS_SCREENSHOTS=DIR the screens
/// are saved there (docs/screenshots in the README: `WEGWIJS_SCREENSHOTS=docs/screenshots`).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_chat_fits_a_phone_and_a_desktop_in_dutch_arabic_and_tigrinya() {
    let dir = tempfile::tempdir().unwrap();
    let site = Site::start(dir.path(), Knowledge::Shipped, "", "").await;
    let shots = std::env::var_os("WEGWIJS_SCREENSHOTS").map(|d| common::root().join(d));
    for (lang, question, needle) in [("nl", "Hoe krijg ik een BSN?", "BSN"), ("ar", "كيف أحصل على رقم BSN؟", "BSN"), ("ti", "ቁጽሪ BSN ከመይ ይረክብ", "BSN")] {
        let Some(b) = Browser::start(lang, 360, 740).await else { return };
        b.goto(&site.url).await;
        connected(&b).await;
        b.type_and_send(question).await;
        b.wait_bot_after(0, needle, 30).await;
        b.wait_js(5, "no typing indicator", "return document.getElementById('typing').hidden").await;
        for (width, height, name) in [(360u32, 740u32, "phone"), (1280, 800, "desktop")] {
            b.resize(width, height).await;
            let m = b
                .js(
                    "const s = document.getElementById('send').getBoundingClientRect(); \
                     return { inner: window.innerWidth, scroll: document.documentElement.scrollWidth, lang: document.documentElement.lang, \
                              dir: getComputedStyle(document.documentElement).direction, sendVisible: s.right <= window.innerWidth && s.left >= 0 && s.bottom <= window.innerHeight, \
                              font: getComputedStyle(document.querySelector('#log li.bot p, #log li.bot h2')).fontFamily }",
                    vec![],
                )
                .await;
            assert_eq!(m["inner"], width, "{m}");
            assert!(m["scroll"].as_u64().unwrap() <= width as u64, "nothing runs off the screen at {width} px: {m}");
            assert_eq!(m["sendVisible"], true, "{m}");
            assert_eq!(m["lang"], lang, "{m}");
            assert_eq!(m["dir"], if lang == "ar" { "rtl" } else { "ltr" }, "{m}");
            if lang == "ti" {
                assert!(m["font"].as_str().unwrap().starts_with("\"Noto Sans Ethiopic\""), "{m}");
            }
            if let Some(dir) = &shots {
                b.screenshot(&dir.join(format!("chat-{lang}-{name}.png"))).await;
            }
        }
        b.close().await;
    }
    site.stop().await;
}

fn ws_request(port: u16, origin: Option<&str>) -> tokio_tungstenite::tungstenite::handshake::client::Request {
    let mut req = format!("ws://127.0.0.1:{port}/ws").into_client_request().unwrap();
    if let Some(o) = origin {
        req.headers_mut().insert("Origin", o.parse().unwrap());
    }
    req
}

async fn next_json(ws: &mut tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>) -> Value {
    loop {
        match tokio::time::timeout(Duration::from_secs(20), ws.next()).await.expect("a message in time").expect("open").expect("no error") {
            Message::Text(t) => return serde_json::from_str(t.as_str()).unwrap(),
            _ => continue,
        }
    }
}

async fn post(url: &str, origin: &str, body: Value) -> (u16, Value) {
    let r = reqwest::Client::new().post(url).header("Origin", origin).json(&body).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn origins_limits_caching_and_both_transports_over_http() {
    let dir = tempfile::tempdir().unwrap();
    let allowed = "https://www.leiden.nl";
    let site = Site::start(dir.path(), Knowledge::Fixture, &format!("allowed_origins = [\"{allowed}\"]\nmax_message_chars = 500"), "").await;
    let own = format!("http://127.0.0.1:{}", site.port);
    let http = reqwest::Client::new();

    // The page: a strict policy, no inline script, in the browser's language, revalidated.
    let r = http.get(&site.url).header("Accept-Language", "ar,en;q=0.5").send().await.unwrap();
    let h = r.headers().clone();
    let body = r.text().await.unwrap();
    let csp = h["content-security-policy"].to_str().unwrap();
    for part in ["default-src 'none'", "script-src 'self';", "style-src 'self';", "frame-ancestors 'self' https://www.leiden.nl;", "require-trusted-types-for 'script'"] {
        assert!(csp.contains(part), "{csp}");
    }
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
    assert_eq!(h["cache-control"], "no-cache");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(body.contains("<html lang=\"ar\" dir=\"rtl\">"), "Accept-Language decides");
    for script in body.split("<script").skip(1) {
        let tag = &script[..script.find('>').unwrap()];
        assert!(tag.contains(" src=") || tag.contains("type=\"application/json\""), "an inline script: {tag}");
    }
    let js = body.split("src=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let r = http.get(format!("{}{js}", site.url)).send().await.unwrap();
    assert_eq!(r.headers()["cache-control"], "public, max-age=31536000, immutable");
    let etag = r.headers()["etag"].clone();
    let r = http.get(format!("{}{js}", site.url)).header("If-None-Match", etag).send().await.unwrap();
    assert_eq!(r.status(), 304);
    let r = http.get(format!("{}widget.js", site.url)).send().await.unwrap();
    assert_eq!(r.headers()["cache-control"], "public, max-age=3600");
    assert_eq!(r.headers()["cross-origin-resource-policy"], "cross-origin");
    let widget = r.text().await.unwrap();
    assert!(widget.contains("\"open\":\"Vragen? Chat met Wegwijs\"") && !widget.contains("__LABELS__"));

    // WebSocket: refused for other websites and without an origin; fine for the chat's own page.
    for origin in [Some("https://evil.example"), None, Some("https://www.leiden.nl.evil.example")] {
        match tokio_tungstenite::connect_async(ws_request(site.port, origin)).await {
            Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => assert_eq!(resp.status(), 403, "{origin:?}"),
            Err(e) => panic!("{origin:?}: {e}"),
            Ok(_) => panic!("{origin:?} was let in"),
        }
    }
    let (mut ws, _) = tokio_tungstenite::connect_async(ws_request(site.port, Some(allowed))).await.unwrap();
    ws.send(Message::text(json!({"t": "hello", "lang": "en"}).to_string())).await.unwrap();
    let welcome = next_json(&mut ws).await;
    assert_eq!(welcome["t"], "welcome");
    assert_eq!(welcome["lang"], "en", "the page's language");
    let token = welcome["token"].as_str().unwrap().to_string();
    ws.send(Message::text(json!({"t": "text", "id": "q1", "text": "What is a BSN?"}).to_string())).await.unwrap();
    assert_eq!(next_json(&mut ws).await["t"], "typing");
    let msg = next_json(&mut ws).await;
    assert_eq!(msg["t"], "msg");
    assert!(msg.to_string().contains("BSN"));
    assert_eq!(next_json(&mut ws).await, json!({"t": "ok", "id": "q1"}));
    // The same message again (a resend after a lost connection) is handled once.
    ws.send(Message::text(json!({"t": "text", "id": "q1", "text": "What is a BSN?"}).to_string())).await.unwrap();
    assert_eq!(next_json(&mut ws).await["t"], "typing");
    assert_eq!(next_json(&mut ws).await, json!({"t": "ok", "id": "q1"}), "no second answer");
    // Too long: a clear notice, nothing for the engine.
    ws.send(Message::text(json!({"t": "text", "id": "q2", "text": "a".repeat(501)}).to_string())).await.unwrap();
    let notice = next_json(&mut ws).await;
    assert_eq!((notice["t"].as_str(), notice["code"].as_str(), notice["id"].as_str()), (Some("notice"), Some("too-long"), Some("q2")));
    assert!(notice["text"].as_str().unwrap().contains("500"), "{notice}");
    // Crafted button data does nothing.
    ws.send(Message::text(json!({"t": "action", "id": "q3", "data": "t:../../etc/passwd"}).to_string())).await.unwrap();
    assert_eq!(next_json(&mut ws).await, json!({"t": "ok", "id": "q3"}));
    // Until the page acknowledges, the answer counts as not delivered.
    assert_eq!(site.undelivered(), 1);
    ws.send(Message::text(json!({"t": "ack", "ids": [msg["id"]]}).to_string())).await.unwrap();
    for _ in 0..50 {
        if site.undelivered() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(site.undelivered(), 0);
    // A frame far bigger than any message closes the connection, and the server goes on.
    let _ = ws.send(Message::text("x".repeat(200_000))).await;
    let closed = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match ws.next().await {
                None | Some(Err(_)) | Some(Ok(Message::Close(_))) => return true,
                _ => {}
            }
        }
    })
    .await
    .unwrap_or(false);
    assert!(closed, "an oversized frame ends the connection");

    // Long polling: the same conversation (the same token) over HTTP.
    let api = |p: &str| format!("{}api/{p}", site.url);
    assert_eq!(post(&api("hello"), "https://evil.example", json!({})).await.0, 403);
    let r = http.post(api("hello")).json(&json!({})).send().await.unwrap();
    assert_eq!(r.status(), 403, "no Origin, no entry");
    let pre = http.request(reqwest::Method::OPTIONS, api("send")).header("Origin", allowed).send().await.unwrap();
    assert_eq!(pre.status(), 204);
    assert_eq!(pre.headers()["access-control-allow-origin"], allowed);
    let (status, hello) = post(&api("hello"), &own, json!({"token": token})).await;
    assert_eq!(status, 200);
    assert_eq!(hello["events"][0]["t"], "welcome");
    assert!(hello["events"][0]["token"].is_null(), "a known token is not sent again");
    let (_, sent) = post(&api("send"), &own, json!({"token": token, "msg": {"t": "text", "id": "p1", "text": "Do I need health insurance?"}})).await;
    assert_eq!(sent["events"].as_array().unwrap().last().unwrap(), &json!({"t": "ok", "id": "p1"}));
    let (_, polled) = post(&api("poll"), &own, json!({"token": token, "ack": []})).await;
    let got = polled["events"].as_array().unwrap();
    assert!(got.iter().any(|e| e["t"] == "msg" && e.to_string().to_lowercase().contains("insurance")), "{polled}");
    let ids: Vec<Value> = got.iter().filter(|e| e["t"] == "msg").map(|e| e["id"].clone()).collect();
    // Acknowledged with the next poll, which then waits (shortened here by a message from elsewhere).
    let poller = tokio::spawn({
        let (url, own, token) = (api("poll"), own.clone(), token.clone());
        async move { post(&url, &own, json!({"token": token, "ack": ids})).await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (_, _) = post(&api("send"), &own, json!({"token": token, "msg": {"t": "text", "id": "p2", "text": "What is a BSN?"}})).await;
    let (_, woke) = tokio::time::timeout(Duration::from_secs(10), poller).await.unwrap().unwrap();
    assert!(woke["events"].as_array().unwrap().iter().any(|e| e["t"] == "msg" && e.to_string().contains("BSN")), "{woke}");
    let (_, reset) = post(&api("send"), &own, json!({"token": "not-a-token", "msg": {"t": "text", "id": "p3", "text": "hi"}})).await;
    assert_eq!(reset["events"][0]["t"], "reset");
    let r = http.post(api("send")).header("Origin", &own).body("{not json").send().await.unwrap();
    assert_eq!(r.status(), 400);
    site.stop().await;

    // Limits per address: new conversations and messages.
    let dir = tempfile::tempdir().unwrap();
    let site = Site::start(dir.path(), Knowledge::Fixture, "new_sessions_per_ip_per_hour = 2\nip_burst = 3\nip_per_minute = 1\nsession_burst = 50", "").await;
    let own = format!("http://127.0.0.1:{}", site.port);
    let api = |p: &str| format!("{}api/{p}", site.url);
    let (_, a) = post(&api("hello"), &own, json!({"lang": "nl"})).await;
    let (_, _b) = post(&api("hello"), &own, json!({})).await;
    let (_, c) = post(&api("hello"), &own, json!({"lang": "nl"})).await;
    assert_eq!(c["events"][0]["code"], "slow-down", "{c}");
    assert!(c["events"][0]["text"].as_str().unwrap().contains("Je stuurt heel snel"), "{c}");
    let token = a["events"][0]["token"].as_str().unwrap().to_string();
    let mut codes = Vec::new();
    for k in 0..5 {
        let (_, r) = post(&api("send"), &own, json!({"token": token, "msg": {"t": "text", "id": format!("m{k}"), "text": "Wat is een BSN?"}})).await;
        codes.push(r["events"].as_array().unwrap().last().unwrap()["t"].as_str().unwrap().to_string());
    }
    assert_eq!(codes, ["ok", "ok", "ok", "notice", "notice"]);
    site.stop().await;
}

/// A restart between an answer and the page's acknowledgement loses nothing: the answer comes again,
/// with the same outbox id (which the page shows once), when the person returns.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_answer_not_yet_shown_comes_again_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let site = Site::start(dir.path(), Knowledge::Fixture, "", "").await;
    let own = format!("http://127.0.0.1:{}", site.port);
    let (mut ws, _) = tokio_tungstenite::connect_async(ws_request(site.port, Some(&own))).await.unwrap();
    ws.send(Message::text(json!({"t": "hello", "lang": "nl"}).to_string())).await.unwrap();
    let token = next_json(&mut ws).await["token"].as_str().unwrap().to_string();
    ws.send(Message::text(json!({"t": "text", "id": "q1", "text": "Wat is een BSN?"}).to_string())).await.unwrap();
    let answer = loop {
        let e = next_json(&mut ws).await;
        if e["t"] == "msg" {
            break e;
        }
    };
    assert!(answer.to_string().contains("BSN"), "{answer}");
    // The connection breaks before the page acknowledges, and the bot restarts.
    drop(ws);
    site.stop().await;

    let site = Site::start(dir.path(), Knowledge::Fixture, "", "").await;
    assert_eq!(site.undelivered(), 1, "the answer is still waiting");
    let own = format!("http://127.0.0.1:{}", site.port);
    let (mut ws, _) = tokio_tungstenite::connect_async(ws_request(site.port, Some(&own))).await.unwrap();
    ws.send(Message::text(json!({"t": "hello", "token": token}).to_string())).await.unwrap();
    let welcome = next_json(&mut ws).await;
    assert_eq!((welcome["t"].as_str(), welcome["lang"].as_str()), (Some("welcome"), Some("nl")), "{welcome}");
    let again = loop {
        let e = next_json(&mut ws).await;
        if e["t"] == "msg" {
            break e;
        }
    };
    assert_eq!(again, answer, "the same message, with the same id");
    ws.send(Message::text(json!({"t": "ack", "ids": [again["id"]]}).to_string())).await.unwrap();
    for _ in 0..100 {
        if site.undelivered() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(site.undelivered(), 0, "acknowledged, then marked sent");
    drop(ws);
    site.stop().await;
}

/// `serve` accepts a bot file whose only platform is the web chat, and refuses a bad `[web]`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_file_with_only_a_web_section_is_served_and_a_bad_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = Site::start(dir.path(), Knowledge::Fixture, "", "").await;
    let r = reqwest::get(&site.url).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(reqwest::get(format!("{}nothing-here", site.url)).await.unwrap().status(), 404);
    site.stop().await;

    let dir = tempfile::tempdir().unwrap();
    let root = common::root();
    let bot = format!(
        "id = \"bad\"\nmunicipality = \"Leiden\"\nlayers = [\"national\"]\nknowledge_dir = \"{}\"\nlocales_dir = \"{}\"\ndata_dir = \"{}\"\n[web]\nlisten = \"127.0.0.1:0\"\nallowed_origins = [\"https://www.leiden.nl/nieuws\"]\n",
        root.join("tests/fixtures/knowledge").display(),
        root.join("locales").display(),
        dir.path().display()
    );
    std::fs::write(dir.path().join("bot.toml"), bot).unwrap();
    let cfg = BotConfig::load(&dir.path().join("bot.toml")).unwrap();
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    let engine = Arc::new(Engine::new(cfg, snap, Arc::new(SqliteStore::in_memory().unwrap())));
    let (_stop, rx) = watch::channel(false);
    let err = serve(engine, Timing::default(), rx).await.unwrap_err().to_string();
    assert!(err.contains("allowed_origins") && err.contains("not an origin"), "{err}");
}
