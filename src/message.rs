//! The core's input and output: platform-neutral messages with a small rich-text model and buttons.
//!
//! Transports translate platform events into [`Incoming`] and render [`Outgoing`]; nothing here knows
//! about any particular platform.

use crate::lang::Lang;
use crate::knowledge::TopicId;
pub use crate::rich::{Block, Inline, RichText};

/// Where a conversation happens: the platform's name (as the transport calls itself) and its chat id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct ChatRef {
    pub platform: String,
    pub chat: String,
}

impl ChatRef {
    pub fn new(platform: impl Into<String>, chat: impl Into<String>) -> Self {
        ChatRef { platform: platform.into(), chat: chat.into() }
    }

    /// A stable key for storage; never shown to advisors.
    pub fn key(&self) -> String {
        format!("{}:{}", self.platform, self.chat)
    }
}

/// What the person sent.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// Free text, possibly a command such as `/help`.
    Text(String),
    /// A button press, carrying the button's action.
    Action(Action),
    /// A photo, document, voice message or other file.
    Media(Media),
}

/// `/name` or `/name@botname` or `/name argument` → `name`.
pub fn command(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('/')?;
    if rest.starts_with(char::is_whitespace) {
        return None;
    }
    let word = rest.split_whitespace().next()?;
    let name = word.split('@').next()?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then_some(name)
}

/// What kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MediaKind {
    Photo,
    Document,
    /// A voice message or audio file.
    Audio,
    Video,
    /// Stickers, locations, contacts, polls: things that are not a file to pass on.
    Other,
}

impl MediaKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Photo => "photo",
            MediaKind::Document => "document",
            MediaKind::Audio => "audio",
            MediaKind::Video => "video",
            MediaKind::Other => "other",
        }
    }
}

/// A file someone sent, as the core passes it on: where it came from (so the same platform can send
/// it again by reference) and, when the transport could fetch it, a copy under the data directory
/// (so another platform can upload it). The core never reads the bytes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Media {
    pub kind: MediaKind,
    /// The file name as sent, if any.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub mime: Option<String>,
    /// Text sent with the file.
    #[serde(default)]
    pub caption: Option<String>,
    /// The platform the file came from, and its reference there (a Telegram file id, a Matrix
    /// content URI or encrypted-file description).
    #[serde(default)]
    pub origin: Option<(String, String)>,
    /// The copy under the data directory's `media/` folder (a file name, never a path), if any.
    #[serde(default)]
    pub stored: Option<String>,
    #[serde(default)]
    pub size: Option<u64>,
}

impl Media {
    pub fn new(kind: MediaKind) -> Media {
        Media { kind, name: None, mime: None, caption: None, origin: None, stored: None, size: None }
    }

    /// Whether this is a file that can be passed on (not a sticker or location).
    pub fn is_file(&self) -> bool {
        self.kind != MediaKind::Other && (self.origin.is_some() || self.stored.is_some())
    }
}

/// One message from a person to the bot.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub chat: ChatRef,
    /// The platform's user id (opaque to the core).
    pub user: String,
    pub input: Input,
    /// The platform's interface-language hint, e.g. Telegram's `language_code` ("pt-br").
    pub interface_lang: Option<String>,
    /// The platform's id for this event (Telegram update id, Matrix event id): an event seen before
    /// (redelivered after a crash) is ignored.
    pub event_id: Option<String>,
    /// The platform message this one replies to, or the root of the thread it is in.
    pub reply_to: Option<String>,
}

impl Incoming {
    pub fn text(chat: ChatRef, user: impl Into<String>, text: impl Into<String>) -> Self {
        Incoming { chat, user: user.into(), input: Input::Text(text.into()), interface_lang: None, event_id: None, reply_to: None }
    }

    pub fn action(chat: ChatRef, user: impl Into<String>, action: Action) -> Self {
        Incoming { chat, user: user.into(), input: Input::Action(action), interface_lang: None, event_id: None, reply_to: None }
    }

    pub fn media(chat: ChatRef, user: impl Into<String>, media: Media) -> Self {
        Incoming { chat, user: user.into(), input: Input::Media(media), interface_lang: None, event_id: None, reply_to: None }
    }

    pub fn with_interface_lang(mut self, hint: impl Into<String>) -> Self {
        self.interface_lang = Some(hint.into());
        self
    }

