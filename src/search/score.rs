//! Scoring candidates into a calibrated 0..1 ranking and deciding answer / choice / don't know.

use super::analyze::Analyzer;
use crate::knowledge::{Topic, TopicId};
use crate::lang::Lang;
use std::collections::{HashMap, HashSet};

/// Tunable search settings (`[search]` in a bot file).
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchParams {
    /// Below this score the bot says it does not know.
    pub abstain_below: f32,
    /// Topics within this distance of the best one are offered as a choice.
    pub choice_margin: f32,
    /// Weight of the best single question against the coverage of the whole topic.
    pub question_weight: f32,
    /// How much words of a question that the message does not contain count against it.
    pub extra_word_penalty: f32,
    /// Below `abstain_below`, topics scoring at least this are offered under the "I don't know" as
    /// possible matches (one click for a person whose words the knowledge base does not use).
    pub suggest_above: f32,
    /// A topic that lacks the message's most telling known word (a word the knowledge base knows that
    /// weighs at least half again as much as any other: "rijbewijs" in "mag ik rijden met mijn
    /// rijbewijs") has its score multiplied by this.
    pub key_word_factor: f32,
    /// A word found in the questions of at most this many topics marks those topics ("rijbewijs",
    /// "tram"): a message whose best topic has such a word in common with it is answered from
    /// `anchored_abstain_below` on instead of `abstain_below`.
    pub anchor_max_topics: u32,
    pub anchored_abstain_below: f32,
    /// With a semantic model: the share of a topic's score that comes from its semantic similarity
    /// (the rest is the lexical score).
    pub semantic_weight: f32,
    /// Cosine similarities at or below this count as no semantic match (0), at or above
    /// `semantic_ceiling` as a full one (1); linear in between. multilingual-e5's similarities of
    /// unrelated sentences are rarely below 0.7, so the raw cosine is not a usable score.
    pub semantic_floor: f32,
    pub semantic_ceiling: f32,
    /// Below the answer threshold, when the best topics score at least this and two or three of
    /// them lie within `clarify_margin` of the best, the bot asks which one is meant instead of
    /// saying it does not know.
    pub clarify_above: f32,
    pub clarify_margin: f32,
    /// `[search.lexical]`: settings that replace these when the bot runs without its model (the
    /// thresholds above are then for fused scores, which lexical scores alone do not reach).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lexical: Option<LexicalSettings>,
}

/// The decision's settings for a bot without its model (`[search.lexical]`); unset ones stay.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct LexicalSettings {
    pub abstain_below: Option<f32>,
    pub anchored_abstain_below: Option<f32>,
    pub suggest_above: Option<f32>,
    pub choice_margin: Option<f32>,
    pub clarify_above: Option<f32>,
    pub clarify_margin: Option<f32>,
}

impl SearchParams {
    /// The settings for a bot without its model: `[search.lexical]` applied.
    pub fn without_model(&self) -> SearchParams {
        let mut p = self.clone();
        if let Some(l) = &self.lexical {
            let set = |v: &mut f32, o: Option<f32>| {
                if let Some(o) = o {
                    *v = o;
                }
            };
            set(&mut p.abstain_below, l.abstain_below);
            set(&mut p.anchored_abstain_below, l.anchored_abstain_below);
            set(&mut p.suggest_above, l.suggest_above);
            set(&mut p.choice_margin, l.choice_margin);
            set(&mut p.clarify_above, l.clarify_above);
            set(&mut p.clarify_margin, l.clarify_margin);
        }
        p
    }
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams { abstain_below: 0.45, choice_margin: 0.04, question_weight: 0.6, extra_word_penalty: 0.25, suggest_above: 0.2, key_word_factor: 0.8, anchor_max_topics: 2, anchored_abstain_below: 0.24, semantic_weight: 0.4, semantic_floor: 0.82, semantic_ceiling: 0.93, clarify_above: 1.0, clarify_margin: 0.08, lexical: None }
    }
}

