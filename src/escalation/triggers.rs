//! Words that call for a person: asking for a human, or danger. The phrases are data, one file per
//! language: `locales/<lang>/triggers.toml`; its header (in `locales/en/triggers.toml`) explains the
//! matching rules to editors.
//!
//! ```toml
//! advisor = ["talk to a human", "real person"]
//! harmless = ["deadline killing me"]
//! [safeguarding]
//! suicide = ["suicid*", "dont|not want live"]
//! domestic = ["husband|partner hits|beats me"]
//! ```
//! A phrase is a list of slots; each slot is one or more alternative words (`a|b`), a word ending
//! in `*` is a prefix. Every slot must match a different word of the message, in any order, within a
//! window of the phrase's length plus [`WINDOW_SLACK`] words. Words match after the same
//! normalization as search (case, diacritics, Turkish dotted I, Arabic-script variants), and also
//! when they share a stem in the phrase's language, differ by one typing mistake (long words), or
//! (Arabic) carry attached prefixes and pronoun endings. Chinese phrases match characters within a
//! short distance. A match lying wholly inside a `harmless` phrase does not count.

use crate::lang::Lang;
use crate::search::analyze::{clean, fold, plain_words as words};
use anyhow::{Context, Result};
use std::collections::HashMap;
use std::path::Path;

/// Extra words allowed between (and around) a phrase's words.
pub const WINDOW_SLACK: usize = 5;
/// Extra characters allowed around a Chinese phrase's parts.
const HAN_SLACK: usize = 6;
/// Phrase words this long also match with one typing mistake (after their first two letters).
const FUZZY_MIN_CHARS: usize = 7;

/// A TOML file of the locales; a syntax error names the file and line.
fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(1, |s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        anyhow::anyhow!("{}:{}: {}", path.display(), line, e.message())
    })
}

/// Example sentences per language for the semantic safeguarding check.
pub const EXAMPLES_FILE: &str = "safety-examples.toml";

/// Kinds of danger; each has its own help (numbers) in the locales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Suicidal thoughts, self-harm: 113.
    Suicide,
    /// Violence at home, child abuse: Veilig Thuis.
    Domestic,
    /// Sexual violence: Centrum Seksueel Geweld.
    Sexual,
    /// Acute danger and threats: 112.
    Danger,
    /// Exploitation at work, trafficking: police, Arbeidsinspectie, CoMensha, FairWork.
    Exploitation,
}

impl Category {
    pub const ALL: [Category; 5] = [Category::Suicide, Category::Domestic, Category::Sexual, Category::Danger, Category::Exploitation];

    pub fn name(self) -> &'static str {
        match self {
            Category::Suicide => "suicide",
            Category::Domestic => "domestic",
            Category::Sexual => "sexual",
            Category::Danger => "danger",
            Category::Exploitation => "exploitation",
        }
    }

    pub fn from_name(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == s)
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// Danger: emergency numbers first, an urgent ticket.
    Safeguarding(Category),
    /// The person asks for a human.
    Advisor,
}

/// Which phrase fired, for editors (`wegwijs triggers`) and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub trigger: Trigger,
    pub lang: Lang,
    pub phrase: String,
}

#[derive(Debug, Clone)]
struct Phrase {
    lang: Lang,
    /// As written in the file (for reports).
    text: String,
    /// One entry per slot: alternatives, each a run of one or more words (a trailing `*` is a prefix).
    slots: Vec<Vec<Vec<Pattern>>>,
    /// Chinese: slots are matched as substrings of the text without spaces.
    han: bool,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// The same (language, word, prefix) has the same id in every phrase: its matches are worked
    /// out once per message.
    id: usize,
    word: String,
    prefix: bool,
    /// The stem in the phrase's language, when it has a stemmer.
    stem: Option<String>,
    /// This form only: no stem, no typing mistake, no Arabic endings.
    exact: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Triggers {
    advisor: Vec<Phrase>,
    safeguarding: Vec<(Category, Phrase)>,
    /// Signs (`[signs]`): weak on their own; two different ones of a kind in one message fire.
    signs: Vec<(Category, Phrase)>,
    /// What explains signs (moving abroad, a contract that ends): with one of these anywhere in the
    /// message, signs do not count.
    sign_except: Vec<Phrase>,
    harmless: Vec<Phrase>,
    /// Example sentences for the semantic check (`safety-examples.toml`): a kind of danger, or `None`
    /// for a harmless look-alike.
    examples: Vec<(Option<Category>, String)>,
    /// Pattern ids by (language, word, prefix).
    patterns: HashMap<(Lang, String, bool, bool), usize>,
    /// Each phrase's list and its place in it, by serial.
    places: Vec<(List, usize)>,
    /// Every pattern by id, and look-up tables from message words to patterns.
    index: PatternIndex,
}

/// Look-ups from a message word to the phrase words (patterns) it can match, so that matching costs
/// a few look-ups per message word rather than a pass over thousands of phrases' words.
#[derive(Debug, Clone, Default)]
struct PatternIndex {
    langs: Vec<Lang>,
    exact: HashMap<String, Vec<usize>>,
    stem: HashMap<(Lang, String), Vec<usize>>,
    prefix: HashMap<String, Vec<usize>>,
    /// Long words by (first character, length), for one typing mistake.
    fuzzy: HashMap<(char, usize), Vec<(Vec<char>, usize)>>,
    /// Arabic-rule patterns: the word with each allowed pronoun ending → id.
    arabic: HashMap<String, Vec<usize>>,
    /// Arabic-language prefix patterns (also tried on words without their proclitics).
    arabic_prefix: HashMap<String, Vec<usize>>,
    count: usize,
    /// Phrases (by serial) under the patterns that can start one of their slots (the one with the
    /// longest words): a phrase none of whose words for that slot is in the message is not looked at.
    key_slot: HashMap<usize, Vec<usize>>,
    /// Chinese phrases (by serial): looked at whenever the message has Chinese characters.
    han: Vec<usize>,
    phrases: usize,
}

/// The lists phrases are kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Advisor,
    Harmless,
    Safeguarding,
    Sign,
    SignExcept,
}

