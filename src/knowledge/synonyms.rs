//! Everyday words for official things: `knowledge/synonyms/<lang>.toml`. When a message contains a
//! phrase on the left, the words on the right are searched too ("housing benefit" → "huurtoeslag",
//! "family doctor" → "huisarts"). Editors extend these files; `kb check` reports file:line problems.
//!
//! ```toml
//! "housing benefit" = "huurtoeslag"
//! "family doctor" = "huisarts"
//! ```
//! Phrases match whole words in order after the same normalization as search (case, accents);
//! a word ending in `*` matches any word that starts with it ("rent subsid*").

use super::Problem;
use crate::lang::Lang;
use crate::search::analyze::plain_words;
use std::path::Path;

/// One entry: the phrase (words, a trailing `*` is a prefix) and the words it adds.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    words: Vec<String>,
    adds: String,
    /// Chinese (written without spaces): the phrase as characters, matched anywhere in the text.
    han: Option<String>,
}

/// Every language's synonyms; the phrases of all languages apply to every message, because people
/// mix languages ("how does huurtoeslag work").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Synonyms {
    entries: Vec<Entry>,
}

impl Synonyms {
    /// Reads `dir/<lang>.toml` for every language that has one.
    pub fn load(dir: &Path, problems: &mut Vec<Problem>) -> Synonyms {
        let mut out = Synonyms::default();
        if !dir.is_dir() {
            return out;
        }
        if let Ok(rd) = std::fs::read_dir(dir) {
            let mut files: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
            files.sort();
            for f in files {
                let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let Some(code) = name.strip_suffix(".toml") else {
                    if !name.starts_with('.') && name != "README.md" {
                        problems.push(Problem::warning(&f, 1, "ignored: synonym files are <lang>.toml"));
                    }
                    continue;
                };
                if code.parse::<Lang>().is_err() {
                    problems.push(Problem::error(&f, 1, format!("'{code}' is not a language code")));
                    continue;
                }
                out.read_file(&f, problems);
            }
        }
        out
    }

    fn read_file(&mut self, file: &Path, problems: &mut Vec<Problem>) {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                problems.push(Problem::error(file, 1, format!("cannot read: {e}")));
                return;
            }
        };
        let table: toml::Table = match text.parse() {
            Ok(t) => t,
            Err(e) => {
                let line = e.span().map_or(1, |s| text[..s.start.min(text.len())].matches('\n').count() + 1);
                problems.push(Problem::error(file, line, format!("invalid TOML: {}", e.message().lines().next().unwrap_or(""))));
                return;
            }
        };
        let line_of = |key: &str| text.lines().position(|l| l.contains(key)).map_or(1, |i| i + 1);
        for (phrase, value) in &table {
            let adds = match value {
                toml::Value::String(s) if !s.trim().is_empty() => s.trim().to_string(),
                toml::Value::Array(a) if a.iter().all(|v| v.as_str().is_some_and(|s| !s.trim().is_empty())) && !a.is_empty() => {
                    a.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(" ")
                }
                _ => {
                    problems.push(Problem::error(file, line_of(phrase), format!("\"{phrase}\" must map to the words it stands for, e.g. \"{phrase}\" = \"huurtoeslag\"")));
                    continue;
                }
            };
            let words = phrase_words(phrase);
            if words.is_empty() {
                problems.push(Problem::error(file, line_of(phrase), format!("\"{phrase}\" has no words")));
                continue;
            }
            let han = han_form(phrase);
            self.entries.push(Entry { words, adds, han });
        }
    }

    /// Adds one entry (tests, tools).
    pub fn add(&mut self, phrase: &str, adds: &str) {
        let words = phrase_words(phrase);
        if !words.is_empty() {
            self.entries.push(Entry { words, adds: adds.to_string(), han: han_form(phrase) });
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The words to search besides `text`: the right-hand sides of every phrase it contains
    /// (each once), or an empty string.
    pub fn expand(&self, text: &str) -> String {
        if self.entries.is_empty() {
            return String::new();
        }
        let words = plain_words(text);
        let joined: String = words.concat();
        let mut adds: Vec<&str> = Vec::new();
        for e in &self.entries {
            if adds.contains(&e.adds.as_str()) {
                continue;
            }
            if let Some(h) = &e.han {
                if joined.contains(h.as_str()) {
                    adds.push(&e.adds);
                }
                continue;
            }
            let n = e.words.len();
            if n > words.len() {
                continue;
            }
            let hit = words.windows(n).any(|w| {
                w.iter().zip(&e.words).all(|(m, p)| match p.strip_suffix('*') {
                    Some(prefix) => m.starts_with(prefix),
                    None => m == p,
                })
            });
            if hit {
                adds.push(&e.adds);
            }
        }
        adds.join(" ")
    }
}

/// A phrase written in Chinese characters, without spaces and a trailing `*`.
fn han_form(phrase: &str) -> Option<String> {
    let is_han = |c: char| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF);
    phrase.chars().any(is_han).then(|| plain_words(phrase.trim_end_matches('*')).concat())
}

fn phrase_words(phrase: &str) -> Vec<String> {
    let star = phrase.trim_end().ends_with('*');
    let mut w = plain_words(phrase.trim_end().trim_end_matches('*'));
    if star && let Some(last) = w.last_mut() {
        last.push('*');
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_expand_to_official_terms() {
        let mut s = Synonyms::default();
        s.add("housing benefit", "huurtoeslag");
        s.add("family doctor", "huisarts");
        s.add("rent subsid*", "huurtoeslag");
        assert_eq!(s.expand("How do I get Housing Benefit?"), "huurtoeslag");
        assert_eq!(s.expand("rent subsidies and a family doctor"), "huisarts huurtoeslag");
        assert_eq!(s.expand("benefit housing"), "");
        assert_eq!(s.expand(""), "");
        s.add("房租补贴", "huurtoeslag");
        assert_eq!(s.expand("我想申请房租补贴"), "huurtoeslag", "Chinese phrases match inside a run of characters");
    }
}
