//! `wegwijs report --html FILE`: one self-contained page (inline SVG, no scripts, no links to load)
//! on how the bot is doing, for editors and policy staff.
//!
//! Built from the daily aggregates (`usage`, kept without identity) and, for the unanswered themes,
//! from the gaps the editors already see. Every count under 10 is shown as "<10" and drawn as 5, and
//! shares and totals are computed from those masked values, so no cell singles out a person.
//! Not its job: counting (`usage`, the engine), live metrics (`metrics`).

pub mod svg;

use crate::knowledge::{KnowledgeBase, DOMAINS};
use crate::lang::Lang;
use crate::store::{DailyRow, Gap, GapReason};
use crate::usage::{Event, REPLY_BUCKETS};
use std::collections::BTreeMap;
use std::fmt::Write;
use svg::{esc, Value, PALETTE};

/// Counts under this are not shown.
pub const THRESHOLD: u64 = 10;

/// How a count is shown: exact from 10 on, otherwise "<10" (0 stays 0).
pub fn shown(n: u64) -> String {
    match n {
        0 => "0".into(),
        n if n < THRESHOLD => format!("<{THRESHOLD}"),
        n => n.to_string(),
    }
}

/// The value a count is drawn and computed with: counts under 10 count as 5.
pub fn masked(n: u64) -> f64 {
    match n {
        0 => 0.0,
        n if n < THRESHOLD => THRESHOLD as f64 / 2.0,
        n => n as f64,
    }
}

fn value(n: u64) -> Value {
    Value { height: masked(n), small: n > 0 && n < THRESHOLD, title: shown(n) }
}

/// A share of `total` (both masked), or "<10" when the part is too small to show.
fn share(part: u64, total: f64) -> String {
    match part {
        0 => "0%".into(),
        p if p < THRESHOLD => format!("<{THRESHOLD}"),
        p if total > 0.0 => format!("{:.0}%", masked(p) / total * 100.0),
        _ => "–".into(),
    }
}

/// A total of parts: exact when every part is shown exactly, else the sum of masked values marked ≈.
fn total_of(parts: &[u64]) -> String {
    if parts.iter().all(|p| *p == 0 || *p >= THRESHOLD) {
        shown(parts.iter().sum())
    } else {
        let m: f64 = parts.iter().map(|p| masked(*p)).sum();
        if m < THRESHOLD as f64 { format!("<{THRESHOLD}") } else { format!("≈{m:.0}") }
    }
}

/// What the page is made from.
pub struct Inputs<'a> {
    /// "Wegwijs Leiden".
    pub title: String,
    pub since: jiff::civil::Date,
    pub until: jiff::civil::Date,
    /// The daily aggregates from `since` on.
    pub rows: Vec<DailyRow>,
    /// Recorded gaps (questions the bot could not answer), for the unanswered themes.
    pub gaps: Vec<Gap>,
    /// Titles and integration domains of topics.
    pub kb: &'a KnowledgeBase,
    /// Names of languages in English (from the locales).
    pub lang_names: BTreeMap<Lang, String>,
}

impl Inputs<'_> {
    fn lang_name(&self, l: Lang) -> String {
        self.lang_names.get(&l).cloned().unwrap_or_else(|| l.code().to_string())
    }
}

/// Outcomes of questions, summed over some rows.
#[derive(Debug, Clone, Copy, Default)]
struct Outcomes {
    answered: u64,
    choice: u64,
    chose: u64,
    dont_know: u64,
    tickets: u64,
    helped: u64,
    not_helped: u64,
}

impl Outcomes {
    fn add(&mut self, r: &DailyRow) {
        let n = r.count;
        match r.event {
            Event::Answered => self.answered += n,
            Event::Choice => self.choice += n,
            Event::Chose => self.chose += n,
            Event::DontKnow => self.dont_know += n,
            Event::TicketOpened => self.tickets += n,
            Event::Helped => self.helped += n,
            Event::NotHelped => self.not_helped += n,
            _ => {}
        }
    }

    fn questions(&self) -> u64 {
        self.answered + self.choice + self.dont_know
    }

