//! Where a newcomer stands: whether a person can come now, their place in the queue and a realistic
//! wait, worked out from how long recent tickets waited for a claim in office time.

use super::config::AdvisorConfig;
use super::desk::{Desk, Recent};
use super::ticket::{Reason, Ticket, TicketState};
use crate::lang::Lang;
use crate::message::{Action, Block, Button, ChatRef, Inline, Kind, Outgoing, RichText};
use crate::store::Change;
use anyhow::Result;

/// Whether someone can answer a ticket in `lang` at `now`, from the stored advisors' state (for
/// composing a reply's buttons before any ticket work: "Talk to a person" only when someone can come).
pub fn availability_now(esc: &super::Escalation, store: &dyn crate::store::Store, now: i64, lang: Lang) -> Availability {
    let states = match store.advisor_states() {
        Ok(list) => list.into_iter().map(|s| (s.name.clone(), s)).collect(),
        Err(e) => {
            tracing::warn!("reading advisors' state failed: {e:#}");
            std::collections::HashMap::new()
        }
    };
    availability_from(esc, &states, now, lang)
}

fn availability_from(esc: &super::Escalation, states: &std::collections::HashMap<String, crate::store::AdvisorState>, now: i64, lang: Lang) -> Availability {
    if let Some(opens) = esc.opens_at(now) {
        return Availability::Closed { opens };
    }
    let present: Vec<&AdvisorConfig> = esc.advisors.iter().filter(|a| !states.get(&a.name).is_some_and(|s| s.away)).collect();
    if present.is_empty() {
        Availability::AllAway
    } else if !present.iter().any(|a| a.languages.contains(&lang)) {
        Availability::NoLanguage
    } else {
        Availability::Open
    }
}

/// Whether someone can answer a ticket in a language now.
#[derive(Debug, Clone, PartialEq)]
pub enum Availability {
    /// In office hours, with an advisor present who speaks the language.
    Open,
    /// Outside office hours; advisors start again at `opens`.
    Closed { opens: jiff::Zoned },
    /// Every advisor is away (`/away`).
    AllAway,
    /// No advisor present speaks the language.
    NoLanguage,
}

/// Claim times looked at for the estimate: the last 30 of the last 4 weeks.
const SAMPLES: usize = 30;
const SAMPLE_DAYS: i64 = 28;

/// A wait as the newcomer reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitRange {
    Minutes(i64, i64),
    Hours(i64, i64),
}

impl WaitRange {
    /// Seconds to `low`..`high` advisors' time, rounded outwards to 5 minutes (or whole hours).
    pub fn from_secs(low: i64, high: i64) -> WaitRange {
        let low_m = ((low / 60) / 5 * 5).max(5);
        let high_m = (((high + 299) / 300) * 5).max(low_m + 5);
        if high_m > 120 {
            let low_h = (low_m / 60).max(1);
            WaitRange::Hours(low_h, ((high_m + 59) / 60).max(low_h + 1))
        } else {
            WaitRange::Minutes(low_m, high_m)
        }
    }

    pub fn high_secs(self) -> i64 {
        match self {
            WaitRange::Minutes(_, h) => h * 60,
            WaitRange::Hours(_, h) => h * 3600,
        }
    }
}

