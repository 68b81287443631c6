//! State that must survive a restart, in SQLite (one file per bot), behind a small interface so that
//! a server database can be added later.

use crate::escalation::config::KeepDays;
use crate::escalation::ticket::{Entry, Kept, Party, Reason, Ticket, TicketState};
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
    // The advisors' desk: queue, offers in turn, partners, ratings, keeping, ready replies.
    "ALTER TABLE tickets ADD COLUMN open_since INTEGER;
     ALTER TABLE tickets ADD COLUMN offered_to TEXT;
     ALTER TABLE tickets ADD COLUMN offered_at INTEGER;
     ALTER TABLE tickets ADD COLUMN partner TEXT;
     ALTER TABLE tickets ADD COLUMN rated INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE tickets ADD COLUMN kept_by TEXT;
     ALTER TABLE tickets ADD COLUMN kept_at INTEGER;
     ALTER TABLE tickets ADD COLUMN kept_reason TEXT;
     CREATE TABLE advisors (
        name TEXT PRIMARY KEY,
        away INTEGER NOT NULL,
        changed_at INTEGER NOT NULL,
        offered_at INTEGER NOT NULL
     );
     CREATE TABLE claim_waits (at INTEGER NOT NULL, secs INTEGER NOT NULL);
     CREATE INDEX claim_waits_at ON claim_waits(at);
     CREATE TABLE ratings (day TEXT NOT NULL, lang TEXT NOT NULL, topic TEXT, rating INTEGER NOT NULL);
     CREATE TABLE reply_uses (reply TEXT PRIMARY KEY, uses INTEGER NOT NULL);",
    // Daily aggregates without identity (see `usage`): no chat, no user, no text.
    "CREATE TABLE daily (
        day TEXT NOT NULL,
        lang TEXT NOT NULL,
        topic TEXT NOT NULL,
        event TEXT NOT NULL,
        bucket TEXT NOT NULL,
        count INTEGER NOT NULL,
        total INTEGER NOT NULL,
        PRIMARY KEY (day, lang, topic, event, bucket)
     );",
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
    /// An advisor's own state (away, when last offered a ticket).
    Advisor(AdvisorState),
    /// How long a ticket waited for its claim, in office seconds (no ticket, no identity).
    ClaimWait { at: i64, secs: i64 },
    /// A newcomer's rating of a conversation with an advisor (no ticket, no identity).
    Rating(Rating),
    /// A ready reply was used once more (for the buttons on a ticket).
    ReplyUsed { reply: String },
    /// Count something in the daily aggregates (no identity, no text).
    Tally(crate::usage::Tally),
}

/// An advisor's state on the desk, by configured name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdvisorState {
    pub name: String,
    /// `/away`: no tickets are offered to them until `/back`.
    pub away: bool,
    pub changed_at: i64,
    /// When a ticket was last offered to them (turns go to the one waiting longest).
    pub offered_at: i64,
}

/// How much a conversation with an advisor helped, as stored: no ticket, no person, only the day.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rating {
    /// The local date, `2026-11-23`.
    pub day: String,
    pub lang: Lang,
    /// The topic the conversation was about, when the bot knew one.
    pub topic: Option<String>,
    /// 0 did not help, 1 helped partly, 2 helped.
    pub rating: u8,
}

/// One row of the daily aggregates.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyRow {
    pub day: String,
    pub lang: Option<Lang>,
    pub topic: Option<String>,
    pub event: crate::usage::Event,
    pub bucket: String,
    pub count: u64,
    /// The sum of the tallies' values (seconds, ratings).
    pub total: i64,
}

/// Undelivered messages for one platform.
#[derive(Debug, Clone, PartialEq)]
pub struct Backlog {
    pub platform: String,
    pub count: u64,
    /// When the oldest of them was written (Unix seconds).
    pub oldest: i64,
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

