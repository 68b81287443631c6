//! Labelled example sentences as vectors, and how close a message comes to each label: the
//! safeguarding check compares a message with examples of distress and of harmless look-alikes
//! (`locales/<lang>/safety-examples.toml`). This module measures; the caller decides.

use super::cache::{self, Key};
use super::index::{embed_cached, TopK};
use super::model::{Kind, Model};
use anyhow::Result;
use std::path::Path;

/// The cache file for example vectors, beside the knowledge base's.
pub const EXAMPLES_CACHE_FILE: &str = "example-vectors.bin";

/// Example sentences with a label each, embedded once (and cached like the knowledge base).
pub struct ExampleIndex<L> {
    labels: Vec<L>,
    rows: Vec<f32>,
    dim: usize,
}

impl<L: Copy + PartialEq> ExampleIndex<L> {
    /// Embeds `examples`, taking what it can from the cache in `cache_dir`.
    pub fn build(model: &Model, examples: &[(L, String)], cache_dir: Option<&Path>) -> Result<ExampleIndex<L>> {
        let texts: Vec<&str> = examples.iter().map(|(_, t)| t.trim()).collect();
        let keys: Vec<Key> = texts.iter().map(|t| cache::key(model.identity(), Kind::Query, t)).collect();
        let path = cache_dir.map(|d| d.join(EXAMPLES_CACHE_FILE));
        let (rows, _) = embed_cached(model, &keys, &texts, path.as_deref(), &|_| {})?;
        Ok(ExampleIndex { labels: examples.iter().map(|(l, _)| *l).collect(), rows, dim: model.dim() })
    }

    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// For each of `vectors`, its highest similarities to the examples of each label (labels in the
    /// order they first occur), in one pass over the examples.
    pub fn closest_by_label_each<const K: usize>(&self, vectors: &[&[f32]]) -> Vec<Vec<(L, TopK<K>)>> {
        let n = vectors.len();
        let mut out: Vec<Vec<(L, TopK<K>)>> = vec![Vec::new(); n];
        if n == 0 || vectors.iter().any(|v| v.len() != self.dim) {
            return out;
        }
        let mut sims = vec![0f32; self.labels.len() * n];
        wegwijs_kernels::dots(&self.rows, self.dim, vectors, &mut sims);
        for (i, label) in self.labels.iter().enumerate() {
            for (by_label, &s) in out.iter_mut().zip(&sims[i * n..(i + 1) * n]) {
                match by_label.iter_mut().find(|(l, _)| l == label) {
                    Some((_, top)) => top.push(s),
                    None => {
                        let mut top = TopK::default();
                        top.push(s);
                        by_label.push((*label, top));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::TopK;

    #[test]
    fn top_k_keeps_the_highest_in_order() {
        let mut t = TopK::<3>::default();
        assert_eq!(t.mean(), None);
        for v in [0.2, 0.9, 0.1, 0.5, 0.7] {
            t.push(v);
        }
        assert_eq!(t.0, [0.9, 0.7, 0.5]);
        assert!((t.mean().unwrap() - 0.7).abs() < 1e-6);
        let mut u = TopK::<3>::default();
        u.push(0.8);
        assert_eq!(t.merge(&u).0, [0.9, 0.8, 0.7]);
    }
}
