//! `wegwijs eval`: answer quality, language identification and speed on a question set.
//!
//! Input: JSON Lines. `{"q", "lang", "expect": [topic ids]}` measures answers (`expect: []` means the
//! bot should say it does not know); a line without `expect` (`{"text" or "q", "lang", "kind"?}`)
//! measures language identification only.

use crate::conversation::Engine;
use crate::lang::Lang;
use crate::search::Decision;
use anyhow::{Context, Result};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

#[derive(Debug, Default, Clone, Serialize)]
pub struct Metrics {
    pub n: usize,
    pub langid_acc: f64,
    pub recall_at_1: f64,
    pub recall_at_3: f64,
    pub mrr: f64,
    pub abstain_rate_in_scope: f64,
    /// Share of in-scope questions whose first reply shows an expected topic: as the answer, among
    /// the choices, or among the topics suggested under "don't know".
    pub offered_rate: f64,
    /// Recall of the ranking alone, as if the bot never said "don't know" (diagnostics: how much
    /// of the loss is the decision, how much the ranking).
    pub ranking_recall_at_1: f64,
    pub ranking_recall_at_3: f64,
}

#[derive(Default)]
struct Acc {
    n: usize,
    lang_ok: usize,
    r1: usize,
    r3: usize,
    rr: f64,
    abstained: usize,
    offered: usize,
    rank1: usize,
    rank3: usize,
}

