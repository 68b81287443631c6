//! Telegram, through teloxide's HTTP client: updates in (long polling or webhook), messages out.
//!
//! A thin adapter: it turns updates into [`Incoming`] (the update id is the event id, so a repeated
//! update is harmless), renders [`Outgoing`] as Telegram HTML (escaped, split at the length limit) with
//! inline keyboards, and reports deliveries to the engine. The update offset is stored after the
//! engine has stored the update's effects, so a restart neither loses nor repeats an update.

use crate::bot::TelegramConfig;
use crate::conversation::Engine;
use crate::lang::Lang;
use crate::message::{Action, Block, ChatRef, Delivery, Incoming, Inline, Outgoing, RichText};
use anyhow::{anyhow, Context, Result};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;
use teloxide::adaptors::throttle::{Limits, Throttle};
use teloxide::payloads::{GetUpdatesSetters, SendMessageSetters, SetMyCommandsSetters, SetWebhookSetters};
use teloxide::prelude::Requester;
use teloxide::types::{
    AllowedUpdate, BotCommand, ChatAction, ChatId, InlineKeyboardButton, InlineKeyboardMarkup, MessageId, ParseMode,
    ReplyParameters, ThreadId, Update, UpdateKind,
};
use std::sync::atomic::Ordering;
use teloxide::{ApiError, RequestError};
use tokio::sync::watch;

/// The platform name the core sees.
pub const PLATFORM: &str = "telegram";

/// Telegram's limit is 4,096 characters after entity parsing (counted in UTF-16 units); stay below.
pub const MAX_TEXT: usize = 4000;


/// `&`, `<`, `>` and `"`: everything Telegram's HTML parser treats specially.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// One rendered piece: HTML and the length of its visible text.
struct Piece {
    html: String,
    visible: usize,
}

fn inline_html(out: &mut Piece, i: &Inline) {
    let mut push = |html: String, text: &str| {
        out.html.push_str(&html);
        out.visible += utf16_len(text);
    };
    match i {
        Inline::Text(s) => push(escape(s), s),
        Inline::Strong(s) => push(format!("<b>{}</b>", escape(s)), s),
        Inline::Emphasis(s) => push(format!("<i>{}</i>", escape(s)), s),
        Inline::Code(s) => push(format!("<code>{}</code>", escape(s)), s),
        Inline::Link { label, url } => {
            if url.starts_with("https://") || url.starts_with("http://") {
                push(format!("<a href=\"{}\">{}</a>", escape(url), escape(label)), label)
            } else {
                push(escape(label), label)
            }
        }
        Inline::Mention { label, user } => {
            if !user.is_empty() && user.bytes().all(|b| b.is_ascii_digit()) {
                push(format!("<a href=\"tg://user?id={user}\">{}</a>", escape(label)), label)
            } else {
                push(escape(label), label)
            }
        }
        Inline::LineBreak => push("\n".into(), "\n"),
    }
}

fn block_pieces(b: &Block) -> Vec<Piece> {
    let mut p = Piece { html: String::new(), visible: 0 };
    let run = |p: &mut Piece, inl: &[Inline]| inl.iter().for_each(|i| inline_html(p, i));
    match b {
        Block::Heading(i) => {
            p.html.push_str("<b>");
            run(&mut p, i);
            p.html.push_str("</b>");
        }
        Block::Paragraph(i) => run(&mut p, i),
        Block::Note(i) => {
            p.html.push_str("<i>");
            run(&mut p, i);
            p.html.push_str("</i>");
        }
        Block::List(items) => {
            for (k, item) in items.iter().enumerate() {
                if k > 0 {
                    p.html.push('\n');
                    p.visible += 1;
                }
                p.html.push_str("• ");
                p.visible += 2;
                run(&mut p, item);
            }
        }
    }
    if p.visible <= MAX_TEXT {
        return vec![p];
    }
    // A block too long for one message (a huge relayed text): split its plain text at spaces.
    let plain = RichText { blocks: vec![b.clone()] }.plain();
    split_words(&plain, MAX_TEXT).into_iter().map(|s| Piece { visible: utf16_len(&s), html: escape(&s) }).collect()
}

