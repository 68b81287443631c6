//! Language identification: which of the 17 languages a message is written in, with a confidence and
//! the evidence used, so the choice can be tested and explained.
//!
//! Order of work: the script first (Ge'ez is Tigrinya, Han is Chinese; letters that only Persian or
//! only Arabic, only Ukrainian or only Russian use decide within a script), then a character n-gram
//! model trained on the project's own texts (knowledge base and locales), with whatlang (limited to
//! the same languages) as a second opinion for Latin-script text. Very short texts are marked
//! unreliable, so that the conversation's language decides.

mod corpus;
mod model;
mod translit;
mod words;

pub use model::NgramModel;
pub use translit::to_cyrillic;
pub use words::WordModel;

use crate::lang::{Lang, Script};

/// How a language was chosen for a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// Letters that only this language uses (or the only language of the script).
    Script,
    /// The character n-gram model, possibly confirmed by whatlang.
    Model,
    /// Nothing to go on (no letters).
    None,
}

/// The result of detecting one text.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Detection {
    /// Best guess, if any letters were seen.
    pub lang: Option<Lang>,
    /// 0..1.
    pub confidence: f32,
    /// Whether the guess is good enough to switch the conversation's language.
    pub reliable: bool,
    pub method: Method,
    /// The best candidates with their probabilities, best first (at most 3).
    pub candidates: Vec<(Lang, f32)>,
    /// Words of two or more letters in the text.
    pub words: usize,
}

impl Detection {
    fn none() -> Self {
        Detection { lang: None, confidence: 0.0, reliable: false, method: Method::None, candidates: Vec::new(), words: 0 }
    }

    fn certain(lang: Lang) -> Self {
        Detection { lang: Some(lang), confidence: 1.0, reliable: true, method: Method::Script, candidates: vec![(lang, 1.0)], words: 0 }
    }
}

/// Letters per script in a text, and tell-tale letters within scripts.
#[derive(Default, Debug)]
struct ScriptCounts {
    latin: usize,
    arabic: usize,
    cyrillic: usize,
    ethiopic: usize,
    han: usize,
    persian_only: usize,
    arabic_only: usize,
    ukrainian_only: usize,
    russian_only: usize,
    other: usize,
}

fn count_scripts(text: &str) -> ScriptCounts {
    let mut c = ScriptCounts::default();
    for ch in text.chars() {
        if !ch.is_alphabetic() {
            continue;
        }
        match ch as u32 {
            0x0041..=0x024F | 0x1E00..=0x1EFF => c.latin += 1,
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                c.arabic += 1;
                match ch {
                    'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => c.persian_only += 1,
                    'ة' | 'ي' | 'ك' | 'ى' | 'ؤ' | 'ئ' | 'إ' => c.arabic_only += 1,
                    _ => {}
                }
            }
            0x0400..=0x04FF => {
                c.cyrillic += 1;
                match ch {
                    'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => c.ukrainian_only += 1,
                    'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => c.russian_only += 1,
                    _ => {}
                }
            }
            0x1200..=0x139F | 0x2D80..=0x2DDF | 0xAB00..=0xAB2F => c.ethiopic += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => c.han += 1,
            _ => c.other += 1,
        }
    }
    c
}

/// The embedded base: word lists and the character statistics drawn from them. Built once per
/// process (it does not change when the knowledge base does).
struct Base {
    chars: NgramModel,
    words: WordModel,
    /// Russian and Ukrainian in Latin letters (`translit.rs`), apart from the Cyrillic statistics so
    /// that those stay as they are.
    latin_chars: NgramModel,
    latin_words: WordModel,
}

