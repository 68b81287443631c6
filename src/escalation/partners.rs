//! Handing a case to a partner organisation (`[[escalation.partners]]`): its own room gets the ticket
//! as advisors see it (never the newcomer's account), its people answer there, and the newcomer is
//! told who helps them now.

use super::config::{AdvisorConfig, PartnerConfig};
use super::desk::Desk;
use super::ticket::TicketState;
use crate::lang::Lang;
use crate::message::{Block, ChatRef, Inline, Kind, RichText};
use anyhow::Result;

impl Desk<'_> {
    /// `/handover 42 partner:<name>`.
    pub(super) fn to_partner(&mut self, chat: &ChatRef, a: &AdvisorConfig, id: u64, p: &PartnerConfig) -> Result<()> {
        let lang = self.staff_lang(chat, Some(a));
        let Some(mut t) = self.active(chat, lang, a, id)? else { return Ok(()) };
        if t.partner.as_deref() == Some(p.name.as_str()) {
            self.reply(chat, lang, "staff-already-with-partner", &[("ticket", &id.to_string()), ("partner", &p.name)]);
            return Ok(());
        }
        if t.partner.is_none() && self.held_by_other(chat, lang, &t, a) {
            return Ok(());
        }
        let from = a.name.clone();
        t.state = if t.state == TicketState::Answered { TicketState::Answered } else { TicketState::Claimed };
        t.advisor = Some(p.name.clone());
        t.partner = Some(p.name.clone());
        t.offered_to = None;
        t.claimed_at = Some(self.now);
        self.save(&mut t);
        self.refresh_buttons(&t)?;
        // The partner's room gets the whole ticket (transcript and notes), as advisors see it.
        let news = vec![("ticket".to_string(), id.to_string()), ("from".to_string(), from.clone()), ("partner".to_string(), p.name.clone())];
        self.post_ticket(&t, Some(("staff-partner-received", news)), Some(&[p.chat_ref()]))?;
        let n = id.to_string();
        let partner_room = p.chat_ref();
        let t2 = t.clone();
        self.to_rooms_except(&t, Kind::Ticket, Some(&partner_room), &|d: &Desk, _r: &ChatRef, lang: Lang| {
            let line = d.staff(lang, "staff-handed-partner", &[("ticket", &n), ("from", &from), ("partner", &t2.partner.clone().unwrap_or_default())]);
            (RichText { blocks: vec![Block::Paragraph(vec![Inline::Text(line)])] }, d.staff_buttons(lang, &t2))
        });
        self.to_person(&t, Kind::Info, "ticket-partner", &[("name", &p.name)], vec![]);
        Ok(())
    }
}