    /// Exclusive parts of the questions: at once, after a choice, handed to a person, not answered.
    /// A choice nobody picked from counts as not answered; a ticket is carved out of "not answered".
    fn parts(&self) -> [u64; 4] {
        let after_choice = self.chose.min(self.choice);
        let unanswered = self.dont_know + (self.choice - after_choice);
        let person = self.tickets.min(unanswered);
        [self.answered, after_choice, person, unanswered - person]
    }
}

const PART_NAMES: [&str; 4] = ["answered at once", "after a choice", "handed to a person", "not answered"];
const PART_COLOURS: [&str; 4] = ["#009E73", "#56B4E9", "#E69F00", "#D55E00"];

/// The days from `since` to `until`, inclusive.
fn days(since: jiff::civil::Date, until: jiff::civil::Date) -> Vec<String> {
    let mut out = Vec::new();
    let mut d = since;
    while d <= until && out.len() < 3660 {
        out.push(d.to_string());
        match d.tomorrow() {
            Ok(n) => d = n,
            Err(_) => break,
        }
    }
    out
}

/// The example question of a gaps group, without what could identify someone: digits, e-mail
/// addresses and links are masked, and it is cut to 90 characters.
pub fn theme(text: &str) -> String {
    let mut words = Vec::new();
    for w in text.split_whitespace() {
        if w.contains('@') || w.contains("://") || w.starts_with("www.") {
            words.push("…".to_string());
        } else {
            words.push(w.chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect());
        }
    }
    let s = words.join(" ");
    if s.chars().count() > 90 { format!("{}…", s.chars().take(89).collect::<String>()) } else { s }
}

/// The first day of a period written as `30d`, `8w` or a date (`2026-05-01`), counted back from
/// `today` (so `1d` is today alone).
pub fn since(text: &str, today: jiff::civil::Date) -> anyhow::Result<jiff::civil::Date> {
    let t = text.trim();
    let back = |n: i64| today.checked_sub(jiff::Span::new().days((n - 1).max(0))).map_err(|e| anyhow::anyhow!("--since {t}: {e}"));
    if let Some(n) = t.strip_suffix('d').and_then(|n| n.parse::<i64>().ok()).filter(|n| (1..=3650).contains(n)) {
        return back(n);
    }
    if let Some(n) = t.strip_suffix('w').and_then(|n| n.parse::<i64>().ok()).filter(|n| (1..=520).contains(n)) {
        return back(n * 7);
    }
    t.parse::<jiff::civil::Date>().map_err(|_| anyhow::anyhow!("--since {t:?}: write a number of days (30d), of weeks (8w) or a date (2026-05-01)"))
}

/// The page for a bot: the aggregates and gaps from its store, titles and domains from its knowledge.
pub fn for_bot(cfg: &crate::bot::BotConfig, store: &dyn crate::store::Store, since_text: &str, now: i64) -> anyhow::Result<String> {
    use anyhow::Context;
    let until = cfg.escalation.local(now).date();
    let since = since(since_text, until)?;
    let opts = crate::knowledge::LoadOptions { layers: Some(cfg.layers.clone()), ..Default::default() };
    let (kb, _) = crate::knowledge::load(&cfg.knowledge_dir, &opts);
    let locales = crate::locale::Locales::load(&cfg.locales_dir).with_context(|| format!("loading locales from {}", cfg.locales_dir.display()))?;
    let lang_names = Lang::ALL.iter().map(|l| (*l, locales.lang_name(Lang::En, *l).replace(['\u{2068}', '\u{2069}'], ""))).collect();
    let rows = store.daily(&since.to_string()).context("reading the daily aggregates")?;
    let gaps = store.gaps().context("reading the gaps")?;
    let inputs = Inputs { title: format!("Wegwijs {}: how it is doing", cfg.municipality), since, until, rows, gaps, kb: &kb, lang_names };
    Ok(html(&inputs))
}

