//! Escalation to human advisors: tickets, routing by language, the two-way relay, office hours,
//! reminders and retention. Platform-neutral: rooms and accounts are `ChatRef`s and opaque ids.
//!
//! The engine calls into [`Desk`] with the current snapshot and time; the desk reads tickets from the
//! store and returns its effects as [`Change`]s (ticket updates, transcript lines, messages to send),
//! which the engine makes durable at once.
//!
//! [`Change`]: crate::store::Change

pub mod assign;
pub mod config;
pub mod desk;
pub mod notes;
pub mod partners;
pub mod queue;
pub mod rating;
pub mod replies;
pub mod staff;
pub mod ticket;
pub mod triggers;

pub use config::{AccountId, AdvisorConfig, AdvisorFile, Escalation, EscalationFile, KeepDays, PartnerConfig, RoomConfig};
pub use desk::{Desk, Recent};
pub use queue::{availability_now, Availability, WaitRange};
pub use ticket::{Entry, Kept, Party, Reason, Ticket, TicketState};
pub use triggers::{Category, Hit, Kind as TriggerKind, Trigger, Triggers};
