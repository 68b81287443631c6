//! The `[escalation]` and `[[advisors]]` sections of a bot file.

use crate::lang::Lang;
use crate::message::ChatRef;
use anyhow::{anyhow, bail, Result};
use serde::Deserialize;
use std::collections::BTreeMap;

/// An id written as a number or a string in TOML (Telegram ids are numbers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountId(pub String);

impl<'de> Deserialize<'de> for AccountId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            I(i64),
            S(String),
        }
        Ok(AccountId(match Raw::deserialize(d)? {
            Raw::I(i) => i.to_string(),
            Raw::S(s) => s,
        }))
    }
}

/// One advisor, as configured in the bot file (`[[advisors]]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvisorFile {
    pub name: String,
    #[serde(default)]
    pub languages: Vec<Lang>,
    /// Telegram user id.
    #[serde(default)]
    pub telegram: Option<AccountId>,
    /// Matrix user id (`@name:server`).
    #[serde(default)]
    pub matrix: Option<AccountId>,
    /// Accounts on other transports, by transport name.
    #[serde(default)]
    pub accounts: BTreeMap<String, AccountId>,
    /// Language of the bot's texts in a direct chat with this advisor.
    #[serde(default)]
    pub language: Option<Lang>,
    /// Most tickets this advisor holds at once (default: `[escalation] max_open`).
    #[serde(default)]
    pub max_open: Option<u32>,
}

impl AdvisorFile {
    pub fn resolve(&self, default_max_open: u32) -> AdvisorConfig {
        let mut accounts: BTreeMap<String, String> = self.accounts.iter().map(|(k, v)| (k.clone(), v.0.clone())).collect();
        if let Some(t) = &self.telegram {
            accounts.insert("telegram".into(), t.0.clone());
        }
        if let Some(m) = &self.matrix {
            accounts.insert("matrix".into(), m.0.clone());
        }
        AdvisorConfig {
            name: self.name.trim().to_string(),
            accounts,
            languages: self.languages.clone(),
            language: self.language,
            max_open: self.max_open.unwrap_or(default_max_open).max(1) as usize,
            partner: false,
        }
    }
}

/// One advisor, with accounts by transport name.
#[derive(Debug, Clone)]
pub struct AdvisorConfig {
    /// Display name; newcomers see only the first word of it.
    pub name: String,
    /// Platform accounts, by transport name: `{ telegram = "12345", matrix = "@anna:example.org" }`.
    pub accounts: BTreeMap<String, String>,
    /// Languages the advisor speaks: tickets in these languages mention them.
    pub languages: Vec<Lang>,
    /// The language of the bot's texts when it writes to this advisor directly (default: the
    /// escalation's `advisor_language`).
    pub language: Option<Lang>,
    /// Most tickets held at once; new tickets are offered to advisors below it.
    pub max_open: usize,
    /// True for a partner organisation acting from its own room (see [`PartnerConfig::acting`]).
    pub partner: bool,
}

impl AdvisorConfig {
    /// What newcomers see: the first name only.
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or("")
    }

    /// The name newcomers see: an advisor's first name, a partner organisation's full name.
    pub fn public_name(&self) -> &str {
        if self.partner { &self.name } else { self.first_name() }
    }
}

/// A partner organisation (`[[escalation.partners]]`): tickets can be handed to it, and the people in
/// its own room then answer them, seeing what advisors see and never the newcomer's account.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PartnerConfig {
    /// The organisation's name, as the newcomer and the advisors see it.
    pub name: String,
    /// Languages its people speak (shown to advisors when they choose where to hand a ticket).
    #[serde(default)]
    pub languages: Vec<Lang>,
    /// The transport of its room ("telegram", "matrix", ...).
    pub platform: String,
    /// The room or group id on that platform.
    pub chat: String,
    /// The language of the bot's texts in its room (default: `advisor_language`).
    #[serde(default)]
    pub language: Option<Lang>,
    /// Accounts in the room that may answer (platform user ids); empty: everyone in the room.
    #[serde(default)]
    pub members: Vec<AccountId>,
}

impl PartnerConfig {
    pub fn chat_ref(&self) -> ChatRef {
        ChatRef::new(&self.platform, &self.chat)
    }

