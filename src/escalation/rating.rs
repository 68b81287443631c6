//! "Did this help you?" after a conversation with a person. Only the rating, the language, the
//! topic and the day are stored: no ticket, no person.

use super::desk::{Desk, CODE};
use super::ticket::{Party, Ticket, TicketState};
use crate::lang::Lang;
use crate::message::{Action, Button, ChatRef, Kind, Outgoing, RichText};
use crate::store::{Change, Rating};
use anyhow::Result;

impl Desk<'_> {
    /// Asks the newcomer of a ticket that just closed how much it helped: three buttons (numbered
    /// options where the platform has no buttons).
    /// Only after a conversation with a person: a ticket closed before any advisor (or partner)
    /// wrote to the newcomer asks nothing.
    pub(super) fn ask_rating(&mut self, t: &Ticket) {
        let advisor_wrote = |entries: &[super::ticket::Entry]| entries.iter().any(|e| e.party == Party::Advisor);
        let pending = self.changes.iter().any(|c| matches!(c, crate::store::Change::Entry { ticket, entry } if *ticket == t.id && entry.party == Party::Advisor));
        if !pending && !self.store.entries(t.id).map(|es| advisor_wrote(&es)).unwrap_or(true) {
            return;
        }
        let b = |id: &str, score| Button { label: self.locales.msg(t.lang, id, &[]), action: Action::Rate { ticket: t.id, score } };
        let buttons = vec![vec![b("rating-yes", 2), b("rating-partly", 1), b("rating-no", 0)]];
        self.to_person(t, Kind::Info, "rating-question", &[], buttons);
    }

    /// The topic a conversation was about: what the bot offered or answered before it, or else the
    /// first answer an advisor sent from the knowledge base.
    fn rating_topic(&self, t: &Ticket) -> Option<String> {
        if let Some(first) = t.offered.first() {
            return Some(first.clone());
        }
        let entries = self.store.entries(t.id).ok()?;
        let bot = entries.iter().filter(|e| e.party == Party::Bot).find_map(|e| e.text.strip_prefix("answered:").map(String::from));
        bot.or_else(|| {
            entries
                .iter()
                .filter(|e| e.party == Party::Advisor)
                .find_map(|e| e.text.strip_prefix(CODE).and_then(|c| c.strip_prefix("sent:")).map(String::from))
        })
    }

    /// A rating button: stored once per closing, for the ticket's own newcomer only; everyone is
    /// thanked the same way, so a crafted button learns nothing.
    pub fn rate(&mut self, person: &ChatRef, ui_lang: Lang, ticket: u64, score: u8) -> Result<()> {
        let lang = match self.store.ticket(ticket)? {
            Some(mut t) if t.person == *person && t.state == TicketState::Closed && !t.rated => {
                t.rated = true;
                self.save(&mut t);
                let day = self.esc.local(self.now).date().to_string();
                let topic = self.rating_topic(&t);
                let rating = score.min(2);
                // The report's aggregate: the same three answers, by day, language and topic.
                let tally = crate::usage::Tally::new(&day, Some(t.lang), topic.as_deref(), crate::usage::Event::Rating)
                    .with_bucket(crate::usage::RATINGS[rating as usize]);
                self.changes.push(Change::Tally(crate::usage::Tally { value: i64::from(rating), ..tally }));
                self.changes.push(Change::Rating(Rating { day, lang: t.lang, topic, rating }));
                t.lang
            }
            Some(t) if t.person == *person => t.lang,
            _ => ui_lang,
        };
        let o = Outgoing::new(person.clone(), Kind::Info, lang, RichText::paragraph(self.locales.msg(lang, "rating-thanks", &[])), vec![]);
        self.push(o);
        Ok(())
    }
}
