//! The web chat on the municipality's own website: a full page at `/` and `/widget.js`, which puts
//! a chat button and panel on any page (the panel is the same page in a frame).
//!
//! A thin adapter like the Telegram and Matrix ones. The page talks JSON ([`protocol`]) over a
//! WebSocket (`/ws`), or over long polling (`/api/*`) where WebSockets do not get through. A person
//! is known only by a random session token that the server makes and the browser keeps; the chat is
//! `ChatRef { platform: "web", chat: <session id> }`, where the session id is a hash of the token, so
//! neither the database nor the advisors ever see the token. Every message for the page waits in
//! [`sessions`] until the page acknowledges it and is only then marked sent: an advisor's answer that
//! comes while the tab is closed is there when the person returns.
//!
//! Limits: per conversation and per IP address ([`limits`]), a cap on message length, and origins
//! outside `allowed_origins` refused for the WebSocket and the API (and, through the
//! Content-Security-Policy's `frame-ancestors`, for embedding).

pub mod limits;
mod pages;
pub mod protocol;
pub mod sessions;

use crate::bot::WebConfig;
use crate::conversation::Engine;
use crate::lang::Lang;
use crate::message::{Action, ChatRef, Delivery, Incoming, Outgoing};
use anyhow::{anyhow, bail, Context, Result};
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use limits::{ConnectionGuard, IpLimits, Rates};
use protocol::ClientMsg;
use serde::Deserialize;
use serde_json::{Map, Value};
use sessions::{Live, Sessions};
use std::collections::HashSet;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// The platform name the core sees.
pub const PLATFORM: &str = "web";

/// Largest WebSocket message or API request body the server reads (a message is capped at
/// `max_message_chars` well below this; anything bigger is not a person typing).
const MAX_FRAME: usize = 64 * 1024;

/// How long a long poll waits for something to say.
const POLL_WAIT: Duration = Duration::from_secs(25);

/// A page must say hello this soon after connecting.
const HELLO_WITHIN: Duration = Duration::from_secs(20);

/// The server pings an idle WebSocket this often, and gives up on one silent for three times as long.
const PING_EVERY: Duration = Duration::from_secs(25);

/// Sessions with no connection and nothing waiting are dropped from memory after this.
const IDLE: Duration = Duration::from_secs(15 * 60);

/// Every text the page shows (besides the messages themselves), by locale id.
pub const TEXTS: &[&str] = &[
    "web-title",
    "web-open",
    "web-close",
    "web-conversation",
    "web-you",
    "web-bot",
    "web-question-label",
    "web-placeholder",
    "web-send",
    "web-typing",
    "web-forget",
    "web-forget-confirm",
    "web-forget-yes",
    "web-forget-no",
    "web-slow-down",
    "web-too-long",
    "web-offline",
    "web-new-tab",
    "web-noscript",
    "web-privacy",
    "web-error",
    "button-language",
    "button-advisor",
    "welcome",
];

/// `[web]` checked and resolved.
#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: String,
    /// The chat's own origin (`public_url` without its path).
    pub own_origin: String,
    /// Websites that may embed the chat and talk to it.
    pub allowed: Vec<String>,
    pub max_chars: usize,
    pub ip_header: Option<HeaderName>,
    pub undelivered: Duration,
}

/// `scheme://host[:port]` of an http(s) URL that names nothing more than an origin.
pub fn origin_of(url: &str, what: &str) -> Result<String> {
    let u = url::Url::parse(url.trim()).with_context(|| format!("[web] {what}: {url:?} is not a URL"))?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        bail!("[web] {what}: {url:?} must start with https:// (or http://) and name a host");
    }
    Ok(u.origin().ascii_serialization())
}

