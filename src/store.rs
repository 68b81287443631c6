//! State that must survive a restart, in SQLite (one file per bot), behind a small interface so that
//! a server database can be added later.

use crate::lang::Lang;
use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;
use std::sync::Mutex;

/// Schema migrations, applied in order; the index of the last applied one is `PRAGMA user_version`.
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE preferences (
        chat_key TEXT PRIMARY KEY,
        lang TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    );",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
     CREATE TABLE gaps (
        id INTEGER PRIMARY KEY,
        created_at INTEGER NOT NULL,
        lang TEXT NOT NULL,
        question TEXT NOT NULL,
        reason TEXT NOT NULL,
        topic TEXT,
        person TEXT NOT NULL
     );
     CREATE INDEX gaps_person ON gaps(person);
     CREATE INDEX gaps_created ON gaps(created_at);",
];

/// Why a question ended up in the gaps report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapReason {
    /// The bot said it did not know.
    DontKnow,
    /// The person said the answer did not help.
    NotHelped,
    /// The person asked for a person.
    Advisor,
    /// The person picked this topic among offered choices: a candidate extra question for it.
    Chose,
    /// An advisor marked their answer as a suggestion for the knowledge base.
    Suggestion,
}

impl GapReason {
    pub fn as_str(self) -> &'static str {
        match self {
            GapReason::DontKnow => "dont-know",
            GapReason::NotHelped => "not-helped",
            GapReason::Advisor => "advisor",
            GapReason::Chose => "chose",
            GapReason::Suggestion => "suggestion",
        }
    }

    fn parse(s: &str) -> GapReason {
        match s {
            "not-helped" => GapReason::NotHelped,
            "advisor" => GapReason::Advisor,
            "chose" => GapReason::Chose,
            "suggestion" => GapReason::Suggestion,
            _ => GapReason::DontKnow,
        }
    }
}

/// One recorded question, with no identity (only an unreadable link used by /forget).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Gap {
    pub created_at: i64,
    pub lang: Lang,
    pub question: String,
    pub reason: GapReason,
    pub topic: Option<String>,
}

/// What the core stores about people.
pub trait Store: Send + Sync {
    /// The language a person chose explicitly.
    fn language(&self, chat_key: &str) -> Result<Option<Lang>>;
    fn set_language(&self, chat_key: &str, lang: Lang) -> Result<()>;
    /// Deletes everything stored about this chat.
    fn forget(&self, chat_key: &str) -> Result<()>;
    /// Records a question for the editors' gaps report, deleting entries older than `keep_days`.
    fn record_gap(&self, chat_key: &str, lang: Lang, question: &str, reason: GapReason, topic: Option<&str>, keep_days: u32) -> Result<()>;
    /// All recorded gaps, oldest first.
    fn gaps(&self) -> Result<Vec<Gap>>;
}

/// The default store: an embedded SQLite file.
pub struct SqliteStore {
    conn: Mutex<Connection>,
}

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

impl SqliteStore {
    pub fn open(path: &Path) -> Result<SqliteStore> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let conn = Connection::open(path).with_context(|| format!("opening database {}", path.display()))?;
        Self::init(conn)
    }

    pub fn in_memory() -> Result<SqliteStore> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<SqliteStore> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tx = conn.transaction()?;
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version) {
            tx.execute_batch(m).with_context(|| format!("database migration {}", i + 1))?;
            tx.pragma_update(None, "user_version", i + 1)?;
        }
        tx.commit()?;
        Ok(SqliteStore { conn: Mutex::new(conn) })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// An unreadable, per-database link to a person, so /forget can find their entries without the
    /// entries holding an identity.
    fn person_link(conn: &Connection, chat_key: &str) -> Result<String> {
        let salt: Option<String> = conn.query_row("SELECT value FROM meta WHERE key = 'salt'", [], |r| r.get(0)).optional()?;
        let salt = match salt {
            Some(s) => s,
            None => {
                let mut bytes = [0u8; 16];
                getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
                let s: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
                conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?1)", [&s])?;
                conn.query_row("SELECT value FROM meta WHERE key = 'salt'", [], |r| r.get(0))?
            }
        };
        let mut h = blake3::Hasher::new();
        h.update(salt.as_bytes());
        h.update(chat_key.as_bytes());
        Ok(h.finalize().to_hex()[..32].to_string())
    }
}

