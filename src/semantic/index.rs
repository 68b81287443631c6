//! The vectors of a knowledge base: every topic's title and questions in every language, and the
//! similarity of a message to each topic.

use super::cache::{self, Key, VectorCache};
use super::model::{Kind, Model};
use crate::knowledge::{KnowledgeBase, TopicId};
use crate::lang::Lang;
use anyhow::Result;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use wegwijs_kernels::dots;

/// A message is read up to this many tokens, with the prefix and `<s>`, `</s>`, in one pass; a longer
/// message is read from its start, with its asking sentences kept in (`Model::window_ids`). It
/// bounds the time one message takes: on the own long-question sets, 64 gave the same recall as 96
/// and 128.
pub const QUERY_TOKENS: usize = 64;

/// Each sentence the distress check reads on its own is read up to this many tokens, and so is an
/// asking part that a message's window could not hold (the distress figures are the same at 64).
pub const SENTENCE_TOKENS: usize = 48;

/// The most tokens the model reads for one message, over both of its passes (the message with its
/// asking part, then, for a message the distress check is unsure of, its sentences one by one). Time
/// goes with tokens (about 0.27 ms each on two cores), so this bounds the slowest messages: the
/// sentences that do not fit are left out, the longest first in line. On every own set, 120 gave the
/// same answers and catches as no bound (README, "Speed"); 112 missed a disclosure whose sentence it
/// had to cut.
pub const MESSAGE_TOKENS: usize = 120;

/// A sentence that would be cut to fewer tokens than this to fit `MESSAGE_TOKENS` is not read.
pub const MIN_SENTENCE_TOKENS: usize = 8;

/// Both sides of the comparison are questions, so both get e5's "query: " prefix (its advice for
/// symmetric similarity).
const KIND: Kind = Kind::Query;

/// The cache file under the bot's cache directory.
pub const CACHE_FILE: &str = "semantic-vectors.bin";

/// One embedded text of the knowledge base.
#[derive(Debug, Clone)]
struct Entry {
    topic: u32,
    lang: Lang,
    title: bool,
    text: String,
    row: u32,
}

/// How a topic compares with a message: its best-matching text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TopicMatch {
    pub topic: TopicId,
    /// Cosine similarity of the message and the topic's closest title or question (-1..1; with this
    /// model in practice about 0.7 to 0.95).
    pub similarity: f32,
    /// The closest text, its language, and whether it is the title.
    pub text: String,
    pub lang: Lang,
    pub title: bool,
}

/// What building the index did (for logs and measurements).
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct BuildStats {
    /// Texts in the index (titles and questions, all languages).
    pub texts: usize,
    /// Distinct texts embedded now.
    pub embedded: usize,
    /// Distinct texts taken from the cache.
    pub reused: usize,
}

/// Every title and question of a knowledge base as a vector, with the model to embed messages.
pub struct SemanticIndex {
    model: Arc<Model>,
    topics: Vec<TopicId>,
    entries: Vec<Entry>,
    /// One L2-normalised row per distinct text, `dim` floats each.
    rows: Vec<f32>,
    stats: BuildStats,
}

impl SemanticIndex {
    /// Embeds the knowledge base, taking what it can from the cache file in `cache_dir` (when given)
    /// and writing the cache back when anything changed. `progress` gets the number of texts embedded
    /// so far.
    pub fn build(model: Arc<Model>, kb: &KnowledgeBase, cache_dir: Option<&Path>, progress: &dyn Fn(usize)) -> Result<SemanticIndex> {
        let mut topics = Vec::new();
        let mut entries = Vec::new();
        let mut row_of: HashMap<Key, u32> = HashMap::new();
        let mut keys: Vec<Key> = Vec::new();
        let mut texts: Vec<&str> = Vec::new();
        for topic in kb.topics() {
            let t = topics.len() as u32;
            topics.push(topic.id.clone());
            for (lang, tr) in &topic.translations {
                let items = std::iter::once((true, &tr.title)).chain(tr.questions.iter().map(|q| (false, q)));
                for (title, text) in items {
                    let text = text.trim();
                    if text.is_empty() {
                        continue;
                    }
                    let key = cache::key(model.identity(), KIND, text);
                    let row = *row_of.entry(key).or_insert_with(|| {
                        keys.push(key);
                        texts.push(text);
                        (keys.len() - 1) as u32
                    });
                    entries.push(Entry { topic: t, lang: *lang, title, text: text.to_string(), row });
                }
            }
        }

        let cache_path = cache_dir.map(|d| d.join(CACHE_FILE));
        let (rows, embedded) = embed_cached(&model, &keys, &texts, cache_path.as_deref(), progress)?;
        let stats = BuildStats { texts: entries.len(), embedded, reused: keys.len() - embedded };
        Ok(SemanticIndex { model, topics, entries, rows, stats })
    }

