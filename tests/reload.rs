//! Hot reload: an edited answer is served without a restart; a broken edit keeps the old one.

mod common;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use wegwijs::message::{ChatRef, Incoming};

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

fn answer(e: &wegwijs::conversation::Engine, q: &str) -> String {
    let out = e.handle(&Incoming::text(ChatRef::new("t", "1"), "u", q));
    out[0].text.plain()
}

/// Waits until `cond` holds, up to 60 s (the watcher is asynchronous, and a debug build rebuilding
/// every language's phrase lists on a loaded CI machine takes seconds); returns how long it took.
fn wait_for(mut cond: impl FnMut() -> bool) -> Option<Duration> {
    let t0 = Instant::now();
    while t0.elapsed() < Duration::from_secs(60) {
        if cond() {
            return Some(t0.elapsed());
        }
        // Not too often: each question takes the processor from the rebuild it waits for.
        std::thread::sleep(Duration::from_millis(200));
    }
    None
}

#[test]
fn edits_are_served_without_restart_and_broken_edits_keep_the_previous_version() {
    let tmp = tempfile::tempdir().unwrap();
    let root = common::root();
    copy_dir(&root.join("tests/fixtures/knowledge"), &tmp.path().join("knowledge"));
    copy_dir(&root.join("locales"), &tmp.path().join("locales"));
    std::fs::create_dir_all(tmp.path().join("bots")).unwrap();
    std::fs::write(tmp.path().join("bots/t.toml"), "id = \"t\"\nmunicipality = \"Leiden\"\nlayers = [\"national\", \"leiden\"]\n").unwrap();
    let cfg = wegwijs::bot::BotConfig::load(&tmp.path().join("bots/t.toml")).unwrap();
    let (snap, _) = wegwijs::conversation::load_snapshot(&cfg, &|_| {}).unwrap();
    let engine = Arc::new(wegwijs::conversation::Engine::new(cfg, snap, Arc::new(wegwijs::store::SqliteStore::in_memory().unwrap())));
    let _watch = wegwijs::reload::watch(engine.clone()).unwrap();
    let q = "how do i find a gp";
    assert!(answer(&engine, q).contains("Register with a GP near your home"));

    // A good edit appears, and answers keep coming while it is being picked up.
    let file = tmp.path().join("knowledge/national/gp-registration/en.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("Register with a GP near your home", "Choose a GP close to where you live")).unwrap();
    let took = wait_for(|| answer(&engine, q).contains("Choose a GP close to where you live"));
    assert!(took.is_some(), "the edit was not picked up");
    eprintln!("the edit was served after {:?}", took.unwrap());

    // A broken edit: the previous version stays.
    std::fs::write(&file, "+++\ntitle = \"broken\n+++\n").unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert!(answer(&engine, q).contains("Choose a GP close to where you live"));

    // Locales reload too.
    let ftl = tmp.path().join("locales/en/main.ftl");
    let t = std::fs::read_to_string(&ftl).unwrap();
    std::fs::write(&file, text).unwrap();
    std::fs::write(&ftl, t.replace("Official pages:", "Official websites:")).unwrap();
    let bsn = "what is a bsn";
    assert!(answer(&engine, bsn).contains("Official pages:"));
    assert!(wait_for(|| answer(&engine, bsn).contains("Official websites:")).is_some(), "locale edit not picked up");
    assert!(answer(&engine, q).contains("Register with a GP near your home"), "the repaired file is served again");
}
