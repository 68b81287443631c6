//! Matrix, through matrix-sdk: a sync loop in, room messages out, end-to-end encryption included.
//!
//! A thin adapter like the Telegram one. Events become [`Incoming`] (the event id is the event id, so
//! an event seen twice is harmless); [`Outgoing`] becomes an `m.room.message` with a plain `body` and
//! an HTML `formatted_body`: `m.notice` for the bot's own words, `m.text` for an advisor's words
//! relayed to a newcomer, a file message (`m.image`, `m.file`, `m.audio`, `m.video`) with the text as
//! its caption when a file goes along. Messages about a ticket are threaded under it in the advisors'
//! room, with `m.mentions` for the advisors they name. Buttons become numbered options (keycaps up to
//! 🔟, plain numbers after): a reply with the number, or a reaction with the keycap, presses the
//! button; 👍 / 👎 on an answer is feedback. In the advisors' room options are reactions on a ticket's
//! messages (👍 or ✋ claims, ✅ closes, ↩️ releases) and commands, and the ticket's post says which;
//! its line of actions is edited (`m.replace`) when the ticket changes state.
//!
//! Session and state: the access token and device id are kept in `matrix/session.json` and the SDK's
//! SQLite state and crypto store in `matrix/store/` under the bot's data directory; the two are only
//! ever used together (if one is missing, the bot logs in again as a new device). The sync token is
//! kept in Wegwijs's own database and moves on only after a sync's events are handled; the SDK's own
//! token is set back to it at start, so a restart neither misses nor repeats a message, also when the
//! homeserver repeats a batch from its sync cache. Outbox ids (with a per-database prefix) are the
//! transaction ids, so a message resent after a crash is not shown twice. Redactions that fail stay in
//! the outbox and are tried again.

use crate::bot::MatrixConfig;
use crate::conversation::Engine;
use crate::lang::Lang;
use crate::message::{Action, Block, ChatRef, Delivery, Incoming, Inline, Kind, Media, MediaKind, Outgoing, RichText};
use anyhow::{anyhow, bail, Context, Result};
use matrix_sdk::config::{RequestConfig, SyncSettings};
use matrix_sdk::deserialized_responses::TimelineEventKind;
use matrix_sdk::ruma::events::relation::Thread;
use matrix_sdk::ruma::events::room::member::{MembershipState, StrippedRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{MessageType, Relation, RoomMessageEventContent};
use matrix_sdk::ruma::events::{
    AnyStrippedStateEvent, AnySyncMessageLikeEvent, AnySyncTimelineEvent, Mentions, SyncMessageLikeEvent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId, RoomOrAliasId};
use matrix_sdk::{authentication::matrix::MatrixSession, Client, Room, SessionMeta, SessionTokens};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

/// The platform name the core sees.
pub const PLATFORM: &str = "matrix";

/// Matrix events may be up to 65,536 bytes as JSON; keep each message's text well below.
pub const MAX_TEXT: usize = 12_000;

/// Keycaps for numbered options: 0 to 10 have one; higher numbers are shown as plain numbers.
const KEYCAPS: [&str; 11] = ["0️⃣", "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"];

/// How option `n` (from 1) is shown: its keycap where one exists, else the plain number.
fn option_marker(n: usize) -> String {
    match KEYCAPS.get(n) {
        Some(k) if n > 0 => (*k).to_string(),
        _ => format!("{n}."),
    }
}

/// The option number a typed message picks: "3", "12", "12.", or a keycap (1️⃣ to 🔟) on its own.
fn typed_option(text: &str) -> Option<usize> {
    let t = text.trim();
    let bare = |s: &str| s.replace('\u{fe0f}', "");
    if let Some(n) = KEYCAPS.iter().position(|k| bare(k) == bare(t)) {
        return (n > 0).then_some(n);
    }
    let digits = t.strip_suffix('.').unwrap_or(t);
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| *n > 0)
}

/// `&`, `<`, `>`, `"` and `'`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A message ready to send: plain text, HTML, and the users it mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub body: String,
    pub html: String,
    pub mentions: Vec<String>,
}

fn inline(i: &Inline, body: &mut String, html: &mut String, mentions: &mut Vec<String>) {
    match i {
        Inline::Text(s) => {
            body.push_str(s);
            html.push_str(&escape(s));
        }
        Inline::Strong(s) => {
            body.push_str(s);
            html.push_str(&format!("<strong>{}</strong>", escape(s)));
        }
        Inline::Emphasis(s) => {
            body.push_str(s);
            html.push_str(&format!("<em>{}</em>", escape(s)));
        }
        Inline::Code(s) => {
            body.push_str(s);
            html.push_str(&format!("<code>{}</code>", escape(s)));
        }
        Inline::Link { label, url } => {
            if url.starts_with("https://") || url.starts_with("http://") {
                body.push_str(&format!("{label}: {url}"));
                html.push_str(&format!("<a href=\"{}\">{}</a>", escape(url), escape(label)));
            } else {
                body.push_str(label);
                html.push_str(&escape(label));
            }
        }
        Inline::Mention { label, user } => {
            body.push_str(label);
            if user.starts_with('@') && user.contains(':') && !user.chars().any(char::is_whitespace) {
                html.push_str(&format!("<a href=\"https://matrix.to/#/{}\">{}</a>", escape(user), escape(label)));
                mentions.push(user.clone());
            } else {
                html.push_str(&escape(label));
            }
        }
        Inline::LineBreak => {
            body.push('\n');
            html.push_str("<br>");
        }
    }
}

fn block(b: &Block, r: &mut Rendered) {
    let run = |r: &mut Rendered, list: &[Inline]| {
        for i in list {
            inline(i, &mut r.body, &mut r.html, &mut r.mentions);
        }
    };
    match b {
        Block::Heading(i) => {
            r.html.push_str("<p><strong>");
            run(r, i);
            r.html.push_str("</strong></p>");
        }
        Block::Paragraph(i) => {
            r.html.push_str("<p>");
            run(r, i);
            r.html.push_str("</p>");
        }
        Block::Note(i) => {
            r.html.push_str("<p><em>");
            run(r, i);
            r.html.push_str("</em></p>");
        }
        Block::List(items) => {
            r.html.push_str("<ul>");
            for (k, item) in items.iter().enumerate() {
                if k > 0 {
                    r.body.push('\n');
                }
                r.body.push_str("• ");
                r.html.push_str("<li>");
                run(r, item);
                r.html.push_str("</li>");
            }
            r.html.push_str("</ul>");
        }
    }
}

