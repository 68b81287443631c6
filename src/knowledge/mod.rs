//! The knowledge base: topics with their translations, loaded from `knowledge/` and checked.
//!
//! This module reads and validates files; it does not search (see `search`) or compose answers
//! (see `answer`).

mod load;
mod problem;
pub mod stats;
pub mod synonyms;
pub mod translation;

pub use load::{load, LoadOptions, TopicList, SYNONYMS_DIR};
pub use problem::{Problem, Severity};

use crate::lang::Lang;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// A topic id as in the project's topic list: lower-case ASCII letters, digits and hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TopicId(Arc<str>);

impl TopicId {
    /// Accepts only well-formed ids (1 to 48 characters of `a-z`, `0-9`, `-`).
    pub fn parse(s: &str) -> Option<TopicId> {
        let ok = !s.is_empty()
            && s.len() <= 48
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-');
        ok.then(|| TopicId(Arc::from(s)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TopicId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for TopicId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Whether a translation was checked by a fluent reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Reviewed,
    Draft,
}

/// A calendar date (from TOML's `reviewed = 2026-11-20`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic without a date library.
    pub fn days_since_epoch(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Today's date in UTC.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days(secs.div_euclid(86_400))
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Date { year: (if m <= 2 { y + 1 } else { y }) as i32, month: m, day: d }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A link under an answer, with a label per language.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub url: String,
    pub labels: BTreeMap<Lang, String>,
    /// The language the page itself is written in, when the topic says.
    pub lang: Option<Lang>,
}

/// One fact check recorded in `topic.toml` (`[[checked]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub on: Date,
    pub page: String,
    pub facts: String,
}

/// Which answer a translation was made from: `source = "en:1a2b3c4d"` (language and a short hash of
/// that answer's body). Without the hash the version is unknown.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRef {
    pub lang: Lang,
    pub hash: Option<String>,
}

impl SourceRef {
    pub fn parse(s: &str) -> Option<SourceRef> {
        let (code, hash) = match s.split_once(':') {
            Some((c, h)) => (c, Some(h.trim())),
            None => (s, None),
        };
        let lang = code.trim().parse::<Lang>().ok()?;
        match hash {
            Some(h) if h.len() >= 6 && h.chars().all(|c| c.is_ascii_hexdigit()) => Some(SourceRef { lang, hash: Some(h.to_ascii_lowercase()) }),
            Some(_) => None,
            None => Some(SourceRef { lang, hash: None }),
        }
    }
}

/// The version of an answer that translations refer to: the first 8 hex digits of the BLAKE3 hash of
/// its body with whitespace runs collapsed (so re-wrapping lines does not make translations stale).
pub fn body_hash(body: &str) -> String {
    let normal: Vec<&str> = body.split_whitespace().collect();
    blake3::hash(normal.join(" ").as_bytes()).to_hex()[..8].to_string()
}

impl Link {
    /// The label in `lang`, else English, else Dutch, else the URL itself.
    pub fn label(&self, lang: Lang) -> &str {
        [lang, Lang::En, Lang::Nl]
            .iter()
            .find_map(|l| self.labels.get(l))
            .map(String::as_str)
            .unwrap_or(&self.url)
    }
}

/// One language file of a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    pub lang: Lang,
    pub title: String,
    pub questions: Vec<String>,
    pub keywords: Vec<String>,
    pub status: Status,
    /// The answer this translation was made from.
    pub source: Option<SourceRef>,
    /// The answer in Markdown; `None` for a question-only file.
    pub body: Option<String>,
    pub file: PathBuf,
}

/// A topic: metadata plus its translations.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    pub id: TopicId,
    /// The layer the topic comes from (`national`, `leiden`, ...).
    pub layer: String,
    pub dir: PathBuf,
    pub authority: String,
    pub domains: Vec<String>,
    pub related: Vec<TopicId>,
    pub reviewed: Date,
    pub review_every_days: u32,
    pub sources: Vec<String>,
    pub links: Vec<Link>,
    /// Topics about danger, violence or suicide.
    pub safeguarding: bool,
    /// The kind of danger this topic is about, when a message about it needs emergency numbers first.
    pub safeguarding_category: Option<crate::escalation::Category>,
    /// Fact checks: which page confirmed which facts, and when.
    pub checked: Vec<Check>,
    pub translations: BTreeMap<Lang, Translation>,
}

impl Topic {
    pub fn translation(&self, lang: Lang) -> Option<&Translation> {
        self.translations.get(&lang)
    }

    /// The title in `lang`, else along `fallback`, else any title.
    pub fn title(&self, lang: Lang, fallback: &[Lang]) -> &str {
        std::iter::once(lang)
            .chain(fallback.iter().copied())
            .find_map(|l| self.translations.get(&l))
            .or_else(|| self.translations.values().next())
            .map(|t| t.title.as_str())
            .unwrap_or(self.id.as_str())
    }

    /// Whether the topic is past its review date on `today`.
    pub fn is_stale(&self, today: Date) -> bool {
        today.days_since_epoch() - self.reviewed.days_since_epoch() > self.review_every_days as i64
    }
}

/// The topics a bot answers from, after layering.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    topics: Vec<Topic>,
    by_id: HashMap<TopicId, usize>,
    /// Everyday words for official terms, searched along with messages.
    pub synonyms: synonyms::Synonyms,
}

impl KnowledgeBase {
    pub fn new(mut topics: Vec<Topic>) -> Self {
        topics.sort_by(|a, b| a.id.cmp(&b.id));
        let by_id = topics.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect();
        KnowledgeBase { topics, by_id, synonyms: synonyms::Synonyms::default() }
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    pub fn get(&self, id: &TopicId) -> Option<&Topic> {
        self.by_id.get(id).map(|&i| &self.topics[i])
    }

    /// Looks a topic up by a string id (for text coming from outside).
    pub fn get_str(&self, id: &str) -> Option<&Topic> {
        TopicId::parse(id).and_then(|id| self.get(&id))
    }

    pub fn len(&self) -> usize {
        self.topics.len()
    }

    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_days() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2026, 11, 22), (2100, 12, 31)] {
            let date = Date { year: y, month: m, day: d };
            assert_eq!(Date::from_days(date.days_since_epoch()), date);
        }
        assert_eq!(Date { year: 1970, month: 1, day: 2 }.days_since_epoch(), 1);
    }

    #[test]
    fn topic_ids_are_checked() {
        assert!(TopicId::parse("register-address").is_some());
        for bad in ["", "Register", "a b", "../x", "-x", "é"] {
            assert!(TopicId::parse(bad).is_none(), "{bad}");
        }
    }
}