    pub fn with_event_id(mut self, id: impl Into<String>) -> Self {
        self.event_id = Some(id.into());
        self
    }

    pub fn replying_to(mut self, message: impl Into<String>) -> Self {
        self.reply_to = Some(message.into());
        self
    }
}

/// What a button does. Encoded compactly (at most 64 bytes) so transports can use it as callback data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show this topic's answer.
    Topic(TopicId),
    /// "This helped" / "this did not help" for a topic.
    Feedback { topic: TopicId, helped: bool },
    /// Ask for a person.
    Advisor,
    /// Open the language menu.
    LanguageMenu,
    /// Choose a language.
    SetLanguage(Lang),
    /// Newcomer: stop writing to the advisor, talk to the bot again.
    BackToBot,
    /// Newcomer: write to the advisor again.
    Resume,
    /// Newcomer: reopen the last closed conversation with an advisor.
    Reopen,
    /// Advisor: a ticket operation (only configured advisors may use these).
    Ticket { op: TicketOp, ticket: u64 },
}

/// What an advisor does with a ticket through a button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketOp {
    Claim,
    Release,
    Close,
    Suggest,
}

impl TicketOp {
    fn code(self) -> &'static str {
        match self {
            TicketOp::Claim => "c",
            TicketOp::Release => "r",
            TicketOp::Close => "x",
            TicketOp::Suggest => "s",
        }
    }
}

impl Action {
    /// Compact form for callback data: `t:bsn`, `f+:bsn`, `f-:bsn`, `adv`, `lm`, `l:ar`.
    pub fn encode(&self) -> String {
        match self {
            Action::Topic(t) => format!("t:{t}"),
            Action::Feedback { topic, helped: true } => format!("f+:{topic}"),
            Action::Feedback { topic, helped: false } => format!("f-:{topic}"),
            Action::Advisor => "adv".into(),
            Action::LanguageMenu => "lm".into(),
            Action::SetLanguage(l) => format!("l:{l}"),
            Action::BackToBot => "bb".into(),
            Action::Resume => "rs".into(),
            Action::Reopen => "ro".into(),
            Action::Ticket { op, ticket } => format!("k{}:{ticket}", op.code()),
        }
    }

    /// Parses what [`Action::encode`] made; anything else (crafted data) is `None`.
    pub fn decode(s: &str) -> Option<Action> {
        let (kind, arg) = s.split_once(':').unwrap_or((s, ""));
        match kind {
            "t" => TopicId::parse(arg).map(Action::Topic),
            "f+" => TopicId::parse(arg).map(|topic| Action::Feedback { topic, helped: true }),
            "f-" => TopicId::parse(arg).map(|topic| Action::Feedback { topic, helped: false }),
            "adv" if arg.is_empty() => Some(Action::Advisor),
            "lm" if arg.is_empty() => Some(Action::LanguageMenu),
            "l" => arg.parse().ok().map(Action::SetLanguage),
            "bb" if arg.is_empty() => Some(Action::BackToBot),
            "rs" if arg.is_empty() => Some(Action::Resume),
            "ro" if arg.is_empty() => Some(Action::Reopen),
            "kc" | "kr" | "kx" | "ks" => {
                let op = match kind {
                    "kc" => TicketOp::Claim,
                    "kr" => TicketOp::Release,
                    "kx" => TicketOp::Close,
                    _ => TicketOp::Suggest,
                };
                let ticket: u64 = arg.parse().ok().filter(|_| !arg.is_empty() && arg.bytes().all(|b| b.is_ascii_digit()) && arg.len() <= 12)?;
                Some(Action::Ticket { op, ticket })
            }
            _ => None,
        }
    }
}

/// A button shown under a message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Button {
    pub label: String,
    #[serde(with = "action_code")]
    pub action: Action,
}

/// Buttons are stored (in the outbox) with their action in its compact form.
mod action_code {
    use super::Action;
    pub fn serialize<S: serde::Serializer>(a: &Action, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&a.encode())
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Action, D::Error> {
        let s: String = serde::Deserialize::deserialize(d)?;
        Action::decode(&s).ok_or_else(|| serde::de::Error::custom("not a button action"))
    }
}

