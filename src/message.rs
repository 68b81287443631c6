//! The core's input and output: platform-neutral messages with a small rich-text model and buttons.
//!
//! Transports translate platform events into [`Incoming`] and render [`Outgoing`]; nothing here knows
//! about any particular platform.

use crate::lang::Lang;
use crate::knowledge::TopicId;

/// Where a conversation happens: the platform's name (as the transport calls itself) and its chat id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
}

impl Incoming {
    pub fn text(chat: ChatRef, user: impl Into<String>, text: impl Into<String>) -> Self {
        Incoming { chat, user: user.into(), input: Input::Text(text.into()), interface_lang: None }
    }

    pub fn action(chat: ChatRef, user: impl Into<String>, action: Action) -> Self {
        Incoming { chat, user: user.into(), input: Input::Action(action), interface_lang: None }
    }

    pub fn with_interface_lang(mut self, hint: impl Into<String>) -> Self {
        self.interface_lang = Some(hint.into());
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
            _ => None,
        }
    }
}

/// A button shown under a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: String,
    pub action: Action,
}

/// Inline content of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    Code(String),
    Link { label: String, url: String },
    LineBreak,
}

/// A block of rich text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A short heading line (a topic title).
    Heading(Vec<Inline>),
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item is a run of inlines.
    List(Vec<Vec<Inline>>),
    /// A remark about the message itself (language fallback, draft translation), shown in italics.
    Note(Vec<Inline>),
}

/// Rich text: what transports render as plain text, Telegram HTML or Matrix HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RichText {
    pub blocks: Vec<Block>,
}

impl RichText {
    pub fn paragraph(text: impl Into<String>) -> Self {
        RichText { blocks: vec![Block::Paragraph(vec![Inline::Text(text.into())])] }
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// Plain text with no markup: for logs-free tests and for the `body` of formatted messages.
    pub fn plain(&self) -> String {
        crate::transport::console::render_rich(self)
    }
}

/// What kind of message this is, so transports can treat them differently (e.g. pin, notify).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Answer,
    Choice,
    DontKnow,
    Info,
}

/// One message from the bot.
#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    pub chat: ChatRef,
    pub kind: Kind,
    /// The language the text is written in (for text direction and the `lang` attribute).
    pub lang: Lang,
    pub text: RichText,
    /// Rows of buttons.
    pub buttons: Vec<Vec<Button>>,
}

impl Outgoing {
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
        ] {
            let e = a.encode();
            assert!(e.len() <= 64, "{e}");
            assert_eq!(Action::decode(&e), Some(a));
        }
    }

    #[test]
    fn crafted_callback_data_is_rejected() {
        for s in ["", "t:", "t:../etc", "t:BSN", "l:xx", "adv:1", "zz:bsn", "f+:", "t:a b"] {
            assert_eq!(Action::decode(s), None, "{s}");
        }
    }
}
