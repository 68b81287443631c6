//! Every message id exists in every one of the 17 locales, and placeables survive translation.

mod common;
use wegwijs::lang::Lang;
use wegwijs::locale::Locales;

#[test]
fn every_locale_has_every_message() {
    let loc = Locales::load(&common::root().join("locales")).expect("locales load without errors");
    let mut problems = Vec::new();
    for (lang, (missing, extra)) in loc.completeness() {
        // Advisors' texts (staff-*) are complete in English and Dutch; others fall back to English.
        let missing: Vec<String> = missing.into_iter().filter(|id| !id.starts_with("staff-") || lang == Lang::Nl).collect();
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

#[test]
fn newcomer_escalation_texts_keep_their_placeables() {
    let loc = Locales::load(&common::root().join("locales")).unwrap();
    for lang in Lang::ALL {
        for (id, args) in [
            ("ticket-created", vec![("ticket", "4242")]),
            ("ticket-created-closed", vec![("ticket", "4242"), ("day", "DAYNAME"), ("time", "09:30")]),
            ("ticket-waiting", vec![("day", "DAYNAME"), ("time", "09:30")]),
            ("ticket-claimed", vec![("name", "Fatima")]),
            ("advisor-says", vec![("name", "Fatima")]),
            ("ticket-closed", vec![("hours", "72")]),
        ] {
            let s = loc.msg(lang, id, &args);
            for (_, v) in &args {
                assert!(s.contains(v), "{lang} {id} lacks {v}: {s}");
            }
        }
        for (id, number) in [("safeguarding-now", "112"), ("safeguarding-112", "112"), ("safeguarding-113", "113"), ("safeguarding-veilig-thuis", "0800 2000")] {
            let s = loc.msg(lang, id, &[]);
            assert!(s.contains(number), "{lang} {id} lacks {number}: {s}");
        }
    }
}

#[test]
fn every_language_has_trigger_phrases() {
    use wegwijs::escalation::{Trigger, Triggers};
    let t = Triggers::load(&common::root().join("locales")).expect("trigger files load");
    for kind in [Trigger::Advisor, Trigger::Safeguarding] {
        let have = t.languages(kind);
        let missing: Vec<Lang> = Lang::ALL.iter().copied().filter(|l| !have.contains(l)).collect();
        assert!(missing.is_empty(), "{kind:?} phrases missing for {missing:?}");
    }
}

#[test]
fn safeguarding_phrases_fire_in_every_language_and_ordinary_questions_do_not() {
    use wegwijs::escalation::{Trigger, Triggers};
    use wegwijs::knowledge::{load, LoadOptions};
    let root = common::root();
    let t = Triggers::load(&root.join("locales")).unwrap();
    // Each language's own phrases fire inside a sentence.
    for lang in Lang::ALL {
        let text = std::fs::read_to_string(root.join("locales").join(lang.code()).join("triggers.toml")).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap();
        for kind in ["safeguarding", "advisor"] {
            for p in table[kind].as_array().unwrap().iter().filter_map(|v| v.as_str()) {
                let phrase = p.trim_end_matches('*');
                let sentence = format!("{phrase} ?");
                let want = if kind == "safeguarding" { Trigger::Safeguarding } else { Trigger::Advisor };
                let got = t.check(&sentence);
                assert!(got == Some(want) || got == Some(Trigger::Safeguarding), "{lang} {kind} {p:?} → {got:?}");
            }
        }
    }
    // Questions from the knowledge base outside the safety topics never raise an alarm (reporting a
    // crime is about violence too: "ik ben mishandeld" rightly does).
    let (kb, _) = load(&root.join("knowledge"), &LoadOptions::default());
    let mut alarms = Vec::new();
    for topic in kb.topics().iter().filter(|t| !t.safeguarding && t.id.as_str() != "police-report") {
        for (lang, tr) in &topic.translations {
            for q in &tr.questions {
                if t.check(q) == Some(Trigger::Safeguarding) {
                    alarms.push(format!("{}/{lang}: {q}", topic.id));
                }
            }
        }
    }
    assert!(alarms.is_empty(), "ordinary questions raise a safety alarm:\n{}", alarms.join("\n"));
}