impl PatternIndex {
    /// Registers a parsed phrase (its patterns are already added) under the next serial: its number
    /// among all phrases.
    fn register(&mut self, phrase: &Phrase) {
        let serial = self.phrases;
        self.phrases += 1;
        if phrase.han {
            self.han.push(serial);
            return;
        }
        // Any slot would do, since every slot must match: the one whose words are longest is the one
        // least often in a message ("not" and "me" are everywhere, "kill*" is not).
        let shortest = |slot: &Vec<Vec<Pattern>>| slot.iter().map(|alt| alt.first().map_or(0, |p| p.word.chars().count())).min().unwrap_or(0);
        let key = phrase.slots.iter().enumerate().max_by_key(|(i, slot)| (shortest(slot), std::cmp::Reverse(*i))).map(|(_, slot)| slot);
        let mut firsts: Vec<usize> = key.into_iter().flatten().filter_map(|alt| alt.first().map(|p| p.id)).collect();
        firsts.sort_unstable();
        firsts.dedup();
        for id in firsts {
            self.key_slot.entry(id).or_default().push(serial);
        }
    }

    fn add(&mut self, lang: Lang, p: &Pattern) {
        if p.id < self.count {
            return;
        }
        self.count = p.id + 1;
        if !self.langs.contains(&lang) {
            self.langs.push(lang);
        }
        if p.prefix {
            self.prefix.entry(p.word.clone()).or_default().push(p.id);
            if lang == Lang::Ar {
                self.arabic_prefix.entry(p.word.clone()).or_default().push(p.id);
            }
            return;
        }
        self.exact.entry(p.word.clone()).or_default().push(p.id);
        if p.exact {
            return;
        }
        if let Some(st) = &p.stem {
            self.stem.entry((lang, st.clone())).or_default().push(p.id);
        }
        if lang == Lang::Ar || (lang == Lang::Fa && is_arabic_word(&p.word)) {
            for suffix in AR_SUFFIX {
                self.arabic.entry(format!("{}{suffix}", p.word)).or_default().push(p.id);
            }
        }
        let chars: Vec<char> = p.word.chars().collect();
        if chars.len() >= FUZZY_MIN_CHARS {
            self.fuzzy.entry((chars[0], chars.len())).or_default().push((chars, p.id));
        }
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    advisor: Vec<String>,
    #[serde(default)]
    harmless: Vec<String>,
    #[serde(default)]
    safeguarding: Kinds<NoExcept>,
    /// Signs that fire only in pairs, and `except`: what explains them.
    #[serde(default)]
    signs: Kinds<Vec<String>>,
}

/// `locales/<lang>/safety-examples.toml`: sentences as people write them, per kind of danger, and
/// harmless look-alikes.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ExampleFile {
    #[serde(default)]
    suicide: Vec<String>,
    #[serde(default)]
    domestic: Vec<String>,
    #[serde(default)]
    sexual: Vec<String>,
    #[serde(default)]
    danger: Vec<String>,
    #[serde(default)]
    exploitation: Vec<String>,
    #[serde(default)]
    harmless: Vec<String>,
}

/// A list per kind of danger (`[safeguarding]`, `[signs]`), and `except` where the table has one.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Kinds<Except> {
    #[serde(default)]
    suicide: Vec<String>,
    #[serde(default)]
    domestic: Vec<String>,
    #[serde(default)]
    sexual: Vec<String>,
    #[serde(default)]
    danger: Vec<String>,
    #[serde(default)]
    exploitation: Vec<String>,
    #[serde(default)]
    except: Except,
}

impl<E> Kinds<E> {
    fn lists(&self) -> [(Category, &[String]); 5] {
        [
            (Category::Suicide, &self.suicide),
            (Category::Domestic, &self.domestic),
            (Category::Sexual, &self.sexual),
            (Category::Danger, &self.danger),
            (Category::Exploitation, &self.exploitation),
        ]
    }
}

/// `[safeguarding]` has no `except`: a phrase there fires on its own.
#[derive(Default)]
struct NoExcept;

