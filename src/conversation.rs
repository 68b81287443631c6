//! The conversation engine: one incoming message in, the bot's messages out.
//!
//! Holds the current knowledge snapshot (swapped atomically on reload), each person's conversation
//! state, and the store. Knows nothing about any platform.

use crate::answer::Composer;
use crate::bot::BotConfig;
use crate::knowledge::{self, KnowledgeBase, LoadOptions, Problem, Severity, TopicId, TopicList};
use crate::lang::Lang;
use crate::language::{Detection, Detector, Models};
use crate::locale::Locales;
use crate::escalation::{Category, Desk, Escalation, Reason, Recent, Trigger, Triggers};
use crate::escalation::staff;
use crate::message::{command, Action, Button, Delivery, Incoming, Input, Media, Outgoing};
use crate::search::{Decision, Ranked, SearchIndex};
use crate::semantic::{ExampleIndex, SemanticIndex, TopK};
use crate::store::{Change, GapReason, Store};
use crate::usage::{self, Event, Tally};
use anyhow::{Context, Result};
use arc_swap::ArcSwap;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Where the language of an answer came from, in the order the evidence is weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LangSource {
    /// The person chose it (`/language`).
    Explicit,
    /// Reliable detection of this message.
    Message,
    /// The language of the conversation so far.
    Conversation,
    /// The platform's interface language.
    Interface,
    /// An unreliable detection of this message, still better than nothing.
    WeakMessage,
    /// The bot's default.
    Default,
}

/// The language chosen for an answer, with the evidence.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LangEvidence {
    pub lang: Lang,
    pub source: LangSource,
    pub detection: Detection,
}

/// Everything answers are made from; replaced as a whole on reload.
pub struct Snapshot {
    pub kb: KnowledgeBase,
    pub index: SearchIndex,
    pub locales: Locales,
    pub detector: Detector,
    /// Phrases that call for a person or signal danger (`locales/<lang>/triggers.toml`).
    pub triggers: Triggers,
    /// Sentence embeddings of the knowledge base, when the bot has a model (`[semantic]`).
    pub semantic: Option<SemanticIndex>,
    /// The safeguarding examples as vectors, when the bot has a model and the locales have examples.
    pub distress: Option<ExampleIndex<Option<Category>>>,
}

/// Per-conversation context the engine keeps in memory.
#[derive(Debug, Clone, Default)]
struct ChatState {
    lang: Option<Lang>,
    misses: u32,
    /// The last question and its language, kept in memory only, for the gaps report.
    last_question: Option<(String, Lang)>,
    /// Topics offered as a choice for the last question.
    offered: Vec<crate::knowledge::TopicId>,
    /// The last few lines of the conversation, kept in memory only, for a ticket's transcript.
    recent: Vec<Recent>,
    /// A file sent to the bot (which cannot read it), passed on if a ticket opens next.
    pending_media: Option<Media>,
}

impl ChatState {
    fn remember(&mut self, r: Recent) {
        self.recent.push(r);
        if self.recent.len() > 6 {
            self.recent.remove(0);
        }
    }
}

/// The result of asking one question with no conversation around it (`ask`, `eval`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Asked {
    pub language: LangEvidence,
    pub ranked: Ranked,
    /// The kind of danger the message raised an alarm for (emergency numbers first), if any.
    pub safeguarding: Option<Category>,
    /// The lexical ranking alone, before semantic similarities were weighed in (`None` when the
    /// bot has no model and `ranked` is the lexical ranking).
    pub lexical: Option<Ranked>,
    /// Every topic's semantic similarity to the message, best first (empty without a model).
    pub semantic: Vec<(TopicId, f32)>,
}

/// Loads knowledge and locales for a bot and builds (or reuses) the index.
pub fn load_snapshot(cfg: &BotConfig, progress: &dyn Fn(usize)) -> Result<(Snapshot, Vec<Problem>)> {
    let opts = LoadOptions {
        layers: Some(cfg.layers.clone()),
        topic_list: TopicList::read(&cfg.knowledge_dir.join("topics.tsv")).ok(),
        ..LoadOptions::default()
    };
    let (kb, problems) = knowledge::load(&cfg.knowledge_dir, &opts);
    let errors: Vec<&Problem> = problems.iter().filter(|p| p.severity == Severity::Error).collect();
    if !errors.is_empty() {
        let list: Vec<String> = errors.iter().map(|p| p.to_string()).collect();
        anyhow::bail!("the knowledge base has errors:\n{}", list.join("\n"));
    }
    let locales = Locales::load(&cfg.locales_dir).with_context(|| format!("loading locales from {}", cfg.locales_dir.display()))?;
    let index = SearchIndex::open_or_build(&kb, &cfg.cache_dir(), progress)?;
    let detector = Detector::new(train_model(&kb, &cfg.locales_dir), &cfg.languages);
    let triggers = Triggers::load(&cfg.locales_dir)?;
    let semantic = crate::semantic::load_for(cfg, &kb, progress)?;
    let distress = match &semantic {
        Some(s) if !triggers.examples().is_empty() => {
            let cache = cfg.semantic_cache.clone().unwrap_or_else(|| cfg.cache_dir());
            Some(ExampleIndex::build(s.model(), triggers.examples(), Some(&cache))?)
        }
        _ => None,
    };
    Ok((Snapshot { kb, index, locales, detector, triggers, semantic, distress }, problems))
}

/// The language model is trained on the project's own texts: every translation and every locale file.
pub fn train_model(kb: &KnowledgeBase, locales_dir: &Path) -> Models {
    let mut m = Models::with_word_lists();
    for t in kb.topics() {
        for (lang, tr) in &t.translations {
            m.add_text(*lang, &tr.title);
            for q in tr.questions.iter().chain(&tr.keywords) {
                m.add_text(*lang, q);
            }
            if let Some(b) = &tr.body {
                m.add_text(*lang, b);
            }
        }
    }
    for lang in Lang::ALL {
        let dir = locales_dir.join(lang.code());
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for e in rd.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "ftl")) {
            if let Ok(text) = std::fs::read_to_string(e.path()) {
                // Message values only: ids and comments are not the language.
                for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
                    let value = line.split_once(" = ").map_or(line, |(_, v)| v);
                    m.add_text(lang, value);
                }
            }
        }
    }
    m.finish()
}

/// The engine a transport talks to.
pub struct Engine {
    cfg: BotConfig,
    esc: Escalation,
    snapshot: ArcSwap<Snapshot>,
    store: Arc<dyn Store>,
    chats: Mutex<HashMap<String, ChatState>>,
    /// Ticket work happens one message at a time.
    desk_lock: Mutex<()>,
    /// Outbox ids being delivered right now, with their platform (leases; empty after a restart).
    inflight: Mutex<HashMap<u64, String>>,
    clock: Clock,
    metrics: Arc<crate::metrics::Metrics>,
}

/// A message's vectors: the whole message, and its asking sentences when a story comes first.
struct Vectors {
    whole: Vec<f32>,
    /// The asking sentences, with their vector.
    asking: Option<(String, Vec<f32>)>,
}

/// What a newcomer's message gives that depends on its text alone: its language as detected, the
/// danger phrases, its vectors and rankings. Worked out before the message waits for `desk_lock`, so
/// that messages arriving together use every core and the lock covers only the conversation and the
/// desk.
struct Prep {
    text: String,
    detection: crate::language::Detection,
    trigger: Option<Trigger>,
    categories: Vec<Category>,
    harmless: bool,
    vectors: Option<Arc<Vectors>>,
    /// Every topic's semantic similarity (empty without a model).
    semantic: Vec<(TopicId, f32)>,
    /// The lexical ranking, for the languages it was searched in.
    lexical: Option<(Vec<Lang>, Ranked)>,
}