    /// A transport's own small state (e.g. the Telegram update offset, the Matrix sync token).
    fn state(&self, key: &str) -> Result<Option<String>>;
    /// Stores a transport's state durably: when it returns, this write and every change before it
    /// survive a power cut. Transports call it before they confirm events to their platform.
    fn set_state(&self, key: &str, value: &str) -> Result<()>;
    /// Makes every change so far survive a power cut (a crash of the process loses nothing anyway).
    /// Concurrent callers share one disk flush.
    fn flush(&self) -> Result<()> {
        Ok(())
    }

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
    /// A delivery is done and the platform shows it as several messages (a long text split, a file
    /// after its text), first one first: each is linked to the ticket, for replies and removal.
    fn mark_sent_parts(&self, id: u64, messages: &[String], at: i64) -> Result<()> {
        self.mark_sent(id, messages.first().map(String::as_str), at)
    }
    /// Deletes closed tickets older than their `keep_days` (by reason, or kept), delivered message
    /// texts, old event ids and old claim times. Returns the number of tickets deleted.
    fn purge(&self, now: i64, keep: &KeepDays) -> Result<usize>;

    /// Advisors' stored state (away, last offer), for those who have any.
    fn advisor_states(&self) -> Result<Vec<AdvisorState>>;
    /// Office seconds tickets waited for a claim, claimed since `since`, newest first.
    fn claim_waits(&self, since: i64) -> Result<Vec<i64>>;
    /// Every rating, oldest first (for reports).
    fn ratings(&self) -> Result<Vec<Rating>>;
    /// How often each ready reply was used.
    fn reply_uses(&self) -> Result<Vec<(String, u64)>>;
    /// The daily aggregates from `since` (`YYYY-MM-DD`) on, oldest first.
    fn daily(&self, since: &str) -> Result<Vec<DailyRow>>;
    /// Undelivered messages per platform.
    fn backlog(&self) -> Result<Vec<Backlog>>;
}

/// The default store: an embedded SQLite file.
pub struct SqliteStore {
    conn: Mutex<Connection>,
    /// Where transports keep copies of files (`media/` beside the database).
    media_dir: Option<std::path::PathBuf>,
    /// Group flushes: callers take a number; one flush covers every number taken before it began.
    flush_asked: std::sync::atomic::AtomicU64,
    flushed: Mutex<u64>,
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

