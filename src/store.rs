//! State that must survive a restart, in SQLite (one file per bot), behind a small interface so that
//! a server database can be added later.

use crate::escalation::ticket::{Entry, Party, Reason, Ticket, TicketState};
use crate::lang::Lang;
use crate::message::{ChatRef, Delivery, Outgoing};
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
    "ALTER TABLE gaps ADD COLUMN answer TEXT;
     CREATE TABLE tickets (
        id INTEGER PRIMARY KEY,
        person_key TEXT NOT NULL,
        platform TEXT NOT NULL,
        chat TEXT NOT NULL,
        lang TEXT NOT NULL,
        reason TEXT NOT NULL,
        urgent INTEGER NOT NULL,
        state TEXT NOT NULL,
        advisor TEXT,
        question TEXT NOT NULL,
        offered TEXT NOT NULL,
        relay INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        claimed_at INTEGER,
        closed_at INTEGER,
        reminded_at INTEGER,
        waiting_told_at INTEGER
     );
     CREATE INDEX tickets_person ON tickets(person_key);
     CREATE INDEX tickets_state ON tickets(state);
     CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        ticket INTEGER NOT NULL,
        at INTEGER NOT NULL,
        party TEXT NOT NULL,
        name TEXT,
        text TEXT NOT NULL
     );
     CREATE INDEX entries_ticket ON entries(ticket);
     CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        chat TEXT NOT NULL,
        ticket INTEGER,
        payload TEXT,
        created_at INTEGER NOT NULL,
        sent_at INTEGER,
        message_id TEXT
     );
     CREATE INDEX outbox_pending ON outbox(platform, sent_at);
     CREATE TABLE ticket_messages (
        ticket INTEGER NOT NULL,
        platform TEXT NOT NULL,
        chat TEXT NOT NULL,
        message_id TEXT NOT NULL,
        outbox INTEGER NOT NULL
     );
     CREATE INDEX ticket_messages_msg ON ticket_messages(platform, chat, message_id);
     CREATE INDEX ticket_messages_ticket ON ticket_messages(ticket);
     CREATE TABLE events (
        platform TEXT NOT NULL,
        event TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (platform, event)
     );",
    "CREATE TABLE conversations (
        chat_key TEXT PRIMARY KEY,
        lang TEXT NOT NULL,
        updated_at INTEGER NOT NULL
     );",
    "CREATE TABLE media_files (
        file TEXT PRIMARY KEY,
        person_key TEXT NOT NULL,
        created_at INTEGER NOT NULL
     );
     CREATE INDEX media_files_person ON media_files(person_key);",
];

