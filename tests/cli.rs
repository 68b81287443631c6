//! The command line: exit codes and output formats other tools rely on.

mod common;
use std::process::Command;

fn wegwijs(args: &[&str], data: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .current_dir(common::root())
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .output()
        .expect("run wegwijs")
}

#[test]
fn kb_check_prints_file_line_problem_and_fails_on_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let k = tmp.path().join("k");
    std::fs::create_dir_all(k.join("national/bsn")).unwrap();
    std::fs::write(k.join("topics.tsv"), "bsn\tnational\tx\n").unwrap();
    std::fs::write(k.join("national/bsn/topic.toml"), "id = \"bsn\"\nauthority = 3\n").unwrap();
    let out = wegwijs(&["kb", "check", "--dir", k.to_str().unwrap()], tmp.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("national/bsn/topic.toml:2: 'authority' must be a string"), "{stdout}");
    assert!(stdout.contains("national/bsn/topic.toml:1: missing 'domains'"), "{stdout}");
}

#[test]
fn ask_json_reports_language_evidence_ranking_and_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let out = wegwijs(&["--bot", "tests/fixtures/bots/fixture.toml", "ask", "Hoe vind ik een huisarts?", "--json"], tmp.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["language"]["lang"], "nl");
    assert!(v["language"]["source"].is_string());
    assert!(v["language"]["detection"]["confidence"].is_number());
    assert_eq!(v["ranked"][0]["topic"], "gp-registration");
    assert!(v["ranked"][0]["score"].as_f64().unwrap() > 0.0);
    assert!(v["answer"].as_str().unwrap().contains("huisarts"));
    assert!(v["safeguarding"].is_null(), "an ordinary question raises no alarm");
    let out = wegwijs(&["--bot", "tests/fixtures/bots/fixture.toml", "ask", "ik wil niet meer leven", "--json"], tmp.path());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["safeguarding"], "suicide");
}

#[test]
fn eval_json_has_every_key() {
    let tmp = tempfile::tempdir().unwrap();
    let set = tmp.path().join("set.jsonl");
    std::fs::write(
        &set,
        "{\"q\": \"hoe vind ik een huisarts\", \"lang\": \"nl\", \"expect\": [\"gp-registration\"]}\n\
         {\"q\": \"do i need health insurance here\", \"lang\": \"en\", \"expect\": [\"health-insurance\"]}\n\
         {\"q\": \"what is the weather tomorrow\", \"lang\": \"en\", \"expect\": []}\n\
         {\"text\": \"hoe gaat het met je\", \"lang\": \"nl\", \"kind\": \"sentence\"}\n\
         {\"q\": \"I don't want to live anymore\", \"lang\": \"en\", \"safety\": true}\n\
         {\"q\": \"my phone is dead, where can I charge it\", \"lang\": \"en\", \"safety\": false}\n",
    )
    .unwrap();
    let out = wegwijs(&["--bot", "tests/fixtures/bots/fixture.toml", "eval", set.to_str().unwrap(), "--json"], tmp.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for k in ["n", "langid_acc", "recall_at_1", "recall_at_3", "mrr", "abstain_rate_in_scope"] {
        assert!(v["overall"][k].is_number(), "overall.{k}");
        assert!(v["by_lang"]["en"][k].is_number(), "by_lang.en.{k}");
    }
    assert_eq!(v["overall"]["n"], 2);
    assert_eq!(v["overall"]["recall_at_1"], 1.0);
    assert_eq!(v["out_of_scope"]["n"], 1);
    assert_eq!(v["out_of_scope"]["abstained"], 1);
    assert!(v["latency_ms"]["p50"].is_number() && v["latency_ms"]["p99"].is_number());
    assert_eq!(v["langid"]["by_lang"]["nl"]["sentence"], 1.0);
    assert!(v["langid"]["overall"].is_number());
    for k in ["offered_rate", "ranking_recall_at_1", "ranking_recall_at_3"] {
        assert!(v["overall"][k].is_number(), "overall.{k}");
    }
    let s = &v["safeguarding"];
    assert_eq!(s["n"], 1);
    assert_eq!(s["caught"], 1);
    assert_eq!(s["false_alarms"], 0);
    assert_eq!(s["by_lang"]["en"]["n"], 1);

    // --lines: how the safeguarding check saw each question, one JSON object per line.
    let lines = tmp.path().join("lines.jsonl");
    let out = wegwijs(&["--bot", "tests/fixtures/bots/fixture.toml", "eval", set.to_str().unwrap(), "--lines", lines.to_str().unwrap()], tmp.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let seen: Vec<serde_json::Value> = std::fs::read_to_string(&lines).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(seen.len(), 5, "every question, not the language-only line");
    let alarm = seen.iter().find(|l| l["q"] == "I don't want to live anymore").unwrap();
    assert_eq!((alarm["alarm"].as_str(), alarm["phrase"].as_bool(), alarm["safety"].as_bool()), (Some("suicide"), Some(true), Some(true)));
    let calm = seen.iter().find(|l| l["q"] == "my phone is dead, where can I charge it").unwrap();
    assert!(calm["alarm"].is_null() && calm["phrase"] == false && calm["safety"] == false, "{calm}");
    assert!(calm["distress"].is_null() && calm["sentences"].as_array().unwrap().is_empty(), "the fixture bot has no model: {calm}");
    // With the decision and the first topics of the ranking.
    let gp = seen.iter().find(|l| l["q"] == "hoe vind ik een huisarts").unwrap();
    assert_eq!((gp["decision"]["kind"].as_str(), gp["decision"]["topics"].as_str()), (Some("answer"), Some("gp-registration")), "{gp}");
    assert_eq!(gp["expect"], serde_json::json!(["gp-registration"]));
    let topics = gp["topics"].as_array().unwrap();
    assert!((1..=3).contains(&topics.len()) && topics[0]["topic"] == "gp-registration" && topics[0]["score"].as_f64().unwrap() > 0.0, "{gp}");
    let weather = seen.iter().find(|l| l["q"] == "what is the weather tomorrow").unwrap();
    assert_eq!((weather["decision"]["kind"].as_str(), weather["expect"].as_array().map(Vec::len)), (Some("dont-know"), Some(0)), "{weather}");
    assert!(alarm["expect"].is_null(), "a distress line expects no topic: {alarm}");
}

#[test]
fn serve_without_a_platform_says_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let out = wegwijs(&["--bot", "tests/fixtures/bots/fixture.toml", "serve"], tmp.path());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("wegwijs chat"));
}
