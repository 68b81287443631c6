//! Telegram, through teloxide's HTTP client: updates in (long polling or webhook), messages out.
//!
//! A thin adapter: it turns updates into [`Incoming`] (the update id is the event id, so a repeated
//! update is harmless), renders [`Outgoing`] as Telegram HTML (escaped, split at the length limit) with
//! inline keyboards and files, and reports deliveries to the engine. The update offset is stored
//! after the engine has stored the update's effects, so a restart neither loses nor repeats an
//! update. Deliveries (deletions and button edits too) that fail for a passing reason stay in the
//! outbox and are tried again with growing pauses.

mod files;
mod html;

pub use html::{escape, render, render_parts, split_words, MAX_CAPTION, MAX_TEXT};

use crate::bot::TelegramConfig;
use crate::conversation::Engine;
use crate::lang::Lang;
use crate::message::{Action, Button, ChatRef, Delivery, Incoming, Input, Kind, Media, Outgoing};
use anyhow::{anyhow, Context, Result};
use files::Method;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use teloxide::adaptors::throttle::{Limits, Throttle};
use teloxide::net::Download;
use teloxide::payloads::{
    AnswerCallbackQuerySetters, EditMessageReplyMarkupSetters, GetUpdatesSetters, SendAnimationSetters, SendAudioSetters,
    SendDocumentSetters, SendMessageSetters, SendPhotoSetters, SendVideoNoteSetters, SendVideoSetters, SendVoiceSetters,
    SetMyCommandsSetters, SetWebhookSetters,
};
use teloxide::prelude::Requester;
use teloxide::types::{
    AllowedUpdate, BotCommand, CallbackQueryId, ChatAction, ChatId, FileId, InlineKeyboardButton, InlineKeyboardMarkup,
    InputFile, LinkPreviewOptions, MessageId, ParseMode, ReplyParameters, ThreadId, Update, UpdateKind,
};
use teloxide::{ApiError, RequestError};
use tokio::sync::watch;

/// The platform name the core sees.
pub const PLATFORM: &str = "telegram";

/// A callback answer (the alert a refusal becomes) holds at most 200 characters.
const MAX_ALERT: usize = 200;

/// The longest pause between two tries of a delivery that keeps failing for a passing reason.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

fn keyboard_of(buttons: &[Vec<Button>]) -> Option<InlineKeyboardMarkup> {
    if buttons.is_empty() {
        return None;
    }
    let rows: Vec<Vec<InlineKeyboardButton>> = buttons
        .iter()
        .map(|row| row.iter().map(|b| InlineKeyboardButton::callback(b.label.chars().take(64).collect::<String>(), b.action.encode())).collect())
        .collect();
    Some(InlineKeyboardMarkup::new(rows))
}

fn chat_id(chat: &ChatRef) -> Option<ChatId> {
    chat.chat.parse::<i64>().ok().map(ChatId)
}

/// Answers carry links to official pages; a preview card would repeat the page's title, push the
/// buttons out of sight and, in relayed words, show previews of whatever people pasted. Off for
/// every message the bot sends.
fn no_preview() -> LinkPreviewOptions {
    LinkPreviewOptions { is_disabled: true, url: None, prefer_small_media: false, prefer_large_media: false, show_above_text: false }
}

/// Whether an error may pass: the network, a server error (5xx: teloxide reports its description,
/// "Internal Server Error", "Bad Gateway"), an unreadable answer (a proxy's error page), a rate limit.
/// Refusals ("Bad Request: …", "Forbidden: …") are final.
fn transient(e: &RequestError) -> bool {
    match e {
        RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } | RequestError::RetryAfter(_) => true,
        RequestError::Api(ApiError::Unknown(d)) => {
            !["Bad Request", "Forbidden", "Unauthorized", "Not Found", "Conflict"].iter().any(|p| d.starts_with(p))
        }
        _ => false,
    }
}

fn type_mismatch(e: &RequestError) -> bool {
    matches!(e, RequestError::Api(ApiError::Unknown(d)) if d.to_ascii_lowercase().contains("type of file mismatch"))
}

