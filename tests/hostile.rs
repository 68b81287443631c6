//! Thousands of random and hostile strings: the core answers every one properly, never panics.

mod common;
use common::*;
use wegwijs::message::{Action, Incoming, Input, Kind};

fn hostile_samples() -> Vec<String> {
    let mut v = hostile_strings();
    let pieces = [
        "bsn", "huisarts", "zorg", "كيف", "ሓኪም", "医生", "Як", "\u{202E}", "\u{200C}", "\u{0}", "\"", "(", ")", ":", "*", "~", "^",
        "<", ">", "&", "/", "\\", "\n", "\t", "🙂", "é", "ß", "ı", " ", "OR", "AND", "NOT", "[", "]", "{", "}", "+", "-",
    ];
    let mut rng = fastrand::Rng::with_seed(20261122);
    for _ in 0..3_000 {
        let n = rng.usize(0..30);
        let mut s = String::new();
        for _ in 0..n {
            if rng.u8(..) < 200 {
                s.push_str(pieces[rng.usize(..pieces.len())]);
            } else {
                // Any Unicode scalar value.
                s.push(char::from_u32(rng.u32(0..0x10FFFF)).unwrap_or('\u{FFFD}'));
            }
        }
        v.push(s);
    }
    v
}

#[test]
fn every_hostile_string_gets_a_proper_reply() {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    for (i, text) in hostile_samples().into_iter().enumerate() {
        let msg = Incoming::text(wegwijs::message::ChatRef::new("fuzz", format!("{}", i % 7)), "u", text.clone());
        let out = e.handle(&msg);
        assert!(!out.is_empty(), "no reply to sample {i}");
        for m in &out {
            assert!(!m.text.plain().trim().is_empty(), "empty reply to sample {i}");
            assert!(matches!(m.kind, Kind::Answer | Kind::Choice | Kind::DontKnow | Kind::Info));
        }
        // The search itself must rank without panicking, and never more than it has.
        let asked = e.ask(&text, None);
        assert!(asked.ranked.topics.len() <= 10);
        assert!(asked.ranked.topics.iter().all(|s| s.score.is_finite()));
    }
}

#[test]
fn crafted_button_data_is_rejected_or_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    for data in ["t:../../etc/passwd", "t:no-such-topic", "l:xx", "f+:", "adv:1", "\u{0}"] {
        match Action::decode(data) {
            None => {}
            Some(a) => {
                let out = e.handle(&Incoming { input: Input::Action(a), ..Incoming::text(chat(), "u", "") });
                assert!(!out.is_empty());
            }
        }
    }
    let out = press(&e, Action::Topic(wegwijs::knowledge::TopicId::parse("no-such-topic").unwrap()));
    assert_eq!(out[0].kind, Kind::DontKnow);
}