/// The whole page.
pub fn html(inp: &Inputs) -> String {
    let rows = &inp.rows;
    let mut page = String::new();
    let _ = write!(
        page,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <title>{t}</title>\n<style>{CSS}</style></head><body>\n<header><h1>{t}</h1><p>{since} to {until} · counts under {THRESHOLD} are shown as \
         “&lt;{THRESHOLD}” so that nobody can be picked out; they are drawn hatched, as 5.</p></header>\n",
        t = esc(&inp.title),
        since = inp.since,
        until = inp.until
    );

    // Key figures.
    let mut all = Outcomes::default();
    rows.iter().for_each(|r| all.add(r));
    let parts = all.parts();
    let masked_q: f64 = parts.iter().map(|p| masked(*p)).sum();
    let _ = write!(page, "<section class=\"figures\">");
    // Totals whose parts are shown elsewhere on the page are totals of those parts: exact only when
    // every part is, so that subtracting the shown parts from a total never reveals a masked one.
    let mut per_lang: BTreeMap<Option<Lang>, Outcomes> = BTreeMap::new();
    rows.iter().for_each(|r| per_lang.entry(r.lang).or_default().add(r));
    let lang_questions: Vec<u64> = per_lang.values().map(Outcomes::questions).collect();
    let counts = |e: Event| -> Vec<u64> { by_bucket(rows, e).into_values().collect() };
    figure(&mut page, &total_of(&lang_questions), "questions");
    for (i, name) in PART_NAMES.iter().enumerate() {
        figure(&mut page, &share(parts[i], masked_q), name);
    }
    figure(&mut page, &total_of(&counts(Event::TicketOpened)), "tickets opened");
    figure(&mut page, &total_of(&counts(Event::Safeguarding)), "safeguarding alerts");
    page.push_str("</section>\n");

    questions_per_day(&mut page, inp);
    outcomes_per_language(&mut page, inp);
    topics(&mut page, inp);
    themes(&mut page, inp);
    advisors(&mut page, rows);
    domains(&mut page, inp);
    safeguarding(&mut page, rows);

    let _ = write!(
        page,
        "<footer><p>Made by <code>wegwijs report</code> from the bot's daily aggregates: per day, language, topic and outcome a \
         count, with no chat, account or text. The unanswered themes come from the questions kept for editors (<code>wegwijs kb \
         gaps</code>), with numbers, addresses and links masked.</p></footer>\n</body></html>\n"
    );
    page
}

fn figure(page: &mut String, value: &str, label: &str) {
    let _ = write!(page, "<div><b>{}</b><span>{}</span></div>", esc(value), esc(label));
}

fn questions_per_day(page: &mut String, inp: &Inputs) {
    let days = days(inp.since, inp.until);
    let mut per_lang: BTreeMap<Lang, BTreeMap<&str, u64>> = BTreeMap::new();
    for r in inp.rows.iter().filter(|r| r.event.is_question()) {
        if let Some(l) = r.lang {
            *per_lang.entry(l).or_default().entry(r.day.as_str()).or_default() += r.count;
        }
    }
    let mut langs: Vec<(Lang, u64)> = per_lang.iter().map(|(l, d)| (*l, d.values().sum())).collect();
    langs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let (top, rest) = langs.split_at(langs.len().min(7));
    let mut series: Vec<(String, &str, Vec<Value>)> = Vec::new();
    for (i, (l, _)) in top.iter().enumerate() {
        let d = &per_lang[l];
        series.push((l.code().to_string(), PALETTE[i], days.iter().map(|day| value(d.get(day.as_str()).copied().unwrap_or(0))).collect()));
    }
    if !rest.is_empty() {
        let v = days
            .iter()
            .map(|day| value(rest.iter().map(|(l, _)| per_lang[l].get(day.as_str()).copied().unwrap_or(0)).sum()))
            .collect();
        series.push(("other languages".into(), PALETTE[8], v));
    }
    page.push_str("<section><h2>Questions per day and language</h2>");
    if series.is_empty() {
        page.push_str("<p class=\"empty\">No questions in this period.</p></section>\n");
        return;
    }
    let legend: Vec<(&str, &str)> = series.iter().map(|(n, c, _)| (n.as_str(), *c)).collect();
    page.push_str(&svg::legend(&legend));
    page.push_str(&svg::stacked_days("days", &days, &series));
    page.push_str("</section>\n");
}

