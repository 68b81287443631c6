//! Every message id exists in every one of the 17 locales, and placeables survive translation.

mod common;
use wegwijs::lang::Lang;
use wegwijs::locale::Locales;

#[test]
fn every_locale_has_every_message() {
    let loc = Locales::load(&common::root().join("locales")).expect("locales load without errors");
    let mut problems = Vec::new();
    for (lang, (missing, extra)) in loc.completeness() {
        // Advisors' texts (staff-*) are complete in English, Dutch and Arabic; others fall back to English.
        let missing: Vec<String> = missing.into_iter().filter(|id| !id.starts_with("staff-") || matches!(lang, Lang::Nl | Lang::Ar)).collect();
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
    }
}

/// Every helpline number, exactly as written, in every language's safety texts.
const HELPLINES: &[(&str, &[&str])] = &[
    ("safeguarding-now", &["112"]),
    ("safeguarding-112", &["112"]),
    ("safeguarding-113", &["113", "0800 0113", "113.nl"]),
    ("safeguarding-veilig-thuis", &["Veilig Thuis", "0800 2000"]),
    ("safeguarding-csg", &["Centrum Seksueel Geweld", "0800 0188"]),
    ("safeguarding-police", &["0900 8844"]),
    ("safeguarding-exploitation", &["Nederlandse Arbeidsinspectie", "0800 5151", "CoMensha", "033 448 11 86"]),
];

#[test]
fn safety_texts_carry_every_number_in_every_language() {
    let loc = Locales::load(&common::root().join("locales")).unwrap();
    for lang in Lang::ALL {
        for (id, needed) in HELPLINES {
            let s = loc.msg(lang, id, &[]);
            for n in *needed {
                assert!(s.contains(n), "{lang} {id} lacks {n}: {s}");
            }
        }
    }
}

/// In Arabic and Persian, numbers and Latin names in the safety message are wrapped in
/// left-to-right isolates, so "0800 2000" is not shown as "2000 0800"; the digits keep their order.
#[test]
fn safety_message_numbers_are_isolated_left_to_right_in_rtl_languages() {
    use wegwijs::answer::Composer;
    use wegwijs::escalation::Category;
    use wegwijs::knowledge::KnowledgeBase;
    use wegwijs::message::ChatRef;
    use wegwijs::rich::{LRI, PDI};
    let loc = Locales::load(&common::root().join("locales")).unwrap();
    let kb = KnowledgeBase::new(vec![]);
    let composer = Composer { kb: &kb, locales: &loc, fallback: &[Lang::En], person_now: &|_| true };
    let chat = ChatRef::new("test", "1");
    for lang in Lang::ALL {
        for category in Category::ALL.into_iter().map(Some).chain([None]) {
            let text = composer.urgent(&chat, lang, category).text.plain();
            let numbers: Vec<&str> = HELPLINES.iter().flat_map(|(_, n)| n.iter().copied()).filter(|n| text.contains(n)).collect();
            assert!(text.contains("112"), "{lang} {category:?}: {text}");
            for n in numbers {
                if lang.is_rtl() {
                    // The number sits inside an isolate, whole and in logical order.
                    let isolated = text.split(LRI).skip(1).filter_map(|rest| rest.split(PDI).next()).any(|run| run.contains(n));
                    assert!(isolated, "{lang} {category:?}: {n} is not inside a left-to-right isolate: {text:?}");
                } else {
                    assert!(!text.contains(LRI), "{lang}: isolates only in right-to-left text");
                }
            }
        }
    }
}

