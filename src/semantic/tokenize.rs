//! XLM-R's tokenizer from a `tokenizer.json`: its normaliser and pre-tokeniser from the `tokenizers`
//! crate, and the Unigram step (Viterbi over 250,000 scored pieces) here.
//!
//! Why not the crate's Unigram model: it builds a byte trie with a hash map in every node, about
//! 270 MB for XLM-R's vocabulary. A hash map from piece to (id, score) holds the same in about
//! 20 MB, and finds the same best segmentation (same scores, same order of candidates, same
//! penalty for unknown characters, consecutive unknowns fused into one token).
//!
//! One difference on purpose: special tokens written in a message ("<s>", "<mask>") are read as
//! text, never as the special tokens.

use anyhow::{bail, Context, Result};
use std::collections::HashMap;
use std::path::Path;
use tokenizers::normalizers::NormalizerWrapper;
use tokenizers::pre_tokenizers::PreTokenizerWrapper;
use tokenizers::{NormalizedString, Normalizer, OffsetReferential, OffsetType, PreTokenizedString, PreTokenizer, Token, TruncationDirection};

/// sentencepiece's penalty for a character no piece covers, below the lowest piece score.
const UNK_PENALTY: f64 = 10.0;

#[derive(serde::Deserialize)]
struct File {
    normalizer: Option<NormalizerWrapper>,
    pre_tokenizer: Option<PreTokenizerWrapper>,
    #[serde(default)]
    added_tokens: Vec<AddedToken>,
    model: ModelFile,
}

#[derive(serde::Deserialize)]
struct AddedToken {
    id: u32,
    #[serde(default)]
    special: bool,
}

#[derive(serde::Deserialize)]
struct ModelFile {
    #[serde(rename = "type")]
    kind: String,
    unk_id: Option<u32>,
    vocab: Vec<(String, f64)>,
    #[serde(default)]
    byte_fallback: bool,
}

/// Text to token ids, with `<s>` and `</s>` around them.
pub struct XlmrTokenizer {
    normalizer: Option<NormalizerWrapper>,
    pre_tokenizer: Option<PreTokenizerWrapper>,
    pieces: HashMap<Box<str>, (u32, f32)>,
    longest_piece: usize,
    unk_id: u32,
    unk_score: f64,
    pub bos_id: u32,
    pub eos_id: u32,
}

impl XlmrTokenizer {
    pub fn from_file(path: &Path) -> Result<XlmrTokenizer> {
        let text = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let file: File = serde_json::from_slice(&text).with_context(|| format!("{}: not a Unigram tokenizer.json", path.display()))?;
        drop(text);
        let m = file.model;
        if m.kind != "Unigram" || m.byte_fallback {
            bail!("{}: model type {} (byte fallback {}), expected XLM-R's Unigram", path.display(), m.kind, m.byte_fallback);
        }
        let unk_id = m.unk_id.with_context(|| format!("{}: no unk_id", path.display()))?;
        let id_of = |name: &str| m.vocab.iter().position(|(p, _)| p == name).map(|i| i as u32);
        let (Some(bos_id), Some(eos_id)) = (id_of("<s>"), id_of("</s>")) else {
            bail!("{}: no <s> or </s> piece", path.display());
        };
        if unk_id as usize >= m.vocab.len() {
            bail!("{}: unk_id {unk_id} outside the vocabulary", path.display());
        }
        let min_score = m.vocab.iter().map(|(_, s)| *s).fold(f64::INFINITY, f64::min);
        let special: Vec<u32> = file.added_tokens.iter().filter(|t| t.special).map(|t| t.id).collect();
        let mut pieces = HashMap::with_capacity(m.vocab.len());
        let mut longest_piece = 1;
        for (id, (piece, score)) in m.vocab.into_iter().enumerate() {
            let id = id as u32;
            if special.contains(&id) || id == unk_id || piece.is_empty() {
                continue;
            }
            longest_piece = longest_piece.max(piece.len());
            // The first of two equal pieces wins, as in the crate (its id map keeps the last, but
            // a vocabulary has no duplicates).
            pieces.entry(piece.into_boxed_str()).or_insert((id, score as f32));
        }
        pieces.shrink_to_fit();
        Ok(XlmrTokenizer {
            normalizer: file.normalizer,
            pre_tokenizer: file.pre_tokenizer,
            pieces,
            longest_piece,
            unk_id,
            unk_score: min_score - UNK_PENALTY,
            bos_id,
            eos_id,
        })
    }

