//! What advisors record on a ticket for each other: internal notes (`/note 42 text`, or `!text` in a
//! ticket's thread), never relayed to the newcomer, and `/keep 42 reason` for a safeguarding ticket
//! that must be kept longer than usual.

use super::config::AdvisorConfig;
use super::desk::{cap, Desk};
use super::ticket::{Entry, Kept, Party, Reason, Ticket};
use crate::lang::Lang;
use crate::message::{Block, ChatRef, Inline, Kind, Outgoing, RichText};
use anyhow::Result;

/// Longest reason for keeping a ticket.
const MAX_REASON: usize = 300;

impl Desk<'_> {
    /// A staff reply in `chat`, threaded under ticket `ticket` when `chat` is a room.
    pub(super) fn reply_on(&mut self, chat: &ChatRef, lang: Lang, ticket: u64, id: &str, args: &[(&str, &str)]) {
        let mut o = Outgoing::new(chat.clone(), Kind::Info, lang, RichText::paragraph(self.staff(lang, id, args)), vec![]);
        if self.esc.is_staff_room(chat) {
            o.ticket = Some(ticket);
        }
        self.push(o);
    }

    /// An internal note on a ticket: stays in the rooms, is shown to the next advisor, and is deleted
    /// with the ticket.
    pub fn note(&mut self, chat: &ChatRef, a: &AdvisorConfig, id: u64, text: &str) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        let Some(t) = self.visible(chat, lang, a, id)? else { return Ok(()) };
        let text = cap(text.trim());
        if text.is_empty() {
            self.help(chat, Some(a));
            return Ok(());
        }
        self.entry(&t, Party::Note, Some(&a.name), &text);
        let (n, name) = (id.to_string(), a.name.clone());
        self.to_rooms_except(&t, Kind::Ticket, Some(chat), &|d: &Desk, _r: &ChatRef, lang: Lang| {
            let head = Inline::Strong(d.staff(lang, "staff-note-by", &[("ticket", &n), ("name", &name)]));
            (RichText { blocks: vec![Block::Paragraph(vec![head]), Block::Paragraph(vec![Inline::Emphasis(text.clone())])] }, vec![])
        });
        self.reply_on(chat, lang, id, "staff-note-saved", &[("ticket", &id.to_string())]);
        Ok(())
    }

    /// The newest note on a ticket.
    pub(super) fn latest_note(&self, ticket: u64) -> Result<Option<Entry>> {
        Ok(self.entries_now(ticket)?.into_iter().rev().find(|e| e.party == Party::Note))
    }

    /// "Fatima El Amrani (2 h ago): called the landlord"
    pub(super) fn note_line(&self, lang: Lang, e: &Entry) -> String {
        self.staff(lang, "staff-note-line", &[("name", e.name.as_deref().unwrap_or("")), ("age", &self.age(lang, e.at)), ("text", &e.text)])
    }

    /// Notes on a ticket's post, under a heading that says the person does not see them.
    pub(super) fn notes_blocks(&self, lang: Lang, notes: &[Entry]) -> Vec<Block> {
        if notes.is_empty() {
            return Vec::new();
        }
        vec![
            Block::Paragraph(vec![Inline::Strong(self.staff(lang, "staff-notes", &[]))]),
            Block::List(notes.iter().map(|e| vec![Inline::Emphasis(self.note_line(lang, e))]).collect()),
        ]
    }

    /// `/keep 42 reason`: a safeguarding ticket is kept for `keep_days.kept` days after closing
    /// instead of its usual period; who, when and why are recorded and shown on the ticket.
    pub fn keep(&mut self, chat: &ChatRef, a: &AdvisorConfig, id: u64, reason: &str) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        if a.partner {
            self.reply(chat, lang, "staff-partner-cannot", &[]);
            return Ok(());
        }
        let reason: String = cap(reason.trim()).chars().take(MAX_REASON).collect();
        if reason.is_empty() {
            self.reply(chat, lang, "staff-keep-usage", &[("ticket", &id.to_string())]);
            return Ok(());
        }
        let Some(mut t) = self.visible(chat, lang, a, id)? else { return Ok(()) };
        if t.reason != Reason::Safeguarding && !t.urgent {
            self.reply(chat, lang, "staff-keep-not-safeguarding", &[("ticket", &id.to_string())]);
            return Ok(());
        }
        t.kept = Some(Kept { by: a.name.clone(), at: self.now, reason });
        self.save(&mut t);
        let days = self.esc.keep_days.kept.to_string();
        let t2 = t.clone();
        self.to_rooms(&t, Kind::Ticket, &|d: &Desk, _r: &ChatRef, lang: Lang| {
            let k = t2.kept.as_ref().expect("just set");
            let line = d.staff(lang, "staff-kept", &[("ticket", &t2.id.to_string()), ("name", &k.by), ("days", &days), ("reason", &k.reason)]);
            (RichText::paragraph(line), vec![])
        });
        Ok(())
    }

    /// "Kept longer by Fatima on 2026-11-23: reason"
    pub(super) fn kept_line(&self, lang: Lang, k: &Kept) -> String {
        let date = self.esc.local(k.at).date().to_string();
        self.staff(lang, "staff-kept-line", &[("name", &k.by), ("date", &date), ("reason", &k.reason)])
    }

    pub(super) fn kept_block(&self, lang: Lang, t: &Ticket) -> Option<Block> {
        t.kept.as_ref().map(|k| Block::Paragraph(vec![Inline::Strong(self.kept_line(lang, k))]))
    }
}
