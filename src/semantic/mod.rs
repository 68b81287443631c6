//! Semantic search: sentence embeddings of messages and of the knowledge base's questions, and
//! their cosine similarity per topic.
//!
//! The model (multilingual-e5-small, BERT with an XLM-R vocabulary) runs in process with candle,
//! pure Rust (`bert`, `tokenize`). This module turns text into vectors and compares them; it decides nothing: the
//! answer/choose/don't-know decision stays with `search`, which may weigh these similarities in.
//! Without a model (no `[semantic]` in the bot file, or its folder missing) the bot is lexical only.

mod bert;
mod cache;
mod examples;
mod fetch;
mod index;
mod model;
mod tokenize;

pub use fetch::{fetch, fetch_blocking, HUB_URL};
pub use examples::{ExampleIndex, EXAMPLES_CACHE_FILE};
pub use index::{BuildStats, SemanticIndex, TopK, TopicMatch, CACHE_FILE, MESSAGE_TOKENS, MIN_SENTENCE_TOKENS, QUERY_TOKENS, SENTENCE_TOKENS};
pub use bert::{Arithmetic, TOKENS_READ};
pub use model::{Kind, Model, MODEL_FILES};

use crate::bot::BotConfig;
use crate::knowledge::KnowledgeBase;
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Instant;

/// The semantic index for a bot's knowledge base, or `None` when the bot has no model (said once
/// per process at info level). A model folder that exists but cannot be loaded is an error.
pub fn load_for(cfg: &BotConfig, kb: &KnowledgeBase, progress: &dyn Fn(usize)) -> Result<Option<SemanticIndex>> {
    static SAID_OFF: AtomicBool = AtomicBool::new(false);
    let say_off = |why: String| {
        if !SAID_OFF.swap(true, Ordering::Relaxed) {
            tracing::info!("semantic search off ({why}): answers come from lexical search only");
        }
    };
    let Some(dir) = &cfg.semantic_model else {
        say_off(format!("no [semantic] model in the bot file of {}", cfg.id));
        return Ok(None);
    };
    if !dir.is_dir() {
        say_off(format!("model folder {} not found; `wegwijs model fetch` downloads it", dir.display()));
        return Ok(None);
    }
    let model = shared_with(dir, cfg.semantic_arithmetic)?;
    let t0 = Instant::now();
    let cache = cfg.semantic_cache.clone().unwrap_or_else(|| cfg.cache_dir());
    let index = SemanticIndex::build(model, kb, Some(&cache), progress)?;
    let s = index.stats();
    tracing::info!(texts = s.texts, embedded = s.embedded, cached = s.reused, seconds = t0.elapsed().as_secs_f64(), "semantic index ready");
    Ok(Some(index))
}

/// The model in `dir` with 8-bit products, loaded once per process while anything holds it (a reload
/// reuses the loaded model instead of holding two).
pub fn shared(dir: &Path) -> Result<Arc<Model>> {
    shared_with(dir, Arithmetic::Quantized)
}

/// Like `shared`, with the encoder's arithmetic chosen (`[semantic] products`).
pub fn shared_with(dir: &Path, arithmetic: Arithmetic) -> Result<Arc<Model>> {
    static LOADED: Mutex<Vec<(PathBuf, Arithmetic, Weak<Model>)>> = Mutex::new(Vec::new());
    let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    loaded.retain(|(_, _, m)| m.strong_count() > 0);
    if let Some(m) = loaded.iter().find(|(p, a, _)| *p == key && *a == arithmetic).and_then(|(_, _, m)| m.upgrade()) {
        return Ok(m);
    }
    let t0 = Instant::now();
    let model = Arc::new(Model::load_with(dir, arithmetic)?);
    tracing::info!(folder = %dir.display(), arithmetic = ?model.arithmetic(), seconds = t0.elapsed().as_secs_f64(), "embedding model loaded");
    loaded.push((key, arithmetic, Arc::downgrade(&model)));
    Ok(model)
}
