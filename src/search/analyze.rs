//! Text analysis shared by indexing, querying and scoring: normalization, tokenization, stemming.
//!
//! Every language gets the same pipeline, with language-specific steps where they exist:
//! Unicode NFKC, removal of invisible and direction-control characters, Arabic-script letter
//! normalization, Chinese character unigrams and bigrams, lower-casing, a Snowball stemmer where one
//! exists (prefix truncation for Ukrainian, which has none), and folding of Latin diacritics.

use crate::lang::Lang;
use unicode_normalization::UnicodeNormalization;

/// Longest text analysed: the rest of a huge message adds nothing to a search.
pub const MAX_CHARS: usize = 2_000;
/// Most tokens taken from one text.
pub const MAX_TOKENS: usize = 64;

/// Analyses text for one language, or language-neutrally (`None`) for matching across languages.
#[derive(Clone)]
pub struct Analyzer {
    lang: Option<Lang>,
    stemmer: Option<frostem::Stemmer>,
}

impl Analyzer {
    pub fn new(lang: Option<Lang>) -> Self {
        use frostem::Algorithm as A;
        let algo = lang.and_then(|l| match l {
            Lang::Nl => Some(A::Dutch),
            Lang::En => Some(A::English),
            Lang::Ar => Some(A::Arabic),
            Lang::Tr => Some(A::Turkish),
            Lang::Pl => Some(A::Polish),
            Lang::Ru => Some(A::Russian),
            Lang::Fa => Some(A::Persian),
            Lang::Es => Some(A::Spanish),
            Lang::Fr => Some(A::French),
            Lang::De => Some(A::German),
            Lang::Pt => Some(A::Portuguese),
            Lang::Ro => Some(A::Romanian),
            Lang::It => Some(A::Italian),
            Lang::Uk | Lang::Ti | Lang::So | Lang::Zh => None,
        });
        Analyzer { lang, stemmer: algo.map(frostem::Stemmer::new) }
    }

    pub fn lang(&self) -> Option<Lang> {
        self.lang
    }

    /// The tokens of `text`, at most [`MAX_TOKENS`].
    pub fn tokens(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for word in words(&normalize(text, self.lang)) {
            if out.len() >= MAX_TOKENS {
                break;
            }
            match word {
                Word::Han(chars) => {
                    for (i, c) in chars.iter().enumerate() {
                        out.push(c.to_string());
                        if let Some(next) = chars.get(i + 1) {
                            out.push(format!("{c}{next}"));
                        }
                    }
                }
                Word::Other(w) => {
                    let lower = w.to_lowercase();
                    let stemmed = match (&self.stemmer, self.lang) {
                        (Some(s), _) => s.stem(&lower).into_owned(),
                        (None, Some(Lang::Uk)) => lower.chars().take(6).collect(),
                        _ => lower,
                    };
                    out.push(fold(&stemmed));
                }
            }
        }
        out.truncate(MAX_TOKENS);
        out
    }
}

enum Word<'a> {
    Han(Vec<char>),
    Other(&'a str),
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Splits into words: runs of letters and digits; Han characters form their own runs.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut han: Vec<char> = Vec::new();
    for (i, c) in text.char_indices() {
        if is_han(c) {
            if let Some(s) = start.take() {
                out.push(Word::Other(&text[s..i]));
            }
            han.push(c);
        } else if c.is_alphanumeric() || is_combining(c) {
            if !han.is_empty() {
                out.push(Word::Han(std::mem::take(&mut han)));
            }
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                out.push(Word::Other(&text[s..i]));
            }
            if !han.is_empty() {
                out.push(Word::Han(std::mem::take(&mut han)));
            }
        }
    }
    if let Some(s) = start {
        out.push(Word::Other(&text[s..]));
    }
    if !han.is_empty() {
        out.push(Word::Han(han));
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

/// NFKC, invisible characters removed, Arabic-script letters unified, length capped.
pub fn normalize(text: &str, lang: Option<Lang>) -> String {
    let capped: String = text.chars().take(MAX_CHARS).collect();
    let mut out = String::with_capacity(capped.len());
    for c in capped.nfkc() {
        let mapped = match c {
            // Zero-width non-joiner inside Persian words: treat as a word break, as people type either.
            '\u{200C}' => ' ',
            // Direction controls, zero-width characters, byte-order marks: invisible, never meaningful.
            '\u{200B}' | '\u{200D}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' => continue,
            // Arabic diacritics and tatweel.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            'ي' | 'ی' => {
                if lang == Some(Lang::Fa) { 'ی' } else { 'ي' }
            }
            'ك' | 'ک' => {
                if lang == Some(Lang::Fa) { 'ک' } else { 'ك' }
            }
            'ё' => 'е',
            'Ё' => 'Е',
            // Turkish capital dotted I lower-cases to "i" plus a combining dot: make it a plain i.
            'İ' => 'i',
            c if c.is_control() => ' ',
            c => c,
        };
        out.push(mapped);
    }
    out
}