impl<'de> serde::Deserialize<'de> for NoExcept {
    fn deserialize<D: serde::Deserializer<'de>>(_: D) -> std::result::Result<Self, D::Error> {
        Err(serde::de::Error::custom("`except` belongs in [signs]: a phrase in [safeguarding] fires on its own"))
    }
}

fn stemmer(lang: Lang) -> Option<frostem::Stemmer> {
    use frostem::Algorithm as A;
    let a = match lang {
        Lang::Nl => A::Dutch,
        Lang::En => A::English,
        Lang::Ar => A::Arabic,
        Lang::Tr => A::Turkish,
        Lang::Pl => A::Polish,
        Lang::Ru => A::Russian,
        Lang::Fa => A::Persian,
        Lang::Es => A::Spanish,
        Lang::Fr => A::French,
        Lang::De => A::German,
        Lang::Pt => A::Portuguese,
        Lang::Ro => A::Romanian,
        Lang::It => A::Italian,
        Lang::Uk | Lang::Ti | Lang::So | Lang::Zh => return None,
    };
    Some(frostem::Stemmer::new(a))
}

/// The scripts whose words a language's stemmer is worth running on.
fn script_of(word: &str) -> Script {
    match word.chars().find(|c| c.is_alphabetic()) {
        Some(c) if c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) => Script::Latin,
        Some(c) if ('\u{0400}'..='\u{04FF}').contains(&c) => Script::Cyrillic,
        Some(c) if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{FB50}'..='\u{FEFF}').contains(&c) => Script::Arabic,
        _ => Script::Other,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Arabic,
    Other,
}

fn lang_script(lang: Lang) -> Script {
    match lang {
        Lang::Ru | Lang::Uk => Script::Cyrillic,
        Lang::Ar | Lang::Fa => Script::Arabic,
        Lang::Ti | Lang::Zh => Script::Other,
        _ => Script::Latin,
    }
}

/// Arabic proclitics (conjunctions, prepositions, future and dialect present markers, the article)
/// and pronoun endings: "وبيضربني" is و + ب + يضرب + ني.
const AR_CONJ: &[&str] = &["و", "ف"];
const AR_PREP: &[&str] = &["ب", "ل", "ك", "س", "ه", "ح", "د", "ع"];
const AR_ART: &[&str] = &["ال", "لل"];
const AR_SUFFIX: &[&str] = &["", "ني", "ه", "ها", "هم", "هن", "هما", "ك", "كم", "كن", "نا", "ي", "ون", "ين", "ان", "ات", "وا", "وني", "وه", "وها", "تني", "ته", "تها", "ش", "نيش"];

/// A word with its Arabic proclitics removed in every plausible way (the word itself included).
fn arabic_bases(w: &str) -> Vec<&str> {
    let mut out = vec![w];
    let mut frontier = vec![w];
    for set in [AR_CONJ, AR_PREP, AR_ART] {
        let mut next = Vec::new();
        for base in &frontier {
            for p in set {
                if let Some(rest) = base.strip_prefix(p)
                    && rest.chars().count() >= 2
                {
                    next.push(rest);
                }
            }
        }
        out.extend(&next);
        frontier.extend(next);
    }
    out.sort();
    out.dedup();
    out
}

fn is_arabic_word(w: &str) -> bool {
    script_of(w) == Script::Arabic
}

/// At most one edit (insert, delete, substitute, swap of neighbours) apart.
fn one_edit(a: &[char], b: &[char]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let mut i = 0;
    while i < la.min(lb) && a[i] == b[i] {
        i += 1;
    }
    if i == la.min(lb) {
        return true;
    }
    if la == lb {
        // substitution, or swap of two neighbours
        a[i + 1..] == b[i + 1..] || (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..])
    } else if la > lb {
        a[i + 1..] == b[i..]
    } else {
        a[i..] == b[i + 1..]
    }
}

/// A message prepared once for all phrases: for every pattern, where in the message it matches.
struct View {
    words: Vec<String>,
    /// Every match as (pattern id, word position), sorted: `ids` and `at` side by side.
    ids: Vec<usize>,
    at: Vec<usize>,
    /// The phrases (by serial) worth looking at: one of their key slot's words occurs.
    candidates: Vec<u64>,
    /// The text without spaces, as characters (Chinese phrases), and the set of its characters.
    han: Vec<char>,
    han_chars: std::collections::HashSet<char>,
}

