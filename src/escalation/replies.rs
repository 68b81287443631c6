//! Ready answers that cross the language barrier: a topic from the knowledge base (`/send 42 bsn`)
//! or a ready reply (`/reply-canned 42 photo`, from `locales/<lang>/replies.ftl`), each sent in the
//! newcomer's language whatever language the advisor reads.

use super::config::AdvisorConfig;
use super::desk::{cap, Desk};
use super::ticket::{Ticket, TicketState};
use crate::answer::Composer;
use crate::knowledge::{Topic, TopicId};
use crate::lang::Lang;
use crate::message::{valid_reply_id, Action, Block, Button, ChatRef, Inline, Kind, Outgoing, RichText};
use crate::store::Change;
use anyhow::Result;

/// Ready replies are the `reply-<id>` messages of `replies.ftl`.
const PREFIX: &str = "reply-";

impl<'a> Desk<'a> {
    /// Ready-reply ids (without `reply-`) in the order of the English file.
    pub fn reply_ids(&self) -> Vec<String> {
        self.locales.ids_with_prefix(Lang::En, PREFIX).into_iter().filter_map(|id| id.strip_prefix(PREFIX).map(String::from)).filter(|id| valid_reply_id(id)).collect()
    }

    /// Ready-reply ids, most used first (then in file order).
    pub(super) fn replies_by_use(&self) -> Vec<String> {
        let ids = self.reply_ids();
        let uses = self.store.reply_uses().unwrap_or_default();
        let count = |id: &str| uses.iter().find(|(r, _)| r == id).map_or(0, |(_, n)| *n);
        let mut ranked: Vec<(usize, String)> = ids.into_iter().enumerate().map(|(i, id)| (i, id)).collect();
        ranked.sort_by(|(ia, a), (ib, b)| count(b).cmp(&count(a)).then(ia.cmp(ib)));
        ranked.into_iter().map(|(_, id)| id).collect()
    }

    /// A ready reply's short name for advisors ("Photo of the letter"), or its id.
    pub(super) fn reply_label(&self, lang: Lang, id: &str) -> String {
        self.locales.attr(lang, &format!("{PREFIX}{id}"), "label").unwrap_or_else(|| id.to_string())
    }

    /// A ready reply in `lang` (English when that language lacks it), `who` filled in.
    pub(super) fn reply_text(&self, lang: Lang, id: &str, who: &str) -> String {
        let mid = format!("{PREFIX}{id}");
        self.locales.try_msg(lang, &mid, &[("who", who)]).or_else(|| self.locales.try_msg(Lang::En, &mid, &[("who", who)])).unwrap_or_default()
    }

    /// `/replies`: every ready reply with its id, short name and text in the advisor's language.
    pub fn list_replies(&mut self, chat: &ChatRef, a: &AdvisorConfig) {
        let lang = self.staff_lang(chat, Some(a));
        let items: Vec<Vec<Inline>> = self
            .replies_by_use()
            .iter()
            .map(|id| vec![Inline::Code(id.clone()), Inline::Text(format!(" · {}: ", self.reply_label(lang, id))), Inline::Emphasis(self.reply_text(lang, id, "…"))])
            .collect();
        let text = RichText {
            blocks: vec![
                Block::Paragraph(vec![Inline::Strong(self.staff(lang, "staff-replies", &[]))]),
                Block::List(items),
                Block::Note(vec![Inline::Text(self.staff(lang, "staff-replies-how", &[]))]),
            ],
        };
        self.push(Outgoing::new(chat.clone(), Kind::Info, lang, text, vec![]));
    }

    /// Checks that `a` may write to ticket `id` now (taking it when it waits), or says why not.
    fn writable(&mut self, chat: &ChatRef, lang: Lang, a: &AdvisorConfig, id: u64) -> Result<Option<Ticket>> {
        let Some(mut t) = self.active(chat, lang, a, id)? else { return Ok(None) };
        if self.held_by_other(chat, lang, &t, a) || !self.take(chat, lang, &mut t, a) {
            return Ok(None);
        }
        Ok(Some(t))
    }