    /// The identity the desk acts under for the people in the partner's room.
    pub fn acting(&self) -> AdvisorConfig {
        AdvisorConfig {
            name: self.name.clone(),
            accounts: BTreeMap::new(),
            languages: self.languages.clone(),
            language: self.language,
            max_open: usize::MAX,
            partner: true,
        }
    }

    /// Whether `user` may act for the organisation in its room.
    pub fn admits(&self, user: &str) -> bool {
        self.members.is_empty() || self.members.iter().any(|m| m.0 == user)
    }
}

/// `keep_days` as written: one number for every closed ticket, or a table per reason.
#[derive(Debug, Clone)]
pub enum KeepDaysFile {
    All(u32),
    PerReason(KeepDaysTable),
}

impl<'de> Deserialize<'de> for KeepDaysFile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Days(u32),
            Table(toml::Table),
        }
        match Raw::deserialize(d).map_err(|_| serde::de::Error::custom("keep_days: expected a number of days or a table such as { default = 30, safeguarding = 90 }"))? {
            Raw::Days(n) => Ok(KeepDaysFile::All(n)),
            // Through the table again, so that a misspelt reason is named in the error.
            Raw::Table(t) => KeepDaysTable::deserialize(toml::Value::Table(t))
                .map(KeepDaysFile::PerReason)
                .map_err(|e| serde::de::Error::custom(format!("keep_days: {}", e.message()))),
        }
    }
}

/// `[escalation.keep_days]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeepDaysTable {
    #[serde(default = "default_keep")]
    pub default: u32,
    pub asked: Option<u32>,
    pub misses: Option<u32>,
    pub safeguarding: Option<u32>,
    /// Tickets an advisor chose to keep longer (`/keep`).
    pub kept: Option<u32>,
}

fn default_keep() -> u32 {
    30
}

/// Days a closed ticket (with its transcript and notes) is kept, by why it was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeepDays {
    pub asked: u32,
    pub misses: u32,
    pub safeguarding: u32,
    /// Safeguarding tickets an advisor kept with `/keep`.
    pub kept: u32,
}

impl KeepDays {
    /// The same period for every ticket (`kept` a year, or longer if that is longer).
    pub fn uniform(days: u32) -> KeepDays {
        KeepDays { asked: days, misses: days, safeguarding: days, kept: days.max(365) }
    }

    /// The shortest period (for things that belong to no ticket any more).
    pub fn shortest(&self) -> u32 {
        self.asked.min(self.misses).min(self.safeguarding)
    }

    fn from_file(f: &KeepDaysFile) -> Result<KeepDays> {
        let k = match f {
            KeepDaysFile::All(d) => KeepDays::uniform(*d),
            KeepDaysFile::PerReason(t) => {
                let safeguarding = t.safeguarding.unwrap_or(t.default);
                KeepDays {
                    asked: t.asked.unwrap_or(t.default),
                    misses: t.misses.unwrap_or(t.default),
                    safeguarding,
                    kept: t.kept.unwrap_or(safeguarding.max(365)),
                }
            }
        };
        if k.kept < k.safeguarding {
            bail!("escalation keep_days: kept ({}) must be at least safeguarding ({}): /keep keeps a ticket longer, never shorter", k.kept, k.safeguarding);
        }
        Ok(k)
    }
}

/// An advisors' room on one platform.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RoomConfig {
    /// The transport's name ("telegram", "matrix", ...).
    pub platform: String,
    /// The platform's id of the room or group.
    pub chat: String,
    /// The language of the bot's texts in this room (default: `advisor_language`).
    #[serde(default)]
    pub language: Option<Lang>,
}

impl RoomConfig {
    pub fn chat_ref(&self) -> ChatRef {
        ChatRef::new(&self.platform, &self.chat)
    }
}