/// Rich text and buttons as Matrix messages (several when the text is very long). Buttons become a
/// numbered list of options at the end of the last message.
pub fn render(text: &RichText, buttons: &[String]) -> Vec<Rendered> {
    let mut out: Vec<Rendered> = Vec::new();
    let mut cur = Rendered { body: String::new(), html: String::new(), mentions: Vec::new() };
    let mut blocks: Vec<Block> = Vec::new();
    for b in &text.blocks {
        let plain = RichText { blocks: vec![b.clone()] }.plain();
        if plain.len() > MAX_TEXT {
            // One huge block (a long relayed text): plain pieces cut at spaces.
            for part in super::telegram::split_words(&plain, MAX_TEXT) {
                blocks.push(Block::Paragraph(vec![Inline::Text(part)]));
            }
        } else {
            blocks.push(b.clone());
        }
    }
    if !buttons.is_empty() {
        let items = buttons
            .iter()
            .enumerate()
            .map(|(k, label)| vec![Inline::Text(format!("{} {label}", option_marker(k + 1)))])
            .collect();
        blocks.push(Block::List(items));
    }
    for b in &blocks {
        let mut piece = Rendered { body: String::new(), html: String::new(), mentions: Vec::new() };
        block(b, &mut piece);
        if !cur.body.is_empty() && cur.body.len() + piece.body.len() + 2 > MAX_TEXT {
            out.push(std::mem::replace(&mut cur, Rendered { body: String::new(), html: String::new(), mentions: Vec::new() }));
        }
        if !cur.body.is_empty() {
            cur.body.push_str("\n\n");
        }
        cur.body.push_str(&piece.body);
        cur.html.push_str(&piece.html);
        cur.mentions.extend(piece.mentions);
    }
    if !cur.body.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

/// Strips the quoted fallback (`> ...` lines and a blank line) that some clients put before a reply.
fn strip_reply_fallback(body: &str) -> &str {
    if !body.starts_with("> ") {
        return body;
    }
    match body.find("\n\n") {
        Some(i) if body[..i].lines().all(|l| l.starts_with('>')) => &body[i + 2..],
        _ => body,
    }
}

/// What a reaction means, given the buttons of the message it reacts to.
fn reaction_action(key: &str, actions: &[Action]) -> Option<Action> {
    // Variation selectors are optional in what clients send: compare without them.
    let bare = |s: &str| s.replace('\u{fe0f}', "");
    let key = bare(key);
    if let Some(n) = KEYCAPS.iter().position(|k| bare(k) == key) {
        return actions.get(n.checked_sub(1)?).cloned();
    }
    let helped = match key.as_str() {
        "👍" | "👍🏻" | "👍🏼" | "👍🏽" | "👍🏾" | "👍🏿" => true,
        "👎" | "👎🏻" | "👎🏼" | "👎🏽" | "👎🏾" | "👎🏿" => false,
        _ => return None,
    };
    actions.iter().find(|a| matches!(a, Action::Feedback { helped: h, .. } if *h == helped)).cloned()
}

/// What a reaction on a ticket message in the advisors' room means.
fn ticket_reaction(key: &str) -> Option<crate::message::TicketOp> {
    use crate::message::TicketOp;
    match key.trim_end_matches('\u{fe0f}') {
        "👍" | "✋" | "🙋" | "🙋‍♀" | "🙋‍♂" => Some(TicketOp::Claim),
        "✅" | "✔" | "☑" => Some(TicketOp::Close),
        "↩" => Some(TicketOp::Release),
        _ => None,
    }
}

enum Retry {
    Later,
    Never,
}

/// Runs the Matrix side of a bot.
pub struct Matrix {
    client: Client,
    engine: Arc<Engine>,
    me: OwnedUserId,
    /// The advisors' room as configured (the core's chat id for it) and as a room id.
    advisors: Option<(String, OwnedRoomId)>,
    /// Rooms besides direct chats the bot may join and serve.
    allowed: HashSet<OwnedRoomId>,
    /// Buttons of recent messages by event id, and the last message with buttons per room.
    buttons: Mutex<HashMap<String, Vec<Action>>>,
    /// Rooms told about an undecryptable message already.
    told: Mutex<HashSet<OwnedRoomId>>,
    /// Prefix of transaction ids, unique per database.
    txn_prefix: String,
    /// Where copies of received files go (`<data_dir>/media/`), and the largest copied.
    media_dir: PathBuf,
    max_file: u64,
}

const SYNC_KEY: &str = "matrix_sync_token";

fn session_path(dir: &Path) -> PathBuf {
    dir.join("session.json")
}

fn write_private(path: &Path, data: impl AsRef<[u8]>) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, data)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))?;
    }
    std::fs::rename(&tmp, path)?;
    Ok(())
}

impl Matrix {
    /// Logs in (or restores the stored session), joins the advisors' room, and returns the adapter.
    pub async fn connect(engine: Arc<Engine>, cfg: &MatrixConfig, data_dir: &Path) -> Result<Matrix> {
        let dir = data_dir.join("matrix");
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let store_dir = dir.join("store");
        let session_file = session_path(&dir);
        let stored: Option<MatrixSession> = match std::fs::read_to_string(&session_file) {
            Ok(s) => Some(serde_json::from_str(&s).with_context(|| format!("{}: not a stored Matrix session", session_file.display()))?),
            Err(_) => None,
        };
        if stored.is_none() && store_dir.exists() {
            // A store without its session cannot be used with a new device: start afresh.
            tracing::warn!("Matrix store without a session: logging in as a new device");
            std::fs::remove_dir_all(&store_dir)?;
        }
        let me: OwnedUserId = cfg.user_id.parse().map_err(|e| anyhow!("[matrix] user_id {:?}: {e}", cfg.user_id))?;
        let client = Client::builder()
            .homeserver_url(&cfg.homeserver)
            .sqlite_store(&store_dir, None)
            .request_config(RequestConfig::new().retry_limit(4).timeout(Duration::from_secs(60)))
            .build()
            .await
            .with_context(|| format!("[matrix] homeserver {:?}", cfg.homeserver))?;
        // The SDK keeps its own sync token and drops a sync response whose `next_batch` equals it
        // ("Got the same sync response twice"). After a crash between the SDK storing a batch and
        // Wegwijs handling it, the homeserver can answer Wegwijs's older token with exactly that
        // batch from its sync cache, and its events would never be handled. So the SDK's stored
        // token is set back to Wegwijs's own before the session (which loads it) is restored.
        let ours = engine.store().state(SYNC_KEY)?;
        {
            use matrix_sdk::store::{StateStoreDataKey, StateStoreDataValue};
            let sdk = client.state_store();
            match ours {
                Some(t) => sdk.set_kv_data(StateStoreDataKey::SyncToken, StateStoreDataValue::SyncToken(t)).await,
                None => sdk.remove_kv_data(StateStoreDataKey::SyncToken).await,
            }
            .context("setting the Matrix store's sync token to Wegwijs's own")?;
        }
        match stored {
            Some(s) => {
                if s.meta.user_id != me {
                    bail!("{}: the stored session belongs to another user; remove the matrix/ folder to log in as {me}", session_file.display());
                }
                client.restore_session(s).await.context("restoring the Matrix session")?;
            }
            None => {
                let session = if let Some(var) = &cfg.password_env {
                    let pw = crate::bot::secret(var).ok_or_else(|| anyhow!("[matrix] password_env: environment variable {var} is not set"))?;
                    retry_start(|| async {
                        client.matrix_auth().login_username(&me, &pw).initial_device_display_name("Wegwijs").send().await.map_err(anyhow::Error::from)
                    })
                    .await
                    .context("Matrix login")?;
                    // The login set the session on the client already.
                    client.matrix_auth().session().ok_or_else(|| anyhow!("no session after login"))?
                } else if let Some(var) = &cfg.access_token_env {
                    let token = crate::bot::secret(var).ok_or_else(|| anyhow!("[matrix] access_token_env: environment variable {var} is not set"))?;
                    let probe = Client::builder().homeserver_url(&cfg.homeserver).build().await?;
                    probe
                        .restore_session(MatrixSession {
                            meta: SessionMeta { user_id: me.clone(), device_id: "WEGWIJSPROBE".into() },
                            tokens: SessionTokens { access_token: token.clone(), refresh_token: None },
                        })
                        .await?;
                    let who = retry_start(|| async { probe.whoami().await.map_err(anyhow::Error::from) }).await.context("Matrix whoami")?;
                    let device = who.device_id.ok_or_else(|| anyhow!("the access token has no device; create one by logging in"))?;
                    let session = MatrixSession { meta: SessionMeta { user_id: who.user_id, device_id: device }, tokens: SessionTokens { access_token: token, refresh_token: None } };
                    client.restore_session(session.clone()).await?;
                    session
                } else {
                    bail!("[matrix] needs password_env or access_token_env");
                };
                write_private(&session_file, &serde_json::to_string(&session)?)?;
            }
        }
        let store = engine.store().clone();
        let txn_prefix = match store.state("matrix_txn_prefix")? {
            Some(p) => p,
            None => {
                let mut b = [0u8; 6];
                getrandom::fill(&mut b).map_err(|e| anyhow!("random: {e}"))?;
                let p: String = b.iter().map(|x| format!("{x:02x}")).collect();
                store.set_state("matrix_txn_prefix", &p)?;
                p
            }
        };
        let mut advisors = None;
        if let Some(room) = &cfg.advisors_room {
            let id = RoomOrAliasId::parse(room).map_err(|e| anyhow!("[matrix] advisors_room {room:?}: {e}"))?;
            let room_id = match OwnedRoomId::try_from(id.clone()) {
                Ok(r) => r,
                Err(alias) => retry_start(|| async { client.resolve_room_alias(&alias).await.map_err(anyhow::Error::from) })
                    .await
                    .with_context(|| format!("[matrix] advisors_room {room:?}: alias not found"))?
                    .room_id,
            };
            if client.get_room(&room_id).map(|r| r.state()) != Some(matrix_sdk::RoomState::Joined) {
                if let Err(e) = client.join_room_by_id(&room_id).await {
                    tracing::warn!("joining the advisors' room failed ({e}); the bot joins when invited");
                }
            }
            advisors = Some((room.clone(), room_id));
        }
        let mut allowed = HashSet::new();
        for r in &cfg.allowed_rooms {
            let id = RoomOrAliasId::parse(r).map_err(|e| anyhow!("[matrix] allowed_rooms {r:?}: {e}"))?;
            match OwnedRoomId::try_from(id) {
                Ok(id) => {
                    allowed.insert(id);
                }
                Err(alias) => match client.resolve_room_alias(&alias).await {
                    Ok(r) => {
                        allowed.insert(r.room_id);
                    }
                    Err(e) => tracing::warn!("[matrix] allowed_rooms: an alias could not be resolved ({e})"),
                },
            }
        }
        let media_dir = data_dir.join("media");
        let max_file = cfg.max_file_mb.saturating_mul(1024 * 1024);
        Ok(Matrix { client, engine, me, advisors, allowed, buttons: Mutex::new(HashMap::new()), told: Mutex::new(HashSet::new()), txn_prefix, media_dir, max_file })
    }

