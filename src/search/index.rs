//! Building, caching and querying the tantivy index, plus the per-topic token tables the scorer uses.

use super::analyze::{Analyzer, TantivyAnalyzer};
use super::score::{self, Ranked, SearchParams, TopicTokens};
use crate::knowledge::synonyms::Synonyms;
use crate::knowledge::{KnowledgeBase, TopicId};
use crate::lang::Lang;
use anyhow::{Context, Result};
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

/// Bumped whenever analysis or the schema changes, so cached indexes are rebuilt.
const INDEX_VERSION: u32 = 1;
/// How many documents tantivy hands to the scorer.
const CANDIDATES: usize = 40;

struct Fields {
    topic: Field,
    lang: Field,
    questions: Vec<Field>,
    body: Vec<Field>,
    any: Field,
}

fn tokenizer_name(lang: Option<Lang>) -> String {
    match lang {
        Some(l) => format!("ww_{l}"),
        None => "ww_any".into(),
    }
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |lang: Option<Lang>| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&tokenizer_name(lang))
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let topic = b.add_text_field("topic", STRING | STORED);
    let lang = b.add_text_field("lang", STRING | STORED);
    let questions = Lang::ALL.iter().map(|l| b.add_text_field(&format!("q_{l}"), text(Some(*l)))).collect();
    let body = Lang::ALL.iter().map(|l| b.add_text_field(&format!("body_{l}"), text(Some(*l)))).collect();
    let any = b.add_text_field("any", text(None));
    (b.build(), Fields { topic, lang, questions, body, any })
}

/// Custom tokenizers are not stored in an index: register them on every open.
fn register_tokenizers(index: &Index) {
    let mgr = index.tokenizers();
    for l in Lang::ALL {
        mgr.register(&tokenizer_name(Some(l)), TantivyAnalyzer(Analyzer::new(Some(l))));
    }
    mgr.register(&tokenizer_name(None), TantivyAnalyzer(Analyzer::new(None)));
}

/// A fingerprint of everything the index is built from: cached indexes are keyed by it.
pub fn fingerprint(kb: &KnowledgeBase) -> String {
    let mut h = std::hash::DefaultHasher::new();
    INDEX_VERSION.hash(&mut h);
    for t in kb.topics() {
        t.id.as_str().hash(&mut h);
        for (lang, tr) in &t.translations {
            lang.code().hash(&mut h);
            tr.title.hash(&mut h);
            tr.questions.hash(&mut h);
            tr.keywords.hash(&mut h);
            tr.body.hash(&mut h);
        }
    }
    format!("{:016x}", h.finish())
}

/// The searchable form of one knowledge base: the tantivy index and the scorer's token tables.
pub struct SearchIndex {
    reader: IndexReader,
    fields: Fields,
    analyzers: Vec<Analyzer>,
    any_analyzer: Analyzer,
    tokens: HashMap<TopicId, TopicTokens>,
    stats: score::Stats,
    /// Topic of every document, per segment, read once at open: reading stored fields per
    /// candidate would decompress document blocks on every question.
    doc_topics: Vec<Vec<Option<TopicId>>>,
    /// Where the index lives on disk (None when built in memory).
    pub path: Option<PathBuf>,
}

