//! Language identification side by side, on the same lines and restricted to Wegwijs's 17 languages:
//! Wegwijs's detector, whatlang alone (same allowlist), and lingua in high-accuracy mode (the 16 of
//! the 17 languages it has; it has no Tigrinya, so those lines count as misses for it).
//!
//! Run: `cargo run --release --example langid_compare [-- FILE]`
//! (default FILE: ../shared/eval/langid/langid.jsonl; lines `{"text" or "q", "lang", "kind"?}`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::train_model;
use wegwijs::knowledge::{load, LoadOptions};
use wegwijs::lang::Lang;
use wegwijs::language::{to_whatlang, Detector};

fn to_lingua(l: Lang) -> Option<lingua::Language> {
    use lingua::Language as L;
    Some(match l {
        Lang::Nl => L::Dutch,
        Lang::En => L::English,
        Lang::Ar => L::Arabic,
        Lang::Tr => L::Turkish,
        Lang::Pl => L::Polish,
        Lang::Uk => L::Ukrainian,
        Lang::Ru => L::Russian,
        Lang::Fa => L::Persian,
        Lang::So => L::Somali,
        Lang::Es => L::Spanish,
        Lang::Fr => L::French,
        Lang::De => L::German,
        Lang::Zh => L::Chinese,
        Lang::Pt => L::Portuguese,
        Lang::Ro => L::Romanian,
        Lang::It => L::Italian,
        Lang::Ti => return None,
    })
}

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1).and_then(|p| p.parse::<f64>().ok()))
        .map_or(0.0, |pages| pages * 4096.0 / 1e6)
}

/// Accuracy per (lang, kind) and overall per kind.
#[derive(Default)]
struct Tally {
    cells: BTreeMap<(String, String), (usize, usize)>,
    nanos: u128,
    n: usize,
}

impl Tally {
    fn add(&mut self, lang: &str, kind: &str, ok: bool) {
        for k in [kind, "all"] {
            for l in [lang, "overall"] {
                let c = self.cells.entry((l.to_string(), k.to_string())).or_default();
                c.0 += usize::from(ok);
                c.1 += 1;
            }
        }
    }
    fn acc(&self, lang: &str, kind: &str) -> f64 {
        self.cells.get(&(lang.to_string(), kind.to_string())).map_or(f64::NAN, |(ok, n)| *ok as f64 / *n as f64)
    }
}

fn main() {
    let file = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/eval/langid/langid.jsonl"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
    let lines: Vec<(String, String, String)> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let t = v.get("text").or_else(|| v.get("q"))?.as_str()?.to_string();
            let lang = v.get("lang")?.as_str()?.to_string();
            let kind = v.get("kind").and_then(|k| k.as_str()).unwrap_or("text").to_string();
            Some((t, lang, kind))
        })
        .collect();

    // Wegwijs: trained at start-up on the shipped knowledge base and locales.
    let t0 = Instant::now();
    let m0 = rss_mb();
    let cfg = BotConfig::load(std::path::Path::new("bots/leiden.toml")).expect("run from the project folder");
    let (kb, _) = load(&cfg.knowledge_dir, &LoadOptions { layers: Some(cfg.layers.clone()), ..LoadOptions::default() });
    let wegwijs = Detector::new(train_model(&kb, &cfg.locales_dir), &Lang::ALL);
    let (w_start, w_mem) = (t0.elapsed(), rss_mb() - m0);

    let t0 = Instant::now();
    let whatlang = whatlang::Detector::with_allowlist(Lang::ALL.iter().filter_map(|l| to_whatlang(*l)).collect());
    let wl_start = t0.elapsed();

    let t0 = Instant::now();
    let m0 = rss_mb();
    let lingua = lingua::LanguageDetectorBuilder::from_languages(&Lang::ALL.iter().filter_map(|l| to_lingua(*l)).collect::<Vec<_>>())
        .with_preloaded_language_models()
        .build();
    let (li_start, li_mem) = (t0.elapsed(), rss_mb() - m0);

    let mut tallies: Vec<(&str, Tally)> = vec![("wegwijs", Tally::default()), ("whatlang", Tally::default()), ("lingua", Tally::default())];
    for (text, lang, kind) in &lines {
        let t = Instant::now();
        let got = wegwijs.detect(text).lang.map(|l| l.code().to_string());
        tallies[0].1.nanos += t.elapsed().as_nanos();
        tallies[0].1.add(lang, kind, got.as_deref() == Some(lang.as_str()));

        let t = Instant::now();
        let got = whatlang.detect(text).and_then(|i| Lang::ALL.into_iter().find(|l| to_whatlang(*l) == Some(i.lang())));
        tallies[1].1.nanos += t.elapsed().as_nanos();
        tallies[1].1.add(lang, kind, got.map(|l| l.code()) == Some(lang.as_str()));

        let t = Instant::now();
        let got = lingua.detect_language_of(text).and_then(|g| Lang::ALL.into_iter().find(|l| to_lingua(*l) == Some(g)));
        tallies[2].1.nanos += t.elapsed().as_nanos();
        tallies[2].1.add(lang, kind, got.map(|l| l.code()) == Some(lang.as_str()));
        for (_, t) in tallies.iter_mut() {
            t.n += 1;
        }
    }

    let kinds: Vec<String> = {
        let mut k: Vec<String> = lines.iter().map(|l| l.2.clone()).collect();
        k.sort();
        k.dedup();
        k.push("all".into());
        k
    };
    let mut langs: Vec<String> = lines.iter().map(|l| l.1.clone()).collect();
    langs.sort();
    langs.dedup();
    langs.push("overall".into());
    println!("{} lines from {}\n", lines.len(), file.display());
    print!("{:<8}", "lang");
    for k in &kinds {
        for (name, _) in &tallies {
            print!(" {:>10}", format!("{}:{}", &name[..2], &k[..k.len().min(7)]));
        }
    }
    println!();
    for l in &langs {
        print!("{l:<8}");
        for k in &kinds {
            for (_, t) in &tallies {
                print!(" {:>10.3}", t.acc(l, k));
            }
        }
        println!();
    }
    println!("\n(we = wegwijs, wh = whatlang, li = lingua high accuracy)");
    for (name, t) in &tallies {
        println!("{name:<9} {:>8.1} µs per text", t.nanos as f64 / t.n.max(1) as f64 / 1000.0);
    }
    println!(
        "start-up: wegwijs {:.2} s (+{:.0} MB), whatlang {:.3} s, lingua {:.2} s (+{:.0} MB, models preloaded)",
        w_start.as_secs_f64(),
        w_mem,
        wl_start.as_secs_f64(),
        li_start.as_secs_f64(),
        li_mem
    );
}