impl Settings {
    pub fn from_config(cfg: &WebConfig) -> Result<Settings> {
        let public = cfg.public_url.clone().unwrap_or_else(|| format!("http://{}/", cfg.listen));
        let own_origin = origin_of(&public, "public_url")?;
        let mut allowed = Vec::new();
        for o in &cfg.allowed_origins {
            let origin = origin_of(o, "allowed_origins")?;
            let u = url::Url::parse(o.trim())?;
            if u.path() != "/" || u.query().is_some() || u.fragment().is_some() {
                bail!("[web] allowed_origins: {o:?} is not an origin: give scheme, host and port only, such as \"https://www.leiden.nl\"");
            }
            allowed.push(origin);
        }
        if cfg.max_message_chars == 0 || cfg.max_message_chars > 20_000 {
            bail!("[web] max_message_chars: {} is outside 1..=20000", cfg.max_message_chars);
        }
        let ip_header = match &cfg.client_ip_header {
            Some(h) => Some(HeaderName::from_bytes(h.trim().as_bytes()).map_err(|_| anyhow!("[web] client_ip_header: {h:?} is not a header name"))?),
            None => None,
        };
        Ok(Settings {
            listen: cfg.listen.clone(),
            own_origin,
            allowed,
            max_chars: cfg.max_message_chars,
            ip_header,
            undelivered: Duration::from_secs(cfg.undelivered_days.max(1) as u64 * 86_400),
        })
    }
}

/// Runs the web chat.
pub struct Web {
    engine: Arc<Engine>,
    settings: Settings,
    sessions: Arc<Sessions>,
    ips: Arc<IpLimits>,
    pages: pages::Pages,
}

/// A session token: 32 random bytes as 64 lowercase hex digits.
fn new_token() -> Result<String> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).map_err(|e| anyhow!("no randomness for a session token: {e}"))?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

fn valid_token(t: &str) -> bool {
    t.len() == 64 && t.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The session id for a token: a one-way hash, so what is stored cannot be used to take over the
/// conversation.
pub fn session_id(token: &str) -> String {
    let key = blake3::derive_key("wegwijs web session id 2026", token.as_bytes());
    key[..16].iter().map(|x| format!("{x:02x}")).collect()
}

/// The best of the bot's languages in an `Accept-Language` header.
pub fn accept_language(header: &str, langs: &[Lang]) -> Option<Lang> {
    let mut tags: Vec<(f32, usize, Lang)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut it = part.split(';');
            let tag = it.next()?.trim();
            let q = it.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok())).unwrap_or(1.0);
            let lang = Lang::from_code(tag).filter(|l| langs.contains(l))?;
            (q > 0.0 && q.is_finite()).then_some((q, i, lang))
        })
        .collect();
    tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    tags.first().map(|t| t.2)
}

/// What the page sent, checked and ready for the engine.
enum Step {
    /// Answered at once (a notice, or nothing to do).
    Reply(Vec<Value>),
    /// For the engine; `id` is the page's message id.
    Engine { id: String, incoming: Incoming },
    Forget { id: String },
    Ack(Vec<u64>),
}

impl Web {
    pub fn new(engine: Arc<Engine>, cfg: &WebConfig) -> Result<Arc<Web>> {
        let settings = Settings::from_config(cfg)?;
        let rates = Rates {
            ip_per_minute: cfg.ip_per_minute,
            ip_burst: cfg.ip_burst,
            sessions_per_hour: cfg.new_sessions_per_ip_per_hour,
            max_connections: cfg.max_connections_per_ip,
        };
        let pages = pages::Pages::new(&engine, &settings);
        Ok(Arc::new(Web {
            sessions: Sessions::new(cfg.session_per_minute, cfg.session_burst),
            ips: IpLimits::new(rates),
            engine,
            settings,
            pages,
        }))
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Sessions in memory and messages waiting for a page (for tests and the load example).
    pub fn counts(&self) -> (usize, usize) {
        self.sessions.counts()
    }

    fn langs(&self) -> &[Lang] {
        &self.engine.config().languages
    }

    /// The page's texts in `lang`.
    pub fn texts(&self, lang: Lang) -> Map<String, Value> {
        let snap = self.engine.snapshot();
        let municipality = self.engine.config().municipality.as_str();
        let max = self.settings.max_chars.to_string();
        TEXTS
            .iter()
            .map(|id| {
                let args: &[(&str, &str)] = match *id {
                    "web-title" | "web-noscript" | "welcome" => &[("municipality", municipality)],
                    "web-too-long" => &[("max", max.as_str())],
                    _ => &[],
                };
                (id.to_string(), Value::String(snap.locales.msg(lang, id, args)))
            })
            .collect()
    }

    fn text(&self, lang: Lang, id: &str) -> String {
        let max = self.settings.max_chars.to_string();
        self.engine.snapshot().locales.msg(lang, id, &[("max", max.as_str())])
    }

    /// The routes: pages, assets, the WebSocket and the long-polling API.
    pub fn router(self: &Arc<Self>) -> Router {
        Router::new()
            .route("/", get(pages::index))
            .route("/widget.js", get(pages::widget))
            .route("/assets/{hash}/{file}", get(pages::asset))
            .route("/ws", get(ws_upgrade))
            .route("/api/hello", post(api_hello).options(api_preflight))
            .route("/api/send", post(api_send).options(api_preflight))
            .route("/api/poll", post(api_poll).options(api_preflight))
            .fallback(pages::not_found)
            .layer(axum::extract::DefaultBodyLimit::max(MAX_FRAME))
            .layer(axum::middleware::map_response(pages::common_headers))
            .with_state(self.clone())
    }

    /// Serves on a bound listener (tests bind port 0 and read the address first).
    pub async fn serve_on(self: Arc<Self>, listener: tokio::net::TcpListener, stop: impl std::future::Future<Output = ()> + Send + 'static) -> Result<()> {
        let app = self.router().into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, app).with_graceful_shutdown(stop).await.context("[web] serving")?;
        Ok(())
    }