fn outcome_rows<K: Ord + Clone>(rows: &[DailyRow], key: impl Fn(&DailyRow) -> Option<K>) -> Vec<(K, Outcomes)> {
    let mut m: BTreeMap<K, Outcomes> = BTreeMap::new();
    for r in rows {
        if let Some(k) = key(r) {
            m.entry(k).or_default().add(r);
        }
    }
    m.into_iter().collect()
}

fn outcome_table_head(first: &str) -> String {
    let mut s = format!("<table><tr><th>{first}</th><th>questions</th>");
    for p in PART_NAMES {
        let _ = write!(s, "<th>{p}</th>");
    }
    s.push_str("<th>did not help</th></tr>");
    s
}

fn outcome_cells(o: &Outcomes) -> String {
    let parts = o.parts();
    let total: f64 = parts.iter().map(|p| masked(*p)).sum();
    let mut s = format!("<td>{}</td>", esc(&total_of(&parts)));
    for p in parts {
        let _ = write!(s, "<td>{}</td>", esc(&share(p, total)));
    }
    let _ = write!(s, "<td>{}</td>", esc(&shown(o.not_helped)));
    s
}

fn outcomes_per_language(page: &mut String, inp: &Inputs) {
    let mut list = outcome_rows(&inp.rows, |r| r.lang);
    list.retain(|(_, o)| o.questions() > 0);
    list.sort_by(|a, b| b.1.questions().cmp(&a.1.questions()).then(a.0.cmp(&b.0)));
    page.push_str("<section><h2>What happened to the questions, per language</h2>");
    if list.is_empty() {
        page.push_str("<p class=\"empty\">No questions in this period.</p></section>\n");
        return;
    }
    let legend: Vec<(&str, &str)> = PART_NAMES.iter().zip(PART_COLOURS).map(|(n, c)| (*n, c)).collect();
    page.push_str(&svg::legend(&legend));
    let bars: Vec<(String, Vec<(&str, &str, Value)>)> = list
        .iter()
        .map(|(l, o)| {
            let parts = o.parts();
            let total: f64 = parts.iter().map(|p| masked(*p)).sum();
            let segs = (0..4).map(|i| (PART_NAMES[i], PART_COLOURS[i], Value { height: masked(parts[i]), small: parts[i] > 0 && parts[i] < THRESHOLD, title: share(parts[i], total) })).collect();
            (format!("{} ({})", inp.lang_name(*l), l.code()), segs)
        })
        .collect();
    page.push_str(&svg::shares("langs", "Outcome of questions per language", &bars));
    page.push_str(&outcome_table_head("language"));
    for (l, o) in &list {
        let _ = write!(page, "<tr><td class=\"l\">{} ({})</td>{}</tr>", esc(&inp.lang_name(*l)), l.code(), outcome_cells(o));
    }
    page.push_str("</table><p class=\"note\">A question answered with a choice counts as “after a choice” when a topic was picked, and \
                   as not answered otherwise. A ticket counts as a question handed to a person.</p></section>\n");
}

fn topic_title(kb: &KnowledgeBase, id: &str) -> String {
    kb.get_str(id).map(|t| t.title(Lang::En, &[Lang::Nl]).to_string()).unwrap_or_else(|| id.to_string())
}

