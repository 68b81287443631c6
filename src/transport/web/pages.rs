//! The page, its script and style, and the widget script: plain files shipped inside the binary
//! (`assets/`), with a strict Content-Security-Policy and caching headers.
//!
//! The page runs no inline script: its settings travel as a JSON data block, which the browser does
//! not execute. Trusted Types are required, so any attempt to put a string into `innerHTML` fails in
//! the browser; the script builds every node with `textContent`.

use super::{accept_header, protocol, Settings, Web};
use crate::conversation::Engine;
use crate::lang::Lang;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

const INDEX: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const CHAT_CSS: &str = include_str!("assets/chat.css");
const WIDGET_JS: &str = include_str!("assets/widget.js");

/// A file with a short content hash, for URLs that can be cached for good.
struct Asset {
    body: String,
    hash: String,
    content_type: &'static str,
}

impl Asset {
    fn new(body: String, content_type: &'static str) -> Asset {
        let hash = blake3::hash(body.as_bytes()).to_hex()[..16].to_string();
        Asset { body, hash, content_type }
    }
}

pub struct Pages {
    app: Asset,
    css: Asset,
    widget: Asset,
    csp: HeaderValue,
}

/// `&`, `<`, `>`, `"` and `'` for HTML text and attributes.
pub fn escape_html(s: &str) -> String {
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

/// JSON that is safe inside a `<script type="application/json">` block: no `<`, `>` or `&` that
/// could end it, and no line separators.
pub fn json_for_html(v: &serde_json::Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// The Content-Security-Policy of the page: nothing from elsewhere, no inline script or style, no
/// string-to-HTML sinks (Trusted Types), and only the allowed websites may frame it.
pub fn csp(settings: &Settings) -> String {
    let ws = settings.own_origin.replacen("http", "ws", 1);
    let mut ancestors = vec!["'self'".to_string()];
    ancestors.extend(settings.allowed.iter().cloned());
    format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' {ws}; \
         base-uri 'none'; form-action 'none'; frame-ancestors {}; require-trusted-types-for 'script'; trusted-types 'none'",
        ancestors.join(" ")
    )
}

impl Pages {
    pub fn new(engine: &Engine, settings: &Settings) -> Pages {
        // The widget's own words (its button and frame title) in every language of the bot.
        let snap = engine.snapshot();
        let municipality = engine.config().municipality.as_str();
        let labels: serde_json::Map<String, serde_json::Value> = engine
            .config()
            .languages
            .iter()
            .map(|&l| {
                let t = |id: &str| snap.locales.msg(l, id, &[("municipality", municipality)]);
                (l.code().to_string(), serde_json::json!({ "open": t("web-open"), "close": t("web-close"), "title": t("web-title"), "dir": protocol::dir(l) }))
            })
            .collect();
        let default = engine.config().default_language.code();
        let widget = WIDGET_JS.replace("__LABELS__", &serde_json::Value::Object(labels).to_string()).replace("__DEFAULT_LANG__", default);
        Pages {
            app: Asset::new(APP_JS.to_string(), "text/javascript; charset=utf-8"),
            css: Asset::new(CHAT_CSS.to_string(), "text/css; charset=utf-8"),
            widget: Asset::new(widget, "text/javascript; charset=utf-8"),
            csp: HeaderValue::from_str(&csp(settings)).unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'")),
        }
    }
}

/// The full page (also the widget's panel, with `?embed=1`), in the language of `?lang=`, else of
/// the browser; the script then follows the conversation's language.
pub async fn index(State(web): State<Arc<Web>>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    let mut embed = false;
    let mut poll = false;
    let mut page_lang = None;
    for (k, v) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        match k.as_ref() {
            "embed" => embed = v == "1",
            // For networks that pass no WebSockets (and for testing the fallback).
            "transport" => poll = v == "poll",
            "lang" => page_lang = Lang::from_code(&v).filter(|l| web.langs().contains(l)),
            _ => {}
        }
    }
    let lang = page_lang.or_else(|| accept_header(&web, &headers)).unwrap_or(web.engine.config().default_language);
    let texts = web.texts(lang);
    let text = |id: &str| texts.get(id).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let welcome: String = text("welcome").lines().filter(|l| !l.trim().is_empty()).map(|l| format!("<p>{}</p>", escape_html(l))).collect();
    let config = serde_json::json!({
        "lang": lang.code(),
        "dir": protocol::dir(lang),
        "pageLang": page_lang.map(|l| l.code()),
        "texts": texts,
        "maxChars": web.settings.max_chars,
        "embed": embed,
        "transport": if poll { "poll" } else { "auto" },
    });
    let p = &web.pages;
    // Texts first, data last: nothing inserted is looked at again.
    let mut html = INDEX.replace("{{welcome}}", "\u{0}welcome\u{0}");
    for id in super::TEXTS {
        html = html.replace(&format!("{{{{{id}}}}}"), &escape_html(&text(id)));
    }
    let html = html
        .replace("{{lang}}", lang.code())
        .replace("{{dir}}", protocol::dir(lang))
        .replace("{{css}}", &format!("assets/{}/chat.css", p.css.hash))
        .replace("{{js}}", &format!("assets/{}/app.js", p.app.hash))
        .replace("{{body-class}}", if embed { "embed" } else { "full" })
        .replace("\u{0}welcome\u{0}", &welcome)
        .replace("{{config}}", &json_for_html(&config));
    let mut r = html.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    h.insert(header::CONTENT_SECURITY_POLICY, p.csp.clone());
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    h.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=()"));
    r
}

