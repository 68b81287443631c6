//! What happens to tickets: opening, posting in the advisors' rooms, claiming, relaying, closing,
//! reopening, reminders, retention and `/forget`.
//!
//! Every effect is a [`Change`] pushed onto `changes`; nothing is written or sent here.

use super::config::{AdvisorConfig, Escalation};
use super::ticket::{Entry, Party, Reason, Ticket, TicketState};
use crate::knowledge::{KnowledgeBase, TopicId};
use crate::lang::Lang;
use crate::locale::Locales;
use crate::message::{Action, Block, Button, ChatRef, Inline, Kind, Media, Outgoing, RichText, TicketOp};
use crate::store::{Change, Store};
use anyhow::Result;

/// A line of the conversation before a ticket, kept in memory only.
#[derive(Debug, Clone, PartialEq)]
pub enum Recent {
    Person(String),
    Answered(TopicId),
    Offered(Vec<TopicId>),
    DontKnow,
}

/// Longest text relayed or stored in one piece; longer messages are cut (and say so).
const MAX_TEXT: usize = 3_000;

/// A file in a transcript: its kind and caption, never its contents.
fn media_line(m: &Media) -> String {
    match m.caption.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => format!("[{}] {}", m.kind.as_str(), cap(c)),
        None => format!("[{}]", m.kind.as_str()),
    }
}

/// Relayed and stored text: direction overrides and control characters out (they can reorder
/// what the reader sees), at most [`MAX_TEXT`] characters (a cut says so).
fn cap(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'))
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    if clean.chars().count() <= MAX_TEXT {
        clean
    } else {
        let mut s: String = clean.chars().take(MAX_TEXT).collect();
        s.push_str(" […]");
        s
    }
}

/// The desk for one call: configuration, texts and the store, and the changes made so far.
pub struct Desk<'a> {
    pub esc: &'a Escalation,
    pub locales: &'a Locales,
    pub kb: &'a KnowledgeBase,
    pub fallback: &'a [Lang],
    pub store: &'a dyn Store,
    pub now: i64,
    pub changes: Vec<Change>,
}

impl<'a> Desk<'a> {
    // ----- texts -----

    fn staff(&self, lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
        self.locales.msg(lang, id, args)
    }

    fn room_lang(&self, room: &ChatRef) -> Lang {
        self.esc.room(room).and_then(|r| r.language).unwrap_or(self.esc.advisor_language)
    }

    /// The language for staff texts in `chat`: the room's, or the advisor's own in a direct chat.
    pub fn staff_lang(&self, chat: &ChatRef, advisor: Option<&AdvisorConfig>) -> Lang {
        if self.esc.room(chat).is_some() {
            self.room_lang(chat)
        } else {
            advisor.and_then(|a| a.language).unwrap_or(self.esc.advisor_language)
        }
    }

    fn age(&self, lang: Lang, since: i64) -> String {
        let secs = (self.now - since).max(0);
        let n;
        let id = if secs < 60 {
            n = 0;
            "staff-age-now"
        } else if secs < 3600 {
            n = secs / 60;
            "staff-age-minutes"
        } else if secs < 48 * 3600 {
            n = secs / 3600;
            "staff-age-hours"
        } else {
            n = secs / 86_400;
            "staff-age-days"
        };
        self.staff(lang, id, &[("n", &n.to_string())])
    }

    /// "ticket #42 · Arabic · 3 min ago"
    fn label(&self, lang: Lang, t: &Ticket) -> String {
        let language = self.locales.lang_name(lang, t.lang);
        let age = self.age(lang, t.created_at);
        let mut s = self.staff(lang, "staff-ticket", &[("ticket", &t.id.to_string()), ("language", &language), ("age", &age)]);
        if t.urgent {
            s = format!("{} {s}", self.staff(lang, "staff-urgent-mark", &[]));
        }
        s
    }

    fn mentions(&self, room: &ChatRef, advisors: &[&AdvisorConfig]) -> Vec<Inline> {
        let mut out = Vec::new();
        for (i, a) in advisors.iter().enumerate() {
            if i > 0 {
                out.push(Inline::Text(" ".into()));
            }
            match a.accounts.get(&room.platform) {
                Some(id) => out.push(Inline::Mention { label: a.name.clone(), user: id.clone() }),
                None => out.push(Inline::Text(a.name.clone())),
            }
        }
        out
    }

