//! What travels between the page and the server, as JSON, over the WebSocket or the long-polling
//! fallback (the same messages both ways).
//!
//! The page sends `hello` (its session token, if it has one), `text`, `action` (a button's compact
//! [`Action`] code), `forget` and `ack` (the outbox ids it has shown). The server sends `welcome`,
//! `ui` (the interface language changed), `msg` (a message from the bot or an advisor, as rich-text
//! blocks), `typing`, `ok` (a message was handled), `notice` (slow down, too long) and `forgotten`.
//! Text is never sent as HTML: the page builds its DOM from these blocks with `textContent`.

use crate::lang::Lang;
use crate::message::{Block, Inline, Kind, Outgoing};
use serde::Deserialize;
use serde_json::{json, Map, Value};

/// A message from the page.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum ClientMsg {
    /// The first message on a connection: the session token kept by the browser (none on a first
    /// visit) and the page's language (`data-lang` of the widget, `?lang=`), if any.
    Hello {
        #[serde(default)]
        token: Option<String>,
        #[serde(default)]
        lang: Option<String>,
    },
    /// A question or answer typed by the person. `id` is chosen by the page; a message resent after
    /// a lost connection carries the same id and is handled once.
    Text { id: String, text: String },
    /// A button press: the button's action code.
    Action { id: String, data: String },
    /// "Forget me".
    Forget { id: String },
    /// Messages the page has shown (and stored), by outbox id.
    Ack { ids: Vec<u64> },
}

/// A page-chosen message id: 1 to 64 characters of `A-Z a-z 0-9 _ -`.
pub fn valid_client_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Answer => "answer",
        Kind::Choice => "choice",
        Kind::DontKnow => "dont-know",
        Kind::Info => "info",
        Kind::Urgent => "urgent",
        Kind::Ticket => "ticket",
        Kind::Relay => "relay",
        Kind::Refusal => "refusal",
    }
}

/// Only web links are links; anything else (`javascript:`, `data:`) is shown as its label.
fn web_link(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "https" | "http"))
}

fn inline(i: &Inline) -> Value {
    match i {
        Inline::Text(s) => json!({ "text": s }),
        Inline::Strong(s) => json!({ "strong": s }),
        Inline::Emphasis(s) => json!({ "em": s }),
        Inline::Code(s) => json!({ "code": s }),
        Inline::Link { label, url } if web_link(url) => json!({ "link": label, "href": url }),
        Inline::Link { label, .. } => json!({ "text": label }),
        // A mention names an advisor on another platform: on the web only the name is shown.
        Inline::Mention { label, .. } => json!({ "text": label }),
        Inline::LineBreak => json!({ "br": true }),
    }
}

fn inlines(list: &[Inline]) -> Value {
    Value::Array(list.iter().map(inline).collect())
}

/// One block: `{"h": [...]}` heading, `{"p": [...]}` paragraph, `{"note": [...]}`, `{"ul": [[...], ...]}`.
fn block(b: &Block) -> Value {
    match b {
        Block::Heading(i) => json!({ "h": inlines(i) }),
        Block::Paragraph(i) => json!({ "p": inlines(i) }),
        Block::Note(i) => json!({ "note": inlines(i) }),
        Block::List(items) => json!({ "ul": items.iter().map(|i| inlines(i)).collect::<Vec<_>>() }),
    }
}

/// A message for the page, with its outbox id (the page acknowledges it by this id and shows it
/// once, however often it arrives).
pub fn message(o: &Outgoing) -> Value {
    let buttons: Vec<Vec<Value>> =
        o.buttons.iter().map(|row| row.iter().map(|b| json!({ "label": b.label, "data": b.action.encode() })).collect()).collect();
    json!({
        "t": "msg",
        "id": o.id,
        "kind": kind(o.kind),
        "lang": o.lang.code(),
        "blocks": o.text.blocks.iter().map(block).collect::<Vec<_>>(),
        "buttons": buttons,
    })
}

