//! State that must survive a restart, in SQLite (one file per bot), behind a small interface so that
//! a server database can be added later.

use crate::lang::Lang;
use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;
use std::sync::Mutex;

/// Schema migrations, applied in order; the index of the last applied one is `PRAGMA user_version`.
const MIGRATIONS: &[&str] = &["CREATE TABLE preferences (
        chat_key TEXT PRIMARY KEY,
        lang TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    );"];

/// What the core stores about people.
pub trait Store: Send + Sync {
    /// The language a person chose explicitly.
    fn language(&self, chat_key: &str) -> Result<Option<Lang>>;
    fn set_language(&self, chat_key: &str, lang: Lang) -> Result<()>;
    /// Deletes everything stored about this chat.
    fn forget(&self, chat_key: &str) -> Result<()>;
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
        self.conn().execute("DELETE FROM preferences WHERE chat_key = ?1", [chat_key])?;
        Ok(())
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
}