impl Store for SqliteStore {
    fn language(&self, chat_key: &str) -> Result<Option<Lang>> {
        let code: Option<String> = self
            .conn()
            .query_row("SELECT lang FROM preferences WHERE chat_key = ?1", [chat_key], |r| r.get(0))
            .optional()?;
        Ok(code.and_then(|c| c.parse().ok()))
    }

    fn set_language(&self, chat_key: &str, lang: Lang) -> Result<()> {
        self.conn().execute(
            "INSERT INTO preferences (chat_key, lang, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(chat_key) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at",
            params![chat_key, lang.code(), now()],
        )?;
        Ok(())
    }

    fn forget(&self, chat_key: &str) -> Result<()> {
        let conn = self.conn();
        conn.execute("DELETE FROM preferences WHERE chat_key = ?1", [chat_key])?;
        let person = Self::person_link(&conn, chat_key)?;
        conn.execute("DELETE FROM gaps WHERE person = ?1", [person])?;
        Ok(())
    }

    fn record_gap(&self, chat_key: &str, lang: Lang, question: &str, reason: GapReason, topic: Option<&str>, keep_days: u32) -> Result<()> {
        let conn = self.conn();
        let person = Self::person_link(&conn, chat_key)?;
        let question: String = question.chars().take(500).collect();
        let t = now();
        conn.execute(
            "INSERT INTO gaps (created_at, lang, question, reason, topic, person) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![t, lang.code(), question, reason.as_str(), topic, person],
        )?;
        conn.execute("DELETE FROM gaps WHERE created_at < ?1", [t - keep_days as i64 * 86_400])?;
        Ok(())
    }

    fn gaps(&self) -> Result<Vec<Gap>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT created_at, lang, question, reason, topic FROM gaps ORDER BY created_at, id")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, Option<String>>(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (created_at, lang, question, reason, topic) = row?;
            let Ok(lang) = lang.parse() else { continue };
            out.push(Gap { created_at, lang, question, reason: GapReason::parse(&reason), topic });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_choice_survives_reopening_and_is_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bot.sqlite");
        SqliteStore::open(&path).unwrap().set_language("console:1", Lang::Ar).unwrap();
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.language("console:1").unwrap(), Some(Lang::Ar));
        s.forget("console:1").unwrap();
        assert_eq!(s.language("console:1").unwrap(), None);
    }

    #[test]
    fn gaps_hold_no_identity_and_are_forgotten_per_person() {
        let s = SqliteStore::in_memory().unwrap();
        s.record_gap("telegram:42", Lang::En, "weather?", GapReason::DontKnow, None, 90).unwrap();
        s.record_gap("telegram:43", Lang::Nl, "weer?", GapReason::DontKnow, None, 90).unwrap();
        let dump: String = s.conn().query_row("SELECT group_concat(person || question, '|') FROM gaps", [], |r| r.get(0)).unwrap();
        assert!(!dump.contains("42") || !dump.contains("telegram"), "{dump}");
        s.forget("telegram:42").unwrap();
        let g = s.gaps().unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].question, "weer?");
    }

    #[test]
    fn old_gaps_are_deleted() {
        let s = SqliteStore::in_memory().unwrap();
        s.record_gap("c:1", Lang::En, "old", GapReason::DontKnow, None, 90).unwrap();
        s.conn().execute("UPDATE gaps SET created_at = created_at - 91 * 86400", []).unwrap();
        s.record_gap("c:1", Lang::En, "new", GapReason::DontKnow, None, 90).unwrap();
        let g = s.gaps().unwrap();
        assert_eq!(g.iter().map(|g| g.question.as_str()).collect::<Vec<_>>(), ["new"]);
    }
}
