//! `wegwijs check --bot FILE`: everything wrong with a bot file at once, each problem as
//! `file:line: problem`: unknown keys, values of the wrong type, secrets that are not set, knowledge
//! and locale folders that cannot be read, advisors without an account, advisors' rooms on platforms
//! that are not configured. `serve` runs the same check and does not start on errors.
//!
//! Known keys come from the configuration types themselves (their serde field lists), so a key added
//! to a section is known here at once.

use crate::bot::{BotConfig, BotFile, GapsConfig, MatrixConfig, MetricsConfig, TelegramConfig};
use crate::escalation::{AdvisorFile, EscalationFile, RoomConfig};
use crate::lang::Lang;
use crate::search::SearchParams;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a bot file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let warning = if self.severity == Severity::Warning { "warning: " } else { "" };
        write!(f, "{}:{}: {warning}{}", self.file.display(), self.line, self.message)
    }
}

/// Checks a bot file; `data_dir` overrides the file's (`--data-dir`). Problems come sorted by line.
pub fn bot_file(path: &Path, data_dir: Option<&Path>) -> Vec<Problem> {
    let mut c = Checker { file: path.to_path_buf(), text: String::new(), lines: BTreeMap::new(), problems: Vec::new() };
    c.run(data_dir);
    c.problems.sort_by(|a, b| a.line.cmp(&b.line).then(a.severity.cmp(&b.severity)));
    c.problems
}

/// Whether any of the problems is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