impl Desk<'_> {
    /// Whether a person can come now for a newcomer writing in `lang`.
    pub fn availability(&self, lang: Lang) -> Availability {
        availability_from(self.esc, &self.advisor_states(), self.now, lang)
    }

    /// A ticket's place among the waiting ones (1 is next).
    pub fn position(&self, t: &Ticket) -> usize {
        let waiting: Vec<u64> = self.tickets_now().unwrap_or_default().into_iter().filter(Ticket::is_waiting).map(|t| t.id).collect();
        waiting.iter().position(|id| *id == t.id).map_or(waiting.len() + 1, |p| p + 1)
    }

    /// How long the ticket at `position` will likely wait for a claim, in office time: the middle
    /// half of recent claim waits (25th to 75th percentile), and for each ticket ahead a share of the
    /// median wait divided among the advisors who can take it. With fewer than three recent claims
    /// it is 5 minutes to `claim_within_minutes`.
    pub fn wait_range(&self, position: usize, lang: Lang) -> WaitRange {
        let mut samples: Vec<i64> = self.store.claim_waits(self.now - SAMPLE_DAYS * 86_400).unwrap_or_default();
        samples.extend(self.changes.iter().filter_map(|c| if let Change::ClaimWait { secs, .. } = c { Some(*secs) } else { None }));
        samples.truncate(SAMPLES);
        let ahead = position.saturating_sub(1) as i64;
        if samples.len() < 3 {
            return WaitRange::from_secs(5 * 60, self.esc.claim_within_secs.max(10 * 60) * (1 + ahead));
        }
        samples.sort_unstable();
        let q = |f: f64| samples[((samples.len() - 1) as f64 * f).round() as usize];
        let (q1, median, q3) = (q(0.25), q(0.5), q(0.75));
        let helpers = self.candidates(lang).len().max(1) as i64;
        WaitRange::from_secs(q1 + ahead * q1 / helpers, q3 + ahead * median / helpers)
    }

    /// "You are number 2 in the queue." and, when advisors are at work, the expected wait (and what
    /// happens when the office closes first).
    pub(super) fn standing(&self, t: &Ticket) -> Vec<Block> {
        let lang = t.lang;
        let position = self.position(t);
        let para = |s: String| Block::Paragraph(vec![Inline::Text(s)]);
        let mut out = vec![para(self.locales.msg_num(lang, "queue-position", &[], &[("position", position as i64)]))];
        match self.availability(lang) {
            Availability::Open => {
                let range = self.wait_range(position, lang);
                let text = match range {
                    WaitRange::Minutes(l, h) => self.locales.msg_num(lang, "queue-wait-minutes", &[], &[("low", l), ("high", h)]),
                    WaitRange::Hours(l, h) => self.locales.msg_num(lang, "queue-wait-hours", &[], &[("low", l), ("high", h)]),
                };
                out.push(para(text));
                // Office hours end before the wait could: say when it goes on.
                if let Some(closes) = self.esc.expect_answer_by(self.now)
                    && closes.timestamp().as_second() < self.now + range.high_secs()
                    && let Some(next) = self.esc.opens_at(closes.timestamp().as_second())
                {
                    let (day, time) = self.when(lang, &next);
                    let closes = format!("{:02}:{:02}", closes.hour(), closes.minute());
                    out.push(para(self.locales.msg(lang, "queue-wait-closing", &[("closes", &closes), ("day", &day), ("time", &time)])));
                }
            }
            Availability::Closed { opens } => {
                let (day, time) = self.when(lang, &opens);
                out.push(para(self.locales.msg(lang, "queue-opens", &[("day", &day), ("time", &time)])));
            }
            Availability::AllAway | Availability::NoLanguage => {}
        }
        out
    }

    /// The newcomer pressed "Where do I stand?".
    pub fn queue(&mut self, person: &ChatRef, lang: Lang, active: Option<&Ticket>) {
        let (text, buttons) = match active {
            Some(t) if t.state == TicketState::Open => {
                let text = RichText { blocks: self.standing(t) };
                (text, vec![vec![Button { label: self.locales.msg(t.lang, "button-queue", &[]), action: Action::Queue }]])
            }
            Some(t) => {
                let name = t
                    .partner
                    .clone()
                    .or_else(|| t.advisor.as_deref().and_then(|n| self.esc.advisor_named(n)).map(|a| a.first_name().to_string()))
                    .unwrap_or_default();
                (RichText::paragraph(self.locales.msg(t.lang, "ticket-claimed", &[("name", &name)])), vec![])
            }
            None => (RichText::paragraph(self.locales.msg(lang, "queue-none", &[])), vec![]),
        };
        let lang = active.map_or(lang, |t| t.lang);
        self.push(Outgoing::new(person.clone(), Kind::Info, lang, text, buttons));
    }

    /// The waiting notice, once nobody claimed the ticket within `claim_within_minutes`.
    pub(super) fn tell_waiting(&mut self, t: &Ticket) {
        let lang = t.lang;
        let first = match self.esc.expect_answer_by(self.now) {
            Some(by) => {
                let (day, time) = self.when(lang, &by);
                self.locales.msg(lang, "ticket-waiting", &[("day", &day), ("time", &time)])
            }
            None => self.locales.msg(lang, "ticket-waiting-soon", &[]),
        };
        let mut text = RichText::paragraph(first);
        text.blocks.push(Block::Paragraph(vec![Inline::Text(self.locales.msg_num(lang, "queue-position", &[], &[("position", self.position(t) as i64)]))]));
        let buttons = vec![vec![Button { label: self.locales.msg(lang, "button-queue", &[]), action: Action::Queue }]];
        self.push(Outgoing::new(t.person.clone(), Kind::Info, lang, text, buttons));
    }

    /// A newcomer asks for a person (or the bot could not answer again). When someone can come, a
    /// ticket opens; otherwise they hear plainly why not and when, and may leave their question
    /// (`leave`: they chose to). Danger always opens a ticket at once.
    pub fn request(&mut self, person: &ChatRef, lang: Lang, reason: Reason, recent: &[Recent], leave: bool) -> Result<Option<Ticket>> {
        if !leave && reason != Reason::Safeguarding {
            let availability = self.availability(lang);
            if availability != Availability::Open {
                self.offer_to_leave(person, lang, &availability);
                return Ok(None);
            }
        }
        self.open(person, lang, reason, None, recent).map(Some)
    }

    fn offer_to_leave(&mut self, person: &ChatRef, lang: Lang, availability: &Availability) {
        let mut text = RichText::default();
        let mut para = |s: String| text.push(Block::Paragraph(vec![Inline::Text(s)]));
        match availability {
            Availability::Closed { opens } => {
                let (day, time) = self.when(lang, opens);
                para(self.locales.msg(lang, "person-closed", &[("day", &day), ("time", &time)]));
            }
            Availability::AllAway => para(self.locales.msg(lang, "person-all-away", &[])),
            Availability::NoLanguage => {
                let states = self.advisor_states();
                let mut spoken: Vec<Lang> = Vec::new();
                for a in self.esc.advisors.iter().filter(|a| !states.get(&a.name).is_some_and(|s| s.away)) {
                    for l in &a.languages {
                        if !spoken.contains(l) {
                            spoken.push(*l);
                        }
                    }
                }
                spoken.sort_by_key(|l| Lang::ALL.iter().position(|x| x == l));
                let names: Vec<String> = spoken.iter().map(|l| self.locales.lang_name(lang, *l)).collect();
                let language = self.locales.lang_name(lang, lang);
                para(self.locales.msg(lang, "person-no-language", &[("language", &language), ("languages", &names.join(", "))]));
            }
            Availability::Open => {}
        }
        para(self.locales.msg(lang, "person-leave-offer", &[]));
        let buttons = vec![vec![Button { label: self.locales.msg(lang, "button-leave", &[]), action: Action::Leave }]];
        self.push(Outgoing::new(person.clone(), Kind::Info, lang, text, buttons));
    }
}