fn topics(page: &mut String, inp: &Inputs) {
    let mut list = outcome_rows(&inp.rows, |r| r.topic.clone());
    let asked = |o: &Outcomes| o.answered + o.chose;
    list.retain(|(_, o)| asked(o) + o.tickets + o.not_helped > 0);
    list.sort_by(|a, b| asked(&b.1).cmp(&asked(&a.1)).then(a.0.cmp(&b.0)));
    page.push_str("<section><h2>Topics asked most</h2>");
    if list.is_empty() {
        page.push_str("<p class=\"empty\">No topic was asked in this period.</p></section>\n");
        return;
    }
    let bars: Vec<(String, &str, Value)> = list.iter().take(15).map(|(id, o)| (topic_title(inp.kb, id), PALETTE[0], value(asked(o)))).collect();
    page.push_str(&svg::bars("topics", "Topics asked most", &bars));
    page.push_str("<table><tr><th>topic</th><th>asked</th><th>answered at once</th><th>after a choice</th><th>helped</th><th>did not help</th><th>a person asked for after it</th></tr>");
    for (id, o) in list.iter().take(25) {
        let _ = write!(
            page,
            "<tr><td class=\"l\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&topic_title(inp.kb, id)),
            esc(&total_of(&[o.answered, o.chose])),
            esc(&shown(o.answered)),
            esc(&shown(o.chose)),
            esc(&shown(o.helped)),
            esc(&shown(o.not_helped)),
            esc(&shown(o.tickets))
        );
    }
    page.push_str("</table></section>\n");
}

fn themes(page: &mut String, inp: &Inputs) {
    let since = inp.since.to_string();
    let gaps: Vec<Gap> = inp
        .gaps
        .iter()
        .filter(|g| matches!(g.reason, GapReason::DontKnow | GapReason::NotHelped | GapReason::Advisor))
        .filter(|g| jiff::Timestamp::from_second(g.created_at).map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string() >= since).unwrap_or(false))
        .cloned()
        .collect();
    let report = crate::gaps::report(&gaps);
    page.push_str("<section><h2>Unanswered themes</h2>");
    // Only what several people asked: a question asked once or twice could be someone's own story.
    let shown_groups: Vec<_> = report.groups.iter().filter(|g| g.count >= 3).take(12).collect();
    if shown_groups.is_empty() {
        page.push_str("<p class=\"empty\">No theme was asked three times or more without an answer.</p>");
    } else {
        page.push_str("<table><tr><th>language</th><th>theme (an example)</th><th>times</th></tr>");
        for g in &shown_groups {
            let example = g.examples.first().map(|e| theme(e)).unwrap_or_default();
            let _ = write!(page, "<tr><td>{}</td><td class=\"l\" lang=\"{}\" dir=\"auto\">{}</td><td>{}</td></tr>", g.lang.code(), g.lang.code(), esc(&example), esc(&shown(g.count as u64)));
        }
        page.push_str("</table>");
    }
    let rest: u64 = report.groups.iter().filter(|g| g.count < 3).map(|g| g.count as u64).sum();
    if rest > 0 {
        let _ = write!(page, "<p class=\"note\">{} more unanswered questions were asked once or twice; editors see them with <code>wegwijs kb gaps</code>.</p>", esc(&shown(rest)));
    }
    page.push_str("</section>\n");
}