struct Checker {
    file: PathBuf,
    text: String,
    /// The line of each key, by dotted path (`telegram.token_env`, `advisors.1.name`).
    lines: BTreeMap<String, usize>,
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, line: usize, severity: Severity, message: impl Into<String>) {
        self.problems.push(Problem { file: self.file.clone(), line, severity, message: message.into() });
    }

    fn error(&mut self, line: usize, message: impl Into<String>) {
        self.push(line, Severity::Error, message);
    }

    fn warning(&mut self, line: usize, message: impl Into<String>) {
        self.push(line, Severity::Warning, message);
    }

    fn line_at(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())].matches('\n').count() + 1
    }

    /// The line of a key, or of the closest enclosing one that is written, or 1.
    fn line(&self, path: &str) -> usize {
        let mut p = path;
        loop {
            if let Some(l) = self.lines.get(p) {
                return *l;
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => return 1,
            }
        }
    }

    fn run(&mut self, data_dir: Option<&Path>) {
        self.text = match std::fs::read_to_string(&self.file) {
            Ok(t) => t,
            Err(e) => return self.error(1, format!("cannot be read: {e}")),
        };
        let text = self.text.clone();
        let mut doc = match DeTable::parse(&text) {
            Ok(d) => d,
            Err(e) => {
                let line = e.span().map_or(1, |s| self.line_at(s.start));
                return self.error(line, e.message().to_string());
            }
        };
        self.unknown_keys(doc.get_mut(), "", Section::Bot);
        let file = match BotFile::deserialize(toml::de::Deserializer::from(doc)) {
            Ok(f) => f,
            Err(e) => {
                let line = e.span().map_or(1, |s| self.line_at(s.start));
                return self.error(line, e.message().to_string());
            }
        };
        let base = self.file.parent().unwrap_or(Path::new(".")).to_path_buf();
        let cfg = match BotConfig::from_file(file.clone(), &base) {
            Ok(c) => c.with_data_dir(data_dir.map(Path::to_path_buf)),
            Err(e) => {
                let line = self.line("escalation");
                return self.error(line, format!("{e:#}"));
            }
        };
        self.paths(&file, &cfg);
        self.secrets(&file);
        self.advisors(&file);
        self.rooms(&file);
        self.languages(&file);
        self.metrics(&file);
    }

    /// Records every key's line and removes (reporting) the keys no section knows, so that the rest
    /// of the file can still be checked.
    fn unknown_keys(&mut self, table: &mut DeTable<'_>, prefix: &str, section: Section) {
        let known = section.fields();
        let mut unknown = Vec::new();
        for (key, value) in table.iter_mut() {
            let name = key.get_ref().to_string();
            let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
            let line = self.line_at(key.span().start);
            self.lines.insert(path.clone(), line);
            if let Some(known) = known
                && !known.contains(&name.as_str())
            {
                unknown.push(name.clone());
                let place = if prefix.is_empty() { String::new() } else { format!(" in [{}]", section.name(prefix)) };
                let hint = known.iter().find(|k| similar(k, &name)).map(|k| format!(" (did you mean `{k}`?)")).unwrap_or_default();
                self.error(line, format!("unknown key `{name}`{place}{hint}"));
                continue;
            }
            let child = section.child(&name);
            self.walk(value, &path, child);
        }
        for name in &unknown {
            table.remove(name.as_str());
        }
    }

    fn walk(&mut self, value: &mut Spanned<DeValue<'_>>, path: &str, section: Section) {
        match value.get_mut() {
            DeValue::Table(t) => self.unknown_keys(t, path, section),
            DeValue::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    let p = format!("{path}.{i}");
                    let line = self.line_at(item.span().start);
                    self.lines.entry(p.clone()).or_insert(line);
                    self.walk(item, &p, section);
                }
            }
            _ => {}
        }
    }

    fn paths(&mut self, file: &BotFile, cfg: &BotConfig) {
        let kline = if file.knowledge_dir.is_some() { self.line("knowledge_dir") } else { self.line("layers") };
        match std::fs::read_dir(&cfg.knowledge_dir) {
            Err(e) => self.error(kline, format!("the knowledge folder {} cannot be read: {e}", cfg.knowledge_dir.display())),
            Ok(_) => {
                for layer in &cfg.layers {
                    let dir = cfg.knowledge_dir.join(layer);
                    if !dir.is_dir() {
                        let line = self.line("layers");
                        self.error(line, format!("knowledge layer `{layer}`: no folder {}", dir.display()));
                    }
                }
            }
        }
        let lline = if file.locales_dir.is_some() { self.line("locales_dir") } else { 1 };
        match std::fs::read_dir(&cfg.locales_dir) {
            Err(e) => self.error(lline, format!("the locales folder {} cannot be read: {e}", cfg.locales_dir.display())),
            Ok(_) => {
                for lang in &cfg.languages {
                    let main = cfg.locales_dir.join(lang.code()).join("main.ftl");
                    if !main.is_file() {
                        let line = if file.languages.is_some() { self.line("languages") } else { lline };
                        self.error(line, format!("language {lang}: no {}", main.display()));
                    }
                }
            }
        }
        let dline = if file.data_dir.is_some() { self.line("data_dir") } else { 1 };
        if let Err(e) = writable(&cfg.data_dir) {
            self.error(dline, format!("the data folder {} cannot be written: {e}", cfg.data_dir.display()));
        }
    }

    fn secret(&mut self, path: &str, name: &str) {
        if crate::bot::secret(name).is_none() {
            let line = self.line(path);
            let credentials = match std::env::var_os("CREDENTIALS_DIRECTORY") {
                Some(d) => format!(" and there is no file {}", Path::new(&d).join(name).display()),
                None => String::new(),
            };
            self.error(line, format!("`{path}`: the environment variable {name} is not set{credentials}"));
        }
    }

    fn secrets(&mut self, file: &BotFile) {
        if let Some(tg) = &file.telegram {
            self.secret("telegram.token_env", &tg.token_env);
            if let Some(s) = &tg.webhook_secret_env {
                self.secret("telegram.webhook_secret_env", s);
            }
            if let Some(url) = &tg.webhook_url
                && !url.starts_with("https://")
            {
                let line = self.line("telegram.webhook_url");
                self.error(line, "`telegram.webhook_url` must start with https:// (Telegram only posts to https)");
            }
            if let Some(l) = &tg.listen
                && l.parse::<std::net::SocketAddr>().is_err()
            {
                let line = self.line("telegram.listen");
                self.error(line, format!("`telegram.listen`: {l:?} is not an address with a port, such as 0.0.0.0:8443"));
            }
        }
        if let Some(mx) = &file.matrix {
            match (&mx.password_env, &mx.access_token_env) {
                (None, None) => {
                    let line = self.line("matrix");
                    self.error(line, "[matrix] needs `password_env` or `access_token_env`");
                }
                (Some(p), _) => self.secret("matrix.password_env", p),
                (None, Some(t)) => self.secret("matrix.access_token_env", t),
            }
            if url::Url::parse(&mx.homeserver).map(|u| !matches!(u.scheme(), "http" | "https")).unwrap_or(true) {
                let line = self.line("matrix.homeserver");
                self.error(line, format!("`matrix.homeserver`: {:?} is not an http(s) URL", mx.homeserver));
            }
            if !mx.user_id.starts_with('@') || !mx.user_id.contains(':') {
                let line = self.line("matrix.user_id");
                self.error(line, format!("`matrix.user_id`: {:?} is not a Matrix user id such as @wegwijs:example.org", mx.user_id));
            }
        }
    }

    /// Platforms this bot file runs.
    fn platforms(file: &BotFile) -> Vec<&'static str> {
        let mut p = Vec::new();
        if file.telegram.is_some() {
            p.push("telegram");
        }
        if file.matrix.is_some() {
            p.push("matrix");
        }
        p
    }

    fn advisors(&mut self, file: &BotFile) {
        let platforms = Self::platforms(file);
        for (i, a) in file.advisors.iter().enumerate() {
            let line = self.line(&format!("advisors.{i}.name"));
            let accounts = a.resolve(0).accounts;
            let name = a.name.trim();
            if accounts.is_empty() {
                self.error(line, format!("advisor {name:?} has no account (telegram, matrix or accounts)"));
            } else if !platforms.is_empty() && !accounts.keys().any(|p| platforms.contains(&p.as_str())) {
                let list: Vec<&str> = accounts.keys().map(String::as_str).collect();
                self.error(line, format!("advisor {name:?} has no account on a platform this bot runs (accounts on {}; platforms: {})", list.join(", "), platforms.join(", ")));
            }
            if a.languages.is_empty() {
                self.warning(line, format!("advisor {name:?} speaks no languages: tickets never mention them"));
            }
        }
    }

    fn rooms(&mut self, file: &BotFile) {
        let platforms = Self::platforms(file);
        for (i, r) in file.escalation.rooms.iter().enumerate() {
            if !platforms.contains(&r.platform.as_str()) {
                let line = self.line(&format!("escalation.rooms.{i}.platform"));
                self.error(line, format!("advisors' room on {}, but this bot file has no [{}] section", r.platform, r.platform));
            }
        }
        let has_room = !file.escalation.rooms.is_empty()
            || file.telegram.as_ref().is_some_and(|t| t.advisors_chat.is_some())
            || file.matrix.as_ref().is_some_and(|m| m.advisors_room.is_some());
        if !file.advisors.is_empty() && !has_room {
            let line = self.line("advisors.0.name");
            self.error(line, "advisors are listed but there is no advisors' room ([telegram] advisors_chat, [matrix] advisors_room or [escalation] rooms): nobody would see a ticket");
        }
    }

    fn languages(&mut self, file: &BotFile) {
        let langs = file.languages.clone().unwrap_or_else(|| Lang::ALL.to_vec());
        if let Some(d) = file.default_language
            && !langs.contains(&d)
        {
            let line = self.line("default_language");
            self.error(line, format!("`default_language` {d} is not among `languages`"));
        }
    }

    fn metrics(&mut self, file: &BotFile) {
        if let Some(m) = &file.metrics
            && m.listen.parse::<std::net::SocketAddr>().is_err()
        {
            let line = self.line("metrics.listen");
            self.error(line, format!("`metrics.listen`: {:?} is not an address with a port, such as 127.0.0.1:9184", m.listen));
        }
    }
}

