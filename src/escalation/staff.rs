//! Advisors' commands and replies, in the advisors' rooms, in partner organisations' rooms and in
//! direct chats with the bot: the words advisors type, turned into calls on the [`Desk`].

use super::config::AdvisorConfig;
use super::desk::Desk;
use crate::message::{command as parse_command, Action, ChatRef, Incoming, Input, TicketOp};
use anyhow::Result;

/// Staff commands, recognised from configured advisors anywhere (in rooms, every command is staff).
pub const COMMANDS: &[&str] = &[
    "tickets", "list", "claim", "release", "close", "suggest", "handover", "give", "reply", "r", "note", "send", "reply-canned", "reply_canned",
    "canned", "replies", "away", "back", "keep",
];

/// A button an advisor pressed (a ticket operation or a ready reply).
pub fn action(desk: &mut Desk, chat: &ChatRef, a: &AdvisorConfig, action: &Action) -> Result<()> {
    match action {
        Action::Ticket { op, ticket } => desk.op(chat, a, *op, *ticket, None),
        Action::Canned { ticket, reply } => desk.canned(chat, a, *ticket, reply, None),
        _ => Ok(()),
    }
}

/// Whether a button is an advisor's (only advisors may press these).
pub fn is_staff_action(a: &Action) -> bool {
    matches!(a, Action::Ticket { .. } | Action::Canned { .. })
}

fn action_ticket(a: &Action) -> Option<u64> {
    match a {
        Action::Ticket { ticket, .. } | Action::Canned { ticket, .. } => Some(*ticket),
        _ => None,
    }
}

/// A message in an advisors' room or a partner's room: commands, buttons, replies and notes on
/// tickets. Anything else is the people's own conversation and is left alone. In a partner's room
/// the organisation acts (for the accounts it admits), on the tickets handed to it.
pub fn room_message(desk: &mut Desk, msg: &Incoming, advisor: Option<&AdvisorConfig>) -> Result<()> {
    let partner = desk.esc.partner_room(&msg.chat).map(|p| p.admits(&msg.user).then(|| p.acting()));
    let advisor = match &partner {
        Some(acting) => acting.as_ref(),
        None => advisor,
    };
    match (&msg.input, advisor) {
        (Input::Action(act), Some(a)) if is_staff_action(act) => action(desk, &msg.chat, a, act),
        (Input::Action(act), None) if is_staff_action(act) => {
            desk.not_advisor(&msg.chat, &msg.user, action_ticket(act));
            Ok(())
        }
        (Input::Action(_), _) => Ok(()),
        // A file from an advisor in a ticket's thread (or with "#42" in its caption) goes to the newcomer.
        (Input::Media(m), Some(a)) => {
            let caption = m.caption.as_deref().unwrap_or("").trim();
            if let Some((n, rest)) = caption.strip_prefix('#').map(|r| r.split_once(char::is_whitespace).unwrap_or((r, "")))
                && let Ok(n) = n.parse::<u64>()
            {
                let mut m = m.clone();
                m.caption = Some(rest.trim().to_string()).filter(|c| !c.is_empty());
                return desk.media_from_advisor(&msg.chat, a, n, &m);
            }
            if let Some(reply_to) = &msg.reply_to
                && let Some(t) = desk.store.ticket_for_message(&msg.chat, reply_to)?
            {
                return desk.media_from_advisor(&msg.chat, a, t, m);
            }
            Ok(())
        }
        (Input::Media(_), None) => Ok(()),
        (Input::Text(text), a) => {
            let text = text.trim();
            if parse_command(text).is_some() {
                return match a {
                    Some(a) => command(desk, &msg.chat, a, text),
                    None => {
                        let ticket = match &msg.reply_to {
                            Some(r) => desk.store.ticket_for_message(&msg.chat, r)?,
                            None => None,
                        };
                        desk.not_advisor(&msg.chat, &msg.user, ticket);
                        Ok(())
                    }
                };
            }
            let Some(a) = a else { return Ok(()) };
            // "#42 text" answers ticket 42; so does a reply to (or in the thread of) its messages.
            if let Some((n, rest)) = text.strip_prefix('#').and_then(|r| r.split_once(char::is_whitespace))
                && let Ok(n) = n.parse::<u64>()
                && !rest.trim().is_empty()
            {
                return desk.from_advisor(&msg.chat, a, n, rest.trim());
            }
            if let Some(reply_to) = &msg.reply_to
                && let Some(t) = desk.store.ticket_for_message(&msg.chat, reply_to)?
                && !text.is_empty()
            {
                // "!text" in a ticket's thread is a note for the other advisors, never relayed.
                if let Some(note) = text.strip_prefix('!') {
                    return if note.trim().is_empty() { Ok(()) } else { desk.note(&msg.chat, a, t, note) };
                }
                return desk.from_advisor(&msg.chat, a, t, text);
            }
            Ok(())
        }
    }
}

/// The text after the first `n` words, trimmed (`None` when empty).
fn after_words(text: &str, n: usize) -> Option<&str> {
    let mut rest = text.trim_start();
    for _ in 0..n {
        let end = rest.find(char::is_whitespace)?;
        rest = rest[end..].trim_start();
    }
    Some(rest.trim()).filter(|s| !s.is_empty())
}

pub fn command(desk: &mut Desk, chat: &ChatRef, a: &AdvisorConfig, text: &str) -> Result<()> {
    let name = parse_command(text).unwrap_or("");
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |i: usize| words.get(i).and_then(|s| s.trim_start_matches('#').parse::<u64>().ok());
    let n = number(1);
    let done = match name {
        "tickets" | "list" => return desk.list(chat, a),
        "replies" => {
            desk.list_replies(chat, a);
            return Ok(());
        }
        "away" => return desk.away(chat, a, true),
        "back" => return desk.away(chat, a, false),
        "claim" | "release" | "close" | "suggest" => n.map(|n| {
            let op = match name {
                "claim" => TicketOp::Claim,
                "release" => TicketOp::Release,
                "close" => TicketOp::Close,
                _ => TicketOp::Suggest,
            };
            desk.op(chat, a, op, n, after_words(text, 2))
        }),
        "handover" | "give" => match (n, after_words(text, 2)) {
            (Some(n), Some(to)) => Some(desk.handover(chat, a, n, to)),
            _ => None,
        },
        "reply" | "r" => match (n, after_words(text, 2)) {
            (Some(n), Some(rest)) => Some(desk.from_advisor(chat, a, n, rest)),
            _ => None,
        },
        "note" => match (n, after_words(text, 2)) {
            (Some(n), Some(rest)) => Some(desk.note(chat, a, n, rest)),
            _ => None,
        },
        "send" => match (n, after_words(text, 2)) {
            (Some(n), Some(topic)) => Some(desk.send_topic(chat, a, n, topic)),
            _ => None,
        },
        "reply-canned" | "reply_canned" | "canned" => match (n, words.get(2)) {
            (Some(n), Some(reply)) => Some(desk.canned(chat, a, n, reply, after_words(text, 3))),
            _ => None,
        },
        "keep" => match n {
            Some(n) => Some(desk.keep(chat, a, n, after_words(text, 2).unwrap_or(""))),
            None => None,
        },
        _ => None,
    };
    match done {
        Some(r) => r,
        None => {
            desk.help(chat, Some(a));
            Ok(())
        }
    }
}
