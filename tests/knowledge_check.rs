//! `kb check`: every kind of mistake is reported at once, with file and line.

mod common;
use std::path::Path;
use wegwijs::knowledge::{load, LoadOptions, Severity, TopicList};

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const GOOD_TOPIC: &str = "id = \"bsn\"\nauthority = \"Rijksoverheid\"\ndomains = [\"stability\"]\nrelated = []\nreviewed = 2026-11-01\nsources = [\"https://www.government.nl/bsn\"]\n";
const GOOD_EN: &str = "+++\ntitle = \"BSN\"\nquestions = [\"what is a bsn\"]\n+++\nAn answer.\n";

fn list() -> TopicList {
    TopicList::parse("bsn\tnational\tx\ndigid\tnational\tx\nregister-address\tmunicipal\tx\n")
}

fn check(root: &Path) -> Vec<String> {
    let opts = LoadOptions { topic_list: Some(list()), ..LoadOptions::default() };
    let (_, problems) = load(root, &opts);
    problems.iter().filter(|p| p.severity == Severity::Error).map(|p| p.to_string()).collect()
}

fn has(errors: &[String], file_line: &str, words: &str) -> bool {
    errors.iter().any(|e| e.contains(file_line) && e.contains(words))
}

#[test]
fn a_clean_topic_has_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "national/bsn/topic.toml", GOOD_TOPIC);
    write(dir.path(), "national/bsn/en.md", GOOD_EN);
    write(dir.path(), "national/bsn/nl.md", &GOOD_EN.replace("what is a bsn", "wat is een bsn"));
    assert!(check(dir.path()).is_empty(), "{:?}", check(dir.path()));
}

#[test]
fn every_problem_is_reported_at_once_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    // topic.toml: unknown key (line 7), related that does not exist (line 4), http link (line 10).
    write(
        r,
        "national/bsn/topic.toml",
        "id = \"bsn\"\nauthority = \"Rijksoverheid\"\ndomains = [\"stability\"]\nrelated = [\"nope\"]\nreviewed = 2026-11-01\nsources = [\"https://www.government.nl/bsn\"]\ncolour = \"red\"\n\n[[links]]\nurl = \"http://www.government.nl/bsn\"\nlabel = { en = \"x\" }\n",
    );
    write(r, "national/bsn/en.md", GOOD_EN);
    // Front matter with broken TOML on line 3 of the file.
    write(r, "national/bsn/nl.md", "+++\ntitle = \"BSN\"\nquestions = [\"wat is\"\n+++\nTekst\n");
    // Unknown language code.
    write(r, "national/bsn/xx.md", GOOD_EN);
    // Missing title and empty questions, empty body where one is required.
    write(r, "national/digid/topic.toml", &GOOD_TOPIC.replace("bsn\"\n", "digid\"\n"));
    write(r, "national/digid/en.md", "+++\nquestions = []\n+++\n");
    write(r, "national/digid/nl.md", "+++\ntitle = \"DigiD\"\nquestions = [\"wat is digid\"]\nkleur = 1\n+++\n");
    // A topic id outside the list; a duplicate id in one layer.
    write(r, "national/weather/topic.toml", &GOOD_TOPIC.replace("bsn\"\n", "weather\"\n"));
    write(r, "national/weather/en.md", GOOD_EN);
    write(r, "national/weather/nl.md", GOOD_EN);
    write(r, "national/bsn-copy/topic.toml", GOOD_TOPIC);
    write(r, "national/bsn-copy/en.md", GOOD_EN);
    write(r, "national/bsn-copy/nl.md", GOOD_EN);
    // No front matter at all.
    write(r, "leiden/register-address/topic.toml", &GOOD_TOPIC.replace("bsn\"\n", "register-address\"\n"));
    write(r, "leiden/register-address/en.md", "just text\n");

    let e = check(r);
    let bsn = "national/bsn/topic.toml";
    assert!(has(&e, &format!("{bsn}:7:"), "unknown key 'colour'"), "{e:#?}");
    assert!(has(&e, &format!("{bsn}:10:"), "not an absolute https URL"), "{e:#?}");
    assert!(has(&e, "national/bsn/nl.md:3:", "invalid TOML"), "{e:#?}");
    assert!(has(&e, "national/bsn/xx.md:1:", "unknown language code 'xx'"), "{e:#?}");
    assert!(has(&e, "national/digid/en.md:", "missing 'title'"), "{e:#?}");
    assert!(has(&e, "national/digid/en.md:2:", "'questions' is empty"), "{e:#?}");
    assert!(has(&e, "national/digid/en.md:", "empty answer"), "{e:#?}");
    assert!(has(&e, "national/digid/nl.md:4:", "unknown key 'kleur'"), "{e:#?}");
    assert!(has(&e, "national/weather/topic.toml:1:", "not in the topic list"), "{e:#?}");
    assert!(has(&e, "national/bsn-copy/topic.toml:1:", "differs from its folder name") || has(&e, "bsn-copy", "duplicate topic id"), "{e:#?}");
    assert!(has(&e, "leiden/register-address/en.md:1:", "missing front matter"), "{e:#?}");
}