fn base() -> &'static Base {
    static BASE: std::sync::OnceLock<Base> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let mut chars = NgramModel::default();
        let mut words = WordModel::default();
        let (mut latin_chars, mut latin_words) = (NgramModel::default(), WordModel::default());
        for (lang, text) in words::LISTS {
            let latin = lang.script() == crate::lang::Script::Latin;
            for (w, zipf) in words::entries(text) {
                words.add(*lang, w, zipf);
                if latin && !w.is_ascii() {
                    // How the word arrives when accents are typed without (creación → creacion) or
                    // lost on the way (creación → creacin): a little less likely than the real form.
                    let folded = crate::search::analyze::fold(w);
                    if folded != w {
                        words.add(*lang, &folded, zipf - 1.5);
                    }
                    let stripped: String = w.chars().filter(char::is_ascii).collect();
                    if stripped.chars().count() >= 3 && stripped != folded {
                        words.add(*lang, &stripped, zipf - 2.0);
                    }
                }
                // As if counted in a corpus of ten million words.
                let count = 10f32.powf(zipf - 2.0).round().max(1.0) as u32;
                chars.add_weighted(*lang, w, count);
                // Typed in Latin letters: less likely than the language's own script, and the English
                // spelling more common than the one with j.
                for (scheme, less) in [(translit::Scheme::English, TRANSLIT_LESS), (translit::Scheme::J, TRANSLIT_LESS + 0.3)] {
                    if let Some(l) = translit::latin(*lang, w, scheme) {
                        latin_words.add(*lang, &l, zipf - less);
                        let count = 10f32.powf(zipf - less - 2.0).round().max(1.0) as u32;
                        latin_chars.add_weighted(*lang, &l, count);
                    }
                }
            }
        }
        for (lang, text) in corpus::TEXTS {
            for line in text.lines() {
                chars.add_weighted(*lang, line, 3);
            }
        }
        Base { chars: chars.finish(), words, latin_chars: latin_chars.finish(), latin_words }
    })
}

/// How common a word is in everyday language (Zipf frequency: 7 for "the", 3 for rare words), from
/// the embedded word lists; `None` when the word or the language's list is missing. Search uses it to
/// give little weight to words that say little ("how", "the", "ik").
pub fn word_zipf(lang: Lang, word: &str) -> Option<f32> {
    let lp = WordModel::log_prob(&[&base().words], lang, word)?;
    (lp > words::UNKNOWN_LOG_PROB).then(|| lp / std::f32::consts::LN_10 + 9.0)
}

/// The trained models: the embedded base plus the project's own texts (knowledge base, locales).
#[derive(Default, Clone)]
pub struct Models {
    chars: NgramModel,
    words: WordModel,
    /// Word counts of the project's own texts, for languages without an embedded word list.
    own_words: std::collections::HashMap<Lang, std::collections::HashMap<String, u32>>,
}

impl Models {
    /// Starts from the embedded base (see `words/README.md` and `corpus/README.md`).
    pub fn with_word_lists() -> Models {
        let mut m = Models::default();
        for (lang, text) in corpus::TEXTS {
            m.count_words(*lang, text);
        }
        m
    }

    fn count_words(&mut self, lang: Lang, text: &str) {
        let counts = self.own_words.entry(lang).or_default();
        for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            *counts.entry(w.to_lowercase()).or_default() += 1;
        }
    }

    /// Adds text the project owns (knowledge base, locales) in `lang`.
    pub fn add_text(&mut self, lang: Lang, text: &str) {
        self.chars.add_weighted(lang, text, 3);
        if !base().words.has(lang) {
            self.count_words(lang, text);
        }
    }

    pub fn finish(mut self) -> Models {
        for (lang, counts) in std::mem::take(&mut self.own_words) {
            // A small text says little about how rare a word is: count it against at least 200,000 words.
            let total: u32 = counts.values().sum::<u32>().max(200_000);
            for (w, c) in counts {
                let zipf = ((c as f32 / total as f32) * 1e9).log10();
                self.words.add(lang, &w, zipf);
            }
        }
        self.chars = self.chars.finish();
        self
    }
}

/// How much less likely (in Zipf units) a Russian or Ukrainian word is typed in Latin letters than in
/// its own script: a Latin-letter message is far more often one of the Latin-script languages.
const TRANSLIT_LESS: f32 = 0.5;

/// Weight of word evidence against character evidence.
const WORD_WEIGHT: f32 = 24.0;
const WHATLANG_SHORT: f32 = 0.1;

/// Adds each word's log probability (from the first of `layers` with a list for the language) to the
/// candidates' character scores.
fn add_word_evidence(text: &str, scores: &mut [(Lang, f32)], layers: &[&WordModel]) {
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(200) {
        for (lang, score) in scores.iter_mut() {
            if let Some(lp) = WordModel::log_prob(layers, *lang, w) {
                *score += WORD_WEIGHT * lp;
            }
        }
    }
}

