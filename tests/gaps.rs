//! Knowledge gaps: unanswered questions, "did not help", requests for a person and chosen topics are
//! recorded without identity, grouped for editors, forgotten with /forget, and can be switched off.

mod common;
use common::*;
use wegwijs::message::{Action, Kind};
use wegwijs::store::GapReason;

#[test]
fn unanswered_questions_are_recorded_grouped_and_forgotten() {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    say(&e, "What will the weather be like tomorrow?");
    say(&e, "what will the weather be tomorrow");
    say(&e, "how do i find a gp");
    press(&e, Action::Feedback { topic: wegwijs::knowledge::TopicId::parse("gp-registration").unwrap(), helped: false });
    let out = say(&e, "huisarts zorgverzekering");
    assert_eq!(out[0].kind, Kind::Choice);
    press(&e, Action::Topic(wegwijs::knowledge::TopicId::parse("health-insurance").unwrap()));

    let gaps = e.store().gaps().unwrap();
    let reasons: Vec<GapReason> = gaps.iter().map(|g| g.reason).collect();
    assert_eq!(reasons, [GapReason::DontKnow, GapReason::DontKnow, GapReason::NotHelped, GapReason::Chose]);
    let report = wegwijs::gaps::report(&gaps);
    assert_eq!(report.groups[0].count, 2, "the two weather questions form one group: {report:#?}");
    assert_eq!(report.suggestions["health-insurance"], ["huisarts zorgverzekering"]);
    let json = serde_json::to_string(&report).unwrap();
    assert!(!json.contains("user-1") && !json.contains("chat-1"), "no identity in the report");

    say(&e, "/forget");
    assert!(e.store().gaps().unwrap().is_empty(), "/forget removes this person's entries");
}

#[test]
fn recording_can_be_switched_off() {
    let tmp = tempfile::tempdir().unwrap();
    let bot = tmp.path().join("bot.toml");
    let fixtures = root().join("tests/fixtures");
    std::fs::write(
        &bot,
        format!(
            "id = \"x\"\nmunicipality = \"Leiden\"\nlayers = [\"national\", \"leiden\"]\nknowledge_dir = \"{}\"\nlocales_dir = \"{}\"\n[gaps]\nrecord = false\n",
            fixtures.join("knowledge").display(),
            root().join("locales").display()
        ),
    )
    .unwrap();
    let e = engine_for(bot.to_str().unwrap(), tmp.path());
    say(&e, "What will the weather be like tomorrow?");
    assert!(e.store().gaps().unwrap().is_empty());
}