/// What kind of message this is, so transports can treat them differently (e.g. pin, notify).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Answer,
    Choice,
    DontKnow,
    Info,
    /// Urgent safety information (emergency numbers).
    Urgent,
    /// A ticket posted in the advisors' room, or news about it.
    Ticket,
    /// Words relayed between a newcomer and an advisor.
    Relay,
    /// A refusal meant for one person in a room (someone who is not an advisor pressed a ticket
    /// button): shown only to them where the platform can (Telegram: a callback alert), else in the
    /// ticket's thread.
    Refusal,
}

/// One message from the bot.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Outgoing {
    /// The outbox id (0 when the message was not stored): transports report delivery with it, and
    /// may use it as an idempotency key (Matrix transaction id).
    pub id: u64,
    pub chat: ChatRef,
    pub kind: Kind,
    /// The language the text is written in (for text direction and the `lang` attribute).
    pub lang: Lang,
    pub text: RichText,
    /// Rows of buttons.
    pub buttons: Vec<Vec<Button>>,
    /// The ticket this message belongs to (messages in advisors' rooms).
    pub ticket: Option<u64>,
    /// The platform message to reply to or thread under (the ticket's first message in that room).
    pub thread: Option<String>,
    /// A file to send with the text (relayed between a newcomer and the advisors).
    #[serde(default)]
    pub media: Option<Media>,
    /// The one person in a room this message is for (a refusal), as the platform's user id.
    #[serde(default)]
    pub to_user: Option<String>,
}

/// Something a transport must do on its platform: send a message, or remove one it sent earlier
/// (the advisors' room copy of a ticket after `/forget`).
#[derive(Debug, Clone, PartialEq)]
pub enum Delivery {
    Send(Outgoing),
    Delete { id: u64, chat: ChatRef, message: String },
    /// Replace the buttons of a message the bot sent earlier (a ticket's post after a claim or close),
    /// so the room shows the ticket's state at a glance. Platforms without buttons mark it done.
    Edit { id: u64, chat: ChatRef, message: String, lang: Lang, buttons: Vec<Vec<Button>> },
}

impl Delivery {
    pub fn id(&self) -> u64 {
        match self {
            Delivery::Send(o) => o.id,
            Delivery::Delete { id, .. } | Delivery::Edit { id, .. } => *id,
        }
    }
}

impl Outgoing {
    /// A message in `lang`; in right-to-left languages numbers and Latin-script runs are isolated
    /// as left-to-right, so "0800 2000" is not shown as "2000 0800".
    pub fn new(chat: ChatRef, kind: Kind, lang: Lang, mut text: RichText, mut buttons: Vec<Vec<Button>>) -> Outgoing {
        if lang.is_rtl() {
            text.isolate_ltr();
            for b in buttons.iter_mut().flatten() {
                b.label = crate::rich::isolate_ltr(&b.label);
            }
        }
        Outgoing { id: 0, chat, kind, lang, text, buttons, ticket: None, thread: None, media: None, to_user: None }
    }

    /// Every button, row by row.
    pub fn all_buttons(&self) -> impl Iterator<Item = &Button> {
        self.buttons.iter().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_and_fit_callback_data() {
        let t = TopicId::parse("thirty-percent-ruling").unwrap();
        for a in [
            Action::Topic(t.clone()),
            Action::Feedback { topic: t.clone(), helped: true },
            Action::Feedback { topic: t, helped: false },
            Action::Advisor,
            Action::LanguageMenu,
            Action::SetLanguage(Lang::Ti),
            Action::BackToBot,
            Action::Resume,
            Action::Reopen,
            Action::Ticket { op: TicketOp::Claim, ticket: 999_999_999_999 },
            Action::Ticket { op: TicketOp::Suggest, ticket: 1 },
        ] {
            let e = a.encode();
            assert!(e.len() <= 64, "{e}");
            assert_eq!(Action::decode(&e), Some(a));
        }
    }

    #[test]
    fn commands_are_recognised() {
        assert_eq!(command("/start"), Some("start"));
        assert_eq!(command("/start@wegwijs_bot topic"), Some("start"));
        assert_eq!(command("/ not a command"), None);
        assert_eq!(command("/évil"), None);
        assert_eq!(command("hello"), None);
    }

    #[test]
    fn crafted_callback_data_is_rejected() {
        for s in ["", "t:", "t:../etc", "t:BSN", "l:xx", "adv:1", "zz:bsn", "f+:", "t:a b", "kc:", "kc:-1", "kc:+1", "kx:1x", "kz:1", "bb:1", "kc:1234567890123"] {
            assert_eq!(Action::decode(s), None, "{s}");
        }
    }
}