/// Forgets the prepared work when dropped.
struct Prepared;

impl Drop for Prepared {
    fn drop(&mut self) {
        PREPARED.set(None);
    }
}

thread_local! {
    /// The [`Prep`] of the message this thread is handling. Set and cleared by `Engine::handle`.
    static PREPARED: std::cell::RefCell<Option<Arc<Prep>>> = const { std::cell::RefCell::new(None) };
}

/// The prepared work for `text`, if this thread has it.
fn prepared(text: &str) -> Option<Arc<Prep>> {
    PREPARED.with_borrow(|p| p.as_ref().filter(|p| p.text == text).cloned())
}

/// Whether a harmless look-alike occurs in `text` (prepared, or looked for now).
fn harmless_in(snap: &Snapshot, text: &str) -> bool {
    prepared(text).map_or_else(|| snap.triggers.harmless_in(text), |p| p.harmless)
}

/// The languages a message is searched in: the one chosen, then the other likely ones.
fn lexical_langs(ev: &LangEvidence) -> Vec<Lang> {
    let mut langs = vec![ev.lang];
    for (l, p) in &ev.detection.candidates {
        if *p >= 0.15 && !langs.contains(l) {
            langs.push(*l);
        }
    }
    langs
}

/// Every topic's semantic similarity to a message's vectors, best first: after a story, the asking
/// sentences are embedded on their own as well (in the message's pass) and each topic keeps its better
/// similarity, since context must not drown the question. (The lexical side weighs the story's words
/// down instead; searching the asking part there too answered more but wrongly more often, on the own
/// long-question set.)
fn semantic_scores(snap: &Snapshot, vectors: Option<&Vectors>) -> Vec<(TopicId, f32)> {
    let (Some(s), Some(v)) = (&snap.semantic, vectors) else { return Vec::new() };
    let all: Vec<&[f32]> = std::iter::once(v.whole.as_slice()).chain(v.asking.as_ref().map(|(_, a)| a.as_slice())).collect();
    s.best_scores(&all)
}

/// Seconds since the Unix epoch; replaceable in tests.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

pub fn system_clock() -> Clock {
    Arc::new(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0))
}

impl Engine {
    pub fn new(cfg: BotConfig, snapshot: Snapshot, store: Arc<dyn Store>) -> Engine {
        let esc = cfg.escalation.clone();
        Engine {
            cfg,
            esc,
            snapshot: ArcSwap::from_pointee(snapshot),
            store,
            chats: Mutex::new(HashMap::new()),
            desk_lock: Mutex::new(()),
            inflight: Mutex::new(HashMap::new()),
            clock: system_clock(),
            metrics: Arc::new(crate::metrics::Metrics::new()),
        }
    }

    /// Replaces the clock (tests of office hours, reminders and retention).
    pub fn with_clock(mut self, clock: Clock) -> Engine {
        self.clock = clock;
        self
    }

    pub fn escalation(&self) -> &Escalation {
        &self.esc
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    pub fn config(&self) -> &BotConfig {
        &self.cfg
    }

    /// Live counters and readiness (`[metrics]`): updated here, served by `metrics`.
    pub fn metrics(&self) -> &Arc<crate::metrics::Metrics> {
        &self.metrics
    }

    /// The day of `now` in the bot's time zone, for the daily aggregates.
    fn day(&self, now: i64) -> String {
        self.esc.local(now).date().to_string()
    }

    /// Counts something in the daily aggregates, in the same transaction as the rest of the step.
    fn tally(&self, desk: &mut Desk, lang: Lang, topic: Option<&str>, event: Event, bucket: &'static str) {
        let day = self.day(desk.now);
        desk.changes.push(Change::Tally(Tally::new(&day, Some(lang), topic, event).with_bucket(bucket)));
    }

    /// The search settings in force: the bot's `[search]`, with `[search.lexical]` applied while the
    /// bot runs without its model.
    pub fn search_params(&self, snap: &Snapshot) -> std::borrow::Cow<'_, crate::search::SearchParams> {
        match (&snap.semantic, &self.cfg.search.lexical) {
            (None, Some(_)) => std::borrow::Cow::Owned(self.cfg.search.without_model()),
            _ => std::borrow::Cow::Borrowed(&self.cfg.search),
        }
    }