/// Detects languages among an allowed set.
pub struct Detector {
    model: Models,
    allowed: Vec<Lang>,
    whatlang: whatlang::Detector,
}

/// whatlang's code for a language; Tigrinya and Somali are missing from whatlang.
pub fn to_whatlang(l: Lang) -> Option<whatlang::Lang> {
    use whatlang::Lang as W;
    Some(match l {
        Lang::Nl => W::Nld,
        Lang::En => W::Eng,
        Lang::Ar => W::Ara,
        Lang::Tr => W::Tur,
        Lang::Pl => W::Pol,
        Lang::Uk => W::Ukr,
        Lang::Ru => W::Rus,
        Lang::Fa => W::Pes,
        Lang::Es => W::Spa,
        Lang::Fr => W::Fra,
        Lang::De => W::Deu,
        Lang::Zh => W::Cmn,
        Lang::Pt => W::Por,
        Lang::Ro => W::Ron,
        Lang::It => W::Ita,
        Lang::Ti | Lang::So => return None,
    })
}

fn from_whatlang(l: whatlang::Lang) -> Option<Lang> {
    Lang::ALL.into_iter().find(|x| to_whatlang(*x) == Some(l))
}

impl Detector {
    pub fn new(model: Models, allowed: &[Lang]) -> Self {
        // Build the embedded base now, at start-up, rather than on the first message.
        base();
        let wl: Vec<whatlang::Lang> = allowed.iter().filter_map(|l| to_whatlang(*l)).collect();
        Detector { model, allowed: allowed.to_vec(), whatlang: whatlang::Detector::with_allowlist(wl) }
    }

    pub fn allowed(&self) -> &[Lang] {
        &self.allowed
    }

    pub fn detect(&self, text: &str) -> Detection {
        let text: String = text.chars().take(1_000).collect();
        let words = text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
        let mut d = self.detect_inner(&text, words);
        d.words = words;
        d
    }