    /// Takes what the engine has for web pages (advisors' answers, reminders, messages left over
    /// after a restart) into the sessions, where it waits for the page; lets messages that waited
    /// too long go; forgets idle sessions.
    pub async fn pump(&self, every: Duration, mut shutdown: watch::Receiver<bool>) {
        let mut last_sweep = Instant::now();
        loop {
            let engine = self.engine.clone();
            let pending = tokio::task::spawn_blocking(move || engine.pending(PLATFORM)).await.unwrap_or_default();
            let mut done = Vec::new();
            for d in pending {
                match d {
                    Delivery::Send(o) => self.hold(&o),
                    // Web pages have no room copies to delete or buttons to replace.
                    Delivery::Delete { id, .. } | Delivery::Edit { id, .. } => done.push(id),
                }
            }
            // A person who never came back: the text is deleted, as a delivered one would be.
            done.extend(self.sessions.expire(self.settings.undelivered));
            self.mark_sent(done).await;
            if last_sweep.elapsed() > Duration::from_secs(30) {
                self.sessions.sweep(IDLE);
                self.ips.sweep();
                last_sweep = Instant::now();
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = shutdown.changed() => return,
            }
        }
    }

    fn hold(&self, o: &Outgoing) {
        if o.chat.platform != PLATFORM || o.id == 0 {
            return;
        }
        let json: Arc<str> = protocol::message(o).to_string().into();
        self.sessions.hold(&o.chat.chat, o.id, json);
    }

    async fn mark_sent(&self, ids: Vec<u64>) {
        if ids.is_empty() {
            return;
        }
        let engine = self.engine.clone();
        let _ = tokio::task::spawn_blocking(move || {
            for id in ids {
                engine.sent(id, None);
            }
        })
        .await;
    }

    /// The origin check for the WebSocket and the API: the chat's own origin, the allowed ones, or
    /// the origin of the address the request itself was made to (the chat opened under another
    /// name, such as localhost). Requests without an Origin (not from a browser page) are refused.
    pub fn origin_allowed(&self, headers: &HeaderMap) -> Option<String> {
        let origin = headers.get(header::ORIGIN)?.to_str().ok()?.trim().to_ascii_lowercase();
        if origin == self.settings.own_origin || self.settings.allowed.contains(&origin) {
            return Some(origin);
        }
        let host = headers.get(header::HOST)?.to_str().ok()?;
        let (_, origin_host) = origin.split_once("://")?;
        origin_host.eq_ignore_ascii_case(host).then_some(origin)
    }