    /// The core's chat id for a room.
    fn chat_of(&self, room: &OwnedRoomId) -> ChatRef {
        match &self.advisors {
            Some((name, id)) if id == room => ChatRef::new(PLATFORM, name.clone()),
            _ => ChatRef::new(PLATFORM, room.as_str()),
        }
    }

    /// The room for a chat id of the core.
    fn room_of(&self, chat: &ChatRef) -> Option<OwnedRoomId> {
        match &self.advisors {
            Some((name, id)) if *name == chat.chat => Some(id.clone()),
            _ => chat.chat.parse().ok(),
        }
    }

    /// The advisors' room, or a partner organisation's room (`[[escalation.partners]]`), which works
    /// the same way.
    fn is_advisors(&self, room: &OwnedRoomId) -> bool {
        self.advisors.as_ref().is_some_and(|(_, id)| id == room) || self.engine.escalation().partner_room(&ChatRef::new("matrix", room.as_str())).is_some()
    }

    /// Whether the bot serves this room: the advisors' room, an allowed room, or a direct chat.
    fn serves(&self, room: &Room) -> bool {
        let id = room.room_id().to_owned();
        self.is_advisors(&id) || self.allowed.contains(&id) || room.joined_members_count() <= 2
    }

    /// The sync loop: runs until shutdown; reconnects with backoff when the homeserver is away.
    pub async fn run(self: Arc<Self>, mut shutdown: watch::Receiver<bool>) -> Result<()> {
        let store = self.engine.store().clone();
        let mut token = store.state(SYNC_KEY)?;
        let mut wait = Duration::from_millis(250);
        let timeout = Duration::from_secs(20);
        loop {
            let mut settings = SyncSettings::default().timeout(timeout);
            settings = match &token {
                Some(t) => settings.token(t.clone()),
                None => settings,
            };
            let r = tokio::select! {
                r = self.client.sync_once(settings) => r,
                _ = shutdown.changed() => return Ok(()),
            };
            match r {
                Ok(resp) => {
                    wait = Duration::from_millis(250);
                    self.engine.metrics().set_connected(PLATFORM, true);
                    // On the very first start, the history of rooms is not answered; invites are.
                    self.handle_sync(&resp, token.as_deref()).await;
                    store.set_state(SYNC_KEY, &resp.next_batch)?;
                    token = Some(resp.next_batch);
                    if *shutdown.borrow() {
                        return Ok(());
                    }
                }
                Err(e) => {
                    if let Some(matrix_sdk::ruma::api::error::ErrorKind::UnknownToken(_)) = e.client_api_error_kind() {
                        bail!("the homeserver no longer accepts the bot's access token; remove the data directory's matrix/ folder to log in again");
                    }
                    // /readyz says so until the homeserver answers again.
                    self.engine.metrics().set_connected(PLATFORM, false);
                    tracing::warn!("Matrix sync failed ({e}); retrying in {wait:?}");
                    tokio::select! {
                        _ = tokio::time::sleep(wait) => {}
                        _ = shutdown.changed() => return Ok(()),
                    }
                    wait = (wait * 2).min(Duration::from_secs(15));
                }
            }
        }
    }

    /// Handles a sync's invites and new events. `since` is the token the sync started from (none on
    /// the very first start, when the rooms' history is not answered).
    async fn handle_sync(self: &Arc<Self>, resp: &matrix_sdk::sync::SyncResponse, since: Option<&str>) {
        for (room_id, invite) in &resp.rooms.invited {
            let direct = invite.invite_state.events.iter().any(|raw| match raw.deserialize() {
                Ok(AnyStrippedStateEvent::RoomMember(StrippedRoomMemberEvent { content, state_key, .. })) => {
                    state_key == self.me && content.membership == MembershipState::Invite && content.is_direct == Some(true)
                }
                _ => false,
            });
            let wanted = direct || self.is_advisors(room_id) || self.allowed.contains(room_id);
            let Some(room) = self.client.get_room(room_id) else { continue };
            tokio::spawn(async move {
                if wanted {
                    // Synapse can send the invite before the join is possible: retry a few times.
                    let mut wait = Duration::from_millis(300);
                    for _ in 0..6 {
                        match room.join().await {
                            Ok(()) => return,
                            Err(e) => {
                                tracing::debug!("joining a room failed ({e}); retrying");
                                tokio::time::sleep(wait).await;
                                wait *= 2;
                            }
                        }
                    }
                    tracing::warn!("could not join a room after an invite");
                } else if let Err(e) = room.leave().await {
                    tracing::debug!("declining an invite failed: {e}");
                }
            });
        }
        let Some(since) = since else { return };
        let mut set = tokio::task::JoinSet::new();
        for (room_id, update) in &resp.rooms.joined {
            let Some(room) = self.client.get_room(room_id) else { continue };
            if !self.serves(&room) {
                continue;
            }
            let mut events: Vec<TimelineEventKind> = update.timeline.events.iter().map(|e| e.kind.clone()).collect();
            let gap = update.timeline.limited.then(|| update.timeline.prev_batch.clone()).flatten();
            let me = self.clone();
            let since = since.to_string();
            set.spawn(async move {
                if let Some(from) = gap {
                    // The homeserver sent only the last events of a busy room (after an outage): the
                    // ones before them are fetched, back to where the last sync ended.
                    let mut earlier = me.fetch_gap(&room, &from, &since).await;
                    earlier.append(&mut events);
                    events = earlier;
                }
                for ev in events {
                    me.on_event(&room, ev).await;
                }
            });
        }
        while set.join_next().await.is_some() {}
    }

    /// The events of a room between two sync tokens (a gap in a limited timeline), oldest first.
    async fn fetch_gap(&self, room: &Room, from: &str, to: &str) -> Vec<TimelineEventKind> {
        let mut found = Vec::new();
        let mut from = from.to_string();
        // At most 5,000 events; retried on network errors like the sync itself.
        for _ in 0..50 {
            let options = || {
                let mut o = matrix_sdk::room::MessagesOptions::backward().from(from.as_str());
                o.to = Some(to.to_string());
                o.limit = matrix_sdk::ruma::UInt::from(100u32);
                o
            };
            let mut tries = 0;
            let page = loop {
                match room.messages(options()).await {
                    Ok(p) => break Some(p),
                    Err(e) if tries < 5 => {
                        tries += 1;
                        tracing::warn!("fetching a room's missed events failed ({e}); retrying");
                        tokio::time::sleep(Duration::from_millis(500 * tries)).await;
                    }
                    Err(e) => {
                        tracing::error!("fetching a room's missed events failed ({e}); some may be unanswered");
                        break None;
                    }
                }
            };
            let Some(page) = page else { break };
            let done = page.chunk.is_empty() || page.end.is_none();
            found.extend(page.chunk.into_iter().map(|e| e.kind));
            match page.end {
                Some(end) if !done && end != from => from = end,
                _ => break,
            }
        }
        tracing::info!("fetched {} events a sync left out", found.len());
        found.reverse();
        found
    }