/// Folds Latin diacritics (é→e, ß→ss, ł→l, ı→i) so that people who type without them still match.
pub fn fold(token: &str) -> String {
    if token.is_ascii() {
        return token.to_string();
    }
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'ı' => out.push('i'),
            'đ' => out.push('d'),
            c if ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c) => {
                out.extend(c.to_string().nfd().filter(|d| !is_combining(*d)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Words of a text looked at for phrase matching.
pub const MAX_WORDS: usize = 600;

/// The words of a text for phrase matching (danger phrases, synonyms): lower case, folded, Arabic
/// letters unified, apostrophes inside words dropped ("don't" → "dont"), no stemming, at most
/// [`MAX_WORDS`]: distress can come at the end of a long story.
pub fn plain_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let push = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(fold(&std::mem::take(cur)));
        }
    };
    for c in clean(text).chars() {
        if out.len() >= MAX_WORDS {
            break;
        }
        if matches!(c, '\'' | '’' | 'ʼ' | '`') {
            // An apostrophe inside a word is dropped; at its edges it is nothing. (ʼ, the Ukrainian
            // apostrophe, counts as a letter in Unicode, so it is looked at first.)
        } else if c.is_alphanumeric() || is_mark(c) || c == '*' {
            cur.extend(c.to_lowercase());
        } else {
            push(&mut cur, &mut out);
        }
    }
    push(&mut cur, &mut out);
    out.truncate(MAX_WORDS);
    out
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

/// NFKC; invisible characters out; Turkish İ; Arabic-script letters unified as search does (the
/// language-neutral variant); Arabic diacritics and tatweel dropped.
pub fn clean(text: &str) -> String {
    let capped: String = text.chars().take(MAX_WORDS * 24).collect();
    let mut out = String::with_capacity(capped.len());
    for c in capped.nfkc() {
        match c {
            '\u{200C}' => out.push(' '),
            '\u{200B}' | '\u{200D}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' => {}
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
            'İ' => out.push('i'),
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' | 'ی' => out.push('ي'),
            'ک' => out.push('ك'),
            'ё' => out.push('е'),
            'Ё' => out.push('Е'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The analyzer as a tantivy tokenizer, so the index and the scorer see the same tokens.
#[derive(Clone)]
pub struct TantivyAnalyzer(pub Analyzer);

pub struct VecTokenStream {
    tokens: Vec<tantivy::tokenizer::Token>,
    next: usize,
}

impl tantivy::tokenizer::Tokenizer for TantivyAnalyzer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let tokens = self
            .0
            .tokens(text)
            .into_iter()
            .enumerate()
            .map(|(position, text)| tantivy::tokenizer::Token {
                offset_from: 0,
                offset_to: 0,
                position,
                text,
                position_length: 1,
            })
            .collect();
        VecTokenStream { tokens, next: 0 }
    }
}

impl tantivy::tokenizer::TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_words_are_stemmed_and_folded() {
        let a = Analyzer::new(Some(Lang::Nl));
        assert_eq!(a.tokens("Hoe krijg ik een BSN?"), ["hoe", "krijg", "ik", "een", "bsn"]);
        assert_eq!(a.tokens("inschrijven"), a.tokens("Inschrijven!"));
    }

    #[test]
    fn apostrophes_inside_words_are_dropped_in_every_spelling() {
        assert_eq!(plain_words("don't"), ["dont"]);
        // Ukrainian writes ' or ʼ (U+02BC, a letter in Unicode) or ’: all three are the same word.
        assert_eq!(plain_words("він мене вбʼє"), plain_words("він мене вб'є"));
        assert_eq!(plain_words("він мене вб’є"), ["він", "мене", "вбє"]);
        assert_eq!(plain_words("'quoted'"), ["quoted"]);
    }

    #[test]
    fn chinese_becomes_unigrams_and_bigrams() {
        let a = Analyzer::new(Some(Lang::Zh));
        assert_eq!(a.tokens("医生"), ["医", "医生", "生"]);
        assert_eq!(a.tokens("BSN号码"), ["bsn", "号", "号码", "码"]);
    }

    #[test]
    fn arabic_and_persian_letters_are_unified() {
        let a = Analyzer::new(None);
        assert_eq!(a.tokens("مدرسة"), a.tokens("مدرسه"));
        assert_eq!(a.tokens("عَرَبِيّ"), a.tokens("عربي"));
        let fa = Analyzer::new(Some(Lang::Fa));
        assert_eq!(fa.tokens("كتاب"), fa.tokens("کتاب"));
        assert_eq!(fa.tokens("می\u{200C}خواهم").len(), 2);
    }

    #[test]
    fn ethiopic_text_is_tokenized() {
        let a = Analyzer::new(Some(Lang::Ti));
        assert_eq!(a.tokens("ሓኪም ከመይ ይረክብ፧").len(), 3);
    }

    #[test]
    fn invisible_controls_and_huge_input_are_harmless() {
        let a = Analyzer::new(Some(Lang::En));
        assert_eq!(a.tokens("\u{202E}doctor\u{202C}"), a.tokens("doctor"));
        let huge = "word ".repeat(100_000);
        assert_eq!(a.tokens(&huge).len(), MAX_TOKENS);
        assert!(a.tokens("").is_empty());
        assert!(a.tokens("🙂🙂🙂 ?!").is_empty());
    }

    #[test]
    fn turkish_capital_dotted_i_is_a_plain_i() {
        let a = Analyzer::new(Some(Lang::Tr));
        assert_eq!(a.tokens("İkamet izni"), a.tokens("ikamet izni"));
        assert_eq!(plain_words("İntihar"), ["intihar"]);
    }

    #[test]
    fn folding_removes_latin_diacritics_only() {
        assert_eq!(fold("sağlık"), "saglik");
        assert_eq!(fold("straße"), "strasse");
        assert_eq!(fold("zdrowotne"), "zdrowotne");
        assert_eq!(fold("пошта"), "пошта");
    }
}