/// Picks the throttled bot for sending when there is one.
macro_rules! via {
    ($self:expr, |$b:ident| $body:expr) => {
        match &$self.throttled {
            Some($b) => $body.await,
            None => {
                let $b = &$self.bot;
                $body.await
            }
        }
    };
}

/// How a delivery ended.
enum Outcome {
    /// Done (or never possible): the platform's ids of what was shown, first first.
    Done(Vec<String>),
    /// Not now (the network, a server error): it stays in the outbox.
    Later,
}

/// Where a message goes inside a chat.
#[derive(Clone, Copy)]
struct Place {
    chat: ChatId,
    /// A reply to this message (threads in an ordinary group).
    reply: Option<i32>,
    /// Inside this forum topic.
    topic: Option<i32>,
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
    forum: AtomicU8,
    bot_user: u64,
    /// The bot's username, for commands addressed to a bot ("/tickets@wegwijs_bot").
    username: String,
    /// Where copies of files go (`media/` in the data directory).
    media_dir: PathBuf,
    /// Deliveries that failed for a passing reason: when to try again, and how often they failed.
    backoff: Mutex<HashMap<u64, (Instant, u32)>>,
}

const FORUM_UNKNOWN: u8 = 0;
const FORUM_YES: u8 = 1;
const FORUM_NO: u8 = 2;

/// The command menu, in every language the bot speaks (Telegram shows each person their own).
pub const MENU: &[&str] = &["start", "help", "language", "advisor", "forget"];