/// One ranked topic.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Scored {
    pub topic: TopicId,
    /// 0..1: how well the topic covers the message.
    pub score: f32,
    /// The language whose analysis produced the score.
    pub lang: Lang,
    /// Whether the topic shares a rare, telling word with the message (see `anchor_max_topics`).
    pub anchored: bool,
}

/// What the bot should do with a ranking.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "topics")]
pub enum Decision {
    Answer(TopicId),
    /// Two or three topics fit about equally: let the person choose.
    Choose(Vec<TopicId>),
    DontKnow,
}

/// The ranking of topics for one message, best first, and the decision taken from it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Ranked {
    pub topics: Vec<Scored>,
    pub decision: Decision,
}

/// Analysed text of one language of a topic.
pub(crate) struct LangTokens {
    set: HashSet<String>,
    questions: Vec<Vec<String>>,
    /// Side by side with `questions`, filled in by [`TopicTokens::weigh`] once the statistics of all
    /// topics are known: each token's rarity (idf in this language) and number ([`Stats::token_id`]).
    question_idf: Vec<Vec<f32>>,
    question_ids: Vec<Vec<u32>>,
    /// The questions each token (by number) occurs in: a question that shares no word with the
    /// message scores 0 and is not looked at.
    by_token: HashMap<u32, Vec<u32>>,
    body: HashSet<String>,
}

/// Analysed text of a topic, in every language it has.
pub(crate) struct TopicTokens {
    langs: Vec<Option<LangTokens>>,
    any: HashSet<String>,
}

impl TopicTokens {
    pub(crate) fn of(topic: &Topic, analyzers: &[Analyzer], any: &Analyzer) -> TopicTokens {
        let mut langs: Vec<Option<LangTokens>> = (0..Lang::ALL.len()).map(|_| None).collect();
        let mut any_set = HashSet::new();
        for (lang, tr) in &topic.translations {
            let a = &analyzers[lang.index()];
            let mut questions: Vec<Vec<String>> = std::iter::once(&tr.title)
                .chain(&tr.questions)
                .chain(&tr.keywords)
                .map(|q| a.tokens(q))
                .filter(|t| !t.is_empty())
                .collect();
            questions.iter_mut().for_each(|q| {
                q.sort();
                q.dedup();
            });
            let set = questions.iter().flatten().cloned().collect();
            let body = tr.body.as_deref().map(|b| body_tokens(a, b)).unwrap_or_default();
            for q in std::iter::once(&tr.title).chain(&tr.questions).chain(&tr.keywords) {
                any_set.extend(any.tokens(q));
            }
            langs[lang.index()] = Some(LangTokens { set, questions, question_idf: Vec::new(), question_ids: Vec::new(), by_token: HashMap::new(), body });
        }
        TopicTokens { langs, any: any_set }
    }

    /// Works out the rarity of every question token, once the statistics of all topics are known.
    pub(crate) fn weigh(&mut self, stats: &Stats) {
        for (li, lt) in self.langs.iter_mut().enumerate() {
            if let Some(lt) = lt {
                lt.question_idf = lt
                    .questions
                    .iter()
                    .map(|q| q.iter().map(|t| idf(stats.df_lang[li].get(t).copied().unwrap_or(1), stats.n_lang[li])).collect())
                    .collect();
                lt.question_ids = lt.questions.iter().map(|q| q.iter().filter_map(|t| stats.token_id(t)).collect()).collect();
                lt.by_token.clear();
                for (i, q) in lt.question_ids.iter().enumerate() {
                    for &t in q {
                        lt.by_token.entry(t).or_default().push(i as u32);
                    }
                }
            }
        }
    }
}

/// Bodies are longer than one analysis window: analyse them paragraph by paragraph.
fn body_tokens(a: &Analyzer, body: &str) -> HashSet<String> {
    body.split(['\n', '.', '!', '?']).flat_map(|part| a.tokens(part)).collect()
}