    /// The current snapshot (cheap; stays valid while held even if a reload swaps in a new one).
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.load_full()
    }

    /// Replaces knowledge, index and locales at once: no moment without answers.
    pub fn swap(&self, snapshot: Snapshot) {
        self.snapshot.store(Arc::new(snapshot));
    }

    /// Chooses the answer language from the evidence, in order.
    fn language(&self, snap: &Snapshot, text: &str, explicit: Option<Lang>, conversation: Option<Lang>, hint: Option<&str>) -> LangEvidence {
        // Markup is not language: "<b></b>" or "**" must not switch the conversation's language.
        let detection = prepared(text).map_or_else(|| snap.detector.detect(&strip_markup(text)), |p| p.detection.clone());
        self.language_of(&detection, explicit, conversation, hint)
    }

    /// [`Engine::language`] for a detection already made.
    fn language_of(&self, detection: &crate::language::Detection, explicit: Option<Lang>, conversation: Option<Lang>, hint: Option<&str>) -> LangEvidence {
        let allowed = |l: &Lang| self.cfg.languages.contains(l);
        let interface = hint.and_then(Lang::from_code).filter(allowed);
        let (lang, source) = if let Some(l) = explicit.filter(allowed) {
            (l, LangSource::Explicit)
        } else if let (true, Some(l)) = (detection.reliable, detection.lang) {
            (l, LangSource::Message)
        } else if let Some(l) = conversation {
            (l, LangSource::Conversation)
        } else if let Some(l) = interface {
            (l, LangSource::Interface)
        } else if let (true, Some(l)) = (detection.confidence >= 0.4 && (detection.words >= 2 || detection.method == crate::language::Method::Script), detection.lang) {
            (l, LangSource::WeakMessage)
        } else {
            (self.cfg.default_language, LangSource::Default)
        };
        LangEvidence { lang, source, detection: detection.clone() }
    }

    /// `f` with `text` prepared as a newcomer's message would be (its vectors read once): for
    /// diagnostics that look again at how a message was seen (`eval --lines`).
    pub fn with_prepared<R>(&self, text: &str, f: impl FnOnce(&Snapshot) -> R) -> R {
        let snap = self.snapshot();
        PREPARED.set(Some(Arc::new(self.prep(&snap, text, None))));
        let _prepared = Prepared;
        f(&snap)
    }

    /// The distress similarity of the whole of a prepared message, read as `second_opinion` reads it
    /// (its window, the question kept in), with the model.
    pub fn prepared_distress(snap: &Snapshot, text: &str) -> Option<DistressSimilarity> {
        let prep = prepared(text)?;
        distress_similarity(snap, &prep.vectors.as_ref()?.whole)
    }

    /// Answers one question with no conversation around it.
    pub fn ask(&self, text: &str, hint: Option<&str>) -> Asked {
        let snap = self.snapshot();
        // The same work, in the same order, as for a newcomer's message.
        let prep = Arc::new(self.prep(&snap, text, hint));
        let trigger = prep.trigger;
        PREPARED.set(Some(prep));
        let _prepared = Prepared;
        let language = self.language(&snap, text, None, None, hint);
        let (lexical, semantic, vector) = self.search_parts(&snap, text, &language);
        let (ranked, lexical) = match snap.semantic {
            Some(_) => (crate::search::fuse(&lexical, &semantic, language.lang, &self.cfg.search), Some(lexical)),
            None => (lexical, None),
        };
        let safeguarding = match trigger {
            Some(Trigger::Safeguarding(c)) => Some(c),
            _ => second_opinion(&snap, &self.cfg, &ranked, text, vector.as_deref()).first().copied(),
        };
        Asked { language, ranked, safeguarding, lexical, semantic }
    }

    /// The ranking for a message: lexical, with semantic similarities weighed in when the bot has a
    /// model (`search::fuse`).
    /// With it, the message's vector (for the safeguarding check), when the bot has a model.
    fn search(&self, snap: &Snapshot, text: &str, ev: &LangEvidence) -> (Ranked, Option<Vec<f32>>) {
        let (lexical, semantic, vector) = self.search_parts(snap, text, ev);
        let ranked = match snap.semantic {
            Some(_) => crate::search::fuse(&lexical, &semantic, ev.lang, &self.cfg.search),
            None => lexical,
        };
        (ranked, vector)
    }

    /// The lexical ranking, every topic's semantic similarity (empty without a model) and the
    /// message's vector.
    ///
    /// After a story, the sentences that ask are embedded on their own as well, and each topic keeps
    /// its better similarity: context must not drown the question. (The lexical side weighs the
    /// story's words down instead; searching the asking part there too answered more but wrongly
    /// more often, on the own long-question set.)
    fn search_parts(&self, snap: &Snapshot, text: &str, ev: &LangEvidence) -> (Ranked, Vec<(TopicId, f32)>, Option<Vec<f32>>) {
        let langs = lexical_langs(ev);
        if let Some(p) = prepared(text) {
            let lexical = match &p.lexical {
                Some((l, r)) if *l == langs => r.clone(),
                _ => snap.index.search(&search_text(ev, text), &langs, &self.search_params(snap), &snap.kb.synonyms),
            };
            return (lexical, p.semantic.clone(), p.vectors.as_ref().map(|v| v.whole.clone()));
        }
        let vectors = snap.semantic.as_ref().and_then(|s| embed(s, text).map(Arc::new));
        let semantic = semantic_scores(snap, vectors.as_deref());
        (snap.index.search(&search_text(ev, text), &langs, &self.search_params(snap), &snap.kb.synonyms), semantic, vectors.map(|v| v.whole.clone()))
    }

    /// Works out, before the desk lock, what a newcomer's question gives that depends on its text
    /// alone (see [`Prep`]). Commands, button presses, numbers and the advisors' rooms are left alone.
    /// The guard it returns forgets the work when the message is handled.
    fn prepare(&self, snap: &Snapshot, msg: &Incoming) -> Prepared {
        PREPARED.set(None);
        let Input::Text(text) = &msg.input else { return Prepared };
        let t = text.trim();
        if t.starts_with('/') || t.chars().count() < 3 || t.chars().all(|c| c.is_ascii_digit()) || self.esc.is_staff_room(&msg.chat) {
            return Prepared;
        }
        PREPARED.set(Some(Arc::new(self.prep(snap, text, msg.interface_lang.as_deref()))));
        Prepared
    }

    /// The [`Prep`] of a text.
    ///
    /// With the model, its pass runs beside the rest (language, phrases, lexical search), which is
    /// read on one core: the pass's products take both cores, and the core that finishes the rest
    /// first joins them.
    fn prep(&self, snap: &Snapshot, text: &str, hint: Option<&str>) -> Prep {
        let model = || {
            let vectors = snap.semantic.as_ref().and_then(|s| embed(s, text).map(Arc::new));
            let semantic = semantic_scores(snap, vectors.as_deref());
            (vectors, semantic)
        };
        let rest = || {
            let detection = snap.detector.detect(&strip_markup(text));
            // The phrases read once for the trigger, its kinds of danger and the harmless look-alikes.
            let (hits, harmless) = snap.triggers.look(text);
            // The languages the message will most likely be searched in: its own, when it is clear.
            let ev = self.language_of(&detection, None, None, hint);
            let lexical = matches!(ev.source, LangSource::Message).then(|| {
                let langs = lexical_langs(&ev);
                let ranked = snap.index.search(&search_text(&ev, text), &langs, &self.search_params(snap), &snap.kb.synonyms);
                (langs, ranked)
            });
            (detection, hits, harmless, lexical)
        };
        let ((vectors, semantic), (detection, hits, harmless, lexical)) = match snap.semantic {
            Some(_) => rayon::join(model, rest),
            None => (model(), rest()),
        };
        let trigger = hits.first().map(|h| h.trigger);
        let categories = if matches!(trigger, Some(Trigger::Safeguarding(_))) { crate::escalation::triggers::categories_of(&hits) } else { Vec::new() };
        Prep { text: text.to_string(), detection, trigger, categories, harmless, vectors, semantic, lexical }
    }

    /// Records the last question for the editors, when the bot is configured to.
    fn record_gap(&self, key: &str, state: &ChatState, reason: GapReason, topic: Option<&str>) {
        if !self.cfg.gaps.record {
            return;
        }
        if let Some((q, lang)) = &state.last_question {
            if let Err(e) = self.store.record_gap(key, *lang, q, reason, topic, self.cfg.gaps.keep_days) {
                tracing::warn!("recording a knowledge gap failed: {e:#}");
            }
        }
    }

    /// Handles one message and returns the bot's messages, each stored in the outbox first.
    ///
    /// Everything the message changes (tickets, transcript lines, the messages to send, the event id
    /// that makes a redelivered copy harmless) is written in one transaction. The returned messages
    /// for the message's own platform are leased to the caller, which reports them with
    /// [`Engine::sent`]; messages for other platforms (an advisors' room elsewhere) are left for
    /// that platform's [`Engine::pending`].
    pub fn handle(&self, msg: &Incoming) -> Vec<Outgoing> {
        let started = std::time::Instant::now();
        let _prepared = self.prepare(&self.snapshot(), msg);
        let _serial = self.desk_lock.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ev) = &msg.event_id {
            match self.store.event_seen(&msg.chat.platform, ev) {
                Ok(true) => return Vec::new(),
                Ok(false) => {}
                Err(e) => tracing::warn!("reading handled events failed: {e:#}"),
            }
        }
        self.metrics.message_in(&msg.chat.platform);
        let snap = self.snapshot();
        let now = (self.clock)();
        let mut desk = Desk {
            esc: &self.esc,
            locales: &snap.locales,
            kb: &snap.kb,
            fallback: &self.cfg.fallback,
            store: self.store.as_ref(),
            now,
            changes: Vec::new(),
        };
        if let Some(ev) = &msg.event_id {
            desk.changes.push(Change::Event { platform: msg.chat.platform.clone(), event: ev.clone(), at: now });
        }
        if let Err(e) = self.route(&snap, &mut desk, msg) {
            tracing::error!("handling a message failed: {e:#}");
        }
        let changes = std::mem::take(&mut desk.changes);
        let question = changes.iter().any(|c| matches!(c, Change::Tally(t) if t.event.is_question()));
        let out = self.commit(changes, Some(&msg.chat.platform));
        if question {
            self.metrics.question_latency(started.elapsed());
        }
        out
    }

    /// Tallies for what a step does to tickets (opened, claimed, first reply, closed), found by
    /// comparing each changed ticket with its stored state.
    fn ticket_tallies(&self, changes: &[Change], now: i64) -> Vec<Change> {
        let mut latest: Vec<&crate::escalation::Ticket> = Vec::new();
        for c in changes {
            if let Change::Ticket(t) = c {
                match latest.iter_mut().find(|x| x.id == t.id) {
                    Some(x) => *x = t,
                    None => latest.push(t),
                }
            }
        }
        let day = self.day(now);
        let mut out = Vec::new();
        for after in latest {
            let Ok(before) = self.store.ticket(after.id) else { continue };
            let news = usage::ticket_news(before.as_ref(), after, now);
            let tally = |event| Tally::new(&day, Some(after.lang), None, event);
            if news.opened {
                let entries = changes.iter().filter_map(|c| match c {
                    Change::Entry { ticket, entry } if *ticket == after.id => Some(entry),
                    _ => None,
                });
                let mut t = tally(Event::TicketOpened).with_bucket(after.reason.as_str());
                t.topic = usage::last_answered(entries);
                out.push(Change::Tally(t));
            }
            if news.claimed {
                out.push(Change::Tally(tally(Event::TicketClaimed)));
            }
            if let Some(secs) = news.first_reply {
                let mut t = tally(Event::FirstReply).with_bucket(usage::reply_bucket(secs));
                t.value = secs;
                out.push(Change::Tally(t));
            }
            if news.closed {
                out.push(Change::Tally(tally(Event::TicketClosed)));
            }
        }
        out
    }

    /// Makes changes durable and returns the messages among them, with their outbox ids.
    fn commit(&self, mut changes: Vec<Change>, lease_for: Option<&str>) -> Vec<Outgoing> {
        let tallies = self.ticket_tallies(&changes, (self.clock)());
        changes.extend(tallies);
        // Held from writing to leasing, so that `pending` cannot hand out the same rows meanwhile.
        let mut inflight = self.inflight.lock().unwrap_or_else(|e| e.into_inner());
        let ids = match self.store.apply(&changes) {
            Ok(ids) => {
                for c in &changes {
                    if let Change::Tally(t) = c {
                        self.metrics.tallied(t);
                    }
                }
                ids
            }
            Err(e) => {
                tracing::error!("storing a conversation step failed: {e:#}");
                Vec::new()
            }
        };
        let mut ids = ids.into_iter();
        let mut out = Vec::new();
        for c in changes {
            match c {
                Change::Send(mut o) => {
                    o.id = ids.next().unwrap_or(0);
                    out.push(o);
                }
                Change::Delete { .. } | Change::Edit { .. } => {
                    ids.next();
                }
                _ => {}
            }
        }
        for o in &mut out {
            if o.id != 0 && lease_for == Some(o.chat.platform.as_str()) {
                inflight.insert(o.id, o.chat.platform.clone());
            }
        }
        drop(inflight);
        for o in &mut out {
            self.fill_thread(o);
        }
        out
    }

    /// A message about a ticket in a room goes under the ticket's first message in that room.
    fn fill_thread(&self, o: &mut Outgoing) {
        if let Some(t) = o.ticket
            && o.thread.is_none()
            && let Ok(msgs) = self.store.ticket_messages(t)
        {
            o.thread = msgs.into_iter().find(|(c, _)| c == &o.chat).map(|(_, m)| m);
        }
    }

    /// Deliveries for `platform` that nobody is sending right now (after a restart: everything not
    /// reported as sent). They are leased to the caller until [`Engine::sent`] or [`Engine::failed`].
    pub fn pending(&self, platform: &str) -> Vec<Delivery> {
        self.metrics.pumped(platform);
        let mut inflight = self.inflight.lock().unwrap_or_else(|e| e.into_inner());
        let list = match self.store.pending(platform) {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!("reading the outbox failed: {e:#}");
                return Vec::new();
            }
        };
        let mut out: Vec<Delivery> = list
            .into_iter()
            .filter(|d| !inflight.contains_key(&d.id()) && inflight.insert(d.id(), platform.to_string()).is_none())
            .collect();
        drop(inflight);
        for d in &mut out {
            if let Delivery::Send(o) = d {
                self.fill_thread(o);
            }
        }
        out
    }

    /// A delivery is done; `message` is the platform's id for the sent message (for threads and
    /// replies in advisors' rooms, and for removing it after `/forget`).
    pub fn sent(&self, id: u64, message: Option<&str>) {
        if id == 0 {
            return;
        }
        if let Err(e) = self.store.mark_sent(id, message, (self.clock)()) {
            tracing::warn!("marking a message as sent failed: {e:#}");
        }
        if let Some(platform) = self.inflight.lock().unwrap_or_else(|e| e.into_inner()).remove(&id) {
            self.metrics.message_out(&platform);
        }
    }

    /// Like [`Engine::sent`], for a delivery the platform shows as several messages (a long text in
    /// parts, a file after its text), first one first: every part belongs to the ticket, so a reply to
    /// any of them threads and `/forget` removes them all.
    pub fn sent_parts(&self, id: u64, messages: &[String]) {
        if id == 0 {
            return;
        }
        if let Err(e) = self.store.mark_sent_parts(id, messages, (self.clock)()) {
            tracing::warn!("marking a message as sent failed: {e:#}");
        }
        if let Some(platform) = self.inflight.lock().unwrap_or_else(|e| e.into_inner()).remove(&id) {
            self.metrics.message_out(&platform);
        }
    }

    /// A delivery failed; it stays in the outbox and comes back from [`Engine::pending`].
    pub fn failed(&self, id: u64) {
        if let Some(platform) = self.inflight.lock().unwrap_or_else(|e| e.into_inner()).remove(&id) {
            self.metrics.send_error(&platform);
        }
    }

    /// Time-driven work: telling waiting newcomers when to expect an answer, reminders in the
    /// advisors' rooms, retention. Safe to call as often as wanted.
    pub fn tick(&self) -> Vec<Outgoing> {
        let _serial = self.desk_lock.lock().unwrap_or_else(|e| e.into_inner());
        let snap = self.snapshot();
        let now = (self.clock)();
        if let Err(e) = self.store.purge(now, &self.esc.keep_days) {
            tracing::warn!("deleting old tickets failed: {e:#}");
        }
        if self.esc.rooms.is_empty() {
            return Vec::new();
        }
        let mut desk = Desk { esc: &self.esc, locales: &snap.locales, kb: &snap.kb, fallback: &self.cfg.fallback, store: self.store.as_ref(), now, changes: Vec::new() };
        if let Err(e) = desk.tick() {
            tracing::warn!("ticket reminders failed: {e:#}");
        }
        let changes = std::mem::take(&mut desk.changes);
        self.commit(changes, None)
    }

    fn route(&self, snap: &Snapshot, desk: &mut Desk, msg: &Incoming) -> Result<()> {
        let advisor = self.esc.advisor(&msg.chat.platform, &msg.user);
        // A command copied from a right-to-left advisors' text carries direction isolates around its
        // numbers ("/claim 42" with U+2066 and U+2069 around 42): they are not part of what the advisor typed.
        let cleaned;
        let msg = match &msg.input {
            Input::Text(t) if (advisor.is_some() || self.esc.is_staff_room(&msg.chat)) && t.contains(is_isolate) => {
                cleaned = Incoming { input: Input::Text(t.chars().filter(|c| !is_isolate(*c)).collect()), ..msg.clone() };
                &cleaned
            }
            _ => msg,
        };
        if self.esc.is_staff_room(&msg.chat) {
            return staff::room_message(desk, msg, advisor);
        }
        match (&msg.input, advisor) {
            (Input::Action(act), Some(a)) if staff::is_staff_action(act) => return staff::action(desk, &msg.chat, a, act),
            (Input::Text(t), Some(a)) if command(t.trim()).is_some_and(|c| staff::COMMANDS.contains(&c)) => {
                return staff::command(desk, &msg.chat, a, t.trim());
            }
            _ => {}
        }
        self.newcomer(snap, desk, msg)
    }

    /// A newcomer's message: commands, buttons, the relay to an advisor, or a question for the bot.
    fn newcomer(&self, snap: &Snapshot, desk: &mut Desk, msg: &Incoming) -> Result<()> {
        let key = msg.chat.key();
        let remembered = self.chats.lock().unwrap_or_else(|e| e.into_inner()).get(&key).cloned();
        let mut state = match remembered {
            Some(s) => s,
            // After a restart: the conversation's language survives, the rest was in memory only.
            None => ChatState { lang: self.store.conversation_language(&key).ok().flatten(), ..ChatState::default() },
        };
        let lang_before = state.lang;
        let explicit = match self.store.language(&key) {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!("reading preferences failed: {e:#}");
                None
            }
        };
        let escalation = self.esc.can_escalate();
        let (esc, store, now) = (&self.esc, self.store.as_ref(), desk.now);
        // Read from the store at most once per language and message (the answer and its buttons both ask).
        let known: std::cell::RefCell<HashMap<Lang, bool>> = Default::default();
        let person_now = move |lang: Lang| {
            !escalation || *known.borrow_mut().entry(lang).or_insert_with(|| crate::escalation::availability_now(esc, store, now, lang) == crate::escalation::Availability::Open)
        };
        let composer = Composer { kb: &snap.kb, locales: &snap.locales, fallback: &self.cfg.fallback, person_now: &person_now };
        let ui_lang = explicit
            .or(state.lang)
            .or_else(|| msg.interface_lang.as_deref().and_then(Lang::from_code))
            .filter(|l| self.cfg.languages.contains(l))
            .unwrap_or(self.cfg.default_language);
        let chat = &msg.chat;
        let active = if escalation { self.store.active_ticket(chat)? } else { None };
        let advisor_button = |lang: Lang| vec![vec![composer.advisor_button(lang)]];
        let mut out: Vec<Outgoing> = Vec::new();

        // Danger: the help first (`help`), then a person is told at once: an urgent ticket, or the open
        // one marked urgent. The same for a danger phrase and for the second opinion; a false alarm
        // costs an advisor a look, a miss could cost a life. The message is in `state.recent` already.
        let alarm = |desk: &mut Desk, state: &mut ChatState, lang: Lang, category: Category, help: Outgoing, text: &str, out: &mut Vec<Outgoing>| -> Result<()> {
            tracing::info!(lang = %lang, %category, "safeguarding: emergency numbers sent");
            self.tally(desk, lang, None, Event::Safeguarding, category.name());
            out.push(help);
            flush(desk, out);
            if escalation {
                match active.clone() {
                    Some(mut t) => desk.make_urgent(&mut t, text)?,
                    None => {
                        desk.open(chat, lang, Reason::Safeguarding, Some(text), &state.recent)?;
                        state.recent.clear();
                    }
                }
                flush(desk, out);
            }
            Ok(())
        };

        // Asking for a person: opens a ticket (or, when nobody can come now, says so and offers to
        // leave the question; `leave`: the person chose to), or returns to the one already open.
        let ask_person = |desk: &mut Desk, state: &mut ChatState, lang: Lang, out: &mut Vec<Outgoing>, leave: bool| -> Result<()> {
            if !escalation {
                // Point to the municipality's own contact details, when the knowledge base has them.
                let contact = TopicId::parse("municipal-contact").and_then(|id| snap.kb.get(&id));
                let buttons = contact
                    .map(|t| vec![vec![Button { label: t.title(lang, &self.cfg.fallback).to_string(), action: Action::Topic(t.id.clone()) }]])
                    .unwrap_or_default();
                out.push(composer.info(chat, lang, "advisor-unavailable", &[("municipality", &self.cfg.municipality)], buttons));
                return Ok(());
            }
            match active.clone() {
                Some(mut t) if !t.relay => desk.resume(&mut t),
                Some(t) => {
                    let back = vec![vec![Button { label: snap.locales.msg(t.lang, "button-back-to-bot", &[]), action: Action::BackToBot }]];
                    out.push(composer.info(chat, t.lang, "ticket-still-open", &[("ticket", &t.id.to_string())], back));
                }
                None => {
                    flush(desk, out);
                    if let Some(mut t) = desk.request(chat, lang, Reason::Asked, &state.recent, leave)? {
                        if let Some(m) = state.pending_media.take() {
                            desk.media_from_person(&mut t, &m);
                        }
                        state.recent.clear();
                    }
                    state.misses = 0;
                }
            }
            Ok(())
        };

        match &msg.input {
            Input::Media(m) => match active.clone().filter(|t| t.relay) {
                Some(mut t) => desk.media_from_person(&mut t, m),
                None => {
                    let caption = m.caption.as_deref().unwrap_or("");
                    if let Some(Trigger::Safeguarding(category)) = snap.triggers.check(caption) {
                        tracing::info!(lang = %ui_lang, %category, "safeguarding words with a file: emergency numbers sent");
                        self.tally(desk, ui_lang, None, Event::Safeguarding, category.name());
                        out.push(composer.urgent_all(chat, ui_lang, &snap.triggers.categories(caption)));
                    }
                    // A copy of the file belongs to the person from now on: /forget and retention delete it.
                    if let Some(f) = &m.stored {
                        desk.changes.push(Change::MediaFile { file: f.clone(), person: chat.clone(), at: desk.now });
                    }
                    state.pending_media = m.is_file().then(|| m.clone());
                    let buttons = if escalation { advisor_button(ui_lang) } else { vec![] };
                    out.push(composer.info_offering_person(chat, ui_lang, "media-received", buttons));
                }
            },
            Input::Action(action) => match action {
                Action::Topic(id) => match snap.kb.get(id) {
                    Some(t) => {
                        if state.offered.contains(id) {
                            self.record_gap(&key, &state, GapReason::Chose, Some(id.as_str()));
                            self.tally(desk, ui_lang, Some(id.as_str()), Event::Chose, "");
                            state.offered.clear();
                        }
                        state.remember(Recent::Answered(id.clone()));
                        out.push(composer.answer(chat, t, ui_lang));
                    }
                    None => out.push(composer.dont_know(chat, ui_lang)),
                },
                Action::Feedback { topic, helped: true } => {
                    self.tally(desk, ui_lang, Some(topic.as_str()), Event::Helped, "");
                    out.push(composer.info(chat, ui_lang, "feedback-thanks", &[], vec![]));
                }
                Action::Feedback { topic, helped: false } => {
                    self.tally(desk, ui_lang, Some(topic.as_str()), Event::NotHelped, "");
                    self.record_gap(&key, &state, GapReason::NotHelped, Some(topic.as_str()));
                    out.push(composer.info_offering_person(chat, ui_lang, "feedback-sorry", advisor_button(ui_lang)));
                }
                Action::Advisor => {
                    self.record_gap(&key, &state, GapReason::Advisor, None);
                    ask_person(desk, &mut state, ui_lang, &mut out, false)?;
                }
                Action::Leave => ask_person(desk, &mut state, ui_lang, &mut out, true)?,
                Action::Queue if escalation => desk.queue(chat, ui_lang, active.as_ref()),
                Action::Rate { ticket, score } => desk.rate(chat, ui_lang, *ticket, *score)?,
                Action::LanguageMenu => out.push(composer.language_menu(chat, ui_lang, &self.cfg.languages)),
                Action::SetLanguage(l) if self.cfg.languages.contains(l) => {
                    if let Err(e) = self.store.set_language(&key, *l) {
                        tracing::warn!("storing a language choice failed: {e:#}");
                    }
                    state.lang = Some(*l);
                    let name = snap.locales.lang_name(*l, *l);
                    out.push(composer.info(chat, *l, "language-set", &[("language", &name)], vec![]));
                }
                Action::SetLanguage(_) => out.push(composer.language_menu(chat, ui_lang, &self.cfg.languages)),
                Action::BackToBot => match active.clone() {
                    Some(mut t) if t.relay => desk.back_to_bot(&mut t),
                    _ => out.push(composer.info(chat, ui_lang, "help", &[], vec![])),
                },
                Action::Resume => match active.clone() {
                    Some(mut t) => desk.resume(&mut t),
                    None if escalation => {
                        desk.reopen(chat, ui_lang)?;
                    }
                    None => out.push(composer.info(chat, ui_lang, "help", &[], vec![])),
                },
                Action::Reopen => match active.clone() {
                    Some(mut t) => desk.resume(&mut t),
                    None if escalation => {
                        desk.reopen(chat, ui_lang)?;
                    }
                    None => out.push(composer.info(chat, ui_lang, "help", &[], vec![])),
                },
                // Only advisors act on tickets; to anyone else the button does not exist.
                Action::Ticket { .. } | Action::Canned { .. } | Action::Queue => out.push(composer.info(chat, ui_lang, "unknown-command", &[], vec![])),
            },
            Input::Text(raw) => {
                let text = raw.trim();
                if text.is_empty() || !strip_markup(text).chars().any(char::is_alphanumeric) {
                    out.push(composer.info(chat, ui_lang, "empty-question", &[], vec![]));
                } else if let Some(cmd) = command(text) {
                    match cmd {
                        "start" => {
                            // Deep links (posters, QR codes): `/start l-ar` preselects a language,
                            // `/start t-bsn` opens a topic.
                            let arg = text.split_whitespace().nth(1).unwrap_or("");
                            let (kind, value) = arg.split_at(arg.len().min(2));
                            let mut lang = ui_lang;
                            let mut topic = None;
                            match kind {
                                "l-" | "l_" => {
                                    if let Some(l) = Lang::from_code(value).filter(|l| self.cfg.languages.contains(l)) {
                                        if let Err(e) = self.store.set_language(&key, l) {
                                            tracing::warn!("storing a language choice failed: {e:#}");
                                        }
                                        state.lang = Some(l);
                                        lang = l;
                                    }
                                }
                                "t-" | "t_" => topic = TopicId::parse(value).and_then(|id| snap.kb.get(&id)),
                                _ => {}
                            }
                            out.push(composer.info(chat, lang, "welcome", &[("municipality", &self.cfg.municipality)], vec![]));
                            match topic {
                                Some(t) => {
                                    state.remember(Recent::Answered(t.id.clone()));
                                    out.push(composer.answer(chat, t, lang));
                                }
                                None if lang == ui_lang => out.push(composer.language_menu(chat, lang, &self.cfg.languages)),
                                None => {}
                            }
                        }
                        "help" => out.push(composer.info(chat, ui_lang, "help", &[], vec![])),
                        "language" | "lang" | "taal" => out.push(composer.language_menu(chat, ui_lang, &self.cfg.languages)),
                        "advisor" | "human" | "person" => {
                            self.record_gap(&key, &state, GapReason::Advisor, None);
                            ask_person(desk, &mut state, ui_lang, &mut out, false)?;
                        }
                        "bot" => match active.clone() {
                            Some(mut t) if t.relay => desk.back_to_bot(&mut t),
                            _ => out.push(composer.info(chat, ui_lang, "help", &[], vec![])),
                        },
                        "forget" => {
                            if escalation {
                                desk.forget(chat)?;
                            } else {
                                desk.changes.push(Change::ForgetTickets { person: chat.clone() });
                            }
                            if let Err(e) = self.store.forget(&key) {
                                tracing::warn!("forgetting failed: {e:#}");
                            }
                            self.chats.lock().unwrap_or_else(|e| e.into_inner()).remove(&key);
                            out.push(composer.info(chat, ui_lang, "forget-done", &[], vec![]));
                            flush(desk, &mut out);
                            return Ok(());
                        }
                        _ => out.push(composer.info(chat, ui_lang, "unknown-command", &[], vec![])),
                    }
                } else {
                    let ev = self.language(snap, text, explicit, state.lang, msg.interface_lang.as_deref());
                    if matches!(ev.source, LangSource::Message) || state.lang.is_none() {
                        state.lang = Some(ev.lang);
                    }
                    let prep = prepared(text);
                    let trigger = prep.as_ref().map_or_else(|| snap.triggers.check(text), |p| p.trigger);
                    if let Some(Trigger::Safeguarding(category)) = trigger {
                        // Help first, at once, whatever else happens.
                        if escalation && active.is_none() {
                            state.remember(Recent::Person(text.chars().take(500).collect()));
                        }
                        let categories = prep.as_ref().map_or_else(|| snap.triggers.categories(text), |p| p.categories.clone());
                        let help = composer.urgent_all(chat, ev.lang, &categories);
                        alarm(desk, &mut state, ev.lang, category, help, text, &mut out)?;
                    } else if let Some(mut t) = active.clone().filter(|t| t.relay) {
                        desk.from_person(&mut t, text);
                    } else if trigger == Some(Trigger::Advisor) {
                        self.record_gap(&key, &state, GapReason::Advisor, None);
                        // "I feel empty, where can I talk to someone": asking for a person can be
                        // distress as well, and then the numbers come first.
                        let (ranked, vector) = self.search(snap, text, &ev);
                        let kinds = second_opinion(snap, &self.cfg, &ranked, text, vector.as_deref());
                        match kinds.first().copied() {
                            Some(category) => {
                                state.remember(Recent::Person(text.chars().take(500).collect()));
                                alarm(desk, &mut state, ev.lang, category, composer.urgent_all(chat, ev.lang, &kinds), text, &mut out)?;
                                if !escalation {
                                    ask_person(desk, &mut state, ev.lang, &mut out, false)?;
                                }
                            }
                            None => ask_person(desk, &mut state, ev.lang, &mut out, false)?,
                        }
                    } else {
                        let (ranked, vector) = self.search(snap, text, &ev);
                        state.last_question = Some((text.chars().take(500).collect(), ev.lang));
                        state.remember(Recent::Person(text.chars().take(500).collect()));
                        state.offered.clear();
                        tracing::debug!(lang = %ev.lang, source = ?ev.source, decision = ?ranked.decision, "question answered");
                        // The answer still follows the alarm: the message may be a question about the topic.
                        let kinds = second_opinion(snap, &self.cfg, &ranked, text, vector.as_deref());
                        if let Some(&category) = kinds.first() {
                            alarm(desk, &mut state, ev.lang, category, composer.urgent_all(chat, ev.lang, &kinds), text, &mut out)?;
                        }
                        let opened = !kinds.is_empty() && escalation && active.is_none();
                        match &ranked.decision {
                            Decision::Answer(id) => {
                                self.tally(desk, ev.lang, Some(id.as_str()), Event::Answered, "");
                                state.misses = 0;
                                state.remember(Recent::Answered(id.clone()));
                                match snap.kb.get(id) {
                                    Some(t) => out.push(composer.answer(chat, t, ev.lang)),
                                    None => out.push(composer.dont_know(chat, ev.lang)),
                                }
                            }
                            Decision::Choose(ids) => {
                                self.tally(desk, ev.lang, None, Event::Choice, "");
                                state.misses = 0;
                                state.offered = ids.clone();
                                state.remember(Recent::Offered(ids.clone()));
                                out.push(composer.choice(chat, ids, ev.lang));
                            }
                            Decision::DontKnow => {
                                self.tally(desk, ev.lang, None, Event::DontKnow, "");
                                state.misses += 1;
                                state.remember(Recent::DontKnow);
                                self.record_gap(&key, &state, GapReason::DontKnow, None);
                                let guesses = ranked.suggestions(&self.search_params(snap));
                                state.offered = guesses.clone();
                                out.push(composer.dont_know_suggesting(chat, ev.lang, &guesses));
                                if escalation && active.is_none() && !opened && state.misses >= self.esc.misses_before_ticket {
                                    flush(desk, &mut out);
                                    if desk.request(chat, ev.lang, Reason::Misses, &state.recent, false)?.is_some() {
                                        state.recent.clear();
                                    }
                                    state.misses = 0;
                                }
                            }
                        }
                    }
                }
            }
        }
        flush(desk, &mut out);
        if state.lang != lang_before
            && let Some(l) = state.lang
            && let Err(e) = self.store.set_conversation_language(&key, l)
        {
            tracing::warn!("storing the conversation language failed: {e:#}");
        }
        self.chats.lock().unwrap_or_else(|e| e.into_inner()).insert(key, state);
        Ok(())
    }
}

