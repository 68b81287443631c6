//! A local fake of the Telegram Bot API: the real JSON protocol over HTTP on loopback, so teloxide's
//! real client can be pointed at it. It implements what Wegwijs uses, checks HTML and length the way
//! Telegram does (same 400 errors, with the error code as HTTP status), can answer 429 with
//! `retry_after`, 403 for blocked users and 500 for a failing `deleteMessage`, serves files (`getFile`
//! and the download path) and takes them back by file id (only as their own type, as Telegram does)
//! or as uploads, and records everything the bot did.
#![allow(dead_code)]

use axum::extract::{Path, State};
use axum::Json;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

pub const BOT_ID: i64 = 777_000;

/// A message the bot sent, as Telegram stored it.
#[derive(Debug, Clone)]
pub struct Sent {
    pub chat_id: i64,
    pub message_id: i64,
    pub html: String,
    /// The text after entity parsing (what the person reads).
    pub text: String,
    pub buttons: Vec<(String, String)>,
    pub reply_to: Option<i64>,
    /// The forum topic it was posted in.
    pub thread: Option<i64>,
    /// A file: the method's type ("photo", "document", "voice", …) and its file id.
    pub file: Option<(String, String)>,
    pub at: Instant,
}

/// A file Telegram holds: its type (a file id is only accepted again as this type) and content.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub kind: String,
    pub data: Vec<u8>,
    pub name: Option<String>,
}

#[derive(Default)]
pub struct Inner {
    pub updates: VecDeque<Value>,
    next_update: i64,
    next_message: i64,
    pub sent: Vec<Sent>,
    pub calls: Vec<(String, Value)>,
    /// Requests refused with an error (method, description).
    pub refused: Vec<(String, String)>,
    pub blocked: HashSet<i64>,
    /// Answer the next N sendMessage calls with 429.
    pub fail_429: u32,
    pub deleted: Vec<(i64, i64)>,
    /// Groups that are forums (topics can be created there).
    pub forums: HashSet<i64>,
    /// Forum topics created: (chat, thread id, name); and deleted ones.
    pub topics: Vec<(i64, i64, String)>,
    pub deleted_topics: Vec<(i64, i64)>,
    /// When each update was queued (update id → instant), for latency.
    pub queued_at: std::collections::HashMap<i64, Instant>,
    /// Files by file id.
    pub files: HashMap<String, StoredFile>,
    next_file: i64,
    /// Keyboards replaced by `editMessageReplyMarkup`: (chat, message, buttons after).
    pub edits: Vec<(i64, i64, Vec<(String, String)>)>,
    /// Answer the next N deleteMessage calls with 500 Internal Server Error.
    pub fail_delete: u32,
}

#[derive(Clone)]
pub struct Fake {
    pub inner: Arc<Mutex<Inner>>,
    notify: Arc<Notify>,
    pub url: String,
}

type Reply = (axum::http::StatusCode, Json<Value>);

fn ok(result: Value) -> Reply {
    (axum::http::StatusCode::OK, Json(json!({ "ok": true, "result": result })))
}

/// An error as Telegram sends it: the error code is also the HTTP status.
fn err(code: u16, description: &str) -> Reply {
    let status = axum::http::StatusCode::from_u16(code).unwrap_or(axum::http::StatusCode::BAD_REQUEST);
    (status, Json(json!({ "ok": false, "error_code": code, "description": description })))
}

const BOT_USER: &str = "wegwijs_test_bot";

fn bot_from() -> Value {
    json!({ "id": BOT_ID, "is_bot": true, "first_name": "Wegwijs", "username": BOT_USER })
}

/// The Bot API methods that send a file, and the field holding it.
const FILE_METHODS: &[(&str, &str)] = &[
    ("sendPhoto", "photo"),
    ("sendDocument", "document"),
    ("sendAudio", "audio"),
    ("sendVoice", "voice"),
    ("sendVideo", "video"),
    ("sendAnimation", "animation"),
    ("sendVideoNote", "video_note"),
];