/// `[escalation]` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EscalationFile {
    /// Advisors' rooms besides those named in `[telegram] advisors_chat` and `[matrix] advisors_room`.
    pub rooms: Vec<RoomConfig>,
    /// Language of the bot's texts in the Telegram advisors' group and the Matrix advisors' room.
    pub room_language: Option<Lang>,
    /// Language of advisor-facing texts (nl or en are complete; others fall back to English).
    pub advisor_language: Lang,
    /// Office hours, e.g. `["mon-fri 09:00-17:00", "sat 10:00-12:00"]`; empty means always.
    pub hours: Vec<String>,
    /// IANA time zone of the office hours.
    pub timezone: String,
    /// After this many minutes without a claim the newcomer is told when to expect an answer and the
    /// room gets a reminder.
    pub claim_within_minutes: u32,
    /// Further reminders to the room, this many minutes apart (during office hours).
    pub remind_every_minutes: u32,
    /// A closed ticket can be reopened by the newcomer within this many hours.
    pub reopen_within_hours: u32,
    /// Closed tickets and their transcripts are deleted after this many days: one number, or
    /// `[escalation.keep_days]` with `default`, `asked`, `misses`, `safeguarding` and `kept`.
    pub keep_days: KeepDaysFile,
    /// Unanswered questions in a row before a ticket is opened on the newcomer's behalf.
    pub misses_before_ticket: u32,
    /// Most tickets one advisor holds at once (per advisor: `[[advisors]] max_open`).
    pub max_open: u32,
    /// A claimed ticket with no answer after this many minutes of office time goes back to the queue
    /// and is offered to the next advisor; 0 never.
    pub release_unanswered_after_minutes: u32,
    /// Partner organisations tickets can be handed to.
    pub partners: Vec<PartnerConfig>,
}

impl Default for EscalationFile {
    fn default() -> Self {
        EscalationFile {
            rooms: Vec::new(),
            room_language: None,
            advisor_language: Lang::En,
            hours: Vec::new(),
            timezone: "Europe/Amsterdam".into(),
            claim_within_minutes: 30,
            remind_every_minutes: 60,
            reopen_within_hours: 72,
            keep_days: KeepDaysFile::All(30),
            misses_before_ticket: 2,
            max_open: 5,
            release_unanswered_after_minutes: 0,
            partners: Vec::new(),
        }
    }
}

/// Office hours: for each weekday (0 = Monday) a list of (start, end) minutes after midnight.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfficeHours {
    pub days: [Vec<(u16, u16)>; 7],
    pub always: bool,
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl OfficeHours {
    /// Parses `["mon-fri 09:00-17:00", "sat 10:00-12:00"]`.
    pub fn parse(specs: &[String]) -> Result<OfficeHours> {
        let mut h = OfficeHours { always: specs.is_empty(), ..Default::default() };
        for spec in specs {
            let (days, times) = spec.trim().split_once(' ').ok_or_else(|| anyhow!("office hours {spec:?}: expected \"mon-fri 09:00-17:00\""))?;
            let day = |d: &str| DAYS.iter().position(|x| *x == d.trim().to_ascii_lowercase()).ok_or_else(|| anyhow!("office hours {spec:?}: unknown day {d:?} (use mon..sun)"));
            let range: Vec<usize> = match days.split_once('-') {
                Some((a, b)) => {
                    let (a, b) = (day(a)?, day(b)?);
                    if a > b {
                        bail!("office hours {spec:?}: {} comes after {}", DAYS[a], DAYS[b]);
                    }
                    (a..=b).collect()
                }
                None => days.split(',').map(day).collect::<Result<_>>()?,
            };
            for period in times.split(',') {
                let (s, e) = period.trim().split_once('-').ok_or_else(|| anyhow!("office hours {spec:?}: expected a time range like 09:00-17:00"))?;
                let (s, e) = (minutes(s, spec)?, minutes(e, spec)?);
                if s >= e {
                    bail!("office hours {spec:?}: the end must come after the start");
                }
                for d in &range {
                    h.days[*d].push((s, e));
                }
            }
        }
        for d in &mut h.days {
            d.sort();
        }
        Ok(h)
    }
}

fn minutes(t: &str, spec: &str) -> Result<u16> {
    let (h, m) = t.trim().split_once(':').ok_or_else(|| anyhow!("office hours {spec:?}: {t:?} is not a time like 09:00"))?;
    let (h, m): (u16, u16) = (h.parse().map_err(|_| anyhow!("office hours {spec:?}: bad hour in {t:?}"))?, m.parse().map_err(|_| anyhow!("office hours {spec:?}: bad minute in {t:?}"))?);
    if h > 24 || m > 59 || (h == 24 && m > 0) {
        bail!("office hours {spec:?}: {t:?} is not a time of day");
    }
    Ok(h * 60 + m)
}