    fn detect_inner(&self, text: &str, words: usize) -> Detection {
        let text = text.to_string();
        let sc = count_scripts(&text);
        let letters = sc.latin + sc.arabic + sc.cyrillic + sc.ethiopic + sc.han;
        if letters == 0 {
            return Detection::none();
        }
        let allowed = |l: Lang| self.allowed.contains(&l);
        // A non-Latin script decides the candidates even when Latin words are mixed in ("BSN چیست",
        // "COVID-19 ሕማም"): people quote Dutch terms and names in their own script's sentences.
        let script = [
            (Script::Arabic, sc.arabic),
            (Script::Cyrillic, sc.cyrillic),
            (Script::Ethiopic, sc.ethiopic * 3),
            (Script::Han, sc.han * 3),
        ]
        .into_iter()
        .filter(|(_, n)| *n >= 2 || *n > 0 && sc.latin == 0)
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| s)
        .unwrap_or(Script::Latin);
        let candidates: Vec<Lang> = self.allowed.iter().copied().filter(|l| l.script() == script).collect();
        match candidates.as_slice() {
            [] => return Detection::none(),
            [only] => return Detection::certain(*only),
            _ => {}
        }
        if script == Script::Arabic && allowed(Lang::Fa) && allowed(Lang::Ar) {
            if sc.persian_only > 0 && sc.arabic_only == 0 {
                return Detection::certain(Lang::Fa);
            }
            if sc.arabic_only > 0 && sc.persian_only == 0 {
                return Detection::certain(Lang::Ar);
            }
        }
        if script == Script::Cyrillic && allowed(Lang::Uk) && allowed(Lang::Ru) {
            if sc.ukrainian_only > 0 && sc.russian_only == 0 {
                return Detection::certain(Lang::Uk);
            }
            if sc.russian_only > 0 && sc.ukrainian_only == 0 {
                return Detection::certain(Lang::Ru);
            }
        }
        let b = base();
        let (mut scores, n_grams) = model::scores(&[&b.chars, &self.model.chars], &text, &candidates);
        let word_layers = [&b.words, &self.model.words];
        add_word_evidence(&text, &mut scores, &word_layers);
        // Latin letters may also be Russian or Ukrainian typed without a Cyrillic keyboard.
        let mut candidates = candidates;
        let latin: Vec<Lang> = [Lang::Ru, Lang::Uk].into_iter().filter(|l| script == Script::Latin && allowed(*l)).collect();
        if !latin.is_empty() {
            let (mut more, _) = model::scores(&[&b.latin_chars], &text, &latin);
            add_word_evidence(&text, &mut more, &[&b.latin_words]);
            scores.extend(more);
            candidates.extend(latin);
        }
        let mut probs = model::softmax(scores, n_grams, &candidates);
        if script == Script::Latin {
            self.blend_whatlang(&text, &mut probs, words);
        }
        probs.sort_by(|a, b| b.1.total_cmp(&a.1));
        let (lang, confidence) = probs[0];
        let second = probs.get(1).map_or(0.0, |p| p.1);
        let reliable = words >= 2 && confidence >= 0.6 && confidence - second >= 0.25
            || words == 1 && confidence >= 0.9 && text.chars().filter(|c| c.is_alphabetic()).count() >= 8;
        probs.truncate(3);
        Detection { lang: Some(lang), confidence, reliable, method: Method::Model, candidates: probs, words }
    }

    /// whatlang as a second opinion: its guess gets a share of the probability mass by its confidence.
    fn blend_whatlang(&self, text: &str, probs: &mut [(Lang, f32)], words: usize) {
        let Some(info) = self.whatlang.detect(text) else { return };
        let Some(wl) = from_whatlang(info.lang()) else { return };
        // whatlang is weak on two or three words (its trigrams see little): a smaller say there.
        let share = if words <= 3 { WHATLANG_SHORT } else { 0.3 } * info.confidence() as f32;
        for (l, p) in probs.iter_mut() {
            *p = *p * (1.0 - share) + if *l == wl { share } else { 0.0 };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detector() -> Detector {
        let mut m = Models::with_word_lists();
        m.add_text(Lang::So, "sidee baan ku helayaa lambarka muwaadinka oo xagee iska diiwaangeliyaa dowladda hoose");
        Detector::new(m.finish(), &Lang::ALL)
    }

    #[test]
    fn scripts_decide_where_they_can() {
        let d = detector();
        assert_eq!(d.detect("ሓኪም ከመይ ይረክብ").lang, Some(Lang::Ti));
        assert_eq!(d.detect("怎么找医生").lang, Some(Lang::Zh));
        assert_eq!(d.detect("چطور ثبت نام کنم").lang, Some(Lang::Fa));
        assert_eq!(d.detect("كيف أسجل عنواني في البلدية").lang, Some(Lang::Ar));
        assert_eq!(d.detect("Як отримати номер").lang, Some(Lang::Uk));
        assert_eq!(d.detect("Как получить номер и где жильё? ы").lang, Some(Lang::Ru));
        assert_eq!(d.detect("12345 ?!").lang, None);
    }

    #[test]
    fn latin_text_uses_the_model() {
        let d = detector();
        let det = d.detect("waar moet ik me inschrijven");
        assert_eq!(det.lang, Some(Lang::Nl));
        assert_eq!(det.method, Method::Model);
        assert_eq!(d.detect("sidee baan ku helayaa lambarka").lang, Some(Lang::So));
    }

    #[test]
    fn russian_and_ukrainian_in_latin_letters_are_told_from_latin_languages() {
        let d = detector();
        assert_eq!(d.detect("privet, podskazhite pozhaluysta gde poluchit BSN").lang, Some(Lang::Ru));
        assert_eq!(d.detect("zdravstvujte, ja ne ponimaju pismo ot nalogovoj").lang, Some(Lang::Ru));
        assert_eq!(d.detect("pidkazhit bud laska, de otrymaty BSN").lang, Some(Lang::Uk));
        assert_eq!(d.detect("dyakuyu, ya zrozumila, shcho treba robyty").lang, Some(Lang::Uk));
        // The Latin-script languages keep their own words.
        assert_eq!(d.detect("gdzie mogę dostać numer BSN").lang, Some(Lang::Pl));
        assert_eq!(d.detect("gdzie moge dostac numer BSN, prosze o pomoc").lang, Some(Lang::Pl));
        assert_eq!(d.detect("nasil BSN numarasi alabilirim").lang, Some(Lang::Tr));
        assert_eq!(d.detect("unde pot sa iau numarul BSN").lang, Some(Lang::Ro));
        // Cyrillic is decided as before.
        assert_eq!(d.detect("Где получить номер BSN").lang, Some(Lang::Ru));
    }
}
