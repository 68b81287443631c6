//! Checks of a translation against the answer it was made from: every number and web address of
//! the source must appear in the translation, and the translation records which version of the
//! source it was made from (`source = "en:1a2b3c4d"`), so a changed source shows which translations
//! are stale. `wegwijs kb stamp` records the version once a translation has been brought up to date.

use super::{body_hash, Topic, Translation};
use crate::lang::Lang;

/// What is wrong with one translation, compared with its source.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Findings {
    /// Numbers of the source's answer that the translation lacks (digits as written in the source).
    pub missing_numbers: Vec<String>,
    /// Web addresses of the source's answer that the translation lacks.
    pub missing_urls: Vec<String>,
    pub version: Version,
}

/// Whether the translation was made from the source as it is now.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum Version {
    /// Made from the current source.
    #[default]
    Current,
    /// Made from an older version of the source.
    Stale { recorded: String, now: String },
    /// The source language is named, but not the version: run `kb stamp` after checking.
    Unstamped { now: String },
    /// The named source has no answer.
    NoSource,
}

impl Findings {
    pub fn is_clean(&self) -> bool {
        self.missing_numbers.is_empty() && self.missing_urls.is_empty() && self.version == Version::Current
    }

    /// Whether the facts carry over (numbers and addresses), whatever the version.
    pub fn facts_ok(&self) -> bool {
        self.missing_numbers.is_empty() && self.missing_urls.is_empty() && self.version != Version::NoSource
    }
}

/// Runs of digits, with Arabic-Indic, Persian and full-width digits read as 0–9; separators
/// between digit groups ("0800 2000", "7,50", "470.000") split them, so "€ 7,50" and "€7.50" agree.
pub fn numbers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        let d = match c {
            '0'..='9' => Some(c),
            '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
            '\u{FF10}'..='\u{FF19}' => char::from_digit(c as u32 - 0xFF10, 10),
            _ => None,
        };
        match d {
            Some(d) => cur.push(d),
            None if !cur.is_empty() => out.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.sort();
    out.dedup();
    out
}