    /// Turns one timeline event into an incoming message for the engine, and handles it.
    async fn on_event(&self, room: &Room, ev: TimelineEventKind) {
        let room_id = room.room_id().to_owned();
        let chat = self.chat_of(&room_id);
        let parsed = match &ev {
            TimelineEventKind::UnableToDecrypt { event, .. } => {
                let sender = event.get_field::<OwnedUserId>("sender").ok().flatten();
                if sender.as_ref() != Some(&self.me) {
                    self.undecryptable(room, &chat).await;
                }
                return;
            }
            other => other.raw().deserialize(),
        };
        let Ok(event) = parsed else { return };
        if event.sender() == self.me {
            return;
        }
        let event_id = event.event_id().to_string();
        let user = event.sender().to_string();
        let in_advisors = self.is_advisors(&room_id);
        let inc = match event {
            AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(SyncMessageLikeEvent::Original(m))) => {
                let reply_to = match &m.content.relates_to {
                    Some(Relation::Replacement(_)) => return, // edits are not new questions
                    Some(Relation::Thread(th)) => Some(th.event_id.to_string()),
                    Some(Relation::Reply(matrix_sdk::ruma::events::relation::Reply { in_reply_to, .. })) => Some(in_reply_to.event_id.to_string()),
                    _ => None,
                };
                let inc = match &m.content.msgtype {
                    MessageType::Text(t) => {
                        let text = strip_reply_fallback(&t.body).trim().to_string();
                        if in_advisors {
                            // Options in the advisors' room are reactions, not numbers: a bare number in a
                            // ticket's thread is not meant for the newcomer.
                            if let (Some(n), Some(root)) = (typed_option(&text), &reply_to)
                                && let Ok(Some(ticket)) = self.engine.store().ticket_for_message(&chat, root)
                            {
                                if self.engine.escalation().advisor(PLATFORM, &user).is_some() {
                                    self.number_hint(room, &chat, &event_id, root, ticket, n).await;
                                }
                                return;
                            }
                            Incoming::text(chat.clone(), user, text)
                        } else {
                            // A number answers the last message with options in a direct chat.
                            let pressed = typed_option(&text).and_then(|n| self.last_buttons(&room_id)?.1.get(n - 1).cloned());
                            match pressed {
                                Some(a) => Incoming::action(chat.clone(), user, a),
                                None => Incoming::text(chat.clone(), user, text),
                            }
                        }
                    }
                    MessageType::Image(_) | MessageType::File(_) | MessageType::Audio(_) | MessageType::Video(_) => {
                        // A redelivered file is not downloaded again.
                        if self.engine.store().event_seen(PLATFORM, &event_id).unwrap_or(false) {
                            return;
                        }
                        let Some(media) = self.receive_media(&m.content.msgtype, &event_id).await else { return };
                        Incoming::media(chat.clone(), user, media)
                    }
                    MessageType::Location(_) => Incoming::media(chat.clone(), user, Media::new(MediaKind::Other)),
                    _ => return, // notices (other bots), emotes, and the rest
                };
                let inc = match reply_to {
                    Some(r) => inc.replying_to(r),
                    None => inc,
                };
                inc.with_event_id(event_id)
            }
            AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::Reaction(SyncMessageLikeEvent::Original(r))) => {
                let target = r.content.relates_to.event_id.to_string();
                let key = r.content.relates_to.key.as_str();
                let action = if in_advisors {
                    let ticket = self.engine.store().ticket_for_message(&chat, &target).ok().flatten();
                    match (ticket, ticket_reaction(key)) {
                        (Some(t), Some(op)) => Some(Action::Ticket { op, ticket: t }),
                        _ => None,
                    }
                } else {
                    let remembered = self.buttons.lock().unwrap_or_else(|e| e.into_inner()).get(&target).cloned();
                    let actions = remembered.or_else(|| self.last_buttons(&room_id).filter(|(e, _)| *e == target).map(|(_, a)| a));
                    actions.and_then(|a| reaction_action(key, &a))
                };
                let Some(action) = action else { return };
                // A reaction on a ticket's message belongs to that ticket's thread.
                Incoming::action(chat.clone(), user, action).with_event_id(event_id).replying_to(target)
            }
            _ => return,
        };
        if !in_advisors {
            let _ = room.typing_notice(true).await;
        }
        let forget = matches!(&inc.input, crate::message::Input::Text(t) if t.trim_start().starts_with("/forget"));
        let engine = self.engine.clone();
        let out = match tokio::task::spawn_blocking(move || engine.handle(&inc)).await {
            Ok(out) => out,
            Err(e) => {
                tracing::error!("handling a Matrix event failed: {e}");
                return;
            }
        };
        if forget {
            let store = self.engine.store();
            let _ = store.set_state(&format!("matrix_buttons:{room_id}"), "");
        }
        let mine: Vec<Delivery> = out.into_iter().filter(|o| o.chat.platform == PLATFORM).map(Delivery::Send).collect();
        self.deliver_all(mine).await;
        if !in_advisors {
            let _ = room.typing_notice(false).await;
        }
    }

    /// The language of staff texts in the advisors' room.
    fn staff_lang(&self, chat: &ChatRef) -> Lang {
        let esc = self.engine.escalation();
        esc.room(chat).and_then(|r| r.language).unwrap_or(esc.advisor_language)
    }

    /// An advisor typed a bare number in a ticket's thread: it is not sent to the newcomer, and the
    /// advisor is told what works instead (once per message: the transaction id comes from it).
    async fn number_hint(&self, room: &Room, chat: &ChatRef, event_id: &str, root: &str, ticket: u64, number: usize) {
        let lang = self.staff_lang(chat);
        let snap = self.engine.snapshot();
        let locales = &snap.locales;
        let actions = reaction_summary(locales, lang);
        let text = locales.msg(lang, "staff-matrix-number", &[("ticket", &ticket.to_string()), ("number", &number.to_string()), ("actions", &actions)]);
        let r = &render(&RichText::paragraph(text), &[])[0];
        let mut content = RoomMessageEventContent::notice_html(r.body.clone(), r.html.clone());
        content.mentions = Some(Mentions::new());
        if let Ok(root) = OwnedEventId::try_from(root) {
            content.relates_to = Some(Relation::Thread(Thread::plain(root.clone(), root)));
        }
        let txn = matrix_sdk::ruma::OwnedTransactionId::from(format!("ww{}-n-{}", self.txn_prefix, short_hash(event_id)));
        if let Err(e) = room.send(content).with_transaction_id(txn).await {
            tracing::debug!("telling an advisor about a bare number failed: {e}");
        }
    }

    /// A file someone sent: described for the core, and copied into the data directory's `media/`
    /// folder when it is not larger than `max_file_mb` (encrypted files are decrypted by the SDK).
    async fn receive_media(&self, msgtype: &MessageType, event_id: &str) -> Option<Media> {
        use matrix_sdk::ruma::events::room::MediaSource;
        let (kind, body, filename, source, mime, size): (MediaKind, &str, &Option<String>, &MediaSource, Option<String>, Option<u64>) = match msgtype {
            MessageType::Image(c) => (MediaKind::Photo, &c.body, &c.filename, &c.source, c.info.as_ref().and_then(|i| i.mimetype.clone()), c.info.as_ref().and_then(|i| i.size).map(u64::from)),
            MessageType::File(c) => (MediaKind::Document, &c.body, &c.filename, &c.source, c.info.as_ref().and_then(|i| i.mimetype.clone()), c.info.as_ref().and_then(|i| i.size).map(u64::from)),
            MessageType::Audio(c) => (MediaKind::Audio, &c.body, &c.filename, &c.source, c.info.as_ref().and_then(|i| i.mimetype.clone()), c.info.as_ref().and_then(|i| i.size).map(u64::from)),
            MessageType::Video(c) => (MediaKind::Video, &c.body, &c.filename, &c.source, c.info.as_ref().and_then(|i| i.mimetype.clone()), c.info.as_ref().and_then(|i| i.size).map(u64::from)),
            _ => return None,
        };
        let mut media = Media::new(kind);
        // With a file name set, the body is a caption (when it differs); otherwise it is the name.
        match filename.as_deref().filter(|f| !f.is_empty()) {
            Some(f) => {
                media.name = Some(f.to_string());
                media.caption = (body != f && !body.trim().is_empty()).then(|| body.to_string());
            }
            None => media.name = Some(body.to_string()).filter(|b| !b.trim().is_empty()),
        }
        media.mime = mime;
        media.size = size;
        media.origin = Some((
            PLATFORM.to_string(),
            match source {
                MediaSource::Plain(uri) => uri.to_string(),
                MediaSource::Encrypted(file) => serde_json::to_string(file).ok()?,
            },
        ));
        if size.is_none_or(|s| s <= self.max_file) {
            let request = matrix_sdk::media::MediaRequestParameters { source: source.clone(), format: matrix_sdk::media::MediaFormat::File };
            let fetched = tokio::time::timeout(Duration::from_secs(120), self.client.media().get_media_content(&request, false)).await;
            match fetched {
                Ok(Ok(bytes)) if bytes.len() as u64 <= self.max_file => {
                    let ext = media
                        .name
                        .as_deref()
                        .and_then(|n| Path::new(n).extension())
                        .and_then(|e| e.to_str())
                        .filter(|e| !e.is_empty() && e.len() <= 8 && e.chars().all(|c| c.is_ascii_alphanumeric()))
                        .map(|e| format!(".{}", e.to_ascii_lowercase()))
                        .unwrap_or_default();
                    let file = format!("mx-{}{ext}", short_hash(event_id));
                    let saved = std::fs::create_dir_all(&self.media_dir).and_then(|()| write_private(&self.media_dir.join(&file), &bytes));
                    match saved {
                        Ok(()) => {
                            media.stored = Some(file);
                            media.size = Some(bytes.len() as u64);
                        }
                        Err(e) => tracing::warn!("storing a received file failed: {e}"),
                    }
                }
                Ok(Ok(_)) => tracing::info!("a received file is larger than max_file_mb; passed on by reference only"),
                Ok(Err(e)) => tracing::warn!("downloading a received file failed: {e}"),
                Err(_) => tracing::warn!("downloading a received file timed out"),
            }
        } else {
            tracing::info!("a received file is larger than max_file_mb; passed on by reference only");
        }
        Some(media)
    }

    /// Tells a person once per room that a message could not be decrypted, in their language.
    async fn undecryptable(&self, room: &Room, chat: &ChatRef) {
        let id = room.room_id().to_owned();
        let key = format!("matrix_told_utd:{id}");
        if !self.told.lock().unwrap_or_else(|e| e.into_inner()).insert(id.clone()) {
            return;
        }
        if self.engine.store().state(&key).ok().flatten().is_some() {
            return;
        }
        let lang = self
            .engine
            .store()
            .language(&chat.key())
            .ok()
            .flatten()
            .or_else(|| self.engine.store().conversation_language(&chat.key()).ok().flatten())
            .unwrap_or(self.engine.config().default_language);
        let text = self.engine.snapshot().locales.msg(lang, "matrix-undecryptable", &[]);
        tracing::info!("a message could not be decrypted; the person is told once");
        let r = &render(&RichText::paragraph(text), &[])[0];
        let content = RoomMessageEventContent::notice_html(r.body.clone(), r.html.clone());
        if room.send(content).await.is_ok() {
            let _ = self.engine.store().set_state(&key, "1");
        }
    }

    /// Sends deliveries: rooms in parallel, each room's messages in order.
    pub async fn deliver_all(&self, deliveries: Vec<Delivery>) {
        let mut by_room: HashMap<String, Vec<Delivery>> = HashMap::new();
        for d in deliveries {
            let chat = match &d {
                Delivery::Send(o) => o.chat.chat.clone(),
                Delivery::Delete { chat, .. } | Delivery::Edit { chat, .. } => chat.chat.clone(),
            };
            by_room.entry(chat).or_default().push(d);
        }
        let futs = by_room.into_values().map(|list| async move {
            for d in list {
                self.deliver(d).await;
            }
        });
        futures_util::future::join_all(futs).await;
    }

    async fn deliver(&self, d: Delivery) {
        match d {
            Delivery::Delete { id, chat, message } => match self.redact(&chat, &message).await {
                Ok(()) | Err(Retry::Never) => self.engine.sent(id, None),
                // Kept in the outbox: the pump tries again.
                Err(Retry::Later) => self.engine.failed(id),
            },
            Delivery::Edit { id, chat, message, lang, buttons } => match self.edit_actions(id, &chat, &message, lang, &buttons).await {
                Ok(()) | Err(Retry::Never) => self.engine.sent(id, None),
                Err(Retry::Later) => self.engine.failed(id),
            },
            Delivery::Send(o) => match self.send(&o).await {
                Ok(parts) => self.engine.sent_parts(o.id, &parts),
                Err(Retry::Later) => self.engine.failed(o.id),
                Err(Retry::Never) => self.engine.sent(o.id, None),
            },
        }
    }

    /// Redacts a message the bot sent; for a ticket's message in the advisors' room, also what
    /// others posted in its thread or in reply to it (advisors' answers, reactions), where the
    /// bot's power level allows.
    async fn redact(&self, chat: &ChatRef, message: &str) -> std::result::Result<(), Retry> {
        let Some(room_id) = self.room_of(chat) else { return Err(Retry::Never) };
        let Some(room) = self.client.get_room(&room_id) else { return Err(Retry::Never) };
        let Ok(event) = OwnedEventId::try_from(message) else { return Err(Retry::Never) };
        if self.is_advisors(&room_id) {
            match self.redact_related(&room, &event).await {
                Err(Retry::Later) => return Err(Retry::Later),
                Ok(()) | Err(Retry::Never) => {}
            }
        }
        self.redact_one(&room, &event).await
    }

    async fn redact_one(&self, room: &Room, event: &OwnedEventId) -> std::result::Result<(), Retry> {
        let txn = matrix_sdk::ruma::OwnedTransactionId::from(format!("ww{}-x-{}", self.txn_prefix, short_hash(event.as_str())));
        match room.redact(event, None, Some(txn)).await {
            Ok(_) => Ok(()),
            Err(e) => {
                let retry = http_retry(&e);
                match retry {
                    Retry::Later => tracing::warn!("redacting a message failed ({e}); will retry"),
                    // 4xx: not allowed, or the event is gone.
                    Retry::Never => tracing::info!("the homeserver refused a redaction ({e}); not retried"),
                }
                Err(retry)
            }
        }
    }

    /// Redacts others' events that relate to `root` (thread replies, reactions, edits).
    async fn redact_related(&self, room: &Room, root: &OwnedEventId) -> std::result::Result<(), Retry> {
        use matrix_sdk::ruma::api::client::relations::get_relating_events;
        let allowed = room.power_levels().await.map(|p| p.user_can_redact_event_of_other(&self.me)).unwrap_or(false);
        if !allowed {
            tracing::info!("the bot's power level in the advisors' room is too low to redact advisors' messages; they stay");
            return Ok(());
        }
        let mut from: Option<String> = None;
        for _ in 0..50 {
            let mut request = get_relating_events::v1::Request::new(room.room_id().to_owned(), root.clone());
            request.from = from.take();
            request.limit = Some(matrix_sdk::ruma::UInt::from(100u32));
            request.recurse = true;
            let response = match self.client.send(request).await {
                Ok(r) => r,
                Err(e) => {
                    let retry = http_retry(&e);
                    if matches!(retry, Retry::Later) {
                        tracing::warn!("listing a ticket's thread failed ({e}); will retry");
                    }
                    return Err(retry);
                }
            };
            for raw in &response.chunk {
                let sender = raw.get_field::<OwnedUserId>("sender").ok().flatten();
                let Some(id) = raw.get_field::<OwnedEventId>("event_id").ok().flatten() else { continue };
                let redacted = raw.get_field::<serde_json::Value>("unsigned").ok().flatten().is_some_and(|u| u.get("redacted_because").is_some());
                if sender.is_some_and(|s| s != self.me) && !redacted {
                    match self.redact_one(room, &id).await {
                        Err(Retry::Later) => return Err(Retry::Later),
                        Ok(()) | Err(Retry::Never) => {}
                    }
                }
            }
            match response.next_batch {
                Some(next) => from = Some(next),
                None => break,
            }
        }
        Ok(())
    }

    /// A ticket's post gets the actions of the ticket's new state: an edit (`m.replace`) of its
    /// text, with the line of actions replaced and the rest as first sent.
    async fn edit_actions(&self, id: u64, chat: &ChatRef, message: &str, lang: Lang, buttons: &[Vec<crate::message::Button>]) -> std::result::Result<(), Retry> {
        use matrix_sdk::ruma::events::room::message::ReplacementMetadata;
        let Some(room_id) = self.room_of(chat) else { return Err(Retry::Never) };
        let Some(room) = self.client.get_room(&room_id) else { return Err(Retry::Never) };
        let Ok(event_id) = OwnedEventId::try_from(message) else { return Err(Retry::Never) };
        let original = match room.event(&event_id, None).await {
            Ok(ev) => ev,
            Err(e) => {
                let retry = match e.as_client_api_error() {
                    Some(api) if api.status_code.is_client_error() && api.status_code.as_u16() != 429 => Retry::Never,
                    _ => Retry::Later,
                };
                tracing::debug!("fetching a ticket's post to edit failed: {e}");
                return Err(retry);
            }
        };
        let Ok(AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(SyncMessageLikeEvent::Original(m)))) = original.raw().deserialize() else {
            return Err(Retry::Never);
        };
        let MessageType::Notice(n) = &m.content.msgtype else { return Err(Retry::Never) };
        let html = n.formatted.as_ref().map(|f| f.body.clone()).unwrap_or_default();
        let ticket = buttons.iter().flatten().find_map(|b| match b.action {
            Action::Ticket { ticket, .. } => Some(ticket),
            _ => None,
        });
        let mut text = RichText::default();
        for b in self.action_blocks(lang, buttons, ticket) {
            text.push(b);
        }
        let new = &render(&text, &[])[0];
        let Some((body, html)) = replace_actions(&n.body, &html, &new.body, &new.html) else {
            return Err(Retry::Never);
        };
        // Mentions of the first post are not repeated, so nobody is notified again.
        let mut content = RoomMessageEventContent::notice_html(body, html).make_replacement(ReplacementMetadata::new(event_id, None));
        content.mentions = Some(Mentions::new());
        // One transaction per edit in the outbox: a ticket claimed, released and claimed again
        // gets three edits, and one tried again after a crash is not shown twice.
        let txn = matrix_sdk::ruma::OwnedTransactionId::from(format!("ww{}-e-{id}", self.txn_prefix));
        match room.send(content).with_transaction_id(txn).await {
            Ok(_) => Ok(()),
            Err(e) => {
                tracing::debug!("editing a ticket's post failed: {e}");
                Err(match e.client_api_error_kind() {
                    Some(matrix_sdk::ruma::api::error::ErrorKind::LimitExceeded(_)) | None => Retry::Later,
                    Some(_) => Retry::Never,
                })
            }
        }
    }

    /// What advisors can do with a ticket in the Matrix room, from the buttons the core made: on a
    /// ticket's own messages, reactions (👍/✋ claim, ↩️ release, ✅ close); otherwise commands
    /// (`/claim 3`), which work anywhere in the room.
    fn action_blocks(&self, lang: Lang, buttons: &[Vec<crate::message::Button>], ticket: Option<u64>) -> Vec<Block> {
        use crate::message::TicketOp;
        let snap = self.engine.snapshot();
        let locales = &snap.locales;
        let mut reactions = Vec::new();
        let mut commands = Vec::new();
        for b in buttons.iter().flatten() {
            match &b.action {
                Action::Ticket { op, ticket: t } if Some(*t) == ticket && *op != TicketOp::Suggest => reactions.push(format!("{} {}", op_reaction(*op), b.label)),
                Action::Ticket { op, ticket: t } => {
                    let cmd = match op {
                        TicketOp::Claim => "claim",
                        TicketOp::Release => "release",
                        TicketOp::Close => "close",
                        TicketOp::Suggest => "suggest",
                    };
                    commands.push(vec![Inline::Text(format!("{}: ", b.label)), Inline::Code(format!("/{cmd} {t}"))]);
                }
                // A ready reply: the command that sends it (Matrix has no buttons).
                Action::Canned { ticket: t, reply } => commands.push(vec![Inline::Text(format!("{}: ", b.label)), Inline::Code(format!("/reply-canned {t} {reply}"))]),
                _ => commands.push(vec![Inline::Text(b.label.clone())]),
            }
        }
        let mut blocks = Vec::new();
        if !reactions.is_empty() {
            blocks.push(Block::Note(vec![Inline::Text(locales.msg(lang, "staff-matrix-react", &[("actions", &reactions.join(" · "))]))]));
        }
        if !commands.is_empty() {
            blocks.push(Block::List(commands));
        }
        blocks
    }

    /// The text as shown in this room: in the advisors' room, buttons become the reactions and
    /// commands that work there (right after a ticket post's heading, where an edit finds them);
    /// elsewhere, numbered options. A refusal names the one person it is for.
    fn prepare(&self, o: &Outgoing, in_advisors: bool) -> (RichText, Vec<String>) {
        let mut text = o.text.clone();
        if o.kind == Kind::Refusal
            && let Some(user) = o.to_user.as_deref()
        {
            let mut lead = vec![Inline::Mention { label: user.to_string(), user: user.to_string() }, Inline::Text(": ".into())];
            match text.blocks.first_mut() {
                Some(Block::Paragraph(p)) => {
                    lead.append(p);
                    *p = lead;
                }
                _ => text.blocks.insert(0, Block::Paragraph(lead)),
            }
        }
        if !in_advisors {
            return (text, o.all_buttons().map(|b| b.label.clone()).collect());
        }
        if o.buttons.is_empty() {
            return (text, Vec::new());
        }
        let lang = o.lang;
        let blocks = self.action_blocks(lang, &o.buttons, o.ticket);
        let post = o.kind == Kind::Ticket && o.thread.is_none() && matches!(text.blocks.first(), Some(Block::Heading(_)));
        if post {
            let rest = text.blocks.split_off(1);
            text.blocks.extend(blocks);
            text.blocks.extend(rest);
        } else {
            text.blocks.extend(blocks);
        }
        (text, Vec::new())
    }

    /// Sends one outgoing message; returns the event ids of its parts, first one first (a long text
    /// goes in several events, and each of them belongs to the ticket for threads and `/forget`).
    async fn send(&self, o: &Outgoing) -> std::result::Result<Vec<String>, Retry> {
        let Some(room_id) = self.room_of(&o.chat) else { return Err(Retry::Never) };
        let Some(room) = self.client.get_room(&room_id) else {
            tracing::info!("a Matrix room is not joined (left or not yet joined); message dropped");
            return Err(Retry::Never);
        };
        if room.state() != matrix_sdk::RoomState::Joined {
            return Err(Retry::Never);
        }
        let in_advisors = self.is_advisors(&room_id);
        let (text, labels) = self.prepare(o, in_advisors);
        let actions: Vec<Action> = if in_advisors { Vec::new() } else { o.all_buttons().map(|b| b.action.clone()).collect() };
        let parts = render(&text, &labels);
        let thread: Option<OwnedEventId> = o.thread.as_deref().and_then(|t| OwnedEventId::try_from(t).ok());
        let file = match &o.media {
            Some(m) if m.is_file() => self.media_source(&room, m).await?.map(|s| (m, s)),
            _ => None,
        };
        let mut sent = Vec::new();
        let n = parts.len();
        for (k, part) in parts.into_iter().enumerate() {
            let mut content = match (&file, k) {
                // The file carries the first part of the text as its caption.
                (Some((m, source)), 0) => RoomMessageEventContent::new(media_content(m, source.clone(), part.body, part.html)),
                // An advisor's words for a newcomer are a person writing; everything else is the bot's.
                _ if o.kind == Kind::Relay && !in_advisors => RoomMessageEventContent::text_html(part.body, part.html),
                _ => RoomMessageEventContent::notice_html(part.body, part.html),
            };
            let users: Vec<OwnedUserId> = part.mentions.iter().filter_map(|u| u.parse().ok()).collect();
            content.mentions = Some(Mentions::with_user_ids(users));
            if let Some(root) = &thread {
                content.relates_to = Some(Relation::Thread(Thread::plain(root.clone(), root.clone())));
            }
            let txn = matrix_sdk::ruma::OwnedTransactionId::from(format!("ww{}-{}-{k}", self.txn_prefix, o.id));
            let mut attempt = 0;
            loop {
                attempt += 1;
                match room.send(content.clone()).with_transaction_id(txn.clone()).await {
                    Ok(r) => {
                        let id = r.response.event_id.to_string();
                        if k + 1 == n && !actions.is_empty() {
                            self.remember_buttons(&room_id, &id, &actions);
                        }
                        sent.push(id);
                        break;
                    }
                    Err(e) => {
                        let kind = e.client_api_error_kind().cloned();
                        use matrix_sdk::ruma::api::error::ErrorKind;
                        match kind {
                            Some(ErrorKind::LimitExceeded(data)) => {
                                let wait = match data.retry_after {
                                    Some(matrix_sdk::ruma::api::error::RetryAfter::Delay(d)) => d,
                                    _ => Duration::from_secs(1),
                                };
                                tokio::time::sleep(wait).await;
                            }
                            Some(ErrorKind::Forbidden) => {
                                tracing::info!("the bot may not write in a Matrix room; message dropped");
                                return Err(Retry::Never);
                            }
                            Some(_) => {
                                tracing::warn!("Matrix refused a message: {e}");
                                return Err(Retry::Never);
                            }
                            None if attempt < 4 => {
                                tracing::warn!("sending failed ({e}); retrying");
                                tokio::time::sleep(Duration::from_millis(250 * (1 << attempt))).await;
                            }
                            None => {
                                tracing::warn!("sending failed ({e}); will retry later");
                                return if sent.is_empty() { Err(Retry::Later) } else { Ok(sent) };
                            }
                        }
                    }
                }
            }
        }
        Ok(sent)
    }

    /// Where a file to send is: the same Matrix file by reference when it came from Matrix;
    /// otherwise the stored copy, uploaded (encrypted in an encrypted room). `None`: no file to
    /// send (the copy is gone), the text goes alone.
    async fn media_source(&self, room: &Room, m: &Media) -> std::result::Result<Option<matrix_sdk::ruma::events::room::MediaSource>, Retry> {
        use matrix_sdk::ruma::events::room::{EncryptedFile, MediaSource};
        if let Some((platform, reference)) = &m.origin
            && platform == PLATFORM
        {
            if reference.starts_with("mxc://") {
                return Ok(Some(MediaSource::Plain(reference.as_str().into())));
            }
            if let Ok(f) = serde_json::from_str::<EncryptedFile>(reference) {
                return Ok(Some(MediaSource::Encrypted(Box::new(f))));
            }
        }
        let Some(name) = m.stored.as_deref().filter(|f| !f.contains(['/', '\\']) && !f.starts_with('.') && !f.is_empty()) else { return Ok(None) };
        let data = match std::fs::read(self.media_dir.join(name)) {
            Ok(d) => d,
            Err(e) => {
                tracing::info!("a stored file to pass on is gone ({e}); the text goes alone");
                return Ok(None);
            }
        };
        let encrypted = room.latest_encryption_state().await.map(|s| s.is_encrypted()).unwrap_or(true);
        let uploaded = if encrypted {
            let mut reader = std::io::Cursor::new(data);
            self.client.upload_encrypted_file(&mut reader).await.map(|f| MediaSource::Encrypted(Box::new(f)))
        } else {
            let mime: mime::Mime = m.mime.as_deref().and_then(|s| s.parse().ok()).unwrap_or(mime::APPLICATION_OCTET_STREAM);
            self.client.media().upload(&mime, data, None).await.map(|r| MediaSource::Plain(r.content_uri))
        };
        match uploaded {
            Ok(s) => Ok(Some(s)),
            Err(e) => {
                tracing::warn!("uploading a file failed ({e}); will retry");
                Err(Retry::Later)
            }
        }
    }

    fn remember_buttons(&self, room: &OwnedRoomId, event: &str, actions: &[Action]) {
        {
            let mut map = self.buttons.lock().unwrap_or_else(|e| e.into_inner());
            if map.len() > 5000 {
                map.clear();
            }
            map.insert(event.to_string(), actions.to_vec());
        }
        if !self.is_advisors(room) {
            let list: Vec<String> = actions.iter().map(Action::encode).collect();
            let value = serde_json::json!({ "event": event, "actions": list }).to_string();
            let _ = self.engine.store().set_state(&format!("matrix_buttons:{room}"), &value);
        }
    }

    /// The last message with buttons in a direct chat (kept in the database, so it survives a restart).
    fn last_buttons(&self, room: &OwnedRoomId) -> Option<(String, Vec<Action>)> {
        let s = self.engine.store().state(&format!("matrix_buttons:{room}")).ok().flatten()?;
        let v: serde_json::Value = serde_json::from_str(&s).ok()?;
        let event = v.get("event")?.as_str()?.to_string();
        let actions = v.get("actions")?.as_array()?.iter().filter_map(|a| Action::decode(a.as_str()?)).collect();
        Some((event, actions))
    }

    /// Sends what the engine has waiting for Matrix (other platforms' tickets, reminders, leftovers
    /// after a restart, redactions to try again), every `every` until shutdown.
    pub async fn pump(&self, every: Duration, mut shutdown: watch::Receiver<bool>) {
        loop {
            let engine = self.engine.clone();
            let pending = tokio::task::spawn_blocking(move || engine.pending(PLATFORM)).await.unwrap_or_default();
            if !pending.is_empty() {
                self.deliver_all(pending).await;
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = shutdown.changed() => return,
            }
        }
    }
}