    pub fn model(&self) -> &Arc<Model> {
        &self.model
    }

    pub fn stats(&self) -> BuildStats {
        self.stats
    }

    /// The vector of a message (as `scores` and `matches` embed it).
    pub fn query_vector(&self, query: &str) -> Result<Vec<f32>> {
        self.model.embed_capped(query, KIND, QUERY_TOKENS)
    }

    /// How many tokens the model reads for `text` in full (with the prefix, `<s>` and `</s>`); 0 when
    /// it cannot be tokenised.
    pub fn token_count(&self, text: &str) -> usize {
        self.model.token_count(text, KIND).unwrap_or(0)
    }

    /// The vectors of a few texts of one message, each read up to its number of tokens, in one pass
    /// through the model (cheaper than one pass each).
    pub fn query_vectors(&self, texts: &[(&str, usize)]) -> Result<Vec<Vec<f32>>> {
        self.model.embed_each(texts, KIND)
    }

    /// A message's vector, read up to `window` tokens with the tokens inside `keep` kept in, and the
    /// vectors of other texts read on their own, in one pass (`Model::embed_message`).
    pub fn message_vectors(&self, text: &str, window: usize, keep: &[std::ops::Range<usize>], alone: &[(&str, usize)]) -> Result<(Vec<f32>, Vec<Vec<f32>>)> {
        self.model.embed_message(text, KIND, window, keep, alone)
    }

    /// Best cosine similarity per topic, highest first. Never fails: a message the model cannot
    /// read gives an empty list (and a warning without its text).
    pub fn scores(&self, query: &str) -> Vec<(TopicId, f32)> {
        self.matches(query).into_iter().map(|m| (m.topic, m.similarity)).collect()
    }

    /// Every topic with its best-matching text, highest similarity first.
    pub fn matches(&self, query: &str) -> Vec<TopicMatch> {
        match self.query_vector(query) {
            Ok(v) => self.matches_for(&v),
            Err(e) => {
                tracing::warn!("a message could not be embedded: {e:#}");
                Vec::new()
            }
        }
    }

    /// `matches` for a vector made by `query_vector` (to embed once and compare more than once).
    pub fn matches_for(&self, vector: &[f32]) -> Vec<TopicMatch> {
        let dim = self.model.dim();
        if vector.len() != dim {
            return Vec::new();
        }
        let mut sims = vec![0f32; self.rows.len() / dim];
        dots(&self.rows, dim, &[vector], &mut sims);
        let mut best: Vec<Option<usize>> = vec![None; self.topics.len()];
        for (i, e) in self.entries.iter().enumerate() {
            let slot = &mut best[e.topic as usize];
            if slot.is_none_or(|j| sims[e.row as usize] > sims[self.entries[j].row as usize]) {
                *slot = Some(i);
            }
        }
        let mut out: Vec<TopicMatch> = best
            .into_iter()
            .flatten()
            .map(|i| {
                let e = &self.entries[i];
                TopicMatch {
                    topic: self.topics[e.topic as usize].clone(),
                    similarity: sims[e.row as usize],
                    text: e.text.clone(),
                    lang: e.lang,
                    title: e.title,
                }
            })
            .collect();
        out.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then_with(|| a.topic.cmp(&b.topic)));
        out
    }

    /// Every topic's best similarity to any of `vectors`, highest first: what `matches_for` gives for
    /// each vector, merged, in one pass over the rows for all of them.
    pub fn best_scores(&self, vectors: &[&[f32]]) -> Vec<(TopicId, f32)> {
        let dim = self.model.dim();
        let vectors: Vec<&[f32]> = vectors.iter().copied().filter(|v| v.len() == dim).collect();
        if vectors.is_empty() {
            return Vec::new();
        }
        let mut all = vec![0f32; self.rows.len() / dim * vectors.len()];
        dots(&self.rows, dim, &vectors, &mut all);
        let sims: Vec<f32> = all.chunks_exact(vectors.len()).map(|r| r.iter().copied().fold(f32::MIN, f32::max)).collect();
        let mut best: Vec<Option<f32>> = vec![None; self.topics.len()];
        for e in &self.entries {
            let s = sims[e.row as usize];
            let slot = &mut best[e.topic as usize];
            *slot = Some(slot.map_or(s, |b| b.max(s)));
        }
        let mut out: Vec<(TopicId, f32)> = best.into_iter().enumerate().filter_map(|(t, s)| Some((self.topics[t].clone(), s?))).collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// For each of `vectors`, its highest similarities to the titles and questions of topics that
    /// `keep` accepts (each distinct text once), in one pass over the rows.
    pub fn closest_each<const K: usize>(&self, vectors: &[&[f32]], keep: impl Fn(&TopicId) -> bool) -> Vec<TopK<K>> {
        let dim = self.model.dim();
        let mut tops = vec![TopK::default(); vectors.len()];
        if vectors.is_empty() || vectors.iter().any(|v| v.len() != dim) {
            return tops;
        }
        let n = vectors.len();
        let mut sims = vec![0f32; self.rows.len() / dim * n];
        dots(&self.rows, dim, vectors, &mut sims);
        // `keep` once per topic; each distinct text once, however many topics share it.
        let kept: Vec<bool> = self.topics.iter().map(&keep).collect();
        let mut seen = vec![false; self.rows.len() / dim];
        for e in self.entries.iter().filter(|e| kept[e.topic as usize]) {
            let r = e.row as usize;
            if !std::mem::replace(&mut seen[r], true) {
                for (top, s) in tops.iter_mut().zip(&sims[r * n..(r + 1) * n]) {
                    top.push(*s);
                }
            }
        }
        tops
    }
}