/// Splits text into parts of at most `max` UTF-16 units, at whitespace where possible.
pub fn split_words(text: &str, max: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut cur_len = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let wl = utf16_len(word);
        if cur_len + wl > max && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
            cur_len = 0;
        }
        if wl > max {
            // One "word" longer than a message: cut it by characters.
            for c in word.chars() {
                let cl = c.len_utf16();
                if cur_len + cl > max {
                    parts.push(std::mem::take(&mut cur));
                    cur_len = 0;
                }
                cur.push(c);
                cur_len += cl;
            }
        } else {
            cur.push_str(word);
            cur_len += wl;
        }
    }
    if !cur.trim().is_empty() {
        parts.push(cur);
    }
    parts
}

/// Rich text as Telegram HTML messages, each within the length limit; tags never cross a split.
pub fn render(text: &RichText) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_len = 0;
    for b in &text.blocks {
        for p in block_pieces(b) {
            let sep = if cur.is_empty() { 0 } else { 2 };
            if cur_len + sep + p.visible > MAX_TEXT && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
                cur_len = 0;
            }
            if !cur.is_empty() {
                cur.push_str("\n\n");
                cur_len += 2;
            }
            cur.push_str(&p.html);
            cur_len += p.visible;
        }
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

fn keyboard(msg: &Outgoing) -> Option<InlineKeyboardMarkup> {
    if msg.buttons.is_empty() {
        return None;
    }
    let rows: Vec<Vec<InlineKeyboardButton>> = msg
        .buttons
        .iter()
        .map(|row| row.iter().map(|b| InlineKeyboardButton::callback(b.label.chars().take(64).collect::<String>(), b.action.encode())).collect())
        .collect();
    Some(InlineKeyboardMarkup::new(rows))
}

fn chat_id(chat: &ChatRef) -> Option<ChatId> {
    chat.chat.parse::<i64>().ok().map(ChatId)
}

/// Runs the Telegram side until `shutdown` turns true.
pub struct Telegram {
    /// Every call that Telegram does not rate-limit goes straight out.
    bot: teloxide::Bot,
    /// Messages go through teloxide's throttle (Telegram's limits), unless switched off for a
    /// local test server.
    throttled: Option<Throttle<teloxide::Bot>>,
    engine: Arc<Engine>,
    cfg: TelegramConfig,
    /// The advisors' group, if any.
    advisors_chat: Option<i64>,
    /// Whether the advisors' group is a forum (one topic per ticket): unknown until the first try.
    forum: std::sync::atomic::AtomicU8,
    bot_user: u64,
}

const FORUM_UNKNOWN: u8 = 0;
const FORUM_YES: u8 = 1;
const FORUM_NO: u8 = 2;

/// The command menu, in every language the bot speaks (Telegram shows each person their own).
pub const MENU: &[&str] = &["start", "help", "language", "advisor", "forget"];