    fn staff_buttons(&self, lang: Lang, t: &Ticket) -> Vec<Vec<Button>> {
        let b = |id: &str, op| Button { label: self.staff(lang, id, &[]), action: Action::Ticket { op, ticket: t.id } };
        match t.state {
            TicketState::Open => vec![vec![b("staff-button-claim", TicketOp::Claim), b("staff-button-close", TicketOp::Close)]],
            TicketState::Claimed | TicketState::Answered => vec![vec![
                b("staff-button-release", TicketOp::Release),
                b("staff-button-close", TicketOp::Close),
                b("staff-button-suggest", TicketOp::Suggest),
            ]],
            TicketState::Closed => vec![vec![b("staff-button-suggest", TicketOp::Suggest)]],
        }
    }

    fn push(&mut self, o: Outgoing) {
        self.changes.push(Change::Send(o));
    }

    /// A message about ticket `t` in every advisors' room (threaded under the ticket there).
    fn to_rooms(&mut self, t: &Ticket, kind: Kind, make: &dyn Fn(&Desk, &ChatRef, Lang) -> (RichText, Vec<Vec<Button>>)) {
        self.to_rooms_except(t, kind, None, make)
    }

    fn to_rooms_except(&mut self, t: &Ticket, kind: Kind, except: Option<&ChatRef>, make: &dyn Fn(&Desk, &ChatRef, Lang) -> (RichText, Vec<Vec<Button>>)) {
        let rooms: Vec<ChatRef> = self.esc.rooms.iter().map(|r| r.chat_ref()).filter(|r| Some(r) != except).collect();
        for room in rooms {
            let lang = self.room_lang(&room);
            let (text, buttons) = make(self, &room, lang);
            let mut o = Outgoing::new(room, kind, lang, text, buttons);
            o.ticket = Some(t.id);
            self.push(o);
        }
    }

    /// A message to the newcomer, in the ticket's language.
    fn to_person(&mut self, t: &Ticket, kind: Kind, id: &str, args: &[(&str, &str)], buttons: Vec<Vec<Button>>) {
        let text = RichText::paragraph(self.locales.msg(t.lang, id, args));
        self.push(Outgoing::new(t.person.clone(), kind, t.lang, text, buttons));
    }

    fn person_button(&self, lang: Lang, id: &str, action: Action) -> Vec<Vec<Button>> {
        vec![vec![Button { label: self.locales.msg(lang, id, &[]), action }]]
    }

    /// "Monday 09:00" style arguments for when advisors are expected.
    fn when(&self, lang: Lang, at: &jiff::Zoned) -> (String, String) {
        let today = self.esc.local(self.now).date();
        let date = at.date();
        let day_id = if date == today {
            "day-today".to_string()
        } else if today.tomorrow().ok() == Some(date) {
            "day-tomorrow".to_string()
        } else {
            const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
            format!("day-{}", DAYS[date.weekday().to_monday_zero_offset() as usize])
        };
        (self.locales.msg(lang, &day_id, &[]), format!("{:02}:{:02}", at.hour(), at.minute()))
    }

    fn save(&mut self, t: &mut Ticket) {
        t.updated_at = self.now;
        self.changes.push(Change::Ticket(t.clone()));
    }

    fn entry(&mut self, t: &Ticket, party: Party, name: Option<&str>, text: &str) {
        self.changes.push(Change::Entry { ticket: t.id, entry: Entry { at: self.now, party, name: name.map(String::from), text: cap(text) } });
    }

    fn recent_line(&self, lang: Lang, e: &Entry) -> String {
        let who = match e.party {
            Party::Person => self.staff(lang, "staff-from-person", &[]),
            Party::Bot => self.staff(lang, "staff-from-bot", &[]),
            Party::Advisor => e.name.clone().unwrap_or_default(),
        };
        let text = match e.party {
            Party::Bot => self.bot_line(lang, &e.text),
            _ => e.text.clone(),
        };
        format!("{who}: {text}")
    }

    /// Bot lines are stored as `answered:<id>`, `offered:<id> <id>`, `dont-know` and shown in the
    /// advisors' language.
    fn bot_line(&self, lang: Lang, code: &str) -> String {
        let title = |id: &str| {
            TopicId::parse(id).and_then(|id| self.kb.get(&id)).map(|t| t.title(lang, self.fallback).to_string()).unwrap_or_else(|| id.to_string())
        };
        if let Some(id) = code.strip_prefix("answered:") {
            self.staff(lang, "staff-bot-answered", &[("topic", &title(id))])
        } else if let Some(ids) = code.strip_prefix("offered:") {
            let titles: Vec<String> = ids.split_whitespace().map(title).collect();
            self.staff(lang, "staff-bot-offered", &[("topics", &titles.join(", "))])
        } else {
            self.staff(lang, "staff-bot-dont-know", &[])
        }
    }

    // ----- newcomer side -----

