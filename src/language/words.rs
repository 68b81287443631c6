//! Word frequencies per language (from `words/<lang>.txt`, see its README): exact words are the
//! strongest evidence on short texts, and the lists also train the character model.

use crate::lang::Lang;

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
pub const UNKNOWN_LOG_PROB: f32 = (1.5 - 9.0) * std::f32::consts::LN_10;

/// Natural-log word probabilities per language, keyed by a hash of the lower-case word.
#[derive(Clone)]
pub struct WordModel {
    words: Vec<super::model::KeyMap<f32>>,
}

impl Default for WordModel {
    fn default() -> Self {
        WordModel { words: vec![Default::default(); Lang::ALL.len()] }
    }
}

fn word_key(word: &str) -> u64 {
    let chars: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    super::model::key(&chars)
}

impl WordModel {
    /// Adds a word with its Zipf frequency (log10 of occurrences per billion words).
    pub fn add(&mut self, lang: Lang, word: &str, zipf: f32) {
        let lp = (zipf - 9.0) * std::f32::consts::LN_10;
        let e = self.words[lang.index()].entry(word_key(word)).or_insert(lp);
        *e = e.max(lp);
    }

    pub fn has(&self, lang: Lang) -> bool {
        !self.words[lang.index()].is_empty()
    }

    /// Log probability of a word in the first layer that has a list for `lang`; `None` without one.
    pub fn log_prob(layers: &[&WordModel], lang: Lang, word: &str) -> Option<f32> {
        let k = word_key(word);
        let mut any = false;
        let mut best: Option<f32> = None;
        for m in layers {
            let map = &m.words[lang.index()];
            if !map.is_empty() {
                any = true;
                if let Some(p) = map.get(&k) {
                    best = Some(best.map_or(*p, |b: f32| b.max(*p)));
                }
            }
        }
        any.then(|| best.unwrap_or(UNKNOWN_LOG_PROB))
    }
}