fn serve_asset(a: &Asset, cache: &'static str, headers: &HeaderMap, cross_origin: bool) -> Response {
    let etag = format!("\"{}\"", a.hash);
    let fresh = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let mut r = if fresh { StatusCode::NOT_MODIFIED.into_response() } else { a.body.clone().into_response() };
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(a.content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    h.insert("cross-origin-resource-policy", HeaderValue::from_static(if cross_origin { "cross-origin" } else { "same-origin" }));
    r
}

/// The page's script and style under a content hash: cached for a year; an old hash (a page from
/// before an update) gets the current file, not cached.
pub async fn asset(State(web): State<Arc<Web>>, Path((hash, file)): Path<(String, String)>, headers: HeaderMap) -> Response {
    let a = match file.as_str() {
        "app.js" => &web.pages.app,
        "chat.css" => &web.pages.css,
        _ => return not_found().await,
    };
    let cache = if hash == a.hash { "public, max-age=31536000, immutable" } else { "no-cache" };
    serve_asset(a, cache, &headers, false)
}

/// The widget script, for other websites: revalidated hourly, so an update reaches every page soon.
pub async fn widget(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    serve_asset(&web.pages.widget, "public, max-age=3600", &headers, true)
}

pub async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found.\n").into_response()
}

/// Headers on every response.
pub async fn common_headers(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_cannot_leave_the_json_block_or_the_markup() {
        let v = serde_json::json!({ "t": "</script><script>alert(1)</script>\u{2028}&" });
        let s = json_for_html(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&') && !s.contains('\u{2028}'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v, "still the same JSON");
        assert_eq!(escape_html("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    #[test]
    fn the_policy_allows_nothing_inline_and_only_the_allowed_frames() {
        let cfg: crate::bot::WebConfig =
            toml::from_str("listen = \"127.0.0.1:8080\"\npublic_url = \"https://chat.leiden.nl/\"\nallowed_origins = [\"https://www.leiden.nl\"]").unwrap();
        let p = csp(&Settings::from_config(&cfg).unwrap());
        assert!(p.contains("script-src 'self';") && !p.contains("unsafe-inline") && !p.contains("unsafe-eval"), "{p}");
        assert!(p.contains("frame-ancestors 'self' https://www.leiden.nl;"), "{p}");
        assert!(p.contains("connect-src 'self' wss://chat.leiden.nl;"), "{p}");
        assert!(p.contains("require-trusted-types-for 'script'"), "{p}");
    }
}
