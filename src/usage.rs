//! Usage counted without identity: what the engine tallies per day (questions and their outcome,
//! tickets, safeguarding alerts), kept as daily aggregates for the report and mirrored in the live
//! metrics.
//!
//! A tally holds a day, a language, a topic id, what happened and a bucket, never a chat, a user or
//! a text: it is what makes a report for policy staff possible without a record of anyone.
//! Not its job: drawing the report (`report`), serving metrics (`metrics`).

use crate::escalation::{Entry, Party, Ticket, TicketState};
use crate::lang::Lang;

/// What happened, as stored in the `daily` table's `event` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    /// A question answered at once (topic: the answer's).
    Answered,
    /// A question answered with a choice of topics.
    Choice,
    /// A topic picked from a choice (topic: the one picked).
    Chose,
    /// A question the bot could not answer.
    DontKnow,
    /// "This helped" under an answer (topic).
    Helped,
    /// "This did not help" under an answer (topic).
    NotHelped,
    /// A ticket opened (bucket: the reason; topic: the last answer before it, if any).
    TicketOpened,
    /// An advisor claimed a ticket.
    TicketClaimed,
    /// A ticket closed.
    TicketClosed,
    /// An advisor's first words to the newcomer (bucket: how long after the ticket opened; value:
    /// seconds).
    FirstReply,
    /// Emergency numbers sent (bucket: the kind of danger).
    Safeguarding,
    /// A newcomer's answer to "Did this help you?" after a ticket closed (bucket and value: 0 no,
    /// 1 partly, 2 yes).
    Rating,
}

impl Event {
    pub const ALL: [Event; 12] = [
        Event::Answered,
        Event::Choice,
        Event::Chose,
        Event::DontKnow,
        Event::Helped,
        Event::NotHelped,
        Event::TicketOpened,
        Event::TicketClaimed,
        Event::TicketClosed,
        Event::FirstReply,
        Event::Safeguarding,
        Event::Rating,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Event::Answered => "answered",
            Event::Choice => "choice",
            Event::Chose => "chose",
            Event::DontKnow => "dont-know",
            Event::Helped => "helped",
            Event::NotHelped => "not-helped",
            Event::TicketOpened => "ticket-opened",
            Event::TicketClaimed => "ticket-claimed",
            Event::TicketClosed => "ticket-closed",
            Event::FirstReply => "first-reply",
            Event::Safeguarding => "safeguarding",
            Event::Rating => "rating",
        }
    }

    pub fn parse(s: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.as_str() == s)
    }

    /// Whether this is the outcome of a question (what the question latency is measured on).
    pub fn is_question(self) -> bool {
        matches!(self, Event::Answered | Event::Choice | Event::DontKnow)
    }
}

/// One count for the daily aggregates.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// The day in the bot's time zone, `YYYY-MM-DD`.
    pub day: String,
    pub lang: Option<Lang>,
    /// A topic id from the knowledge base (never free text).
    pub topic: Option<String>,
    pub event: Event,
    /// A fixed label from a short list (a reason, a kind of danger, a time bucket, a rating).
    pub bucket: &'static str,
    /// A number to sum (seconds to a first reply, a rating); 0 otherwise.
    pub value: i64,
}

impl Tally {
    pub fn new(day: &str, lang: Option<Lang>, topic: Option<&str>, event: Event) -> Tally {
        Tally { day: day.to_string(), lang, topic: topic.map(String::from), event, bucket: "", value: 0 }
    }

    pub fn with_bucket(mut self, bucket: &'static str) -> Tally {
        self.bucket = bucket;
        self
    }
}

/// Time-to-first-reply buckets: upper bounds in seconds and their labels.
pub const REPLY_BUCKETS: [(i64, &str); 7] =
    [(300, "5m"), (900, "15m"), (3600, "1h"), (4 * 3600, "4h"), (24 * 3600, "1d"), (3 * 24 * 3600, "3d"), (i64::MAX, "more")];

/// The bucket label for a time to first reply.
pub fn reply_bucket(secs: i64) -> &'static str {
    REPLY_BUCKETS.iter().find(|(max, _)| secs <= *max).map_or("more", |(_, l)| l)
}

/// Bucket labels for ratings: 0 did not help, 1 helped partly, 2 helped.
pub const RATINGS: [&str; 3] = ["0", "1", "2"];

/// What changed about one ticket in one step, seen from its state before and after.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketNews {
    pub opened: bool,
    pub claimed: bool,
    pub closed: bool,
    /// Seconds from opening to the advisor's first words, when they came in this step.
    pub first_reply: Option<i64>,
}

/// Compares a ticket before and after a step (`before` is `None` for a new ticket).
pub fn ticket_news(before: Option<&Ticket>, after: &Ticket, now: i64) -> TicketNews {
    let state = before.map(|t| t.state);
    let held = |s: TicketState| matches!(s, TicketState::Claimed | TicketState::Answered);
    TicketNews {
        opened: before.is_none(),
        claimed: held(after.state) && !state.is_some_and(held),
        closed: after.state == TicketState::Closed && state != Some(TicketState::Closed),
        first_reply: (after.state == TicketState::Answered && state != Some(TicketState::Answered)).then(|| (now - after.created_at).max(0)),
    }
}

/// The topic the bot answered last in a new ticket's transcript lines (`answered:<id>`), if any.
pub fn last_answered<'a>(entries: impl Iterator<Item = &'a Entry>) -> Option<String> {
    entries.filter(|e| e.party == Party::Bot).filter_map(|e| e.text.strip_prefix("answered:")).last().map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::escalation::Reason;
    use crate::message::ChatRef;

    fn ticket(state: TicketState) -> Ticket {
        Ticket {
            id: 1,
            person: ChatRef::new("test", "c"),
            lang: Lang::Ar,
            reason: Reason::Asked,
            urgent: false,
            state,
            advisor: None,
            question: String::new(),
            offered: vec![],
            relay: true,
            created_at: 1_000,
            updated_at: 1_000,
            claimed_at: None,
            closed_at: None,
            reminded_at: None,
            waiting_told_at: None,
            open_since: 1_000,
            offered_to: None,
            offered_at: None,
            partner: None,
            rated: false,
            kept: None,
        }
    }

    #[test]
    fn ticket_steps_are_recognised() {
        let open = ticket(TicketState::Open);
        assert_eq!(ticket_news(None, &open, 1_000), TicketNews { opened: true, ..Default::default() });
        let answered = ticket(TicketState::Answered);
        // Answering an unclaimed ticket claims it and is the first reply.
        assert_eq!(ticket_news(Some(&open), &answered, 1_600), TicketNews { claimed: true, first_reply: Some(600), ..Default::default() });
        assert_eq!(ticket_news(Some(&answered), &answered, 2_000), TicketNews::default());
        let closed = ticket(TicketState::Closed);
        assert_eq!(ticket_news(Some(&answered), &closed, 2_000), TicketNews { closed: true, ..Default::default() });
    }

    #[test]
    fn reply_times_fall_into_buckets() {
        assert_eq!(reply_bucket(0), "5m");
        assert_eq!(reply_bucket(301), "15m");
        assert_eq!(reply_bucket(2 * 86_400), "3d");
        assert_eq!(reply_bucket(10 * 86_400), "more");
        for e in Event::ALL {
            assert_eq!(Event::parse(e.as_str()), Some(e));
        }
    }
}