    /// A ready reply to a ticket's newcomer, in their language; `who` fills replies that name
    /// someone ("we cannot help with this, but { $who } can").
    pub fn canned(&mut self, chat: &ChatRef, a: &AdvisorConfig, id: u64, reply: &str, who: Option<&str>) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        let reply = reply.trim().trim_start_matches(PREFIX).to_lowercase();
        if !self.reply_ids().contains(&reply) {
            let list = self.reply_ids().join(", ");
            self.reply(chat, lang, "staff-unknown-reply", &[("reply", &reply), ("replies", &list)]);
            return Ok(());
        }
        let who = who.map(|w| cap(w.trim())).filter(|w| !w.is_empty());
        let mid = format!("{PREFIX}{reply}");
        // A reply that names someone needs the name; one that does not ignores extra words.
        if who.is_none() && self.locales.try_msg(Lang::En, &mid, &[]).is_none() {
            self.reply(chat, lang, "staff-reply-needs-who", &[("ticket", &id.to_string()), ("reply", &reply)]);
            return Ok(());
        }
        let who = who.unwrap_or_default();
        let Some(mut t) = self.writable(chat, lang, a, id)? else { return Ok(()) };
        t.state = TicketState::Answered;
        self.code_entry(&t, &a.name, &format!("reply:{reply} {who}").trim_end().to_string());
        self.changes.push(Change::ReplyUsed { reply: reply.clone() });
        self.save(&mut t);
        let body = RichText {
            blocks: vec![Block::Paragraph(vec![Inline::Strong(self.says(t.lang, a))]), Block::Paragraph(vec![Inline::Text(self.reply_text(t.lang, &reply, &who))])],
        };
        let buttons = if t.relay { vec![] } else { self.person_button(t.lang, "button-write-advisor", Action::Resume) };
        self.push(Outgoing::new(t.person.clone(), Kind::Relay, t.lang, body, buttons));
        // Every room sees what went out, in its own language (the advisor may have pressed a button).
        let (n, name) = (id.to_string(), a.name.clone());
        self.to_rooms(&t, Kind::Relay, &|d: &Desk, _r: &ChatRef, rl: Lang| {
            let head = d.staff(rl, "staff-sent-reply", &[("ticket", &n), ("name", &name), ("reply", &d.reply_label(rl, &reply)), ("language", &d.locales.lang_name(rl, t.lang))]);
            (RichText { blocks: vec![Block::Paragraph(vec![Inline::Strong(head)]), Block::Paragraph(vec![Inline::Emphasis(d.reply_text(rl, &reply, &who))])] }, vec![])
        });
        Ok(())
    }

    /// The topic an advisor means: its id, or the one topic whose id or title contains the words.
    fn find_topic(&self, lang: Lang, query: &str) -> Result<&'a Topic, Vec<String>> {
        let kb: &'a crate::knowledge::KnowledgeBase = self.kb;
        let q = query.trim().to_lowercase();
        if let Some(t) = TopicId::parse(&q).and_then(|id| kb.get(&id)) {
            return Ok(t);
        }
        let hits: Vec<&'a Topic> = kb
            .topics()
            .iter()
            .filter(|t| !q.is_empty() && (t.id.as_str().contains(&q) || t.title(lang, self.fallback).to_lowercase().contains(&q) || t.title(Lang::En, &[]).to_lowercase().contains(&q)))
            .collect();
        match hits.as_slice() {
            [one] => Ok(one),
            many => Err(many.iter().take(8).map(|t| t.id.to_string()).collect()),
        }
    }

    /// `/send 42 bsn`: the knowledge base's answer on a topic, in the newcomer's language (as the bot
    /// would give it), marked as sent by the advisor.
    pub fn send_topic(&mut self, chat: &ChatRef, a: &AdvisorConfig, id: u64, query: &str) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        let topic = match self.find_topic(lang, query) {
            Ok(t) => t,
            Err(options) => {
                let options = if options.is_empty() { "-".to_string() } else { options.join(", ") };
                self.reply(chat, lang, "staff-unknown-topic", &[("topic", &cap(query.trim()).chars().take(80).collect::<String>()), ("options", &options)]);
                return Ok(());
            }
        };
        let Some(mut t) = self.writable(chat, lang, a, id)? else { return Ok(()) };
        let composer = Composer { kb: self.kb, locales: self.locales, fallback: self.fallback, person_now: &|_| true };
        let shown = composer.pick(topic, t.lang).map_or(t.lang, |tr| tr.lang);
        let mut answer = composer.answer(&t.person, topic, t.lang);
        // Marked as sent by the advisor; they are talking with a person already.
        answer.text.blocks.insert(0, Block::Paragraph(vec![Inline::Strong(self.says(t.lang, a))]));
        answer.buttons.retain(|row| !row.iter().any(|b| b.action == Action::Advisor));
        let answer = Outgoing::new(answer.chat, Kind::Answer, answer.lang, answer.text, answer.buttons);
        t.state = TicketState::Answered;
        self.code_entry(&t, &a.name, &format!("sent:{}", topic.id));
        self.save(&mut t);
        self.push(answer);
        let (n, name, tid) = (id.to_string(), a.name.clone(), topic.id.to_string());
        self.to_rooms(&t, Kind::Relay, &|d: &Desk, _r: &ChatRef, rl: Lang| {
            let mut args = vec![("ticket", n.as_str()), ("name", name.as_str())];
            let title = d.topic_title(rl, &tid);
            let language = d.locales.lang_name(rl, shown);
            args.push(("topic", &title));
            args.push(("language", &language));
            let id = if shown == t.lang { "staff-sent-topic" } else { "staff-sent-topic-fallback" };
            let wanted = d.locales.lang_name(rl, t.lang);
            args.push(("wanted", &wanted));
            (RichText::paragraph(d.staff(rl, id, &args)), vec![])
        });
        Ok(())
    }

    /// Ready-reply buttons for a ticket's post (most used first).
    pub(super) fn reply_buttons(&self, lang: Lang, ticket: u64) -> Vec<Button> {
        self.replies_by_use().into_iter().take(3).map(|r| Button { label: self.reply_label(lang, &r), action: Action::Canned { ticket, reply: r } }).collect()
    }
}