impl Telegram {
    /// Connects (with retries) and registers the command menu.
    pub async fn connect(engine: Arc<Engine>, cfg: &TelegramConfig, token: &str) -> Result<Telegram> {
        let mut bot = teloxide::Bot::new(token);
        if let Some(url) = &cfg.api_url {
            bot = bot.set_api_url(url.parse().with_context(|| format!("[telegram] api_url {url:?}"))?);
        }
        let throttled = cfg.throttle.then(|| Throttle::new_spawn(bot.clone(), Limits::default()));
        let mut wait = Duration::from_millis(200);
        let me = loop {
            match bot.get_me().await {
                Ok(me) => break me,
                Err(RequestError::Api(e)) => return Err(anyhow!("Telegram refused the bot token: {e}")),
                Err(e) => {
                    tracing::warn!("Telegram not reachable yet ({e}); retrying in {wait:?}");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(30));
                }
            }
        };
        let advisors_chat = cfg.advisors_chat.as_ref().and_then(|c| c.0.parse().ok());
        let t = Telegram { bot, throttled, engine, cfg: cfg.clone(), advisors_chat, forum: std::sync::atomic::AtomicU8::new(FORUM_UNKNOWN), bot_user: me.id.0 };
        t.register_commands().await;
        Ok(t)
    }

    async fn register_commands(&self) {
        let snap = self.engine.snapshot();
        let langs: Vec<Lang> = self.engine.config().languages.clone();
        let menu = |lang: Lang| -> Vec<BotCommand> {
            MENU.iter().map(|c| BotCommand { command: c.to_string(), description: snap.locales.msg(lang, &format!("command-{c}"), &[]) }).collect()
        };
        let default = self.engine.config().default_language;
        if let Err(e) = self.bot.set_my_commands(menu(default)).await {
            tracing::warn!("registering the command menu failed: {e}");
        }
        for lang in langs {
            if let Err(e) = self.bot.set_my_commands(menu(lang)).language_code(lang.code()).await {
                tracing::warn!("registering the {lang} command menu failed: {e}");
            }
        }
    }

    /// Turns an update into an incoming message for the engine, or nothing (not for us).
    pub fn incoming(&self, update: &Update) -> Option<Incoming> {
        let event = format!("u{}", update.id.0);
        match &update.kind {
            UpdateKind::Message(m) => {
                let from = m.from.as_ref()?;
                if from.is_bot || from.id.0 == self.bot_user {
                    return None;
                }
                let text = m.text()?;
                let chat = ChatRef::new(PLATFORM, m.chat.id.0.to_string());
                let is_advisors = Some(m.chat.id.0) == self.advisors_chat;
                if !m.chat.is_private() && !is_advisors {
                    return None;
                }
                let mut inc = Incoming::text(chat, from.id.0.to_string(), text).with_event_id(event);
                if let Some(lc) = &from.language_code {
                    inc = inc.with_interface_lang(lc.clone());
                }
                if let (true, Some(t)) = (m.is_topic_message, m.thread_id) {
                    // In a forum, the topic is the ticket.
                    inc = inc.replying_to(format!("@{}", t.0.0));
                } else if let Some(r) = m.reply_to_message() {
                    inc = inc.replying_to(r.id.0.to_string());
                }
                Some(inc)
            }
            UpdateKind::CallbackQuery(q) => {
                let data = q.data.as_deref()?;
                let msg = q.message.as_ref()?;
                let chat_id = msg.chat().id.0;
                if chat_id != q.from.id.0 as i64 && Some(chat_id) != self.advisors_chat {
                    return None;
                }
                let action = Action::decode(data)?;
                let mut inc = Incoming::action(ChatRef::new(PLATFORM, chat_id.to_string()), q.from.id.0.to_string(), action).with_event_id(event);
                if let Some(lc) = &q.from.language_code {
                    inc = inc.with_interface_lang(lc.clone());
                }
                Some(inc)
            }
            _ => None,
        }
    }

    /// Handles one update completely: acknowledges buttons, shows typing, asks the engine, sends.
    pub async fn process(&self, update: Update) {
        if let UpdateKind::CallbackQuery(q) = &update.kind {
            // Acknowledge at once so the button stops spinning, whatever happens next.
            let bot = self.bot.clone();
            let id = q.id.clone();
            tokio::spawn(async move {
                let _ = bot.answer_callback_query(id).await;
            });
        }
        let Some(inc) = self.incoming(&update) else { return };
        if let (UpdateKind::Message(m), true) = (&update.kind, inc.chat.chat.parse::<i64>().ok() != self.advisors_chat) {
            let bot = self.bot.clone();
            let chat = m.chat.id;
            tokio::spawn(async move {
                let _ = bot.send_chat_action(chat, ChatAction::Typing).await;
            });
        }
        let engine = self.engine.clone();
        let out = match tokio::task::spawn_blocking(move || engine.handle(&inc)).await {
            Ok(out) => out,
            Err(e) => {
                tracing::error!("handling an update failed: {e}");
                return;
            }
        };
        let mine: Vec<Delivery> = out.into_iter().filter(|o| o.chat.platform == PLATFORM).map(Delivery::Send).collect();
        self.deliver_all(mine).await;
    }

    /// Sends deliveries: chats in parallel, each chat's messages in order.
    pub async fn deliver_all(&self, deliveries: Vec<Delivery>) {
        let mut by_chat: BTreeMap<String, Vec<Delivery>> = BTreeMap::new();
        for d in deliveries {
            let chat = match &d {
                Delivery::Send(o) => o.chat.chat.clone(),
                Delivery::Delete { chat, .. } | Delivery::Edit { chat, .. } => chat.chat.clone(),
            };
            by_chat.entry(chat).or_default().push(d);
        }
        let tasks = by_chat.into_values().map(|list| async move {
            for d in list {
                self.deliver(d).await;
            }
        });
        futures_join_all(tasks).await;
    }

    /// Sends one delivery, waiting out rate limits and retrying network errors a few times.
    async fn deliver(&self, d: Delivery) {
        match d {
            Delivery::Delete { id, chat, message } => {
                if let (Some(c), Some(Ok(t))) = (chat_id(&chat), message.strip_prefix('@').map(str::parse::<i32>)) {
                    if let Err(e) = self.bot.delete_forum_topic(c, ThreadId(MessageId(t))).await {
                        tracing::debug!("deleting a forum topic failed: {e}");
                    }
                } else if let (Some(c), Ok(m)) = (chat_id(&chat), message.parse::<i32>()) {
                    if let Err(e) = self.bot.delete_message(c, MessageId(m)).await {
                        // Messages older than 48 hours cannot be deleted by bots: nothing more to do.
                        tracing::debug!("deleting a message failed: {e}");
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

    /// Returns the platform id of the first message sent.
    async fn send(&self, o: &Outgoing) -> std::result::Result<Option<String>, Retry> {
        let Some(chat) = chat_id(&o.chat) else { return Err(Retry::Never) };
        // A new ticket in a forum group gets its own topic; its id stands for the ticket ("@42").
        let mut topic: Option<i32> = o.thread.as_deref().and_then(|t| t.strip_prefix('@')).and_then(|t| t.parse().ok());
        let mut new_topic = false;
        if o.ticket.is_some() && o.thread.is_none() && Some(chat.0) == self.advisors_chat && self.forum.load(Ordering::Relaxed) != FORUM_NO {
            let name: String = o.text.plain().lines().next().unwrap_or("Ticket").trim_start_matches("== ").chars().take(120).collect();
            match self.bot.create_forum_topic(chat, name).await {
                Ok(t) => {
                    self.forum.store(FORUM_YES, Ordering::Relaxed);
                    topic = Some(t.thread_id.0.0);
                    new_topic = true;
                }
                Err(RequestError::Api(_)) => self.forum.store(FORUM_NO, Ordering::Relaxed),
                Err(_) => return Err(Retry::Later),
            }
        }
        let parts = render(&o.text);
        let n = parts.len();
        let mut first = None;
        for (k, html) in parts.into_iter().enumerate() {
            let last = k + 1 == n;
            let mut attempt = 0;
            loop {
                attempt += 1;
                let kb = keyboard(o).filter(|_| last);
                let reply = o.thread.as_deref().filter(|_| topic.is_none()).and_then(|t| t.parse::<i32>().ok()).map(|t| {
                    let mut rp = ReplyParameters::new(MessageId(t));
                    rp.allow_sending_without_reply = Some(true);
                    rp
                });
                macro_rules! build {
                    ($bot:expr) => {{
                        let mut req = $bot.send_message(chat, html.clone()).parse_mode(ParseMode::Html);
                        if let Some(kb) = kb.clone() {
                            req = req.reply_markup(kb);
                        }
                        if let Some(rp) = reply.clone() {
                            req = req.reply_parameters(rp);
                        }
                        if let Some(t) = topic {
                            req = req.message_thread_id(ThreadId(MessageId(t)));
                        }
                        req.await
                    }};
                }
                let result = match &self.throttled {
                    Some(t) => build!(t),
                    None => build!(self.bot),
                };
                match result {
                    Ok(m) => {
                        first.get_or_insert(match (new_topic, topic) {
                            (true, Some(t)) => format!("@{t}"),
                            _ => m.id.0.to_string(),
                        });
                        break;
                    }
                    Err(RequestError::RetryAfter(secs)) => tokio::time::sleep(secs.duration()).await,
                    Err(RequestError::Api(ApiError::BotBlocked | ApiError::UserDeactivated | ApiError::ChatNotFound | ApiError::BotKicked | ApiError::BotKickedFromSupergroup)) => {
                        tracing::info!("a chat is no longer reachable (blocked or deleted); message dropped");
                        return Err(Retry::Never);
                    }
                    Err(RequestError::Api(e)) => {
                        tracing::warn!("Telegram refused a message: {e}");
                        return Err(Retry::Never);
                    }
                    Err(e) if attempt < 4 => {
                        tracing::warn!("sending failed ({e}); retrying");
                        tokio::time::sleep(Duration::from_millis(250 * (1 << attempt))).await;
                    }
                    Err(e) => {
                        tracing::warn!("sending failed ({e}); will retry later");
                        return if first.is_some() { Ok(first) } else { Err(Retry::Later) };
                    }
                }
            }
        }
        Ok(first)
    }

    /// Long polling until shutdown. The offset is stored after each batch is handled.
    pub async fn poll(self: Arc<Self>, mut shutdown: watch::Receiver<bool>) -> Result<()> {
        let key = "telegram_offset";
        let mut offset: i32 = self.engine.store().state(key)?.and_then(|s| s.parse().ok()).unwrap_or(0);
        let mut wait = Duration::from_millis(200);
        let _ = self.bot.delete_webhook().await;
        loop {
            let req = self
                .bot
                .get_updates()
                .offset(offset)
                .timeout(self.cfg.poll_timeout_secs)
                .allowed_updates(vec![AllowedUpdate::Message, AllowedUpdate::CallbackQuery]);
            let updates = tokio::select! {
                r = req => r,
                _ = shutdown.changed() => return Ok(()),
            };
            match updates {
                Ok(updates) => {
                    wait = Duration::from_millis(200);
                    let Some(last) = updates.iter().map(|u| u.id.0 as i32).max() else { continue };
                    // Chats in parallel, each chat's updates in order; the offset moves on once the
                    // whole batch is handled (a repeated update is recognised by the engine).
                    let mut by_chat: BTreeMap<i64, Vec<Update>> = BTreeMap::new();
                    for u in updates {
                        let chat = u.chat().map(|c| c.id.0).unwrap_or(u.id.0 as i64);
                        by_chat.entry(chat).or_default().push(u);
                    }
                    let mut set = tokio::task::JoinSet::new();
                    for list in by_chat.into_values() {
                        let me = self.clone();
                        set.spawn(async move {
                            for u in list {
                                me.process(u).await;
                            }
                        });
                    }
                    while set.join_next().await.is_some() {}
                    offset = offset.max(last + 1);
                    self.engine.store().set_state(key, &offset.to_string())?;
                    if *shutdown.borrow() {
                        return Ok(());
                    }
                }
                Err(RequestError::RetryAfter(s)) => tokio::time::sleep(s.duration()).await,
                Err(e) => {
                    tracing::warn!("getting updates failed ({e}); retrying in {wait:?}");
                    tokio::select! {
                        _ = tokio::time::sleep(wait) => {}
                        _ = shutdown.changed() => return Ok(()),
                    }
                    wait = (wait * 2).min(Duration::from_secs(30));
                }
            }
        }
    }

    /// Sends what the engine has waiting for Telegram (other platforms' tickets, reminders,
    /// leftovers after a restart), every `every` until shutdown.
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

    /// Webhook mode: registers the webhook with its secret and serves it until shutdown.
    pub async fn webhook(self: Arc<Self>, url: &str, listen: &str, secret: String, mut shutdown: watch::Receiver<bool>) -> Result<()> {
        let listener = tokio::net::TcpListener::bind(listen).await.with_context(|| format!("[telegram] listen {listen:?}"))?;
        let parsed: url::Url = url.parse().with_context(|| format!("[telegram] webhook_url {url:?}"))?;
        self.bot
            .set_webhook(parsed.clone())
            .secret_token(secret.clone())
            .allowed_updates(vec![AllowedUpdate::Message, AllowedUpdate::CallbackQuery])
            .await
            .map_err(|e| anyhow!("setting the webhook failed: {e}"))?;
        let path = parsed.path().to_string();
        let app = axum::Router::new().route(&path, axum::routing::post(webhook_handler)).with_state(WebhookState { tg: self.clone(), secret: Arc::new(secret) });
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = shutdown.changed().await;
            })
            .await?;
        Ok(())
    }
}

enum Retry {
    Later,
    Never,
}

async fn futures_join_all<F: std::future::Future<Output = ()>>(futs: impl Iterator<Item = F>) {
    let mut set = Vec::new();
    for f in futs {
        set.push(Box::pin(f));
    }
    for f in set {
        f.await;
    }
}

#[derive(Clone)]
struct WebhookState {
    tg: Arc<Telegram>,
    secret: Arc<String>,
}

async fn webhook_handler(
    axum::extract::State(st): axum::extract::State<WebhookState>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> axum::http::StatusCode {
    let given = headers.get("X-Telegram-Bot-Api-Secret-Token").and_then(|v| v.to_str().ok()).unwrap_or("");
    if !constant_time_eq(given.as_bytes(), st.secret.as_bytes()) {
        return axum::http::StatusCode::UNAUTHORIZED;
    }
    let update: Update = match serde_json::from_slice(&body) {
        Ok(u) => u,
        Err(_) => return axum::http::StatusCode::BAD_REQUEST,
    };
    st.tg.process(update).await;
    axum::http::StatusCode::OK
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The webhook secret: from the configured environment variable, or derived from the token (Telegram
/// allows `A-Z a-z 0-9 _ -`, up to 256 characters).
pub fn webhook_secret(cfg: &TelegramConfig, token: &str) -> Result<String> {
    if let Some(var) = &cfg.webhook_secret_env {
        return std::env::var(var).map_err(|_| anyhow!("[telegram] webhook_secret_env: environment variable {var} is not set"));
    }
    let h = blake3::hash(format!("wegwijs-webhook:{token}").as_bytes());
    Ok(h.to_hex()[..48].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Block;

    #[test]
    fn html_is_escaped_and_long_text_split_without_breaking_tags() {
        let rt = RichText {
            blocks: vec![
                Block::Heading(vec![Inline::Text("<b>BSN & co</b>".into())]),
                Block::Paragraph(vec![Inline::Link { label: "x\"<".into(), url: "https://a.nl/?a=1&b=\"2\"".into() }]),
                Block::Paragraph(vec![Inline::Link { label: "bad".into(), url: "javascript:alert(1)".into() }]),
            ],
        };
        let parts = render(&rt);
        assert_eq!(parts.len(), 1);
        assert!(parts[0].starts_with("<b>&lt;b&gt;BSN &amp; co&lt;/b&gt;</b>"), "{}", parts[0]);
        assert!(parts[0].contains("<a href=\"https://a.nl/?a=1&amp;b=&quot;2&quot;\">x&quot;&lt;</a>"), "{}", parts[0]);
        assert!(!parts[0].contains("javascript"));

        let long = "woord ".repeat(3000);
        let rt = RichText { blocks: vec![Block::Heading(vec![Inline::Text("Titel".into())]), Block::Note(vec![Inline::Text(long.clone())])] };
        let parts = render(&rt);
        assert!(parts.len() >= 4);
        for p in &parts {
            assert!(p.encode_utf16().count() <= 4096, "{}", p.len());
            assert_eq!(p.matches("<i>").count(), p.matches("</i>").count());
            assert!(!p.ends_with("wo") || p.ends_with("woord"), "words are not cut");
        }
        assert_eq!(parts.iter().map(|p| p.matches("woord").count()).sum::<usize>(), 3000, "no word lost");
        for p in &parts {
            for w in p.split_whitespace() {
                let core = w.trim_matches(|c: char| !c.is_alphabetic());
                assert!(core.is_empty() || core == "woord" || w.contains("Titel"), "cut word {w:?}");
            }
        }
    }

    #[test]
    fn emoji_count_as_two_units() {
        let parts = split_words(&"😀".repeat(3000), MAX_TEXT);
        assert!(parts.iter().all(|p| p.encode_utf16().count() <= MAX_TEXT));
        assert_eq!(parts.iter().map(|p| p.chars().count()).sum::<usize>(), 3000);
    }
}