/// The message object's field for a file of `kind`, as Telegram returns it.
fn file_object(kind: &str, id: &str, f: &StoredFile) -> Value {
    let size = f.data.len();
    let unique = format!("u{id}");
    match kind {
        "photo" => json!([{ "file_id": format!("{id}s"), "file_unique_id": format!("{unique}s"), "width": 90, "height": 60, "file_size": 100 },
                          { "file_id": id, "file_unique_id": unique, "width": 1280, "height": 960, "file_size": size }]),
        "document" => json!({ "file_id": id, "file_unique_id": unique, "file_name": f.name.clone().unwrap_or_else(|| "file".into()), "mime_type": "application/pdf", "file_size": size }),
        "voice" => json!({ "file_id": id, "file_unique_id": unique, "duration": 3, "mime_type": "audio/ogg", "file_size": size }),
        "audio" => json!({ "file_id": id, "file_unique_id": unique, "duration": 3, "file_name": f.name.clone().unwrap_or_else(|| "audio.mp3".into()), "file_size": size }),
        "video" | "animation" => json!({ "file_id": id, "file_unique_id": unique, "width": 640, "height": 480, "duration": 3, "file_size": size }),
        _ => json!({ "file_id": id, "file_unique_id": unique, "length": 240, "duration": 3, "file_size": size }),
    }
}

fn now_secs() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// Telegram's HTML: only its tags, every `<`, `>`, `&` escaped, tags balanced. Returns the visible text.
pub fn parse_html(html: &str) -> Result<String, String> {
    const TAGS: &[&str] = &["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler", "span", "blockquote"];
    let mut stack: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                let end = rest.find('>').ok_or_else(|| "Can't find end of the entity starting at byte offset".to_string())?;
                let tag = &rest[1..end];
                if let Some(name) = tag.strip_prefix('/') {
                    match stack.pop() {
                        Some(open) if open == name.trim() => {}
                        _ => return Err(format!("Unmatched end tag at byte offset: expected \"{}\", found \"{name}\"", stack.last().cloned().unwrap_or_default())),
                    }
                } else {
                    let name = tag.split_whitespace().next().unwrap_or("");
                    if !TAGS.contains(&name) {
                        return Err(format!("Unsupported start tag \"{name}\" at byte offset"));
                    }
                    if name == "a" {
                        let href = tag.split_once("href=\"").map(|(_, r)| r).and_then(|r| r.split_once('"')).map(|(h, _)| h);
                        if href.is_none() {
                            return Err("Can't parse entities: a tag without href".into());
                        }
                    }
                    stack.push(name.to_string());
                }
                rest = &rest[end + 1..];
            }
            '>' => return Err("Can't parse entities: character '>' is reserved".into()),
            '&' => {
                let end = rest.find(';').filter(|e| *e <= 10).ok_or_else(|| "Can't parse entities: unsupported entity".to_string())?;
                let ent = &rest[1..end];
                let ch = match ent {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "quot" => '"',
                    e if e.starts_with('#') => e[1..].parse::<u32>().ok().and_then(char::from_u32).ok_or("Can't parse entities: bad numeric entity")?,
                    _ => return Err(format!("Can't parse entities: unsupported entity &{ent};")),
                };
                text.push(ch);
                rest = &rest[end + 1..];
            }
            c => {
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!("Can't find end tag corresponding to start tag \"{open}\""));
    }
    Ok(text)
}

