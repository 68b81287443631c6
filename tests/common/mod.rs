//! Shared test helpers: engines over the fixture or the shipped knowledge base, with state in a
//! temporary folder.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, Engine};
use wegwijs::message::{Action, ChatRef, Incoming, Outgoing};
use wegwijs::store::SqliteStore;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An engine for the bot file `bot` (relative to the project root), state under `data`.
pub fn engine_for(bot: &str, data: &Path) -> Engine {
    let cfg = BotConfig::load(&root().join(bot)).expect("bot file").with_data_dir(Some(data.to_path_buf()));
    let (snap, _) = load_snapshot(&cfg, &|_| {}).expect("snapshot");
    let store = SqliteStore::open(&data.join("wegwijs.sqlite")).expect("store");
    Engine::new(cfg, snap, Arc::new(store))
}

/// The small, stable fixture knowledge base (tests/fixtures).
pub fn fixture_engine(data: &Path) -> Engine {
    engine_for("tests/fixtures/bots/fixture.toml", data)
}

/// The shipped Leiden bot.
pub fn leiden_engine(data: &Path) -> Engine {
    engine_for("bots/leiden.toml", data)
}

pub fn chat() -> ChatRef {
    ChatRef::new("test", "chat-1")
}

pub fn say(engine: &Engine, text: &str) -> Vec<Outgoing> {
    engine.handle(&Incoming::text(chat(), "user-1", text))
}

pub fn press(engine: &Engine, action: Action) -> Vec<Outgoing> {
    engine.handle(&Incoming::action(chat(), "user-1", action))
}

pub fn plain(msgs: &[Outgoing]) -> String {
    msgs.iter().map(|m| m.text.plain()).collect::<Vec<_>>().join("\n")
}

/// Strings that have broken chat software: empty and control characters, bidirectional overrides,
/// query syntax, HTML and Markdown, format strings, SQL, and texts of 100,000 characters. Every
/// transport is tested with the same list (the core in tests/hostile.rs, the web page in a browser).
pub fn hostile_strings() -> Vec<String> {
    vec![
        String::new(),
        " ".into(),
        "\u{0}\u{1}\u{7f}".into(),
        "\u{202E}ردنه\u{202C} BSN".into(),
        "\u{2067}\u{2066}\u{200F}\u{200E}".into(),
        "title:bsn AND (\"digid\" OR body:*) ~2 ^10 [a TO z]".into(),
        "<script>alert(1)</script><b>bold</b>&amp;".into(),
        "*_`[x](javascript:alert(1))`_*".into(),
        "🙂🙂🙂🎉".into(),
        "/".into(),
        "/start@".into(),
        "//".into(),
        "/advisor\u{0}".into(),
        "a".repeat(100_000),
        "bsn ".repeat(25_000),
        "ሰላም ".repeat(30_000),
        "医生".repeat(50_000),
        "\u{FEFF}\u{FFFD}\u{FFFF}".into(),
        "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}".into(),
        "\\\\\\\"\"\"'''".into(),
        "%s%n%x{0}{{}}".into(),
        "DROP TABLE preferences; --".into(),
    ]
}

/// The embedding model for tests: `WEGWIJS_TEST_MODEL`, else `.model/multilingual-e5-small` (made by
/// `scripts/model`). Missing: `None` with a note, or a failure when `CI=true`.
pub fn test_model() -> Option<PathBuf> {
    let dir = std::env::var_os("WEGWIJS_TEST_MODEL").map(PathBuf::from).unwrap_or_else(|| root().join(".model/multilingual-e5-small"));
    if dir.join("model.safetensors").is_file() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("no embedding model in {} (CI=true): run scripts/model", dir.display());
    }
    eprintln!("skipped: no embedding model in {} (run scripts/model)", dir.display());
    None
}
