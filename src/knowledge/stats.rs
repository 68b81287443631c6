//! Coverage of the knowledge base: which topic has which language, as a terminal table or an HTML page.

use super::{Date, KnowledgeBase, Status};
use crate::lang::Lang;
use std::fmt::Write;

/// What a topic has in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cell {
    /// A reviewed answer.
    Full,
    /// An answer not yet checked by a fluent reader.
    Draft,
    /// Title and questions only: findable, answered in a fallback language.
    QuestionsOnly,
    Missing,
}

impl Cell {
    fn symbol(self) -> &'static str {
        match self {
            Cell::Full => "●",
            Cell::Draft => "◐",
            Cell::QuestionsOnly => "○",
            Cell::Missing => "·",
        }
    }
}

/// One row of the matrix.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Row {
    pub topic: String,
    pub layer: String,
    pub stale: bool,
    pub reviewed: String,
    pub cells: Vec<Cell>,
    /// Per language: what the translation check found (numbers or web addresses of the source
    /// missing, an outdated or unrecorded source version); empty when all is well.
    pub findings: Vec<Vec<String>>,
}

/// The whole coverage matrix, rows in topic order, columns in [`Lang::ALL`] order.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Coverage {
    pub rows: Vec<Row>,
}

/// A translation check's findings in words.
fn describe(f: super::translation::Findings) -> Vec<String> {
    use super::translation::Version;
    let mut out = Vec::new();
    if !f.missing_numbers.is_empty() {
        out.push(format!("numbers missing: {}", f.missing_numbers.join(", ")));
    }
    if !f.missing_urls.is_empty() {
        out.push(format!("web addresses missing: {}", f.missing_urls.join(" ")));
    }
    match f.version {
        Version::Current => {}
        Version::Stale { recorded, now } => out.push(format!("stale: made from {recorded}, source now {now}")),
        Version::Unstamped { now } => out.push(format!("source version not recorded (now {now})")),
        Version::NoSource => out.push("the named source has no answer".into()),
    }
    out
}

impl Coverage {
    /// Translations with a finding, in all.
    pub fn with_findings(&self) -> usize {
        self.rows.iter().map(|r| r.findings.iter().filter(|f| !f.is_empty()).count()).sum()
    }

    /// Coverage of `kb`; topics of `list` that are not written yet appear as rows of missing cells.
    pub fn of(kb: &KnowledgeBase, today: Date, list: Option<&super::TopicList>) -> Coverage {
        let mut rows: Vec<Row> = kb
            .topics()
            .iter()
            .map(|t| Row {
                topic: t.id.to_string(),
                layer: t.layer.clone(),
                stale: t.is_stale(today),
                reviewed: t.reviewed.to_string(),
                cells: Lang::ALL
                    .iter()
                    .map(|l| match t.translation(*l) {
                        None => Cell::Missing,
                        Some(tr) if tr.body.is_none() => Cell::QuestionsOnly,
                        Some(tr) if tr.status == Status::Draft => Cell::Draft,
                        Some(_) => Cell::Full,
                    })
                    .collect(),
                findings: Lang::ALL.iter().map(|l| t.translation(*l).and_then(|tr| super::translation::check(t, tr)).map(describe).unwrap_or_default()).collect(),
            })
            .collect();
        for (id, layer) in list.map(|l| l.ids.iter()).into_iter().flatten() {
            if kb.get_str(id).is_none() {
                rows.push(Row {
                    topic: id.clone(),
                    layer: format!("({layer}, not written)"),
                    stale: false,
                    reviewed: String::new(),
                    cells: vec![Cell::Missing; Lang::ALL.len()],
                    findings: vec![Vec::new(); Lang::ALL.len()],
                });
            }
        }
        rows.sort_by(|a, b| a.topic.cmp(&b.topic));
        Coverage { rows }
    }

    /// Count of `cell` in column `lang`.
    pub fn count(&self, lang: Lang, cell: Cell) -> usize {
        self.rows.iter().filter(|r| r.cells[lang.index()] == cell).count()
    }