    /// The same store, flushing the disk at every commit (`synchronous = FULL`): a power cut then loses
    /// nothing either, at the price the durability bench shows (`cargo bench --bench durability`).
    pub fn flush_every_commit(self) -> Result<SqliteStore> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner()).pragma_update(None, "synchronous", "FULL")?;
        Ok(self)
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
        // WAL with NORMAL: a commit is in the WAL file when it returns, so a crash or `kill -9` of the
        // process loses nothing; only a power cut or a kernel crash can roll back commits since the
        // last flush. A flush per commit (FULL) costs milliseconds and capped the bot at a few
        // hundred messages per second; `set_state` and `flush` flush before a transport confirms
        // events to its platform, so the platform still holds whatever a power cut rolls back.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > MIGRATIONS.len() {
            anyhow::bail!("the database has schema {version}, written by a newer Wegwijs (this one knows up to {}): restore a backup made with this version or install the newer one", MIGRATIONS.len());
        }
        let tx = conn.transaction()?;
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version) {
            tx.execute_batch(m).with_context(|| format!("database migration {}", i + 1))?;
            tx.pragma_update(None, "user_version", i + 1)?;
        }
        tx.commit()?;
        Ok(SqliteStore { conn: Mutex::new(conn), media_dir, flush_asked: std::sync::atomic::AtomicU64::new(0), flushed: Mutex::new(0) })
    }

    /// Runs `write` as a commit that reaches the disk, and with it every commit before it (the WAL
    /// is one file: flushing it flushes what was appended earlier).
    fn durable_write(conn: &Connection, write: impl FnOnce(&Connection) -> rusqlite::Result<usize>) -> Result<()> {
        let level: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0))?;
        if level < 2 {
            conn.pragma_update(None, "synchronous", "FULL")?;
        }
        let result = write(conn);
        if level < 2 {
            conn.pragma_update(None, "synchronous", level)?;
        }
        result?;
        Ok(())
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
        let conn = self.conn();
        Self::durable_write(&conn, |c| c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", params![format!("state:{key}"), value]))
    }

    fn flush(&self) -> Result<()> {
        use std::sync::atomic::Ordering;
        let mine = self.flush_asked.fetch_add(1, Ordering::SeqCst) + 1;
        let mut flushed = self.flushed.lock().unwrap_or_else(|e| e.into_inner());
        if *flushed >= mine {
            // A flush that began after this caller asked covered this caller's commits.
            return Ok(());
        }
        let upto = self.flush_asked.load(Ordering::SeqCst);
        let conn = self.conn();
        Self::durable_write(&conn, |c| c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('flushed', ?1)", [upto as i64]))?;
        *flushed = upto;
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
                            relay, created_at, updated_at, claimed_at, closed_at, reminded_at, waiting_told_at,
                            open_since, offered_to, offered_at, partner, rated, kept_by, kept_at, kept_reason)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                            ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
                        params![
                            t.id as i64, t.person.key(), t.person.platform, t.person.chat, t.lang.code(), t.reason.as_str(), t.urgent,
                            t.state.as_str(), t.advisor, t.question, t.offered.join(" "), t.relay, t.created_at, t.updated_at,
                            t.claimed_at, t.closed_at, t.reminded_at, t.waiting_told_at,
                            t.open_since, t.offered_to, t.offered_at, t.partner, t.rated,
                            t.kept.as_ref().map(|k| &k.by), t.kept.as_ref().map(|k| k.at), t.kept.as_ref().map(|k| &k.reason)
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
                Change::Tally(t) => {
                    tx.execute(
                        "INSERT INTO daily (day, lang, topic, event, bucket, count, total) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)
                         ON CONFLICT(day, lang, topic, event, bucket) DO UPDATE SET count = count + 1, total = total + excluded.total",
                        params![t.day, t.lang.map_or("", |l| l.code()), t.topic.as_deref().unwrap_or(""), t.event.as_str(), t.bucket, t.value],
                    )?;
                }
                Change::Suggestion { person, lang, question, answer, at } => {
                    let link = Self::person_link(&tx, &person.key())?;
                    tx.execute(
                        "INSERT INTO gaps (created_at, lang, question, reason, topic, person, answer) VALUES (?1, ?2, ?3, 'suggestion', NULL, ?4, ?5)",
                        params![at, lang.code(), question, link, answer],
                    )?;
                }
                Change::Advisor(a) => {
                    tx.execute(
                        "INSERT OR REPLACE INTO advisors (name, away, changed_at, offered_at) VALUES (?1, ?2, ?3, ?4)",
                        params![a.name, a.away, a.changed_at, a.offered_at],
                    )?;
                }
                Change::ClaimWait { at, secs } => {
                    tx.execute("INSERT INTO claim_waits (at, secs) VALUES (?1, ?2)", params![at, secs])?;
                }
                Change::Rating(r) => {
                    tx.execute(
                        "INSERT INTO ratings (day, lang, topic, rating) VALUES (?1, ?2, ?3, ?4)",
                        params![r.day, r.lang.code(), r.topic, r.rating],
                    )?;
                }
                Change::ReplyUsed { reply } => {
                    tx.execute(
                        "INSERT INTO reply_uses (reply, uses) VALUES (?1, 1) ON CONFLICT(reply) DO UPDATE SET uses = uses + 1",
                        [reply],
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
        let mut stmt = conn.prepare("SELECT platform, chat, message_id FROM ticket_messages WHERE ticket = ?1 ORDER BY outbox, rowid")?;
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
        let parts: Vec<String> = message.into_iter().map(String::from).collect();
        self.mark_sent_parts(id, &parts, at)
    }

    fn mark_sent_parts(&self, id: u64, messages: &[String], at: i64) -> Result<()> {
        let message = messages.first().map(String::as_str);
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
            if let Some(ticket) = ticket {
                for message in messages {
                    tx.execute(
                        "INSERT INTO ticket_messages (ticket, platform, chat, message_id, outbox) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![ticket, platform, chat, message, id as i64],
                    )?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn purge(&self, now: i64, keep: &KeepDays) -> Result<usize> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let cut = |days: u32| now - days as i64 * 86_400;
        let cutoffs = [cut(keep.kept), cut(keep.safeguarding), cut(keep.misses), cut(keep.asked)];
        let old = "SELECT id FROM tickets WHERE state = 'closed' AND closed_at < CASE
             WHEN kept_at IS NOT NULL THEN ?1 WHEN reason = 'safeguarding' THEN ?2 WHEN reason = 'misses' THEN ?3 ELSE ?4 END";
        tx.execute(&format!("DELETE FROM entries WHERE ticket IN ({old})"), cutoffs)?;
        tx.execute(&format!("DELETE FROM ticket_messages WHERE ticket IN ({old})"), cutoffs)?;
        tx.execute(&format!("DELETE FROM outbox WHERE ticket IN ({old})"), cutoffs)?;
        let n = tx.execute(&format!("DELETE FROM tickets WHERE id IN ({old})"), cutoffs)?;
        tx.execute("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?1 AND ticket IS NULL", [now - 86_400])?;
        tx.execute("DELETE FROM events WHERE at < ?1", [now - 7 * 86_400])?;
        tx.execute("DELETE FROM claim_waits WHERE at < ?1", [now - 90 * 86_400])?;
        // File copies older than the shortest retention period, once no ticket of their person is left.
        let old_files = "SELECT file FROM media_files WHERE created_at < ?1
             AND person_key NOT IN (SELECT person_key FROM tickets)";
        let mut stmt = tx.prepare(old_files)?;
        let files: Vec<String> = stmt.query_map([cut(keep.shortest())], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        tx.execute(&format!("DELETE FROM media_files WHERE file IN ({old_files})"), [cut(keep.shortest())])?;
        tx.commit()?;
        drop(conn);
        self.remove_media(&files);
        Ok(n)
    }

    fn advisor_states(&self) -> Result<Vec<AdvisorState>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT name, away, changed_at, offered_at FROM advisors ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok(AdvisorState { name: r.get(0)?, away: r.get(1)?, changed_at: r.get(2)?, offered_at: r.get(3)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn claim_waits(&self, since: i64) -> Result<Vec<i64>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT secs FROM claim_waits WHERE at >= ?1 ORDER BY at DESC, rowid DESC")?;
        let rows = stmt.query_map([since], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn ratings(&self) -> Result<Vec<Rating>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT day, lang, topic, rating FROM ratings ORDER BY day, rowid")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, u8>(3)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (day, lang, topic, rating) = row?;
            let Ok(lang) = lang.parse() else { continue };
            out.push(Rating { day, lang, topic, rating: rating.min(2) });
        }
        Ok(out)
    }

    fn daily(&self, since: &str) -> Result<Vec<DailyRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT day, lang, topic, event, bucket, count, total FROM daily WHERE day >= ?1 ORDER BY day, lang, topic, event, bucket")?;
        let rows = stmt.query_map([since], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, String>(4)?, r.get::<_, i64>(5)?, r.get::<_, i64>(6)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (day, lang, topic, event, bucket, count, total) = row?;
            // Rows written by a newer version with events this one does not know are left out.
            let Some(event) = crate::usage::Event::parse(&event) else { continue };
            out.push(DailyRow { day, lang: lang.parse().ok(), topic: (!topic.is_empty()).then_some(topic), event, bucket, count: count.max(0) as u64, total });
        }
        Ok(out)
    }

    fn reply_uses(&self) -> Result<Vec<(String, u64)>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT reply, uses FROM reply_uses ORDER BY uses DESC, reply")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
    fn backlog(&self) -> Result<Vec<Backlog>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT platform, COUNT(*), MIN(created_at) FROM outbox WHERE sent_at IS NULL GROUP BY platform ORDER BY platform")?;
        let rows = stmt.query_map([], |r| Ok(Backlog { platform: r.get(0)?, count: r.get::<_, i64>(1)?.max(0) as u64, oldest: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl SqliteStore {
    /// Copies the database at `from` to `to` while other processes may be writing to it, with
    /// SQLite's online backup: the copy is one consistent state. Written beside `to` and renamed
    /// when complete and checked, so a failed backup never leaves a half-written file under that name.
    pub fn backup(from: &Path, to: &Path) -> Result<BackupInfo> {
        use rusqlite::OpenFlags;
        if !from.exists() {
            anyhow::bail!("no database at {}", from.display());
        }
        let src = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .with_context(|| format!("opening database {}", from.display()))?;
        src.busy_timeout(std::time::Duration::from_secs(10))?;
        let name = to.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "backup".into());
        let tmp = to.with_file_name(format!(".{name}.partial"));
        let _ = std::fs::remove_file(&tmp);
        let mut dst = Connection::open(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        {
            let backup = rusqlite::backup::Backup::new(&src, &mut dst)?;
            // All pages in one step: one read transaction, so one consistent state even while the
            // bot writes (in WAL mode writers are not blocked meanwhile).
            let mut tries = 0;
            loop {
                match backup.step(-1).context("copying the database")? {
                    rusqlite::backup::StepResult::Done => break,
                    _ if tries < 100 => {
                        tries += 1;
                        std::thread::sleep(std::time::Duration::from_millis(50));
                    }
                    _ => anyhow::bail!("the database stayed locked; try again"),
                }
            }
        }
        let check: String = dst.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if check != "ok" {
            anyhow::bail!("the copy failed its integrity check: {check}");
        }
        let version: i64 = dst.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tickets: i64 = dst.query_row("SELECT COUNT(*) FROM tickets", [], |r| r.get(0)).unwrap_or(0);
        dst.pragma_update(None, "journal_mode", "DELETE")?;
        drop(dst);
        std::fs::rename(&tmp, to).with_context(|| format!("renaming {} to {}", tmp.display(), to.display()))?;
        let bytes = std::fs::metadata(to).map(|m| m.len()).unwrap_or(0);
        Ok(BackupInfo { bytes, schema: version, tickets: tickets.max(0) as u64 })
    }
}

/// What a backup copied.
#[derive(Debug, Clone)]
pub struct BackupInfo {
    pub bytes: u64,
    pub schema: i64,
    pub tickets: u64,
}

impl SqliteStore {
    fn tickets_where(&self, clause: &str, params: &[&dyn rusqlite::ToSql]) -> Result<Vec<Ticket>> {
        let conn = self.conn();
        let sql = format!(
            "SELECT id, platform, chat, lang, reason, urgent, state, advisor, question, offered, relay, created_at, updated_at,
                    claimed_at, closed_at, reminded_at, waiting_told_at, open_since, offered_to, offered_at, partner, rated,
                    kept_by, kept_at, kept_reason FROM tickets WHERE {clause}"
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
                open_since: r.get::<_, Option<i64>>(17)?.unwrap_or(r.get(11)?),
                offered_to: r.get(18)?,
                offered_at: r.get(19)?,
                partner: r.get(20)?,
                rated: r.get(21)?,
                kept: match (r.get::<_, Option<String>>(22)?, r.get::<_, Option<i64>>(23)?, r.get::<_, Option<String>>(24)?) {
                    (Some(by), Some(at), reason) => Some(Kept { by, at, reason: reason.unwrap_or_default() }),
                    _ => None,
                },
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
        s.purge(now() + 3 * 86_400, &KeepDays::uniform(30)).unwrap();
        let again = s.apply(&[Change::Send(msg)]).unwrap();
        assert!(again[0] > ids[0], "an id is an idempotency key: never reused after purging");
    }
}
