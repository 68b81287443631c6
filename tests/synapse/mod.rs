//! A real Synapse homeserver on loopback for the Matrix tests (scripts/synapse: installed from PyPI,
//! SQLite, relaxed rate limits, shared-secret registration), and a matrix-sdk client that plays the
//! newcomer or the advisor and records what it sees.
#![allow(dead_code)]

use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::api::client::room::create_room::v3::Request as CreateRoom;
use matrix_sdk::ruma::events::relation::Thread;
use matrix_sdk::ruma::events::room::encryption::RoomEncryptionEventContent;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use matrix_sdk::ruma::events::InitialStateEvent;
use matrix_sdk::ruma::OwnedUserId;
use matrix_sdk::ruma::events::room::message::{OriginalSyncRoomMessageEvent, Relation};
use matrix_sdk::ruma::events::room::redaction::OriginalSyncRoomRedactionEvent;
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId};
use matrix_sdk::Client;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct Synapse {
    pub url: String,
    pub dir: tempfile::TempDir,
    script: PathBuf,
}

/// The virtual environment scripts/synapse installs into.
pub fn venv() -> PathBuf {
    std::env::var_os("WEGWIJS_SYNAPSE_VENV").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-synapse"))
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/synapse")
}

impl Synapse {
    /// Starts a fresh homeserver. Without one, the test is skipped, except under `CI=true`, where
    /// it fails.
    pub fn start() -> Option<Synapse> {
        Synapse::start_with(&[])
    }

    /// Starts one with extra environment for scripts/synapse (e.g. a tight message rate limit).
    pub fn start_with(env: &[(&str, &str)]) -> Option<Synapse> {
        let dir = tempfile::Builder::new().prefix("wegwijs-synapse").tempdir().unwrap();
        let out = Command::new("bash").arg(script()).arg("start").arg(dir.path()).envs(env.iter().copied()).output();
        match out {
            Ok(o) if o.status.success() => {
                let url = String::from_utf8_lossy(&o.stdout).trim().lines().last().unwrap_or("").to_string();
                Some(Synapse { url, dir, script: script() })
            }
            other => {
                let why = match other {
                    Ok(o) => String::from_utf8_lossy(&o.stderr).to_string(),
                    Err(e) => e.to_string(),
                };
                if std::env::var("CI").as_deref() == Ok("true") {
                    panic!("Synapse could not start (CI=true, so this fails instead of skipping): {why}");
                }
                eprintln!("SKIPPED: Synapse could not start here: {why}");
                None
            }
        }
    }

