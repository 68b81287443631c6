//! What happens to tickets: opening, posting in the advisors' rooms, claiming, relaying, closing,
//! reopening, reminders, retention and `/forget`.
//!
//! Every effect is a [`Change`] pushed onto `changes`; nothing is written or sent here. The desk's
//! other duties live beside this file, each in its own `impl Desk` block: the queue and waiting
//! times (`queue`), offers in turn and `/away` (`assign`), ready answers (`replies`), notes and
//! `/keep` (`notes`), partner organisations (`partners`) and ratings (`rating`).

use super::config::{AdvisorConfig, Escalation};
use super::queue::Availability;
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

/// Transcript lines the desk writes itself (a ready reply, an answer from the knowledge base) start
/// with this character, which [`cap`] removes from anything a person typed: they cannot be forged.
pub(super) const CODE: char = '\u{1}';

/// A file in a transcript: its kind and caption, never its contents.
fn media_line(m: &Media) -> String {
    match m.caption.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => format!("[{}] {}", m.kind.as_str(), cap(c)),
        None => format!("[{}]", m.kind.as_str()),
    }
}

/// Relayed and stored text: direction overrides and control characters out (they can reorder
/// what the reader sees), at most [`MAX_TEXT`] characters (a cut says so).
pub(super) fn cap(text: &str) -> String {
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

    pub(super) fn staff(&self, lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
        self.locales.msg(lang, id, args)
    }

    pub(super) fn room_lang(&self, room: &ChatRef) -> Lang {
        self.esc
            .room(room)
            .and_then(|r| r.language)
            .or_else(|| self.esc.partner_room(room).and_then(|p| p.language))
            .unwrap_or(self.esc.advisor_language)
    }

    /// The language for staff texts in `chat`: the room's, or the advisor's own in a direct chat.
    pub fn staff_lang(&self, chat: &ChatRef, advisor: Option<&AdvisorConfig>) -> Lang {
        if self.esc.is_staff_room(chat) {
            self.room_lang(chat)
        } else {
            advisor.and_then(|a| a.language).unwrap_or(self.esc.advisor_language)
        }
    }

    pub(super) fn age(&self, lang: Lang, since: i64) -> String {
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
    pub(super) fn label(&self, lang: Lang, t: &Ticket) -> String {
        let language = self.locales.lang_name(lang, t.lang);
        let age = self.age(lang, t.created_at);
        let mut s = self.staff(lang, "staff-ticket", &[("ticket", &t.id.to_string()), ("language", &language), ("age", &age)]);
        if t.urgent {
            s = format!("{} {s}", self.staff(lang, "staff-urgent-mark", &[]));
        }
        s
    }

    pub(super) fn mentions(&self, room: &ChatRef, advisors: &[&AdvisorConfig]) -> Vec<Inline> {
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

    /// "For: Fatima" on its own line after relayed words, so the mention never reads as part of
    /// what the newcomer wrote.
    fn for_line(&self, room: &ChatRef, lang: Lang, a: &AdvisorConfig) -> Block {
        let mut line = vec![Inline::Text(format!("{} ", self.staff(lang, "staff-for", &[])))];
        line.extend(self.mentions(room, &[a]));
        Block::Note(line)
    }

    /// The buttons of a ticket's post: what can be done in its state, and the most used ready replies.
    pub(super) fn staff_buttons(&self, lang: Lang, t: &Ticket) -> Vec<Vec<Button>> {
        let b = |id: &str, op| Button { label: self.staff(lang, id, &[]), action: Action::Ticket { op, ticket: t.id } };
        let mut rows = match t.state {
            TicketState::Open => vec![vec![b("staff-button-claim", TicketOp::Claim), b("staff-button-close", TicketOp::Close)]],
            TicketState::Claimed | TicketState::Answered => vec![vec![
                b("staff-button-release", TicketOp::Release),
                b("staff-button-close", TicketOp::Close),
                b("staff-button-suggest", TicketOp::Suggest),
            ]],
            TicketState::Closed => vec![vec![b("staff-button-suggest", TicketOp::Suggest)]],
        };
        if t.is_active() {
            let replies = self.reply_buttons(lang, t.id);
            if !replies.is_empty() {
                rows.push(replies);
            }
        }
        rows
    }

    pub(super) fn push(&mut self, o: Outgoing) {
        self.changes.push(Change::Send(o));
    }

    /// The rooms that follow ticket `t`: every advisors' room, and its partner's room once handed over.
    pub(super) fn rooms_of(&self, t: &Ticket) -> Vec<ChatRef> {
        let mut rooms: Vec<ChatRef> = self.esc.rooms.iter().map(|r| r.chat_ref()).collect();
        if let Some(p) = t.partner.as_deref().and_then(|n| self.esc.partners.iter().find(|p| p.name == n)) {
            rooms.push(p.chat_ref());
        }
        rooms
    }

    /// A message about ticket `t` in every room that follows it (threaded under the ticket there).
    pub(super) fn to_rooms(&mut self, t: &Ticket, kind: Kind, make: &dyn Fn(&Desk, &ChatRef, Lang) -> (RichText, Vec<Vec<Button>>)) {
        self.to_rooms_except(t, kind, None, make)
    }

    pub(super) fn to_rooms_except(&mut self, t: &Ticket, kind: Kind, except: Option<&ChatRef>, make: &dyn Fn(&Desk, &ChatRef, Lang) -> (RichText, Vec<Vec<Button>>)) {
        let rooms: Vec<ChatRef> = self.rooms_of(t).into_iter().filter(|r| Some(r) != except).collect();
        for room in rooms {
            let lang = self.room_lang(&room);
            let (text, buttons) = make(self, &room, lang);
            let mut o = Outgoing::new(room, kind, lang, text, buttons);
            o.ticket = Some(t.id);
            self.push(o);
        }
    }

    /// A message to the newcomer, in the ticket's language.
    pub(super) fn to_person(&mut self, t: &Ticket, kind: Kind, id: &str, args: &[(&str, &str)], buttons: Vec<Vec<Button>>) {
        let text = RichText::paragraph(self.locales.msg(t.lang, id, args));
        self.push(Outgoing::new(t.person.clone(), kind, t.lang, text, buttons));
    }

    pub(super) fn person_button(&self, lang: Lang, id: &str, action: Action) -> Vec<Vec<Button>> {
        vec![vec![Button { label: self.locales.msg(lang, id, &[]), action }]]
    }

    /// "Monday 09:00" style arguments for when advisors are expected.
    pub(super) fn when(&self, lang: Lang, at: &jiff::Zoned) -> (String, String) {
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

    pub(super) fn save(&mut self, t: &mut Ticket) {
        t.updated_at = self.now;
        self.changes.push(Change::Ticket(t.clone()));
    }

    pub(super) fn entry(&mut self, t: &Ticket, party: Party, name: Option<&str>, text: &str) {
        self.changes.push(Change::Entry { ticket: t.id, entry: Entry { at: self.now, party, name: name.map(String::from), text: cap(text) } });
    }

    /// A transcript line the desk writes itself (see [`CODE`]), shown in each reader's language.
    pub(super) fn code_entry(&mut self, t: &Ticket, name: &str, code: &str) {
        let text = format!("{CODE}{}", cap(code));
        self.changes.push(Change::Entry { ticket: t.id, entry: Entry { at: self.now, party: Party::Advisor, name: Some(name.to_string()), text } });
    }

    /// A ticket's transcript: stored lines, then the ones written in this same call.
    pub(super) fn entries_now(&self, ticket: u64) -> Result<Vec<Entry>> {
        let pending = self.changes.iter().filter_map(|c| match c {
            Change::Entry { ticket: t, entry } if *t == ticket => Some(entry.clone()),
            _ => None,
        });
        Ok(self.store.entries(ticket)?.into_iter().chain(pending).collect())
    }

    pub(super) fn recent_line(&self, lang: Lang, e: &Entry) -> String {
        let who = match e.party {
            Party::Person => self.staff(lang, "staff-from-person", &[]),
            Party::Bot => self.staff(lang, "staff-from-bot", &[]),
            Party::Advisor | Party::Note => e.name.clone().unwrap_or_default(),
        };
        let text = match e.party {
            Party::Bot => self.bot_line(lang, &e.text),
            Party::Advisor if e.text.starts_with(CODE) => self.code_line(lang, &e.text[CODE.len_utf8()..]),
            _ => e.text.clone(),
        };
        format!("{who}: {text}")
    }

    pub(super) fn topic_title(&self, lang: Lang, id: &str) -> String {
        TopicId::parse(id).and_then(|id| self.kb.get(&id)).map(|t| t.title(lang, self.fallback).to_string()).unwrap_or_else(|| id.to_string())
    }

    /// Bot lines are stored as `answered:<id>`, `offered:<id> <id>`, `dont-know` and shown in the
    /// advisors' language.
    fn bot_line(&self, lang: Lang, code: &str) -> String {
        if let Some(id) = code.strip_prefix("answered:") {
            self.staff(lang, "staff-bot-answered", &[("topic", &self.topic_title(lang, id))])
        } else if let Some(ids) = code.strip_prefix("offered:") {
            let titles: Vec<String> = ids.split_whitespace().map(|id| self.topic_title(lang, id)).collect();
            self.staff(lang, "staff-bot-offered", &[("topics", &titles.join(", "))])
        } else {
            self.staff(lang, "staff-bot-dont-know", &[])
        }
    }

    /// Lines the desk wrote for an advisor: `sent:<topic>` and `reply:<id> [who]`.
    fn code_line(&self, lang: Lang, code: &str) -> String {
        if let Some(id) = code.strip_prefix("sent:") {
            self.staff(lang, "staff-line-sent", &[("topic", &self.topic_title(lang, id))])
        } else if let Some(rest) = code.strip_prefix("reply:") {
            let (id, who) = rest.split_once(' ').unwrap_or((rest, ""));
            self.staff(lang, "staff-line-reply", &[("reply", &self.reply_label(lang, id)), ("text", &self.reply_text(lang, id, who))])
        } else {
            code.to_string()
        }
    }

    // ----- newcomer side -----

    /// Opens a ticket for `person` and tells the rooms and the person where they stand.
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
            open_since: self.now,
            offered_to: None,
            offered_at: None,
            partner: None,
            rated: false,
            kept: None,
        };
        self.offer(&mut t, None);
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
        self.post_ticket(&t, None, None)?;
        self.tell_opened(&t);
        Ok(t)
    }

    /// The newcomer's first word from the desk: their ticket's number, and honestly when and how
    /// soon someone will answer.
    fn tell_opened(&mut self, t: &Ticket) {
        let n = t.id.to_string();
        let lang = t.lang;
        let availability = self.availability(lang);
        let mut text = RichText::default();
        let mut para = |s: String| text.push(Block::Paragraph(vec![Inline::Text(s)]));
        match (&availability, t.urgent) {
            (Availability::Closed { opens }, true) => {
                let (day, time) = self.when(lang, opens);
                para(self.locales.msg(lang, "ticket-created-urgent-closed", &[("ticket", &n), ("day", &day), ("time", &time)]));
            }
            (_, true) => para(self.locales.msg(lang, "ticket-created-urgent", &[("ticket", &n)])),
            (Availability::Closed { opens }, false) => {
                let (day, time) = self.when(lang, opens);
                para(self.locales.msg(lang, "ticket-created-closed", &[("ticket", &n), ("day", &day), ("time", &time)]));
            }
            (Availability::Open, false) => para(self.locales.msg(lang, "ticket-created", &[("ticket", &n)])),
            (_, false) => para(self.locales.msg(lang, "ticket-created-later", &[("ticket", &n)])),
        }
        let mut buttons = Vec::new();
        if !t.urgent {
            text.blocks.extend(self.standing(t));
            buttons.push(vec![Button { label: self.locales.msg(lang, "button-queue", &[]), action: Action::Queue }]);
        }
        buttons.push(vec![Button { label: self.locales.msg(lang, "button-back-to-bot", &[]), action: Action::BackToBot }]);
        self.push(Outgoing::new(t.person.clone(), Kind::Info, lang, text, buttons));
    }

    /// Posts a ticket (new, reopened, now urgent, or handed to a partner) with its transcript, notes
    /// and the advisor it is offered to, in `only` those rooms or every room that follows it.
    pub(super) fn post_ticket(&mut self, t: &Ticket, news: Option<(&str, Vec<(String, String)>)>, only: Option<&[ChatRef]>) -> Result<()> {
        let all = self.entries_now(t.id)?;
        let (notes, talk): (Vec<Entry>, Vec<Entry>) = all.into_iter().partition(|e| e.party == Party::Note);
        let lines = &talk[talk.len().saturating_sub(8)..];
        let notes = &notes[notes.len().saturating_sub(5)..];
        let mention = self.who_to_mention(t);
        let news = news.map(|(id, args)| (id.to_string(), args));
        let rooms: Vec<ChatRef> = match only {
            Some(r) => r.to_vec(),
            None => self.rooms_of(t),
        };
        for room in rooms {
            let lang = self.room_lang(&room);
            let mut text = RichText::default();
            text.push(Block::Heading(vec![Inline::Text(self.label(lang, t))]));
            if let Some((id, args)) = &news {
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                text.push(Block::Paragraph(vec![Inline::Strong(self.staff(lang, id, &args))]));
            }
            if t.urgent {
                text.push(Block::Paragraph(vec![Inline::Strong(self.staff(lang, "staff-urgent", &[]))]));
            }
            text.push(Block::Paragraph(vec![Inline::Text(self.staff(lang, &format!("staff-reason-{}", t.reason.as_str()), &[]))]));
            if !t.question.is_empty() {
                text.push(Block::Paragraph(vec![Inline::Strong(self.staff(lang, "staff-question", &[])), Inline::Text(" ".into()), Inline::Text(t.question.clone())]));
            }
            if !lines.is_empty() {
                text.push(Block::Paragraph(vec![Inline::Strong(self.staff(lang, "staff-transcript", &[]))]));
                text.push(Block::List(lines.iter().map(|e| vec![Inline::Text(self.recent_line(lang, e))]).collect()));
            }
            text.blocks.extend(self.notes_blocks(lang, notes));
            text.blocks.extend(self.kept_block(lang, t));
            if let Some(p) = &t.partner {
                text.push(Block::Paragraph(vec![Inline::Text(self.staff(lang, "staff-with-partner", &[("partner", p)]))]));
            } else {
                text.push(Block::Paragraph(self.mention_line(&room, lang, &mention)));
            }
            text.push(Block::Note(vec![Inline::Text(self.staff(lang, "staff-how-to-answer", &[("ticket", &t.id.to_string())]))]));
            let buttons = self.staff_buttons(lang, t);
            let mut o = Outgoing::new(room, Kind::Ticket, lang, text, buttons);
            o.ticket = Some(t.id);
            self.push(o);
        }
        Ok(())
    }

    /// The newcomer wrote while their ticket relays: the words go to the rooms.
    pub fn from_person(&mut self, t: &mut Ticket, text: &str) {
        let text = cap(text);
        self.entry(t, Party::Person, None, &text);
        let claimed_by: Option<AdvisorConfig> = t.advisor.as_deref().and_then(|n| self.esc.advisor_named(n)).cloned();
        let t2 = t.clone();
        self.to_rooms(t, Kind::Relay, &|d: &Desk, room: &ChatRef, lang: Lang| {
            let head = vec![Inline::Strong(d.staff(lang, "staff-person-says", &[("ticket", &t2.id.to_string())]))];
            let mut text = RichText { blocks: vec![Block::Paragraph(head), Block::Paragraph(vec![Inline::Text(text.clone())])] };
            if let Some(a) = &claimed_by {
                text.push(d.for_line(room, lang, a));
            }
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
        for room in self.rooms_of(t) {
            let lang = self.room_lang(&room);
            let kind = self.staff(lang, &format!("staff-media-{}", media.kind.as_str()), &[]);
            let head = vec![Inline::Strong(self.staff(lang, "staff-person-sent", &[("ticket", &t2.id.to_string()), ("kind", &kind)]))];
            let mut text = RichText { blocks: vec![Block::Paragraph(head)] };
            if let Some(c) = media.caption.as_deref().filter(|c| !c.trim().is_empty()) {
                text.push(Block::Paragraph(vec![Inline::Text(cap(c))]));
            }
            if let Some(a) = &claimed_by {
                text.push(self.for_line(&room, lang, a));
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
            self.post_ticket(t, Some(("staff-now-urgent", vec![("ticket".into(), t.id.to_string())])), None)?;
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
        let expired = |d: &mut Desk| {
            let o = Outgoing::new(person.clone(), Kind::Info, lang, RichText::paragraph(d.locales.msg(lang, "ticket-reopen-expired", &[])), d.person_button(lang, "button-advisor", Action::Advisor));
            d.push(o);
        };
        let Some(mut t) = self.store.last_closed_ticket(person)? else {
            expired(self);
            return Ok(false);
        };
        if self.now - t.closed_at.unwrap_or(0) > self.esc.reopen_within_secs {
            expired(self);
            return Ok(false);
        }
        t.state = TicketState::Open;
        t.relay = true;
        t.closed_at = None;
        t.claimed_at = None;
        t.reminded_at = None;
        t.waiting_told_at = None;
        t.open_since = self.now;
        t.rated = false;
        // Back to the advisors, whoever helped last (a partner too): the previous helper is
        // mentioned, but must claim it again.
        let previous = t.advisor.clone();
        t.partner = None;
        let prev_advisor = previous.as_deref().and_then(|n| self.esc.advisor_named(n)).filter(|a| self.can_take_more(a)).map(|a| a.name.clone());
        self.offer(&mut t, None);
        if let Some(p) = prev_advisor {
            // The advisor who knows the case comes first.
            t.offered_to = Some(p);
        }
        self.save(&mut t);
        self.post_ticket(&t, Some(("staff-reopened", vec![("ticket".into(), t.id.to_string())])), None)?;
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
                for room in self.rooms_of(&t) {
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

    pub(super) fn reply(&mut self, chat: &ChatRef, lang: Lang, id: &str, args: &[(&str, &str)]) {
        self.push(Outgoing::new(chat.clone(), Kind::Info, lang, RichText::paragraph(self.staff(lang, id, args)), vec![]));
    }

    /// A ticket `a` may see: any for an advisor, only those handed to it for a partner (others do
    /// not exist for a partner). Says so when there is none.
    pub(super) fn visible(&mut self, chat: &ChatRef, lang: Lang, a: &AdvisorConfig, id: u64) -> Result<Option<Ticket>> {
        match self.store.ticket(id)? {
            Some(t) if !a.partner || t.partner.as_deref() == Some(a.name.as_str()) => Ok(Some(t)),
            _ => {
                self.reply(chat, lang, "staff-no-such-ticket", &[("ticket", &id.to_string())]);
                Ok(None)
            }
        }
    }

    /// A ticket `a` may act on that is not closed.
    pub(super) fn active(&mut self, chat: &ChatRef, lang: Lang, a: &AdvisorConfig, id: u64) -> Result<Option<Ticket>> {
        match self.visible(chat, lang, a, id)? {
            Some(t) if t.is_active() => Ok(Some(t)),
            Some(t) => {
                self.reply(chat, lang, "staff-ticket-closed", &[("ticket", &t.id.to_string())]);
                Ok(None)
            }
            None => Ok(None),
        }
    }

    pub(super) fn holder_is(&self, t: &Ticket, a: &AdvisorConfig) -> bool {
        t.advisor.as_deref() == Some(a.name.as_str())
    }

    /// Refuses when another advisor (or a partner) holds the ticket.
    pub(super) fn held_by_other(&mut self, chat: &ChatRef, lang: Lang, t: &Ticket, a: &AdvisorConfig) -> bool {
        match &t.advisor {
            Some(holder) if t.state != TicketState::Open && holder != &a.name => {
                let id = if t.partner.is_some() { "staff-held-by-partner" } else { "staff-claimed-by-other" };
                self.reply(chat, lang, id, &[("ticket", &t.id.to_string()), ("name", holder)]);
                true
            }
            _ => false,
        }
    }

    /// Takes an open ticket for `a`, unless `a` holds as many as they may (urgent tickets excepted):
    /// then says so and returns false.
    pub(super) fn take(&mut self, chat: &ChatRef, lang: Lang, t: &mut Ticket, a: &AdvisorConfig) -> bool {
        if t.state != TicketState::Open {
            return true;
        }
        if !t.urgent && !self.can_take_more(a) {
            self.reply(chat, lang, "staff-at-limit", &[("ticket", &t.id.to_string()), ("max", &a.max_open.to_string())]);
            return false;
        }
        self.claim_as(t, a);
        true
    }

    fn claim_as(&mut self, t: &mut Ticket, a: &AdvisorConfig) {
        if t.state == TicketState::Open && !t.urgent {
            let waited = self.esc.office_secs(t.open_since, self.now);
            self.changes.push(Change::ClaimWait { at: self.now, secs: waited });
        }
        t.state = TicketState::Claimed;
        t.advisor = Some(a.name.clone());
        t.claimed_at = Some(self.now);
        t.offered_to = None;
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
        self.to_person(t, Kind::Info, "ticket-claimed", &[("name", a.public_name())], if t.relay { back } else { vec![] });
    }

    /// A ticket button or command from a configured advisor (or a partner in its room).
    pub fn op(&mut self, chat: &ChatRef, a: &AdvisorConfig, op: TicketOp, id: u64, arg: Option<&str>) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        if op == TicketOp::Suggest {
            return self.suggest(chat, lang, a, id, arg);
        }
        let Some(mut t) = self.active(chat, lang, a, id)? else { return Ok(()) };
        match op {
            TicketOp::Claim => {
                if self.holder_is(&t, a) && t.state != TicketState::Open {
                    self.reply(chat, lang, "staff-already-yours", &[("ticket", &id.to_string())]);
                } else if !self.held_by_other(chat, lang, &t, a) {
                    self.take(chat, lang, &mut t, a);
                }
            }
            TicketOp::Release => {
                // Advisors can take a ticket back from a partner organisation.
                let from_partner = t.partner.is_some() && !a.partner;
                if t.state == TicketState::Open {
                    self.reply(chat, lang, "staff-not-claimed", &[("ticket", &id.to_string())]);
                } else if from_partner || !self.held_by_other(chat, lang, &t, a) {
                    let released_by = a.name.clone();
                    self.back_to_queue(&mut t, "staff-released", &[("name", &released_by)])?;
                }
            }
            TicketOp::Close => {
                if !self.held_by_other(chat, lang, &t, a) {
                    t.state = TicketState::Closed;
                    t.advisor.get_or_insert_with(|| a.name.clone());
                    t.closed_at = Some(self.now);
                    t.relay = false;
                    t.offered_to = None;
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
                    self.ask_rating(&t);
                }
            }
            TicketOp::Suggest => unreachable!(),
        }
        Ok(())
    }

    /// Puts a held ticket back in the queue (released, taken back from a partner, or a claim that
    /// lapsed) and offers it to the next advisor in turn.
    pub(super) fn back_to_queue(&mut self, t: &mut Ticket, news: &str, args: &[(&str, &str)]) -> Result<()> {
        let previous = t.advisor.take();
        let was_helped = previous.is_some() || t.partner.is_some();
        t.state = TicketState::Open;
        t.claimed_at = None;
        t.reminded_at = None;
        t.partner = None;
        t.open_since = self.now;
        self.offer(t, previous.as_deref());
        self.save(t);
        self.refresh_buttons(t)?;
        // The newcomer was told who helps them; now they hear that it is nobody for the moment, and
        // where they stand.
        if was_helped {
            let mut text = RichText::paragraph(self.locales.msg(t.lang, "ticket-back-in-queue", &[]));
            text.blocks.extend(self.standing(t));
            self.push(Outgoing::new(t.person.clone(), Kind::Info, t.lang, text, vec![]));
        }
        let mention = self.who_to_mention(t);
        let n = t.id.to_string();
        let mut args: Vec<(String, String)> = args.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        args.push(("ticket".into(), n));
        let t2 = t.clone();
        self.to_rooms(t, Kind::Ticket, &|d: &Desk, room: &ChatRef, lang: Lang| {
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let mut p = vec![Inline::Text(format!("{} ", d.staff(lang, news, &args)))];
            p.extend(d.mention_line(room, lang, &mention));
            (RichText { blocks: vec![Block::Paragraph(p)] }, d.staff_buttons(lang, &t2))
        });
        Ok(())
    }

    /// Hands a ticket to another advisor, or (`partner:<name>`, or a partner's name) to a partner
    /// organisation.
    pub fn handover(&mut self, chat: &ChatRef, a: &AdvisorConfig, id: u64, to: &str) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        if a.partner {
            self.reply(chat, lang, "staff-partner-cannot", &[]);
            return Ok(());
        }
        let advisor = if to.trim().starts_with("partner:") { None } else { self.esc.advisor_named(to).cloned() };
        let Some(to) = advisor else {
            if let Some(p) = self.esc.partner_named(to).cloned() {
                return self.to_partner(chat, a, id, &p);
            }
            self.reply(chat, lang, "staff-unknown-advisor", &[("name", to)]);
            return Ok(());
        };
        let Some(mut t) = self.active(chat, lang, a, id)? else { return Ok(()) };
        let from_partner = t.partner.is_some();
        if !from_partner && self.held_by_other(chat, lang, &t, a) {
            return Ok(());
        }
        if !t.urgent && !self.holder_is(&t, &to) && !self.can_take_more(&to) {
            self.reply(chat, lang, "staff-target-at-limit", &[("ticket", &id.to_string()), ("name", &to.name), ("max", &to.max_open.to_string())]);
            return Ok(());
        }
        let from = t.advisor.clone().filter(|_| t.state != TicketState::Open).unwrap_or_else(|| a.name.clone());
        t.state = if t.state == TicketState::Answered { TicketState::Answered } else { TicketState::Claimed };
        t.advisor = Some(to.name.clone());
        t.partner = None;
        t.offered_to = None;
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
        self.to_person(&t, Kind::Info, "ticket-claimed", &[("name", to.public_name())], vec![]);
        Ok(())
    }

    /// The header of words from an advisor or a partner, in the newcomer's language.
    pub(super) fn says(&self, lang: Lang, a: &AdvisorConfig) -> String {
        let id = if a.partner { "partner-says" } else { "advisor-says" };
        self.locales.msg(lang, id, &[("name", a.public_name())])
    }

    /// An advisor's words for the newcomer (a reply in the ticket's thread, or `/reply N text`).
    pub fn from_advisor(&mut self, chat: &ChatRef, a: &AdvisorConfig, id: u64, text: &str) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        let Some(mut t) = self.active(chat, lang, a, id)? else { return Ok(()) };
        if self.held_by_other(chat, lang, &t, a) || !self.take(chat, lang, &mut t, a) {
            return Ok(());
        }
        let text = cap(text);
        t.state = TicketState::Answered;
        self.entry(&t, Party::Advisor, Some(&a.name), &text);
        self.save(&mut t);
        let header = self.says(t.lang, a);
        let body = RichText { blocks: vec![Block::Paragraph(vec![Inline::Strong(header)]), Block::Paragraph(vec![Inline::Text(text.clone())])] };
        let buttons = if t.relay { vec![] } else { self.person_button(t.lang, "button-write-advisor", Action::Resume) };
        self.push(Outgoing::new(t.person.clone(), Kind::Relay, t.lang, body, buttons));
        // Advisors in the other rooms see the answer too.
        let (n, name) = (id.to_string(), a.name.clone());
        self.to_rooms_except(&t, Kind::Relay, Some(chat), &|d: &Desk, _r: &ChatRef, lang: Lang| {
            let head = Inline::Strong(d.staff(lang, "staff-advisor-wrote", &[("ticket", &n), ("name", &name)]));
            (RichText { blocks: vec![Block::Paragraph(vec![head]), Block::Paragraph(vec![Inline::Text(text.clone())])] }, vec![])
        });
        Ok(())
    }

    /// A file from an advisor for the newcomer (posted in the ticket's thread or as a reply to it).
    pub fn media_from_advisor(&mut self, chat: &ChatRef, a: &AdvisorConfig, id: u64, media: &Media) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        let Some(mut t) = self.active(chat, lang, a, id)? else { return Ok(()) };
        if self.held_by_other(chat, lang, &t, a) || !self.take(chat, lang, &mut t, a) {
            return Ok(());
        }
        t.state = TicketState::Answered;
        self.entry(&t, Party::Advisor, Some(&a.name), &media_line(media));
        if let Some(f) = &media.stored {
            self.changes.push(Change::MediaFile { file: f.clone(), person: t.person.clone(), at: self.now });
        }
        self.save(&mut t);
        let header = self.says(t.lang, a);
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
        let Some(t) = self.visible(chat, lang, a, id)? else { return Ok(()) };
        let answer = match text.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => cap(s),
            // The last words an advisor wrote themselves (not a ready reply or a topic they sent).
            None => match self.store.entries(id)?.into_iter().rev().find(|e| e.party == Party::Advisor && !e.text.starts_with(CODE)) {
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

    /// `/tickets`: every ticket not closed, urgent first, with its latest note (a partner sees only
    /// the tickets handed to it).
    pub fn list(&mut self, chat: &ChatRef, a: &AdvisorConfig) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        let tickets: Vec<Ticket> = self.store.active_tickets()?.into_iter().filter(|t| !a.partner || t.partner.as_deref() == Some(a.name.as_str())).collect();
        if tickets.is_empty() {
            self.reply(chat, lang, "staff-list-empty", &[]);
            return Ok(());
        }
        let mut items: Vec<Vec<Inline>> = Vec::new();
        for t in &tickets {
            let state = match (&t.state, &t.advisor, &t.partner) {
                (_, _, Some(p)) => self.staff(lang, "staff-state-partner", &[("partner", p)]),
                (TicketState::Claimed, Some(n), _) => self.staff(lang, "staff-state-claimed", &[("name", n)]),
                (TicketState::Answered, Some(n), _) => self.staff(lang, "staff-state-answered", &[("name", n)]),
                _ => match &t.offered_to {
                    Some(n) => self.staff(lang, "staff-state-offered", &[("name", n)]),
                    None => self.staff(lang, "staff-state-open", &[]),
                },
            };
            let mut item = vec![Inline::Text(format!("{} · {state}", self.label(lang, t)))];
            if let Some(k) = &t.kept {
                item.push(Inline::LineBreak);
                item.push(Inline::Text(self.kept_line(lang, k)));
            }
            if let Some(n) = self.latest_note(t.id)? {
                item.push(Inline::LineBreak);
                item.push(Inline::Emphasis(self.note_line(lang, &n)));
            }
            items.push(item);
        }
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
        let id = if a.is_some_and(|a| a.partner) { "staff-help-partner" } else { "staff-help" };
        self.reply(chat, lang, id, &[]);
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
    pub(super) fn refresh_buttons(&mut self, t: &Ticket) -> Result<()> {
        let mut seen: Vec<ChatRef> = Vec::new();
        for (chat, message) in self.store.ticket_messages(t.id)? {
            // The first message of a ticket in a room is its post.
            if seen.contains(&chat) || !self.esc.is_staff_room(&chat) {
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

    /// Waiting notices, offers in turn, reminders and lapsed claims; idempotent, called every few
    /// seconds.
    pub fn tick(&mut self) -> Result<()> {
        let open_now = self.esc.is_open(self.now);
        for mut t in self.store.active_tickets()? {
            if t.state == TicketState::Claimed && t.partner.is_none() && self.esc.release_unanswered_secs > 0 && open_now {
                let held = self.esc.office_secs(t.claimed_at.unwrap_or(self.now), self.now);
                if held >= self.esc.release_unanswered_secs {
                    let name = t.advisor.clone().unwrap_or_default();
                    let minutes = (self.esc.release_unanswered_secs / 60).to_string();
                    self.back_to_queue(&mut t, "staff-lapsed", &[("name", &name), ("minutes", &minutes)])?;
                }
                continue;
            }
            if t.state != TicketState::Open {
                continue;
            }
            let waited = self.now - t.open_since;
            let mut changed = false;
            if waited >= self.esc.claim_within_secs && t.waiting_told_at.is_none() && t.relay {
                t.waiting_told_at = Some(self.now);
                changed = true;
                self.tell_waiting(&t);
            }
            let due = match t.reminded_at {
                None => waited >= self.esc.claim_within_secs,
                Some(r) => self.now - r >= self.esc.remind_every_secs,
            };
            if open_now && due {
                t.reminded_at = Some(self.now);
                changed = true;
                // The advisor it was offered to had their turn (in office time): the next one's turn.
                let offered_for = t.offered_at.map_or(i64::MAX, |at| self.esc.office_secs(at, self.now));
                if t.offered_to.is_none() || offered_for >= self.esc.claim_within_secs {
                    let previous = t.offered_to.clone();
                    self.offer(&mut t, previous.as_deref());
                }
                let mention = self.who_to_mention(&t);
                let note = self.latest_note(t.id)?;
                let t2 = t.clone();
                self.to_rooms(&t, Kind::Ticket, &|d: &Desk, room: &ChatRef, lang: Lang| {
                    let mut p = vec![Inline::Text(format!("{} ", d.staff(lang, "staff-reminder", &[("ticket", &d.label(lang, &t2))])))];
                    p.extend(d.mention_line(room, lang, &mention));
                    let mut text = RichText { blocks: vec![Block::Paragraph(p)] };
                    if let Some(n) = &note {
                        text.push(Block::Paragraph(vec![Inline::Emphasis(d.note_line(lang, n))]));
                    }
                    if let Some(k) = &t2.kept {
                        text.push(Block::Paragraph(vec![Inline::Text(d.kept_line(lang, k))]));
                    }
                    (text, d.staff_buttons(lang, &t2))
                });
            }
            if changed {
                self.save(&mut t);
            }
        }
        Ok(())
    }
}