#[test]
fn related_ids_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "national/bsn/topic.toml", &GOOD_TOPIC.replace("related = []", "related = [\"digid\", \"weather\"]"));
    write(r, "national/bsn/en.md", GOOD_EN);
    write(r, "national/bsn/nl.md", GOOD_EN);
    let e = check(r);
    assert!(has(&e, "national/bsn/topic.toml:4:", "related topic 'weather' does not exist"), "{e:#?}");
    // A listed topic that is not written yet is a warning, not an error.
    assert!(!e.iter().any(|x| x.contains("'digid'")), "{e:#?}");
    let opts = LoadOptions { topic_list: Some(list()), ..LoadOptions::default() };
    let (_, problems) = load(r, &opts);
    assert!(problems.iter().any(|p| p.severity == Severity::Warning && p.message.contains("'digid' is not written yet")));
}

#[test]
fn warnings_for_stale_topics_missing_translations_and_duplicate_questions_but_not_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "national/bsn/topic.toml", &GOOD_TOPIC.replace("2026-11-01", "2020-01-01"));
    write(r, "national/bsn/en.md", GOOD_EN);
    write(r, "national/bsn/nl.md", "+++\ntitle = \"BSN\"\nquestions = [\"wat is een bsn\"]\nstatus = \"draft\"\n+++\nTekst.\n");
    write(r, "national/digid/topic.toml", &GOOD_TOPIC.replace("bsn\"\n", "digid\"\n"));
    write(r, "national/digid/en.md", &GOOD_EN.replace("what is a bsn", "What is a BSN?"));
    write(r, "national/digid/nl.md", GOOD_EN);
    let opts = LoadOptions { topic_list: Some(list()), ..LoadOptions::default() };
    let (kb, problems) = load(r, &opts);
    assert_eq!(kb.len(), 2, "warnings do not stop loading");
    let w: Vec<String> = problems.iter().filter(|p| p.severity == Severity::Warning).map(|p| p.to_string()).collect();
    assert!(has(&w, "national/bsn/topic.toml:5:", "past its review date"), "{w:#?}");
    // Drafts are expected (machine-made translations wait for a fluent reader): `kb stats` counts
    // them, and they are not warnings that would drown the real findings.
    assert!(!w.iter().any(|m| m.contains("nl.md") && m.contains("draft")), "{w:#?}");
    assert!(has(&w, "national/bsn/ar.md:1:", "missing translation"), "{w:#?}");
    assert!(has(&w, "national/", "also a question of topic"), "{w:#?}");
    // "An answer." is 2 words: plain answers are 40 to 150 words; the warning points at the body.
    assert!(has(&w, "national/bsn/en.md:5:", "the answer has 2 words"), "{w:#?}");
}