/// Document frequencies (in topics) for weighting words by rarity.
pub(crate) struct Stats {
    n_topics: u32,
    n_lang: Vec<u32>,
    df_lang: Vec<HashMap<String, u32>>,
    df_any: HashMap<String, u32>,
    vocab: Vocab,
    /// A number for every token of a language's questions, so that scoring compares numbers.
    ids: HashMap<String, u32>,
}

/// Every known token, arranged for typo and compound look-ups without scanning strings.
#[derive(Default)]
struct Vocab {
    /// Tokens as characters with their character signature (`signature`), ordered by length;
    /// `by_len[n]` is where length `n` starts.
    chars: Vec<(Vec<char>, u64, String)>,
    by_len: Vec<usize>,
    /// Tokens in string order, for prefix look-ups.
    sorted: Vec<String>,
}

impl Vocab {
    fn build<'a>(words: impl Iterator<Item = &'a String>) -> Vocab {
        let mut sorted: Vec<String> = words.cloned().collect();
        sorted.sort();
        sorted.dedup();
        let mut chars: Vec<(Vec<char>, u64, String)> = sorted.iter().map(|w| (w.chars().collect(), signature(w.chars()), w.clone())).collect();
        chars.sort_by_key(|(c, _, _)| c.len());
        let max = chars.last().map_or(0, |(c, _, _)| c.len());
        let by_len = (0..=max + 1).map(|n| chars.partition_point(|(c, _, _)| c.len() < n)).collect();
        Vocab { chars, by_len, sorted }
    }

    fn with_len(&self, lo: usize, hi: usize) -> &[(Vec<char>, u64, String)] {
        let end = self.by_len.len().saturating_sub(1);
        let a = self.by_len.get(lo.min(end)).copied().unwrap_or(self.chars.len());
        let b = self.by_len.get((hi + 1).min(end)).copied().unwrap_or(self.chars.len());
        &self.chars[a..b.max(a)]
    }
}

impl Stats {
    pub(crate) fn of<'a>(topics: impl Iterator<Item = &'a TopicTokens>) -> Stats {
        let mut s = Stats {
            n_topics: 0,
            n_lang: vec![0; Lang::ALL.len()],
            df_lang: vec![HashMap::new(); Lang::ALL.len()],
            df_any: HashMap::new(),
            vocab: Vocab::default(),
            ids: HashMap::new(),
        };
        for t in topics {
            s.n_topics += 1;
            for (i, lt) in t.langs.iter().enumerate() {
                if let Some(lt) = lt {
                    s.n_lang[i] += 1;
                    for tok in &lt.set {
                        *s.df_lang[i].entry(tok.clone()).or_default() += 1;
                    }
                }
            }
            for tok in &t.any {
                *s.df_any.entry(tok.clone()).or_default() += 1;
            }
        }
        s.vocab = Vocab::build(s.df_any.keys().chain(s.df_lang.iter().flat_map(|m| m.keys())));
        for tok in s.df_lang.iter().flat_map(|m| m.keys()) {
            let next = s.ids.len() as u32;
            s.ids.entry(tok.clone()).or_insert(next);
        }
        s
    }

    /// The number of a token of some language's questions (`None`: no question has it).
    pub(crate) fn token_id(&self, token: &str) -> Option<u32> {
        self.ids.get(token).copied()
    }
}

impl Stats {
    /// Whether any topic has this language-neutral token.
    pub(crate) fn knows(&self, token: &str) -> bool {
        self.df_any.contains_key(token)
    }
}