/// The text without HTML-like tags and Markdown symbols, for language detection: people paste
/// formatted text, and junk made only of markup says nothing about their language.
pub fn strip_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' {
            // A tag: "<b>", "</i>", "<a href=...>" (short, no line break); anything else is kept.
            let rest: String = chars.clone().take(200).collect();
            if let Some(end) = rest.find('>')
                && !rest[..end].contains('\n')
                && rest[..end].trim_start_matches('/').chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            {
                for _ in 0..rest[..=end].chars().count() {
                    chars.next();
                }
                out.push(' ');
                continue;
            }
        }
        if matches!(c, '*' | '_' | '~' | '`' | '#' | '>' | '[' | ']' | '|' | '=') {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// A message that no danger phrase matched still gets the emergency numbers first when
/// - its best topic is about violence or suicide (`safeguarding` in `topic.toml`) with a score that
///   would answer it at once, or
/// - with the model: it is clearly closer to the distress examples (`safety-examples.toml`) than to
///   anything ordinary, the knowledge base's other questions and the harmless examples
///   (`[semantic] distress_above`, `distress_margin`). A message of two or more sentences that is
///   at least as close to distress as to ordinary text, but not clearly closer, is also read
///   sentence by sentence, since a disclosure after a practical question is diluted in the whole.
///
/// Neither counts when the message holds a known harmless look-alike ("my son always beats me at
/// chess"), and the examples do not count for messages of fewer than four words (a few words of chat
/// are too close to everything).
pub fn second_opinion(snap: &Snapshot, cfg: &BotConfig, ranked: &Ranked, text: &str, vector: Option<&[f32]>) -> Vec<Category> {
    if harmless_in(snap, text) {
        return Vec::new();
    }
    if let Some(best) = ranked.topics.first()
        && let Some(category) = snap.kb.get(&best.topic).and_then(|t| t.safeguarding_category)
        && matches!(ranked.decision, Decision::Answer(_) | Decision::Choose(_))
        && best.score >= SECOND_OPINION_SCORE
    {
        return vec![category];
    }
    let Some(params) = cfg.file.semantic.as_ref() else { return Vec::new() };
    let passes = |d: &DistressSimilarity| d.danger >= params.distress_above && d.danger - d.ordinary >= params.distress_margin;
    let Some(whole) = vector.filter(|_| long_enough(text)).and_then(|v| distress_similarity(snap, v)) else { return Vec::new() };
    let kind = if passes(&whole) {
        Some(whole.kind)
    } else if whole.danger - whole.ordinary < -SENTENCE_LOOK_BELOW {
        // Clearly closer to something ordinary than to distress.
        None
    } else {
        // About as close to distress as to anything ordinary, but not clearly closer: a disclosure
        // after a practical question is diluted in the whole, so each sentence gets a look of its own
        // (all of them in one pass).
        sentence_similarities(snap, text).into_iter().find(|d| passes(d)).map(|d| d.kind)
    };
    let Some(kind) = kind else { return Vec::new() };
    // The closest examples may name another kind than the message's own subject: a safety topic
    // among the first three of the ranking adds its help ("my partner hit me again" is domestic
    // violence, however close it also comes to a suicidal example).
    let mut kinds = vec![kind];
    for s in ranked.topics.iter().take(3).filter(|s| s.score >= SECOND_OPINION_TOPIC_HINT) {
        if let Some(c) = snap.kb.get(&s.topic).and_then(|t| t.safeguarding_category)
            && !kinds.contains(&c)
        {
            kinds.insert(0, c);
        }
    }
    kinds
}

/// How close a message comes to the distress examples and to ordinary texts (with the model).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct DistressSimilarity {
    /// Mean similarity of the three closest distress examples, in any language.
    pub danger: f32,
    /// Mean similarity of the three closest ordinary texts: the knowledge base's questions outside
    /// the safety topics and the harmless examples.
    pub ordinary: f32,
    /// The kind whose own three closest examples are closest.
    pub kind: Category,
}

