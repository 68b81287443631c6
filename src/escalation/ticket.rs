//! Tickets: a newcomer's request for a person, and what was said.

use crate::lang::Lang;
use crate::message::ChatRef;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketState {
    /// Waiting for an advisor.
    Open,
    /// An advisor took it and has not answered yet.
    Claimed,
    /// The advisor has written to the newcomer at least once.
    Answered,
    Closed,
}

impl TicketState {
    pub fn as_str(self) -> &'static str {
        match self {
            TicketState::Open => "open",
            TicketState::Claimed => "claimed",
            TicketState::Answered => "answered",
            TicketState::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> TicketState {
        match s {
            "claimed" => TicketState::Claimed,
            "answered" => TicketState::Answered,
            "closed" => TicketState::Closed,
            _ => TicketState::Open,
        }
    }
}

/// Why the ticket was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The person asked for a person.
    Asked,
    /// The bot could not answer several times in a row.
    Misses,
    /// Words about danger: urgent.
    Safeguarding,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Asked => "asked",
            Reason::Misses => "misses",
            Reason::Safeguarding => "safeguarding",
        }
    }

    pub fn parse(s: &str) -> Reason {
        match s {
            "misses" => Reason::Misses,
            "safeguarding" => Reason::Safeguarding,
            _ => Reason::Asked,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ticket {
    pub id: u64,
    /// The newcomer's chat: used to deliver advisors' words, never shown to advisors.
    pub person: ChatRef,
    pub lang: Lang,
    pub reason: Reason,
    pub urgent: bool,
    pub state: TicketState,
    /// The advisor's configured name, while claimed or answered (and after closing).
    pub advisor: Option<String>,
    pub question: String,
    /// Topic ids the bot offered before the ticket.
    pub offered: Vec<String>,
    /// Whether the newcomer's messages go to the advisor (false after "back to the bot").
    pub relay: bool,
    pub created_at: i64,
    pub updated_at: i64,
    pub claimed_at: Option<i64>,
    pub closed_at: Option<i64>,
    /// The last reminder in the advisors' room.
    pub reminded_at: Option<i64>,
    /// When the newcomer was told how long the wait will be.
    pub waiting_told_at: Option<i64>,
    /// Since when it waits in the queue (opened, released or reopened last).
    pub open_since: i64,
    /// The advisor it is offered to now (in turn), and since when.
    pub offered_to: Option<String>,
    pub offered_at: Option<i64>,
    /// The partner organisation helping now, if it was handed to one.
    pub partner: Option<String>,
    /// Whether the newcomer rated the conversation (only once per closing).
    pub rated: bool,
    /// An advisor's decision to keep the ticket longer after closing (`/keep`).
    pub kept: Option<Kept>,
}

/// Who decided to keep a ticket longer, when and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub by: String,
    pub at: i64,
    pub reason: String,
}

impl Ticket {
    pub fn is_active(&self) -> bool {
        self.state != TicketState::Closed
    }

    /// Whether it waits for an advisor to claim it.
    pub fn is_waiting(&self) -> bool {
        self.state == TicketState::Open
    }
}

/// Who said something in a ticket's transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Person,
    Bot,
    Advisor,
    /// An internal note by an advisor (`/note`, or `!` in a ticket's thread): never relayed.
    Note,
}

impl Party {
    pub fn as_str(self) -> &'static str {
        match self {
            Party::Person => "person",
            Party::Bot => "bot",
            Party::Advisor => "advisor",
            Party::Note => "note",
        }
    }

    pub fn parse(s: &str) -> Party {
        match s {
            "bot" => Party::Bot,
            "advisor" => Party::Advisor,
            "note" => Party::Note,
            _ => Party::Person,
        }
    }
}

/// One line of a transcript.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub at: i64,
    pub party: Party,
    /// The advisor's name for advisor lines.
    pub name: Option<String>,
    pub text: String,
}