    /// Opens a ticket for `person` and tells the rooms and the person.
    pub fn open(&mut self, person: &ChatRef, lang: Lang, reason: Reason, question: Option<&str>, recent: &[Recent]) -> Result<Ticket> {
        let id = self.store.next_ticket_id()?;
        let question = question
            .map(cap)
            .or_else(|| recent.iter().rev().find_map(|r| if let Recent::Person(q) = r { Some(cap(q)) } else { None }))
            .unwrap_or_default();
        let offered: Vec<String> = recent
            .iter()
            .rev()
            .find_map(|r| if let Recent::Offered(ids) = r { Some(ids.iter().map(|i| i.to_string()).collect()) } else { None })
            .unwrap_or_default();
        let mut t = Ticket {
            id,
            person: person.clone(),
            lang,
            reason,
            urgent: reason == Reason::Safeguarding,
            state: TicketState::Open,
            advisor: None,
            question,
            offered,
            relay: true,
            created_at: self.now,
            updated_at: self.now,
            claimed_at: None,
            closed_at: None,
            reminded_at: None,
            waiting_told_at: None,
        };
        self.save(&mut t);
        for r in recent {
            let (party, text) = match r {
                Recent::Person(s) => (Party::Person, s.clone()),
                Recent::Answered(id) => (Party::Bot, format!("answered:{id}")),
                Recent::Offered(ids) => (Party::Bot, format!("offered:{}", ids.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(" "))),
                Recent::DontKnow => (Party::Bot, "dont-know".into()),
            };
            self.entry(&t, party, None, &text);
        }
        self.post_ticket(&t, None)?;
        let n = t.id.to_string();
        let back = self.person_button(lang, "button-back-to-bot", Action::BackToBot);
        let urgent = t.urgent;
        match self.esc.opens_at(self.now) {
            Some(at) => {
                let (day, time) = self.when(lang, &at);
                self.to_person(&t, Kind::Info, "ticket-created-closed", &[("ticket", &n), ("day", &day), ("time", &time)], back);
            }
            None => self.to_person(&t, Kind::Info, if urgent { "ticket-created-urgent" } else { "ticket-created" }, &[("ticket", &n)], back),
        }
        Ok(t)
    }

    /// Posts a ticket (new, reopened, or now urgent) in every room with its transcript and mentions.
    fn post_ticket(&mut self, t: &Ticket, news: Option<&str>) -> Result<()> {
        let entries = self.store.entries(t.id)?;
        // Transcript lines written in this same call are not in the store yet.
        let pending: Vec<Entry> = self
            .changes
            .iter()
            .filter_map(|c| match c {
                Change::Entry { ticket, entry } if *ticket == t.id => Some(entry.clone()),
                _ => None,
            })
            .collect();
        let lines: Vec<Entry> = entries.into_iter().chain(pending).collect();
        let lines = &lines[lines.len().saturating_sub(8)..];
        let mut mention: Vec<AdvisorConfig> = self.esc.advisors_for(t.lang).into_iter().cloned().collect();
        if let Some(prev) = t.advisor.as_deref().and_then(|n| self.esc.advisor_named(n))
            && !mention.iter().any(|a| a.name == prev.name)
        {
            mention.push(prev.clone());
        }
        let news = news.map(String::from);
        self.to_rooms(t, Kind::Ticket, &|d: &Desk, room: &ChatRef, lang: Lang| {
            let mut text = RichText::default();
            text.push(Block::Heading(vec![Inline::Text(d.label(lang, t))]));
            if let Some(n) = &news {
                text.push(Block::Paragraph(vec![Inline::Strong(d.staff(lang, n, &[("ticket", &t.id.to_string())]))]));
            }
            if t.urgent {
                text.push(Block::Paragraph(vec![Inline::Strong(d.staff(lang, "staff-urgent", &[]))]));
            }
            text.push(Block::Paragraph(vec![Inline::Text(d.staff(lang, &format!("staff-reason-{}", t.reason.as_str()), &[]))]));
            if !t.question.is_empty() {
                text.push(Block::Paragraph(vec![Inline::Strong(d.staff(lang, "staff-question", &[])), Inline::Text(" ".into()), Inline::Text(t.question.clone())]));
            }
            if !lines.is_empty() {
                text.push(Block::Paragraph(vec![Inline::Strong(d.staff(lang, "staff-transcript", &[]))]));
                text.push(Block::List(lines.iter().map(|e| vec![Inline::Text(d.recent_line(lang, e))]).collect()));
            }
            let refs: Vec<&AdvisorConfig> = mention.iter().collect();
            let mut who = vec![Inline::Text(format!("{} ", d.staff(lang, "staff-for", &[])))];
            who.extend(d.mentions(room, &refs));
            text.push(Block::Paragraph(who));
            text.push(Block::Note(vec![Inline::Text(d.staff(lang, "staff-how-to-answer", &[("ticket", &t.id.to_string())]))]));
            (text, d.staff_buttons(lang, t))
        });
        Ok(())
    }

