//! Wegwijs: a multilingual chat bot that helps newcomers in Dutch municipalities find their way, and
//! hands the conversation to a human advisor when it cannot help.
//!
//! The core (language, knowledge, search, answer, conversation, store) knows nothing about any chat
//! platform; transports adapt it. See `ARCHITECTURE.md` for the map.

pub mod answer;
pub mod bot;
pub mod check;
pub mod conversation;
pub mod escalation;
pub mod eval;
pub mod gaps;
pub mod knowledge;
pub mod lang;
pub mod language;
pub mod locale;
pub mod message;
pub mod metrics;
pub mod reload;
pub mod report;
pub mod rich;
pub mod search;
pub mod semantic;
pub mod serve;
pub mod store;
pub mod transport;
pub mod usage;