impl Fake {
    pub async fn start() -> Fake {
        let inner = Arc::new(Mutex::new(Inner { next_update: 1000, next_message: 1, ..Default::default() }));
        let notify = Arc::new(Notify::new());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/", listener.local_addr().unwrap());
        let fake = Fake { inner, notify, url };
        let app = axum::Router::new()
            .route("/{bot}/{method}", axum::routing::post(handle))
            .route("/file/{bot}/{*path}", axum::routing::get(download))
            .with_state(fake.clone());
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        fake
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn user(id: i64, lang: Option<&str>) -> Value {
        let mut u = json!({ "id": id, "is_bot": false, "first_name": format!("User{id}") });
        if let Some(l) = lang {
            u["language_code"] = json!(l);
        }
        u
    }

    fn chat(id: i64) -> Value {
        if id < 0 {
            json!({ "id": id, "type": "supergroup", "title": "Advisors" })
        } else {
            json!({ "id": id, "type": "private", "first_name": format!("User{id}") })
        }
    }

    fn push(&self, mut update: Value) -> i64 {
        let mut g = self.lock();
        g.next_update += 1;
        let id = g.next_update;
        update["update_id"] = json!(id);
        g.updates.push_back(update);
        g.queued_at.insert(id, Instant::now());
        drop(g);
        self.notify.notify_waiters();
        id
    }

    fn new_message_id(&self) -> i64 {
        let mut g = self.lock();
        g.next_message += 1;
        g.next_message
    }

    /// A text message from `user` in `chat` (private when positive, the group when negative).
    pub fn text(&self, chat: i64, user: i64, text: &str, lang: Option<&str>, reply_to: Option<i64>) -> i64 {
        let mid = self.new_message_id();
        let mut m = json!({ "message_id": mid, "date": now_secs(), "chat": Self::chat(chat), "from": Self::user(user, lang), "text": text });
        if let Some(r) = reply_to {
            m["reply_to_message"] = json!({ "message_id": r, "date": now_secs(), "chat": Self::chat(chat),
                "from": { "id": BOT_ID, "is_bot": true, "first_name": "Wegwijs", "username": "wegwijs_test_bot" }, "text": "…" });
        }
        self.push(json!({ "message": m }))
    }

    /// Registers a file Telegram holds and returns its file id.
    pub fn add_file(&self, kind: &str, data: &[u8], name: Option<&str>) -> String {
        let mut g = self.lock();
        g.next_file += 1;
        let id = format!("F{}-{kind}", g.next_file);
        g.files.insert(id.clone(), StoredFile { kind: kind.into(), data: data.to_vec(), name: name.map(String::from) });
        id
    }

    /// A file message from `user`: `kind` is "photo", "document" or "voice", with an optional caption.
    pub fn file(&self, chat: i64, user: i64, kind: &str, data: &[u8], name: Option<&str>, caption: Option<&str>, reply_to: Option<i64>) -> i64 {
        let id = self.add_file(kind, data, name);
        let f = self.lock().files[&id].clone();
        let mid = self.new_message_id();
        let mut m = json!({ "message_id": mid, "date": now_secs(), "chat": Self::chat(chat), "from": Self::user(user, None) });
        m[kind] = file_object(kind, &id, &f);
        if let Some(c) = caption {
            m["caption"] = json!(c);
        }
        if let Some(r) = reply_to {
            m["reply_to_message"] = json!({ "message_id": r, "date": now_secs(), "chat": Self::chat(chat), "from": bot_from(), "text": "…" });
        }
        self.push(json!({ "message": m }))
    }

    /// A message written inside a forum topic.
    pub fn text_in_topic(&self, chat: i64, user: i64, text: &str, thread: i64) -> i64 {
        let mid = self.new_message_id();
        let mut c = Self::chat(chat);
        c["is_forum"] = json!(true);
        let m = json!({ "message_id": mid, "message_thread_id": thread, "is_topic_message": true, "date": now_secs(), "chat": c, "from": Self::user(user, None), "text": text });
        self.push(json!({ "message": m }))
    }

    /// A button press on the bot's message `message_id`.
    pub fn press(&self, chat: i64, user: i64, message_id: i64, data: &str) -> i64 {
        let q = json!({
            "id": format!("cq{}", self.new_message_id()),
            "from": Self::user(user, None),
            "message": { "message_id": message_id, "date": now_secs(), "chat": Self::chat(chat),
                "from": { "id": BOT_ID, "is_bot": true, "first_name": "Wegwijs", "username": "wegwijs_test_bot" }, "text": "…" },
            "chat_instance": "ci",
            "data": data,
        });
        self.push(json!({ "callback_query": q }))
    }

    /// A raw update as JSON (for webhook tests), numbered like the others but not queued.
    pub fn raw_text_update(&self, chat: i64, user: i64, text: &str) -> Value {
        let mut g = self.lock();
        g.next_update += 1;
        g.next_message += 1;
        json!({ "update_id": g.next_update, "message": { "message_id": g.next_message, "date": now_secs(), "chat": Self::chat(chat), "from": Self::user(user, None), "text": text } })
    }

    pub fn sent_to(&self, chat: i64) -> Vec<Sent> {
        self.lock().sent.iter().filter(|s| s.chat_id == chat).cloned().collect()
    }

    pub fn calls(&self, method: &str) -> Vec<Value> {
        self.lock().calls.iter().filter(|(m, _)| m == method).map(|(_, v)| v.clone()).collect()
    }

    /// Waits until `cond` holds (checked every 20 ms), or panics after `secs`.
    pub async fn wait_until(&self, secs: u64, what: &str, cond: impl Fn(&Inner) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if cond(&self.lock()) {
                return;
            }
            if Instant::now() > deadline {
                let g = self.lock();
                let texts: Vec<String> = g.sent.iter().map(|s| format!("{} → {}", s.chat_id, s.text.chars().take(80).collect::<String>())).collect();
                let calls: Vec<String> = g.calls.iter().map(|(m, v)| format!("{m} {}", v.to_string().chars().take(120).collect::<String>())).take(30).collect();
                panic!("timed out waiting for: {what}\nsent so far:\n{}\nrefused: {:?}\ncalls:\n{}", texts.join("\n"), g.refused, calls.join("\n"));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Messages sent to `chat` whose text contains `needle`.
    pub fn count(&self, chat: i64, needle: &str) -> usize {
        self.lock().sent.iter().filter(|s| s.chat_id == chat && s.text.contains(needle)).count()
    }
}

/// Form fields of a `multipart/form-data` body (teloxide sends `setWebhook` that way); values that
/// are JSON stay JSON, others become strings.
fn multipart(content_type: &str, body: &[u8]) -> Value {
    let Some(boundary) = content_type.split("boundary=").nth(1) else { return json!({}) };
    let boundary = format!("--{}", boundary.trim_matches('"'));
    let text = String::from_utf8_lossy(body);
    let mut out = serde_json::Map::new();
    for part in text.split(boundary.as_str()) {
        let Some((head, value)) = part.split_once("\r\n\r\n") else { continue };
        let Some(name) = head.split("name=\"").nth(1).and_then(|r| r.split('"').next()) else { continue };
        let value = value.trim_end_matches("\r\n").to_string();
        // An uploaded file: its part has a file name.
        if let Some(file_name) = head.split("filename=\"").nth(1).and_then(|r| r.split('"').next()) {
            out.insert(name.to_string(), json!({ "upload": file_name, "data": value }));
            continue;
        }
        let v = serde_json::from_str::<Value>(&value).ok().filter(|v| !v.is_number() || value.trim().parse::<f64>().is_ok()).unwrap_or(Value::String(value));
        out.insert(name.to_string(), v);
    }
    Value::Object(out)
}

/// `GET /file/bot<token>/<path>`: a file's content, as Telegram serves what `getFile` named.
async fn download(State(fake): State<Fake>, Path((bot, path)): Path<(String, String)>) -> (axum::http::StatusCode, Vec<u8>) {
    let id = path.rsplit('/').next().unwrap_or("").to_string();
    match fake.lock().files.get(&id) {
        Some(f) if bot.starts_with("bot") => (axum::http::StatusCode::OK, f.data.clone()),
        _ => (axum::http::StatusCode::NOT_FOUND, Vec::new()),
    }
}

/// The buttons of an inline keyboard as (label, callback data).
fn buttons_of(markup: &Value) -> Vec<(String, String)> {
    markup["inline_keyboard"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .flat_map(|r| r.as_array().cloned().unwrap_or_default())
                .map(|b| (b["text"].as_str().unwrap_or("").to_string(), b["callback_data"].as_str().unwrap_or("").to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// sendPhoto, sendDocument and the like: by file id (only as the file's own type) or as an upload
/// (`attach://<part>` naming a part of the form), with an optional HTML caption of up to 1,024
/// characters.
fn send_file(fake: &Fake, method: &str, field: &str, body: &Value) -> Reply {
    let chat_id = body["chat_id"].as_i64().unwrap_or(0);
    if fake.lock().blocked.contains(&chat_id) {
        fake.lock().refused.push((method.into(), "blocked".into()));
        return err(403, "Forbidden: bot was blocked by the user");
    }
    let kind = if field == "video_note" { "video_note" } else { field };
    let file_id = match &body[field] {
        Value::String(v) if v.starts_with("attach://") => {
            let part = &body[&v["attach://".len()..]];
            let (Some(name), Some(data)) = (part["upload"].as_str(), part["data"].as_str()) else {
                fake.lock().refused.push((method.into(), "no upload".into()));
                return err(400, "Bad Request: file must be non-empty");
            };
            if data.is_empty() {
                fake.lock().refused.push((method.into(), "empty upload".into()));
                return err(400, "Bad Request: file must be non-empty");
            }
            fake.add_file(kind, data.as_bytes(), Some(name))
        }
        Value::String(id) => {
            let known = fake.lock().files.get(id).map(|f| f.kind.clone());
            match known {
                None => {
                    fake.lock().refused.push((method.into(), "wrong file id".into()));
                    return err(400, "Bad Request: wrong file identifier/HTTP URL specified");
                }
                Some(k) if k != kind => {
                    fake.lock().refused.push((method.into(), "type of file mismatch".into()));
                    return err(400, &format!("Bad Request: type of file mismatch: a {k} sent as {kind}"));
                }
                Some(_) => id.clone(),
            }
        }
        _ => return err(400, "Bad Request: there is no file in the request"),
    };
    let html = body["caption"].as_str().unwrap_or("").to_string();
    let text = if body["parse_mode"].as_str() == Some("HTML") {
        match parse_html(&html) {
            Ok(t) => t,
            Err(e) => {
                fake.lock().refused.push((method.into(), e.clone()));
                return err(400, &format!("Bad Request: can't parse entities: {e}"));
            }
        }
    } else {
        html.clone()
    };
    if text.encode_utf16().count() > 1024 {
        fake.lock().refused.push((method.into(), "caption too long".into()));
        return err(400, "Bad Request: message caption is too long");
    }
    let buttons = buttons_of(&body["reply_markup"]);
    let reply_to = body["reply_parameters"]["message_id"].as_i64();
    let thread = body["message_thread_id"].as_i64();
    let mid = fake.new_message_id();
    let f = fake.lock().files[&file_id].clone();
    fake.lock().sent.push(Sent { chat_id, message_id: mid, html, text: text.clone(), buttons, reply_to, thread, file: Some((kind.into(), file_id.clone())), at: Instant::now() });
    let mut m = json!({ "message_id": mid, "date": now_secs(), "chat": Fake::chat(chat_id), "from": bot_from() });
    m[kind] = file_object(kind, &file_id, &f);
    if !text.is_empty() {
        m["caption"] = json!(text);
    }
    ok(m)
}

async fn handle(State(fake): State<Fake>, Path((bot, method)): Path<(String, String)>, headers: axum::http::HeaderMap, raw: axum::body::Bytes) -> Reply {
    let content_type = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let body: Option<Json<Value>> = if content_type.starts_with("multipart/form-data") {
        Some(Json(multipart(&content_type, &raw)))
    } else {
        serde_json::from_slice(&raw).ok().map(Json)
    };
    if !bot.starts_with("bot") {
        return err(404, "Not Found");
    }
    // Telegram's method names are case-insensitive (teloxide sends "SendMessage").
    let mut method = method;
    if let Some(first) = method.get(..1) {
        method = first.to_lowercase() + &method[1..];
    }
    let body = body.map(|Json(v)| v).unwrap_or(json!({}));
    fake.lock().calls.push((method.clone(), body.clone()));
    match method.as_str() {
        "getMe" => ok(json!({ "id": BOT_ID, "is_bot": true, "first_name": "Wegwijs", "username": "wegwijs_test_bot",
            "can_join_groups": true, "can_read_all_group_messages": true, "supports_inline_queries": false, "has_main_web_app": false })),
        "getUpdates" => {
            let offset = body["offset"].as_i64().unwrap_or(0);
            let timeout = body["timeout"].as_u64().unwrap_or(0).min(30);
            let deadline = Instant::now() + Duration::from_secs(timeout);
            loop {
                let notified = fake.notify.notified();
                {
                    let mut g = fake.lock();
                    // Confirmed updates are forgotten, as Telegram does.
                    while g.updates.front().is_some_and(|u| u["update_id"].as_i64().unwrap_or(0) < offset) {
                        g.updates.pop_front();
                    }
                    if !g.updates.is_empty() {
                        let batch: Vec<Value> = g.updates.iter().take(100).cloned().collect();
                        return ok(json!(batch));
                    }
                }
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return ok(json!([]));
                }
                let _ = tokio::time::timeout(left, notified).await;
            }
        }
        "sendMessage" | "editMessageText" => {
            let chat_id = body["chat_id"].as_i64().unwrap_or(0);
            let html = body["text"].as_str().unwrap_or("").to_string();
            {
                let mut g = fake.lock();
                if g.blocked.contains(&chat_id) {
                    g.refused.push((method.clone(), "blocked".into()));
                    return err(403, "Forbidden: bot was blocked by the user");
                }
                if g.fail_429 > 0 && method == "sendMessage" {
                    g.fail_429 -= 1;
                    return (axum::http::StatusCode::TOO_MANY_REQUESTS, Json(json!({ "ok": false, "error_code": 429, "description": "Too Many Requests: retry after 1", "parameters": { "retry_after": 1 } })));
                }
            }
            let text = if body["parse_mode"].as_str() == Some("HTML") {
                match parse_html(&html) {
                    Ok(t) => t,
                    Err(e) => {
                        fake.lock().refused.push((method.clone(), e.clone()));
                        return err(400, &format!("Bad Request: can't parse entities: {e}"));
                    }
                }
            } else {
                html.clone()
            };
            if text.trim().is_empty() {
                fake.lock().refused.push((method.clone(), "empty".into()));
                return err(400, "Bad Request: message text is empty");
            }
            if text.encode_utf16().count() > 4096 {
                fake.lock().refused.push((method.clone(), "too long".into()));
                return err(400, "Bad Request: message is too long");
            }
            let buttons = buttons_of(&body["reply_markup"]);
            for (_, data) in &buttons {
                if data.len() > 64 {
                    fake.lock().refused.push((method.clone(), "callback data".into()));
                    return err(400, "Bad Request: BUTTON_DATA_INVALID");
                }
            }
            let reply_to = body["reply_parameters"]["message_id"].as_i64();
            let thread = body["message_thread_id"].as_i64();
            if let Some(t) = thread {
                if !fake.lock().topics.iter().any(|(c, id, _)| *c == chat_id && *id == t) {
                    fake.lock().refused.push((method.clone(), "thread not found".into()));
                    return err(400, "Bad Request: message thread not found");
                }
            }
            let mid = fake.new_message_id();
            fake.lock().sent.push(Sent { chat_id, message_id: mid, html, text: text.clone(), buttons, reply_to, thread, file: None, at: Instant::now() });
            ok(json!({ "message_id": mid, "date": now_secs(), "chat": Fake::chat(chat_id),
                "from": { "id": BOT_ID, "is_bot": true, "first_name": "Wegwijs", "username": "wegwijs_test_bot" }, "text": text }))
        }
        "createForumTopic" => {
            let chat_id = body["chat_id"].as_i64().unwrap_or(0);
            if !fake.lock().forums.contains(&chat_id) {
                return err(400, "Bad Request: the chat is not a forum");
            }
            let name = body["name"].as_str().unwrap_or("").to_string();
            if name.is_empty() || name.chars().count() > 128 {
                return err(400, "Bad Request: TOPIC_NAME_INVALID");
            }
            let tid = fake.new_message_id();
            fake.lock().topics.push((chat_id, tid, name.clone()));
            ok(json!({ "message_thread_id": tid, "name": name, "icon_color": 7322096 }))
        }
        "deleteForumTopic" => {
            let (c, t) = (body["chat_id"].as_i64().unwrap_or(0), body["message_thread_id"].as_i64().unwrap_or(0));
            fake.lock().deleted_topics.push((c, t));
            ok(json!(true))
        }
        "deleteMessage" => {
            let (c, m) = (body["chat_id"].as_i64().unwrap_or(0), body["message_id"].as_i64().unwrap_or(0));
            let mut g = fake.lock();
            if g.fail_delete > 0 {
                g.fail_delete -= 1;
                return err(500, "Internal Server Error");
            }
            if g.deleted.contains(&(c, m)) {
                return err(400, "Bad Request: message to delete not found");
            }
            g.deleted.push((c, m));
            ok(json!(true))
        }
        "editMessageReplyMarkup" => {
            let (c, m) = (body["chat_id"].as_i64().unwrap_or(0), body["message_id"].as_i64().unwrap_or(0));
            let buttons = buttons_of(&body["reply_markup"]);
            let mut g = fake.lock();
            let deleted = g.deleted.contains(&(c, m));
            let Some(msg) = g.sent.iter_mut().find(|s| s.chat_id == c && s.message_id == m).filter(|_| !deleted) else {
                return err(400, "Bad Request: message to edit not found");
            };
            if msg.buttons == buttons {
                return err(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }
            msg.buttons = buttons.clone();
            let text = msg.text.clone();
            g.edits.push((c, m, buttons));
            drop(g);
            ok(json!({ "message_id": m, "date": now_secs(), "chat": Fake::chat(c), "from": bot_from(), "text": text, "reply_markup": body["reply_markup"] }))
        }
        "getFile" => {
            let id = body["file_id"].as_str().unwrap_or("").to_string();
            match fake.lock().files.get(&id) {
                Some(f) => ok(json!({ "file_id": id, "file_unique_id": format!("u{id}"), "file_size": f.data.len(), "file_path": format!("{}s/{id}", f.kind) })),
                None => err(400, "Bad Request: wrong file_id or the file is temporarily unavailable"),
            }
        }
        m if FILE_METHODS.iter().any(|(name, _)| *name == m) => {
            let field = FILE_METHODS.iter().find(|(name, _)| *name == m).map(|(_, f)| *f).unwrap_or("document");
            send_file(&fake, m, field, &body)
        }
        "answerCallbackQuery" | "setMyCommands" | "sendChatAction" | "setWebhook" | "deleteWebhook" => ok(json!(true)),
        _ => err(404, "Not Found: method not found"),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_html;

    #[test]
    fn the_fake_parses_html_like_telegram() {
        assert_eq!(parse_html("<b>a &amp; b</b> <a href=\"https://x\">y</a>").unwrap(), "a & b y");
        assert!(parse_html("<b>a").is_err());
        assert!(parse_html("<script>x</script>").is_err());
        assert!(parse_html("a < b").is_err());
        assert!(parse_html("a & b").is_err());
        assert!(parse_html("<b><i>x</b></i>").is_err());
    }
}