    /// The newcomer wrote while their ticket relays: the words go to the rooms.
    pub fn from_person(&mut self, t: &mut Ticket, text: &str) {
        let text = cap(text);
        self.entry(t, Party::Person, None, &text);
        let claimed_by: Option<AdvisorConfig> = t.advisor.as_deref().and_then(|n| self.esc.advisor_named(n)).cloned();
        let t2 = t.clone();
        self.to_rooms(t, Kind::Relay, &|d: &Desk, room: &ChatRef, lang: Lang| {
            let mut head = vec![Inline::Strong(d.staff(lang, "staff-person-says", &[("ticket", &t2.id.to_string())]))];
            if let Some(a) = &claimed_by {
                head.push(Inline::Text(" ".into()));
                head.extend(d.mentions(room, &[a]));
            }
            let text = RichText { blocks: vec![Block::Paragraph(head), Block::Paragraph(vec![Inline::Text(text.clone())])] };
            (text, vec![])
        });
        self.save(t);
    }

    /// The newcomer sent a file while their ticket relays: it goes to the rooms (and to the advisor's
    /// own chat platform by re-upload when the rooms are elsewhere).
    pub fn media_from_person(&mut self, t: &mut Ticket, media: &Media) {
        let line = media_line(media);
        self.entry(t, Party::Person, None, &line);
        if let Some(f) = &media.stored {
            self.changes.push(Change::MediaFile { file: f.clone(), person: t.person.clone(), at: self.now });
        }
        let claimed_by: Option<AdvisorConfig> = t.advisor.as_deref().and_then(|n| self.esc.advisor_named(n)).cloned();
        let t2 = t.clone();
        let rooms: Vec<ChatRef> = self.esc.rooms.iter().map(|r| r.chat_ref()).collect();
        for room in rooms {
            let lang = self.room_lang(&room);
            let kind = self.staff(lang, &format!("staff-media-{}", media.kind.as_str()), &[]);
            let mut head = vec![Inline::Strong(self.staff(lang, "staff-person-sent", &[("ticket", &t2.id.to_string()), ("kind", &kind)]))];
            if let Some(a) = &claimed_by {
                head.push(Inline::Text(" ".into()));
                head.extend(self.mentions(&room, &[a]));
            }
            let mut text = RichText { blocks: vec![Block::Paragraph(head)] };
            if let Some(c) = media.caption.as_deref().filter(|c| !c.trim().is_empty()) {
                text.push(Block::Paragraph(vec![Inline::Text(cap(c))]));
            }
            let mut o = Outgoing::new(room, Kind::Relay, lang, text, vec![]);
            o.ticket = Some(t2.id);
            o.media = media.is_file().then(|| media.clone());
            self.push(o);
        }
        self.save(t);
    }

    /// Safeguarding words while a ticket is active: it becomes urgent and is posted again.
    pub fn make_urgent(&mut self, t: &mut Ticket, text: &str) -> Result<()> {
        if !t.urgent {
            self.entry(t, Party::Person, None, text);
            t.urgent = true;
            t.reason = Reason::Safeguarding;
            self.save(t);
            self.post_ticket(t, Some("staff-now-urgent"))?;
        } else {
            self.from_person(t, text);
        }
        Ok(())
    }

    /// "Back to the bot": the newcomer's words go to the bot again; the advisor can still write.
    pub fn back_to_bot(&mut self, t: &mut Ticket) {
        t.relay = false;
        self.save(t);
        let id = t.id.to_string();
        self.to_rooms(t, Kind::Ticket, &|d: &Desk, _room: &ChatRef, lang: Lang| (RichText::paragraph(d.staff(lang, "staff-person-left", &[("ticket", &id)])), vec![]));
        let resume = self.person_button(t.lang, "button-write-advisor", Action::Resume);
        self.to_person(t, Kind::Info, "back-to-bot", &[], resume);
    }

    pub fn resume(&mut self, t: &mut Ticket) {
        t.relay = true;
        self.save(t);
        let back = self.person_button(t.lang, "button-back-to-bot", Action::BackToBot);
        self.to_person(t, Kind::Info, "relay-resumed", &[], back);
    }

