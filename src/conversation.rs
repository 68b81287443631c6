//! The conversation engine: one incoming message in, the bot's messages out.
//!
//! Holds the current knowledge snapshot (swapped atomically on reload), each person's conversation
//! state, and the store. Knows nothing about any platform.

use crate::answer::Composer;
use crate::bot::BotConfig;
use crate::knowledge::{self, KnowledgeBase, LoadOptions, Problem, Severity, TopicList};
use crate::lang::Lang;
use crate::language::{Detection, Detector, Models};
use crate::locale::Locales;
use crate::message::{Action, Button, Incoming, Input, Outgoing};
use crate::search::{Decision, Ranked, SearchIndex};
use crate::store::{GapReason, Store};
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
}

/// The result of asking one question with no conversation around it (`ask`, `eval`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Asked {
    pub language: LangEvidence,
    pub ranked: Ranked,
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
    Ok((Snapshot { kb, index, locales, detector }, problems))
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
        for e in rd.flatten() {
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
    snapshot: ArcSwap<Snapshot>,
    store: Arc<dyn Store>,
    chats: Mutex<HashMap<String, ChatState>>,
}

impl Engine {
    pub fn new(cfg: BotConfig, snapshot: Snapshot, store: Arc<dyn Store>) -> Engine {
        Engine { cfg, snapshot: ArcSwap::from_pointee(snapshot), store, chats: Mutex::new(HashMap::new()) }
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    pub fn config(&self) -> &BotConfig {
        &self.cfg
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
        let detection = snap.detector.detect(text);
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
        LangEvidence { lang, source, detection }
    }

    /// Answers one question with no conversation around it.
    pub fn ask(&self, text: &str, hint: Option<&str>) -> Asked {
        let snap = self.snapshot();
        let language = self.language(&snap, text, None, None, hint);
        let ranked = self.search(&snap, text, &language);
        Asked { language, ranked }
    }

    fn search(&self, snap: &Snapshot, text: &str, ev: &LangEvidence) -> Ranked {
        let mut langs = vec![ev.lang];
        for (l, p) in &ev.detection.candidates {
            if *p >= 0.15 && !langs.contains(l) {
                langs.push(*l);
            }
        }
        snap.index.search(text, &langs, &self.cfg.search)
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

    /// Handles one message from a person and returns the bot's replies.
    pub fn handle(&self, msg: &Incoming) -> Vec<Outgoing> {
        let snap = self.snapshot();
        let key = msg.chat.key();
        let mut state = self.chats.lock().unwrap_or_else(|e| e.into_inner()).get(&key).cloned().unwrap_or_default();
        let explicit = match self.store.language(&key) {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!("reading preferences failed: {e:#}");
                None
            }
        };
        let composer = Composer { kb: &snap.kb, locales: &snap.locales, fallback: &self.cfg.fallback };
        let ui_lang = explicit
            .or(state.lang)
            .or_else(|| msg.interface_lang.as_deref().and_then(Lang::from_code))
            .filter(|l| self.cfg.languages.contains(l))
            .unwrap_or(self.cfg.default_language);
        let chat = &msg.chat;
        let advisor_button = |lang: Lang| vec![vec![Button { label: snap.locales.msg(lang, "button-advisor", &[]), action: Action::Advisor }]];

        let out = match &msg.input {
            Input::Action(action) => match action {
                Action::Topic(id) => match snap.kb.get(id) {
                    Some(t) => {
                        if state.offered.contains(id) {
                            self.record_gap(&key, &state, GapReason::Chose, Some(id.as_str()));
                            state.offered.clear();
                        }
                        vec![composer.answer(chat, t, ui_lang)]
                    }
                    None => vec![composer.dont_know(chat, ui_lang)],
                },
                Action::Feedback { helped: true, .. } => vec![composer.info(chat, ui_lang, "feedback-thanks", &[], vec![])],
                Action::Feedback { topic, helped: false } => {
                    self.record_gap(&key, &state, GapReason::NotHelped, Some(topic.as_str()));
                    vec![composer.info(chat, ui_lang, "feedback-sorry", &[], advisor_button(ui_lang))]
                }
                Action::Advisor => {
                    self.record_gap(&key, &state, GapReason::Advisor, None);
                    vec![composer.info(chat, ui_lang, "advisor-requested", &[], vec![])]
                }
                Action::LanguageMenu => vec![composer.language_menu(chat, ui_lang, &self.cfg.languages)],
                Action::SetLanguage(l) if self.cfg.languages.contains(l) => {
                    if let Err(e) = self.store.set_language(&key, *l) {
                        tracing::warn!("storing a language choice failed: {e:#}");
                    }
                    state.lang = Some(*l);
                    let name = snap.locales.lang_name(*l, *l);
                    vec![composer.info(chat, *l, "language-set", &[("language", &name)], vec![])]
                }
                Action::SetLanguage(_) => vec![composer.language_menu(chat, ui_lang, &self.cfg.languages)],
            },
            Input::Text(raw) => {
                let text = raw.trim();
                if text.is_empty() || !text.chars().any(char::is_alphanumeric) {
                    vec![composer.info(chat, ui_lang, "empty-question", &[], vec![])]
                } else if let Some(cmd) = command(text) {
                    match cmd {
                        "start" => {
                            let welcome = composer.info(chat, ui_lang, "welcome", &[("municipality", &self.cfg.municipality)], vec![]);
                            vec![welcome, composer.language_menu(chat, ui_lang, &self.cfg.languages)]
                        }
                        "help" => vec![composer.info(chat, ui_lang, "help", &[], vec![])],
                        "language" | "lang" | "taal" => vec![composer.language_menu(chat, ui_lang, &self.cfg.languages)],
                        "advisor" | "human" | "person" => {
                            self.record_gap(&key, &state, GapReason::Advisor, None);
                            vec![composer.info(chat, ui_lang, "advisor-requested", &[], vec![])]
                        }
                        "forget" => {
                            if let Err(e) = self.store.forget(&key) {
                                tracing::warn!("forgetting failed: {e:#}");
                            }
                            self.chats.lock().unwrap_or_else(|e| e.into_inner()).remove(&key);
                            return vec![composer.info(chat, ui_lang, "forget-done", &[], vec![])];
                        }
                        _ => vec![composer.info(chat, ui_lang, "unknown-command", &[], vec![])],
                    }
                } else {
                    let ev = self.language(&snap, text, explicit, state.lang, msg.interface_lang.as_deref());
                    if matches!(ev.source, LangSource::Message) {
                        state.lang = Some(ev.lang);
                    } else if state.lang.is_none() {
                        state.lang = Some(ev.lang);
                    }
                    let ranked = self.search(&snap, text, &ev);
                    state.last_question = Some((text.chars().take(500).collect(), ev.lang));
                    state.offered.clear();
                    tracing::debug!(lang = %ev.lang, source = ?ev.source, decision = ?ranked.decision, "question answered");
                    match &ranked.decision {
                        Decision::Answer(id) => {
                            state.misses = 0;
                            match snap.kb.get(id) {
                                Some(t) => vec![composer.answer(chat, t, ev.lang)],
                                None => vec![composer.dont_know(chat, ev.lang)],
                            }
                        }
                        Decision::Choose(ids) => {
                            state.misses = 0;
                            state.offered = ids.clone();
                            vec![composer.choice(chat, ids, ev.lang)]
                        }
                        Decision::DontKnow => {
                            state.misses += 1;
                            self.record_gap(&key, &state, GapReason::DontKnow, None);
                            vec![composer.dont_know(chat, ev.lang)]
                        }
                    }
                }
            }
        };
        self.chats.lock().unwrap_or_else(|e| e.into_inner()).insert(key, state);
        out
    }
}

/// `/name` or `/name@botname` or `/name argument` → `name`.
fn command(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('/')?;
    if rest.starts_with(char::is_whitespace) {
        return None;
    }
    let word = rest.split_whitespace().next()?;
    let name = word.split('@').next()?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::command;

    #[test]
    fn commands_are_recognised() {
        assert_eq!(command("/start"), Some("start"));
        assert_eq!(command("/start@wegwijs_bot topic"), Some("start"));
        assert_eq!(command("/ not a command"), None);
        assert_eq!(command("/évil"), None);
        assert_eq!(command("hello"), None);
    }
}