/// A change to stored state; [`Store::apply`] makes a list of them durable at once, or none of them.
#[derive(Debug, Clone)]
pub enum Change {
    /// A platform event was handled (a redelivered copy is ignored).
    Event { platform: String, event: String, at: i64 },
    /// Insert or replace a ticket.
    Ticket(Ticket),
    /// A transcript line.
    Entry { ticket: u64, entry: Entry },
    /// A message to deliver (its outbox id is returned by `apply`).
    Send(Outgoing),
    /// Remove a message the bot sent on a platform.
    Delete { chat: ChatRef, message: String, at: i64 },
    /// Replace the buttons of a message the bot sent (a ticket's post).
    Edit { chat: ChatRef, message: String, lang: Lang, buttons: Vec<Vec<crate::message::Button>>, at: i64 },
    /// Delete a person's tickets, transcripts and undelivered messages to them.
    ForgetTickets { person: ChatRef },
    /// A file copy under the data directory that belongs to a person's conversation: deleted with
    /// their tickets (`/forget`, retention).
    MediaFile { file: String, person: ChatRef, at: i64 },
    /// Record a suggestion for the knowledge base (an advisor's answer), linked only to the person.
    Suggestion { person: ChatRef, lang: Lang, question: String, answer: String, at: i64 },
}

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
    /// For suggestions: the advisor's answer.
    pub answer: Option<String>,
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

    /// The language a conversation has been in (not chosen, detected), so a restart keeps it.
    fn conversation_language(&self, chat_key: &str) -> Result<Option<Lang>>;
    fn set_conversation_language(&self, chat_key: &str, lang: Lang) -> Result<()>;

    /// A transport's own small state (e.g. the Telegram update offset).
    fn state(&self, key: &str) -> Result<Option<String>>;
    fn set_state(&self, key: &str, value: &str) -> Result<()>;

    /// Applies changes atomically; returns the outbox ids of `Send` and `Delete` changes, in order.
    fn apply(&self, changes: &[Change]) -> Result<Vec<u64>>;
    /// Whether this platform event was handled before.
    fn event_seen(&self, platform: &str, event: &str) -> Result<bool>;
    /// The next free ticket number.
    fn next_ticket_id(&self) -> Result<u64>;
    fn ticket(&self, id: u64) -> Result<Option<Ticket>>;
    /// The person's ticket that is not closed, if any.
    fn active_ticket(&self, person: &ChatRef) -> Result<Option<Ticket>>;
    /// The person's most recently closed ticket.
    fn last_closed_ticket(&self, person: &ChatRef) -> Result<Option<Ticket>>;
    /// Every ticket not closed: urgent first, then oldest first.
    fn active_tickets(&self) -> Result<Vec<Ticket>>;
    /// Every ticket of a person, any state.
    fn tickets_of(&self, person: &ChatRef) -> Result<Vec<Ticket>>;
    /// A ticket's transcript, oldest first.
    fn entries(&self, ticket: u64) -> Result<Vec<Entry>>;
    /// The ticket a platform message (in an advisors' room) belongs to.
    fn ticket_for_message(&self, chat: &ChatRef, message: &str) -> Result<Option<u64>>;
    /// The platform messages of a ticket: (chat, message id), first sent first.
    fn ticket_messages(&self, ticket: u64) -> Result<Vec<(ChatRef, String)>>;
    /// Deliveries for a platform not yet reported as done, oldest first.
    fn pending(&self, platform: &str) -> Result<Vec<Delivery>>;
    /// A delivery is done; `message` is the platform's id of the sent message.
    fn mark_sent(&self, id: u64, message: Option<&str>, at: i64) -> Result<()>;
    /// Deletes closed tickets older than `keep_days`, delivered message texts, and old event ids.
    /// Returns the number of tickets deleted.
    fn purge(&self, now: i64, keep_days: u32) -> Result<usize>;
}