    /// The newcomer reopens their last closed ticket, if it closed recently enough.
    pub fn reopen(&mut self, person: &ChatRef, lang: Lang) -> Result<bool> {
        let Some(mut t) = self.store.last_closed_ticket(person)? else {
            let o = Outgoing::new(person.clone(), Kind::Info, lang, RichText::paragraph(self.locales.msg(lang, "ticket-reopen-expired", &[])), self.person_button(lang, "button-advisor", Action::Advisor));
            self.push(o);
            return Ok(false);
        };
        if self.now - t.closed_at.unwrap_or(0) > self.esc.reopen_within_secs {
            let o = Outgoing::new(person.clone(), Kind::Info, lang, RichText::paragraph(self.locales.msg(lang, "ticket-reopen-expired", &[])), self.person_button(lang, "button-advisor", Action::Advisor));
            self.push(o);
            return Ok(false);
        }
        t.state = TicketState::Open;
        t.relay = true;
        t.closed_at = None;
        t.claimed_at = None;
        t.reminded_at = None;
        t.waiting_told_at = None;
        self.save(&mut t);
        self.post_ticket(&t, Some("staff-reopened"))?;
        // The previous advisor is mentioned, but must claim it again.
        t.advisor = None;
        self.save(&mut t);
        let back = self.person_button(t.lang, "button-back-to-bot", Action::BackToBot);
        self.to_person(&t, Kind::Info, "ticket-reopened", &[("ticket", &t.id.to_string())], back);
        Ok(true)
    }

    /// `/forget`: tells the rooms, removes the ticket's room messages where possible, deletes all.
    pub fn forget(&mut self, person: &ChatRef) -> Result<()> {
        for t in self.store.tickets_of(person)? {
            for (chat, message) in self.store.ticket_messages(t.id)? {
                self.changes.push(Change::Delete { chat, message, at: self.now });
            }
            if t.is_active() {
                let id = t.id.to_string();
                let mut o = Vec::new();
                for room in self.esc.rooms.iter().map(|r| r.chat_ref()) {
                    let lang = self.room_lang(&room);
                    o.push(Outgoing::new(room, Kind::Ticket, lang, RichText::paragraph(self.staff(lang, "staff-forgotten", &[("ticket", &id)])), vec![]));
                }
                // Not linked to the ticket: these notices must outlive it.
                for m in o {
                    self.push(m);
                }
            }
        }
        self.changes.push(Change::ForgetTickets { person: person.clone() });
        Ok(())
    }

    // ----- advisor side -----

    fn reply(&mut self, chat: &ChatRef, lang: Lang, id: &str, args: &[(&str, &str)]) {
        self.push(Outgoing::new(chat.clone(), Kind::Info, lang, RichText::paragraph(self.staff(lang, id, args)), vec![]));
    }

    fn active(&mut self, chat: &ChatRef, lang: Lang, id: u64) -> Result<Option<Ticket>> {
        match self.store.ticket(id)? {
            Some(t) if t.is_active() => Ok(Some(t)),
            Some(t) => {
                self.reply(chat, lang, "staff-ticket-closed", &[("ticket", &t.id.to_string())]);
                Ok(None)
            }
            None => {
                self.reply(chat, lang, "staff-no-such-ticket", &[("ticket", &id.to_string())]);
                Ok(None)
            }
        }
    }

    fn holder_is(&self, t: &Ticket, a: &AdvisorConfig) -> bool {
        t.advisor.as_deref() == Some(a.name.as_str())
    }

    /// Refuses when another advisor holds the ticket.
    fn held_by_other(&mut self, chat: &ChatRef, lang: Lang, t: &Ticket, a: &AdvisorConfig) -> bool {
        match &t.advisor {
            Some(holder) if t.state != TicketState::Open && holder != &a.name => {
                self.reply(chat, lang, "staff-claimed-by-other", &[("ticket", &t.id.to_string()), ("name", holder)]);
                true
            }
            _ => false,
        }
    }

    fn claim_as(&mut self, t: &mut Ticket, a: &AdvisorConfig) {
        t.state = TicketState::Claimed;
        t.advisor = Some(a.name.clone());
        t.claimed_at = Some(self.now);
        self.save(t);
        if let Err(e) = self.refresh_buttons(t) {
            tracing::warn!("refreshing a ticket's buttons failed: {e:#}");
        }
        let (id, name) = (t.id.to_string(), a.name.clone());
        let t2 = t.clone();
        self.to_rooms(t, Kind::Ticket, &|d: &Desk, _r: &ChatRef, lang: Lang| {
            (RichText::paragraph(d.staff(lang, "staff-claimed", &[("ticket", &id), ("name", &name)])), d.staff_buttons(lang, &t2))
        });
        let back = self.person_button(t.lang, "button-back-to-bot", Action::BackToBot);
        self.to_person(t, Kind::Info, "ticket-claimed", &[("name", a.first_name())], if t.relay { back } else { vec![] });
    }

