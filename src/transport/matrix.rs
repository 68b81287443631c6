//! Matrix, through matrix-sdk: a sync loop in, room messages out, end-to-end encryption included.
//!
//! A thin adapter like the Telegram one. Events become [`Incoming`] (the event id is the event id, so
//! an event seen twice is harmless); [`Outgoing`] becomes an `m.room.message` with a plain `body` and
//! an HTML `formatted_body`, threaded under the ticket in the advisors' room, with `m.mentions` for the
//! advisors it names. Buttons become numbered options: a reply with the number, or a reaction with
//! the keycap (1️⃣), presses the button; 👍 / 👎 on an answer is feedback; in the advisors' room 👍 on
//! a ticket claims it, ✅ closes it, ↩️ releases it.
//!
//! Session and state: the access token and device id are kept in `matrix/session.json` and the SDK's
//! SQLite state and crypto store in `matrix/store/` under the bot's data directory; the two are only
//! ever used together (if one is missing, the bot logs in again as a new device). The sync token is
//! kept in Wegwijs's own database and moves on only after a sync's events are handled, so a restart
//! neither misses nor repeats a message. Outbox ids (with a per-database prefix) are the transaction
//! ids, so a message resent after a crash is not shown twice.

use crate::bot::MatrixConfig;
use crate::conversation::Engine;
use crate::message::{Action, Block, ChatRef, Delivery, Incoming, Inline, Outgoing, RichText};
use anyhow::{anyhow, bail, Context, Result};
use matrix_sdk::config::{RequestConfig, SyncSettings};
use matrix_sdk::deserialized_responses::TimelineEventKind;
use matrix_sdk::ruma::events::relation::Thread;
use matrix_sdk::ruma::events::room::member::{MembershipState, StrippedRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{MessageType, Relation, RoomMessageEventContent};
use matrix_sdk::ruma::events::{
    AnyStrippedStateEvent, AnySyncMessageLikeEvent, AnySyncTimelineEvent, Mentions, SyncMessageLikeEvent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId, RoomOrAliasId, TransactionId};
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

/// Keycaps for numbered options.
const KEYCAPS: [&str; 10] = ["0️⃣", "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"];

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
            .map(|(k, label)| vec![Inline::Text(format!("{} {label}", KEYCAPS.get(k + 1).copied().unwrap_or("▪️")))])
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
}

const SYNC_KEY: &str = "matrix_sync_token";

fn session_path(dir: &Path) -> PathBuf {
    dir.join("session.json")
}

