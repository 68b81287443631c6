//! Russian and Ukrainian typed in Latin letters ("privet, kak poluchit BSN", "dyakuyu, de zareyestruvatysya"):
//! on a borrowed phone or a Dutch keyboard people write their language in the letters they have. The
//! word lists are spelt out the two ways people most often do it, so that the detector can tell such
//! a message from Polish, Somali or Turkish and answer in Russian or Ukrainian.

use crate::lang::Lang;

/// The two common ways of typing Cyrillic in Latin letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// English-style: "ya", "yu", "kh", "ts", "shch", "zh" (passports, most chat).
    English,
    /// With j and c, as in the languages around: "ja", "ju", "h", "c", "sch".
    J,
}

/// A lower-case Russian or Ukrainian word in Latin letters; `None` for other languages, and for a word
/// with letters outside the Cyrillic alphabet.
pub fn latin(lang: Lang, word: &str, scheme: Scheme) -> Option<String> {
    if !matches!(lang, Lang::Ru | Lang::Uk) {
        return None;
    }
    let uk = lang == Lang::Uk;
    let e = scheme == Scheme::English;
    let mut out = String::with_capacity(word.len());
    for (i, c) in word.chars().flat_map(char::to_lowercase).enumerate() {
        let s: &str = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' if uk => "h",
            'г' => "g",
            'ґ' => "g",
            'д' => "d",
            'е' if uk => "e",
            'е' if i == 0 && e => "ye",
            'е' => "e",
            'ё' if e => "yo",
            'ё' => "jo",
            'є' if e => "ye",
            'є' => "je",
            'ж' => "zh",
            'з' => "z",
            'и' if uk => "y",
            'и' => "i",
            'і' => "i",
            'ї' if e => "yi",
            'ї' => "ji",
            'й' if e => "y",
            'й' => "j",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' if e => "kh",
            'х' => "h",
            'ц' if e => "ts",
            'ц' => "c",
            'ч' => "ch",
            'ш' => "sh",
            'щ' if e => "shch",
            'щ' => "sch",
            'ъ' | 'ь' | '\'' | 'ʼ' | '’' => "",
            'ы' => "y",
            'э' => "e",
            'ю' if e => "yu",
            'ю' => "ju",
            'я' if e => "ya",
            'я' => "ja",
            '-' => "-",
            _ => return None,
        };
        out.push_str(s);
    }
    (!out.is_empty()).then_some(out)
}

/// Russian or Ukrainian typed in Latin letters, written back in Cyrillic as well as it can be guessed
/// ("kak poluchit BSN" → "как получит BSN"), so that search finds the knowledge base's own words.
/// Words with two or more capitals (BSN, IND) and words `keep` says to keep (Dutch terms such as
/// "gemeente") stay as they are. `None` for other languages.
pub fn to_cyrillic(lang: Lang, text: &str, keep: impl Fn(&str) -> bool) -> Option<String> {
    if !matches!(lang, Lang::Ru | Lang::Uk) {
        return None;
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            if word.chars().filter(char::is_ascii_uppercase).count() >= 2 || keep(word) {
                out.push_str(word);
            } else {
                out.push_str(&word_to_cyrillic(lang, &word.to_ascii_lowercase()));
            }
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_ascii_alphabetic() || (c == '\'' && !word.is_empty()) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    Some(out)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// One lower-case ASCII word in Cyrillic, longest spelling first.
fn word_to_cyrillic(lang: Lang, w: &str) -> String {
    let uk = lang == Lang::Uk;
    let b = w.as_bytes();
    let mut out = String::with_capacity(w.len() * 2);
    let mut i = 0;
    while i < b.len() {
        let rest = &w[i..];
        let prev_vowel = i > 0 && is_vowel(b[i - 1] as char);
        let start_or_after_vowel = i == 0 || prev_vowel;
        let (cyr, n): (&str, usize) = if rest.starts_with("shch") {
            ("щ", 4)
        } else if rest.starts_with("sch") {
            ("щ", 3)
        } else if rest.starts_with("zh") {
            ("ж", 2)
        } else if rest.starts_with("kh") {
            ("х", 2)
        } else if rest.starts_with("ts") || rest.starts_with("tz") {
            ("ц", 2)
        } else if rest.starts_with("ch") {
            ("ч", 2)
        } else if rest.starts_with("sh") {
            ("ш", 2)
        } else if rest.starts_with("yu") || rest.starts_with("ju") || (rest.starts_with("iu") && start_or_after_vowel) {
            ("ю", 2)
        } else if rest.starts_with("ya") || rest.starts_with("ja") || (rest.starts_with("ia") && start_or_after_vowel) {
            ("я", 2)
        } else if rest.starts_with("yo") || rest.starts_with("jo") {
            (if uk { "йо" } else { "ё" }, 2)
        } else if (rest.starts_with("ye") || rest.starts_with("je")) && start_or_after_vowel {
            (if uk { "є" } else { "е" }, 2)
        } else if uk && (rest.starts_with("yi") || rest.starts_with("ji")) {
            ("ї", 2)
        } else {
            let c = b[i] as char;
            let s = match c {
                'a' => "а",
                'b' => "б",
                'v' | 'w' => "в",
                'g' => "г",
                'd' => "д",
                'e' => "е",
                'z' => "з",
                'i' if uk => "і",
                'i' => "и",
                'y' | 'j' if prev_vowel => "й",
                'y' if uk => "и",
                'y' => "ы",
                'j' => "й",
                'k' | 'q' => "к",
                'l' => "л",
                'm' => "м",
                'n' => "н",
                'o' => "о",
                'p' => "п",
                'r' => "р",
                's' => "с",
                't' => "т",
                'u' => "у",
                'f' => "ф",
                'h' if uk => "г",
                'h' => "х",
                'c' => "ц",
                'x' => "кс",
                '\'' => "ь",
                _ => "",
            };
            (s, 1)
        };
        out.push_str(cyr);
        i += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_spelt_as_people_type_them() {
        assert_eq!(latin(Lang::Ru, "Здравствуйте", Scheme::English).as_deref(), Some("zdravstvuyte"));
        assert_eq!(latin(Lang::Ru, "жильё", Scheme::J).as_deref(), Some("zhiljo"));
        assert_eq!(latin(Lang::Ru, "ещё", Scheme::English).as_deref(), Some("yeshchyo"));
        assert_eq!(latin(Lang::Uk, "дякую", Scheme::English).as_deref(), Some("dyakuyu"));
        assert_eq!(latin(Lang::Uk, "підкажіть", Scheme::English).as_deref(), Some("pidkazhit"));
        assert_eq!(latin(Lang::Uk, "гривня", Scheme::J).as_deref(), Some("hryvnja"));
        assert_eq!(latin(Lang::Nl, "huis", Scheme::English), None);
        assert_eq!(latin(Lang::Ru, "bsn", Scheme::English), None, "not a Cyrillic word");
    }

    #[test]
    fn latin_letters_go_back_to_cyrillic_for_search() {
        let keep = |w: &str| w == "gemeente";
        assert_eq!(to_cyrillic(Lang::Ru, "kak poluchit BSN v gemeente?", keep).as_deref(), Some("как получит BSN в gemeente?"));
        assert_eq!(to_cyrillic(Lang::Ru, "zhilyo i strakhovka", keep).as_deref(), Some("жилё и страховка"));
        assert_eq!(to_cyrillic(Lang::Uk, "pidkazhit, de shukaty zhytlo", keep).as_deref(), Some("підкажіт, де шукати житло"));
        assert_eq!(to_cyrillic(Lang::Nl, "waar", keep), None);
    }
}
