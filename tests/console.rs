//! The console front end, end to end: typed questions, numbered buttons, language menu.

mod common;
use common::*;

fn session(input: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let e = fixture_engine(dir.path());
    let mut out = Vec::new();
    wegwijs::transport::console::run(&e, input.as_bytes(), &mut out, None).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn console_greets_answers_and_presses_numbered_buttons() {
    let out = session("hoe vind ik een huisarts\n1\n");
    assert!(out.contains("Leiden"), "welcome names the municipality: {out}");
    assert!(out.contains("Inschrijven bij een huisarts"), "{out}");
    // Button [1] of the answer is "this helped".
    let loc = wegwijs::locale::Locales::load(&root().join("locales")).unwrap();
    let thanks = loc.msg(wegwijs::lang::Lang::Nl, "feedback-thanks", &[]);
    assert!(out.contains(&format!("[1] {}", loc.msg(wegwijs::lang::Lang::Nl, "button-helped", &[]))), "{out}");
    assert!(out.trim_end().ends_with('>') && out.contains(&thanks), "{out}");
}

#[test]
fn console_language_menu_switches_language() {
    // /start shows the menu: buttons 1..17 in list order, 2 = English.
    let out = session("2\nhoe vind ik een huisarts\n");
    assert!(out.contains("Registering with a GP (huisarts)"), "{out}");
}