fn idf(df: u32, n: u32) -> f32 {
    let (df, n) = (df as f32, n.max(1) as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// One word of the message: its form in the message's language and its language-neutral form.
struct Unit {
    stem: String,
    any: String,
    weight: f32,
    /// Known words this one is a likely typo of (only for words the index has never seen).
    fuzzy: Vec<String>,
    /// Whether the knowledge base knows this word (exactly or as a likely typo).
    known: bool,
    /// Not an everyday word of the language.
    telling: bool,
    /// The weight of the sentence the word is in (the asking sentence 1, the story less).
    role: f32,
    /// The numbers of `stem` and of the `fuzzy` words ([`Stats::token_id`]).
    stem_id: Option<u32>,
    fuzzy_ids: Vec<Option<u32>>,
}

fn units(lang: Lang, lang_tokens: &[String], any_tokens: &[String], token_weights: &[f32], stats: &Stats, near: &mut Near) -> Vec<Unit> {
    let li = lang.index();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Unit> = Vec::new();
    for (k, (stem, any)) in lang_tokens.iter().zip(any_tokens).enumerate() {
        let role = token_weights.get(k).copied().unwrap_or(1.0);
        if let Some(&i) = seen.get(stem) {
            // A word in the asking sentence and in the story counts as asked.
            let u: &mut Unit = &mut out[i];
            if role > u.role {
                u.weight *= role / u.role;
                u.role = role;
            }
            continue;
        }
        seen.insert(stem.clone(), out.len());
        let df_l = stats.df_lang[li].get(stem).copied().unwrap_or(0);
        let df_a = stats.df_any.get(any).copied().unwrap_or(0);
        let known_exact = df_l > 0 || df_a > 0;
        let (mut weight, fuzzy) = if df_l > 0 {
            (idf(df_l, stats.n_lang[li]), Vec::new())
        } else if df_a > 0 {
            (idf(df_a, stats.n_topics), Vec::new())
        } else {
            let near = near_words_of(stats, any, near).to_vec();
            let w = near
                .first()
                .map(|n| {
                    let df = stats.df_any.get(n).or_else(|| stats.df_lang[li].get(n)).copied().unwrap_or(0);
                    idf(df, stats.n_topics)
                })
                .unwrap_or_else(|| idf(0, stats.n_topics));
            (w, near)
        };
        // Everyday words ("how", "where", "ik") say little about the topic, however rare they are in
        // a small knowledge base.
        let zipf = crate::language::word_zipf(lang, any);
        if let Some(z) = zipf {
            weight *= if z >= 6.0 { 0.25 } else if z >= 5.0 { 0.6 } else { 1.0 };
        }
        let telling = zipf.is_none_or(|z| z < 5.0) && any.chars().count() >= 3;
        let known = known_exact || !fuzzy.is_empty();
        weight *= role;
        let (stem_id, fuzzy_ids) = (stats.token_id(stem), fuzzy.iter().map(|f| stats.token_id(f)).collect());
        out.push(Unit { stem: stem.clone(), any: any.clone(), weight, fuzzy, known, telling, role, stem_id, fuzzy_ids });
    }
    out
}

/// Known words within typing distance of `word` (1 edit from 5 letters, 2 from 9), closest first,
/// then known words that start it or that it starts (compounds such as "inburgeringsroutes").
fn near_words(word: &str, vocab: &Vocab) -> Vec<String> {
    let w: Vec<char> = word.chars().collect();
    let max = match w.len() {
        0..=4 => return Vec::new(),
        5..=8 => 1,
        _ => 2,
    };
    let mut found: Vec<(usize, String)> = Vec::new();
    let sig = signature(w.iter().copied());
    let mut rows = Vec::new();
    for (chars, vsig, v) in vocab.with_len(w.len() - max, w.len() + max) {
        // Each character of one word that the other lacks takes an edit: most words are ruled out
        // without the table.
        if (sig & !vsig).count_ones() as usize > max || (vsig & !sig).count_ones() as usize > max {
            continue;
        }
        if let Some(d) = levenshtein_within(&w, chars, max, &mut rows) {
            found.push((d, v.clone()));
        }
    }
    // A known word of five or more letters that starts this one, covering at least half of it.
    for p in (w.len().div_ceil(2).max(5)..w.len()).rev() {
        let prefix: String = w[..p].iter().collect();
        if vocab.sorted.binary_search(&prefix).is_ok() && !found.iter().any(|(_, f)| *f == prefix) {
            found.push((max + 1, prefix));
        }
    }
    // Known words that start with this one and are at most twice as long.
    let start = vocab.sorted.partition_point(|v| v.as_str() < word);
    for v in vocab.sorted[start..].iter().take_while(|v| v.starts_with(word)).take(8) {
        if v.chars().count() <= 2 * w.len() && v != word && !found.iter().any(|(_, f)| f == v) {
            found.push((max + 1, v.clone()));
        }
    }
    found.sort();
    found.into_iter().take(4).map(|(_, v)| v).collect()
}

/// The characters of a word as bits (each character sets one of 64, by its code): a character of
/// one word whose bit the other lacks is a character the other lacks, so the bits one word has and
/// the other lacks are at most their edit distance.
fn signature(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0, |m, c| m | 1 << ((c as u32).wrapping_mul(0x9E37_79B9) >> 26))
}

/// Edit distance if it is at most `max`.
#[cfg(test)]
fn bounded_levenshtein(a: &[char], b: &[char], max: usize) -> Option<usize> {
    levenshtein_within(a, b, max, &mut Vec::new())
}

/// `bounded_levenshtein` with its two rows in `rows` (reused from word to word).
fn levenshtein_within(a: &[char], b: &[char], max: usize, rows: &mut Vec<usize>) -> Option<usize> {
    rows.clear();
    rows.extend(0..=b.len());
    rows.resize(2 * (b.len() + 1), 0);
    let (mut prev, mut cur) = rows.split_at_mut(b.len() + 1);
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

/// The known words near each unknown word of a message (`near_words`), worked out once for all its
/// analysis languages.
pub(crate) type Near = HashMap<String, Vec<String>>;

/// The known words near `word` (`near_words`), from `near` or worked out and kept there.
pub(crate) fn near_words_of<'a>(stats: &Stats, word: &str, near: &'a mut Near) -> &'a [String] {
    if !near.contains_key(word) {
        near.insert(word.to_string(), near_words(word, &stats.vocab));
    }
    &near[word]
}