/// The vectors of `texts` (whose cache keys are `keys`), one L2-normalised row each, taken from the
/// cache file at `cache_path` where it has them and embedded otherwise; the file is written back when
/// anything was added. Returns the rows and how many texts were embedded now.
pub(super) fn embed_cached(model: &Model, keys: &[Key], texts: &[&str], cache_path: Option<&Path>, progress: &dyn Fn(usize)) -> Result<(Vec<f32>, usize)> {
    let dim = model.dim();
    let cache = cache_path.map_or_else(|| VectorCache::empty(dim), |p| VectorCache::open(p, dim));
    let mut rows = vec![0f32; keys.len() * dim];
    let mut missing = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        match cache.get(key) {
            Some(v) => rows[i * dim..(i + 1) * dim].copy_from_slice(v),
            None => missing.push(i),
        }
    }
    if !missing.is_empty() {
        let batch: Vec<&str> = missing.iter().map(|&i| texts[i]).collect();
        let vectors = model.embed_batch(&batch, KIND, progress)?;
        for (&i, v) in missing.iter().zip(vectors) {
            rows[i * dim..(i + 1) * dim].copy_from_slice(&v);
        }
    }
    if let Some(path) = cache_path {
        // Rewrite when something was added. Entries no longer in use are kept (bots that share
        // the cache have different layers) until they outnumber those in use: then the
        // cache is rewritten with these texts only.
        let stale = cache.len().saturating_sub(keys.len() - missing.len());
        if !missing.is_empty() || stale > keys.len() {
            let mut all: Vec<(Key, &[f32])> = keys.iter().enumerate().map(|(i, k)| (*k, &rows[i * dim..(i + 1) * dim])).collect();
            if stale <= keys.len() {
                let current: std::collections::HashSet<&Key> = keys.iter().collect();
                all.extend(cache.entries().filter(|(k, _)| !current.contains(k)));
            }
            if let Err(e) = VectorCache::write(path, dim, &all) {
                tracing::warn!("semantic vectors not cached: {e:#}");
            }
        }
    }
    Ok((rows, missing.len()))
}

/// The `K` highest values seen, highest first (`NEG_INFINITY` where fewer were seen).
#[derive(Debug, Clone, Copy)]
pub struct TopK<const K: usize>(pub [f32; K]);

impl<const K: usize> Default for TopK<K> {
    fn default() -> Self {
        TopK([f32::NEG_INFINITY; K])
    }
}

impl<const K: usize> TopK<K> {
    pub fn push(&mut self, v: f32) {
        if v <= self.0[K - 1] {
            return;
        }
        let mut i = K - 1;
        while i > 0 && self.0[i - 1] < v {
            self.0[i] = self.0[i - 1];
            i -= 1;
        }
        self.0[i] = v;
    }

    pub fn merge(mut self, other: &TopK<K>) -> TopK<K> {
        for &v in &other.0 {
            self.push(v);
        }
        self
    }

    /// The mean of the values seen (of at most `K`); `None` when none was seen.
    pub fn mean(&self) -> Option<f32> {
        let seen: Vec<f32> = self.0.iter().copied().filter(|v| v.is_finite()).collect();
        (!seen.is_empty()).then(|| seen.iter().sum::<f32>() / seen.len() as f32)
    }
}

#[cfg(test)]
mod tests {
    use wegwijs_kernels::dot;

    #[test]
    fn dot_product_covers_the_tail() {
        let a: Vec<f32> = (0..19).map(|i| i as f32).collect();
        let b = vec![1.0; 19];
        assert_eq!(dot(&a, &b), (0..19).sum::<i32>() as f32);
    }
}