/// The escalation settings of a bot, checked.
#[derive(Debug, Clone)]
pub struct Escalation {
    pub rooms: Vec<RoomConfig>,
    pub advisors: Vec<AdvisorConfig>,
    pub advisor_language: Lang,
    pub hours: OfficeHours,
    pub timezone: jiff::tz::TimeZone,
    pub claim_within_secs: i64,
    pub remind_every_secs: i64,
    pub reopen_within_secs: i64,
    pub keep_days: KeepDays,
    pub misses_before_ticket: u32,
    /// 0: claims never lapse.
    pub release_unanswered_secs: i64,
    pub partners: Vec<PartnerConfig>,
}

impl Escalation {
    /// `rooms` are the advisors' rooms named in the platform sections, added to `[escalation] rooms`.
    pub fn from_file(file: &EscalationFile, advisors: &[AdvisorFile], rooms: &[RoomConfig]) -> Result<Escalation> {
        let advisors: Vec<AdvisorConfig> = advisors.iter().map(|a| a.resolve(file.max_open)).collect();
        let mut all_rooms = file.rooms.clone();
        for r in rooms {
            if !all_rooms.iter().any(|x| x.platform == r.platform && x.chat == r.chat) {
                all_rooms.push(RoomConfig { language: r.language.or(file.room_language), ..r.clone() });
            }
        }
        let timezone = jiff::tz::TimeZone::get(&file.timezone).map_err(|e| anyhow!("escalation timezone {:?}: {e}", file.timezone))?;
        let mut seen = std::collections::HashSet::new();
        for a in &advisors {
            if a.first_name().is_empty() {
                bail!("an advisor has an empty name");
            }
            for (platform, id) in &a.accounts {
                if !seen.insert((platform.clone(), id.clone())) {
                    bail!("advisor account {platform}:{id} is listed twice");
                }
            }
        }
        let mut names = std::collections::HashSet::new();
        for p in &file.partners {
            let name = p.name.trim().to_lowercase();
            if name.is_empty() {
                bail!("a partner organisation has an empty name");
            }
            if !names.insert(name.clone()) || advisors.iter().any(|a| a.name.to_lowercase() == name) {
                bail!("partner {:?}: the name is used twice (partners and advisors need different names)", p.name);
            }
            if all_rooms.iter().any(|r| r.platform == p.platform && r.chat == p.chat) {
                bail!("partner {:?}: its room is an advisors' room; a partner needs a room of its own", p.name);
            }
        }
        Ok(Escalation {
            rooms: all_rooms,
            advisors,
            advisor_language: file.advisor_language,
            hours: OfficeHours::parse(&file.hours)?,
            timezone,
            claim_within_secs: file.claim_within_minutes as i64 * 60,
            remind_every_secs: file.remind_every_minutes.max(1) as i64 * 60,
            reopen_within_secs: file.reopen_within_hours as i64 * 3600,
            keep_days: KeepDays::from_file(&file.keep_days)?,
            misses_before_ticket: file.misses_before_ticket.max(1),
            release_unanswered_secs: file.release_unanswered_after_minutes as i64 * 60,
            partners: file.partners.iter().map(|p| PartnerConfig { name: p.name.trim().to_string(), ..p.clone() }).collect(),
        })
    }

    /// Whether a person can come at all: advisors configured and a room to post tickets in.
    pub fn can_escalate(&self) -> bool {
        !self.rooms.is_empty() && !self.advisors.is_empty()
    }

    /// The partner whose room this is.
    pub fn partner_room(&self, chat: &ChatRef) -> Option<&PartnerConfig> {
        self.partners.iter().find(|p| p.platform == chat.platform && p.chat == chat.chat)
    }

    /// A partner by name: the full name, or `partner:` and the full name or its first word, any case.
    pub fn partner_named(&self, name: &str) -> Option<&PartnerConfig> {
        let name = name.trim();
        let name = name.strip_prefix("partner:").unwrap_or(name).trim().to_lowercase();
        if name.is_empty() {
            return None;
        }
        self.partners.iter().find(|p| p.name.to_lowercase() == name).or_else(|| {
            let mut first = self.partners.iter().filter(|p| p.name.split_whitespace().next().is_some_and(|w| w.to_lowercase() == name));
            match (first.next(), first.next()) {
                (Some(p), None) => Some(p),
                _ => None,
            }
        })
    }

