//! A character n-gram (1 to 4) naive Bayes model, trained on the project's own texts.

use crate::lang::Lang;
use std::collections::HashMap;

const MAX_N: usize = 4;

/// Per-language n-gram counts; call [`NgramModel::add`] with training text, then [`NgramModel::finish`].
#[derive(Default, Clone)]
pub struct NgramModel {
    counts: HashMap<Lang, HashMap<String, u32>>,
    /// Per language and n: (total count, log of the smoothing denominator).
    totals: HashMap<Lang, [(f32, f32); MAX_N]>,
    vocab: [usize; MAX_N],
}

/// Lower-cased words padded with spaces, letters only.
fn padded_words(text: &str) -> impl Iterator<Item = Vec<char>> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(200)
        .map(|w| {
            let mut v = vec![' '];
            v.extend(w.chars().flat_map(char::to_lowercase));
            v.push(' ');
            v
        })
}

fn ngrams(word: &[char], n: usize) -> impl Iterator<Item = String> + '_ {
    word.windows(n).map(|w| w.iter().collect())
}

impl NgramModel {
    pub fn add(&mut self, lang: Lang, text: &str) {
        self.add_weighted(lang, text, 1);
    }

    /// Adds text as if it occurred `weight` times (word lists with frequencies).
    pub fn add_weighted(&mut self, lang: Lang, text: &str, weight: u32) {
        let counts = self.counts.entry(lang).or_default();
        for w in padded_words(text) {
            for n in 1..=MAX_N {
                for g in ngrams(&w, n) {
                    *counts.entry(g).or_default() += weight;
                }
            }
        }
    }

    /// Computes totals; the model is ready to use.
    pub fn finish(mut self) -> Self {
        let mut vocab: [std::collections::HashSet<&String>; MAX_N] = Default::default();
        for counts in self.counts.values() {
            for g in counts.keys() {
                vocab[g.chars().count() - 1].insert(g);
            }
        }
        self.vocab = std::array::from_fn(|i| vocab[i].len().max(1));
        let mut totals = HashMap::new();
        for (lang, counts) in &self.counts {
            let mut t = [(0.0f32, 0.0f32); MAX_N];
            for (g, c) in counts {
                t[g.chars().count() - 1].0 += *c as f32;
            }
            for (i, x) in t.iter_mut().enumerate() {
                x.1 = (x.0 + 0.5 * self.vocab[i] as f32).ln();
            }
            totals.insert(*lang, t);
        }
        self.totals = totals;
        self
    }

    pub fn has(&self, lang: Lang) -> bool {
        self.counts.contains_key(&lang)
    }

    /// Log-likelihood scores of `text` per candidate, and the number of n-grams scored.
    pub fn scores(&self, text: &str, candidates: &[Lang]) -> (Vec<(Lang, f32)>, usize) {
        let words: Vec<Vec<char>> = padded_words(text).collect();
        let mut n_grams = 0usize;
        let scores: Vec<(Lang, f32)> = candidates
            .iter()
            .map(|&l| {
                let (Some(counts), Some(totals)) = (self.counts.get(&l), self.totals.get(&l)) else {
                    return (l, f32::NEG_INFINITY);
                };
                let mut s = 0.0f32;
                let mut k = 0usize;
                for w in &words {
                    for n in 1..=MAX_N {
                        for g in ngrams(w, n) {
                            let c = counts.get(&g).copied().unwrap_or(0) as f32;
                            s += (n as f32) * ((c + 0.5).ln() - totals[n - 1].1);
                            k += 1;
                        }
                    }
                }
                n_grams = n_grams.max(k);
                (l, s)
            })
            .collect();
        (scores, n_grams)
    }

    /// Probabilities over `candidates` (summing to 1).
    pub fn probabilities(&self, text: &str, candidates: &[Lang]) -> Vec<(Lang, f32)> {
        let (scores, n_grams) = self.scores(text, candidates);
        softmax(scores, n_grams, candidates)
    }
}

/// Softmax with the score scaled down by text length, so confidence does not reach 1.0 on every
/// sentence and stays comparable between short and long texts.
pub fn softmax(mut scores: Vec<(Lang, f32)>, n_grams: usize, candidates: &[Lang]) -> Vec<(Lang, f32)> {
    let scale = 1.0 / (n_grams.max(1) as f32).sqrt();
    let max = scores.iter().map(|s| s.1).fold(f32::NEG_INFINITY, f32::max);
    if !max.is_finite() {
        let p = 1.0 / candidates.len().max(1) as f32;
        return candidates.iter().map(|l| (*l, p)).collect();
    }
    let mut sum = 0.0;
    for s in scores.iter_mut() {
        s.1 = ((s.1 - max) * scale).exp();
        sum += s.1;
    }
    for s in scores.iter_mut() {
        s.1 /= sum;
    }
    scores
}