#[test]
fn every_language_has_trigger_phrases_of_every_kind() {
    use wegwijs::escalation::{Category, TriggerKind, Triggers};
    let t = Triggers::load(&common::root().join("locales")).expect("trigger files load");
    // The languages most used by refugees and status holders have at least 25 phrasings per kind,
    // the others at least 12.
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let want = if matches!(lang, Lang::Ar | Lang::Ti | Lang::So | Lang::Fa | Lang::Uk | Lang::Tr | Lang::Ru) { 25 } else { 12 };
        for c in Category::ALL {
            let n = t.count(lang, TriggerKind::Safeguarding(c));
            if n < want {
                problems.push(format!("{lang} {c}: {n} phrases, want {want}"));
            }
        }
        if t.count(lang, TriggerKind::Advisor) == 0 {
            problems.push(format!("{lang}: no phrases asking for a person"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A sentence that a phrase must match: the first alternative of each slot, a prefix completed.
fn sample(phrase: &str) -> String {
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|slot| slot.trim_matches(|c| c == '(' || c == ')').split('|').next().unwrap_or("").to_string())
        .map(|w| match w.strip_suffix('*') {
            Some(p) => p.to_string(),
            None => w,
        })
        .collect();
    format!("{} ?", words.join(" "))
}

#[test]
fn phrases_fire_in_every_language_and_ordinary_questions_do_not() {
    use wegwijs::escalation::{Trigger, Triggers};
    use wegwijs::knowledge::{load, LoadOptions};
    let root = common::root();
    let t = Triggers::load(&root.join("locales")).unwrap();
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let text = std::fs::read_to_string(root.join("locales").join(lang.code()).join("triggers.toml")).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap();
        let mut lists: Vec<(&str, Vec<&str>)> = vec![("advisor", table["advisor"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect())];
        for (kind, list) in table["safeguarding"].as_table().unwrap() {
            lists.push((kind.as_str(), list.as_array().unwrap().iter().filter_map(|v| v.as_str()).collect()));
        }
        for (kind, phrases) in lists {
            for p in phrases {
                let got = t.check(&sample(p));
                let ok = match got {
                    Some(Trigger::Safeguarding(_)) => true,
                    Some(Trigger::Advisor) => kind == "advisor",
                    None => false,
                };
                if !ok {
                    problems.push(format!("{lang} {kind} {p:?} does not fire on {:?} ({got:?})", sample(p)));
                }
            }
        }
    }
    // Questions from the knowledge base outside the safety topics never raise an alarm.
    let (kb, _) = load(&root.join("knowledge"), &LoadOptions::default());
    for topic in kb.topics().iter().filter(|t| !about_safety(t)) {
        for (lang, tr) in &topic.translations {
            for q in &tr.questions {
                if let Some(Trigger::Safeguarding(c)) = t.check(q) {
                    problems.push(format!("{}/{lang}: ordinary question raises a {c} alarm: {q}", topic.id));
                }
            }
        }
    }
    // The safety topics' own questions do raise it.
    for topic in kb.topics().iter().filter(|t| matches!(t.id.as_str(), "domestic-violence")) {
        for (lang, tr) in &topic.translations {
            let caught = tr.questions.iter().filter(|q| matches!(t.check(q), Some(Trigger::Safeguarding(_)))).count();
            if caught * 2 < tr.questions.len() {
                problems.push(format!("{}/{lang}: only {caught} of {} questions raise the alarm", topic.id, tr.questions.len()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A topic whose questions may rightly raise the alarm: the safety topics (`safeguarding` in
/// `topic.toml`), and reporting a crime or abuse at work, which is about violence too ("ik ben
/// mishandeld").
fn about_safety(topic: &wegwijs::knowledge::Topic) -> bool {
    topic.safeguarding || matches!(topic.id.as_str(), "police-report" | "work-rights")
}

/// The project's own sets of ordinary questions, in every language, raise no phrase alarm unless the
/// question is itself about safety. Every language's lists apply to every message, so this also
/// guards against a word of one language that is an everyday word of another (Polish "sińce",
/// bruises, is the English "since" without its accent).
#[test]
fn ordinary_questions_of_the_own_sets_raise_no_alarm() {
    use wegwijs::escalation::{Trigger, Triggers};
    use wegwijs::knowledge::{load, LoadOptions};
    let root = common::root();
    let t = Triggers::load(&root.join("locales")).unwrap();
    let (kb, _) = load(&root.join("knowledge"), &LoadOptions::default());
    let safety: Vec<&str> = kb.topics().iter().filter(|t| about_safety(t)).map(|t| t.id.as_str()).collect();
    let files = ["integration.jsonl", "out-of-scope.jsonl", "blind/questions-a.jsonl", "blind/questions-b.jsonl", "blind/questions-c.jsonl", "blind4/questions.jsonl"];
    let (mut checked, mut problems) = (0, Vec::new());
    for file in files {
        let text = std::fs::read_to_string(root.join("eval/own").join(file)).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let expect: Vec<&str> = v["expect"].as_array().map(|a| a.iter().filter_map(|x| x.as_str()).collect()).unwrap_or_default();
            if expect.iter().any(|e| safety.contains(e)) {
                continue;
            }
            let q = v["q"].as_str().unwrap();
            checked += 1;
            if let Some(Trigger::Safeguarding(c)) = t.check(q) {
                problems.push(format!("{file}: ordinary question raises a {c} alarm: {q}"));
            }
        }
    }
    assert!(checked > 500, "only {checked} questions read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The own distress set and the tuning lines of each theme (`eval/own/themes/`, among them the signs
/// that fire only in pairs) agree with the phrase lists: every distress line fires, every look-alike
/// stays quiet. (The semantic check comes on top of this; `wegwijs eval` measures both.)
#[test]
fn own_distress_lines_and_theme_lines_agree_with_the_phrases() {
    use wegwijs::escalation::{Trigger, Triggers};
    let root = common::root();
    let t = Triggers::load(&root.join("locales")).unwrap();
    let mut files = vec![root.join("eval/own/distress.jsonl")];
    let mut themes: Vec<_> = std::fs::read_dir(root.join("eval/own/themes")).unwrap().map(|e| e.unwrap().path()).collect();
    themes.sort();
    files.extend(themes);
    let (mut distress, mut ordinary, mut problems) = (0, 0, Vec::new());
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let Some(safety) = v["safety"].as_bool() else { continue };
            let q = v["q"].as_str().unwrap();
            let fired = matches!(t.check(q), Some(Trigger::Safeguarding(_)));
            if safety { distress += 1 } else { ordinary += 1 }
            if fired != safety {
                let what = if safety { "distress not caught" } else { "false alarm" };
                problems.push(format!("{}: {what}: {q}", file.file_name().unwrap().to_string_lossy()));
            }
        }
    }
    assert!(distress > 1000 && ordinary > 500, "only {distress} distress and {ordinary} ordinary lines read");
    assert!(problems.is_empty(), "{} of {} lines disagree:\n{}", problems.len(), distress + ordinary, problems.join("\n"));
}

/// Every message id that the code asks for by name (`msg(lang, "id", ...)`, `staff(lang, "id", ...)`)
/// exists in English: a missing one would show its id to people instead of a sentence.
#[test]
fn every_message_the_code_names_exists() {
    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let loc = Locales::load(&common::root().join("locales")).unwrap();
    let mut files = Vec::new();
    rust_files(&common::root().join("src"), &mut files);
    let (mut checked, mut missing) = (0, Vec::new());
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        for call in ["msg(", "msg_num(", "staff(", "try_msg("] {
            for (at, _) in src.match_indices(call) {
                // The first string literal of the call, when it looks like a message id.
                let rest = &src[at + call.len()..];
                let end = rest.find([';', '{', '}']).unwrap_or(rest.len());
                let Some(open) = rest[..end].find('"') else { continue };
                let lit = &rest[open + 1..];
                let Some(close) = lit.find('"') else { continue };
                let id = &lit[..close];
                if id.len() < 3 || !id.contains('-') || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
                    continue;
                }
                checked += 1;
                if !loc.ids_with_prefix(Lang::En, id).iter().any(|known| known == id) {
                    missing.push(format!("{}: {id}", f.display()));
                }
            }
        }
    }
    assert!(checked > 50, "the scan found the calls ({checked})");
    assert!(missing.is_empty(), "message ids used in the code but missing from locales/en: {missing:?}");
}