/// The distress similarity of a message's vector; `None` without a model or examples.
pub fn distress_similarity(snap: &Snapshot, v: &[f32]) -> Option<DistressSimilarity> {
    distress_similarities(snap, &[v]).pop().flatten()
}

/// `distress_similarity` of each of `vectors`, comparing all of them in one pass over the examples
/// and one over the knowledge base.
fn distress_similarities(snap: &Snapshot, vectors: &[&[f32]]) -> Vec<Option<DistressSimilarity>> {
    let (Some(examples), Some(semantic)) = (snap.distress.as_ref(), snap.semantic.as_ref()) else { return vec![None; vectors.len()] };
    let by_kind_each = examples.closest_by_label_each::<3>(vectors);
    let ordinary_each = semantic.closest_each::<3>(vectors, |id| snap.kb.get(id).is_none_or(|t| t.safeguarding_category.is_none()));
    by_kind_each
        .into_iter()
        .zip(ordinary_each)
        .map(|(by_kind, ordinary)| {
            let (mut danger, mut harmless) = (TopK::<3>::default(), TopK::<3>::default());
            for (label, top) in &by_kind {
                match label {
                    Some(_) => danger = danger.merge(top),
                    None => harmless = harmless.merge(top),
                }
            }
            let ordinary = ordinary.merge(&harmless);
            let (danger, ordinary) = (danger.mean()?, ordinary.mean().unwrap_or(-1.0));
            // The kind whose own closest examples are closest: one odd neighbour does not decide the help.
            let kind = by_kind
                .into_iter()
                .filter_map(|(label, top)| Some((top.mean()?, label?)))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, c)| c)?;
            Some(DistressSimilarity { danger, ordinary, kind })
        })
        .collect()
}