fn write_private(path: &Path, data: &str) -> Result<()> {
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
        match stored {
            Some(s) => {
                if s.meta.user_id != me {
                    bail!("{}: the stored session belongs to another user; remove the matrix/ folder to log in as {me}", session_file.display());
                }
                client.restore_session(s).await.context("restoring the Matrix session")?;
            }
            None => {
                let session = if let Some(var) = &cfg.password_env {
                    let pw = std::env::var(var).map_err(|_| anyhow!("[matrix] password_env: environment variable {var} is not set"))?;
                    retry_start(|| async {
                        client.matrix_auth().login_username(&me, &pw).initial_device_display_name("Wegwijs").send().await.map_err(anyhow::Error::from)
                    })
                    .await
                    .context("Matrix login")?;
                    // The login set the session on the client already.
                    client.matrix_auth().session().ok_or_else(|| anyhow!("no session after login"))?
                } else if let Some(var) = &cfg.access_token_env {
                    let token = std::env::var(var).map_err(|_| anyhow!("[matrix] access_token_env: environment variable {var} is not set"))?;
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
        Ok(Matrix { client, engine, me, advisors, allowed, buttons: Mutex::new(HashMap::new()), told: Mutex::new(HashSet::new()), txn_prefix })
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

    fn is_advisors(&self, room: &OwnedRoomId) -> bool {
        self.advisors.as_ref().is_some_and(|(_, id)| id == room)
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
            let first = token.is_none();
            let r = tokio::select! {
                r = self.client.sync_once(settings) => r,
                _ = shutdown.changed() => return Ok(()),
            };
            match r {
                Ok(resp) => {
                    wait = Duration::from_millis(250);
                    // On the very first start, the history of rooms is not answered; invites are.
                    self.handle_sync(&resp, first).await;
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

    async fn handle_sync(self: &Arc<Self>, resp: &matrix_sdk::sync::SyncResponse, history_only: bool) {
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
        if history_only {
            return;
        }
        let mut set = tokio::task::JoinSet::new();
        for (room_id, update) in &resp.rooms.joined {
            let Some(room) = self.client.get_room(room_id) else { continue };
            if !self.serves(&room) {
                continue;
            }
            let events: Vec<TimelineEventKind> = update.timeline.events.iter().map(|e| e.kind.clone()).collect();
            let me = self.clone();
            set.spawn(async move {
                for ev in events {
                    me.on_event(&room, ev).await;
                }
            });
        }
        while set.join_next().await.is_some() {}
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
        let inc = match event {
            AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(SyncMessageLikeEvent::Original(m))) => {
                let MessageType::Text(t) = &m.content.msgtype else { return };
                let mut reply_to = None;
                match &m.content.relates_to {
                    Some(Relation::Replacement(_)) => return, // edits are not new questions
                    Some(Relation::Thread(th)) => reply_to = Some(th.event_id.to_string()),
                    Some(Relation::Reply(matrix_sdk::ruma::events::relation::Reply { in_reply_to, .. })) => reply_to = Some(in_reply_to.event_id.to_string()),
                    _ => {}
                }
                let text = strip_reply_fallback(&t.body).trim().to_string();
                // A number answers the last message with options in a direct chat.
                let number = (!self.is_advisors(&room_id)).then(|| text.parse::<usize>().ok()).flatten();
                let pressed = number.and_then(|n| self.last_buttons(&room_id)?.1.get(n.checked_sub(1)?).cloned());
                let mut inc = match pressed {
                    Some(a) => Incoming::action(chat.clone(), user, a),
                    None => Incoming::text(chat.clone(), user, text),
                };
                if let Some(r) = reply_to {
                    inc = inc.replying_to(r);
                }
                inc.with_event_id(event_id)
            }
            AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::Reaction(SyncMessageLikeEvent::Original(r))) => {
                let target = r.content.relates_to.event_id.to_string();
                let key = r.content.relates_to.key.as_str();
                let action = if self.is_advisors(&room_id) {
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
                Incoming::action(chat.clone(), user, action).with_event_id(event_id)
            }
            _ => return,
        };
        if !self.is_advisors(&room_id) {
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
        if !self.is_advisors(&room_id) {
            let _ = room.typing_notice(false).await;
        }
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
        let content = RoomMessageEventContent::text_html(r.body.clone(), r.html.clone());
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
        let mut futs = Vec::new();
        for list in by_room.into_values() {
            futs.push(async move {
                for d in list {
                    self.deliver(d).await;
                }
            });
        }
        for f in futs {
            f.await;
        }
    }

    async fn deliver(&self, d: Delivery) {
        match d {
            Delivery::Delete { id, chat, message } => {
                if let (Some(room), Ok(ev)) = (self.room_of(&chat).and_then(|r| self.client.get_room(&r)), OwnedEventId::try_from(message.as_str())) {
                    let txn = TransactionId::new();
                    if let Err(e) = room.redact(&ev, None, Some(txn)).await {
                        tracing::debug!("redacting a message failed: {e}");
                    }
                }
                self.engine.sent(id, None);
            }
            // Not shown on this platform yet: the post keeps its first buttons.
            Delivery::Edit { id, .. } => self.engine.sent(id, None),
            Delivery::Send(o) => match self.send(&o).await {
                Ok(first) => self.engine.sent(o.id, first.as_deref()),
                Err(Retry::Later) => self.engine.failed(o.id),
                Err(Retry::Never) => self.engine.sent(o.id, None),
            },
        }
    }

    /// Sends one outgoing message; returns the event id of its first part.
    async fn send(&self, o: &Outgoing) -> std::result::Result<Option<String>, Retry> {
        let Some(room_id) = self.room_of(&o.chat) else { return Err(Retry::Never) };
        let Some(room) = self.client.get_room(&room_id) else {
            tracing::info!("a Matrix room is not joined (left or not yet joined); message dropped");
            return Err(Retry::Never);
        };
        if room.state() != matrix_sdk::RoomState::Joined {
            return Err(Retry::Never);
        }
        let labels: Vec<String> = o.all_buttons().map(|b| b.label.clone()).collect();
        let actions: Vec<Action> = o.all_buttons().map(|b| b.action.clone()).collect();
        let parts = render(&o.text, &labels);
        let thread: Option<OwnedEventId> = o.thread.as_deref().and_then(|t| OwnedEventId::try_from(t).ok());
        let mut first = None;
        let n = parts.len();
        for (k, part) in parts.into_iter().enumerate() {
            let mut content = RoomMessageEventContent::text_html(part.body, part.html);
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
                        first.get_or_insert(id);
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
                                return if first.is_some() { Ok(first) } else { Err(Retry::Later) };
                            }
                        }
                    }
                }
            }
        }
        Ok(first)
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
    /// after a restart), every `every` until shutdown.
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
    fn reply_fallback_is_stripped() {
        assert_eq!(strip_reply_fallback("> <@a:b> hoi\n> daar\n\nmijn vraag"), "mijn vraag");
        assert_eq!(strip_reply_fallback("> geen fallback"), "> geen fallback");
        assert_eq!(strip_reply_fallback("gewoon"), "gewoon");
    }
}