#[test]
fn a_municipal_topic_overrides_the_national_one() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "national/bsn/topic.toml", GOOD_TOPIC);
    write(r, "national/bsn/en.md", GOOD_EN);
    write(r, "national/bsn/nl.md", GOOD_EN);
    write(r, "leiden/bsn/topic.toml", &GOOD_TOPIC.replace("Rijksoverheid", "Gemeente Leiden"));
    write(r, "leiden/bsn/en.md", GOOD_EN);
    write(r, "leiden/bsn/nl.md", GOOD_EN);
    let opts = LoadOptions { layers: Some(vec!["national".into(), "leiden".into()]), ..LoadOptions::default() };
    let (kb, _) = load(r, &opts);
    assert_eq!(kb.get_str("bsn").unwrap().authority, "Gemeente Leiden");
    let opts = LoadOptions { layers: Some(vec!["national".into()]), ..LoadOptions::default() };
    let (kb, _) = load(r, &opts);
    assert_eq!(kb.get_str("bsn").unwrap().authority, "Rijksoverheid");
}

#[test]
fn coverage_matrix_shows_full_draft_questions_missing_and_stale() {
    use wegwijs::knowledge::stats::{Cell, Coverage};
    use wegwijs::lang::Lang;
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "national/bsn/topic.toml", &GOOD_TOPIC.replace("2026-11-01", "2020-01-01"));
    write(r, "national/bsn/en.md", GOOD_EN);
    write(r, "national/bsn/nl.md", "+++\ntitle = \"BSN\"\nquestions = [\"wat\"]\nstatus = \"draft\"\n+++\nTekst.\n");
    write(r, "national/bsn/so.md", "+++\ntitle = \"BSN\"\nquestions = [\"waa maxay\"]\n+++\n");
    let (kb, _) = load(r, &LoadOptions::default());
    let cov = Coverage::of(&kb, wegwijs::knowledge::Date::today(), Some(&list()));
    let bsn = cov.rows.iter().find(|row| row.topic == "bsn").unwrap();
    assert_eq!(bsn.cells[Lang::En.index()], Cell::Full);
    assert_eq!(bsn.cells[Lang::Nl.index()], Cell::Draft);
    assert_eq!(bsn.cells[Lang::So.index()], Cell::QuestionsOnly);
    assert_eq!(bsn.cells[Lang::Ar.index()], Cell::Missing);
    assert!(bsn.stale);
    assert!(cov.rows.iter().any(|row| row.topic == "digid" && row.cells.iter().all(|c| *c == Cell::Missing)), "unwritten topics are listed");
    let html = cov.html("coverage");
    assert!(html.starts_with("<!doctype html>") && html.contains("<tr class=\"stale\">") && !html.contains("<script"));
    assert!(cov.table().contains("3 topics (2 not written), 1 stale"), "{}", cov.table());
}