    /// Creates a user through shared-secret registration; returns the user id.
    pub fn register(&self, user: &str, password: &str) -> String {
        let o = Command::new("bash").arg(&self.script).args(["register"]).arg(self.dir.path()).args([user, password]).output().unwrap();
        assert!(o.status.success(), "registering {user}: {}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    }

    pub fn stop(&self) {
        let _ = Command::new("bash").arg(&self.script).arg("stop").arg(self.dir.path()).output();
        // Wait until the port is free.
        for _ in 0..50 {
            if std::net::TcpStream::connect(self.url.trim_start_matches("http://")).is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The homeserver's request log (Synapse logs every request with its status).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("homeserver.log")).unwrap_or_default()
    }

    pub fn restart(&self) {
        let o = Command::new("bash").arg(&self.script).arg("start").arg(self.dir.path()).output().unwrap();
        assert!(o.status.success(), "restarting Synapse: {}", String::from_utf8_lossy(&o.stderr));
    }
}

impl Drop for Synapse {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A message as a test client saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub room: OwnedRoomId,
    pub sender: String,
    pub event_id: OwnedEventId,
    pub body: String,
    pub html: Option<String>,
    pub thread: Option<String>,
    pub mentions: Vec<String>,
    pub encrypted: bool,
    /// `m.text`, `m.notice`, `m.image`, ...
    pub msgtype: String,
    /// Where a file message's file is.
    pub source: Option<matrix_sdk::ruma::events::room::MediaSource>,
    pub filename: Option<String>,
}

#[derive(Default)]
pub struct Log {
    pub messages: Vec<Seen>,
    pub redacted: Vec<OwnedEventId>,
    /// Edits seen: the message replaced and its new text.
    pub edits: Vec<(OwnedEventId, String)>,
    /// Messages that could not be decrypted.
    pub undecryptable: Vec<OwnedEventId>,
}

/// Sync settings for test clients: up to 100 events of a room per sync (Synapse's default is 10),
/// so a client that falls behind a burst of messages does not skip some.
pub fn sync_settings() -> SyncSettings {
    use matrix_sdk::ruma::api::client::filter::FilterDefinition;
    use matrix_sdk::ruma::api::client::sync::sync_events::v3::Filter;
    let mut def = FilterDefinition::default();
    def.room.timeline.limit = Some(matrix_sdk::ruma::UInt::from(100u32));
    SyncSettings::default().filter(Filter::FilterDefinition(def))
}

/// A matrix-sdk client (in-memory stores) that syncs in the background and records messages.
pub struct TestClient {
    pub client: Client,
    pub token: String,
    pub log: Arc<Mutex<Log>>,
    sync: tokio::task::JoinHandle<()>,
}

impl TestClient {
    pub async fn login(hs: &Synapse, user: &str, password: &str) -> TestClient {
        let client = Client::builder().homeserver_url(&hs.url).build().await.unwrap();
        client.matrix_auth().login_username(user, password).initial_device_display_name("test").send().await.unwrap();
        let log = Arc::new(Mutex::new(Log::default()));
        client.sync_once(sync_settings()).await.unwrap();
        {
            let log = log.clone();
            client.add_event_handler(move |ev: OriginalSyncRoomMessageEvent, room: matrix_sdk::Room, enc: Option<matrix_sdk::deserialized_responses::EncryptionInfo>| {
                let log = log.clone();
                async move {
                    use matrix_sdk::ruma::events::room::message::MessageType;
                    let html_of = |f: &Option<matrix_sdk::ruma::events::room::message::FormattedBody>| f.as_ref().map(|f| f.body.clone());
                    let (body, html, source, filename) = match &ev.content.msgtype {
                        MessageType::Text(t) => (t.body.clone(), html_of(&t.formatted), None, None),
                        MessageType::Notice(t) => (t.body.clone(), html_of(&t.formatted), None, None),
                        MessageType::Image(c) => (c.body.clone(), html_of(&c.formatted), Some(c.source.clone()), c.filename.clone()),
                        MessageType::File(c) => (c.body.clone(), html_of(&c.formatted), Some(c.source.clone()), c.filename.clone()),
                        MessageType::Audio(c) => (c.body.clone(), html_of(&c.formatted), Some(c.source.clone()), c.filename.clone()),
                        MessageType::Video(c) => (c.body.clone(), html_of(&c.formatted), Some(c.source.clone()), c.filename.clone()),
                        _ => return,
                    };
                    let thread = match &ev.content.relates_to {
                        Some(Relation::Thread(t)) => Some(t.event_id.to_string()),
                        Some(Relation::Replacement(r)) => {
                            // An edit: recorded as the new text of the message it replaces.
                            let new = match &r.new_content.msgtype {
                                MessageType::Text(t) => t.body.clone(),
                                MessageType::Notice(t) => t.body.clone(),
                                _ => return,
                            };
                            log.lock().unwrap().edits.push((r.event_id.clone(), new));
                            return;
                        }
                        _ => None,
                    };
                    let mentions = ev.content.mentions.as_ref().map(|m| m.user_ids.iter().map(|u| u.to_string()).collect()).unwrap_or_default();
                    log.lock().unwrap().messages.push(Seen {
                        room: room.room_id().to_owned(),
                        sender: ev.sender.to_string(),
                        event_id: ev.event_id.clone(),
                        body,
                        html,
                        thread,
                        mentions,
                        encrypted: enc.is_some(),
                        msgtype: ev.content.msgtype().to_string(),
                        source,
                        filename,
                    });
                }
            });
        }
        {
            let log = log.clone();
            client.add_event_handler(move |ev: matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent| {
                let log = log.clone();
                async move {
                    log.lock().unwrap().undecryptable.push(ev.event_id.clone());
                }
            });
        }
        {
            let log = log.clone();
            client.add_event_handler(move |ev: OriginalSyncRoomRedactionEvent| {
                let log = log.clone();
                async move {
                    if let Some(id) = ev.redacts.clone().or(ev.content.redacts.clone()) {
                        log.lock().unwrap().redacted.push(id);
                    }
                }
            });
        }
        let c = client.clone();
        let sync = tokio::spawn(async move {
            loop {
                if c.sync(sync_settings().timeout(Duration::from_secs(2))).await.is_err() {
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
            }
        });
        let token = client.access_token().unwrap_or_default();
        TestClient { client, token, log, sync }
    }

    /// Messages from others in a room.
    pub fn from(&self, room: &OwnedRoomId, sender: &str) -> Vec<Seen> {
        self.log.lock().unwrap().messages.iter().filter(|m| &m.room == room && m.sender == sender).cloned().collect()
    }

    /// Waits up to `secs` for a message in `room` from `sender` that matches.
    pub async fn wait_for(&self, secs: u64, what: &str, room: &OwnedRoomId, sender: &str, pred: impl Fn(&Seen) -> bool) -> Seen {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(m) = self.from(room, sender).into_iter().find(|m| pred(m)) {
                return m;
            }
            if tokio::time::Instant::now() > deadline {
                let seen: Vec<String> = self.from(room, sender).iter().map(|m| m.body.chars().take(120).collect()).collect();
                panic!("timed out waiting for {what}; seen: {seen:#?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `room` has at least `n` messages from `sender`; returns them.
    pub async fn wait_count(&self, secs: u64, what: &str, room: &OwnedRoomId, sender: &str, n: usize) -> Vec<Seen> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        loop {
            let seen = self.from(room, sender);
            if seen.len() >= n {
                return seen;
            }
            assert!(tokio::time::Instant::now() < deadline, "timed out waiting for {what}: {} of {n} ({} undecryptable)", seen.len(), self.log.lock().unwrap().undecryptable.len());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for an edit of `id` whose new text matches.
    pub async fn wait_edit(&self, secs: u64, what: &str, id: &OwnedEventId, pred: impl Fn(&str) -> bool) -> String {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some((_, body)) = self.log.lock().unwrap().edits.iter().rev().find(|(e, b)| e == id && pred(b)) {
                return body.clone();
            }
            assert!(tokio::time::Instant::now() < deadline, "timed out waiting for {what}; edits: {:?}", self.log.lock().unwrap().edits);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// How many edits of `id` have a new text that matches.
    pub fn edit_count(&self, id: &OwnedEventId, pred: impl Fn(&str) -> bool) -> usize {
        self.log.lock().unwrap().edits.iter().filter(|(e, b)| e == id && pred(b)).count()
    }

    /// The bytes of a file message's file (decrypted when it is encrypted).
    pub async fn download(&self, seen: &Seen) -> Vec<u8> {
        let source = seen.source.clone().expect("a file message");
        let request = matrix_sdk::media::MediaRequestParameters { source, format: matrix_sdk::media::MediaFormat::File };
        self.client.media().get_media_content(&request, false).await.expect("downloading a file")
    }

    pub fn redacted(&self, id: &OwnedEventId) -> bool {
        self.log.lock().unwrap().redacted.contains(id)
    }

    pub async fn wait_redacted(&self, secs: u64, id: &OwnedEventId) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        while !self.log.lock().unwrap().redacted.contains(id) {
            assert!(tokio::time::Instant::now() < deadline, "timed out waiting for the redaction of {id}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for TestClient {
    fn drop(&mut self) {
        self.sync.abort();
    }
}

/// An encrypted room created by `owner`, with `invite` invited.
pub async fn encrypted_room(owner: &TestClient, invite: &[&str], name: &str) -> OwnedRoomId {
    let mut req = CreateRoom::new();
    req.name = Some(name.into());
    req.invite = invite.iter().map(|u| u.parse::<OwnedUserId>().unwrap()).collect();
    let enc = InitialStateEvent::with_empty_state_key(RoomEncryptionEventContent::with_recommended_defaults());
    req.initial_state = vec![enc.to_raw_any()];
    owner.client.create_room(req).await.unwrap().room_id().to_owned()
}

/// Waits until `user` has joined `room` as `who` sees it.
pub async fn wait_joined(who: &TestClient, room: &OwnedRoomId, user: &str) {
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

pub async fn say(who: &TestClient, room: &OwnedRoomId, text: &str) -> OwnedEventId {
    let r = who.client.get_room(room).unwrap();
    r.send(RoomMessageEventContent::text_plain(text)).await.unwrap().response.event_id
}

pub async fn say_in_thread(who: &TestClient, room: &OwnedRoomId, root: &OwnedEventId, text: &str) {
    let r = who.client.get_room(room).unwrap();
    let mut c = RoomMessageEventContent::text_plain(text);
    c.relates_to = Some(Relation::Thread(Thread::plain(root.clone(), root.clone())));
    r.send(c).await.unwrap();
}

/// A reverse proxy on loopback in front of the homeserver that can fail requests on purpose: while
/// `fail_redactions` is above zero, each redaction (`PUT …/redact/…`) gets `502 Bad Gateway`, as a
/// homeserver behind a struggling load balancer would answer. Everything else passes through.
pub struct FaultProxy {
    pub url: String,
    pub fail_redactions: Arc<std::sync::atomic::AtomicUsize>,
    pub failed: Arc<std::sync::atomic::AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

#[derive(Clone)]
struct ProxyState {
    upstream: String,
    /// The proxy's own address: the login answer's `well_known` names it instead of the upstream,
    /// as a homeserver whose `public_baseurl` is the proxy would.
    own: String,
    http: reqwest::Client,
    fail_redactions: Arc<std::sync::atomic::AtomicUsize>,
    failed: Arc<std::sync::atomic::AtomicUsize>,
}

async fn proxy(axum::extract::State(s): axum::extract::State<ProxyState>, req: axum::extract::Request) -> axum::response::Response {
    use std::sync::atomic::Ordering;
    let (parts, body) = req.into_parts();
    let path = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_default();
    if parts.method == axum::http::Method::PUT
        && path.contains("/redact/")
        && s.fail_redactions.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok()
    {
        s.failed.fetch_add(1, Ordering::SeqCst);
        return axum::response::Response::builder().status(502).body(axum::body::Body::from("bad gateway")).unwrap();
    }
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    let method = reqwest::Method::from_bytes(parts.method.as_str().as_bytes()).unwrap();
    let mut out = s.http.request(method, format!("{}{path}", s.upstream)).body(bytes.to_vec());
    for (k, v) in &parts.headers {
        if k.as_str() != "host" && k.as_str() != "content-length" {
            out = out.header(k.as_str(), v.as_bytes());
        }
    }
    match out.send().await {
        Ok(r) => {
            let mut resp = axum::response::Response::builder().status(r.status().as_u16());
            for (k, v) in r.headers() {
                if !matches!(k.as_str(), "transfer-encoding" | "connection" | "content-length") {
                    resp = resp.header(k.as_str(), v.as_bytes());
                }
            }
            let mut body = r.bytes().await.unwrap_or_default().to_vec();
            if path.contains("/login") {
                let up = format!("{}/", s.upstream);
                body = String::from_utf8_lossy(&body).replace(&up, &format!("{}/", s.own)).into_bytes();
            }
            resp.body(axum::body::Body::from(body)).unwrap()
        }
        Err(_) => axum::response::Response::builder().status(502).body(axum::body::Body::empty()).unwrap(),
    }
}

impl FaultProxy {
    pub async fn start(upstream: &str) -> FaultProxy {
        let fail_redactions = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let failed = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let state = ProxyState { upstream: upstream.trim_end_matches('/').to_string(), own: url.clone(), http: reqwest::Client::new(), fail_redactions: fail_redactions.clone(), failed: failed.clone() };
        let app = axum::Router::new().fallback(proxy).with_state(state);
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FaultProxy { url, fail_redactions, failed, task }
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}
