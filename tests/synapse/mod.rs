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
}

#[derive(Default)]
pub struct Log {
    pub messages: Vec<Seen>,
    pub redacted: Vec<OwnedEventId>,
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
        client.sync_once(SyncSettings::default()).await.unwrap();
        {
            let log = log.clone();
            client.add_event_handler(move |ev: OriginalSyncRoomMessageEvent, room: matrix_sdk::Room, enc: Option<matrix_sdk::deserialized_responses::EncryptionInfo>| {
                let log = log.clone();
                async move {
                    let (body, html) = match &ev.content.msgtype {
                        matrix_sdk::ruma::events::room::message::MessageType::Text(t) => (t.body.clone(), t.formatted.as_ref().map(|f| f.body.clone())),
                        matrix_sdk::ruma::events::room::message::MessageType::Notice(t) => (t.body.clone(), t.formatted.as_ref().map(|f| f.body.clone())),
                        _ => return,
                    };
                    let thread = match &ev.content.relates_to {
                        Some(Relation::Thread(t)) => Some(t.event_id.to_string()),
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
                    });
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
                if c.sync(SyncSettings::default().timeout(Duration::from_secs(2))).await.is_err() {
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
