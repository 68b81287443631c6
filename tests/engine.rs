//! The core through its API: answers, choices, "don't know", language evidence, buttons.

mod common;
use common::*;
use wegwijs::conversation::LangSource;
use wegwijs::lang::Lang;
use wegwijs::message::{Action, Incoming, Kind};
use wegwijs::search::Decision;

#[test]
fn dutch_question_gets_dutch_answer_with_links_related_and_feedback() {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    let out = say(&e, "Hoe krijg ik een burgerservicenummer?");
    assert_eq!(out.len(), 1);
    let m = &out[0];
    assert_eq!(m.kind, Kind::Answer);
    assert_eq!(m.lang, Lang::Nl);
    let text = m.text.plain();
    assert!(text.contains("BSN: je burgerservicenummer"), "{text}");
    assert!(text.contains("https://www.government.nl/topics/personal-data/citizen-service-number-bsn"));
    assert!(text.contains("Rijksoverheid: burgerservicenummer"), "link label in Dutch: {text}");
    let actions: Vec<&Action> = m.all_buttons().map(|b| &b.action).collect();
    assert!(actions.iter().any(|a| matches!(a, Action::Feedback { helped: true, .. })));
    assert!(actions.iter().any(|a| matches!(a, Action::Feedback { helped: false, .. })));
    assert!(actions.contains(&&Action::Advisor));
    assert!(actions.iter().any(|a| matches!(a, Action::Topic(t) if t.as_str() == "register-address")));
}

#[test]
fn answer_in_fallback_language_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    let out = say(&e, "كيف أحصل على رقم المواطن BSN");
    let m = &out[0];
    assert_eq!(m.lang, Lang::Ar);
    // Numbers and Latin words in right-to-left text come wrapped in direction isolates.
    let text = m.text.plain().replace([wegwijs::rich::LRI, wegwijs::rich::PDI], "");
    // Title in Arabic, body from English, with an Arabic note naming both languages.
    assert!(text.contains("رقم BSN"), "{text}");
    assert!(text.contains("You get your BSN"), "{text}");
    let note = e.snapshot().locales.msg(Lang::Ar, "answer-language-note", &[("wanted", "العربية"), ("shown", "الإنجليزية")]);
    assert!(!note.is_empty());
    assert!(text.contains("الإنجليزية"), "the note names English in Arabic: {text}");
}

#[test]
fn unknown_question_gets_honest_dont_know_with_offer_of_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    let out = say(&e, "What will the weather be like tomorrow in Rotterdam?");
    assert_eq!(out[0].kind, Kind::DontKnow);
    assert!(out[0].all_buttons().any(|b| b.action == Action::Advisor));
}

#[test]
fn close_topics_are_offered_as_a_choice() {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    // Half about insurance, half about the doctor: both fit.
    let asked = e.ask("huisarts zorgverzekering", None);
    assert!(matches!(&asked.ranked.decision, Decision::Choose(t) if t.len() >= 2), "{:?}", asked.ranked);
    let out = say(&e, "huisarts zorgverzekering");
    assert_eq!(out[0].kind, Kind::Choice);
    let topics: Vec<_> = out[0].all_buttons().filter(|b| matches!(b.action, Action::Topic(_))).collect();
    assert!((2..=3).contains(&topics.len()));
}

#[test]
fn pressing_buttons_gives_topic_feedback_and_advisor_texts() {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    say(&e, "how do i find a gp");
    let t = wegwijs::knowledge::TopicId::parse("health-insurance").unwrap();
    let out = press(&e, Action::Topic(t.clone()));
    assert!(out[0].text.plain().contains("Basic health insurance"));
    let loc = &e.snapshot().locales;
    let out = press(&e, Action::Feedback { topic: t.clone(), helped: true });
    assert_eq!(out[0].text.plain(), loc.msg(Lang::En, "feedback-thanks", &[]));
    let out = press(&e, Action::Feedback { topic: t, helped: false });
    assert!(out[0].all_buttons().any(|b| b.action == Action::Advisor));
    let out = press(&e, Action::Advisor);
    // This bot has no advisors' room: the person is told so, and where to go instead.
    assert_eq!(out[0].text.plain(), loc.msg(Lang::En, "advisor-unavailable", &[("municipality", "Leiden")]));
}

#[test]
fn explicit_language_choice_wins_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let e = fixture_engine(dir.path());
        let out = press(&e, Action::SetLanguage(Lang::En));
        assert_eq!(out[0].lang, Lang::En);
    }
    let e = fixture_engine(dir.path());
    let out = say(&e, "Hoe krijg ik een burgerservicenummer?");
    assert_eq!(out[0].lang, Lang::En, "the stored choice outranks the message");
    // /forget removes the choice.
    say(&e, "/forget");
    let out = say(&e, "Hoe krijg ik een burgerservicenummer?");
    assert_eq!(out[0].lang, Lang::Nl);
}

#[test]
fn evidence_order_conversation_then_interface_then_default() {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    // A one-word message cannot be detected reliably: the interface hint decides.
    let asked = e.ask("BSN", Some("so"));
    assert_eq!(asked.language.source, LangSource::Interface);
    assert_eq!(asked.language.lang, Lang::So);
    let asked = e.ask("BSN", None);
    assert_eq!(asked.language.lang, Lang::Nl);
    // In a conversation, a short follow-up keeps the conversation's language.
    say(&e, "how do i find a gp near me");
    let out = say(&e, "BSN");
    assert_eq!(out[0].lang, Lang::En);
    // The interface language greets.
    let out = e.handle(&Incoming::text(chat_2(), "u2", "/start").with_interface_lang("ar"));
    assert_eq!(out[0].lang, Lang::Ar);
}

fn chat_2() -> wegwijs::message::ChatRef {
    wegwijs::message::ChatRef::new("test", "chat-2")
}

#[test]
fn commands_answer_from_the_locales() {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    let loc = e.snapshot().locales.msg(Lang::Nl, "help", &[]);
    assert_eq!(plain(&say(&e, "/help")), loc);
    let menu = say(&e, "/language");
    assert_eq!(menu[0].all_buttons().count(), 17);
    assert_eq!(plain(&say(&e, "/nonsense")), e.snapshot().locales.msg(Lang::Nl, "unknown-command", &[]));
    assert_eq!(plain(&say(&e, "   ")), e.snapshot().locales.msg(Lang::Nl, "empty-question", &[]));
}

#[test]
fn start_deep_links_preselect_a_language_or_open_a_topic() {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    let out = say(&e, "/start l-ar");
    assert_eq!(out[0].lang, Lang::Ar);
    assert_eq!(out.len(), 1, "no language menu when the link chose the language");
    assert_eq!(e.store().language("test:chat-1").unwrap(), Some(Lang::Ar));
    let out = say(&e, "/start t_bsn");
    assert_eq!(out.len(), 2);
    assert_eq!(out[1].kind, Kind::Answer);
    assert!(out[1].text.plain().contains("BSN"));
    // Anything else is an ordinary start.
    for junk in ["/start t-../../etc", "/start l-xx", "/start <b>"] {
        let out = say(&e, junk);
        assert_eq!(out[0].kind, Kind::Info, "{junk}");
    }
}
