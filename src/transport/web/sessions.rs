//! Web sessions in memory: the messages waiting for each person's browser, the connections that
//! show them, the limit per conversation and the interface language last told to the page.
//!
//! A message waits here (leased from the outbox) until the page acknowledges it, however many
//! connections come and go in between; only then is it marked sent. After a restart the engine's
//! outbox hands the unacknowledged ones out again, and the page recognises any it already shows by
//! their outbox id. Nothing here is needed to resume a conversation: a session is made again from
//! its token whenever the browser comes back.

use super::limits::Bucket;
use crate::lang::Lang;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;

/// What connections of a session hear about.
#[derive(Debug, Clone)]
pub enum Live {
    /// New messages are waiting.
    Flush,
    /// An event for every connection of this session (the interface language changed, …).
    Event(Arc<str>),
    /// The session was deleted ("Forget me" in another tab): close.
    Gone,
}

struct Waiting {
    json: Arc<str>,
    since: Instant,
}

struct Session {
    waiting: BTreeMap<u64, Waiting>,
    live: broadcast::Sender<Live>,
    connections: u32,
    last_active: Instant,
    bucket: Bucket,
    /// The interface language the page was last told.
    ui: Option<Lang>,
    /// The page's or browser's language (widget `data-lang`, `Accept-Language`).
    hint: Option<Lang>,
}

impl Session {
    fn new(burst: u32, now: Instant) -> Session {
        Session {
            waiting: BTreeMap::new(),
            live: broadcast::channel(64).0,
            connections: 0,
            last_active: now,
            bucket: Bucket::full(burst, now),
            ui: None,
            hint: None,
        }
    }
}

/// Sessions by session id (derived from the token; the token itself is never kept).
pub struct Sessions {
    map: Mutex<HashMap<String, Session>>,
    per_minute: f64,
    burst: u32,
}

/// A connection attached to a session; detaches when dropped.
pub struct Attached {
    sessions: Arc<Sessions>,
    sid: String,
    pub live: broadcast::Receiver<Live>,
}

impl Drop for Attached {
    fn drop(&mut self) {
        self.sessions.with(&self.sid, |s| {
            s.connections = s.connections.saturating_sub(1);
            s.last_active = Instant::now();
        });
    }
}

impl Sessions {
    pub fn new(per_minute: u32, burst: u32) -> Arc<Sessions> {
        Arc::new(Sessions { map: Mutex::new(HashMap::new()), per_minute: per_minute as f64, burst: burst.max(1) })
    }

    fn with<T>(&self, sid: &str, f: impl FnOnce(&mut Session) -> T) -> T {
        let now = Instant::now();
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        let s = map.entry(sid.to_string()).or_insert_with(|| Session::new(self.burst, now));
        f(s)
    }

    /// Opens (or finds) a session and remembers the page's language hint.
    pub fn touch(&self, sid: &str, hint: Option<Lang>) {
        self.with(sid, |s| {
            if hint.is_some() {
                s.hint = hint;
            }
            s.last_active = Instant::now();
        });
    }

    pub fn hint(&self, sid: &str) -> Option<Lang> {
        self.with(sid, |s| s.hint)
    }

    /// Records the interface language told to the page; true when it changed.
    pub fn set_ui(&self, sid: &str, lang: Lang) -> bool {
        self.with(sid, |s| s.ui.replace(lang) != Some(lang))
    }

    pub fn ui(&self, sid: &str) -> Option<Lang> {
        self.with(sid, |s| s.ui)
    }

    /// A connection (or a waiting poll) for this session.
    pub fn attach(self: &Arc<Self>, sid: &str) -> Attached {
        let live = self.with(sid, |s| {
            s.connections += 1;
            s.last_active = Instant::now();
            s.live.subscribe()
        });
        Attached { sessions: self.clone(), sid: sid.to_string(), live }
    }

    /// One message from this conversation, if its rate allows.
    pub fn allow_message(&self, sid: &str) -> bool {
        let (rate, burst) = (self.per_minute, self.burst);
        self.with(sid, |s| {
            s.last_active = Instant::now();
            s.bucket.take(Instant::now(), rate, burst)
        })
    }