/// Whether a folder can be written (or created): tried with a file that is removed at once.
fn writable(dir: &Path) -> std::io::Result<()> {
    let mut existing = dir;
    while !existing.exists() {
        match existing.parent() {
            Some(p) if !p.as_os_str().is_empty() => existing = p,
            _ => {
                existing = Path::new(".");
                break;
            }
        }
    }
    if !existing.is_dir() {
        return Err(std::io::Error::other(format!("{} is not a folder", existing.display())));
    }
    let probe = existing.join(format!(".wegwijs-check-{}", std::process::id()));
    std::fs::write(&probe, b"")?;
    std::fs::remove_file(&probe)
}

/// Two keys that differ by a typo: one edit apart, or the same but for `_`/`-`.
fn similar(a: &str, b: &str) -> bool {
    if a.replace('-', "_") == b.replace('-', "_") {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + usize::from(a[i - 1] != b[j - 1]));
        }
        prev = cur;
    }
    prev[b.len()] <= 1
}

/// The sections of a bot file, each with the keys its type accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Section {
    Bot,
    Search,
    SearchLexical,
    Gaps,
    Telegram,
    Matrix,
    Escalation,
    Room,
    Advisor,
    Metrics,
    /// Any keys (`accounts = { ... }`, values).
    Free,
}