fn advisors(page: &mut String, rows: &[DailyRow]) {
    page.push_str("<section><h2>Advisors: time to the first reply, and ratings</h2>");
    let sum = |e: Event| rows.iter().filter(|r| r.event == e).map(|r| r.count).sum::<u64>();
    let by_bucket = |e: Event| by_bucket(rows, e);
    let reasons = by_bucket(Event::TicketOpened);
    let _ = write!(
        page,
        "<table><tr><th>tickets opened</th><th>asked for a person</th><th>after unanswered questions</th><th>safeguarding</th><th>claimed</th><th>closed</th></tr>\
         <tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr></table>",
        esc(&total_of(&reasons.values().copied().collect::<Vec<_>>())),
        esc(&shown(reasons.get("asked").copied().unwrap_or(0))),
        esc(&shown(reasons.get("misses").copied().unwrap_or(0))),
        esc(&shown(reasons.get("safeguarding").copied().unwrap_or(0))),
        esc(&shown(sum(Event::TicketClaimed))),
        esc(&shown(sum(Event::TicketClosed))),
    );
    let replies = by_bucket(Event::FirstReply);
    let total: u64 = replies.values().sum();
    page.push_str("<h3>Time to the first reply</h3>");
    if total == 0 {
        page.push_str("<p class=\"empty\">No advisor replied to a ticket in this period.</p>");
    } else {
        let labels = ["within 5 minutes", "5 to 15 minutes", "15 minutes to 1 hour", "1 to 4 hours", "4 hours to 1 day", "1 to 3 days", "more than 3 days"];
        let bars: Vec<(String, &str, Value)> =
            REPLY_BUCKETS.iter().zip(labels).map(|((_, b), label)| (label.to_string(), PALETTE[2], value(replies.get(b).copied().unwrap_or(0)))).collect();
        page.push_str(&svg::bars("replies", "Time from a ticket's opening to an advisor's first words", &bars));
        // The bucket in which half of the first replies had come.
        let mut acc = 0;
        let median = REPLY_BUCKETS.iter().zip(labels).find(|((_, b), _)| {
            acc += replies.get(b).copied().unwrap_or(0);
            acc * 2 >= total
        });
        if let Some((_, label)) = median
            && total >= THRESHOLD
        {
            let _ = write!(page, "<p>Half of the tickets had a first reply {label} or sooner ({} replies).</p>", esc(&total_of(&replies.values().copied().collect::<Vec<_>>())));
        }
    }
    page.push_str("<h3>Ratings</h3>");
    let ratings = by_bucket(Event::Rating);
    let n: u64 = ratings.values().sum();
    if n == 0 {
        page.push_str("<p class=\"empty\">No ratings yet. After an advisor closes a ticket the newcomer is asked \"Did this help you?\"; the answers appear here.</p>");
    } else {
        let labels = ["Did not help", "Helped partly", "Helped"];
        let bars: Vec<(String, &str, Value)> =
            crate::usage::RATINGS.iter().zip(labels).map(|(r, l)| (l.to_string(), PALETTE[1], value(ratings.get(r).copied().unwrap_or(0)))).collect();
        page.push_str(&svg::bars("ratings", "Did the advisor's help help?", &bars));
        let helped = ratings.get(crate::usage::RATINGS[2]).copied().unwrap_or(0);
        // The share only when no answer count is masked (it would give the masked ones away).
        if n >= THRESHOLD && ratings.values().all(|c| *c == 0 || *c >= THRESHOLD) {
            let _ = write!(page, "<p>{}% said it helped ({} answers).</p>", helped * 100 / n, esc(&shown(n)));
        }
    }
    page.push_str("</section>\n");
}

/// The counts of one event per bucket (reason, kind, rating, ...).
fn by_bucket(rows: &[DailyRow], e: Event) -> BTreeMap<&str, u64> {
    let mut m: BTreeMap<&str, u64> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.event == e) {
        *m.entry(r.bucket.as_str()).or_default() += r.count;
    }
    m
}

fn domains(page: &mut String, inp: &Inputs) {
    let mut per: BTreeMap<&str, u64> = DOMAINS.iter().map(|d| (*d, 0)).collect();
    for r in inp.rows.iter().filter(|r| matches!(r.event, Event::Answered | Event::Chose)) {
        if let Some(t) = r.topic.as_deref().and_then(|id| inp.kb.get_str(id)) {
            for d in &t.domains {
                if let Some(n) = per.get_mut(d.as_str()) {
                    *n += r.count;
                }
            }
        }
    }
    let mut list: Vec<(&str, u64)> = per.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    page.push_str("<section><h2>Integration domains of the topics asked</h2>");
    let bars: Vec<(String, &str, Value)> = list.iter().map(|(d, n)| (d.replace('-', " "), PALETTE[3], value(*n))).collect();
    page.push_str(&svg::bars("domains", "Questions per integration domain", &bars));
    page.push_str("<p class=\"note\">A topic can belong to several domains; its questions count in each.</p></section>\n");
}