    /// A message waits for the page until acknowledged.
    pub fn hold(&self, sid: &str, id: u64, json: Arc<str>) {
        self.with(sid, |s| {
            s.waiting.entry(id).or_insert(Waiting { json, since: Instant::now() });
            let _ = s.live.send(Live::Flush);
        });
    }

    /// Tells every connection of the session.
    pub fn broadcast(&self, sid: &str, event: Arc<str>) {
        self.with(sid, |s| {
            let _ = s.live.send(Live::Event(event));
        });
    }

    /// Waiting messages this connection has not sent yet, in outbox order.
    pub fn unsent(&self, sid: &str, sent_here: &mut HashSet<u64>) -> Vec<Arc<str>> {
        self.with(sid, |s| {
            sent_here.retain(|id| s.waiting.contains_key(id));
            s.waiting.iter().filter(|(id, _)| sent_here.insert(**id)).map(|(_, w)| w.json.clone()).collect()
        })
    }

    /// Every waiting message (long polling: the page drops the ones it already shows).
    pub fn all_waiting(&self, sid: &str) -> Vec<Arc<str>> {
        self.with(sid, |s| s.waiting.values().map(|w| w.json.clone()).collect())
    }

    /// Removes acknowledged messages of this session; returns the ids that were waiting.
    pub fn ack(&self, sid: &str, ids: &[u64]) -> Vec<u64> {
        self.with(sid, |s| ids.iter().filter(|id| s.waiting.remove(id).is_some()).copied().collect())
    }

    /// Deletes a session ("Forget me"): its connections are told to close; returns the ids of the
    /// messages that were waiting (their outbox rows are already deleted).
    pub fn remove(&self, sid: &str, farewell: Arc<str>) -> Vec<u64> {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        match map.remove(sid) {
            Some(s) => {
                let _ = s.live.send(Live::Event(farewell));
                let _ = s.live.send(Live::Gone);
                s.waiting.into_keys().collect()
            }
            None => Vec::new(),
        }
    }

    /// Messages that have waited longer than `max` (the person did not come back): removed and
    /// returned, so their text can be deleted from the outbox.
    pub fn expire(&self, max: Duration) -> Vec<u64> {
        let now = Instant::now();
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = Vec::new();
        for s in map.values_mut() {
            s.waiting.retain(|id, w| {
                let keep = now.saturating_duration_since(w.since) < max;
                if !keep {
                    out.push(*id);
                }
                keep
            });
        }
        out
    }

    /// Forgets sessions with no connection, nothing waiting and no activity for `idle`.
    pub fn sweep(&self, idle: Duration) {
        let now = Instant::now();
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, s| s.connections > 0 || !s.waiting.is_empty() || now.saturating_duration_since(s.last_active) < idle);
    }

    /// Sessions in memory, and messages waiting in all of them.
    pub fn counts(&self) -> (usize, usize) {
        let map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        (map.len(), map.values().map(|s| s.waiting.len()).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_messages_go_to_each_connection_once_and_leave_when_acknowledged() {
        let s = Sessions::new(60, 5);
        s.hold("a", 7, "m7".into());
        s.hold("a", 3, "m3".into());
        let mut here = HashSet::new();
        assert_eq!(s.unsent("a", &mut here), vec![Arc::<str>::from("m3"), "m7".into()], "outbox order");
        assert!(s.unsent("a", &mut here).is_empty(), "each once per connection");
        let mut other = HashSet::new();
        assert_eq!(s.unsent("a", &mut other).len(), 2, "a second tab gets them too");
        assert_eq!(s.ack("a", &[3, 99]), vec![3], "only this session's waiting ids");
        assert_eq!(s.ack("b", &[7]), Vec::<u64>::new(), "another session cannot acknowledge them");
        assert_eq!(s.all_waiting("a"), vec![Arc::<str>::from("m7")]);
        assert_eq!(s.remove("a", "bye".into()), vec![7]);
    }

    #[test]
    fn idle_sessions_are_swept_but_not_while_something_waits() {
        let s = Sessions::new(60, 5);
        s.touch("idle", None);
        s.hold("waiting", 1, "m".into());
        s.sweep(Duration::ZERO);
        assert_eq!(s.counts(), (1, 1));
        assert_eq!(s.expire(Duration::ZERO), vec![1]);
        s.sweep(Duration::ZERO);
        assert_eq!(s.counts(), (0, 0));
    }
}