impl SearchIndex {
    /// Builds the index in memory (tests, benchmarks).
    pub fn build_in_ram(kb: &KnowledgeBase) -> Result<SearchIndex> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        register_tokenizers(&index);
        write_docs(&index, &fields, kb, &|_| {})?;
        Self::open_with(index, fields, kb, None)
    }

    /// Opens the cached index for this knowledge base under `cache_dir`, building it first when there is
    /// none. `progress` is called with (documents written, total).
    pub fn open_or_build(kb: &KnowledgeBase, cache_dir: &Path, progress: &dyn Fn(usize)) -> Result<SearchIndex> {
        let dir = cache_dir.join(format!("index-{}", fingerprint(kb)));
        if dir.join(".complete").exists() {
            match Self::open_dir(kb, &dir) {
                Ok(ix) => return Ok(ix),
                Err(e) => tracing::warn!("cached index at {} unusable, rebuilding: {e:#}", dir.display()),
            }
        }
        Self::build_dir(kb, &dir, progress)?;
        Self::open_dir(kb, &dir)
    }

    /// Builds the index into `dir` (through a temporary folder, renamed when complete).
    pub fn build_dir(kb: &KnowledgeBase, dir: &Path, progress: &dyn Fn(usize)) -> Result<()> {
        let parent = dir.parent().context("index directory has no parent")?;
        std::fs::create_dir_all(parent).with_context(|| format!("creating cache directory {}", parent.display()))?;
        let tmp = parent.join(format!(
            ".{}.tmp-{}",
            dir.file_name().and_then(|n| n.to_str()).unwrap_or("index"),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp)?;
        let (schema, fields) = schema();
        let index = Index::create_in_dir(&tmp, schema).with_context(|| format!("creating index in {}", tmp.display()))?;
        register_tokenizers(&index);
        write_docs(&index, &fields, kb, progress)?;
        std::fs::write(tmp.join(".complete"), fingerprint(kb))?;
        let _ = std::fs::remove_dir_all(dir);
        std::fs::rename(&tmp, dir).with_context(|| format!("moving index into {}", dir.display()))?;
        prune_old_indexes(parent, dir);
        Ok(())
    }

    fn open_dir(kb: &KnowledgeBase, dir: &Path) -> Result<SearchIndex> {
        let index = Index::open_in_dir(dir).with_context(|| format!("opening index {}", dir.display()))?;
        register_tokenizers(&index);
        let (_, fields) = schema();
        Self::open_with(index, fields, kb, Some(dir.to_path_buf()))
    }

    fn open_with(index: Index, fields: Fields, kb: &KnowledgeBase, path: Option<PathBuf>) -> Result<SearchIndex> {
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let analyzers: Vec<Analyzer> = Lang::ALL.iter().map(|l| Analyzer::new(Some(*l))).collect();
        let any_analyzer = Analyzer::new(None);
        let mut tokens: HashMap<TopicId, TopicTokens> = kb
            .topics()
            .iter()
            .map(|t| (t.id.clone(), TopicTokens::of(t, &analyzers, &any_analyzer)))
            .collect();
        let stats = score::Stats::of(tokens.values());
        tokens.values_mut().for_each(|t| t.weigh(&stats));
        let searcher = reader.searcher();
        let mut doc_topics = Vec::new();
        for seg in searcher.segment_readers() {
            let store = seg.get_store_reader(1)?;
            let mut v = Vec::with_capacity(seg.max_doc() as usize);
            for doc_id in 0..seg.max_doc() {
                let doc: TantivyDocument = store.get(doc_id)?;
                v.push(doc.get_first(fields.topic).and_then(|x| x.as_str()).and_then(TopicId::parse));
            }
            doc_topics.push(v);
        }
        Ok(SearchIndex { reader, fields, analyzers, any_analyzer, tokens, stats, doc_topics, path })
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Ranks topics for `text`, analysed in each of `langs` (the detected language first, then other
    /// likely ones). In a message of several sentences the words of the sentence that asks weigh
    /// fully and the others (the story around the question) less, so a question after a story is
    /// not drowned by the story. Words from `synonyms` ("housing benefit" → "huurtoeslag") are
    /// searched along with the sentence that contains them. Never fails on any input: the worst
    /// outcome is an empty ranking.
    pub fn search(&self, text: &str, langs: &[Lang], params: &SearchParams, synonyms: &Synonyms) -> Ranked {
        let parts = weighted_sentences(text, synonyms);
        let mut per_lang = Vec::new();
        let (any_tokens, any_weights) = tokens_of(&self.any_analyzer, &parts);
        let mut near = score::Near::new();
        for (i, &lang) in langs.iter().enumerate() {
            let (lang_tokens, weights) = tokens_of(&self.analyzers[lang.index()], &parts);
            if lang_tokens.is_empty() && any_tokens.is_empty() {
                continue;
            }
            // The language-neutral field (with the known words near unknown ones) is the same for
            // every analysis language: query it once, with the first.
            let any = if i == 0 { any_tokens.as_slice() } else { &[] };
            let candidates = self.candidates(lang, &lang_tokens, any, &mut near);
            // Both analyses see the same words; where their counts differ, the neutral one's weights
            // are used as they are.
            let weights = if weights.len() == any_weights.len() { weights } else { any_weights.clone() };
            per_lang.push(score::rank(lang, &lang_tokens, &any_tokens, &weights, &candidates, &self.tokens, &self.stats, params, &mut near));
        }
        score::merge(per_lang, params)
    }

    /// Candidate topics from tantivy, best first, with their BM25 scores.
    fn candidates(&self, lang: Lang, lang_tokens: &[String], any_tokens: &[String], near: &mut score::Near) -> Vec<(TopicId, f32)> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let q_field = self.fields.questions[lang.index()];
        let body_field = self.fields.body[lang.index()];
        let unique = |v: &[String]| v.iter().cloned().collect::<HashSet<_>>();
        for t in unique(lang_tokens) {
            clauses.push((Occur::Should, boosted(TermQuery::new(Term::from_field_text(q_field, &t), IndexRecordOption::WithFreqs), 3.0)));
            clauses.push((Occur::Should, boosted(TermQuery::new(Term::from_field_text(body_field, &t), IndexRecordOption::WithFreqs), 1.0)));
        }
        for t in unique(any_tokens) {
            clauses.push((Occur::Should, boosted(TermQuery::new(Term::from_field_text(self.fields.any, &t), IndexRecordOption::WithFreqs), 1.5)));
            // Typos are words the index has never seen: those also look for the known words nearest
            // to them (found in the vocabulary once, and used again by the scorer).
            if !self.stats.knows(&t) {
                for w in score::near_words_of(&self.stats, &t, near) {
                    clauses.push((Occur::Should, boosted(TermQuery::new(Term::from_field_text(self.fields.any, &w), IndexRecordOption::WithFreqs), 0.5)));
                }
            }
        }
        if clauses.is_empty() {
            return Vec::new();
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let Ok(top) = searcher.search(&query, &TopDocs::with_limit(CANDIDATES).order_by_score()) else {
            return Vec::new();
        };
        let mut out: Vec<(TopicId, f32)> = Vec::new();
        for (score, addr) in top {
            let Some(Some(id)) = self.doc_topics.get(addr.segment_ord as usize).and_then(|v| v.get(addr.doc_id as usize)).cloned() else {
                continue;
            };
            if !out.iter().any(|(t, _)| *t == id) {
                out.push((id, score));
            }
        }
        out
    }

    /// The language each stored document was written in (for tests and diagnostics).
    pub fn doc_langs(&self) -> Vec<String> {
        let searcher = self.reader.searcher();
        let mut out = Vec::new();
        for seg in searcher.segment_readers() {
            let store = seg.get_store_reader(1).ok();
            for doc_id in 0..seg.max_doc() {
                if let Some(doc) = store.as_ref().and_then(|s| s.get::<TantivyDocument>(doc_id).ok()) {
                    if let Some(l) = doc.get_first(self.fields.lang).and_then(|v| v.as_str()) {
                        out.push(l.to_string());
                    }
                }
            }
        }
        out
    }
}

/// Weight of the words of a sentence that does not ask, against those of the sentence that asks
/// (ends in a question mark; without one, the last sentence).
pub const STORY_WEIGHT: f32 = 0.4;

/// The sentences of a message with the weight of their words, synonyms added to the sentence that
/// contains them. The asking sentences come first, so that the token cap keeps them.
fn weighted_sentences(text: &str, synonyms: &Synonyms) -> Vec<(String, f32)> {
    let sentences = sentences(text);
    let asks = sentences.iter().any(|(_, q)| *q);
    let last = sentences.len().saturating_sub(1);
    let mut parts: Vec<(String, f32)> = sentences
        .iter()
        .enumerate()
        .map(|(i, (s, q))| {
            let w = if sentences.len() == 1 || *q || (!asks && i == last) { 1.0 } else { STORY_WEIGHT };
            let adds = synonyms.expand(s);
            (if adds.is_empty() { s.to_string() } else { format!("{adds} {s}") }, w)
        })
        .collect();
    parts.sort_by(|a, b| b.1.total_cmp(&a.1));
    parts
}

/// The tokens of the weighted sentences, at most [`MAX_TOKENS`](super::analyze::MAX_TOKENS) in
/// all, with each token's weight.
fn tokens_of(a: &Analyzer, parts: &[(String, f32)]) -> (Vec<String>, Vec<f32>) {
    let mut tokens = Vec::new();
    let mut weights = Vec::new();
    for (s, w) in parts {
        for t in a.tokens(s) {
            if tokens.len() >= super::analyze::MAX_TOKENS {
                break;
            }
            tokens.push(t);
            weights.push(*w);
        }
    }
    (tokens, weights)
}

/// The part of a message that asks, when a story comes first: its asking sentences (ending in a
/// question mark), else its last sentence. `None` for a message of one sentence, when every sentence
/// asks, or when the part is too short to stand alone ("What now?").
pub fn asking_part(text: &str) -> Option<String> {
    asking_sentences(text).map(|asks| asks.join(" "))
}

/// The sentences that make up `asking_part`, as slices of `text` (so their place in it is known).
pub fn asking_sentences(text: &str) -> Option<Vec<&str>> {
    let all = sentences(text);
    if all.len() < 2 {
        return None;
    }
    let asks: Vec<&str> = all.iter().filter(|(_, q)| *q).map(|(s, _)| *s).collect();
    if asks.len() == all.len() {
        return None;
    }
    let part = if asks.is_empty() { vec![all.last()?.0] } else { asks };
    let words: usize = part.iter().map(|s| s.split_whitespace().count()).sum();
    // Scripts without spaces (Chinese) count characters instead.
    let long_enough = words >= 3 || (words <= 1 && part.iter().map(|s| s.chars().count()).sum::<usize>() >= 6);
    long_enough.then_some(part)
}

/// Splits at sentence ends (. ! ? ؟ 。 ！ ？ ። ፧ ; and line breaks); a full stop counts only before a
/// space or the end ("113.nl" stays whole). Returns each sentence and whether it asks (ends in a
/// question mark).
pub fn sentences(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        let end = match c {
            '?' | '؟' | '？' | '፧' | '!' | '！' | '。' | '።' | ';' | '\n' => true,
            '.' => next_is_space,
            _ => false,
        };
        if end {
            let s = text[start..i + c.len_utf8()].trim();
            if !s.is_empty() {
                out.push((s, matches!(c, '?' | '؟' | '？' | '፧')));
            }
            start = i + c.len_utf8();
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push((rest, false));
    }
    out
}

fn boosted(q: impl Query + 'static, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(Box::new(q), boost))
}

fn write_docs(index: &Index, fields: &Fields, kb: &KnowledgeBase, progress: &dyn Fn(usize)) -> Result<()> {
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 30_000_000)?;
    let mut n = 0;
    for topic in kb.topics() {
        for (lang, tr) in &topic.translations {
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.topic, topic.id.as_str());
            doc.add_text(fields.lang, lang.code());
            let qf = fields.questions[lang.index()];
            doc.add_text(qf, &tr.title);
            for q in tr.questions.iter().chain(&tr.keywords) {
                doc.add_text(qf, q);
                doc.add_text(fields.any, q);
            }
            doc.add_text(fields.any, &tr.title);
            if let Some(body) = &tr.body {
                doc.add_text(fields.body[lang.index()], body);
            }
            writer.add_document(doc)?;
            n += 1;
            progress(n);
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// Keeps the cache small: removes other `index-*` folders than the current one.
fn prune_old_indexes(parent: &Path, keep: &Path) {
    let Ok(rd) = std::fs::read_dir(parent) else { return };
    for e in rd.flatten() {
        let p = e.path();
        let is_index = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("index-"));
        if is_index && p != keep {
            let _ = std::fs::remove_dir_all(&p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{asking_part, sentences};

    #[test]
    fn sentences_end_at_marks_but_not_inside_addresses() {
        let s = sentences("I live in Leiden. See 113.nl for help! Where do I go?");
        assert_eq!(s, [("I live in Leiden.", false), ("See 113.nl for help!", false), ("Where do I go?", true)]);
        assert_eq!(sentences("ምንታይ እገብር፧ ሓገዝ"), [("ምንታይ እገብር፧", true), ("ሓገዝ", false)]);
    }

    #[test]
    fn the_asking_part_is_what_asks_after_a_story() {
        let story = "Hello, first post here. We moved from Bogotá last autumn with two kids. Is there money from the government for the rent?";
        assert_eq!(asking_part(story).as_deref(), Some("Is there money from the government for the rent?"));
        // Without a question mark, the last sentence asks.
        assert_eq!(asking_part("I work in a lab. My contract ends soon. I want to know about unemployment benefit").as_deref(), Some("I want to know about unemployment benefit"));
        assert_eq!(asking_part("我刚来荷兰，和两个孩子一起。怎么申请住房补贴？").as_deref(), Some("怎么申请住房补贴？"));
        // One sentence, only questions, or a question too short to stand alone: the whole message.
        assert_eq!(asking_part("How do I get a BSN?"), None);
        assert_eq!(asking_part("What is a BSN? Where do I get it?"), None);
        assert_eq!(asking_part("I got a letter from the CAK about a fine. What now?"), None);
    }
}