    /// Whether the bot works with people in this chat: an advisors' room or a partner's room.
    /// Transports accept group messages from these.
    pub fn is_staff_room(&self, chat: &ChatRef) -> bool {
        self.room(chat).is_some() || self.partner_room(chat).is_some()
    }

    /// Every advisors' and partner room.
    pub fn staff_rooms(&self) -> Vec<ChatRef> {
        self.rooms.iter().map(RoomConfig::chat_ref).chain(self.partners.iter().map(PartnerConfig::chat_ref)).collect()
    }

    /// The advisor behind a platform account, if any.
    pub fn advisor(&self, platform: &str, user: &str) -> Option<&AdvisorConfig> {
        self.advisors.iter().find(|a| a.accounts.get(platform).is_some_and(|id| id == user))
    }

    /// An advisor by full or first name (case-insensitive), for hand-overs.
    pub fn advisor_named(&self, name: &str) -> Option<&AdvisorConfig> {
        let name = name.trim().trim_start_matches('@').to_lowercase();
        self.advisors
            .iter()
            .find(|a| a.name.to_lowercase() == name)
            .or_else(|| {
                let mut by_first = self.advisors.iter().filter(|a| a.first_name().to_lowercase() == name);
                match (by_first.next(), by_first.next()) {
                    (Some(a), None) => Some(a),
                    _ => None,
                }
            })
    }

    pub fn room(&self, chat: &crate::message::ChatRef) -> Option<&RoomConfig> {
        self.rooms.iter().find(|r| r.platform == chat.platform && r.chat == chat.chat)
    }

    /// Advisors who speak `lang`; everyone when nobody does.
    pub fn advisors_for(&self, lang: Lang) -> Vec<&AdvisorConfig> {
        let speakers: Vec<&AdvisorConfig> = self.advisors.iter().filter(|a| a.languages.contains(&lang)).collect();
        if speakers.is_empty() { self.advisors.iter().collect() } else { speakers }
    }

    fn zoned(&self, now: i64) -> jiff::Zoned {
        jiff::Timestamp::from_second(now).unwrap_or(jiff::Timestamp::UNIX_EPOCH).to_zoned(self.timezone.clone())
    }

    /// Whether advisors are on duty at `now` (Unix seconds).
    pub fn is_open(&self, now: i64) -> bool {
        if self.hours.always {
            return true;
        }
        let z = self.zoned(now);
        let day = z.weekday().to_monday_zero_offset() as usize;
        let m = z.hour() as u16 * 60 + z.minute() as u16;
        self.hours.days[day].iter().any(|(s, e)| *s <= m && m < *e)
    }

    /// When advisors can be expected to answer a ticket waiting at `now`: the end of the current
    /// office period when open, otherwise the next opening. `None` when there are no office hours.
    pub fn expect_answer_by(&self, now: i64) -> Option<jiff::Zoned> {
        if self.hours.always {
            return None;
        }
        let z = self.zoned(now);
        let today = z.date();
        for d in 0..8i64 {
            let Ok(date) = today.checked_add(jiff::Span::new().days(d)) else { continue };
            let wd = date.weekday().to_monday_zero_offset() as usize;
            for (s, e) in &self.hours.days[wd] {
                let at = |min: u16| {
                    let dt = if min >= 24 * 60 {
                        date.tomorrow().ok()?.at(0, 0, 0, 0)
                    } else {
                        date.at((min / 60) as i8, (min % 60) as i8, 0, 0)
                    };
                    dt.to_zoned(self.timezone.clone()).ok()
                };
                let (Some(start), Some(end)) = (at(*s), at(*e)) else { continue };
                if start <= z && z < end {
                    return Some(end);
                }
                if start > z {
                    return Some(start);
                }
            }
        }
        None
    }

    /// Seconds until the next opening (0 when open now).
    pub fn opens_at(&self, now: i64) -> Option<jiff::Zoned> {
        if self.is_open(now) { None } else { self.expect_answer_by(now) }
    }

