//! Character n-gram (1 to 4) naive Bayes statistics. N-grams are hashed to 64 bits, so counting and
//! scoring allocate nothing; models can be layered (the embedded base plus the project's own texts).

use crate::lang::Lang;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const MAX_N: usize = 4;
const LANGS: usize = Lang::ALL.len();

/// Keys are already well-mixed hashes: use them as they are.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// A 64-bit hash of a short run of characters (FNV-1a, finalized).
pub fn key(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        h = (h ^ *c as u64).wrapping_mul(0x100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// The key of an n-gram: its hash with n in the top three bits.
fn ngram_key(g: &[char]) -> u64 {
    (key(g) & !(0b111 << 61)) | ((g.len() as u64) << 61)
}

/// Lower-cased words padded with spaces, letters only, into `buf` (reused).
pub fn padded_words(text: &str, mut each: impl FnMut(&[char])) {
    let mut buf: Vec<char> = Vec::with_capacity(32);
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(200) {
        buf.clear();
        buf.push(' ');
        buf.extend(w.chars().flat_map(char::to_lowercase).take(40));
        buf.push(' ');
        each(&buf);
    }
}

/// Per-language n-gram counts.
#[derive(Clone)]
pub struct NgramModel {
    counts: Vec<KeyMap<u32>>,
    totals: Vec<[f64; MAX_N]>,
    distinct: [usize; MAX_N],
}

impl Default for NgramModel {
    fn default() -> Self {
        NgramModel { counts: vec![KeyMap::default(); LANGS], totals: vec![[0.0; MAX_N]; LANGS], distinct: [0; MAX_N] }
    }
}

impl NgramModel {
    pub fn add(&mut self, lang: Lang, text: &str) {
        self.add_weighted(lang, text, 1);
    }

    /// Adds text as if it occurred `weight` times (word lists with frequencies).
    pub fn add_weighted(&mut self, lang: Lang, text: &str, weight: u32) {
        let li = lang.index();
        let (counts, totals) = (&mut self.counts[li], &mut self.totals[li]);
        padded_words(text, |w| {
            for n in 1..=MAX_N {
                for g in w.windows(n) {
                    *counts.entry(ngram_key(g)).or_default() += weight;
                    totals[n - 1] += weight as f64;
                }
            }
        });
    }

    /// Call after adding: counts the vocabulary (distinct n-grams over all languages) for smoothing.
    pub fn finish(mut self) -> Self {
        let mut union: KeyMap<()> = KeyMap::default();
        for c in &self.counts {
            for k in c.keys() {
                union.insert(*k, ());
            }
        }
        let mut distinct = [1usize; MAX_N];
        for k in union.keys() {
            distinct[((k >> 61) as usize).clamp(1, MAX_N) - 1] += 1;
        }
        self.distinct = distinct;
        self
    }

    pub fn has(&self, lang: Lang) -> bool {
        self.totals[lang.index()][0] > 0.0
    }
}

/// Log-likelihood scores of `text` per candidate under the sum of `layers`, and the number of n-grams.
pub fn scores(layers: &[&NgramModel], text: &str, candidates: &[Lang]) -> (Vec<(Lang, f32)>, usize) {
    let mut acc = vec![0.0f32; candidates.len()];
    let mut denom = vec![[0.0f32; MAX_N]; candidates.len()];
    for (ci, l) in candidates.iter().enumerate() {
        for n in 0..MAX_N {
            let total: f64 = layers.iter().map(|m| m.totals[l.index()][n]).sum();
            let vocab = layers.iter().map(|m| m.distinct[n]).max().unwrap_or(1) as f64;
            denom[ci][n] = (total + 0.5 * vocab).ln() as f32;
        }
    }
    let mut k = 0usize;
    padded_words(text, |w| {
        for n in 1..=MAX_N {
            for g in w.windows(n) {
                let key = ngram_key(g);
                k += 1;
                for (ci, l) in candidates.iter().enumerate() {
                    let c: u32 = layers.iter().map(|m| m.counts[l.index()].get(&key).copied().unwrap_or(0)).sum();
                    acc[ci] += n as f32 * ((c as f32 + 0.5).ln() - denom[ci][n - 1]);
                }
            }
        }
    });
    let scores = candidates
        .iter()
        .zip(acc)
        .map(|(l, s)| (*l, if layers.iter().any(|m| m.has(*l)) { s } else { f32::NEG_INFINITY }))
        .collect();
    (scores, k)
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