    fn client_ip(&self, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
        if let Some(h) = &self.settings.ip_header
            && let Some(ip) = headers
                .get_all(h)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|s| s.trim().parse::<IpAddr>().ok())
                .last()
        {
            return ip;
        }
        peer.ip()
    }

    /// The interface language for a session: the one chosen, else the conversation's, else the
    /// page's or browser's, else the bot's default.
    async fn ui_lang(&self, sid: &str) -> Lang {
        let engine = self.engine.clone();
        let key = ChatRef::new(PLATFORM, sid).key();
        let stored = tokio::task::spawn_blocking(move || {
            let store = engine.store();
            store.language(&key).ok().flatten().or_else(|| store.conversation_language(&key).ok().flatten())
        })
        .await
        .ok()
        .flatten();
        stored
            .or_else(|| self.sessions.hint(sid))
            .filter(|l| self.langs().contains(l))
            .unwrap_or(self.engine.config().default_language)
    }

    /// The language for a notice when nothing is known about the session yet.
    fn quick_lang(&self, sid: Option<&str>, hint: Option<Lang>) -> Lang {
        sid.and_then(|s| self.sessions.ui(s).or_else(|| self.sessions.hint(s)))
            .or(hint)
            .filter(|l| self.langs().contains(l))
            .unwrap_or(self.engine.config().default_language)
    }

    /// `hello`: finds the session for the token, or makes a new one (rate-limited per address).
    /// Returns the session id and the welcome, or the events that refuse.
    async fn hello(&self, ip: IpAddr, token: Option<String>, page_lang: Option<String>, accept: Option<Lang>) -> std::result::Result<(String, Value), Vec<Value>> {
        let hint = page_lang.as_deref().and_then(Lang::from_code).filter(|l| self.langs().contains(l)).or(accept);
        let (token, fresh) = match token.filter(|t| valid_token(t)) {
            Some(t) => (t, false),
            None => {
                if !self.ips.new_session(ip) {
                    let lang = self.quick_lang(None, hint);
                    return Err(vec![protocol::notice("slow-down", &self.text(lang, "web-slow-down"), None)]);
                }
                match new_token() {
                    Ok(t) => (t, true),
                    Err(e) => {
                        tracing::error!("{e:#}");
                        let lang = self.quick_lang(None, hint);
                        return Err(vec![protocol::notice("error", &self.text(lang, "web-error"), None)]);
                    }
                }
            }
        };
        let sid = session_id(&token);
        self.sessions.touch(&sid, hint);
        let lang = self.ui_lang(&sid).await;
        self.sessions.set_ui(&sid, lang);
        Ok((sid, protocol::welcome(fresh.then_some(token.as_str()), lang, self.texts(lang))))
    }

    /// Checks a message from the page: limits, size, shape.
    fn accept(&self, sid: &str, ip: IpAddr, msg: ClientMsg) -> Step {
        let lang = || self.quick_lang(Some(sid), None);
        let (id, input) = match msg {
            ClientMsg::Ack { ids } => return Step::Ack(ids.into_iter().take(1000).collect()),
            ClientMsg::Hello { .. } => return Step::Reply(Vec::new()),
            ClientMsg::Forget { id } if protocol::valid_client_id(&id) => return Step::Forget { id },
            ClientMsg::Text { id, text } if protocol::valid_client_id(&id) => {
                if text.chars().count() > self.settings.max_chars {
                    return Step::Reply(vec![protocol::notice("too-long", &self.text(lang(), "web-too-long"), Some(&id))]);
                }
                (id, crate::message::Input::Text(text))
            }
            ClientMsg::Action { id, data } if protocol::valid_client_id(&id) => match Action::decode(&data) {
                Some(a) => (id, crate::message::Input::Action(a)),
                // Crafted button data: nothing happens.
                None => return Step::Reply(vec![protocol::ok(&id)]),
            },
            _ => return Step::Reply(Vec::new()),
        };
        if !self.sessions.allow_message(sid) || !self.ips.message(ip) {
            return Step::Reply(vec![protocol::notice("slow-down", &self.text(lang(), "web-slow-down"), Some(&id))]);
        }
        let chat = ChatRef::new(PLATFORM, sid);
        let mut incoming = Incoming { input, ..Incoming::text(chat, sid, "") }.with_event_id(format!("{sid}:{id}"));
        if let Some(h) = self.sessions.hint(sid) {
            incoming = incoming.with_interface_lang(h.code());
        }
        Step::Engine { id, incoming }
    }

    /// Hands a message to the engine; its answers wait for the page. Returns the events for the
    /// page that sent it (the interface language, if it changed, goes to every tab).
    async fn run_engine(&self, sid: &str, id: &str, incoming: Incoming) -> Vec<Value> {
        let engine = self.engine.clone();
        let out = tokio::task::spawn_blocking(move || engine.handle(&incoming)).await.unwrap_or_default();
        for o in &out {
            self.hold(o);
        }
        let mut events = Vec::new();
        let lang = self.ui_lang(sid).await;
        if self.sessions.set_ui(sid, lang) {
            let ui = protocol::ui(lang, self.texts(lang));
            self.sessions.broadcast(sid, ui.to_string().into());
            events.push(ui);
        }
        events.push(protocol::ok(id));
        events
    }

    /// "Forget me": /forget through the engine, then the session is gone from memory too.
    async fn forget(&self, sid: &str, id: &str) -> Value {
        let chat = ChatRef::new(PLATFORM, sid);
        let incoming = Incoming::text(chat.clone(), sid, "/forget").with_event_id(format!("{sid}:{id}"));
        let engine = self.engine.clone();
        let out = tokio::task::spawn_blocking(move || engine.handle(&incoming)).await.unwrap_or_default();
        let mine: Vec<&Outgoing> = out.iter().filter(|o| o.chat == chat).collect();
        let confirmation = mine.last().map(|o| protocol::message(o));
        let mut done: Vec<u64> = mine.iter().map(|o| o.id).collect();
        let event = protocol::forgotten(confirmation);
        let released = self.sessions.remove(sid, event.to_string().into());
        // Their outbox rows went with /forget; only the leases are left to release.
        for r in released {
            self.engine.failed(r);
        }
        done.retain(|i| *i != 0);
        self.mark_sent(done).await;
        event
    }

    async fn acknowledge(&self, sid: &str, ids: &[u64]) {
        let done = self.sessions.ack(sid, ids);
        self.mark_sent(done).await;
    }

    /// One WebSocket connection, from hello to close.
    async fn connection(self: Arc<Self>, mut socket: WebSocket, ip: IpAddr, accept: Option<Lang>, _guard: ConnectionGuard) {
        let hello = match tokio::time::timeout(HELLO_WITHIN, socket.recv()).await {
            Ok(Some(Ok(Message::Text(t)))) => serde_json::from_str::<ClientMsg>(t.as_str()).ok(),
            _ => None,
        };
        let Some(ClientMsg::Hello { token, lang }) = hello else { return };
        let (sid, welcome) = match self.hello(ip, token, lang, accept).await {
            Ok(x) => x,
            Err(events) => {
                for e in events {
                    let _ = socket.send(Message::text(e.to_string())).await;
                }
                let _ = socket.send(Message::Close(None)).await;
                return;
            }
        };
        if socket.send(Message::text(welcome.to_string())).await.is_err() {
            return;
        }
        let mut attached = self.sessions.attach(&sid);
        let mut sent_here = HashSet::new();
        let mut ping = tokio::time::interval(PING_EVERY);
        ping.tick().await;
        let mut heard = Instant::now();
        if self.flush(&sid, &mut sent_here, &mut socket).await.is_err() {
            return;
        }
        loop {
            tokio::select! {
                m = socket.recv() => {
                    heard = Instant::now();
                    let msg = match m {
                        Some(Ok(Message::Text(t))) => match serde_json::from_str::<ClientMsg>(t.as_str()) {
                            Ok(m) => m,
                            Err(_) => continue,
                        },
                        Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                        Some(Ok(_)) => continue,
                    };
                    let events = match self.accept(&sid, ip, msg) {
                        Step::Reply(events) => events,
                        Step::Ack(ids) => {
                            self.acknowledge(&sid, &ids).await;
                            continue;
                        }
                        Step::Forget { id } => {
                            let event = self.forget(&sid, &id).await;
                            let _ = socket.send(Message::text(event.to_string())).await;
                            let _ = socket.send(Message::Close(None)).await;
                            return;
                        }
                        Step::Engine { id, incoming } => {
                            if socket.send(Message::text(protocol::typing().to_string())).await.is_err() {
                                break;
                            }
                            let events = self.run_engine(&sid, &id, incoming).await;
                            // Answers before the "ok" that ends the typing indicator.
                            if self.flush(&sid, &mut sent_here, &mut socket).await.is_err() {
                                break;
                            }
                            events
                        }
                    };
                    let mut failed = false;
                    for e in events {
                        failed |= socket.send(Message::text(e.to_string())).await.is_err();
                    }
                    if failed {
                        break;
                    }
                }
                l = attached.live.recv() => {
                    let r = match l {
                        Ok(Live::Flush) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => self.flush(&sid, &mut sent_here, &mut socket).await,
                        Ok(Live::Event(json)) => socket.send(Message::text(json.to_string())).await.map_err(|_| ()),
                        Ok(Live::Gone) | Err(tokio::sync::broadcast::error::RecvError::Closed) => {
                            let _ = socket.send(Message::Close(None)).await;
                            return;
                        }
                    };
                    if r.is_err() {
                        break;
                    }
                }
                _ = ping.tick() => {
                    if heard.elapsed() > PING_EVERY * 3 || socket.send(Message::Ping(Default::default())).await.is_err() {
                        break;
                    }
                }
            }
        }
    }

    /// Sends the session's waiting messages this connection has not sent yet.
    async fn flush(&self, sid: &str, sent_here: &mut HashSet<u64>, socket: &mut WebSocket) -> std::result::Result<(), ()> {
        for json in self.sessions.unsent(sid, sent_here) {
            socket.send(Message::text(json.to_string())).await.map_err(|_| ())?;
        }
        Ok(())
    }
}