/// Scores the candidates for one analysis language.
#[allow(clippy::too_many_arguments)]
pub(crate) fn rank(
    lang: Lang,
    lang_tokens: &[String],
    any_tokens: &[String],
    token_weights: &[f32],
    candidates: &[(TopicId, f32)],
    tokens: &HashMap<TopicId, TopicTokens>,
    stats: &Stats,
    params: &SearchParams,
    near: &mut Near,
) -> Vec<Scored> {
    let units = units(lang, lang_tokens, any_tokens, token_weights, stats, near);
    let total: f32 = units.iter().map(|u| u.weight).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let li = lang.index();
    // The key word: a known word that clearly outweighs every other known word. Between two equally
    // telling words ("huisarts zorgverzekering") there is none.
    let key = {
        let mut known: Vec<(usize, f32)> = units.iter().enumerate().filter(|(_, u)| u.known).map(|(i, u)| (i, u.weight)).collect();
        known.sort_by(|a, b| b.1.total_cmp(&a.1));
        match known.as_slice() {
            [(i, w), (_, next), ..] if *w >= 1.5 * next => Some(*i),
            _ => None,
        }
    };
    // Which words can anchor a topic, worked out once per message rather than once per candidate:
    // the word itself when it is rare, or the rare known words it is a typo or compound of
    // ("inburgeringsroutes").
    let rare = |stem: &str| stats.df_lang[li].get(stem).is_some_and(|&d| d <= params.anchor_max_topics);
    let anchors: Vec<(bool, Vec<&String>)> = units
        .iter()
        .map(|u| {
            if !u.telling {
                return (false, Vec::new());
            }
            let near = if u.stem.chars().count() >= 6 { u.fuzzy.iter().filter(|f| rare(f)).collect() } else { Vec::new() };
            (rare(&u.stem), near)
        })
        .collect();
    let mut out = Vec::new();
    let (mut used, mut asked) = (Vec::new(), Vec::new());
    for (id, _bm25) in candidates {
        let Some(tt) = tokens.get(id) else { continue };
        let lt = tt.langs[li].as_ref();
        let mut covered = 0.0;
        let mut key_missing = false;
        let mut anchored = false;
        for (i, u) in units.iter().enumerate() {
            let m = if lt.is_some_and(|l| l.set.contains(&u.stem)) {
                1.0
            } else if tt.any.contains(&u.any) {
                0.9
            } else if u.fuzzy.iter().any(|f| tt.any.contains(f) || lt.is_some_and(|l| l.set.contains(f))) {
                0.7
            } else if lt.is_some_and(|l| l.body.contains(&u.stem)) {
                0.5
            } else {
                0.0
            };
            if Some(i) == key && m < 0.7 {
                key_missing = true;
            }
            let (rare_word, rare_near) = &anchors[i];
            anchored = anchored
                || if m >= 1.0 { *rare_word } else { m >= 0.7 && rare_near.iter().any(|f| lt.is_some_and(|l| l.set.contains(*f))) };
            covered += u.weight * m;
        }
        let coverage = covered / total;
        let best_question = lt.map_or(0.0, |l| {
            // Only the questions that share a word (or a likely typo's word) with the message.
            asked.clear();
            for u in &units {
                for t in std::iter::once(&u.stem_id).chain(&u.fuzzy_ids).flatten() {
                    asked.extend(l.by_token.get(t).into_iter().flatten().copied());
                }
            }
            asked.sort_unstable();
            asked.dedup();
            asked
                .iter()
                .map(|&i| question_similarity(&units, total, &l.question_ids[i as usize], &l.question_idf[i as usize], &mut used, params))
                .fold(0.0, f32::max)
        });
        let mut score = params.question_weight * best_question + (1.0 - params.question_weight) * coverage;
        if key_missing {
            score *= params.key_word_factor;
        }
        out.push(Scored { topic: id.clone(), score, lang, anchored });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.topic.cmp(&b.topic)));
    out
}