/// The distress similarity of each sentence of a message with two or more sentences long enough to
/// judge (at most `MAX_SENTENCES`, the longest), each embedded on its own. Empty for a message of one
/// sentence, whose whole vector says the same.
pub fn sentence_similarities(snap: &Snapshot, text: &str) -> Vec<DistressSimilarity> {
    let parts = match (&snap.semantic, &snap.distress) {
        (Some(_), Some(_)) => judged_sentences(text),
        _ => Vec::new(),
    };
    // Each sentence is read on its own (a sentence's share of the whole message's pass carries the
    // rest of the message with it, and caught fewer disclosures), all of them in one pass. The asking
    // sentence is often one of them, and already read on its own the same way.
    let known = prepared(text).and_then(|p| p.vectors.as_ref().and_then(|v| v.asking.clone()));
    let new: Vec<&str> = parts.iter().copied().filter(|s| known.as_ref().is_none_or(|(t, _)| t != s)).collect();
    let new = match &snap.semantic {
        Some(sem) => within_budget(sem, text, &new),
        None => Vec::new(),
    };
    // Sentences left out for the budget are left out of the comparison as well.
    let parts: Vec<&str> = parts.into_iter().filter(|s| known.as_ref().is_some_and(|(t, _)| t == s) || new.iter().any(|(n, _)| n == s)).collect();
    let mut vectors = match snap.semantic.as_ref().filter(|_| !new.is_empty()).map(|s| s.query_vectors(&new)) {
        Some(Ok(v)) => v.into_iter(),
        Some(Err(e)) => {
            tracing::warn!("the sentences could not be embedded: {e:#}");
            Vec::new().into_iter()
        }
        None => Vec::new().into_iter(),
    };
    let in_order: Vec<Vec<f32>> = parts
        .iter()
        .filter_map(|s| match &known {
            Some((t, v)) if t == s => Some(v.clone()),
            _ => vectors.next(),
        })
        .collect();
    let refs: Vec<&[f32]> = in_order.iter().map(|v| v.as_slice()).collect();
    distress_similarities(snap, &refs).into_iter().flatten().collect()
}