fn forbidden() -> Response {
    (StatusCode::FORBIDDEN, "This website may not use this chat (origin not allowed).\n").into_response()
}

fn accept_header(web: &Web, headers: &HeaderMap) -> Option<Lang> {
    headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(|v| accept_language(v, web.langs()))
}

async fn ws_upgrade(State(web): State<Arc<Web>>, ConnectInfo(peer): ConnectInfo<SocketAddr>, headers: HeaderMap, ws: WebSocketUpgrade) -> Response {
    if web.origin_allowed(&headers).is_none() {
        return forbidden();
    }
    let ip = web.client_ip(peer, &headers);
    let Some(guard) = web.ips.connect(ip) else {
        return (StatusCode::TOO_MANY_REQUESTS, "Too many connections from this address.\n").into_response();
    };
    let accept = accept_header(&web, &headers);
    ws.max_message_size(MAX_FRAME).max_frame_size(MAX_FRAME).on_upgrade(move |socket| web.connection(socket, ip, accept, guard))
}

/// CORS for the allowed origins (the chat's own page needs none).
fn cors(origin: &str, mut r: Response) -> Response {
    if let Ok(v) = HeaderValue::from_str(origin) {
        let h = r.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    r
}

fn api_response(origin: &str, events: Vec<Value>) -> Response {
    let mut r = Json(serde_json::json!({ "events": events })).into_response();
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    cors(origin, r)
}

async fn api_preflight(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    let Some(origin) = web.origin_allowed(&headers) else { return forbidden() };
    let mut r = StatusCode::NO_CONTENT.into_response();
    let h = r.headers_mut();
    h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("POST"));
    h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type"));
    h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
    cors(&origin, r)
}