impl Acc {
    fn metrics(&self) -> Metrics {
        let d = self.n.max(1) as f64;
        Metrics {
            n: self.n,
            langid_acc: self.lang_ok as f64 / d,
            recall_at_1: self.r1 as f64 / d,
            recall_at_3: self.r3 as f64 / d,
            mrr: self.rr / d,
            abstain_rate_in_scope: self.abstained as f64 / d,
            offered_rate: self.offered as f64 / d,
            ranking_recall_at_1: self.rank1 as f64 / d,
            ranking_recall_at_3: self.rank3 as f64 / d,
        }
    }
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct OutOfScope {
    pub n: usize,
    pub abstained: usize,
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct Latency {
    pub p50: f64,
    pub p99: f64,
}

/// Tokens the model read per question (all of its passes): what the time with the model goes with,
/// free of the machine's load. Absent without a model.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Tokens {
    pub p50: usize,
    pub p99: usize,
    pub max: usize,
}

/// Language identification on lines without `expect`.
#[derive(Debug, Default, Clone, Serialize)]
pub struct LangId {
    pub n: usize,
    pub overall: f64,
    /// Per language: accuracy per `kind` and over all its lines (`all`).
    pub by_lang: BTreeMap<String, BTreeMap<String, f64>>,
    /// Most frequent mistakes: expected, detected (or "none"), count.
    pub confusions: Vec<(String, String, usize)>,
}

/// Emergency numbers for lines marked `"safety": true`, and false alarms on all other lines.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Safeguarding {
    /// Lines with `"safety": true`.
    pub n: usize,
    /// Of those, how many got the emergency numbers.
    pub caught: usize,
    /// Lines without `"safety": true` that got the emergency numbers.
    pub false_alarms: usize,
    /// Lines without `"safety": true`.
    pub ordinary: usize,
    pub by_lang: BTreeMap<String, SafeguardingLang>,
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct SafeguardingLang {
    pub n: usize,
    pub caught: usize,
    pub false_alarms: usize,
    pub ordinary: usize,
}

/// The whole report; the JSON shape is a fixed interface read by other tools.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Report {
    pub overall: Metrics,
    pub by_lang: BTreeMap<String, Metrics>,
    pub out_of_scope: OutOfScope,
    pub latency_ms: Latency,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Tokens>,
    pub safeguarding: Safeguarding,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub langid: Option<LangId>,
    /// In-scope questions answered wrongly or not at all (for the readable report).
    #[serde(skip)]
    pub misses: Vec<String>,
    /// The slowest questions with their time in ms (for the readable report).
    #[serde(skip)]
    pub slowest: Vec<(f64, String)>,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

pub fn run(engine: &Engine, path: &Path) -> Result<Report> {
    run_with_lines(engine, path, None)
}

/// `run`, and with `lines`: one JSON object per question written there, with how the safeguarding
/// check saw it (`wegwijs eval FILE --lines OUT`): whether a phrase fired, and with the model the
/// distress similarity of the whole message and of each sentence (`conversation::second_opinion`);
/// and the decision with the first three topics of the ranking (score, language, anchored).
/// For editors asking why a message did or did not raise the alarm or get its answer, and for
/// choosing `[semantic] distress_above` and `distress_margin` and the `[search]` thresholds on sets
/// of one's own.
pub fn run_with_lines(engine: &Engine, path: &Path, mut lines: Option<&mut dyn std::io::Write>) -> Result<Report> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut overall = Acc::default();
    let mut by_lang: BTreeMap<String, Acc> = BTreeMap::new();
    let mut oos = OutOfScope::default();
    let mut times = Vec::new();
    let mut timed: Vec<(f64, String)> = Vec::new();
    let mut tokens: Vec<usize> = Vec::new();
    let mut misses = Vec::new();
    // langid: lang -> kind -> (ok, n)
    let mut lid: BTreeMap<String, BTreeMap<String, (usize, usize)>> = BTreeMap::new();
    let mut confusions: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut lid_n = 0;
    let mut lid_ok = 0;
    let mut safety = Safeguarding::default();

    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).with_context(|| format!("{}:{}: not valid JSON", path.display(), i + 1))?;
        let q = v.get("q").or_else(|| v.get("text")).and_then(Value::as_str);
        let lang = v.get("lang").and_then(Value::as_str);
        let (Some(q), Some(lang)) = (q, lang) else {
            anyhow::bail!("{}:{}: each line needs \"q\" (or \"text\") and \"lang\"", path.display(), i + 1);
        };
        let expected_lang = Lang::from_code(lang).map(|l| l.code().to_string()).unwrap_or_else(|| lang.to_string());
        let marked = match v.get("safety") {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => anyhow::bail!("{}:{}: \"safety\" must be true or false", path.display(), i + 1),
        };
        let expect = v.get("expect");
        if expect.is_none() && marked.is_none() {
            // Language identification only: the detector's own verdict, no conversation around it.
            let det = engine.snapshot().detector.detect(q);
            let got = det.lang.map_or("none".to_string(), |l| l.code().to_string());
            let kind = v.get("kind").and_then(Value::as_str).unwrap_or("text").to_string();
            let ok = got == expected_lang;
            let e = lid.entry(expected_lang.clone()).or_default();
            for k in [kind.as_str(), "all"] {
                let c = e.entry(k.to_string()).or_default();
                c.0 += usize::from(ok);
                c.1 += 1;
            }
            lid_n += 1;
            lid_ok += usize::from(ok);
            if !ok {
                misses.push(format!("language ({kind}): {q} — expected {expected_lang}, detected {got}"));
                *confusions.entry((expected_lang, got)).or_default() += 1;
            }
            continue;
        }
        let read = crate::semantic::TOKENS_READ.load(std::sync::atomic::Ordering::Relaxed);
        let t0 = Instant::now();
        let asked = engine.ask(q, None);
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        times.push(ms);
        tokens.push(crate::semantic::TOKENS_READ.load(std::sync::atomic::Ordering::Relaxed) - read);
        timed.push((ms, q.to_string()));
        let alarm = asked.safeguarding.is_some();
        if let Some(out) = lines.as_deref_mut() {
            let snap = engine.snapshot();
            let (hits, harmless) = snap.triggers.look(q);
            let phrase = matches!(hits.first().map(|h| h.trigger), Some(crate::escalation::Trigger::Safeguarding(_)));
            let (whole, sentences) = engine.with_prepared(q, |snap| {
                use crate::conversation::{sentence_similarities, Engine};
                (Engine::prepared_distress(snap, q), sentence_similarities(snap, q))
            });
            let line = serde_json::json!({
                "q": q,
                "lang": expected_lang,
                "safety": marked,
                "alarm": asked.safeguarding,
                "phrase": phrase,
                "harmless": harmless,
                "distress": whole,
                "sentences": sentences,
                "expect": expect,
                "decision": asked.ranked.decision,
                "topics": asked.ranked.topics.iter().take(3).collect::<Vec<_>>(),
            });
            writeln!(out, "{line}")?;
        }
        let sl = safety.by_lang.entry(expected_lang.clone()).or_default();
        if marked == Some(true) {
            safety.n += 1;
            sl.n += 1;
            safety.caught += usize::from(alarm);
            sl.caught += usize::from(alarm);
            if !alarm {
                misses.push(format!("distress not caught [{expected_lang}]: {q}"));
            }
        } else {
            safety.ordinary += 1;
            sl.ordinary += 1;
            safety.false_alarms += usize::from(alarm);
            sl.false_alarms += usize::from(alarm);
            if alarm {
                misses.push(format!("false alarm ({}) [{expected_lang}]: {q}", asked.safeguarding.map_or(String::new(), |c| c.to_string())));
            }
        }
        let Some(expect) = expect else { continue };
        let expect: Vec<&str> = expect
            .as_array()
            .with_context(|| format!("{}:{}: \"expect\" must be a list of topic ids", path.display(), i + 1))?
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let abstained = asked.ranked.decision == Decision::DontKnow;
        if expect.is_empty() {
            oos.n += 1;
            oos.abstained += usize::from(abstained);
            if !abstained {
                misses.push(format!("out of scope but answered: {q}"));
            }
            continue;
        }
        let rank = if abstained {
            None
        } else {
            asked.ranked.topics.iter().position(|s| expect.contains(&s.topic.as_str())).map(|p| p + 1)
        };
        let lang_ok = asked.language.lang.code() == expected_lang;
        let ranking = asked.ranked.topics.iter().position(|s| expect.contains(&s.topic.as_str())).map(|p| p + 1);
        let shown = asked.ranked.shown(&engine.search_params(&engine.snapshot()));
        let offered = shown.iter().any(|t| expect.contains(&t.as_str()));
        for acc in [&mut overall, by_lang.entry(expected_lang.clone()).or_default()] {
            acc.n += 1;
            acc.lang_ok += usize::from(lang_ok);
            acc.r1 += usize::from(rank == Some(1));
            acc.r3 += usize::from(rank.is_some_and(|r| r <= 3));
            acc.rr += rank.map_or(0.0, |r| 1.0 / r as f64);
            acc.abstained += usize::from(abstained);
            acc.offered += usize::from(offered);
            acc.rank1 += usize::from(ranking == Some(1));
            acc.rank3 += usize::from(ranking.is_some_and(|r| r <= 3));
        }
        if rank != Some(1) {
            let got = if abstained {
                "don't know".to_string()
            } else {
                asked.ranked.topics.first().map_or("nothing".into(), |s| format!("{} ({:.2})", s.topic, s.score))
            };
            misses.push(format!("[{expected_lang}→{}] {q} — expected {}, got {got}", asked.language.lang, expect.join("/")));
        }
        if !lang_ok {
            misses.push(format!("language: {q} — expected {expected_lang}, detected {}", asked.language.lang));
        }
    }
    times.sort_by(f64::total_cmp);
    tokens.sort_unstable();
    // The same rank as `percentile`.
    let at = |p: f64| tokens[((p * tokens.len() as f64).ceil() as usize).clamp(1, tokens.len()) - 1];
    let tokens = (engine.snapshot().semantic.is_some() && !tokens.is_empty()).then(|| Tokens { p50: at(0.5), p99: at(0.99), max: at(1.0) });
    timed.sort_by(|a, b| b.0.total_cmp(&a.0));
    timed.truncate(5);
    let langid = (lid_n > 0).then(|| {
        let mut conf: Vec<(String, String, usize)> = confusions.into_iter().map(|((a, b), n)| (a, b, n)).collect();
        conf.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.cmp(b)));
        conf.truncate(20);
        LangId {
            n: lid_n,
            overall: lid_ok as f64 / lid_n as f64,
            by_lang: lid
                .into_iter()
                .map(|(l, kinds)| (l, kinds.into_iter().map(|(k, (ok, n))| (k, ok as f64 / n.max(1) as f64)).collect()))
                .collect(),
            confusions: conf,
        }
    });
    Ok(Report {
        overall: overall.metrics(),
        by_lang: by_lang.into_iter().map(|(l, a)| (l, a.metrics())).collect(),
        out_of_scope: oos,
        latency_ms: Latency { p50: percentile(&times, 0.5), p99: percentile(&times, 0.99) },
        tokens,
        safeguarding: safety,
        langid,
        misses,
        slowest: timed,
    })
}