    /// Token ids of `text`: `<s>`, at most `max_tokens - 2` pieces, `</s>`.
    pub fn encode(&self, text: &str, max_tokens: usize) -> Result<Vec<u32>> {
        let pre = self.pre_tokenized(text)?;
        let mut ids = vec![self.bos_id];
        let content = max_tokens.saturating_sub(2).max(1);
        for (word, _, _) in pre.get_splits(OffsetReferential::Original, OffsetType::None) {
            ids.extend(self.viterbi(word).into_iter().map(|(id, _, _)| id));
            if ids.len() > content {
                break;
            }
        }
        ids.truncate(content + 1);
        ids.push(self.eos_id);
        Ok(ids)
    }

    /// `text` normalised and split into words.
    fn pre_tokenized(&self, text: &str) -> Result<PreTokenizedString> {
        let mut normalized = NormalizedString::from(text);
        if let Some(n) = &self.normalizer {
            n.normalize(&mut normalized).map_err(|e| anyhow::anyhow!("normalising: {e}"))?;
        }
        let mut pre = PreTokenizedString::from(normalized);
        if let Some(p) = &self.pre_tokenizer {
            p.pre_tokenize(&mut pre).map_err(|e| anyhow::anyhow!("pre-tokenising: {e}"))?;
        }
        Ok(pre)
    }

    /// Like `encode`, with each token's byte range in `text` (empty at 0 for `<s>` and `</s>`), so
    /// that the vector of a part of the text can be pooled from the tokens inside it.
    /// (Slower than `encode`: the crate keeps each token's text and converts its offsets.)
    pub fn encode_with_offsets(&self, text: &str, max_tokens: usize) -> Result<(Vec<u32>, Vec<(usize, usize)>)> {
        let mut pre = self.pre_tokenized(text)?;
        let content = max_tokens.saturating_sub(2).max(1);
        // Words are read until the pieces fill the window; the rest of a long message is never segmented.
        pre.tokenize_with_limit(
            |word| Ok(self.viterbi(word.get()).into_iter().map(|(id, s, e)| Token::new(id, String::new(), (s, e))).collect()),
            content,
            TruncationDirection::Right,
        )
        .map_err(|e| anyhow::anyhow!("segmenting: {e}"))?;
        let encoding = pre.into_encoding(None, 0, OffsetType::Byte).map_err(|e| anyhow::anyhow!("segmenting: {e}"))?;
        let n = encoding.get_ids().len().min(content);
        let mut ids = Vec::with_capacity(n + 2);
        ids.push(self.bos_id);
        ids.extend_from_slice(&encoding.get_ids()[..n]);
        ids.push(self.eos_id);
        let mut offsets = Vec::with_capacity(n + 2);
        offsets.push((0, 0));
        offsets.extend_from_slice(&encoding.get_offsets()[..n]);
        offsets.push((0, 0));
        Ok((ids, offsets))
    }

    /// The best-scoring segmentation of one word into pieces: each piece's id and byte range in `word`.
    fn viterbi(&self, word: &str) -> Vec<(u32, usize, usize)> {
        #[derive(Clone, Copy)]
        struct Best {
            score: f64,
            from: usize,
            id: u32,
            reached: bool,
        }
        let n = word.len();
        if n == 0 {
            return Vec::new();
        }
        let mut best = vec![Best { score: 0.0, from: 0, id: 0, reached: false }; n + 1];
        let mut start = 0;
        while start < n {
            let here = best[start].score;
            let first_len = word[start..].chars().next().map_or(1, char::len_utf8);
            let mut single = false;
            // Candidates in order of length, as a trie's prefix search gives them.
            for (end, _) in word[start..].char_indices().skip(1).map(|(i, c)| (start + i, c)).chain(std::iter::once((n, ' '))) {
                if end - start > self.longest_piece {
                    break;
                }
                if let Some(&(id, score)) = self.pieces.get(&word[start..end]) {
                    let s = here + score as f64;
                    let b = &mut best[end];
                    if !b.reached || s > b.score {
                        *b = Best { score: s, from: start, id, reached: true };
                    }
                    single |= end - start == first_len;
                }
            }
            if !single {
                let s = here + self.unk_score;
                let b = &mut best[start + first_len];
                if !b.reached || s > b.score {
                    *b = Best { score: s, from: start, id: self.unk_id, reached: true };
                }
            }
            start += first_len;
        }
        let mut pieces: Vec<(u32, usize, usize)> = Vec::new();
        let mut end = n;
        while end > 0 {
            let b = best[end];
            match pieces.last_mut() {
                // Consecutive unknown characters become one unknown token.
                Some(last) if b.id == self.unk_id && last.0 == self.unk_id => last.1 = b.from,
                _ => pieces.push((b.id, b.from, end)),
            }
            end = b.from;
        }
        pieces.reverse();
        pieces
    }
}
