//! The languages Wegwijs speaks, as a type: parse codes at the edge, pass `Lang` inside.

use std::fmt;
use std::str::FromStr;

/// One of the 17 supported languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Lang {
    Nl,
    En,
    Ar,
    Tr,
    Pl,
    Uk,
    Ru,
    Fa,
    Ti,
    So,
    Es,
    Fr,
    De,
    Zh,
    Pt,
    Ro,
    It,
}

/// Writing systems that matter for detection and tokenization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Arabic,
    Cyrillic,
    Ethiopic,
    Han,
}

impl Lang {
    /// All languages, in the order of the project's list.
    pub const ALL: [Lang; 17] = [
        Lang::Nl,
        Lang::En,
        Lang::Ar,
        Lang::Tr,
        Lang::Pl,
        Lang::Uk,
        Lang::Ru,
        Lang::Fa,
        Lang::Ti,
        Lang::So,
        Lang::Es,
        Lang::Fr,
        Lang::De,
        Lang::Zh,
        Lang::Pt,
        Lang::Ro,
        Lang::It,
    ];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Tr => "tr",
            Lang::Pl => "pl",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
            Lang::Fa => "fa",
            Lang::Ti => "ti",
            Lang::So => "so",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Zh => "zh",
            Lang::Pt => "pt",
            Lang::Ro => "ro",
            Lang::It => "it",
        }
    }

    /// Parses an ISO 639-1 code, also accepting region tags as platforms send them ("pt-BR", "zh_Hans").
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == base)
    }

    pub fn script(self) -> Script {
        match self {
            Lang::Ar | Lang::Fa => Script::Arabic,
            Lang::Uk | Lang::Ru => Script::Cyrillic,
            Lang::Ti => Script::Ethiopic,
            Lang::Zh => Script::Han,
            _ => Script::Latin,
        }
    }

    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::Fa)
    }

    /// Position in [`Lang::ALL`], for dense per-language tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Error for a language code outside the supported set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language code '{0}' (supported: nl en ar tr pl uk ru fa ti so es fr de zh pt ro it)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Only exact codes here: region tags are for platform hints, not for files.
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == s)
            .ok_or_else(|| UnknownLang(s.to_string()))
    }
}

impl TryFrom<String> for Lang {
    type Error = UnknownLang;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Lang> for String {
    fn from(l: Lang) -> String {
        l.code().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(l.code().parse::<Lang>(), Ok(l));
            assert_eq!(Lang::ALL[l.index()], l);
        }
    }

    #[test]
    fn platform_tags_are_reduced_to_their_language() {
        assert_eq!(Lang::from_code("pt-BR"), Some(Lang::Pt));
        assert_eq!(Lang::from_code("zh_Hans"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("ja"), None);
        assert!("pt-BR".parse::<Lang>().is_err());
    }
}
