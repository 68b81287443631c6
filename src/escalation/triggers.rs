//! Words that call for a person: asking for a human, or danger (violence at home, abuse of a child,
//! suicide, acute danger). The phrases are data: `locales/<lang>/triggers.toml`.
//!
//! ```toml
//! advisor = ["talk to a human", "real person"]
//! safeguarding = ["kill myself", "suicid*", "hits me"]
//! ```
//! A phrase matches a run of whole words in the message, after the same normalization as search
//! (case, diacritics, Arabic-script variants). A word ending in `*` matches any word starting with it.
//! Chinese phrases (no spaces between words) match anywhere in the text.

use crate::lang::Lang;
use crate::search::analyze::{fold, normalize};
use anyhow::{Context, Result};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Safeguarding,
    Advisor,
}

#[derive(Debug, Clone)]
struct Phrase {
    lang: Lang,
    /// Words; a trailing `*` means prefix.
    words: Vec<String>,
    /// Match as a substring of the text without spaces (scripts written without spaces).
    substring: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Triggers {
    advisor: Vec<Phrase>,
    safeguarding: Vec<Phrase>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    advisor: Vec<String>,
    #[serde(default)]
    safeguarding: Vec<String>,
}

fn words(text: &str, lang: Option<Lang>) -> Vec<String> {
    normalize(text, lang)
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '*' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| fold(w.trim_matches('\'')))
        .filter(|w| !w.is_empty())
        .collect()
}

impl Triggers {
    /// Reads `triggers.toml` of every language that has one; errors name file and line.
    pub fn load(locales_dir: &Path) -> Result<Triggers> {
        let mut t = Triggers::default();
        for lang in Lang::ALL {
            let path = locales_dir.join(lang.code()).join("triggers.toml");
            if !path.exists() {
                continue;
            }
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            let file: File = toml::from_str(&text).map_err(|e| {
                let line = e.span().map_or(1, |s| text[..s.start.min(text.len())].matches('\n').count() + 1);
                anyhow::anyhow!("{}:{}: {}", path.display(), line, e.message())
            })?;
            t.add(lang, &file.advisor, Trigger::Advisor);
            t.add(lang, &file.safeguarding, Trigger::Safeguarding);
        }
        Ok(t)
    }

    pub fn add(&mut self, lang: Lang, phrases: &[String], kind: Trigger) {
        let list = match kind {
            Trigger::Advisor => &mut self.advisor,
            Trigger::Safeguarding => &mut self.safeguarding,
        };
        for p in phrases {
            // The same normalization as messages get (their language is not known here).
            let w = words(p, None);
            if w.is_empty() {
                continue;
            }
            let substring = (lang == Lang::Zh).then(|| w.concat());
            list.push(Phrase { lang, words: w, substring });
        }
    }

    /// The strongest trigger in `text`, if any: danger before a request for a person.
    pub fn check(&self, text: &str) -> Option<Trigger> {
        let w = words(text, None);
        if w.is_empty() {
            return None;
        }
        let joined = w.concat();
        let hit = |list: &[Phrase]| list.iter().any(|p| p.matches(&w, &joined));
        if hit(&self.safeguarding) {
            Some(Trigger::Safeguarding)
        } else if hit(&self.advisor) {
            Some(Trigger::Advisor)
        } else {
            None
        }
    }

    /// Languages that have phrases of this kind (for tests and `kb check`).
    pub fn languages(&self, kind: Trigger) -> Vec<Lang> {
        let list = match kind {
            Trigger::Advisor => &self.advisor,
            Trigger::Safeguarding => &self.safeguarding,
        };
        let mut l: Vec<Lang> = list.iter().map(|p| p.lang).collect();
        l.sort();
        l.dedup();
        l
    }
}

impl Phrase {
    fn matches(&self, words: &[String], joined: &str) -> bool {
        if let Some(s) = &self.substring {
            return joined.contains(s.as_str());
        }
        let n = self.words.len();
        if n > words.len() {
            return false;
        }
        words.windows(n).any(|win| {
            win.iter().zip(&self.words).all(|(w, p)| match p.strip_suffix('*') {
                Some(prefix) => w.starts_with(prefix),
                None => w == p,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_prefixes_and_chinese() {
        let mut t = Triggers::default();
        t.add(Lang::En, &["talk to a human".into()], Trigger::Advisor);
        t.add(Lang::En, &["suicid*".into(), "hits me".into()], Trigger::Safeguarding);
        t.add(Lang::Zh, &["自杀".into()], Trigger::Safeguarding);
        t.add(Lang::Ar, &["أريد التحدث مع شخص".into()], Trigger::Advisor);
        assert_eq!(t.check("I want to TALK to a human, please"), Some(Trigger::Advisor));
        assert_eq!(t.check("i think about suicide"), Some(Trigger::Safeguarding));
        assert_eq!(t.check("my husband hits me and talk to a human"), Some(Trigger::Safeguarding));
        assert_eq!(t.check("我想自杀"), Some(Trigger::Safeguarding));
        assert_eq!(t.check("اريد التحدث مع شخص"), Some(Trigger::Advisor), "hamza variants are folded");
        assert_eq!(t.check("the humane society"), None);
        assert_eq!(t.check("white hits metal"), None);
        assert_eq!(t.check(""), None);
    }
}