/// The sentences (longest first) that the second pass reads, each with the tokens it may read, so
/// that both passes together read at most `MESSAGE_TOKENS`: the first pass read the message up to
/// `QUERY_TOKENS` and its asking part on its own. A sentence that does not fit is cut to what is left,
/// or left out below `MIN_SENTENCE_TOKENS`.
fn within_budget<'a>(sem: &SemanticIndex, text: &str, sentences: &[&'a str]) -> Vec<(&'a str, usize)> {
    use crate::semantic::{MESSAGE_TOKENS, MIN_SENTENCE_TOKENS, QUERY_TOKENS, SENTENCE_TOKENS};
    let asking = crate::search::asking_sentences(text).map_or(0, |a| sem.token_count(&a.join(" ")).min(SENTENCE_TOKENS));
    let mut left = MESSAGE_TOKENS.saturating_sub(sem.token_count(text).min(QUERY_TOKENS) + asking);
    let mut out = Vec::new();
    for s in sentences {
        let n = sem.token_count(s).min(SENTENCE_TOKENS).min(left);
        if n >= MIN_SENTENCE_TOKENS {
            left -= n;
            out.push((*s, n));
        }
    }
    out
}

/// The sentences of a message that the distress check reads one by one: those long enough to judge,
/// the longest `MAX_SENTENCES`, when there are two or more (a message of one sentence says the same
/// in its whole vector).
fn judged_sentences(text: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = crate::search::sentences(text).into_iter().map(|(s, _)| s).filter(|s| long_enough(s)).collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    parts.sort_by_key(|s| std::cmp::Reverse(s.len()));
    parts.truncate(MAX_SENTENCES);
    parts
}

