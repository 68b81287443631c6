//! Fair assignment: a waiting ticket is offered to one advisor at a time, in turn, first among those
//! who speak its language and hold fewer than `max_open` tickets; `/away` and `/back`.

use super::config::AdvisorConfig;
use super::desk::Desk;
use super::ticket::{Ticket, TicketState};
use crate::lang::Lang;
use crate::message::{ChatRef, Inline};
use crate::store::{AdvisorState, Change};
use anyhow::Result;
use std::collections::HashMap;

/// Whom a ticket's post or reminder calls.
#[derive(Debug, Clone)]
pub enum Mention {
    /// The advisor it is offered to now (and the one who helped before, after a reopening).
    Offered(Vec<AdvisorConfig>),
    /// Nobody has room: everyone who is not away and speaks the language (or everyone).
    Busy(Vec<AdvisorConfig>),
    /// Every advisor is away.
    Nobody,
}

impl Desk<'_> {
    /// Active tickets as they stand after the changes made so far in this call, in queue order
    /// (urgent first, then oldest).
    pub(super) fn tickets_now(&self) -> Result<Vec<Ticket>> {
        let mut all = self.store.active_tickets()?;
        for c in &self.changes {
            if let Change::Ticket(t) = c {
                match all.iter_mut().find(|x| x.id == t.id) {
                    Some(x) => *x = t.clone(),
                    None => all.push(t.clone()),
                }
            }
        }
        all.retain(Ticket::is_active);
        all.sort_by(|a, b| b.urgent.cmp(&a.urgent).then(a.created_at.cmp(&b.created_at)).then(a.id.cmp(&b.id)));
        Ok(all)
    }

    /// Advisors' stored state, with this call's changes.
    pub(super) fn advisor_states(&self) -> HashMap<String, AdvisorState> {
        let mut m: HashMap<String, AdvisorState> = match self.store.advisor_states() {
            Ok(list) => list.into_iter().map(|s| (s.name.clone(), s)).collect(),
            Err(e) => {
                tracing::warn!("reading advisors' state failed: {e:#}");
                HashMap::new()
            }
        };
        for c in &self.changes {
            if let Change::Advisor(s) = c {
                m.insert(s.name.clone(), s.clone());
            }
        }
        m
    }

    fn state_of(&self, name: &str) -> AdvisorState {
        self.advisor_states().remove(name).unwrap_or(AdvisorState { name: name.to_string(), away: false, changed_at: 0, offered_at: 0 })
    }

    /// How many tickets an advisor holds now (claimed or answered, not with a partner).
    pub(super) fn held(&self, name: &str) -> Vec<u64> {
        self.tickets_now()
            .map(|all| {
                all.into_iter()
                    .filter(|t| matches!(t.state, TicketState::Claimed | TicketState::Answered) && t.partner.is_none() && t.advisor.as_deref() == Some(name))
                    .map(|t| t.id)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether an advisor holds fewer tickets than their `max_open`.
    pub(super) fn can_take_more(&self, a: &AdvisorConfig) -> bool {
        self.held(&a.name).len() < a.max_open
    }

    /// Advisors a ticket in `lang` can be offered to now: not away and with room, speakers of the
    /// language first (the others only when no speaker has room).
    pub(super) fn candidates(&self, lang: Lang) -> Vec<AdvisorConfig> {
        let states = self.advisor_states();
        let free: Vec<&AdvisorConfig> = self.esc.advisors.iter().filter(|a| !states.get(&a.name).is_some_and(|s| s.away) && self.can_take_more(a)).collect();
        let speakers: Vec<&AdvisorConfig> = free.iter().copied().filter(|a| a.languages.contains(&lang)).collect();
        let pick = if speakers.is_empty() { free } else { speakers };
        pick.into_iter().cloned().collect()
    }

    /// Offers `t` to the next advisor in turn: the candidate whose last offer is the oldest (ties in
    /// the order of the bot file), passing over `previous` when someone else can take it.
    pub(super) fn offer(&mut self, t: &mut Ticket, previous: Option<&str>) {
        let states = self.advisor_states();
        let mut cands = self.candidates(t.lang);
        if cands.len() > 1 {
            cands.retain(|a| Some(a.name.as_str()) != previous);
        }
        let order = |a: &AdvisorConfig| self.esc.advisors.iter().position(|x| x.name == a.name).unwrap_or(usize::MAX);
        let next = cands.into_iter().min_by_key(|a| (states.get(&a.name).map_or(0, |s| s.offered_at), order(a)));
        match next {
            Some(a) => {
                t.offered_to = Some(a.name.clone());
                t.offered_at = Some(self.now);
                let mut s = states.get(&a.name).cloned().unwrap_or(AdvisorState { name: a.name.clone(), away: false, changed_at: self.now, offered_at: 0 });
                // Later than every earlier offer, also within the same second: the turn moves on.
                s.offered_at = states.values().map(|x| x.offered_at + 1).max().unwrap_or(0).max(self.now);
                self.changes.push(Change::Advisor(s));
            }
            None => {
                t.offered_to = None;
                t.offered_at = None;
            }
        }
    }

    /// Whom to call for a waiting ticket.
    pub(super) fn who_to_mention(&self, t: &Ticket) -> Mention {
        let mut offered: Vec<AdvisorConfig> = t.offered_to.as_deref().and_then(|n| self.esc.advisor_named(n)).into_iter().cloned().collect();
        // After a reopening the advisor who helped before is called too.
        if t.state == TicketState::Open
            && t.partner.is_none()
            && let Some(prev) = t.advisor.as_deref().and_then(|n| self.esc.advisor_named(n))
            && !offered.iter().any(|a| a.name == prev.name)
        {
            offered.push(prev.clone());
        }
        if !offered.is_empty() {
            return Mention::Offered(offered);
        }
        let states = self.advisor_states();
        let present: Vec<AdvisorConfig> = self.esc.advisors_for(t.lang).into_iter().filter(|a| !states.get(&a.name).is_some_and(|s| s.away)).cloned().collect();
        if present.is_empty() { Mention::Nobody } else { Mention::Busy(present) }
    }

    /// "Offered in turn to: @Fatima", in a room's language with mentions on its platform.
    pub(super) fn mention_line(&self, room: &ChatRef, lang: Lang, m: &Mention) -> Vec<Inline> {
        let (id, who) = match m {
            Mention::Offered(list) => ("staff-offered-to", list),
            Mention::Busy(list) => ("staff-busy-for", list),
            Mention::Nobody => return vec![Inline::Text(self.staff(lang, "staff-all-away", &[]))],
        };
        let mut p = vec![Inline::Text(format!("{} ", self.staff(lang, id, &[])))];
        p.extend(self.mentions(room, &who.iter().collect::<Vec<_>>()));
        p
    }

    /// `/away` and `/back`: whether new tickets are offered to this advisor (stored).
    pub fn away(&mut self, chat: &ChatRef, a: &AdvisorConfig, away: bool) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        if a.partner {
            self.reply(chat, lang, "staff-partner-cannot", &[]);
            return Ok(());
        }
        let mut s = self.state_of(&a.name);
        s.away = away;
        s.changed_at = self.now;
        self.changes.push(Change::Advisor(s));
        if away {
            let held: Vec<String> = self.held(&a.name).iter().map(|n| format!("#{n}")).collect();
            self.reply(chat, lang, "staff-away", &[("name", &a.name)]);
            if !held.is_empty() {
                self.reply(chat, lang, "staff-away-holding", &[("tickets", &held.join(", "))]);
            }
        } else {
            self.reply(chat, lang, "staff-back", &[("name", &a.name)]);
        }
        Ok(())
    }
}
