//! Transports: thin adapters between a platform and the engine. They turn platform events into
//! [`crate::message::Incoming`] and render [`crate::message::Outgoing`]; no business rule lives here.

pub mod console;
pub mod memory;
pub mod telegram;
pub mod matrix;
pub mod web;
