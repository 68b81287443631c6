//! Word frequencies per language (from `words/<lang>.txt`, see its README): exact words are the
//! strongest evidence on short texts, and the lists also train the character model.

use crate::lang::Lang;
use std::collections::HashMap;

macro_rules! list {
    ($($l:ident => $f:literal),* $(,)?) => {
        &[$((Lang::$l, include_str!(concat!("words/", $f, ".txt")))),*]
    };
}

/// The embedded lists: (language, "word zipf×100" lines).
pub const LISTS: &[(Lang, &str)] = list!(
    Nl => "nl", En => "en", Ar => "ar", Tr => "tr", Pl => "pl", Uk => "uk", Ru => "ru", Fa => "fa",
    Es => "es", Fr => "fr", De => "de", Pt => "pt", Ro => "ro", It => "it",
);

/// Parses a list into (word, Zipf frequency).
pub fn entries(text: &str) -> impl Iterator<Item = (&str, f32)> {
    text.lines().filter_map(|l| {
        let (w, z) = l.rsplit_once(' ')?;
        Some((w, z.parse::<f32>().ok()? / 100.0))
    })
}

/// Log probability of a word a language's list does not have: the same for every language, so that
/// a short list (a language with little text) does not attract unknown words.
const UNKNOWN_LOG_PROB: f32 = (1.5 - 9.0) * std::f32::consts::LN_10;

/// Natural-log word probabilities per language.
#[derive(Default, Clone)]
pub struct WordModel {
    words: HashMap<Lang, HashMap<String, f32>>,
}

impl WordModel {
    /// Adds a word with its Zipf frequency (log10 of occurrences per billion words).
    pub fn add(&mut self, lang: Lang, word: &str, zipf: f32) {
        let lp = (zipf - 9.0) * std::f32::consts::LN_10;
        let e = self.words.entry(lang).or_default().entry(word.to_lowercase()).or_insert(lp);
        *e = e.max(lp);
    }

    pub fn has(&self, lang: Lang) -> bool {
        self.words.contains_key(&lang)
    }

    /// Log probability of a (lower-case) word; `None` when the language has no word list.
    pub fn log_prob(&self, lang: Lang, word: &str) -> Option<f32> {
        let words = self.words.get(&lang)?;
        Some(words.get(word).copied().unwrap_or(UNKNOWN_LOG_PROB))
    }

    pub fn contains(&self, lang: Lang, word: &str) -> bool {
        self.words.get(&lang).is_some_and(|w| w.contains_key(word))
    }
}