/// `ltr` or `rtl`.
pub fn dir(lang: Lang) -> &'static str {
    if lang.is_rtl() { "rtl" } else { "ltr" }
}

/// The first message on a connection: the interface language and its texts, and the token when
/// the server has just made one.
pub fn welcome(token: Option<&str>, lang: Lang, texts: Map<String, Value>) -> Value {
    json!({ "t": "welcome", "token": token, "lang": lang.code(), "dir": dir(lang), "texts": texts })
}

/// The interface language changed (the person wrote in another language or picked one).
pub fn ui(lang: Lang, texts: Map<String, Value>) -> Value {
    json!({ "t": "ui", "lang": lang.code(), "dir": dir(lang), "texts": texts })
}

pub fn typing() -> Value {
    json!({ "t": "typing" })
}

/// The page's message `id` has been handled (its answers, if any, come as `msg`).
pub fn ok(id: &str) -> Value {
    json!({ "t": "ok", "id": id })
}

/// Why a message was not handled (`slow-down`, `too-long`), in the person's language. `id` is the
/// page's message, which the page gives back to the person to send again.
pub fn notice(code: &str, text: &str, id: Option<&str>) -> Value {
    json!({ "t": "notice", "code": code, "text": text, "id": id })
}

/// Everything about the session is deleted; `msg` confirms it.
pub fn forgotten(msg: Option<Value>) -> Value {
    json!({ "t": "forgotten", "msg": msg })
}

/// The page should start a new session (its token is not valid).
pub fn reset() -> Value {
    json!({ "t": "reset" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{Action, Button, ChatRef, RichText};

    #[test]
    fn client_messages_parse_and_unknown_ones_do_not() {
        let m: ClientMsg = serde_json::from_str(r#"{"t":"text","id":"a1","text":"<b>hoi</b>"}"#).unwrap();
        assert_eq!(m, ClientMsg::Text { id: "a1".into(), text: "<b>hoi</b>".into() });
        let m: ClientMsg = serde_json::from_str(r#"{"t":"hello"}"#).unwrap();
        assert_eq!(m, ClientMsg::Hello { token: None, lang: None });
        assert!(serde_json::from_str::<ClientMsg>(r#"{"t":"exec","cmd":"rm"}"#).is_err());
        assert!(serde_json::from_str::<ClientMsg>(r#"{"t":"ack","ids":[-1]}"#).is_err());
        assert!(valid_client_id("m-1_x"));
        for bad in ["", "a b", "<x>", &"x".repeat(65)] {
            assert!(!valid_client_id(bad), "{bad}");
        }
    }

    #[test]
    fn only_web_links_become_links() {
        let text = RichText {
            blocks: vec![
                Block::Heading(vec![Inline::Text("<script>".into())]),
                Block::Paragraph(vec![
                    Inline::Link { label: "ok".into(), url: "https://www.leiden.nl/".into() },
                    Inline::Link { label: "bad".into(), url: "javascript:alert(1)".into() },
                    Inline::Link { label: "data".into(), url: "data:text/html,x".into() },
                    Inline::Mention { label: "Fatima".into(), user: "@fatima:example.org".into() },
                ]),
            ],
        };
        let o = Outgoing::new(
            ChatRef::new("web", "s"),
            Kind::Answer,
            Lang::Nl,
            text,
            vec![vec![Button { label: "Dit hielp".into(), action: Action::Advisor }]],
        );
        let v = message(&o);
        assert_eq!(v["blocks"][0]["h"][0]["text"], "<script>", "text stays text; the page escapes it");
        let p = &v["blocks"][1]["p"];
        assert_eq!(p[0]["href"], "https://www.leiden.nl/");
        assert_eq!(p[1], json!({ "text": "bad" }));
        assert_eq!(p[2], json!({ "text": "data" }));
        assert_eq!(p[3], json!({ "text": "Fatima" }));
        assert_eq!(v["buttons"][0][0]["data"], "adv");
        assert_eq!(v["lang"], "nl");
    }
}
