//! The shipped knowledge base and bots: valid, complete, and answering the development set.

mod common;
use common::*;
use wegwijs::knowledge::{load, LoadOptions, Severity, TopicList};
use wegwijs::lang::Lang;

fn topic_list() -> TopicList {
    TopicList::read(&root().join("knowledge/topics.tsv")).unwrap()
}

#[test]
fn knowledge_base_has_no_errors() {
    let opts = LoadOptions { topic_list: Some(topic_list()), ..LoadOptions::default() };
    let (_, problems) = load(&root().join("knowledge"), &opts);
    let errors: Vec<String> = problems.iter().filter(|p| p.severity == Severity::Error).map(|p| p.to_string()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn topic_list_is_the_projects_fixed_list() {
    let shared = root().join("../shared/topics.tsv");
    if let Ok(fixed) = std::fs::read_to_string(&shared) {
        assert_eq!(std::fs::read_to_string(root().join("knowledge/topics.tsv")).unwrap(), fixed);
    }
}

/// Every written topic: in both bots, findable in all 17 languages, answered in the six main ones.
/// (Which listed topics are not written yet, `kb check` reports as warnings.)
#[test]
fn both_bots_have_every_written_topic_findable_in_every_language() {
    let list = topic_list();
    let opts = LoadOptions { topic_list: Some(list.clone()), ..LoadOptions::default() };
    let (all, _) = load(&root().join("knowledge"), &opts);
    assert!(all.len() >= 12, "at least a dozen topics");
    for bot in ["bots/leiden.toml", "bots/leidschendam-voorburg.toml"] {
        let dir = tempfile::tempdir().unwrap();
        let e = engine_for(bot, dir.path());
        let snap = e.snapshot();
        let mut missing = Vec::new();
        for id in all.topics().iter().map(|t| t.id.to_string()) {
            match snap.kb.get_str(&id) {
                None => missing.push(format!("{bot}: topic {id} missing")),
                Some(t) => {
                    for lang in Lang::ALL {
                        if t.translation(lang).is_none() {
                            missing.push(format!("{bot}: {id} has no {lang}"));
                        }
                    }
                    for lang in [Lang::Nl, Lang::En] {
                        if t.translation(lang).is_some_and(|tr| tr.body.is_none()) {
                            missing.push(format!("{bot}: {id} has no answer in {lang}"));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}

#[test]
fn each_municipality_answers_with_its_own_pages() {
    let dir = tempfile::tempdir().unwrap();
    let leiden = engine_for("bots/leiden.toml", dir.path());
    let dir2 = tempfile::tempdir().unwrap();
    let lv = engine_for("bots/leidschendam-voorburg.toml", dir2.path());
    let l = leiden.snapshot();
    let v = lv.snapshot();
    let lt = l.kb.get_str("register-address").unwrap();
    let vt = v.kb.get_str("register-address").unwrap();
    assert_eq!(lt.layer, "leiden");
    assert_eq!(vt.layer, "leidschendam-voorburg");
    assert!(lt.links.iter().any(|k| k.url.contains("leiden")));
    assert!(vt.links.iter().any(|k| k.url.contains("lv.nl") || k.url.contains("thehague")));
}

#[test]
fn development_set_runs_and_reports_every_key() {
    let dev = root().join("../shared/eval/dev-questions.jsonl");
    if !dev.exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let e = leiden_engine(dir.path());
    let r = wegwijs::eval::run(&e, &dev).unwrap();
    assert!(r.overall.n > 100);
    assert!(r.out_of_scope.n > 0);
    assert!(r.overall.langid_acc >= 0.9, "langid {}", r.overall.langid_acc);
    // A floor that guards against regressions, on the questions whose topics are written.
    let snap = e.snapshot();
    let answerable: Vec<String> = std::fs::read_to_string(&dev)
        .unwrap()
        .lines()
        .filter(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let ex = v["expect"].as_array().unwrap();
            !ex.is_empty() && ex.iter().all(|t| snap.kb.get_str(t.as_str().unwrap()).is_some())
        })
        .map(str::to_string)
        .collect();
    let sub = dir.path().join("answerable.jsonl");
    std::fs::write(&sub, answerable.join("\n")).unwrap();
    let r = wegwijs::eval::run(&e, &sub).unwrap();
    assert!(r.overall.n >= 10);
    assert!(r.overall.recall_at_3 >= 0.8, "recall@3 on written topics {}", r.overall.recall_at_3);
}

/// The project's own sets: questions the bot must not answer, and long reworded ones it should.
#[test]
fn own_sets_keep_abstaining_where_it_should() {
    let dir = tempfile::tempdir().unwrap();
    let e = leiden_engine(dir.path());
    let oos = wegwijs::eval::run(&e, &root().join("eval/own/out-of-scope.jsonl")).unwrap();
    assert!(oos.out_of_scope.n >= 40);
    assert!(
        oos.out_of_scope.abstained as f64 >= 0.8 * oos.out_of_scope.n as f64,
        "out of scope: {} of {} answered with \"I don't know\"",
        oos.out_of_scope.abstained,
        oos.out_of_scope.n
    );
    let wordy = wegwijs::eval::run(&e, &root().join("eval/own/integration.jsonl")).unwrap();
    assert!(wordy.overall.n >= 20);
    assert!(wordy.overall.abstain_rate_in_scope <= 0.2, "long questions abstain {}", wordy.overall.abstain_rate_in_scope);
    assert!(wordy.overall.recall_at_1 >= 0.75, "long questions: recall@1 {}", wordy.overall.recall_at_1);
    // Semantic similarity answers more, and now and then a question about something else comes close
    // enough to a topic to be offered it (README: 26 of 29 declined).
    assert!(
        wordy.out_of_scope.abstained as f64 >= 0.8 * wordy.out_of_scope.n as f64,
        "out of scope among the long questions: {} of {} declined",
        wordy.out_of_scope.abstained,
        wordy.out_of_scope.n
    );
}

/// Russian and Ukrainian typed in Latin letters are recognised as such (and answered in their
/// language), while the Latin-script languages keep theirs.
#[test]
fn russian_and_ukrainian_in_latin_letters_are_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let e = leiden_engine(dir.path());
    let r = wegwijs::eval::run(&e, &root().join("eval/own/langid-translit.jsonl")).unwrap();
    let lid = r.langid.expect("language lines");
    assert_eq!(lid.n, 40);
    assert!(lid.overall >= 0.95, "Latin-letter Russian and Ukrainian: {}", lid.overall);
    let snap = e.snapshot();
    for (text, lang) in [
        ("privet, podskazhite gde poluchit BSN i chto nado s soboj", Lang::Ru),
        ("dobryi den, yak zareyestruvatysya v gemeente", Lang::Uk),
        ("waar kan ik mijn BSN ophalen", Lang::Nl),
        ("gdzie moge odebrac numer BSN", Lang::Pl),
        ("nereden BSN numarasi alabilirim", Lang::Tr),
    ] {
        assert_eq!(snap.detector.detect(text).lang, Some(lang), "{text}");
    }
    // The answer comes in the language the newcomer writes, and the same as for the question in
    // Cyrillic.
    for (latin, cyrillic, lang) in [
        ("gde uchit gollandskiy yazyk besplatno", "где учить голландский язык бесплатно", Lang::Ru),
        ("kak otkryt schet v banke", "как открыть счет в банке", Lang::Ru),
        ("de vchyty niderlandsku movu bezkoshtovno", "де вчити нідерландську мову безкоштовно", Lang::Uk),
    ] {
        let (a, b) = (e.ask(latin, None), e.ask(cyrillic, None));
        assert_eq!(a.language.lang, lang, "{latin}");
        assert_eq!(a.ranked.decision, b.ranked.decision, "{latin}");
    }
    // Searched in Cyrillic, such questions are answered like the knowledge base's own.
    let q = wegwijs::eval::run(&e, &root().join("eval/own/translit-questions.jsonl")).unwrap();
    assert_eq!(q.overall.n, 20);
    assert!(q.overall.recall_at_3 >= 0.9, "Latin-letter questions: recall@3 {}", q.overall.recall_at_3);
    assert!(q.overall.abstain_rate_in_scope <= 0.1, "Latin-letter questions: don't know {}", q.overall.abstain_rate_in_scope);
}

/// The development set measures; it must not teach. No question or title equals one of its lines.
#[test]
fn knowledge_does_not_copy_the_development_set() {
    let dev = root().join("../shared/eval/dev-questions.jsonl");
    let Ok(text) = std::fs::read_to_string(&dev) else { return };
    let norm = |s: &str| {
        s.to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let dev: std::collections::HashSet<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["q"].as_str().map(norm))
        .collect();
    // Layer by layer, so that a municipal topic does not hide another municipality's.
    let kbs: Vec<_> = ["national", "leiden", "leidschendam-voorburg"]
        .iter()
        .map(|l| load(&root().join("knowledge"), &LoadOptions { layers: Some(vec![l.to_string()]), ..LoadOptions::default() }).0)
        .collect();
    let copied: Vec<String> = kbs
        .iter()
        .flat_map(|kb| kb.topics())
        .flat_map(|t| t.translations.values())
        .flat_map(|tr| tr.questions.iter().chain(std::iter::once(&tr.title)).map(move |q| (tr.file.clone(), q)))
        .filter(|(_, q)| dev.contains(&norm(q)))
        .map(|(f, q)| format!("{}: {q}", f.display()))
        .collect();
    assert!(copied.is_empty(), "{}", copied.join("\n"));
}