    /// A ticket button or command from a configured advisor.
    pub fn op(&mut self, chat: &ChatRef, a: &AdvisorConfig, op: TicketOp, id: u64, arg: Option<&str>) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        if op == TicketOp::Suggest {
            return self.suggest(chat, lang, a, id, arg);
        }
        let Some(mut t) = self.active(chat, lang, id)? else { return Ok(()) };
        match op {
            TicketOp::Claim => {
                if self.holder_is(&t, a) && t.state != TicketState::Open {
                    self.reply(chat, lang, "staff-already-yours", &[("ticket", &id.to_string())]);
                } else if !self.held_by_other(chat, lang, &t, a) {
                    self.claim_as(&mut t, a);
                }
            }
            TicketOp::Release => {
                if t.state == TicketState::Open {
                    self.reply(chat, lang, "staff-not-claimed", &[("ticket", &id.to_string())]);
                } else if !self.held_by_other(chat, lang, &t, a) {
                    t.state = TicketState::Open;
                    t.advisor = None;
                    t.claimed_at = None;
                    t.reminded_at = None;
                    self.save(&mut t);
                    self.refresh_buttons(&t)?;
                    let speakers: Vec<AdvisorConfig> = self.esc.advisors_for(t.lang).into_iter().cloned().collect();
                    let (n, name) = (id.to_string(), a.name.clone());
                    let t2 = t.clone();
                    self.to_rooms(&t, Kind::Ticket, &|d: &Desk, room: &ChatRef, lang: Lang| {
                        let mut p = vec![Inline::Text(format!("{} ", d.staff(lang, "staff-released", &[("ticket", &n), ("name", &name)])))];
                        p.extend(d.mentions(room, &speakers.iter().collect::<Vec<_>>()));
                        (RichText { blocks: vec![Block::Paragraph(p)] }, d.staff_buttons(lang, &t2))
                    });
                }
            }
            TicketOp::Close => {
                if !self.held_by_other(chat, lang, &t, a) {
                    t.state = TicketState::Closed;
                    t.advisor.get_or_insert_with(|| a.name.clone());
                    t.closed_at = Some(self.now);
                    t.relay = false;
                    self.save(&mut t);
                    self.refresh_buttons(&t)?;
                    let (n, name) = (id.to_string(), a.name.clone());
                    let t2 = t.clone();
                    self.to_rooms(&t, Kind::Ticket, &|d: &Desk, _r: &ChatRef, lang: Lang| {
                        (RichText::paragraph(d.staff(lang, "staff-closed", &[("ticket", &n), ("name", &name)])), d.staff_buttons(lang, &t2))
                    });
                    let hours = (self.esc.reopen_within_secs / 3600).to_string();
                    let reopen = self.person_button(t.lang, "button-reopen", Action::Reopen);
                    self.to_person(&t, Kind::Info, "ticket-closed", &[("hours", &hours)], reopen);
                }
            }
            TicketOp::Suggest => unreachable!(),
        }
        Ok(())
    }

    /// Hands a ticket to another advisor.
    pub fn handover(&mut self, chat: &ChatRef, a: &AdvisorConfig, id: u64, to: &str) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        let Some(to) = self.esc.advisor_named(to).cloned() else {
            self.reply(chat, lang, "staff-unknown-advisor", &[("name", to)]);
            return Ok(());
        };
        let Some(mut t) = self.active(chat, lang, id)? else { return Ok(()) };
        if self.held_by_other(chat, lang, &t, a) {
            return Ok(());
        }
        let from = a.name.clone();
        t.state = if t.state == TicketState::Answered { TicketState::Answered } else { TicketState::Claimed };
        t.advisor = Some(to.name.clone());
        t.claimed_at = Some(self.now);
        self.save(&mut t);
        self.refresh_buttons(&t)?;
        let n = id.to_string();
        let t2 = t.clone();
        self.to_rooms(&t, Kind::Ticket, &|d: &Desk, room: &ChatRef, lang: Lang| {
            let mut p = vec![Inline::Text(format!("{} ", d.staff(lang, "staff-handed", &[("ticket", &n), ("from", &from), ("to", &to.name)])))];
            p.extend(d.mentions(room, &[&to]));
            (RichText { blocks: vec![Block::Paragraph(p)] }, d.staff_buttons(lang, &t2))
        });
        self.to_person(&t, Kind::Info, "ticket-claimed", &[("name", to.first_name())], vec![]);
        Ok(())
    }

    /// An advisor's words for the newcomer (a reply in the ticket's thread, or `/reply N text`).
    pub fn from_advisor(&mut self, chat: &ChatRef, a: &AdvisorConfig, id: u64, text: &str) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        let Some(mut t) = self.active(chat, lang, id)? else { return Ok(()) };
        if self.held_by_other(chat, lang, &t, a) {
            return Ok(());
        }
        if t.state == TicketState::Open {
            // Answering an unclaimed ticket claims it.
            self.claim_as(&mut t, a);
        }
        let text = cap(text);
        t.state = TicketState::Answered;
        self.entry(&t, Party::Advisor, Some(&a.name), &text);
        self.save(&mut t);
        let header = self.locales.msg(t.lang, "advisor-says", &[("name", a.first_name())]);
        let body = RichText { blocks: vec![Block::Paragraph(vec![Inline::Strong(header)]), Block::Paragraph(vec![Inline::Text(text.clone())])] };
        let buttons = if t.relay { vec![] } else { self.person_button(t.lang, "button-write-advisor", Action::Resume) };
        self.push(Outgoing::new(t.person.clone(), Kind::Relay, t.lang, body, buttons));
        // Advisors in the other rooms see the answer too.
        let (n, name) = (id.to_string(), a.name.clone());
        let from_room = self.esc.room(chat).map(|r| r.chat_ref());
        self.to_rooms_except(&t, Kind::Relay, from_room.as_ref(), &|d: &Desk, _r: &ChatRef, lang: Lang| {
            let head = Inline::Strong(d.staff(lang, "staff-advisor-wrote", &[("ticket", &n), ("name", &name)]));
            (RichText { blocks: vec![Block::Paragraph(vec![head]), Block::Paragraph(vec![Inline::Text(text.clone())])] }, vec![])
        });
        Ok(())
    }

    /// A file from an advisor for the newcomer (posted in the ticket's thread or as a reply to it).
    pub fn media_from_advisor(&mut self, chat: &ChatRef, a: &AdvisorConfig, id: u64, media: &Media) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        let Some(mut t) = self.active(chat, lang, id)? else { return Ok(()) };
        if self.held_by_other(chat, lang, &t, a) {
            return Ok(());
        }
        if t.state == TicketState::Open {
            self.claim_as(&mut t, a);
        }
        t.state = TicketState::Answered;
        self.entry(&t, Party::Advisor, Some(&a.name), &media_line(media));
        if let Some(f) = &media.stored {
            self.changes.push(Change::MediaFile { file: f.clone(), person: t.person.clone(), at: self.now });
        }
        self.save(&mut t);
        let header = self.locales.msg(t.lang, "advisor-says", &[("name", a.first_name())]);
        let mut body = RichText { blocks: vec![Block::Paragraph(vec![Inline::Strong(header)])] };
        if let Some(c) = media.caption.as_deref().filter(|c| !c.trim().is_empty()) {
            body.push(Block::Paragraph(vec![Inline::Text(cap(c))]));
        }
        let mut o = Outgoing::new(t.person.clone(), Kind::Relay, t.lang, body, vec![]);
        o.media = media.is_file().then(|| media.clone());
        self.push(o);
        Ok(())
    }

    /// Marks the advisor's answer (or `text`) as a suggestion for the knowledge base.
    fn suggest(&mut self, chat: &ChatRef, lang: Lang, a: &AdvisorConfig, id: u64, text: Option<&str>) -> Result<()> {
        let Some(t) = self.store.ticket(id)? else {
            self.reply(chat, lang, "staff-no-such-ticket", &[("ticket", &id.to_string())]);
            return Ok(());
        };
        let answer = match text.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => cap(s),
            None => match self.store.entries(id)?.into_iter().rev().find(|e| e.party == Party::Advisor) {
                Some(e) => e.text,
                None => {
                    self.reply(chat, lang, "staff-nothing-to-suggest", &[("ticket", &id.to_string())]);
                    return Ok(());
                }
            },
        };
        self.changes.push(Change::Suggestion { person: t.person.clone(), lang: t.lang, question: t.question.clone(), answer, at: self.now });
        self.reply(chat, lang, "staff-suggested", &[("ticket", &id.to_string()), ("name", &a.name)]);
        Ok(())
    }

    /// `/tickets`: every ticket not closed, urgent first.
    pub fn list(&mut self, chat: &ChatRef, a: &AdvisorConfig) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        let tickets = self.store.active_tickets()?;
        if tickets.is_empty() {
            self.reply(chat, lang, "staff-list-empty", &[]);
            return Ok(());
        }
        let items: Vec<Vec<Inline>> = tickets
            .iter()
            .map(|t| {
                let state = match (&t.state, &t.advisor) {
                    (TicketState::Claimed, Some(n)) => self.staff(lang, "staff-state-claimed", &[("name", n)]),
                    (TicketState::Answered, Some(n)) => self.staff(lang, "staff-state-answered", &[("name", n)]),
                    _ => self.staff(lang, "staff-state-open", &[]),
                };
                vec![Inline::Text(format!("{} · {state}", self.label(lang, t)))]
            })
            .collect();
        let text = RichText { blocks: vec![Block::Paragraph(vec![Inline::Strong(self.staff(lang, "staff-list", &[]))]), Block::List(items)] };
        let buttons: Vec<Vec<Button>> = tickets
            .iter()
            .filter(|t| t.state == TicketState::Open)
            .take(8)
            .map(|t| vec![Button { label: format!("{} #{}", self.staff(lang, "staff-button-claim", &[]), t.id), action: Action::Ticket { op: TicketOp::Claim, ticket: t.id } }])
            .collect();
        self.push(Outgoing::new(chat.clone(), Kind::Info, lang, text, buttons));
        Ok(())
    }

    pub fn help(&mut self, chat: &ChatRef, a: Option<&AdvisorConfig>) {
        let lang = self.staff_lang(chat, a);
        self.reply(chat, lang, "staff-help", &[]);
    }

    /// Someone who is not an advisor pressed a ticket button or typed a command in a room: only
    /// they are told (in the ticket's thread when there is one).
    pub fn not_advisor(&mut self, chat: &ChatRef, user: &str, ticket: Option<u64>) {
        let lang = self.staff_lang(chat, None);
        let mut o = Outgoing::new(chat.clone(), Kind::Refusal, lang, RichText::paragraph(self.staff(lang, "staff-not-advisor", &[])), vec![]);
        o.to_user = Some(user.to_string());
        o.ticket = ticket;
        self.push(o);
    }

    /// The ticket's post in every room shows the buttons of its current state.
    fn refresh_buttons(&mut self, t: &Ticket) -> Result<()> {
        let mut seen: Vec<ChatRef> = Vec::new();
        for (chat, message) in self.store.ticket_messages(t.id)? {
            // The first message of a ticket in a room is its post.
            if seen.contains(&chat) || self.esc.room(&chat).is_none() {
                continue;
            }
            seen.push(chat.clone());
            let lang = self.room_lang(&chat);
            let buttons = self.staff_buttons(lang, t);
            self.changes.push(Change::Edit { chat, message, lang, buttons, at: self.now });
        }
        Ok(())
    }

    // ----- time -----

    /// Waiting notices, reminders and retention; idempotent, called every few seconds.
    pub fn tick(&mut self) -> Result<()> {
        let open_now = self.esc.is_open(self.now);
        for mut t in self.store.active_tickets()? {
            if t.state != TicketState::Open {
                continue;
            }
            let waited = self.now - t.created_at.max(t.claimed_at.unwrap_or(0));
            let mut changed = false;
            if waited >= self.esc.claim_within_secs && t.waiting_told_at.is_none() && t.relay {
                t.waiting_told_at = Some(self.now);
                changed = true;
                match self.esc.expect_answer_by(self.now) {
                    Some(by) => {
                        let (day, time) = self.when(t.lang, &by);
                        self.to_person(&t, Kind::Info, "ticket-waiting", &[("day", &day), ("time", &time)], vec![]);
                    }
                    None => self.to_person(&t, Kind::Info, "ticket-waiting-soon", &[], vec![]),
                }
            }
            let due = match t.reminded_at {
                None => waited >= self.esc.claim_within_secs,
                Some(r) => self.now - r >= self.esc.remind_every_secs,
            };
            if open_now && due {
                t.reminded_at = Some(self.now);
                changed = true;
                let speakers: Vec<AdvisorConfig> = self.esc.advisors_for(t.lang).into_iter().cloned().collect();
                let t2 = t.clone();
                self.to_rooms(&t, Kind::Ticket, &|d: &Desk, room: &ChatRef, lang: Lang| {
                    let mut p = vec![Inline::Text(format!("{} ", d.staff(lang, "staff-reminder", &[("ticket", &d.label(lang, &t2))])))];
                    p.extend(d.mentions(room, &speakers.iter().collect::<Vec<_>>()));
                    (RichText { blocks: vec![Block::Paragraph(p)] }, d.staff_buttons(lang, &t2))
                });
            }
            if changed {
                self.save(&mut t);
            }
        }
        Ok(())
    }
}