#[derive(Deserialize)]
struct ApiHello {
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

#[derive(Deserialize)]
struct ApiSend {
    token: String,
    msg: ClientMsg,
}

#[derive(Deserialize)]
struct ApiPoll {
    token: String,
    #[serde(default)]
    ack: Vec<u64>,
}

/// The session for an API call's token; `None` tells the page to start again.
fn api_session(token: &str) -> Option<String> {
    valid_token(token).then(|| session_id(token))
}

fn parse<T: serde::de::DeserializeOwned>(body: &[u8]) -> std::result::Result<T, Response> {
    serde_json::from_slice(body).map_err(|_| (StatusCode::BAD_REQUEST, "Not a message this chat understands.\n").into_response())
}

async fn api_hello(State(web): State<Arc<Web>>, ConnectInfo(peer): ConnectInfo<SocketAddr>, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let Some(origin) = web.origin_allowed(&headers) else { return forbidden() };
    let req: ApiHello = match parse(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let ip = web.client_ip(peer, &headers);
    let accept = accept_header(&web, &headers);
    match web.hello(ip, req.token, req.lang, accept).await {
        Ok((_, welcome)) => api_response(&origin, vec![welcome]),
        Err(events) => api_response(&origin, events),
    }
}

async fn api_send(State(web): State<Arc<Web>>, ConnectInfo(peer): ConnectInfo<SocketAddr>, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let Some(origin) = web.origin_allowed(&headers) else { return forbidden() };
    let req: ApiSend = match parse(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let Some(sid) = api_session(&req.token) else { return api_response(&origin, vec![protocol::reset()]) };
    web.sessions.touch(&sid, None);
    let ip = web.client_ip(peer, &headers);
    let events = match web.accept(&sid, ip, req.msg) {
        Step::Reply(events) => events,
        Step::Ack(ids) => {
            web.acknowledge(&sid, &ids).await;
            Vec::new()
        }
        Step::Forget { id } => vec![web.forget(&sid, &id).await],
        Step::Engine { id, incoming } => web.run_engine(&sid, &id, incoming).await,
    };
    api_response(&origin, events)
}

/// Long polling: acknowledges, then returns the waiting messages, or waits for some (or for an
/// event such as a new interface language) up to [`POLL_WAIT`].
async fn api_poll(State(web): State<Arc<Web>>, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let Some(origin) = web.origin_allowed(&headers) else { return forbidden() };
    let req: ApiPoll = match parse(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let Some(sid) = api_session(&req.token) else { return api_response(&origin, vec![protocol::reset()]) };
    web.acknowledge(&sid, &req.ack).await;
    let mut attached = web.sessions.attach(&sid);
    let mut events: Vec<Value> = Vec::new();
    let deadline = tokio::time::Instant::now() + POLL_WAIT;
    loop {
        let waiting = web.sessions.all_waiting(&sid);
        if !waiting.is_empty() || !events.is_empty() {
            events.extend(waiting.iter().filter_map(|j| serde_json::from_str(j).ok()));
            break;
        }
        match tokio::time::timeout_at(deadline, attached.live.recv()).await {
            Err(_) => break,
            Ok(Ok(Live::Event(json))) => events.extend(serde_json::from_str::<Value>(&json).ok()),
            Ok(Ok(Live::Gone) | Err(tokio::sync::broadcast::error::RecvError::Closed)) => {
                events.push(protocol::reset());
                break;
            }
            Ok(Ok(Live::Flush) | Err(_)) => {}
        }
    }
    api_response(&origin, events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_language_the_bot_speaks() {
        let all = Lang::ALL.to_vec();
        assert_eq!(accept_language("ar-EG,ar;q=0.9,en;q=0.8", &all), Some(Lang::Ar));
        assert_eq!(accept_language("en;q=0.5, ti;q=0.9", &all), Some(Lang::Ti));
        assert_eq!(accept_language("xx, de-AT;q=0.7", &all), Some(Lang::De));
        assert_eq!(accept_language("sv,da", &all), None);
        assert_eq!(accept_language("fa;q=0, nl", &all), Some(Lang::Nl), "q=0 means not this one");
        assert_eq!(accept_language("ar", &[Lang::Nl, Lang::En]), None, "only the bot's languages");
        assert_eq!(accept_language(";;;,q=,", &all), None);
    }

    #[test]
    fn the_session_id_is_a_one_way_hash_of_the_token() {
        let t = new_token().unwrap();
        assert!(valid_token(&t));
        let sid = session_id(&t);
        assert_eq!(sid.len(), 32);
        assert!(!t.contains(&sid) && !sid.contains(&t[..16]));
        assert_eq!(sid, session_id(&t));
        assert_ne!(sid, session_id(&new_token().unwrap()));
        assert!(!valid_token("ABC") && !valid_token(&"g".repeat(64)));
    }

    #[test]
    fn origins_are_checked_and_normalised() {
        assert_eq!(origin_of("https://www.Leiden.nl/", "x").unwrap(), "https://www.leiden.nl");
        assert_eq!(origin_of("http://127.0.0.1:8080", "x").unwrap(), "http://127.0.0.1:8080");
        assert!(origin_of("ftp://x.nl", "x").is_err());
        assert!(origin_of("*", "x").is_err());
        let cfg = |origins: &[&str]| -> WebConfig {
            let list = origins.iter().map(|o| format!("{o:?}")).collect::<Vec<_>>().join(", ");
            toml::from_str(&format!("listen = \"127.0.0.1:0\"\nallowed_origins = [{list}]")).unwrap()
        };
        assert!(Settings::from_config(&cfg(&["https://www.leiden.nl/chat"])).is_err(), "a path is not an origin");
        let s = Settings::from_config(&cfg(&["https://www.leiden.nl", "https://leiden.nl:8443/"])).unwrap();
        assert_eq!(s.allowed, vec!["https://www.leiden.nl".to_string(), "https://leiden.nl:8443".to_string()]);
        assert_eq!(s.own_origin, "http://127.0.0.1:0");
    }
}