/// Sentences of one message read on their own by the distress check.
const MAX_SENTENCES: usize = 4;

/// Four words or more, or six Chinese characters.
fn long_enough(text: &str) -> bool {
    text.split_whitespace().count() >= 4 || text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count() >= 6
}

/// The score from which a safeguarding topic counts as what the message is about.
const SECOND_OPINION_SCORE: f32 = 0.5;
/// How much closer to ordinary texts than to distress a whole message may be and still have its
/// sentences looked at one by one (the knowledge base's long, story-like questions make ordinary texts
/// closer to everything).
const SENTENCE_LOOK_BELOW: f32 = 0.01;
/// A safety topic at least this high among the first three adds its own help to the model's alarm.
const SECOND_OPINION_TOPIC_HINT: f32 = 0.25;


/// Moves the bot's own replies into the desk's changes, keeping the order of messages.
fn flush(desk: &mut Desk, out: &mut Vec<Outgoing>) {
    for o in out.drain(..) {
        desk.changes.push(Change::Send(o));
    }
}

/// Unicode's direction isolates (LRI, RLI, FSI, PDI), which the renderer puts around numbers and
/// Latin-script words in right-to-left text.
fn is_isolate(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}')
}

/// The text lexical search reads. Russian or Ukrainian typed in Latin letters ("kak poluchit BSN") is
/// searched in Cyrillic, the knowledge base's own letters, with abbreviations and Dutch terms
/// ("gemeente", "huisarts") left as they are; any other message as it is.
fn search_text<'a>(ev: &LangEvidence, text: &'a str) -> std::borrow::Cow<'a, str> {
    // Only a message detected as Russian or Ukrainian is looked at further (the text is read once).
    if !matches!(ev.lang, Lang::Ru | Lang::Uk) || ev.detection.lang != Some(ev.lang) {
        return text.into();
    }
    let (latin, cyrillic) = text.chars().fold((0, 0), |(l, c), ch| {
        (l + usize::from(ch.is_ascii_alphabetic()), c + usize::from(('\u{0400}'..='\u{04FF}').contains(&ch)))
    });
    if latin <= 2 * cyrillic {
        return text.into();
    }
    let dutch = |w: &str| w.len() >= 5 && crate::language::word_zipf(Lang::Nl, &w.to_lowercase()).is_some_and(|z| z >= 2.5);
    crate::language::to_cyrillic(ev.lang, text, dutch).map_or(text.into(), Into::into)
}

/// The vectors of a message, or `None` (with a warning without its text) when the model cannot read it.
/// One pass reads the message up to `QUERY_TOKENS`, its asking part kept in when it is longer, and the
/// asking part on its own beside it (a part's share of the message's pass carries the story with it:
/// a question after a long story was then no longer answered like the question alone).
fn embed(sem: &SemanticIndex, text: &str) -> Option<Vectors> {
    use crate::semantic::{QUERY_TOKENS, SENTENCE_TOKENS};
    let asking = crate::search::asking_sentences(text);
    let keep: Vec<std::ops::Range<usize>> = asking
        .iter()
        .flatten()
        .map(|s| {
            let start = s.as_ptr() as usize - text.as_ptr() as usize;
            start..start + s.len()
        })
        .collect();
    let joined = asking.map(|a| a.join(" "));
    let alone: Vec<(&str, usize)> = joined.as_deref().map(|a| (a, SENTENCE_TOKENS)).into_iter().collect();
    match sem.message_vectors(text, QUERY_TOKENS, &keep, &alone) {
        Ok((whole, others)) => Some(Vectors { whole, asking: joined.zip(others.into_iter().next()) }),
        Err(e) => {
            tracing::warn!("a message could not be embedded: {e:#}");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::strip_markup;

    #[test]
    fn markup_is_not_language() {
        assert_eq!(strip_markup("<b></b><i>**</i>").trim(), "");
        assert_eq!(strip_markup("<b>hoe</b> krijg ik een BSN").split_whitespace().collect::<Vec<_>>(), ["hoe", "krijg", "ik", "een", "BSN"]);
        assert!(strip_markup("3 < 4").contains("3 < 4"), "a lone < is not a tag");
    }
}