/// Whether a failed request is worth trying again: network errors, 5xx and 429 are; other 4xx
/// (not allowed, the event is gone) are not.
fn http_retry(e: &matrix_sdk::HttpError) -> Retry {
    match e.as_client_api_error() {
        Some(api) if api.status_code.as_u16() == 429 || api.status_code.is_server_error() => Retry::Later,
        Some(_) => Retry::Never,
        None => Retry::Later,
    }
}

/// A short, stable name for an event (file names, transaction ids).
fn short_hash(s: &str) -> String {
    blake3::hash(s.as_bytes()).to_hex()[..24].to_string()
}

/// The reaction that does a ticket operation.
fn op_reaction(op: crate::message::TicketOp) -> &'static str {
    use crate::message::TicketOp;
    match op {
        TicketOp::Claim => "👍/✋",
        TicketOp::Release => "↩️",
        TicketOp::Close => "✅",
        TicketOp::Suggest => "",
    }
}

/// "👍/✋ Claim · ↩️ Release · ✅ Close" in the advisors' language.
fn reaction_summary(locales: &crate::locale::Locales, lang: Lang) -> String {
    use crate::message::TicketOp;
    [(TicketOp::Claim, "staff-button-claim"), (TicketOp::Release, "staff-button-release"), (TicketOp::Close, "staff-button-close")]
        .iter()
        .map(|(op, id)| format!("{} {}", op_reaction(*op), locales.msg(lang, id, &[])))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A ticket post's text with its actions (right after the heading: a note of reactions and/or a
/// list of commands) replaced; `None` when the post does not have that shape.
fn replace_actions(body: &str, html: &str, new_body: &str, new_html: &str) -> Option<(String, String)> {
    // The heading is `<p><strong>…</strong></p>`; the actions follow as `<p><em>…</em></p>`, a
    // `<ul>…</ul>`, or both.
    let head_end = html.find("</p>")? + "</p>".len();
    let after = &html[head_end..];
    let mut old_end = 0;
    let mut blocks = 0;
    if after.starts_with("<p><em>") {
        old_end = after.find("</p>")? + "</p>".len();
        blocks += 1;
    }
    if after[old_end..].starts_with("<ul>") {
        old_end += after[old_end..].find("</ul>")? + "</ul>".len();
        blocks += 1;
    }
    if blocks == 0 {
        return None;
    }
    let out_html = format!("{}{}{}", &html[..head_end], new_html, &after[old_end..]);
    // In the body, blocks are separated by blank lines.
    let mut parts = body.splitn(blocks + 2, "\n\n");
    let head = parts.next()?;
    for _ in 0..blocks {
        parts.next()?;
    }
    let mut out_body = head.to_string();
    for piece in [Some(new_body), parts.next()].into_iter().flatten().filter(|p| !p.is_empty()) {
        out_body.push_str("\n\n");
        out_body.push_str(piece);
    }
    Some((out_body, out_html))
}

/// A file message with the text as its caption (`filename` set, so `body` reads as a caption).
fn media_content(m: &Media, source: matrix_sdk::ruma::events::room::MediaSource, body: String, html: String) -> MessageType {
    use matrix_sdk::ruma::events::room::message::{
        AudioInfo, AudioMessageEventContent, FileInfo, FileMessageEventContent, FormattedBody, VideoInfo, VideoMessageEventContent,
    };
    use matrix_sdk::ruma::events::room::{message::ImageMessageEventContent, ImageInfo};
    let filename = m.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| m.kind.as_str().to_string());
    let formatted = Some(FormattedBody::html(html));
    let size = m.size.and_then(matrix_sdk::ruma::UInt::new);
    let mime = m.mime.clone();
    match m.kind {
        MediaKind::Photo => {
            let mut c = ImageMessageEventContent::new(body, source);
            c.filename = Some(filename);
            c.formatted = formatted;
            let mut info = ImageInfo::new();
            info.mimetype = mime;
            info.size = size;
            c.info = Some(Box::new(info));
            MessageType::Image(c)
        }
        MediaKind::Audio => {
            let mut c = AudioMessageEventContent::new(body, source);
            c.filename = Some(filename);
            c.formatted = formatted;
            let mut info = AudioInfo::new();
            info.mimetype = mime;
            info.size = size;
            c.info = Some(Box::new(info));
            MessageType::Audio(c)
        }
        MediaKind::Video => {
            let mut c = VideoMessageEventContent::new(body, source);
            c.filename = Some(filename);
            c.formatted = formatted;
            let mut info = VideoInfo::new();
            info.mimetype = mime;
            info.size = size;
            c.info = Some(Box::new(info));
            MessageType::Video(c)
        }
        MediaKind::Document | MediaKind::Other => {
            let mut c = FileMessageEventContent::new(body, source);
            c.filename = Some(filename);
            c.formatted = formatted;
            let mut info = FileInfo::new();
            info.mimetype = mime;
            info.size = size;
            c.info = Some(Box::new(info));
            MessageType::File(c)
        }
    }
}

