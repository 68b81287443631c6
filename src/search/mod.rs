//! Search: a tantivy index over the knowledge base, and a scorer that turns its candidates into a
//! calibrated ranking ("answer", "choose one of these", or "don't know").
//!
//! tantivy retrieves candidates with BM25 over language-specific fields (questions and title above
//! the body) and a language-neutral field for mixed-language messages, where an unknown word also looks
//! for the known words nearest to it (typos).
//! The scorer then gives each candidate topic a score in 0..1: how much of the message (weighted by
//! rarity) its best question and its whole text cover, so that one threshold means the same for every
//! message and language.

pub mod analyze;
mod index;
mod score;

pub use index::{asking_part, asking_sentences, fingerprint, sentences, SearchIndex};
pub use score::{fuse, Decision, LexicalSettings, Ranked, Scored, SearchParams};