impl View {
    fn new(text: &str, index: &PatternIndex) -> View {
        let words = words(text);
        let stemmers: Vec<(Lang, frostem::Stemmer)> = index.langs.iter().filter_map(|l| stemmer(*l).map(|s| (*l, s))).collect();
        // Each distinct word once: long messages repeat words.
        let mut distinct: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            distinct.entry(w.as_str()).or_default().push(i);
        }
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (w, positions) in &distinct {
            let mut ids: Vec<usize> = Vec::new();
            let mut add = |v: Option<&Vec<usize>>| ids.extend(v.into_iter().flatten());
            add(index.exact.get(*w));
            let script = script_of(w);
            for (lang, st) in &stemmers {
                if w.chars().count() >= 3 && script == lang_script(*lang) {
                    add(index.stem.get(&(*lang, fold(&st.stem(w)))));
                }
            }
            // Every start of the word that is a prefix pattern.
            for (k, _) in w.char_indices().skip(1).chain(std::iter::once((w.len(), ' '))) {
                add(index.prefix.get(&w[..k]));
            }
            if script == Script::Arabic {
                for b in arabic_bases(w) {
                    add(index.arabic.get(b));
                    for (k, _) in b.char_indices().skip(1).chain(std::iter::once((b.len(), ' '))) {
                        add(index.arabic_prefix.get(&b[..k]));
                    }
                }
            }
            let chars: Vec<char> = w.chars().collect();
            if chars.len() + 1 >= FUZZY_MIN_CHARS {
                for len in chars.len().saturating_sub(1)..=chars.len() + 1 {
                    for (pc, id) in index.fuzzy.get(&(chars[0], len)).into_iter().flatten() {
                        // The first two letters must be right: "вчитися" is not a typo of "вбитися".
                        if pc != &chars && chars.get(1) == pc.get(1) && one_edit(&chars, pc) {
                            ids.push(*id);
                        }
                    }
                }
            }
            for id in ids {
                for &i in positions {
                    found.push((id, i));
                }
            }
        }
        // Sorted by pattern, then position: each pattern's positions come out sorted and unique.
        found.sort_unstable();
        found.dedup();
        let (ids, at): (Vec<usize>, Vec<usize>) = found.into_iter().unzip();
        let mut candidates = vec![0u64; index.phrases.div_ceil(64)];
        let mut mark = |serial: usize| candidates[serial / 64] |= 1 << (serial % 64);
        let mut last = usize::MAX;
        for &id in &ids {
            if id != last {
                index.key_slot.get(&id).into_iter().flatten().for_each(|&s| mark(s));
                last = id;
            }
        }
        // Chinese phrases are looked for only in text that has Chinese characters.
        let is_han = |c: char| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F);
        let han: Vec<char> = if text.chars().any(is_han) {
            clean(text).chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
        } else {
            Vec::new()
        };
        if !han.is_empty() {
            index.han.iter().for_each(|&s| mark(s));
        }
        let han_chars = han.iter().copied().collect();
        View { words, ids, at, candidates, han, han_chars }
    }

    /// Positions where pattern `p` matches a message word (sorted, unique).
    fn positions(&self, p: &Pattern) -> &[usize] {
        let lo = self.ids.partition_point(|&id| id < p.id);
        let hi = lo + self.ids[lo..].partition_point(|&id| id == p.id);
        &self.at[lo..hi]
    }

    /// The serials of the phrases worth looking at, in order.
    fn candidates(&self) -> impl Iterator<Item = usize> + '_ {
        self.candidates.iter().enumerate().flat_map(|(w, &bits)| (0..64).filter(move |b| bits & (1 << b) != 0).map(move |b| w * 64 + b))
    }


    /// Spans `[start, end)` in words (or characters, for Chinese) where one alternative of a slot matches.
    fn slot_spans(&self, slot: &[Vec<Pattern>], han: bool) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for alt in slot {
            if han {
                let needle: Vec<char> = alt.iter().flat_map(|p| p.word.chars()).collect();
                if needle.is_empty() || needle.len() > self.han.len() || !needle.iter().all(|c| self.han_chars.contains(c)) {
                    continue;
                }
                for i in 0..=self.han.len() - needle.len() {
                    if self.han[i..i + needle.len()] == needle[..] {
                        out.push((i, i + needle.len()));
                    }
                }
                continue;
            }
            let Some(first) = alt.first() else { continue };
            'start: for &s in self.positions(first) {
                for (k, p) in alt.iter().enumerate().skip(1) {
                    if self.positions(p).binary_search(&(s + k)).is_err() {
                        continue 'start;
                    }
                }
                out.push((s, s + alt.len()));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl Phrase {
    fn parse(lang: Lang, text: &str, stemmer: Option<&frostem::Stemmer>, ids: &mut HashMap<(Lang, String, bool, bool), usize>) -> Option<Phrase> {
        let han = lang == Lang::Zh;
        let mut slots = Vec::new();
        for raw in text.split_whitespace() {
            let raw = raw.trim_matches(|c| c == '(' || c == ')');
            let mut alts = Vec::new();
            for alt in raw.split('|').filter(|a| !a.is_empty()) {
                // Words joined with "-" follow each other; "=word" is this form only (no stem, no
                // typing mistake); a final "*" makes the last word a prefix.
                let prefix = alt.ends_with('*');
                let mut ws: Vec<(String, bool)> = Vec::new();
                for part in alt.trim_end_matches('*').split('-') {
                    let (exact, part) = match part.strip_prefix('=') {
                        Some(rest) => (true, rest),
                        None => (false, part),
                    };
                    ws.extend(words(part).into_iter().map(|w| (w, exact)));
                }
                if ws.is_empty() {
                    continue;
                }
                let n = ws.len();
                let pats: Vec<Pattern> = ws
                    .into_iter()
                    .enumerate()
                    .map(|(i, (w, exact))| {
                        let is_prefix = prefix && i + 1 == n;
                        let stem = match (stemmer, is_prefix || exact) {
                            (Some(s), false) if script_of(&w) == lang_script(lang) => Some(fold(&s.stem(&w))),
                            _ => None,
                        };
                        let next = ids.len();
                        let id = *ids.entry((lang, w.clone(), is_prefix, exact)).or_insert(next);
                        Pattern { id, word: w, prefix: is_prefix, stem, exact }
                    })
                    .collect();
                alts.push(pats);
            }
            if !alts.is_empty() {
                slots.push(alts);
            }
        }
        (!slots.is_empty()).then(|| Phrase { lang, text: text.to_string(), slots, han })
    }

    /// Spans covering one match of every slot (each slot at its own place) that fit the window. Called
    /// only for the phrases that `Triggers::listed` finds worth looking at.
    fn find(&self, view: &View) -> Vec<(usize, usize)> {
        // Most of those fail here, without allocating: some other slot has no word in the message.
        if !self.han && self.slots.iter().any(|slot| slot.iter().all(|alt| alt.first().is_none_or(|p| view.positions(p).is_empty()))) {
            return Vec::new();
        }
        // Slot by slot, stopping at the first that does not occur.
        let mut spans: Vec<Vec<(usize, usize)>> = Vec::with_capacity(self.slots.len());
        for slot in &self.slots {
            let s = view.slot_spans(slot, self.han);
            if s.is_empty() {
                return Vec::new();
            }
            spans.push(s);
        }
        let width: usize = if self.han {
            self.slots.iter().map(|s| s.iter().map(|a| a.iter().map(|p| p.word.chars().count()).sum::<usize>()).max().unwrap_or(0)).sum::<usize>() + HAN_SLACK
        } else {
            self.slots.iter().map(|s| s.iter().map(Vec::len).max().unwrap_or(1)).sum::<usize>() + WINDOW_SLACK
        };
        let mut found = Vec::new();
        let mut chosen = Vec::with_capacity(spans.len());
        search(&spans, 0, &mut chosen, width, &mut found);
        found
    }
}

/// Depth-first choice of one span per slot, non-overlapping, within `width`; collects the covering
/// spans (a bounded number: one is enough to fire, a few let `harmless` be weighed).
fn search(spans: &[Vec<(usize, usize)>], k: usize, chosen: &mut Vec<(usize, usize)>, width: usize, found: &mut Vec<(usize, usize)>) {
    if found.len() >= 32 {
        return;
    }
    if k == spans.len() {
        let lo = chosen.iter().map(|s| s.0).min().unwrap_or(0);
        let hi = chosen.iter().map(|s| s.1).max().unwrap_or(0);
        if hi - lo <= width && !found.contains(&(lo, hi)) {
            found.push((lo, hi));
        }
        return;
    }
    for &s in &spans[k] {
        if chosen.iter().any(|c| s.0 < c.1 && c.0 < s.1) {
            continue;
        }
        let lo = chosen.iter().map(|c| c.0).min().unwrap_or(s.0).min(s.0);
        let hi = chosen.iter().map(|c| c.1).max().unwrap_or(s.1).max(s.1);
        if hi - lo > width {
            continue;
        }
        chosen.push(s);
        search(spans, k + 1, chosen, width, found);
        chosen.pop();
    }
}

impl Triggers {
    /// Reads `triggers.toml` of every language that has one; errors name file and line.
    pub fn load(locales_dir: &Path) -> Result<Triggers> {
        let mut t = Triggers::default();
        for lang in Lang::ALL {
            let path = locales_dir.join(lang.code()).join("triggers.toml");
            if path.exists() {
                let file: File = read_toml(&path)?;
                t.add(lang, &file.advisor, Kind::Advisor);
                t.add(lang, &file.harmless, Kind::Harmless);
                for (c, list) in file.safeguarding.lists() {
                    t.add(lang, list, Kind::Safeguarding(c));
                }
                for (c, list) in file.signs.lists() {
                    t.add(lang, list, Kind::Sign(c));
                }
                t.add(lang, &file.signs.except, Kind::SignExcept);
            }
            let path = locales_dir.join(lang.code()).join(EXAMPLES_FILE);
            if path.exists() {
                let file: ExampleFile = read_toml(&path)?;
                for (c, list) in [
                    (Some(Category::Suicide), file.suicide),
                    (Some(Category::Domestic), file.domestic),
                    (Some(Category::Sexual), file.sexual),
                    (Some(Category::Danger), file.danger),
                    (Some(Category::Exploitation), file.exploitation),
                    (None, file.harmless),
                ] {
                    t.examples.extend(list.into_iter().filter(|e| !e.trim().is_empty()).map(|e| (c, e)));
                }
            }
        }
        Ok(t)
    }

    /// The example sentences for the semantic check: a kind of danger, or `None` for a harmless
    /// look-alike.
    pub fn examples(&self) -> &[(Option<Category>, String)] {
        &self.examples
    }

    /// Adds phrases of one language and kind.
    pub fn add(&mut self, lang: Lang, phrases: &[String], kind: Kind) {
        let stemmer = stemmer(lang);
        for p in phrases {
            let Some(phrase) = Phrase::parse(lang, p, stemmer.as_ref(), &mut self.patterns) else { continue };
            for pat in phrase.slots.iter().flatten().flatten() {
                self.index.add(lang, pat);
            }
            self.index.register(&phrase);
            let place = match kind {
                Kind::Advisor => (List::Advisor, push(&mut self.advisor, phrase)),
                Kind::Harmless => (List::Harmless, push(&mut self.harmless, phrase)),
                Kind::Safeguarding(c) => (List::Safeguarding, push(&mut self.safeguarding, (c, phrase))),
                Kind::Sign(c) => (List::Sign, push(&mut self.signs, (c, phrase))),
                Kind::SignExcept => (List::SignExcept, push(&mut self.sign_except, phrase)),
            };
            self.places.push(place);
        }
    }

    fn view(&self, text: &str) -> View {
        View::new(text, &self.index)
    }

    /// The places in `list` of the phrases that `view` makes worth looking at, in list order.
    fn listed<'a>(&'a self, view: &'a View, list: List) -> impl Iterator<Item = usize> + 'a {
        view.candidates().filter_map(move |s| self.places.get(s).filter(|(l, _)| *l == list).map(|(_, i)| *i))
    }

    /// The strongest trigger in `text`, if any: danger before a request for a person.
    pub fn check(&self, text: &str) -> Option<Trigger> {
        self.explain(text).into_iter().next().map(|h| h.trigger)
    }

    /// Whether one of the `harmless` look-alikes ("beats me at chess", "the heat is killing me") occurs
    /// in `text`: then the words that sound like danger are explained, and a safeguarding topic found by
    /// search is no second opinion.
    pub fn harmless_in(&self, text: &str) -> bool {
        let view = self.view(text);
        self.listed(&view, List::Harmless).any(|i| !self.harmless[i].find(&view).is_empty())
    }

    /// Every kind of danger that `text` shows, in category order (the first is [`Triggers::check`]'s).
    pub fn categories(&self, text: &str) -> Vec<Category> {
        categories_of(&self.explain(text))
    }

    /// Every phrase that fires in `text`, danger first (in category order), then requests for a person.
    pub fn explain(&self, text: &str) -> Vec<Hit> {
        self.look(text).0
    }

    /// `explain` and `harmless_in` of one text, reading it once (both are asked of every message).
    pub fn look(&self, text: &str) -> (Vec<Hit>, bool) {
        let view = self.view(text);
        if view.words.is_empty() && view.han.is_empty() {
            return (Vec::new(), false);
        }
        let harmless: Vec<(bool, (usize, usize))> =
            self.listed(&view, List::Harmless).map(|i| &self.harmless[i]).flat_map(|p| p.find(&view).into_iter().map(|s| (p.han, s))).collect();
        let any_harmless = !harmless.is_empty();
        let innocent = |p: &Phrase, s: (usize, usize)| harmless.iter().any(|(han, h)| *han == p.han && h.0 <= s.0 && s.1 <= h.1);
        let mut hits = Vec::new();
        for (c, p) in self.listed(&view, List::Safeguarding).map(|i| &self.safeguarding[i]) {
            if p.find(&view).into_iter().any(|s| !innocent(p, s)) {
                hits.push(Hit { trigger: Trigger::Safeguarding(*c), lang: p.lang, phrase: p.text.clone() });
            }
        }
        // Signs: two different ones of the same kind and language, at different places in the message,
        // unless that language's `except` explains them.
        let apart = |a: &[(usize, usize)], b: &[(usize, usize)]| a.iter().any(|x| b.iter().any(|y| x.1 <= y.0 || y.1 <= x.0));
        let mut seen: Vec<(Category, &Phrase, Vec<(usize, usize)>)> = Vec::new();
        let explained: Vec<Lang> = if self.signs.is_empty() {
            Vec::new()
        } else {
            self.listed(&view, List::SignExcept).map(|i| &self.sign_except[i]).filter(|p| !p.find(&view).is_empty()).map(|p| p.lang).collect()
        };
        for (c, p) in self.listed(&view, List::Sign).map(|i| &self.signs[i]).filter(|(_, p)| !explained.contains(&p.lang)) {
            let spans: Vec<(usize, usize)> = p.find(&view).into_iter().filter(|s| !innocent(p, *s)).collect();
            if spans.is_empty() {
                continue;
            }
            if let Some((_, q, _)) = seen.iter().find(|(k, q, other)| k == c && q.lang == p.lang && q.text != p.text && apart(&spans, other))
                && !hits.iter().any(|h| h.trigger == Trigger::Safeguarding(*c))
            {
                hits.push(Hit { trigger: Trigger::Safeguarding(*c), lang: p.lang, phrase: format!("{} + {}", q.text, p.text) });
            }
            seen.push((*c, p, spans));
        }
        hits.sort_by_key(|h| match h.trigger {
            Trigger::Safeguarding(c) => c,
            Trigger::Advisor => Category::Exploitation,
        });
        for p in self.listed(&view, List::Advisor).map(|i| &self.advisor[i]) {
            if !p.find(&view).is_empty() {
                hits.push(Hit { trigger: Trigger::Advisor, lang: p.lang, phrase: p.text.clone() });
            }
        }
        (hits, any_harmless)
    }

    /// Languages that have phrases of this kind (for tests and `kb check`).
    pub fn languages(&self, kind: Kind) -> Vec<Lang> {
        let mut l: Vec<Lang> = match kind {
            Kind::Advisor => self.advisor.iter().map(|p| p.lang).collect(),
            Kind::Harmless => self.harmless.iter().map(|p| p.lang).collect(),
            Kind::Safeguarding(c) => self.safeguarding.iter().filter(|(k, _)| *k == c).map(|(_, p)| p.lang).collect(),
            Kind::Sign(c) => self.signs.iter().filter(|(k, _)| *k == c).map(|(_, p)| p.lang).collect(),
            Kind::SignExcept => self.sign_except.iter().map(|p| p.lang).collect(),
        };
        l.sort();
        l.dedup();
        l
    }

    /// How many phrases a language has of this kind.
    pub fn count(&self, lang: Lang, kind: Kind) -> usize {
        match kind {
            Kind::Advisor => self.advisor.iter().filter(|p| p.lang == lang).count(),
            Kind::Harmless => self.harmless.iter().filter(|p| p.lang == lang).count(),
            Kind::Safeguarding(c) => self.safeguarding.iter().filter(|(k, p)| *k == c && p.lang == lang).count(),
            Kind::Sign(c) => self.signs.iter().filter(|(k, p)| *k == c && p.lang == lang).count(),
            Kind::SignExcept => self.sign_except.iter().filter(|p| p.lang == lang).count(),
        }
    }
}

/// Every kind of danger among `hits`, in their order (the first is [`Triggers::check`]'s).
pub fn categories_of(hits: &[Hit]) -> Vec<Category> {
    let mut out: Vec<Category> = Vec::new();
    for h in hits {
        if let Trigger::Safeguarding(c) = h.trigger
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

/// Appends to a list and returns the place.
fn push<T>(list: &mut Vec<T>, item: T) -> usize {
    list.push(item);
    list.len() - 1
}

/// The lists of a trigger file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Advisor,
    Harmless,
    Safeguarding(Category),
    /// A sign of danger that fires only together with a second, different sign of the same kind.
    Sign(Category),
    /// A context that explains signs: with it in the message, signs do not count.
    SignExcept,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(lang: Lang, kind: Kind, phrases: &[&str]) -> Triggers {
        let mut t = Triggers::default();
        t.add(lang, &phrases.iter().map(|s| s.to_string()).collect::<Vec<_>>(), kind);
        t
    }

    const SUICIDE: Kind = Kind::Safeguarding(Category::Suicide);
    const DOMESTIC: Kind = Kind::Safeguarding(Category::Domestic);

    #[test]
    fn two_different_signs_fire_and_one_does_not() {
        let signs = Kind::Sign(Category::Suicide);
        let other = t(Lang::En, Kind::Sign(Category::Domestic), &["gave away cat|dog"]);
        let t = t(Lang::En, signs, &["wont|not need anymore", "gave away cat|dog", "everything arranged|sorted"]);
        assert_eq!(t.check("How do I cancel my phone contract? I won't need it anymore."), None, "one sign is an ordinary question");
        assert_eq!(t.check("I won't need it anymore, I do not need it anymore"), None, "the same sign twice is still one");
        let hit = t.explain("How do I cancel my phone contract? I won't need it anymore. I gave away my cat, everything is arranged.");
        assert_eq!(hit.first().map(|h| h.trigger), Some(Trigger::Safeguarding(Category::Suicide)));
        assert!(hit[0].phrase.contains(" + "), "both signs are named: {}", hit[0].phrase);
        let mut both = t;
        both.signs.extend(other.signs);
        assert_eq!(both.check("I won't need it anymore"), None, "a sign of another kind does not count");
        let mut mixed = Triggers::default();
        mixed.add(Lang::En, &["wont|not need anymore".into()], Kind::Sign(Category::Suicide));
        mixed.add(Lang::Nl, &["kat|hond weggegeven|weggebracht".into()], Kind::Sign(Category::Suicide));
        assert_eq!(mixed.check("I won't need it anymore, kat weggegeven"), None, "signs pair within one language");
        both.add(Lang::Nl, &["=verhuizen".into()], Kind::SignExcept);
        assert!(both.check("verhuizen? I gave away my cat, everything is sorted").is_some(), "another language's except does not explain English signs");
        both.add(Lang::En, &["moving back|abroad".into()], Kind::SignExcept);
        assert_eq!(both.check("I won't need it anymore, I'm moving back to Spain, I gave away my cat"), None, "moving explains the signs");
        assert!(both.check("I gave away my cat, everything is sorted. I won't need it anymore").is_some());
    }

    #[test]
    fn words_in_any_order_within_a_window() {
        let t = t(Lang::En, SUICIDE, &["dont|not|never want live"]);
        assert!(t.check("I don't want to live anymore").is_some());
        assert!(t.check("i really do not want to go on and live like this").is_some());
        assert_eq!(t.check("I want to live in Leiden"), None, "the negation is required");
        assert_eq!(t.check("I don't want to pay that much for a room, where in Leiden can I find a cheaper place to live"), None, "too far apart");
    }

    #[test]
    fn prefixes_stems_and_typing_mistakes() {
        let t = t(Lang::En, SUICIDE, &["suicid*"]);
        assert!(t.check("Suicidal thoughts every night").is_some());
        let nl = t2();
        assert!(nl.check("mijn man heeft me gisteren weer geslagen").is_some(), "written-out form");
        let en = {
            let mut x = Triggers::default();
            x.add(Lang::En, &["suicide".into(), "threatening kill".into()], SUICIDE);
            x
        };
        assert!(en.check("someone is threatening to kill me").is_some());
        assert!(en.check("he threatened to kill me").is_some(), "same stem");
        assert!(en.check("i am thinking about suicdie").is_some(), "one typing mistake");
        assert_eq!(en.check("the city is killing it"), None);
    }

    fn t2() -> Triggers {
        t(Lang::Nl, DOMESTIC, &["man|vriend|partner slaat|sloeg|geslagen"])
    }

    #[test]
    fn exact_forms_and_joined_words() {
        let t = t(Lang::Nl, Kind::Safeguarding(Category::Danger), &["word-=gevolgd"]);
        assert!(t.check("ik word gevolgd door een man").is_some());
        assert_eq!(t.check("ik word volgende maand uit huis gezet"), None, "no stem for =gevolgd");
        assert_eq!(t.check("gevolgd word ik"), None, "joined words keep their order");
    }

    #[test]
    fn turkish_dotted_capital_i() {
        let t = t(Lang::Tr, SUICIDE, &["intihar"]);
        assert!(t.check("İntihar etmek istiyorum").is_some());
        assert!(t.check("INTIHAR").is_some());
    }

    #[test]
    fn arabic_clitics_and_dialect() {
        let t = t(Lang::Ar, DOMESTIC, &["جوزي|زوجي يضرب"]);
        assert!(t.check("جوزي بيضربني كل يوم").is_some(), "Egyptian present marker and object pronoun");
        assert!(t.check("زوجي يضربها").is_some());
        assert!(t.check("وزوجي يضربني").is_some());
        assert_eq!(t.check("زوجي يعمل في مصنع"), None);
    }

    #[test]
    fn chinese_parts_close_together() {
        let t = t(Lang::Zh, SUICIDE, &["不想 活"]);
        assert!(t.check("我真的不想再活下去了").is_some());
        assert_eq!(t.check("不想去学校，我想在莱顿生活很久很久很久很久很久"), None);
    }

    #[test]
    fn harmless_phrases_cancel_only_their_own_words() {
        let mut t = t(Lang::En, Kind::Safeguarding(Category::Danger), &["killing me"]);
        t.add(Lang::En, &["deadline killing me".into()], Kind::Harmless);
        assert_eq!(t.check("the deadline is killing me"), None);
        assert!(t.check("the deadline is killing me and my husband is killing me").is_some());
    }

    #[test]
    fn one_look_gives_what_explain_and_harmless_in_give() {
        let mut t = t(Lang::En, Kind::Safeguarding(Category::Danger), &["killing me"]);
        t.add(Lang::En, &["deadline killing me".into(), "beats me chess".into()], Kind::Harmless);
        t.add(Lang::En, &["talk human".into()], Kind::Advisor);
        t.add(Lang::En, &["hits|beats me".into()], DOMESTIC);
        for text in [
            "the deadline is killing me",
            "the deadline is killing me and my husband is killing me",
            "my son always beats me at chess",
            "he hits me, can I talk to a human",
            "where do I register my address",
            "",
        ] {
            let (hits, harmless) = t.look(text);
            assert_eq!(hits, t.explain(text), "{text}");
            assert_eq!(harmless, t.harmless_in(text), "{text}");
            assert_eq!(categories_of(&hits), t.categories(text), "{text}");
        }
        assert!(t.look("the deadline is killing me").1 && !t.look("he hits me").1);
        assert_eq!(categories_of(&t.look("he hits me, can I talk to a human").0), [Category::Domestic]);
    }

    #[test]
    fn danger_comes_before_a_request_for_a_person() {
        let mut t = t(Lang::En, Kind::Advisor, &["talk human"]);
        t.add(Lang::En, &["hits|beats me".into()], DOMESTIC);
        assert_eq!(t.check("I want to talk to a human"), Some(Trigger::Advisor));
        assert_eq!(t.check("my husband hits me, can I talk to a human"), Some(Trigger::Safeguarding(Category::Domestic)));
        assert_eq!(t.check(""), None);
        assert_eq!(t.check("🙂"), None);
    }

    #[test]
    fn one_edit_distance() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(one_edit(&c("suicide"), &c("suicdie")));
        assert!(one_edit(&c("suicide"), &c("suicid")));
        assert!(one_edit(&c("suicide"), &c("suiccide")));
        assert!(!one_edit(&c("suicide"), &c("sucdie")));
    }

    #[test]
    fn huge_messages_are_cheap() {
        let t = t(Lang::En, SUICIDE, &["want die"]);
        let text = "word ".repeat(100_000) + "I want to die";
        let start = std::time::Instant::now();
        let _ = t.check(&text);
        assert!(start.elapsed().as_millis() < 500);
    }
}