    pub fn local(&self, now: i64) -> jiff::Zoned {
        self.zoned(now)
    }

    /// Seconds of office time between `from` and `to` (all of them when there are no office hours):
    /// how long a ticket waited while someone could have taken it.
    pub fn office_secs(&self, from: i64, to: i64) -> i64 {
        if to <= from {
            return 0;
        }
        if self.hours.always {
            return to - from;
        }
        let mut total = 0;
        let mut date = self.zoned(from).date();
        let last = self.zoned(to).date();
        // Bounded: a ticket waiting for months counts its last two months at most.
        for _ in 0..62 {
            let wd = date.weekday().to_monday_zero_offset() as usize;
            for (s, e) in &self.hours.days[wd] {
                let at = |min: u16| -> Option<i64> {
                    let dt = if min >= 24 * 60 { date.tomorrow().ok()?.at(0, 0, 0, 0) } else { date.at((min / 60) as i8, (min % 60) as i8, 0, 0) };
                    Some(dt.to_zoned(self.timezone.clone()).ok()?.timestamp().as_second())
                };
                if let (Some(a), Some(b)) = (at(*s), at(*e)) {
                    total += (b.min(to) - a.max(from)).max(0);
                }
            }
            if date >= last {
                break;
            }
            let Ok(next) = date.tomorrow() else { break };
            date = next;
        }
        total
    }

    /// When office time will have run for `secs` seconds after `from` (None: not within two weeks).
    pub fn after_office_secs(&self, from: i64, secs: i64) -> Option<i64> {
        if self.hours.always {
            return Some(from + secs);
        }
        let mut left = secs;
        let mut t = from;
        for _ in 0..40 {
            let Some(edge) = self.expect_answer_by(t) else { return Some(t + left) };
            let edge = edge.timestamp().as_second();
            if self.is_open(t) {
                if t + left <= edge {
                    return Some(t + left);
                }
                left -= edge - t;
            }
            t = edge;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(hours: &[&str]) -> Escalation {
        let file = EscalationFile { hours: hours.iter().map(|s| s.to_string()).collect(), ..Default::default() };
        Escalation::from_file(&file, &[], &[]).unwrap()
    }

    fn at(s: &str) -> i64 {
        s.parse::<jiff::Zoned>().unwrap().timestamp().as_second()
    }

    #[test]
    fn office_hours_follow_local_time_with_daylight_saving() {
        let e = esc(&["mon-fri 09:00-17:00"]);
        // Monday 2026-11-23, winter time (UTC+1).
        assert!(e.is_open(at("2026-11-23T09:00[Europe/Amsterdam]")));
        assert!(!e.is_open(at("2026-11-23T08:59[Europe/Amsterdam]")));
        assert!(!e.is_open(at("2026-11-23T17:00[Europe/Amsterdam]")));
        // Summer time (UTC+2) is handled by the zone, not by a fixed offset.
        assert!(e.is_open(at("2026-07-01T09:30[Europe/Amsterdam]")));
        assert!(!e.is_open(at("2026-11-28T12:00[Europe/Amsterdam]")), "Saturday");
        let by = e.expect_answer_by(at("2026-11-27T18:00[Europe/Amsterdam]")).unwrap();
        assert_eq!(by.to_string(), "2026-11-30T09:00:00+01:00[Europe/Amsterdam]", "Friday evening → Monday 9:00");
        let by = e.expect_answer_by(at("2026-11-23T10:00[Europe/Amsterdam]")).unwrap();
        assert_eq!((by.hour(), by.minute()), (17, 0));
        assert!(esc(&[]).is_open(0) && esc(&[]).expect_answer_by(0).is_none());
    }

    #[test]
    fn bad_office_hours_are_explained() {
        for (spec, want) in [("mon-fri", "expected"), ("xyz 09:00-10:00", "unknown day"), ("mon 10:00-09:00", "after the start"), ("mon 25:00-26:00", "not a time"), ("fri-mon 09:00-10:00", "comes after")] {
            let file = EscalationFile { hours: vec![spec.into()], ..Default::default() };
            let err = Escalation::from_file(&file, &[], &[]).unwrap_err().to_string();
            assert!(err.contains(want), "{spec}: {err}");
        }
    }
}