/// The readable form of a report.
pub fn table(r: &Report, verbose: bool) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "{:<8} {:>5} {:>7} {:>7} {:>7} {:>7} {:>8} {:>8}", "lang", "n", "langid", "R@1", "R@3", "MRR", "abstain", "offered");
    let row = |s: &mut String, name: &str, m: &Metrics| {
        let _ = writeln!(
            s,
            "{:<8} {:>5} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>8.3} {:>8.3}",
            name, m.n, m.langid_acc, m.recall_at_1, m.recall_at_3, m.mrr, m.abstain_rate_in_scope, m.offered_rate
        );
    };
    for (l, m) in &r.by_lang {
        row(&mut s, l, m);
    }
    row(&mut s, "overall", &r.overall);
    let _ = writeln!(s, "\nout of scope: {} of {} answered with \"I don't know\"", r.out_of_scope.abstained, r.out_of_scope.n);
    let _ = writeln!(s, "latency per question: p50 {:.3} ms, p99 {:.3} ms", r.latency_ms.p50, r.latency_ms.p99);
    if let Some(t) = &r.tokens {
        let _ = writeln!(s, "tokens read by the model per question: p50 {}, p99 {}, most {}", t.p50, t.p99, t.max);
    }
    let sg = &r.safeguarding;
    if sg.n > 0 || sg.false_alarms > 0 {
        let _ = writeln!(s, "\nsafeguarding: {} of {} distress lines caught; {} false alarms on {} other lines", sg.caught, sg.n, sg.false_alarms, sg.ordinary);
        for (l, x) in &sg.by_lang {
            let _ = writeln!(s, "  {l}: caught {}/{}, false alarms {}/{}", x.caught, x.n, x.false_alarms, x.ordinary);
        }
    }
    if let Some(l) = &r.langid {
        let _ = writeln!(s, "\nlanguage identification: {} texts, accuracy {:.4}", l.n, l.overall);
        for (lang, kinds) in &l.by_lang {
            let parts: Vec<String> = kinds.iter().map(|(k, v)| format!("{k} {v:.3}")).collect();
            let _ = writeln!(s, "  {lang}: {}", parts.join(", "));
        }
        let _ = writeln!(s, "most frequent mistakes:");
        for (a, b, n) in l.confusions.iter().take(10) {
            let _ = writeln!(s, "  {a} → {b}: {n}");
        }
    }
    if verbose && !r.slowest.is_empty() {
        let _ = writeln!(s, "\nslowest questions:");
        for (ms, q) in &r.slowest {
            let _ = writeln!(s, "  {ms:.3} ms  {q}");
        }
    }
    if verbose && !r.misses.is_empty() {
        let _ = writeln!(s, "\nmisses:");
        for m in &r.misses {
            let _ = writeln!(s, "  {m}");
        }
    }
    s
}
