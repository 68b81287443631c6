//! Every message id exists in every one of the 17 locales, and placeables survive translation.

mod common;
use wegwijs::lang::Lang;
use wegwijs::locale::Locales;

#[test]
fn every_locale_has_every_message() {
    let loc = Locales::load(&common::root().join("locales")).expect("locales load without errors");
    let mut problems = Vec::new();
    for (lang, (missing, extra)) in loc.completeness() {
        if !missing.is_empty() {
            problems.push(format!("locales/{lang}: missing {missing:?}"));
        }
        if !extra.is_empty() {
            problems.push(format!("locales/{lang}: ids English does not have {extra:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn placeables_are_filled_in_every_language() {
    let loc = Locales::load(&common::root().join("locales")).unwrap();
    for lang in Lang::ALL {
        let s = loc.msg(lang, "welcome", &[("municipality", "Zwijndrecht-Test")]);
        assert!(s.contains("Zwijndrecht-Test"), "{lang}: {s}");
        let s = loc.msg(lang, "answer-language-note", &[("wanted", "WANTED"), ("shown", "SHOWN")]);
        assert!(s.contains("WANTED") && s.contains("SHOWN"), "{lang}: {s}");
        let s = loc.msg(lang, "language-set", &[("language", "LANG")]);
        assert!(s.contains("LANG"), "{lang}: {s}");
        // Isolation marks only where text runs right to left.
        assert_eq!(s.contains('\u{2068}'), lang.is_rtl(), "{lang}");
    }
}

#[test]
fn commands_stay_commands_in_help() {
    let loc = Locales::load(&common::root().join("locales")).unwrap();
    for lang in Lang::ALL {
        let help = loc.msg(lang, "help", &[]);
        for cmd in ["/language", "/advisor", "/forget", "/help"] {
            assert!(help.contains(cmd), "{lang} help lacks {cmd}");
        }
    }
}