/// The language of the command menu for app languages the bot does not speak.
pub const MENU_DEFAULT: Lang = Lang::En;

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
        let media_dir = engine.config().data_dir.join("media");
        let t = Telegram {
            bot,
            throttled,
            engine,
            cfg: cfg.clone(),
            advisors_chat,
            forum: AtomicU8::new(FORUM_UNKNOWN),
            bot_user: me.id.0,
            username: me.user.username.clone().unwrap_or_default(),
            media_dir,
            backoff: Mutex::new(HashMap::new()),
        };
        t.register_commands().await;
        Ok(t)
    }

    async fn register_commands(&self) {
        let snap = self.engine.snapshot();
        let langs: Vec<Lang> = self.engine.config().languages.clone();
        let menu = |lang: Lang| -> Vec<BotCommand> {
            MENU.iter().map(|c| BotCommand { command: c.to_string(), description: snap.locales.msg(lang, &format!("command-{c}"), &[]) }).collect()
        };
        if let Err(e) = self.bot.set_my_commands(menu(MENU_DEFAULT)).await {
            tracing::warn!("registering the command menu failed: {e}");
        }
        for lang in langs {
            if let Err(e) = self.bot.set_my_commands(menu(lang)).language_code(lang.code()).await {
                tracing::warn!("registering the {lang} command menu failed: {e}");
            }
        }
    }

    /// Whether a command names another bot ("/tickets@other_bot"): in a group, several bots read the
    /// same messages, and each answers only its own commands.
    fn for_another_bot(&self, text: &str) -> bool {
        let Some(rest) = text.strip_prefix('/') else { return false };
        let word = rest.split_whitespace().next().unwrap_or("");
        match word.split_once('@') {
            Some((_, target)) => !target.eq_ignore_ascii_case(&self.username),
            None => false,
        }
    }

    /// The advisors' group, or a partner organisation's group (`[[escalation.partners]]`): the group
    /// chats the bot works in.
    fn is_staff_chat(&self, chat: i64) -> bool {
        Some(chat) == self.advisors_chat || self.engine.escalation().is_staff_room(&ChatRef::new(PLATFORM, chat.to_string()))
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
                let chat = ChatRef::new(PLATFORM, m.chat.id.0.to_string());
                if !m.chat.is_private() && !self.is_staff_chat(m.chat.id.0) {
                    return None;
                }
                let mut inc = match m.text() {
                    Some(text) => {
                        if !m.chat.is_private() && self.for_another_bot(text) {
                            return None;
                        }
                        Incoming::text(chat, from.id.0.to_string(), text)
                    }
                    // Photos, voice messages, documents, videos, stickers, locations: the person
                    // gets an answer in their language, and files can reach an advisor.
                    None => Incoming::media(chat, from.id.0.to_string(), files::media_of(m)?),
                }
                .with_event_id(event);
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
                if chat_id != q.from.id.0 as i64 && !self.is_staff_chat(chat_id) {
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

    /// Whether a file is worth a copy: only when there are advisors to pass it to, and only from a
    /// newcomer (a private chat) or an advisor (in the group, everyone else's files are not ours).
    fn wants_copy(&self, inc: &Incoming) -> bool {
        let esc = self.engine.escalation();
        !esc.rooms.is_empty() && (Some(inc.chat.chat.as_str()) == Some(inc.user.as_str()) || esc.advisor(PLATFORM, &inc.user).is_some())
    }

    /// Copies a file into the media folder under a random name (getFile, then the download), up to
    /// [`files::MAX_DOWNLOAD`]. `None` when it is too large or Telegram does not serve it: the file
    /// can still be passed on within Telegram by its id.
    async fn download(&self, m: &Media) -> Option<String> {
        let (_, file_id) = m.origin.as_ref().filter(|(p, _)| p == PLATFORM)?;
        if m.size.is_some_and(|s| s > files::MAX_DOWNLOAD) {
            tracing::info!("a file is larger than {} MB: not copied", files::MAX_DOWNLOAD >> 20);
            return None;
        }
        let mut attempt = 0;
        let file = loop {
            attempt += 1;
            match self.bot.get_file(FileId(file_id.clone())).await {
                Ok(f) => break f,
                Err(e) if transient(&e) && attempt < 3 => tokio::time::sleep(Duration::from_millis(300 * attempt)).await,
                Err(e) => {
                    tracing::warn!("getting a file's address failed: {e}");
                    return None;
                }
            }
        };
        if file.size as u64 > files::MAX_DOWNLOAD {
            return None;
        }
        let mut buf = files::Capped { data: Vec::with_capacity(file.size as usize), max: files::MAX_DOWNLOAD as usize };
        if let Err(e) = self.bot.download_file(&file.path, &mut buf).await {
            tracing::warn!("downloading a file failed: {e}");
            return None;
        }
        let name = files::random_name(&[Some(file.path.as_str()), m.name.as_deref()])?;
        let (dir, n) = (self.media_dir.clone(), name.clone());
        match tokio::task::spawn_blocking(move || files::write_copy(&dir, &n, &buf.data)).await {
            Ok(Ok(())) => Some(name),
            Ok(Err(e)) => {
                tracing::warn!("storing a copy of a file failed: {e}");
                None
            }
            Err(_) => None,
        }
    }

    /// Handles one update completely: downloads files, asks the engine, sends, and answers a button
    /// press (with the refusal as an alert when there is one).
    pub async fn process(&self, update: Update) {
        let callback: Option<(CallbackQueryId, String)> = match &update.kind {
            UpdateKind::CallbackQuery(q) => Some((q.id.clone(), q.from.id.0.to_string())),
            _ => None,
        };
        let message_id = match &update.kind {
            UpdateKind::Message(m) => Some(m.id.0),
            _ => None,
        };
        let Some(mut inc) = self.incoming(&update) else {
            if let Some((id, _)) = callback {
                // Not for us (crafted data, another chat): still stop the button's spinner.
                let _ = self.bot.answer_callback_query(id).await;
            }
            return;
        };
        if let (UpdateKind::Message(m), true) = (&update.kind, !inc.chat.chat.parse::<i64>().is_ok_and(|c| self.is_staff_chat(c))) {
            let bot = self.bot.clone();
            let chat = m.chat.id;
            tokio::spawn(async move {
                let _ = bot.send_chat_action(chat, ChatAction::Typing).await;
            });
        }
        if self.wants_copy(&inc)
            && let Input::Media(m) = &inc.input
            && m.is_file()
        {
            let stored = self.download(m).await;
            if let Input::Media(m) = &mut inc.input {
                m.stored = stored;
            }
        }
        let copy = match &inc.input {
            Input::Media(m) => m.stored.clone(),
            _ => None,
        };
        let in_group = inc.chat.chat.parse::<i64>().is_ok_and(|c| self.is_staff_chat(c));
        let engine = self.engine.clone();
        let out = match tokio::task::spawn_blocking(move || engine.handle(&inc)).await {
            Ok(out) => out,
            Err(e) => {
                tracing::error!("handling an update failed: {e}");
                return;
            }
        };
        if let Some(name) = copy {
            // A copy nothing took (an advisor's file outside a ticket, an update seen before): no
            // row names it, so nothing else would ever delete it.
            let taken = out.iter().any(|o| o.media.as_ref().is_some_and(|m| m.stored.as_deref() == Some(name.as_str())));
            if !taken && (in_group || out.is_empty())
                && let Some(path) = files::stored_path(&self.media_dir, &name)
                && let Err(e) = std::fs::remove_file(path)
            {
                tracing::warn!("deleting an unused copy of a file failed: {e}");
            }
        }
        let mut alert: Option<Outgoing> = None;
        let mut mine = Vec::new();
        for mut o in out.into_iter().filter(|o| o.chat.platform == PLATFORM) {
            if o.kind == Kind::Refusal {
                // Only the person who pressed the button sees why nothing happened.
                if let Some((_, presser)) = &callback
                    && o.to_user.as_deref() == Some(presser.as_str())
                    && alert.is_none()
                {
                    alert = Some(o);
                    continue;
                }
                // A refused command: the answer replies to it.
                if o.thread.is_none() {
                    o.thread = message_id.map(|m| m.to_string());
                }
            }
            mine.push(Delivery::Send(o));
        }
        if let Some((id, _)) = callback {
            let mut req = self.bot.answer_callback_query(id);
            if let Some(o) = &alert {
                req = req.text(o.text.plain().chars().take(MAX_ALERT).collect::<String>()).show_alert(true);
            }
            if let Err(e) = req.await {
                tracing::debug!("answering a button press failed: {e}");
            }
            // Shown, or the press is too old to answer: either way nothing is left to do.
            if let Some(o) = alert {
                self.engine.sent(o.id, None);
            }
        }
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

    /// Whether a delivery that failed before may be tried again now.
    fn due(&self, id: u64) -> bool {
        self.backoff.lock().unwrap_or_else(|e| e.into_inner()).get(&id).is_none_or(|(at, _)| Instant::now() >= *at)
    }

    /// Does one delivery and reports it: done, or back to the outbox for a later try.
    async fn deliver(&self, d: Delivery) {
        let id = d.id();
        if !self.due(id) {
            self.engine.failed(id);
            return;
        }
        let outcome = match d {
            Delivery::Delete { chat, message, .. } => self.delete(&chat, &message).await,
            Delivery::Edit { chat, message, buttons, .. } => self.edit(&chat, &message, &buttons).await,
            Delivery::Send(mut o) if o.ticket.is_some() && o.thread.is_none() => {
                self.find_thread(&mut o);
                match o.kind {
                    Kind::Refusal if o.thread.is_none() => Outcome::Done(Vec::new()),
                    _ => self.send(&o).await,
                }
            }
            // A refusal whose button press is gone (it waited in the outbox over a restart): it
            // goes to the ticket's thread, or nowhere rather than to the whole group.
            Delivery::Send(o) if o.kind == Kind::Refusal && o.thread.is_none() => Outcome::Done(Vec::new()),
            Delivery::Send(o) => self.send(&o).await,
        };
        let mut backoff = self.backoff.lock().unwrap_or_else(|e| e.into_inner());
        match outcome {
            Outcome::Done(parts) => {
                backoff.remove(&id);
                drop(backoff);
                self.engine.sent_parts(id, &parts);
            }
            Outcome::Later => {
                let tries = backoff.get(&id).map_or(0, |(_, n)| *n) + 1;
                let pause = (Duration::from_millis(500) * 2u32.saturating_pow(tries.min(10))).min(MAX_BACKOFF);
                backoff.insert(id, (Instant::now() + pause, tries));
                drop(backoff);
                tracing::debug!("a delivery will be tried again in {pause:?}");
                self.engine.failed(id);
            }
        }
    }

    /// A message about a ticket that was decided together with the ticket's post (a file the
    /// newcomer sent before asking for a person) goes under the post, which is sent by now: the same
    /// chat's deliveries go in order.
    fn find_thread(&self, o: &mut Outgoing) {
        let Some(ticket) = o.ticket else { return };
        if let Ok(msgs) = self.engine.store().ticket_messages(ticket) {
            o.thread = msgs.into_iter().find(|(c, _)| c == &o.chat).map(|(_, m)| m);
        }
    }

    /// Removes a message, or a whole forum topic (`@<id>`). A server error or a network failure
    /// leaves it for later; Telegram saying the message is gone, too old (48 hours) or not the
    /// bot's to delete ends it.
    async fn delete(&self, chat: &ChatRef, message: &str) -> Outcome {
        let Some(c) = chat_id(chat) else { return Outcome::Done(Vec::new()) };
        let result = match message.strip_prefix('@') {
            Some(t) => match t.parse::<i32>() {
                Ok(t) => self.bot.delete_forum_topic(c, ThreadId(MessageId(t))).await,
                Err(_) => return Outcome::Done(Vec::new()),
            },
            None => match message.parse::<i32>() {
                Ok(m) => self.bot.delete_message(c, MessageId(m)).await,
                Err(_) => return Outcome::Done(Vec::new()),
            },
        };
        match result {
            Ok(_) => Outcome::Done(Vec::new()),
            Err(RequestError::RetryAfter(s)) => {
                tokio::time::sleep(s.duration()).await;
                Outcome::Later
            }
            Err(e) if transient(&e) => {
                tracing::warn!("deleting a message failed ({e}); will try again");
                Outcome::Later
            }
            Err(e) => {
                tracing::info!("a message could not be deleted ({e}): already gone, older than 48 hours, or the bot may not delete there");
                Outcome::Done(Vec::new())
            }
        }
    }

    /// The message a ticket's forum topic starts with (the post with the buttons): recorded right
    /// after the topic itself among the ticket's messages.
    fn topic_post(&self, chat: &ChatRef, topic: &str) -> Option<i32> {
        let store = self.engine.store();
        let ticket = store.ticket_for_message(chat, topic).ok()??;
        let msgs = store.ticket_messages(ticket).ok()?;
        let at = msgs.iter().position(|(c, m)| c == chat && m == topic)?;
        msgs[at + 1..].iter().find(|(c, _)| c == chat).and_then(|(_, m)| m.parse().ok())
    }

    /// Replaces the buttons of a ticket's post (Claim becomes Release and Close, and so on).
    async fn edit(&self, chat: &ChatRef, message: &str, buttons: &[Vec<Button>]) -> Outcome {
        let Some(c) = chat_id(chat) else { return Outcome::Done(Vec::new()) };
        let target = match message.strip_prefix('@') {
            Some(_) => self.topic_post(chat, message),
            None => message.parse().ok(),
        };
        let Some(m) = target else { return Outcome::Done(Vec::new()) };
        let mut req = self.bot.edit_message_reply_markup(c, MessageId(m));
        // No buttons: the request without a keyboard removes it.
        if let Some(kb) = keyboard_of(buttons) {
            req = req.reply_markup(kb);
        }
        match req.await {
            Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => Outcome::Done(Vec::new()),
            Err(RequestError::RetryAfter(s)) => {
                tokio::time::sleep(s.duration()).await;
                Outcome::Later
            }
            Err(e) if transient(&e) => Outcome::Later,
            Err(e) => {
                tracing::info!("a ticket's buttons could not be changed: {e}");
                Outcome::Done(Vec::new())
            }
        }
    }

    /// One Bot API call, with rate limits waited out and passing failures tried again a few times.
    async fn retrying<T, F, Fut>(&self, mut call: F) -> std::result::Result<T, RequestError>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = std::result::Result<T, RequestError>>,
    {
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            match call().await {
                Err(RequestError::RetryAfter(secs)) => tokio::time::sleep(secs.duration()).await,
                Err(e) if transient(&e) && attempt < 3 => {
                    tracing::warn!("a request failed ({e}); retrying");
                    tokio::time::sleep(Duration::from_millis(250 << attempt)).await;
                }
                other => return other,
            }
        }
    }

    /// One text message, HTML, without link previews.
    async fn send_text(&self, at: Place, html: &str, kb: Option<InlineKeyboardMarkup>) -> std::result::Result<i32, RequestError> {
        let reply = at.reply.map(|t| {
            let mut rp = ReplyParameters::new(MessageId(t));
            rp.allow_sending_without_reply = Some(true);
            rp
        });
        let m = self
            .retrying(|| async {
                via!(self, |b| {
                    let mut req = b.send_message(at.chat, html.to_string()).parse_mode(ParseMode::Html).link_preview_options(no_preview());
                    if let Some(kb) = kb.clone() {
                        req = req.reply_markup(kb);
                    }
                    if let Some(rp) = reply.clone() {
                        req = req.reply_parameters(rp);
                    }
                    if let Some(t) = at.topic {
                        req = req.message_thread_id(ThreadId(MessageId(t)));
                    }
                    req
                })
            })
            .await?;
        Ok(m.id.0)
    }

    /// One file with an optional caption, by a chosen Bot API method.
    async fn send_file_as(
        &self,
        method: Method,
        at: Place,
        file: InputFile,
        caption: Option<&str>,
        kb: Option<InlineKeyboardMarkup>,
    ) -> std::result::Result<i32, RequestError> {
        let reply = at.reply.map(|t| {
            let mut rp = ReplyParameters::new(MessageId(t));
            rp.allow_sending_without_reply = Some(true);
            rp
        });
        // The same options for every method; a video note takes no caption.
        macro_rules! fill {
            ($req:expr, caption) => {{
                let mut req = $req;
                if let Some(c) = caption {
                    req = req.caption(c.to_string()).parse_mode(ParseMode::Html);
                }
                fill!(req)
            }};
            ($req:expr) => {{
                let mut req = $req;
                if let Some(kb) = kb.clone() {
                    req = req.reply_markup(kb);
                }
                if let Some(rp) = reply.clone() {
                    req = req.reply_parameters(rp);
                }
                if let Some(t) = at.topic {
                    req = req.message_thread_id(ThreadId(MessageId(t)));
                }
                req
            }};
        }
        let m = self
            .retrying(|| async {
                let f = file.clone();
                match method {
                    Method::Photo => via!(self, |b| fill!(b.send_photo(at.chat, f), caption)),
                    Method::Document => via!(self, |b| fill!(b.send_document(at.chat, f), caption)),
                    Method::Audio => via!(self, |b| fill!(b.send_audio(at.chat, f), caption)),
                    Method::Voice => via!(self, |b| fill!(b.send_voice(at.chat, f), caption)),
                    Method::Video => via!(self, |b| fill!(b.send_video(at.chat, f), caption)),
                    Method::Animation => via!(self, |b| fill!(b.send_animation(at.chat, f), caption)),
                    Method::VideoNote => via!(self, |b| fill!(b.send_video_note(at.chat, f))),
                }
            })
            .await?;
        Ok(m.id.0)
    }

    /// A file: again by its Telegram file id when it came from Telegram (no upload), else the copy
    /// in the media folder uploaded. `Ok(None)` when neither works (the text still says a file came).
    async fn send_file(&self, at: Place, m: &Media, caption: Option<&str>, kb: Option<InlineKeyboardMarkup>) -> std::result::Result<Option<i32>, RequestError> {
        if let Some((_, id)) = m.origin.as_ref().filter(|(p, _)| p == PLATFORM) {
            for method in files::methods(m) {
                // A video note has no caption: the caption then goes as text.
                if *method == Method::VideoNote && caption.is_some() {
                    continue;
                }
                match self.send_file_as(*method, at, InputFile::file_id(FileId(id.clone())), caption, kb.clone()).await {
                    Ok(mid) => return Ok(Some(mid)),
                    Err(e) if type_mismatch(&e) => continue,
                    Err(e) if transient(&e) => return Err(e),
                    Err(e) => {
                        tracing::warn!("sending a file by id failed: {e}");
                        break;
                    }
                }
            }
        }
        if let Some(path) = m.stored.as_deref().and_then(|s| files::stored_path(&self.media_dir, s)) {
            let name = m.name.clone().filter(|n| !n.trim().is_empty()).or_else(|| m.stored.clone()).unwrap_or_default();
            let upload = || InputFile::file(path.clone()).file_name(name.clone());
            let first = files::upload_method(m);
            match self.send_file_as(first, at, upload(), caption, kb.clone()).await {
                Ok(mid) => return Ok(Some(mid)),
                Err(e) if transient(&e) => return Err(e),
                Err(e) if first != Method::Document => {
                    tracing::info!("uploading a file as {first:?} failed ({e}); sending it as a document");
                    match self.send_file_as(Method::Document, at, upload(), caption, kb).await {
                        Ok(mid) => return Ok(Some(mid)),
                        Err(e) if transient(&e) => return Err(e),
                        Err(e) => tracing::warn!("uploading a file failed: {e}"),
                    }
                }
                Err(e) => tracing::warn!("uploading a file failed: {e}"),
            }
        }
        Ok(None)
    }

    /// Sends a message (text in parts, with its file) and returns the platform ids of what was shown.
    async fn send(&self, o: &Outgoing) -> Outcome {
        let Some(chat) = chat_id(&o.chat) else { return Outcome::Done(Vec::new()) };
        // A new ticket in a forum group gets its own topic; its id stands for the ticket ("@42").
        let mut topic: Option<i32> = o.thread.as_deref().and_then(|t| t.strip_prefix('@')).and_then(|t| t.parse().ok());
        let mut ids: Vec<String> = Vec::new();
        if o.ticket.is_some() && o.thread.is_none() && Some(chat.0) == self.advisors_chat && self.forum.load(Ordering::Relaxed) != FORUM_NO {
            let name: String = o.text.plain().lines().next().unwrap_or("Ticket").trim_start_matches("== ").chars().take(120).collect();
            match self.bot.create_forum_topic(chat, name).await {
                Ok(t) => {
                    self.forum.store(FORUM_YES, Ordering::Relaxed);
                    topic = Some(t.thread_id.0.0);
                    ids.push(format!("@{}", t.thread_id.0.0));
                }
                Err(RequestError::Api(_)) => self.forum.store(FORUM_NO, Ordering::Relaxed),
                Err(_) => return Outcome::Later,
            }
        }
        let at = Place { chat, reply: o.thread.as_deref().filter(|_| topic.is_none()).and_then(|t| t.parse().ok()), topic };
        let file = o.media.as_ref().filter(|m| m.is_file());
        let kb = keyboard_of(&o.buttons);
        // A ticket's post keeps its buttons on its first message, the one its id names (edited
        // later); other messages have them under the last part, where reading ends.
        let buttons_first = o.ticket.is_some();
        let fail = |ids: Vec<String>, e: RequestError| match e {
            RequestError::Api(ApiError::BotBlocked | ApiError::UserDeactivated | ApiError::ChatNotFound | ApiError::BotKicked | ApiError::BotKickedFromSupergroup) => {
                tracing::info!("a chat is no longer reachable (blocked or deleted); message dropped");
                Outcome::Done(ids)
            }
            e if transient(&e) && ids.is_empty() => {
                tracing::warn!("sending failed ({e}); will try again");
                Outcome::Later
            }
            e => {
                tracing::warn!("Telegram refused a message or a part of it: {e}");
                Outcome::Done(ids)
            }
        };

        // A file whose text fits in a caption is one message.
        let caption_parts = render_parts(&o.text, MAX_CAPTION);
        if let (Some(m), [(caption, _)]) = (file, caption_parts.as_slice()) {
            let caption = Some(caption.as_str()).filter(|c| !c.is_empty());
            match self.send_file(at, m, caption, kb.clone()).await {
                Ok(Some(mid)) => {
                    ids.push(mid.to_string());
                    return Outcome::Done(ids);
                }
                // The file cannot be sent: its text still goes.
                Ok(None) => {}
                Err(e) => return fail(ids, e),
            }
        }
        let parts = render(&o.text);
        let n = parts.len();
        let file_follows = file.is_some() && caption_parts.len() > 1;
        for (k, html) in parts.iter().enumerate() {
            let with_buttons = if buttons_first { k == 0 } else { k + 1 == n && !file_follows };
            match self.send_text(at, html, kb.clone().filter(|_| with_buttons)).await {
                Ok(mid) => ids.push(mid.to_string()),
                Err(e) => return fail(ids, e),
            }
        }
        if let (Some(m), true) = (file, file_follows) {
            let kb = kb.filter(|_| !buttons_first);
            match self.send_file(at, m, None, kb).await {
                Ok(Some(mid)) => ids.push(mid.to_string()),
                Ok(None) => {}
                Err(e) => tracing::warn!("sending a file after its text failed ({e}); the text was sent"),
            }
        }
        Outcome::Done(ids)
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
                    self.engine.metrics().set_connected(PLATFORM, true);
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
                    // Stored, and flushed to disk with everything the batch changed, before the next
                    // request confirms the batch to Telegram (which then forgets it).
                    let engine = self.engine.clone();
                    let value = offset.to_string();
                    tokio::task::spawn_blocking(move || engine.store().set_state(key, &value)).await??;
                    if *shutdown.borrow() {
                        return Ok(());
                    }
                }
                Err(RequestError::RetryAfter(s)) => tokio::time::sleep(s.duration()).await,
                Err(e) => {
                    // /readyz says so until Telegram answers again.
                    self.engine.metrics().set_connected(PLATFORM, false);
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

/// Runs the futures concurrently and returns when all are done.
async fn futures_join_all<F: std::future::Future<Output = ()>>(futs: impl Iterator<Item = F>) {
    let mut set: Vec<Option<std::pin::Pin<Box<F>>>> = futs.map(|f| Some(Box::pin(f))).collect();
    std::future::poll_fn(|cx| {
        let mut busy = false;
        for slot in set.iter_mut() {
            if let Some(f) = slot {
                if f.as_mut().poll(cx).is_ready() {
                    *slot = None;
                } else {
                    busy = true;
                }
            }
        }
        if busy { std::task::Poll::Pending } else { std::task::Poll::Ready(()) }
    })
    .await
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
    // Telegram forgets an update once it has the 200: what the update changed must be on disk.
    let engine = st.tg.engine.clone();
    match tokio::task::spawn_blocking(move || engine.store().flush()).await {
        Ok(Ok(())) => axum::http::StatusCode::OK,
        _ => axum::http::StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The webhook secret: from the configured environment variable, or derived from the token (Telegram
/// allows `A-Z a-z 0-9 _ -`, up to 256 characters).
pub fn webhook_secret(cfg: &TelegramConfig, token: &str) -> Result<String> {
    if let Some(var) = &cfg.webhook_secret_env {
        return crate::bot::secret(var).ok_or_else(|| anyhow!("[telegram] webhook_secret_env: environment variable {var} is not set"));
    }
    let h = blake3::hash(format!("wegwijs-webhook:{token}").as_bytes());
    Ok(h.to_hex()[..48].to_string())
}