/// The web and e-mail addresses in a text: `http://` and `https://` links, bare domains such as
/// "werk.nl" or "www.lv.nl/afval" (a word with a dot and a known top-level domain), and e-mail
/// addresses. Compared without the scheme and the case, so "https://werk.nl" and "werk.nl" agree.
pub fn urls(text: &str) -> Vec<String> {
    const TLDS: &[&str] = &["nl", "com", "org", "eu", "net", "info", "int", "gov", "edu", "be", "de", "uk", "io"];
    // Runs of the characters an address is written with: the address ends where another script or
    // a suffix starts ("werk.nl'de", "访问werk.nl，", "werk.nlን").
    let addressy = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | '_' | '?' | '#' | '=' | '&' | '%' | '@' | ':' | '+' | '~');
    let mut out = Vec::new();
    for run in text.split(|c: char| !addressy(c)) {
        let w = run.trim_matches(|c: char| matches!(c, '.' | ':' | '?' | '-' | '_'));
        let bare = w.strip_prefix("https://").or_else(|| w.strip_prefix("http://")).unwrap_or(w);
        let host = bare.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or(host);
        let Some((name, tld)) = host.rsplit_once('.') else { continue };
        let is_address = !name.is_empty()
            && TLDS.contains(&tld.to_ascii_lowercase().as_str())
            && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
            && name.chars().any(|c| c.is_ascii_alphabetic());
        if is_address {
            out.push(bare.trim_end_matches('/').to_ascii_lowercase());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Compares a translation with the answer it names as its source.
pub fn check(topic: &Topic, tr: &Translation) -> Option<Findings> {
    let source = tr.source.as_ref()?;
    let body = tr.body.as_deref()?;
    let Some(src_body) = topic.translation(source.lang).and_then(|s| s.body.as_deref()) else {
        return Some(Findings { version: Version::NoSource, ..Findings::default() });
    };
    let have = numbers(body);
    let missing_numbers = numbers(src_body).into_iter().filter(|n| !have.contains(n)).collect();
    let have_urls = urls(body);
    let missing_urls = urls(src_body).into_iter().filter(|u| !have_urls.contains(u)).collect();
    let now = format!("{}:{}", source.lang, body_hash(src_body));
    let version = match &source.hash {
        Some(h) if format!("{}:{h}", source.lang) == now => Version::Current,
        Some(h) => Version::Stale { recorded: format!("{}:{h}", source.lang), now },
        None => Version::Unstamped { now },
    };
    Some(Findings { missing_numbers, missing_urls, version })
}

/// The `source = "..."` value that records the current version of `lang`'s answer of `topic`.
pub fn stamp_value(topic: &Topic, lang: Lang) -> Option<String> {
    topic.translation(lang).and_then(|t| t.body.as_deref()).map(|b| format!("{lang}:{}", body_hash(b)))
}

/// `text` (a whole `<lang>.md` file) with its front matter's `source` set to `value`: the line is
/// replaced, or added after `status` (or before the closing `+++`).
pub fn with_source(text: &str, value: &str) -> String {
    let line = format!("source = \"{value}\"");
    let mut out = Vec::new();
    let mut in_front = false;
    let mut done = false;
    let mut fences = 0;
    for l in text.lines() {
        if l.trim_end() == "+++" {
            fences += 1;
            in_front = fences == 1;
            if fences == 2 && !done {
                out.push(line.clone());
                done = true;
            }
            out.push(l.to_string());
            continue;
        }
        if in_front && l.trim_start().starts_with("source") && l.split('=').next().is_some_and(|k| k.trim() == "source") {
            // The old value goes; the new one is written here, or was already written after `status`.
            if !done {
                out.push(line.clone());
                done = true;
            }
            continue;
        }
        out.push(l.to_string());
        if in_front && !done && l.trim_start().starts_with("status") && l.contains('=') {
            out.push(line.clone());
            done = true;
        }
    }
    let mut s = out.join("\n");
    if text.ends_with('\n') {
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_agree_across_notations_and_scripts() {
        assert_eq!(numbers("€ 7,50 per month, call 0800 2000"), ["0800", "2000", "50", "7"]);
        assert_eq!(numbers("€7.50"), numbers("€ 7,50"));
        assert_eq!(numbers("٤ أشهر"), ["4"]);
        assert_eq!(numbers("۱۱۲"), ["112"]);
        assert!(numbers("no digits").is_empty());
    }

    #[test]
    fn urls_are_found_without_trailing_punctuation() {
        assert_eq!(urls("See https://www.ind.nl/en. Or (https://a.nl/x?y=1)"), ["a.nl/x?y=1", "www.ind.nl/en"]);
    }

    #[test]
    fn bare_domains_and_mail_addresses_count_as_addresses() {
        assert_eq!(urls("Ga naar Werk.nl of mail info@lv.nl. Kijk op www.lv.nl/afval, e.g. op 7.50 uur."), ["info@lv.nl", "werk.nl", "www.lv.nl/afval"]);
        assert_eq!(urls("请访问werk.nl，或者 https://werk.nl/"), ["werk.nl"]);
        assert_eq!(urls("راجع werk.nl، أو اتصل"), ["werk.nl"]);
        assert_eq!(urls("Ayrıntılar lv.nl'de ve werk.nl'den."), ["lv.nl", "werk.nl"]);
    }

    #[test]
    fn the_source_line_is_replaced_or_added() {
        let f = "+++\ntitle = \"x\"\nstatus = \"draft\"\nsource = \"en\"\n+++\nbody\n";
        assert_eq!(with_source(f, "en:12345678"), "+++\ntitle = \"x\"\nstatus = \"draft\"\nsource = \"en:12345678\"\n+++\nbody\n");
        let g = "+++\ntitle = \"x\"\nstatus = \"draft\"\n+++\nbody\n";
        assert_eq!(with_source(g, "en:1"), "+++\ntitle = \"x\"\nstatus = \"draft\"\nsource = \"en:1\"\n+++\nbody\n");
        let k = "+++\nstatus = \"draft\"\ntitle = \"x\"\nsource = \"en\"\n+++\nbody\n";
        assert_eq!(with_source(k, "en:3"), "+++\nstatus = \"draft\"\nsource = \"en:3\"\ntitle = \"x\"\n+++\nbody\n", "one source line, wherever it was");
        let h = "+++\ntitle = \"x\"\n+++\nbody";
        assert_eq!(with_source(h, "nl:2"), "+++\ntitle = \"x\"\nsource = \"nl:2\"\n+++\nbody");
    }
}