/// How well one question (its distinct tokens by number, with their rarity `q_idf`) matches the
/// message: the share of the message's weight it contains, discounted by the weight of its words
/// the message lacks. `used` is scratch space, reused from question to question.
fn question_similarity(units: &[Unit], total: f32, q: &[u32], q_idf: &[f32], used: &mut Vec<bool>, params: &SearchParams) -> f32 {
    // A question has a few tokens: looking through them beats any look-up.
    let at = |id: &Option<u32>| id.and_then(|id| q.iter().position(|&t| t == id));
    used.clear();
    used.resize(q.len(), false);
    let mut matched = 0.0;
    for u in units {
        if let Some(i) = at(&u.stem_id) {
            matched += u.weight;
            used[i] = true;
        } else if let Some(i) = u.fuzzy_ids.iter().find_map(at) {
            matched += 0.7 * u.weight;
            used[i] = true;
        }
    }
    if matched == 0.0 {
        return 0.0;
    }
    let extra: f32 = q_idf.iter().zip(used.iter()).filter(|(_, u)| !**u).map(|(w, _)| *w).sum();
    matched / (total + params.extra_word_penalty * extra)
}

/// Merges several rankings (analysis languages, parts of the message: best score per topic) and decides.
pub(crate) fn merge(per_lang: Vec<Vec<Scored>>, params: &SearchParams) -> Ranked {
    let mut best: HashMap<TopicId, Scored> = HashMap::new();
    for s in per_lang.into_iter().flatten() {
        match best.get(&s.topic) {
            Some(b) if b.score >= s.score => {}
            _ => {
                best.insert(s.topic.clone(), s);
            }
        }
    }
    let mut topics: Vec<Scored> = best.into_values().collect();
    topics.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.topic.cmp(&b.topic)));
    topics.truncate(10);
    let decision = decide(&topics, params);
    Ranked { topics, decision }
}

