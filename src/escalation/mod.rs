//! Escalation to human advisors: tickets, routing by language, the two-way relay, office hours,
//! reminders and retention. Platform-neutral: rooms and accounts are `ChatRef`s and opaque ids.
//!
//! The engine calls into [`Desk`] with the current snapshot and time; the desk reads tickets from the
//! store and returns its effects as [`Change`]s (ticket updates, transcript lines, messages to send),
//! which the engine makes durable at once.

pub mod config;
pub mod desk;
pub mod staff;
pub mod ticket;
pub mod triggers;

pub use config::{AccountId, AdvisorConfig, AdvisorFile, Escalation, EscalationFile, RoomConfig};
pub use desk::{Desk, Recent};
pub use ticket::{Entry, Party, Reason, Ticket, TicketState};
pub use triggers::{Category, Hit, Kind as TriggerKind, Trigger, Triggers};