/// Retries a start-up call while the homeserver is unreachable (not when it answers with an error).
async fn retry_start<T, F, Fut>(mut f: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    let mut wait = Duration::from_millis(250);
    for _ in 0..8 {
        match f().await {
            Ok(v) => return Ok(v),
            Err(e) => {
                let api = e.downcast_ref::<matrix_sdk::Error>().and_then(|e| e.as_client_api_error()).is_some()
                    || e.downcast_ref::<matrix_sdk::HttpError>().and_then(|e| e.as_client_api_error()).is_some();
                if api {
                    return Err(e);
                }
                tracing::warn!("homeserver not reachable yet ({e}); retrying in {wait:?}");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(10));
            }
        }
    }
    f().await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::TopicId;

    #[test]
    fn html_is_escaped_and_options_numbered() {
        let rt = RichText {
            blocks: vec![
                Block::Heading(vec![Inline::Text("<script>alert(1)</script> & co".into())]),
                Block::Paragraph(vec![
                    Inline::Link { label: "x\"<".into(), url: "https://a.nl/?a=1&b=\"2\"".into() },
                    Inline::Link { label: "bad".into(), url: "javascript:alert(1)".into() },
                    Inline::Mention { label: "Anna".into(), user: "@anna:example.org".into() },
                    Inline::Mention { label: "Evil".into(), user: "@x:y\" onclick=\"z".into() },
                ]),
            ],
        };
        let r = render(&rt, &["Ja".into(), "<b>Nee</b>".into()]);
        assert_eq!(r.len(), 1);
        let r = &r[0];
        assert!(r.html.starts_with("<p><strong>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</strong></p>"), "{}", r.html);
        assert!(r.html.contains("<a href=\"https://a.nl/?a=1&amp;b=&quot;2&quot;\">x&quot;&lt;</a>"), "{}", r.html);
        assert!(!r.html.contains("javascript"));
        assert!(r.html.contains("<a href=\"https://matrix.to/#/@anna:example.org\">Anna</a>"));
        assert!(!r.html.contains("onclick=\""), "{}", r.html);
        assert_eq!(r.mentions, vec!["@anna:example.org".to_string()]);
        assert!(r.body.contains("1️⃣ Ja") && r.body.contains("2️⃣ <b>Nee</b>"), "{}", r.body);
        assert!(r.html.contains("<li>2️⃣ &lt;b&gt;Nee&lt;/b&gt;</li>"), "{}", r.html);
    }

    #[test]
    fn huge_text_is_split_without_losing_words() {
        let long = "woord ".repeat(10_000);
        let parts = render(&RichText::paragraph(long), &["Ok".into()]);
        assert!(parts.len() >= 5);
        assert!(parts.iter().all(|p| p.body.len() <= MAX_TEXT + 100));
        assert_eq!(parts.iter().map(|p| p.body.matches("woord").count()).sum::<usize>(), 10_000);
        assert!(parts.last().unwrap().body.contains("1️⃣ Ok"));
    }

    #[test]
    fn reactions_press_buttons() {
        let t = TopicId::parse("bsn").unwrap();
        let actions = vec![Action::Feedback { topic: t.clone(), helped: true }, Action::Feedback { topic: t.clone(), helped: false }, Action::Advisor];
        assert_eq!(reaction_action("3️⃣", &actions), Some(Action::Advisor));
        assert_eq!(reaction_action("3\u{20e3}", &actions), Some(Action::Advisor));
        assert_eq!(reaction_action("👎", &actions), Some(Action::Feedback { topic: t.clone(), helped: false }));
        assert_eq!(reaction_action("👍🏽", &actions), Some(Action::Feedback { topic: t, helped: true }));
        assert_eq!(reaction_action("9️⃣", &actions), None);
        assert_eq!(reaction_action("🎉", &actions), None);
        assert_eq!(ticket_reaction("✅"), Some(crate::message::TicketOp::Close));
        assert_eq!(ticket_reaction("👍"), Some(crate::message::TicketOp::Claim));
    }

    #[test]
    fn every_option_shows_its_number_and_a_typed_number_picks_it() {
        let labels: Vec<String> = (1..=17).map(|k| format!("Taal {k}")).collect();
        let r = &render(&RichText::paragraph("Kies"), &labels)[0];
        assert!(!r.body.contains('▪'), "{}", r.body);
        assert!(r.body.contains("9️⃣ Taal 9") && r.body.contains("🔟 Taal 10"), "{}", r.body);
        for k in 11..=17 {
            assert!(r.body.contains(&format!("{k}. Taal {k}")), "{}", r.body);
        }
        assert_eq!(typed_option("14"), Some(14));
        assert_eq!(typed_option(" 14. "), Some(14));
        assert_eq!(typed_option("🔟"), Some(10));
        assert_eq!(typed_option("3\u{20e3}"), Some(3));
        for no in ["0", "", "1a", "-1", "12345", "1.5", "twee"] {
            assert_eq!(typed_option(no), None, "{no}");
        }
        let t = TopicId::parse("bsn").unwrap();
        let many: Vec<Action> = (0..12).map(|_| Action::Topic(t.clone())).chain([Action::Advisor]).collect();
        assert_eq!(reaction_action("🔟", &many), Some(Action::Topic(t)));
    }

    #[test]
    fn a_ticket_posts_actions_are_replaced_and_the_rest_kept() {
        let body = "Ticket #1\n\nReact: 👍/✋ Claim · ✅ Close\n\nQuestion: x\n\nFor: Fatima";
        let html = "<p><strong>Ticket #1</strong></p><p><em>React: 👍/✋ Claim · ✅ Close</em></p><p>Question: x</p><p>For: <a href=\"https://matrix.to/#/@f:x\">Fatima</a></p>";
        let (b, h) = replace_actions(body, html, "React: ↩️ Release · ✅ Close", "<p><em>React: ↩️ Release · ✅ Close</em></p><ul><li>/suggest 1</li></ul>").unwrap();
        assert_eq!(b, "Ticket #1\n\nReact: ↩️ Release · ✅ Close\n\nQuestion: x\n\nFor: Fatima");
        assert_eq!(h, "<p><strong>Ticket #1</strong></p><p><em>React: ↩️ Release · ✅ Close</em></p><ul><li>/suggest 1</li></ul><p>Question: x</p><p>For: <a href=\"https://matrix.to/#/@f:x\">Fatima</a></p>");
        // Edited again: the list of commands goes too.
        let b = b.replace("React: ↩️ Release · ✅ Close", "React: ↩️ Release · ✅ Close\n\n• Suggest: /suggest 1");
        let (b2, h2) = replace_actions(&b, &h, "React: 👍/✋ Claim", "<p><em>React: 👍/✋ Claim</em></p>").unwrap();
        assert_eq!(b2, "Ticket #1\n\nReact: 👍/✋ Claim\n\nQuestion: x\n\nFor: Fatima");
        // Closed: only a command is left, and it can be replaced again.
        let (b3, h3) = replace_actions(&b2, &h2, "• Suggest: /suggest 1", "<ul><li>Suggest: /suggest 1</li></ul>").unwrap();
        assert_eq!(b3, "Ticket #1\n\n• Suggest: /suggest 1\n\nQuestion: x\n\nFor: Fatima");
        assert!(replace_actions(&b3, &h3, "x", "<p><em>x</em></p>").unwrap().1.starts_with("<p><strong>Ticket #1</strong></p><p><em>x</em></p><p>Question"));
        assert_eq!(h2, "<p><strong>Ticket #1</strong></p><p><em>React: 👍/✋ Claim</em></p><p>Question: x</p><p>For: <a href=\"https://matrix.to/#/@f:x\">Fatima</a></p>");
        assert_eq!(replace_actions("Just text", "<p>Just text</p>", "a", "<p><em>a</em></p>"), None);
    }

    #[test]
    fn reply_fallback_is_stripped() {
        assert_eq!(strip_reply_fallback("> <@a:b> hoi\n> daar\n\nmijn vraag"), "mijn vraag");
        assert_eq!(strip_reply_fallback("> geen fallback"), "> geen fallback");
        assert_eq!(strip_reply_fallback("gewoon"), "gewoon");
    }
}
