//! An in-process transport with any number of parties and platforms, and no network: what the
//! escalation tests (and anyone trying the advisors' side locally) talk to.
//!
//! It behaves like a platform that makes sends idempotent by a client transaction id (as Matrix
//! does): a message whose outbox id it has seen before is not shown twice. Each step of delivery
//! can be done separately, so tests can "crash" between any two of them.

use crate::conversation::Engine;
use crate::message::{Action, Button, ChatRef, Delivery, Incoming, Outgoing};
use std::collections::{BTreeMap, HashSet};

/// A message as a party sees it, with the id the platform gave it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub message_id: String,
    pub msg: Outgoing,
}

/// The platforms' side: who received what.
#[derive(Debug, Default)]
pub struct Hub {
    platforms: Vec<String>,
    inboxes: BTreeMap<ChatRef, Vec<Seen>>,
    read: BTreeMap<ChatRef, usize>,
    /// Outbox ids already shown (the idempotency key).
    shown: BTreeMap<u64, String>,
    deleted: HashSet<String>,
    /// The buttons a message shows now, when they were changed after it was sent.
    edited: BTreeMap<String, Vec<Vec<Button>>>,
    next_message: u64,
    next_event: u64,
}

impl Hub {
    pub fn new(platforms: &[&str]) -> Hub {
        Hub { platforms: platforms.iter().map(|p| p.to_string()).collect(), ..Default::default() }
    }

    /// A new platform event id.
    pub fn event(&mut self) -> String {
        self.next_event += 1;
        format!("ev{}", self.next_event)
    }

    /// The platform shows a message (once per outbox id) and returns its platform id.
    pub fn show(&mut self, msg: &Outgoing) -> String {
        if msg.id != 0
            && let Some(id) = self.shown.get(&msg.id)
        {
            return id.clone();
        }
        self.next_message += 1;
        let message_id = format!("m{}", self.next_message);
        if msg.id != 0 {
            self.shown.insert(msg.id, message_id.clone());
        }
        self.inboxes.entry(msg.chat.clone()).or_default().push(Seen { message_id: message_id.clone(), msg: msg.clone() });
        message_id
    }

    fn apply(&mut self, engine: &Engine, d: Delivery) {
        match d {
            Delivery::Send(o) => {
                let id = self.show(&o);
                engine.sent(o.id, Some(&id));
            }
            Delivery::Delete { id, message, .. } => {
                self.deleted.insert(message);
                engine.sent(id, None);
            }
            Delivery::Edit { id, message, buttons, .. } => {
                self.edited.insert(message, buttons);
                engine.sent(id, None);
            }
        }
    }

    /// Sends an event to the engine and delivers everything that results, on every platform.
    pub fn send(&mut self, engine: &Engine, msg: Incoming) {
        let platform = msg.chat.platform.clone();
        let out = engine.handle(&msg);
        for o in out.into_iter().filter(|o| o.chat.platform == platform) {
            self.apply(engine, Delivery::Send(o));
        }
        self.pump(engine);
    }

    /// Delivers whatever the engine has pending, on every platform.
    pub fn pump(&mut self, engine: &Engine) {
        for p in self.platforms.clone() {
            for d in engine.pending(&p) {
                self.apply(engine, d);
            }
        }
    }

    /// Text from a party.
    pub fn say(&mut self, engine: &Engine, chat: &ChatRef, user: &str, text: &str) {
        let ev = self.event();
        self.send(engine, Incoming::text(chat.clone(), user, text).with_event_id(ev));
    }

    /// A reply to a message (in a thread) from a party.
    pub fn reply(&mut self, engine: &Engine, chat: &ChatRef, user: &str, to: &str, text: &str) {
        let ev = self.event();
        self.send(engine, Incoming::text(chat.clone(), user, text).with_event_id(ev).replying_to(to));
    }

    /// A button press from a party.
    pub fn press(&mut self, engine: &Engine, chat: &ChatRef, user: &str, action: Action) {
        let ev = self.event();
        self.send(engine, Incoming::action(chat.clone(), user, action).with_event_id(ev));
    }

    /// Messages in `chat` not read before.
    pub fn take(&mut self, chat: &ChatRef) -> Vec<Seen> {
        let all = self.inboxes.get(chat).cloned().unwrap_or_default();
        let from = self.read.insert(chat.clone(), all.len()).unwrap_or(0);
        all[from.min(all.len())..].to_vec()
    }

    /// Every message ever shown in `chat` that was not deleted.
    pub fn visible(&self, chat: &ChatRef) -> Vec<Seen> {
        self.inboxes.get(chat).map(|v| v.iter().filter(|s| !self.deleted.contains(&s.message_id)).cloned().collect()).unwrap_or_default()
    }

    /// The buttons a shown message has now (its first buttons, unless they were replaced).
    pub fn buttons_now(&self, seen: &Seen) -> Vec<Vec<Button>> {
        self.edited.get(&seen.message_id).cloned().unwrap_or_else(|| seen.msg.buttons.clone())
    }

    /// How many messages were shown in `chat` in total.
    pub fn count(&self, chat: &ChatRef) -> usize {
        self.inboxes.get(chat).map_or(0, Vec::len)
    }
}

/// Plain text of seen messages, joined.
pub fn plain(seen: &[Seen]) -> String {
    seen.iter().map(|s| s.msg.text.plain()).collect::<Vec<_>>().join("\n---\n")
}

/// The first button with this action among seen messages.
pub fn find_action(seen: &[Seen], pred: impl Fn(&Action) -> bool) -> Option<Action> {
    seen.iter().flat_map(|s| s.msg.all_buttons()).map(|b| b.action.clone()).find(|a| pred(a))
}