/// Weighs semantic similarities (every topic's cosine, best first) into a lexical ranking and
/// decides again. A topic the lexical search did not find counts as lexical 0; one the semantic
/// index does not know (no vectors) as semantic 0. Anchors stay as the lexical search set them.
pub fn fuse(lexical: &Ranked, semantic: &[(TopicId, f32)], lang: Lang, params: &SearchParams) -> Ranked {
    let span = (params.semantic_ceiling - params.semantic_floor).max(1e-3);
    let sem = |c: f32| ((c - params.semantic_floor) / span).clamp(0.0, 1.0);
    let w = params.semantic_weight.clamp(0.0, 1.0);
    let by_topic: HashMap<&TopicId, f32> = semantic.iter().map(|(t, c)| (t, *c)).collect();
    let mut topics: Vec<Scored> = lexical
        .topics
        .iter()
        .map(|s| Scored { score: (1.0 - w) * s.score + w * by_topic.get(&s.topic).map(|c| sem(*c)).unwrap_or(0.0), ..s.clone() })
        .collect();
    for (t, c) in semantic.iter().take(10) {
        if !topics.iter().any(|s| s.topic == *t) {
            topics.push(Scored { topic: t.clone(), score: w * sem(*c), lang, anchored: false });
        }
    }
    topics.retain(|s| s.score.is_finite());
    topics.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.topic.cmp(&b.topic)));
    topics.truncate(10);
    let decision = decide(&topics, params);
    Ranked { topics, decision }
}

impl Ranked {
    /// For a "don't know": up to two topics that came close enough to be offered as a guess.
    /// The topics the first reply shows: the answer, the choices, or the suggestions under "don't know".
    pub fn shown(&self, params: &SearchParams) -> Vec<TopicId> {
        match &self.decision {
            Decision::Answer(id) => vec![id.clone()],
            Decision::Choose(ids) => ids.clone(),
            Decision::DontKnow => self.suggestions(params),
        }
    }

    pub fn suggestions(&self, params: &SearchParams) -> Vec<TopicId> {
        if self.decision != Decision::DontKnow {
            return Vec::new();
        }
        self.topics.iter().take(2).filter(|s| s.score.is_finite() && s.score >= params.suggest_above).map(|s| s.topic.clone()).collect()
    }
}