/// The default store: an embedded SQLite file.
pub struct SqliteStore {
    conn: Mutex<Connection>,
    /// Where transports keep copies of files (`media/` beside the database).
    media_dir: Option<std::path::PathBuf>,
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
        Self::init(conn, path.parent().map(|d| d.join("media")))
    }

    pub fn in_memory() -> Result<SqliteStore> {
        Self::init(Connection::open_in_memory()?, None)
    }

    /// The folder for copies of files people sent, when the database lives on disk.
    pub fn media_dir(&self) -> Option<&Path> {
        self.media_dir.as_deref()
    }

    /// Deletes file copies (after the rows that named them are gone). Names are plain file names.
    fn remove_media(&self, files: &[String]) {
        let Some(dir) = &self.media_dir else { return };
        for f in files {
            if f.contains(['/', '\\']) || f.starts_with('.') {
                continue;
            }
            if let Err(e) = std::fs::remove_file(dir.join(f))
                && e.kind() != std::io::ErrorKind::NotFound
            {
                tracing::warn!("deleting a stored file failed: {e}");
            }
        }
    }

    fn init(mut conn: Connection, media_dir: Option<std::path::PathBuf>) -> Result<SqliteStore> {
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
        Ok(SqliteStore { conn: Mutex::new(conn), media_dir })
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
        conn.execute("DELETE FROM conversations WHERE chat_key = ?1", [chat_key])?;
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
        let mut stmt = conn.prepare("SELECT created_at, lang, question, reason, topic, answer FROM gaps ORDER BY created_at, id")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, Option<String>>(4)?, r.get::<_, Option<String>>(5)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (created_at, lang, question, reason, topic, answer) = row?;
            let Ok(lang) = lang.parse() else { continue };
            out.push(Gap { created_at, lang, question, reason: GapReason::parse(&reason), topic, answer });
        }
        Ok(out)
    }

    fn conversation_language(&self, chat_key: &str) -> Result<Option<Lang>> {
        let code: Option<String> =
            self.conn().query_row("SELECT lang FROM conversations WHERE chat_key = ?1", [chat_key], |r| r.get(0)).optional()?;
        Ok(code.and_then(|c| c.parse().ok()))
    }

    fn set_conversation_language(&self, chat_key: &str, lang: Lang) -> Result<()> {
        self.conn().execute(
            "INSERT INTO conversations (chat_key, lang, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(chat_key) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at",
            params![chat_key, lang.code(), now()],
        )?;
        Ok(())
    }

    fn state(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn().query_row("SELECT value FROM meta WHERE key = ?1", [format!("state:{key}")], |r| r.get(0)).optional()?)
    }

    fn set_state(&self, key: &str, value: &str) -> Result<()> {
        self.conn().execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", params![format!("state:{key}"), value])?;
        Ok(())
    }

    fn apply(&self, changes: &[Change]) -> Result<Vec<u64>> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut ids = Vec::new();
        let mut doomed_files: Vec<String> = Vec::new();
        for c in changes {
            match c {
                Change::Event { platform, event, at } => {
                    tx.execute("INSERT OR IGNORE INTO events (platform, event, at) VALUES (?1, ?2, ?3)", params![platform, event, at])?;
                }
                Change::Ticket(t) => {
                    tx.execute(
                        "INSERT OR REPLACE INTO tickets (id, person_key, platform, chat, lang, reason, urgent, state, advisor, question, offered,
                            relay, created_at, updated_at, claimed_at, closed_at, reminded_at, waiting_told_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                        params![
                            t.id as i64, t.person.key(), t.person.platform, t.person.chat, t.lang.code(), t.reason.as_str(), t.urgent,
                            t.state.as_str(), t.advisor, t.question, t.offered.join(" "), t.relay, t.created_at, t.updated_at,
                            t.claimed_at, t.closed_at, t.reminded_at, t.waiting_told_at
                        ],
                    )?;
                    tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('ticket_seq', MAX(?1, COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'ticket_seq'), 0)))", [t.id as i64])?;
                }
                Change::Entry { ticket, entry } => {
                    tx.execute(
                        "INSERT INTO entries (ticket, at, party, name, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![*ticket as i64, entry.at, entry.party.as_str(), entry.name, entry.text],
                    )?;
                }
                Change::Send(o) => {
                    let payload = serde_json::to_string(o)?;
                    tx.execute(
                        "INSERT INTO outbox (platform, chat, ticket, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![o.chat.platform, o.chat.chat, o.ticket.map(|t| t as i64), payload, now()],
                    )?;
                    ids.push(tx.last_insert_rowid() as u64);
                }
                Change::Delete { chat, message, at } => {
                    let payload = serde_json::to_string(&serde_json::json!({ "delete": message }))?;
                    tx.execute(
                        "INSERT INTO outbox (platform, chat, ticket, payload, created_at) VALUES (?1, ?2, NULL, ?3, ?4)",
                        params![chat.platform, chat.chat, payload, at],
                    )?;
                    ids.push(tx.last_insert_rowid() as u64);
                }
                Change::Edit { chat, message, lang, buttons, at } => {
                    let payload = serde_json::to_string(&serde_json::json!({ "edit": message, "lang": lang.code(), "buttons": buttons }))?;
                    tx.execute(
                        "INSERT INTO outbox (platform, chat, ticket, payload, created_at) VALUES (?1, ?2, NULL, ?3, ?4)",
                        params![chat.platform, chat.chat, payload, at],
                    )?;
                    ids.push(tx.last_insert_rowid() as u64);
                }
                Change::ForgetTickets { person } => {
                    let key = person.key();
                    let mut stmt = tx.prepare("SELECT file FROM media_files WHERE person_key = ?1")?;
                    let files: Vec<String> = stmt.query_map([&key], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
                    drop(stmt);
                    doomed_files.extend(files);
                    tx.execute("DELETE FROM media_files WHERE person_key = ?1", [&key])?;
                    tx.execute("DELETE FROM entries WHERE ticket IN (SELECT id FROM tickets WHERE person_key = ?1)", [&key])?;
                    tx.execute("DELETE FROM ticket_messages WHERE ticket IN (SELECT id FROM tickets WHERE person_key = ?1)", [&key])?;
                    tx.execute(
                        "DELETE FROM outbox WHERE ticket IN (SELECT id FROM tickets WHERE person_key = ?1) AND sent_at IS NULL",
                        [&key],
                    )?;
                    tx.execute("DELETE FROM outbox WHERE platform = ?1 AND chat = ?2 AND sent_at IS NULL", params![person.platform, person.chat])?;
                    tx.execute("DELETE FROM tickets WHERE person_key = ?1", [&key])?;
                }
                Change::MediaFile { file, person, at } => {
                    tx.execute(
                        "INSERT OR IGNORE INTO media_files (file, person_key, created_at) VALUES (?1, ?2, ?3)",
                        params![file, person.key(), at],
                    )?;
                }
                Change::Suggestion { person, lang, question, answer, at } => {
                    let link = Self::person_link(&tx, &person.key())?;
                    tx.execute(
                        "INSERT INTO gaps (created_at, lang, question, reason, topic, person, answer) VALUES (?1, ?2, ?3, 'suggestion', NULL, ?4, ?5)",
                        params![at, lang.code(), question, link, answer],
                    )?;
                }
            }
        }
        tx.commit()?;
        self.remove_media(&doomed_files);
        Ok(ids)
    }

    fn event_seen(&self, platform: &str, event: &str) -> Result<bool> {
        Ok(self
            .conn()
            .query_row("SELECT 1 FROM events WHERE platform = ?1 AND event = ?2", params![platform, event], |_| Ok(()))
            .optional()?
            .is_some())
    }

    fn next_ticket_id(&self) -> Result<u64> {
        let conn = self.conn();
        let seq: Option<String> = conn.query_row("SELECT value FROM meta WHERE key = 'ticket_seq'", [], |r| r.get(0)).optional()?;
        let max: Option<i64> = conn.query_row("SELECT MAX(id) FROM tickets", [], |r| r.get(0))?;
        let seq = seq.and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
        Ok(seq.max(max.unwrap_or(0)) as u64 + 1)
    }

    fn ticket(&self, id: u64) -> Result<Option<Ticket>> {
        Ok(self.tickets_where("id = ?1", params![id as i64])?.pop())
    }

    fn active_ticket(&self, person: &ChatRef) -> Result<Option<Ticket>> {
        Ok(self.tickets_where("person_key = ?1 AND state != 'closed' ORDER BY id DESC LIMIT 1", params![person.key()])?.pop())
    }

    fn last_closed_ticket(&self, person: &ChatRef) -> Result<Option<Ticket>> {
        Ok(self.tickets_where("person_key = ?1 AND state = 'closed' ORDER BY closed_at DESC, id DESC LIMIT 1", params![person.key()])?.pop())
    }

    fn active_tickets(&self) -> Result<Vec<Ticket>> {
        self.tickets_where("state != 'closed' ORDER BY urgent DESC, created_at, id", params![])
    }

    fn tickets_of(&self, person: &ChatRef) -> Result<Vec<Ticket>> {
        self.tickets_where("person_key = ?1 ORDER BY id", params![person.key()])
    }

    fn entries(&self, ticket: u64) -> Result<Vec<Entry>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT at, party, name, text FROM entries WHERE ticket = ?1 ORDER BY id")?;
        let rows = stmt.query_map([ticket as i64], |r| {
            Ok(Entry { at: r.get(0)?, party: Party::parse(&r.get::<_, String>(1)?), name: r.get(2)?, text: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn ticket_for_message(&self, chat: &ChatRef, message: &str) -> Result<Option<u64>> {
        let t: Option<i64> = self
            .conn()
            .query_row(
                "SELECT ticket FROM ticket_messages WHERE platform = ?1 AND chat = ?2 AND message_id = ?3",
                params![chat.platform, chat.chat, message],
                |r| r.get(0),
            )
            .optional()?;
        Ok(t.map(|t| t as u64))
    }

    fn ticket_messages(&self, ticket: u64) -> Result<Vec<(ChatRef, String)>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT platform, chat, message_id FROM ticket_messages WHERE ticket = ?1 ORDER BY outbox")?;
        let rows = stmt.query_map([ticket as i64], |r| Ok((ChatRef::new(r.get::<_, String>(0)?, r.get::<_, String>(1)?), r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn pending(&self, platform: &str) -> Result<Vec<Delivery>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT id, chat, payload FROM outbox WHERE platform = ?1 AND sent_at IS NULL ORDER BY id")?;
        let rows = stmt.query_map([platform], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, chat, payload) = row?;
            let Some(payload) = payload else { continue };
            let value: serde_json::Value = match serde_json::from_str(&payload) {
                Ok(v) => v,
                Err(e) => {
                    tracing::warn!("outbox entry {id} is unreadable: {e}");
                    continue;
                }
            };
            if let Some(message) = value.get("delete").and_then(|m| m.as_str()) {
                out.push(Delivery::Delete { id: id as u64, chat: ChatRef::new(platform, chat), message: message.to_string() });
            } else if let Some(message) = value.get("edit").and_then(|m| m.as_str()) {
                let lang = value.get("lang").and_then(|l| l.as_str()).and_then(|l| l.parse().ok()).unwrap_or(Lang::En);
                let buttons = value.get("buttons").cloned().and_then(|b| serde_json::from_value(b).ok()).unwrap_or_default();
                out.push(Delivery::Edit { id: id as u64, chat: ChatRef::new(platform, chat), message: message.to_string(), lang, buttons });
            } else {
                match serde_json::from_value::<Outgoing>(value) {
                    Ok(mut o) => {
                        o.id = id as u64;
                        out.push(Delivery::Send(o));
                    }
                    Err(e) => tracing::warn!("outbox entry {id} is unreadable: {e}"),
                }
            }
        }
        Ok(out)
    }

    fn mark_sent(&self, id: u64, message: Option<&str>, at: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        // The text is not kept once delivered: only the link between a room message and its ticket.
        let row: Option<(String, String, Option<i64>)> = tx
            .query_row("SELECT platform, chat, ticket FROM outbox WHERE id = ?1 AND sent_at IS NULL", [id as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some((platform, chat, ticket)) = row {
            tx.execute("UPDATE outbox SET sent_at = ?2, message_id = ?3, payload = NULL WHERE id = ?1", params![id as i64, at, message])?;
            if let (Some(ticket), Some(message)) = (ticket, message) {
                tx.execute(
                    "INSERT INTO ticket_messages (ticket, platform, chat, message_id, outbox) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![ticket, platform, chat, message, id as i64],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn purge(&self, now: i64, keep_days: u32) -> Result<usize> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let cutoff = now - keep_days as i64 * 86_400;
        let old = "SELECT id FROM tickets WHERE state = 'closed' AND closed_at < ?1";
        tx.execute(&format!("DELETE FROM entries WHERE ticket IN ({old})"), [cutoff])?;
        tx.execute(&format!("DELETE FROM ticket_messages WHERE ticket IN ({old})"), [cutoff])?;
        tx.execute(&format!("DELETE FROM outbox WHERE ticket IN ({old})"), [cutoff])?;
        let n = tx.execute("DELETE FROM tickets WHERE state = 'closed' AND closed_at < ?1", [cutoff])?;
        tx.execute("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?1 AND ticket IS NULL", [now - 86_400])?;
        tx.execute("DELETE FROM events WHERE at < ?1", [now - 7 * 86_400])?;
        // File copies older than the retention period, unless their person's ticket is still open.
        let old_files = "SELECT file FROM media_files WHERE created_at < ?1
             AND person_key NOT IN (SELECT person_key FROM tickets WHERE state != 'closed')";
        let mut stmt = tx.prepare(old_files)?;
        let files: Vec<String> = stmt.query_map([cutoff], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        tx.execute(&format!("DELETE FROM media_files WHERE file IN ({old_files})"), [cutoff])?;
        tx.commit()?;
        drop(conn);
        self.remove_media(&files);
        Ok(n)
    }
}

impl SqliteStore {
    fn tickets_where(&self, clause: &str, params: &[&dyn rusqlite::ToSql]) -> Result<Vec<Ticket>> {
        let conn = self.conn();
        let sql = format!(
            "SELECT id, platform, chat, lang, reason, urgent, state, advisor, question, offered, relay, created_at, updated_at,
                    claimed_at, closed_at, reminded_at, waiting_told_at FROM tickets WHERE {clause}"
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(params, |r| {
            let lang: String = r.get(3)?;
            let offered: String = r.get(9)?;
            Ok(Ticket {
                id: r.get::<_, i64>(0)? as u64,
                person: ChatRef::new(r.get::<_, String>(1)?, r.get::<_, String>(2)?),
                lang: lang.parse().unwrap_or(Lang::En),
                reason: Reason::parse(&r.get::<_, String>(4)?),
                urgent: r.get(5)?,
                state: TicketState::parse(&r.get::<_, String>(6)?),
                advisor: r.get(7)?,
                question: r.get(8)?,
                offered: offered.split_whitespace().map(String::from).collect(),
                relay: r.get(10)?,
                created_at: r.get(11)?,
                updated_at: r.get(12)?,
                claimed_at: r.get(13)?,
                closed_at: r.get(14)?,
                reminded_at: r.get(15)?,
                waiting_told_at: r.get(16)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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

    #[test]
    fn delivered_messages_keep_no_text_and_outbox_ids_are_never_reused() {
        use crate::message::{Kind, RichText};
        let s = SqliteStore::in_memory().unwrap();
        let chat = ChatRef::new("test", "c1");
        let msg = Outgoing::new(chat.clone(), Kind::Info, Lang::En, RichText::paragraph("private words"), vec![]);
        let ids = s.apply(&[Change::Send(msg.clone())]).unwrap();
        assert_eq!(s.pending("test").unwrap().len(), 1);
        s.mark_sent(ids[0], Some("m1"), now()).unwrap();
        assert!(s.pending("test").unwrap().is_empty());
        let payload: Option<String> = s.conn().query_row("SELECT payload FROM outbox WHERE id = ?1", [ids[0] as i64], |r| r.get(0)).unwrap();
        assert_eq!(payload, None, "the text is gone once delivered");
        s.purge(now() + 3 * 86_400, 30).unwrap();
        let again = s.apply(&[Change::Send(msg)]).unwrap();
        assert!(again[0] > ids[0], "an id is an idempotency key: never reused after purging");
    }
}