impl Section {
    fn fields(self) -> Option<&'static [&'static str]> {
        Some(match self {
            Section::Bot => fields_of::<BotFile>(),
            Section::Search => fields_of::<SearchParams>(),
            Section::SearchLexical => fields_of::<crate::search::LexicalSettings>(),
            Section::Gaps => fields_of::<GapsConfig>(),
            Section::Telegram => fields_of::<TelegramConfig>(),
            Section::Matrix => fields_of::<MatrixConfig>(),
            Section::Escalation => fields_of::<EscalationFile>(),
            Section::Room => fields_of::<RoomConfig>(),
            Section::Advisor => fields_of::<AdvisorFile>(),
            Section::Metrics => fields_of::<MetricsConfig>(),
            Section::Free => return None,
        })
    }

    fn child(self, key: &str) -> Section {
        match (self, key) {
            (Section::Bot, "search") => Section::Search,
            (Section::Bot, "gaps") => Section::Gaps,
            (Section::Bot, "telegram") => Section::Telegram,
            (Section::Bot, "matrix") => Section::Matrix,
            (Section::Bot, "escalation") => Section::Escalation,
            (Section::Bot, "advisors") => Section::Advisor,
            (Section::Bot, "metrics") => Section::Metrics,
            (Section::Escalation, "rooms") => Section::Room,
            (Section::Search, "lexical") => Section::SearchLexical,
            _ => Section::Free,
        }
    }

    /// How the section is written, for messages: `[telegram]`, `[[advisors]]`.
    fn name(self, path: &str) -> String {
        match self {
            Section::Advisor => "[advisors]".into(),
            Section::Room => "[escalation.rooms]".into(),
            Section::SearchLexical => "[search.lexical]".into(),
            _ => path.split('.').next().unwrap_or(path).to_string(),
        }
    }
}

/// The field names serde accepts for a struct, read from its `Deserialize` implementation.
fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let found = std::cell::Cell::new(&[][..]);
    let _ = T::deserialize(FieldProbe(&found));
    found.get()
}

/// A deserializer that only records the fields a struct asks for.
struct FieldProbe<'a>(&'a std::cell::Cell<&'static [&'static str]>);

#[derive(Debug)]
struct ProbeDone;

impl fmt::Display for ProbeDone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("probe")
    }
}

impl std::error::Error for ProbeDone {}

impl serde::de::Error for ProbeDone {
    fn custom<T: fmt::Display>(_: T) -> Self {
        ProbeDone
    }
}

impl<'de> serde::Deserializer<'de> for FieldProbe<'_> {
    type Error = ProbeDone;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, ProbeDone> {
        Err(ProbeDone)
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(self, _: &'static str, fields: &'static [&'static str], _: V) -> Result<V::Value, ProbeDone> {
        self.0.set(fields);
        Err(ProbeDone)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit unit_struct
        newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_come_from_the_types() {
        let f = fields_of::<TelegramConfig>();
        assert!(f.contains(&"token_env") && f.contains(&"advisors_chat"), "{f:?}");
        assert!(fields_of::<BotFile>().contains(&"metrics"));
    }

    #[test]
    fn typos_are_recognised() {
        assert!(similar("token_env", "tokn_env"));
        assert!(similar("advisors_chat", "advisors-chat"));
        assert!(!similar("listen", "languages"));
    }
}
