//! Advisors' commands and replies, in the advisors' rooms and in direct chats with the bot: the
//! words advisors type, turned into calls on the [`Desk`].

use super::config::AdvisorConfig;
use super::desk::Desk;
use crate::message::{command as parse_command, Action, ChatRef, Incoming, Input, TicketOp};
use anyhow::Result;

/// Staff commands, recognised from configured advisors anywhere (in rooms, every command is staff).
pub const COMMANDS: &[&str] = &["tickets", "list", "claim", "release", "close", "suggest", "handover", "give", "reply", "r"];

/// A message in an advisors' room: commands, buttons, and replies to tickets. Anything else is
/// the advisors' own conversation and is left alone.
pub fn room_message(desk: &mut Desk, msg: &Incoming, advisor: Option<&AdvisorConfig>) -> Result<()> {
    match (&msg.input, advisor) {
        (Input::Action(Action::Ticket { op, ticket }), Some(a)) => desk.op(&msg.chat, a, *op, *ticket, None),
        (Input::Action(Action::Ticket { ticket, .. }), None) => {
            desk.not_advisor(&msg.chat, &msg.user, Some(*ticket));
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
                return desk.from_advisor(&msg.chat, a, t, text);
            }
            Ok(())
        }
    }
}

pub fn command(desk: &mut Desk, chat: &ChatRef, a: &AdvisorConfig, text: &str) -> Result<()> {
    let name = parse_command(text).unwrap_or("");
    let mut args = text.split_whitespace().skip(1);
    let number = |s: Option<&str>| s.and_then(|s| s.trim_start_matches('#').parse::<u64>().ok());
    let op = |op| (op, number(text.split_whitespace().nth(1)));
    let lang = desk.staff_lang(chat, Some(a));
    let usage = |desk: &mut Desk| desk.help(chat, Some(a));
    match name {
        "tickets" | "list" => desk.list(chat, a),
        "claim" | "release" | "close" | "suggest" => {
            let (op, n) = op(match name {
                "claim" => TicketOp::Claim,
                "release" => TicketOp::Release,
                "close" => TicketOp::Close,
                _ => TicketOp::Suggest,
            });
            let rest = text.splitn(3, char::is_whitespace).nth(2).map(str::trim);
            match n {
                Some(n) => desk.op(chat, a, op, n, rest),
                None => {
                    usage(desk);
                    Ok(())
                }
            }
        }
        "handover" | "give" => match (number(args.next()), args.next()) {
            (Some(n), Some(_)) => {
                let to = text.splitn(3, char::is_whitespace).nth(2).unwrap_or("").trim();
                desk.handover(chat, a, n, to)
            }
            _ => {
                usage(desk);
                Ok(())
            }
        },
        "reply" | "r" => {
            let n = number(args.next());
            let rest = text.splitn(3, char::is_whitespace).nth(2).map(str::trim).filter(|s| !s.is_empty());
            match (n, rest) {
                (Some(n), Some(rest)) => desk.from_advisor(chat, a, n, rest),
                _ => {
                    usage(desk);
                    Ok(())
                }
            }
        }
        _ => {
            let _ = lang;
            usage(desk);
            Ok(())
        }
    }
}

