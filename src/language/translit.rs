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
}