/// A translation must keep its source's numbers and addresses, follow its source's changes and
/// label every link; `kb check` says where, and `--strict` fails on it.
#[test]
fn translations_that_lose_facts_or_fall_behind_their_source_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path().join("knowledge");
    let en_body = "Call Veilig Thuis on 0800 2000, day and night. Within 5 days you get a letter. See werk.nl or mail info@lv.nl for more.";
    let topic = format!("{GOOD_TOPIC}\n[[links]]\nurl = \"https://www.government.nl/bsn\"\nlang = \"nl\"\n[links.label]\nen = \"Government: BSN\"\nnl = \"Rijksoverheid: BSN\"\n");
    write(&r, "national/bsn/topic.toml", &topic);
    write(&r, "national/bsn/en.md", &format!("+++\ntitle = \"BSN\"\nquestions = [\"what is a bsn\"]\n+++\n{en_body}\n"));
    write(&r, "national/bsn/nl.md", "+++\ntitle = \"BSN\"\nquestions = [\"wat is een bsn\"]\n+++\nBel Veilig Thuis op 0800 2000. Binnen 5 dagen krijg je een brief. Zie werk.nl of mail info@lv.nl.\n");
    let hash = wegwijs::knowledge::body_hash(en_body);
    // Arabic: the phone number and the mail address are gone; Turkish: complete but made from an
    // older English answer; Polish: a draft without `source`.
    write(&r, "national/bsn/ar.md", &format!("+++\ntitle = \"BSN\"\nquestions = [\"ما هو bsn\"]\nstatus = \"draft\"\nsource = \"en:{hash}\"\n+++\nاتصل بـ Veilig Thuis. خلال 5 أيام تصلك رسالة. راجع werk.nl.\n"));
    write(&r, "national/bsn/tr.md", "+++\ntitle = \"BSN\"\nquestions = [\"bsn nedir\"]\nstatus = \"draft\"\nsource = \"en:0badc0de\"\n+++\nVeilig Thuis'i 0800 2000 numarasından arayın. 5 gün içinde mektup gelir. werk.nl'ye bakın veya info@lv.nl adresine yazın.\n");
    write(&r, "national/bsn/pl.md", "+++\ntitle = \"BSN\"\nquestions = [\"co to jest bsn\"]\nstatus = \"draft\"\n+++\nZadzwoń do Veilig Thuis: 0800 2000. W ciągu 5 dni przyjdzie list. Zobacz werk.nl lub napisz na info@lv.nl.\n");
    let opts = LoadOptions { topic_list: Some(list()), ..LoadOptions::default() };
    let (_, problems) = load(&r, &opts);
    let w: Vec<String> = problems.iter().filter(|p| p.severity == Severity::Warning).map(|p| p.to_string()).collect();
    assert!(has(&w, "national/bsn/ar.md:5:", "numbers of the source answer missing here: 0800, 2000"), "{w:#?}");
    assert!(has(&w, "national/bsn/ar.md:5:", "addresses of the source answer missing here: info@lv.nl"), "{w:#?}");
    assert!(!w.iter().any(|m| m.contains("ar.md") && m.contains("stale")), "{w:#?}");
    assert!(has(&w, "national/bsn/tr.md:5:", "stale: translated from en:0badc0de"), "{w:#?}");
    assert!(!w.iter().any(|m| m.contains("tr.md") && m.contains("missing here")), "a Turkish suffix after an address is fine: {w:#?}");
    assert!(has(&w, "national/bsn/pl.md:1:", "does not say which answer it was made from"), "{w:#?}");
    assert!(has(&w, "national/bsn/topic.toml:8:", "1 link(s) without a label in ar"), "{w:#?}");

    // The same through the command: warnings pass, --strict fails.
    write(&r, "topics.tsv", "bsn\tnational\tx\ndigid\tnational\tx\nregister-address\tmunicipal\tx\n");
    let bot = dir.path().join("bot.toml");
    std::fs::write(&bot, format!("id = \"x\"\nmunicipality = \"Leiden\"\nlayers = [\"national\"]\nknowledge_dir = \"{}\"\nlocales_dir = \"{}\"\n", r.display(), Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").display())).unwrap();
    let run = |strict: bool| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"));
        c.args(["--bot", bot.to_str().unwrap(), "--data-dir", dir.path().join("data").to_str().unwrap(), "kb", "check"]);
        if strict {
            c.arg("--strict");
        }
        c.output().unwrap()
    };
    let plain = run(false);
    assert!(plain.status.success(), "{}{}", String::from_utf8_lossy(&plain.stdout), String::from_utf8_lossy(&plain.stderr));
    let strict = run(true);
    assert!(!strict.status.success(), "--strict fails on these warnings");
    let out = format!("{}{}", String::from_utf8_lossy(&strict.stdout), String::from_utf8_lossy(&strict.stderr));
    assert!(out.contains("ar.md:5:") && out.contains("stale"), "{out}");
}