    pub fn table(&self) -> String {
        let w = self.rows.iter().map(|r| r.topic.len()).max().unwrap_or(5).max(5);
        let mut s = String::new();
        let _ = write!(s, "{:w$}  ", "topic");
        for l in Lang::ALL {
            let _ = write!(s, "{l} ");
        }
        s.push_str(" stale\n");
        for r in &self.rows {
            let _ = write!(s, "{:w$}  ", r.topic);
            for (c, f) in r.cells.iter().zip(&r.findings) {
                let _ = write!(s, "{}{} ", c.symbol(), if f.is_empty() { " " } else { "!" });
            }
            s.push_str(if r.stale { " yes" } else { "" });
            s.push('\n');
        }
        for (name, cell) in [("full", Cell::Full), ("draft", Cell::Draft), ("questions", Cell::QuestionsOnly), ("missing", Cell::Missing)] {
            let _ = write!(s, "{:w$}  ", name);
            for l in Lang::ALL {
                let _ = write!(s, "{:<3}", self.count(l, cell));
            }
            s.push('\n');
        }
        let stale = self.rows.iter().filter(|r| r.stale).count();
        let unwritten = self.rows.iter().filter(|r| r.cells.iter().all(|c| *c == Cell::Missing)).count();
        let _ = writeln!(
            s,
            "\n● full answer  ◐ draft answer  ○ questions only  · missing  ! translation check (numbers, web addresses, source version)\n{} topics ({} not written), {} stale, {} translations with findings (`kb check --warnings` lists them)",
            self.rows.len(),
            unwritten,
            stale,
            self.with_findings()
        );
        s
    }

    /// A self-contained HTML page (no external assets).
    pub fn html(&self, title: &str) -> String {
        let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
        let mut s = String::new();
        let _ = write!(
            s,
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title>\n<style>\n\
             body{{font-family:system-ui,sans-serif;margin:2em}} table{{border-collapse:collapse}}\n\
             th,td{{border:1px solid #ccc;padding:2px 6px;text-align:center}} td.topic{{text-align:left}}\n\
             .full{{background:#2e7d32;color:#fff}} .draft{{background:#9ccc65}} .questions-only{{background:#fff59d}}\n\
             .missing{{background:#ef9a9a}} tr.stale td.topic{{background:#ffcc80;font-weight:bold}}\n\
             td.finding{{outline:3px solid #c62828;outline-offset:-3px}}\n\
             </style></head><body>\n<h1>{t}</h1>\n<p>{n} topics · {st} past their review date (highlighted). \
             <span class=\"full\">full</span> <span class=\"draft\">draft</span> \
             <span class=\"questions-only\">questions only</span> <span class=\"missing\">missing</span>; \
             a red frame marks a translation that lacks a number or web address of its source, or was made from an older \
             version of it ({f} translations; hover for details).</p>\n<table>\n<tr><th>topic</th><th>layer</th><th>reviewed</th>",
            t = esc(title),
            n = self.rows.len(),
            st = self.rows.iter().filter(|r| r.stale).count(),
            f = self.with_findings()
        );
        for l in Lang::ALL {
            let _ = write!(s, "<th>{l}</th>");
        }
        s.push_str("</tr>\n");
        for r in &self.rows {
            let _ = write!(
                s,
                "<tr{}><td class=\"topic\">{}</td><td>{}</td><td>{}</td>",
                if r.stale { " class=\"stale\"" } else { "" },
                esc(&r.topic),
                esc(&r.layer),
                esc(&r.reviewed)
            );
            for (c, f) in r.cells.iter().zip(&r.findings) {
                let class = serde_json::to_value(c).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                let (extra, title) = if f.is_empty() { (String::new(), class.clone()) } else { (" finding".to_string(), format!("{class}: {}", f.join("; "))) };
                let _ = write!(s, "<td class=\"{class}{extra}\" title=\"{}\">{}</td>", esc(&title), c.symbol());
            }
            s.push_str("</tr>\n");
        }
        for (name, cell) in [("full", Cell::Full), ("draft", Cell::Draft), ("questions only", Cell::QuestionsOnly), ("missing", Cell::Missing)] {
            let _ = write!(s, "<tr><th colspan=\"3\">{name}</th>");
            for l in Lang::ALL {
                let _ = write!(s, "<td>{}</td>", self.count(l, cell));
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</table>\n</body></html>\n");
        s
    }
}