fn safeguarding(page: &mut String, rows: &[DailyRow]) {
    let mut per: BTreeMap<&str, u64> = crate::escalation::Category::ALL.iter().map(|c| (c.name(), 0)).collect();
    for r in rows.iter().filter(|r| r.event == Event::Safeguarding) {
        *per.entry(r.bucket.as_str()).or_default() += r.count;
    }
    page.push_str("<section><h2>Safeguarding alerts</h2><p>Messages about danger got the emergency numbers at once.</p><table><tr>");
    for k in per.keys() {
        let _ = write!(page, "<th>{k}</th>");
    }
    page.push_str("</tr><tr>");
    for n in per.values() {
        let _ = write!(page, "<td>{}</td>", esc(&shown(*n)));
    }
    page.push_str("</tr></table></section>\n");
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:960px;padding:1.5em;color:#222}\
h1{margin:.2em 0}header p{color:#555}h2{margin-top:1.8em;border-bottom:2px solid #0072B2;padding-bottom:.2em}\
.figures{display:flex;flex-wrap:wrap;gap:.6em}.figures div{background:#f3f6fa;border-radius:6px;padding:.6em 1em;min-width:7.5em}\
.figures b{display:block;font-size:1.6em}.figures span{color:#555;font-size:.9em}\
table{border-collapse:collapse;margin:.8em 0}th,td{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f3f6fa}\
td.l{text-align:left}.legend span{margin-right:1em;white-space:nowrap}.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-1px}\
.legend i.hatch{background:repeating-linear-gradient(45deg,#777 0 2px,#fff 2px 5px);border:1px solid #777}\
.empty,.note{color:#666;font-style:italic}footer{margin-top:2em;color:#666;font-size:.9em}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_hidden() {
        assert_eq!(shown(0), "0");
        assert_eq!(shown(3), "<10");
        assert_eq!(shown(10), "10");
        assert_eq!(share(4, 40.0), "<10");
        assert_eq!(total_of(&[30, 12, 3]), "≈47");
        assert_eq!(total_of(&[30, 12, 0]), "42");
    }

    /// A total next to its masked parts is itself approximate: 11 domestic and 1 suicide alerts must
    /// not read "12 alerts" beside "domestic 11", which would give away the one.
    #[test]
    fn no_total_gives_a_masked_part_away() {
        let row = |lang, event, bucket: &str, count| DailyRow { day: "2026-11-23".into(), lang, topic: None, event, bucket: bucket.into(), count, total: 0 };
        let rows = vec![
            row(Some(Lang::Nl), Event::Safeguarding, "domestic", 11),
            row(Some(Lang::Ar), Event::Safeguarding, "suicide", 1),
            row(Some(Lang::Nl), Event::Answered, "", 40),
            row(Some(Lang::Ti), Event::Answered, "", 2),
            row(Some(Lang::Nl), Event::TicketOpened, "asked", 12),
            row(Some(Lang::Ti), Event::TicketOpened, "safeguarding", 1),
        ];
        let kb = KnowledgeBase::default();
        let day = jiff::civil::date(2026, 11, 23);
        let page = html(&Inputs { title: "t".into(), since: day, until: day, rows, gaps: vec![], kb: &kb, lang_names: BTreeMap::new() });
        let figure = |label: &str| page.split(&format!("<span>{label}</span>")).next().and_then(|before| before.rsplit("<b>").next()).map(|v| v.split("</b>").next().unwrap_or("").to_string());
        assert_eq!(figure("safeguarding alerts").as_deref(), Some("≈16"), "{page}");
        assert_eq!(figure("questions").as_deref(), Some("≈45"));
        assert_eq!(figure("tickets opened").as_deref(), Some("≈17"));
        for exact in ["<b>12</b>", "<b>42</b>", "<b>13</b>", "<td>13</td>"] {
            assert!(!page.contains(exact), "{exact} would give a masked count away");
        }
    }

    #[test]
    fn parts_are_exclusive() {
        let o = Outcomes { answered: 20, choice: 10, chose: 6, dont_know: 8, tickets: 5, ..Default::default() };
        let p = o.parts();
        assert_eq!(p.iter().sum::<u64>(), o.questions());
        assert_eq!(p, [20, 6, 5, 7]);
    }

    #[test]
    fn themes_lose_numbers_and_addresses() {
        assert_eq!(theme("my BSN 123456782 and mail a@b.nl see https://x.nl"), "my BSN ######### and mail … see …");
    }
}
