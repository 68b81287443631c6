//! The editors' gaps report: recorded questions grouped by language and similarity, with counts, and
//! questions people matched to a topic by choosing it (suggested extra questions).

use crate::lang::Lang;
use crate::search::analyze::Analyzer;
use crate::store::{Gap, GapReason, Rating};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Questions that are alike, in one language.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Group {
    pub lang: Lang,
    pub count: usize,
    /// Distinct questions, most frequent first (at most 5).
    pub examples: Vec<String>,
    pub reasons: BTreeMap<String, usize>,
    /// Topics involved (answers that did not help, topics chosen).
    pub topics: BTreeSet<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    pub groups: Vec<Group>,
    /// Topic → questions people asked before choosing that topic.
    pub suggestions: BTreeMap<String, Vec<String>>,
    /// Answers advisors gave and marked as suggestions for the knowledge base.
    pub advisor_answers: Vec<AdvisorAnswer>,
    /// How newcomers rated their conversations with advisors, per language (filled by
    /// [`Report::with_ratings`]).
    pub ratings: Vec<LangRatings>,
}

/// Ratings after conversations with advisors, in one language (or all: `lang` is `None`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct LangRatings {
    pub lang: Option<Lang>,
    /// "It helped", "partly", "it did not help".
    pub helped: usize,
    pub partly: usize,
    pub not_helped: usize,
}

impl LangRatings {
    pub fn total(&self) -> usize {
        self.helped + self.partly + self.not_helped
    }

    fn add(&mut self, rating: u8) {
        match rating {
            2.. => self.helped += 1,
            1 => self.partly += 1,
            0 => self.not_helped += 1,
        }
    }
}

/// Ratings per language, most rated first, and a total row last.
pub fn ratings_by_language(ratings: &[Rating]) -> Vec<LangRatings> {
    let mut by: BTreeMap<Lang, LangRatings> = BTreeMap::new();
    let mut all = LangRatings::default();
    for r in ratings {
        by.entry(r.lang).or_insert_with(|| LangRatings { lang: Some(r.lang), ..Default::default() }).add(r.rating);
        all.add(r.rating);
    }
    let mut out: Vec<LangRatings> = by.into_values().collect();
    out.sort_by(|a, b| b.total().cmp(&a.total()).then(a.lang.cmp(&b.lang)));
    if !out.is_empty() {
        out.push(all);
    }
    out
}

/// An advisor's answer to a question, suggested for the knowledge base (no identity attached).
#[derive(Debug, Clone, serde::Serialize)]
pub struct AdvisorAnswer {
    pub lang: Lang,
    pub question: String,
    pub answer: String,
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    let inter = a.intersection(b).count() as f32;
    let union = a.union(b).count() as f32;
    if union == 0.0 { 1.0 } else { inter / union }
}

/// Groups gaps: questions in one language whose words overlap by half or more fall together.
pub fn report(gaps: &[Gap]) -> Report {
    let mut groups: Vec<(Group, BTreeSet<String>, BTreeMap<String, usize>)> = Vec::new();
    let mut suggestions: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut advisor_answers = Vec::new();
    for g in gaps {
        if let (GapReason::Suggestion, Some(answer)) = (g.reason, &g.answer) {
            advisor_answers.push(AdvisorAnswer { lang: g.lang, question: g.question.clone(), answer: answer.clone() });
        }
        if g.reason == GapReason::Chose {
            if let Some(t) = &g.topic {
                let list = suggestions.entry(t.clone()).or_default();
                if !list.contains(&g.question) {
                    list.push(g.question.clone());
                }
            }
            continue;
        }
        let words: BTreeSet<String> = Analyzer::new(Some(g.lang)).tokens(&g.question).into_iter().collect();
        let found = groups.iter_mut().find(|(grp, w, _)| grp.lang == g.lang && jaccard(w, &words) >= 0.5);
        let (grp, _, texts) = match found {
            Some(x) => x,
            None => {
                groups.push((
                    Group { lang: g.lang, count: 0, examples: vec![], reasons: BTreeMap::new(), topics: BTreeSet::new() },
                    words,
                    BTreeMap::new(),
                ));
                groups.last_mut().expect("just pushed")
            }
        };
        grp.count += 1;
        *grp.reasons.entry(g.reason.as_str().to_string()).or_default() += 1;
        if let Some(t) = &g.topic {
            grp.topics.insert(t.clone());
        }
        *texts.entry(g.question.clone()).or_default() += 1;
    }
    let mut out: Vec<Group> = groups
        .into_iter()
        .map(|(mut grp, _, texts)| {
            let mut t: Vec<(String, usize)> = texts.into_iter().collect();
            t.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            grp.examples = t.into_iter().take(5).map(|(q, _)| q).collect();
            grp
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.lang.cmp(&b.lang)));
    Report { groups: out, suggestions, advisor_answers, ratings: Vec::new() }
}

impl Report {
    /// The report with the ratings of conversations with advisors added.
    pub fn with_ratings(mut self, ratings: &[Rating]) -> Report {
        self.ratings = ratings_by_language(ratings);
        self
    }

    pub fn text(&self) -> String {
        let mut s = String::new();
        if self.groups.is_empty() && self.suggestions.is_empty() && self.advisor_answers.is_empty() {
            s.push_str("No questions recorded.\n");
            self.ratings_text(&mut s);
            return s;
        }
        let _ = writeln!(s, "Questions the bot could not answer well (most asked first):");
        for g in &self.groups {
            let reasons: Vec<String> = g.reasons.iter().map(|(r, n)| format!("{r} {n}")).collect();
            let topics = if g.topics.is_empty() { String::new() } else { format!("; topics: {}", g.topics.iter().cloned().collect::<Vec<_>>().join(", ")) };
            let _ = writeln!(s, "\n{:>4}× [{}] ({}{})", g.count, g.lang, reasons.join(", "), topics);
            for e in &g.examples {
                let _ = writeln!(s, "       {e}");
            }
        }
        if !self.suggestions.is_empty() {
            let _ = writeln!(s, "\nSuggested extra questions (people chose this topic after asking):");
            for (t, qs) in &self.suggestions {
                let _ = writeln!(s, "  {t}:");
                for q in qs {
                    let _ = writeln!(s, "    - {q}");
                }
            }
        }
        if !self.advisor_answers.is_empty() {
            let _ = writeln!(s, "\nAnswers advisors suggested for the knowledge base:");
            for a in &self.advisor_answers {
                let _ = writeln!(s, "  [{}] {}", a.lang, a.question);
                for line in a.answer.lines() {
                    let _ = writeln!(s, "      > {line}");
                }
            }
        }
        self.ratings_text(&mut s);
        s
    }

    fn ratings_text(&self, s: &mut String) {
        if self.ratings.is_empty() {
            return;
        }
        let _ = writeln!(s, "\nDid the conversation with an advisor help? (ratings per language)");
        let _ = writeln!(s, "  {:<6} {:>7} {:>7} {:>7} {:>7} {:>8}", "", "helped", "partly", "no", "total", "helped%");
        for r in &self.ratings {
            let name = r.lang.map_or_else(|| "all".to_string(), |l| l.to_string());
            let share = if r.total() == 0 { 0.0 } else { 100.0 * r.helped as f64 / r.total() as f64 };
            let _ = writeln!(s, "  {name:<6} {:>7} {:>7} {:>7} {:>7} {share:>7.0}%", r.helped, r.partly, r.not_helped, r.total());
        }
    }
}