fn decide(topics: &[Scored], params: &SearchParams) -> Decision {
    let Some(top) = topics.first() else { return Decision::DontKnow };
    let floor = if top.anchored { params.anchored_abstain_below.min(params.abstain_below) } else { params.abstain_below };
    if !top.score.is_finite() {
        return Decision::DontKnow;
    }
    if top.score < floor {
        // Plausible but not clear: two or three close candidates become a clarifying choice.
        if top.score >= params.clarify_above {
            let close: Vec<TopicId> = topics
                .iter()
                .take(3)
                .filter(|s| s.score >= top.score - params.clarify_margin && s.score >= params.clarify_above)
                .map(|s| s.topic.clone())
                .collect();
            if close.len() >= 2 {
                return Decision::Choose(close);
            }
        }
        return Decision::DontKnow;
    }
    let close: Vec<TopicId> = topics
        .iter()
        .take(3)
        .filter(|s| s.score >= top.score - params.choice_margin && s.score >= floor)
        .map(|s| s.topic.clone())
        .collect();
    if close.len() >= 2 { Decision::Choose(close) } else { Decision::Answer(top.topic.clone()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levenshtein_is_bounded() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(bounded_levenshtein(&c("insurance"), &c("insurence"), 2), Some(1));
        assert_eq!(bounded_levenshtein(&c("huisarts"), &c("huisart"), 1), Some(1));
        assert_eq!(bounded_levenshtein(&c("abcdef"), &c("uvwxyz"), 2), None);
    }

    #[test]
    fn close_scores_become_a_choice_and_low_scores_dont_know() {
        let p = SearchParams::default();
        let s = |t: &str, score| Scored { topic: TopicId::parse(t).unwrap(), score, lang: Lang::En, anchored: false };
        assert_eq!(decide(&[s("a", 0.9), s("b", 0.5)], &p), Decision::Answer(TopicId::parse("a").unwrap()));
        assert!(matches!(decide(&[s("a", 0.9), s("b", 0.89)], &p), Decision::Choose(v) if v.len() == 2));
        assert_eq!(decide(&[s("a", 0.1)], &p), Decision::DontKnow);
        assert_eq!(decide(&[], &p), Decision::DontKnow);
    }

    #[test]
    fn an_anchored_topic_is_answered_from_the_lower_threshold() {
        let p = SearchParams::default();
        let s = |t: &str, score, anchored| Scored { topic: TopicId::parse(t).unwrap(), score, lang: Lang::Nl, anchored };
        let mid = (p.anchored_abstain_below + p.abstain_below) / 2.0;
        assert_eq!(decide(&[s("tram", mid, true), s("b", 0.1, false)], &p), Decision::Answer(TopicId::parse("tram").unwrap()));
        assert_eq!(decide(&[s("phone", mid, false), s("b", 0.1, false)], &p), Decision::DontKnow);
        assert_eq!(decide(&[s("tram", p.anchored_abstain_below - 0.01, true)], &p), Decision::DontKnow);
    }

    #[test]
    fn plausible_but_unclear_candidates_become_a_clarifying_choice() {
        let p = SearchParams { clarify_above: 0.3, clarify_margin: 0.1, ..SearchParams::default() };
        let s = |t: &str, score| Scored { topic: TopicId::parse(t).unwrap(), score, lang: Lang::En, anchored: false };
        // Below the answer threshold, two close candidates: which one is meant?
        assert!(matches!(decide(&[s("a", 0.4), s("b", 0.35), s("c", 0.1)], &p), Decision::Choose(v) if v.len() == 2));
        // One candidate alone in the band, or all below it: don't know.
        assert_eq!(decide(&[s("a", 0.4), s("b", 0.2)], &p), Decision::DontKnow);
        assert_eq!(decide(&[s("a", 0.29), s("b", 0.28)], &p), Decision::DontKnow);
        // Off by default for lexical search alone.
        assert_eq!(decide(&[s("a", 0.4), s("b", 0.35)], &SearchParams::default()), Decision::DontKnow);
    }

    #[test]
    fn semantic_similarity_lifts_a_topic_the_words_missed() {
        let p = SearchParams::default();
        let id = |t: &str| TopicId::parse(t).unwrap();
        let s = |t: &str, score| Scored { topic: id(t), score, lang: Lang::En, anchored: false };
        let lexical = Ranked { topics: vec![s("a", 0.5), s("b", 0.3)], decision: Decision::Answer(id("a")) };
        // "b" is semantically much closer, "c" was not found by words at all.
        let semantic = vec![(id("b"), p.semantic_ceiling), (id("c"), p.semantic_ceiling - 0.01), (id("a"), p.semantic_floor)];
        let fused = fuse(&lexical, &semantic, Lang::En, &p);
        let order: Vec<String> = fused.topics.iter().map(|t| t.topic.to_string()).collect();
        assert_eq!(order, ["b", "c", "a"]);
        let w = p.semantic_weight;
        assert!((fused.topics[0].score - ((1.0 - w) * 0.3 + w)).abs() < 1e-5);
        assert!((fused.topics[2].score - (1.0 - w) * 0.5).abs() < 1e-5, "a cosine at the floor adds nothing");
        // Without any semantic evidence the order is the lexical one, scaled.
        let none = fuse(&lexical, &[], Lang::En, &p);
        assert_eq!(none.topics.iter().map(|t| t.topic.to_string()).collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn a_dont_know_suggests_only_topics_that_came_close() {
        let p = SearchParams::default();
        let s = |t: &str, score| Scored { topic: TopicId::parse(t).unwrap(), score, lang: Lang::En, anchored: false };
        let topics = vec![s("a", p.suggest_above + 0.05), s("b", p.suggest_above + 0.01), s("c", p.suggest_above + 0.01)];
        let ranked = Ranked { decision: decide(&topics, &p), topics };
        assert_eq!(ranked.decision, Decision::DontKnow);
        let ids: Vec<String> = ranked.suggestions(&p).iter().map(|t| t.to_string()).collect();
        assert_eq!(ids, ["a", "b"]);
        let low = Ranked { topics: vec![s("a", p.suggest_above - 0.01)], decision: Decision::DontKnow };
        assert!(low.suggestions(&p).is_empty());
    }
}
