//! Reading `knowledge/<layer>/<topic>/{topic.toml,<lang>.md}` into topics, with every problem reported
//! at once as `file:line: problem`.

use super::{Check, Date, KnowledgeBase, Link, Problem, SourceRef, Status, Topic, TopicId, Translation};
use crate::lang::Lang;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Integration domains a topic may be tagged with.
pub const DOMAINS: &[&str] = &[
    "work",
    "housing",
    "education",
    "health-and-social-care",
    "leisure",
    "social-bonds",
    "social-bridges",
    "social-links",
    "language-and-communication",
    "culture",
    "digital-skills",
    "safety",
    "stability",
    "rights-and-responsibilities",
];

const TOPIC_KEYS: &[&str] = &[
    "id",
    "authority",
    "domains",
    "related",
    "reviewed",
    "review_every",
    "sources",
    "links",
    "safeguarding",
    "checked",
];
const LANG_KEYS: &[&str] = &["title", "questions", "keywords", "status", "source"];
const LINK_KEYS: &[&str] = &["url", "label", "lang"];
const CHECK_KEYS: &[&str] = &["on", "page", "facts"];
/// The folder of everyday-word files beside the layers.
pub const SYNONYMS_DIR: &str = "synonyms";

/// The fixed list of topic ids (`knowledge/topics.tsv`): id, layer kind (`national`/`municipal`), scope.
#[derive(Debug, Clone, Default)]
pub struct TopicList {
    pub ids: BTreeMap<String, String>,
}

impl TopicList {
    pub fn parse(text: &str) -> TopicList {
        let ids = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some((cols.next()?.trim().to_string(), cols.next().unwrap_or("").trim().to_string()))
            })
            .collect();
        TopicList { ids }
    }

    pub fn read(path: &Path) -> std::io::Result<TopicList> {
        Ok(TopicList::parse(&std::fs::read_to_string(path)?))
    }
}

/// What to load and how strictly.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Layers in order, most general first; `None` loads every folder under the root (for `kb check`).
    pub layers: Option<Vec<String>>,
    /// The fixed topic list; ids outside it are errors.
    pub topic_list: Option<TopicList>,
    /// Languages whose files must have an answer body.
    pub body_required: Vec<Lang>,
    /// Languages that should have a full answer (a missing one is a warning).
    pub full_langs: Vec<Lang>,
    /// Date against which staleness is judged.
    pub today: Date,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            layers: None,
            topic_list: None,
            body_required: vec![Lang::En, Lang::Nl],
            full_langs: vec![Lang::Nl, Lang::En, Lang::Ar, Lang::Tr, Lang::Pl, Lang::Uk],
            today: Date::today(),
        }
    }
}

/// Loads the knowledge under `root`. Returns the merged knowledge base (later layers override earlier
/// ones by id; topics with errors are left out) and every problem found, errors and warnings.
pub fn load(root: &Path, opts: &LoadOptions) -> (KnowledgeBase, Vec<Problem>) {
    let mut problems = Vec::new();
    let layers: Vec<String> = match &opts.layers {
        Some(l) => l.clone(),
        None => list_dirs(root, &mut problems)
            .into_iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .filter(|n| n != SYNONYMS_DIR)
            .collect(),
    };
    if opts.layers.is_none() && layers.is_empty() {
        problems.push(Problem::error(root, 1, "no knowledge layers found (expected folders such as national/)"));
    }

    // Every topic of every layer, parsed; kept per layer to apply overrides and check duplicates.
    let mut per_layer: Vec<(String, Vec<Topic>)> = Vec::new();
    for layer in &layers {
        let dir = root.join(layer);
        if !dir.is_dir() {
            problems.push(Problem::error(&dir, 1, format!("layer '{layer}' does not exist")));
            continue;
        }
        let mut seen: HashMap<TopicId, PathBuf> = HashMap::new();
        let mut topics = Vec::new();
        for tdir in list_dirs(&dir, &mut problems) {
            if let Some(topic) = load_topic(&tdir, layer, opts, &mut problems) {
                if let Some(first) = seen.get(&topic.id) {
                    problems.push(Problem::error(
                        tdir.join("topic.toml"),
                        key_line(&read_or_empty(&tdir.join("topic.toml")), "id"),
                        format!("duplicate topic id '{}' (also in {})", topic.id, first.display()),
                    ));
                    continue;
                }
                seen.insert(topic.id.clone(), tdir.clone());
                topics.push(topic);
            }
        }
        per_layer.push((layer.clone(), topics));
    }

    let all_ids: BTreeSet<TopicId> =
        per_layer.iter().flat_map(|(_, ts)| ts.iter().map(|t| t.id.clone())).collect();
    for (_, topics) in &per_layer {
        for t in topics {
            check_related(t, &all_ids, opts.topic_list.as_ref(), &mut problems);
        }
    }
    if let Some(list) = &opts.topic_list {
        check_against_list(&per_layer, list, opts.layers.is_none(), &mut problems);
    }

    let mut merged: BTreeMap<TopicId, Topic> = BTreeMap::new();
    for (_, topics) in per_layer {
        for t in topics {
            merged.insert(t.id.clone(), t);
        }
    }
    let mut kb = KnowledgeBase::new(merged.into_values().collect());
    kb.synonyms = super::synonyms::Synonyms::load(&root.join(SYNONYMS_DIR), &mut problems);
    check_duplicate_questions(&kb, &mut problems);
    problems.sort();
    problems.dedup();
    (kb, problems)
}

fn list_dirs(dir: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(rd) => {
            let mut v: Vec<PathBuf> = rd
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                .collect();
            v.sort();
            v
        }
        Err(e) => {
            problems.push(Problem::error(dir, 1, format!("cannot read folder: {e}")));
            Vec::new()
        }
    }
}

fn read_or_empty(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].bytes().filter(|&b| b == b'\n').count() + 1
}

/// Line where `key = ...` (or `[key]`, `[[key]]`) is set; 1 when not found.
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start().trim_start_matches('[');
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('=') || rest.starts_with(']'))
        })
        .map_or(1, |i| i + 1)
}

/// Line where a quoted value appears; falls back to the key's line.
fn value_line(text: &str, key: &str, value: &str) -> usize {
    let quoted = format!("\"{value}\"");
    let single = format!("'{value}'");
    let from = key_line(text, key) - 1;
    text.lines()
        .enumerate()
        .skip(from)
        .find(|(_, l)| l.contains(&quoted) || l.contains(&single))
        .map_or(from + 1, |(i, _)| i + 1)
}

fn toml_error(file: &Path, text: &str, line_offset: usize, e: &toml::de::Error) -> Problem {
    let line = e.span().map_or(1, |s| line_of(text, s.start));
    let msg = e.message().lines().next().unwrap_or("invalid TOML").to_string();
    Problem::error(file, line + line_offset, format!("invalid TOML: {msg}"))
}

/// An absolute https URL with a host.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.contains('.') && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

struct Fields<'a> {
    file: &'a Path,
    text: &'a str,
    table: &'a toml::Table,
    line_offset: usize,
}

impl Fields<'_> {
    fn line(&self, key: &str) -> usize {
        key_line(self.text, key) + self.line_offset
    }

    fn unknown_keys(&self, allowed: &[&str], problems: &mut Vec<Problem>) {
        for k in self.table.keys() {
            if !allowed.contains(&k.as_str()) {
                problems.push(Problem::error(
                    self.file,
                    self.line(k),
                    format!("unknown key '{k}' (allowed: {})", allowed.join(", ")),
                ));
            }
        }
    }

    fn string(&self, key: &str, required: bool, problems: &mut Vec<Problem>) -> Option<String> {
        match self.table.get(key) {
            Some(toml::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(toml::Value::String(_)) => {
                problems.push(Problem::error(self.file, self.line(key), format!("'{key}' is empty")));
                None
            }
            Some(_) => {
                problems.push(Problem::error(self.file, self.line(key), format!("'{key}' must be a string")));
                None
            }
            None if required => {
                problems.push(Problem::error(self.file, 1 + self.line_offset, format!("missing '{key}'")));
                None
            }
            None => None,
        }
    }

    fn strings(&self, key: &str, required: bool, problems: &mut Vec<Problem>) -> Option<Vec<String>> {
        match self.table.get(key) {
            Some(toml::Value::Array(items)) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        toml::Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                        _ => problems.push(Problem::error(
                            self.file,
                            self.line(key),
                            format!("every entry of '{key}' must be a non-empty string"),
                        )),
                    }
                }
                Some(out)
            }
            Some(_) => {
                problems.push(Problem::error(self.file, self.line(key), format!("'{key}' must be a list of strings")));
                None
            }
            None if required => {
                problems.push(Problem::error(self.file, 1 + self.line_offset, format!("missing '{key}'")));
                None
            }
            None => None,
        }
    }
}

fn load_topic(dir: &Path, layer: &str, opts: &LoadOptions, problems: &mut Vec<Problem>) -> Option<Topic> {
    let file = dir.join("topic.toml");
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            problems.push(Problem::error(&file, 1, format!("cannot read topic.toml: {e}")));
            return None;
        }
    };
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            problems.push(toml_error(&file, &text, 0, &e));
            return None;
        }
    };
    let before = problems.len();
    let f = Fields { file: &file, text: &text, table: &table, line_offset: 0 };
    f.unknown_keys(TOPIC_KEYS, problems);

    let dir_name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let id = f.string("id", true, problems).and_then(|s| match TopicId::parse(&s) {
        Some(id) => Some(id),
        None => {
            problems.push(Problem::error(&file, f.line("id"), format!("'{s}' is not a valid topic id (a-z, 0-9, -)")));
            None
        }
    });
    if let Some(id) = &id {
        if id.as_str() != dir_name {
            problems.push(Problem::error(
                &file,
                f.line("id"),
                format!("id '{id}' differs from its folder name '{dir_name}'"),
            ));
        }
    }
    let authority = f.string("authority", true, problems);
    let domains = f.strings("domains", true, problems).unwrap_or_default();
    for d in &domains {
        if !DOMAINS.contains(&d.as_str()) {
            problems.push(Problem::error(
                &file,
                value_line(&text, "domains", d),
                format!("unknown domain '{d}' (allowed: {})", DOMAINS.join(", ")),
            ));
        }
    }
    let related: Vec<TopicId> = f
        .strings("related", true, problems)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|r| match TopicId::parse(&r) {
            Some(id) => Some(id),
            None => {
                problems.push(Problem::error(&file, value_line(&text, "related", &r), format!("'{r}' is not a valid topic id")));
                None
            }
        })
        .collect();
    let reviewed = match table.get("reviewed") {
        Some(toml::Value::Datetime(dt)) => match dt.date {
            Some(d) if dt.time.is_none() => Some(Date { year: d.year as i32, month: d.month, day: d.day }),
            _ => {
                problems.push(Problem::error(&file, f.line("reviewed"), "'reviewed' must be a date such as 2026-11-20"));
                None
            }
        },
        Some(_) => {
            problems.push(Problem::error(&file, f.line("reviewed"), "'reviewed' must be a date such as 2026-11-20 (without quotes)"));
            None
        }
        None => {
            problems.push(Problem::error(&file, 1, "missing 'reviewed' (the date the facts were last checked)"));
            None
        }
    };
    let review_every_days = match table.get("review_every") {
        None => 365,
        Some(toml::Value::Integer(n)) if (1..=3650).contains(n) => *n as u32,
        Some(_) => {
            problems.push(Problem::error(&file, f.line("review_every"), "'review_every' must be a number of days (1 to 3650)"));
            365
        }
    };
    let sources = f.strings("sources", true, problems).unwrap_or_default();
    if table.contains_key("sources") && sources.is_empty() {
        problems.push(Problem::error(&file, f.line("sources"), "'sources' must name at least one official page"));
    }
    for s in &sources {
        if !is_https_url(s) {
            problems.push(Problem::error(&file, value_line(&text, "sources", s), format!("source '{s}' is not an absolute https URL")));
        }
    }
    // `safeguarding = true` (about danger), or the kind of danger: then a message whose best topic
    // this is gets that kind's emergency numbers first.
    let (safeguarding, safeguarding_category) = match table.get("safeguarding") {
        None => (false, None),
        Some(toml::Value::Boolean(b)) => (*b, None),
        Some(toml::Value::String(s)) => match crate::escalation::Category::from_name(s) {
            Some(c) => (true, Some(c)),
            None => {
                problems.push(Problem::error(&file, f.line("safeguarding"), format!("'safeguarding' must be true, false or a kind of danger (suicide, domestic, sexual, danger, exploitation), not '{s}'")));
                (false, None)
            }
        },
        Some(_) => {
            problems.push(Problem::error(&file, f.line("safeguarding"), "'safeguarding' must be true, false or a kind of danger (suicide, domestic, sexual, danger, exploitation)"));
            (false, None)
        }
    };
    let links = load_links(&file, &text, &table, problems);
    let checked = load_checks(&file, &text, &table, problems);

    let translations = load_translations(dir, opts, problems);
    if problems[before..].iter().any(|p| p.severity == super::Severity::Error) {
        return None;
    }
    let id = id?;
    if translations.is_empty() {
        problems.push(Problem::error(dir, 1, format!("topic '{id}' has no language files (<lang>.md)")));
        return None;
    }
    for lang in &opts.body_required {
        if !translations.contains_key(lang) {
            problems.push(Problem::error(dir.join(format!("{lang}.md")), 1, "missing: this language must have an answer"));
            return None;
        }
    }
    let topic = Topic {
        id,
        layer: layer.to_string(),
        dir: dir.to_path_buf(),
        authority: authority?,
        domains,
        related,
        reviewed: reviewed?,
        review_every_days,
        sources,
        links,
        safeguarding,
        safeguarding_category,
        checked,
        translations,
    };
    warn_about_topic(&topic, &file, &text, opts, problems);
    Some(topic)
}

fn load_links(file: &Path, text: &str, table: &toml::Table, problems: &mut Vec<Problem>) -> Vec<Link> {
    let Some(value) = table.get("links") else { return Vec::new() };
    let Some(items) = value.as_array() else {
        problems.push(Problem::error(file, key_line(text, "links"), "'links' must be [[links]] tables with url and label"));
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let Some(t) = item.as_table() else {
            problems.push(Problem::error(file, key_line(text, "links"), "each link must be a table with url and label"));
            continue;
        };
        let url = t.get("url").and_then(|u| u.as_str()).unwrap_or("");
        let line = if url.is_empty() { key_line(text, "links") } else { value_line(text, "links", url) };
        for k in t.keys() {
            if !LINK_KEYS.contains(&k.as_str()) {
                problems.push(Problem::error(file, line, format!("unknown key '{k}' in a link (allowed: url, label, lang)")));
            }
        }
        if !is_https_url(url) {
            let shown = if url.is_empty() { "(none)" } else { url };
            problems.push(Problem::error(file, line, format!("link url {shown} is not an absolute https URL")));
            continue;
        }
        let mut labels = BTreeMap::new();
        match t.get("label") {
            Some(toml::Value::Table(lt)) => {
                for (code, v) in lt {
                    match (code.parse::<Lang>(), v.as_str()) {
                        (Ok(l), Some(s)) if !s.trim().is_empty() => {
                            labels.insert(l, s.trim().to_string());
                        }
                        (Err(e), _) => problems.push(Problem::error(file, line, format!("link label: {e}"))),
                        _ => problems.push(Problem::error(file, line, format!("link label '{code}' must be a non-empty string"))),
                    }
                }
            }
            Some(toml::Value::String(s)) => {
                labels.insert(Lang::En, s.trim().to_string());
            }
            _ => problems.push(Problem::error(file, line, "link needs a label, e.g. label = { en = \"...\", nl = \"...\" }")),
        }
        let lang = match t.get("lang") {
            None => None,
            Some(v) => match v.as_str().map(str::parse::<Lang>) {
                Some(Ok(l)) => Some(l),
                _ => {
                    problems.push(Problem::error(file, line, "link 'lang' must be a language code: the language the page is written in"));
                    None
                }
            },
        };
        out.push(Link { url: url.to_string(), labels, lang });
    }
    out
}

/// `[[checked]]`: which facts were checked against which page, and when.
fn load_checks(file: &Path, text: &str, table: &toml::Table, problems: &mut Vec<Problem>) -> Vec<Check> {
    let Some(value) = table.get("checked") else { return Vec::new() };
    let line = key_line(text, "checked");
    let Some(items) = value.as_array() else {
        problems.push(Problem::error(file, line, "'checked' must be [[checked]] tables with on, page and facts"));
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let Some(t) = item.as_table() else {
            problems.push(Problem::error(file, line, "each [[checked]] must be a table with on, page and facts"));
            continue;
        };
        let page = t.get("page").and_then(|u| u.as_str()).unwrap_or("");
        let line = if page.is_empty() { line } else { value_line(text, "checked", page) };
        for k in t.keys() {
            if !CHECK_KEYS.contains(&k.as_str()) {
                problems.push(Problem::error(file, line, format!("unknown key '{k}' in [[checked]] (allowed: on, page, facts)")));
            }
        }
        if !is_https_url(page) {
            problems.push(Problem::error(file, line, format!("[[checked]] page '{page}' is not an absolute https URL")));
            continue;
        }
        let on = match t.get("on") {
            Some(toml::Value::Datetime(dt)) => match dt.date {
                Some(d) if dt.time.is_none() => Date { year: d.year as i32, month: d.month, day: d.day },
                _ => {
                    problems.push(Problem::error(file, line, "[[checked]] 'on' must be a date such as 2026-12-04"));
                    continue;
                }
            },
            _ => {
                problems.push(Problem::error(file, line, "[[checked]] needs 'on', the date of the check (2026-12-04, without quotes)"));
                continue;
            }
        };
        let facts = match t.get("facts").and_then(|f| f.as_str()).map(str::trim) {
            Some(f) if !f.is_empty() => f.to_string(),
            _ => {
                problems.push(Problem::error(file, line, "[[checked]] needs 'facts': what was checked on the page"));
                continue;
            }
        };
        out.push(Check { on, page: page.to_string(), facts });
    }
    out
}

fn load_translations(dir: &Path, opts: &LoadOptions, problems: &mut Vec<Problem>) -> BTreeMap<Lang, Translation> {
    let mut out = BTreeMap::new();
    let Ok(rd) = std::fs::read_dir(dir) else { return out };
    let mut files: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    for file in files {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name == "topic.toml" || name.starts_with('.') || file.is_dir() {
            continue;
        }
        let Some(code) = name.strip_suffix(".md") else {
            problems.push(Problem::warning(&file, 1, "ignored: not topic.toml or <lang>.md"));
            continue;
        };
        let lang = match code.parse::<Lang>() {
            Ok(l) => l,
            Err(e) => {
                problems.push(Problem::error(&file, 1, e.to_string()));
                continue;
            }
        };
        if let Some(t) = load_translation(&file, lang, opts, problems) {
            out.insert(lang, t);
        }
    }
    out
}

/// Splits `+++\n<toml>\n+++\n<body>`; returns (front matter, body, line where the body starts).
fn split_front_matter(text: &str) -> Result<(&str, &str, usize), &'static str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or("missing front matter: the file must start with a line '+++'")?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let fm = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok((fm, body, line_of(text, text.len() - body.len())));
        }
        offset += line.len();
    }
    Err("front matter is not closed: add a line '+++' after it")
}

fn load_translation(file: &Path, lang: Lang, opts: &LoadOptions, problems: &mut Vec<Problem>) -> Option<Translation> {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            problems.push(Problem::error(file, 1, format!("cannot read: {e}")));
            return None;
        }
    };
    let (fm, body, _body_line) = match split_front_matter(&text) {
        Ok(x) => x,
        Err(msg) => {
            problems.push(Problem::error(file, 1, msg));
            return None;
        }
    };
    let table: toml::Table = match fm.parse() {
        Ok(t) => t,
        Err(e) => {
            problems.push(toml_error(file, fm, 1, &e));
            return None;
        }
    };
    let before = problems.len();
    let f = Fields { file, text: fm, table: &table, line_offset: 1 };
    f.unknown_keys(LANG_KEYS, problems);
    let title = f.string("title", true, problems);
    let questions = f.strings("questions", true, problems);
    if questions.as_ref().is_some_and(|q| q.is_empty()) {
        problems.push(Problem::error(file, f.line("questions"), "'questions' is empty: add the ways people ask this"));
    }
    let keywords = f.strings("keywords", false, problems).unwrap_or_default();
    let status = match f.string("status", false, problems).as_deref() {
        None | Some("reviewed") => Status::Reviewed,
        Some("draft") => Status::Draft,
        Some(other) => {
            problems.push(Problem::error(file, f.line("status"), format!("status '{other}' must be \"reviewed\" or \"draft\"")));
            Status::Reviewed
        }
    };
    let source = f.string("source", false, problems).and_then(|s| match SourceRef::parse(&s) {
        Some(r) if r.lang != lang => Some(r),
        _ => {
            problems.push(Problem::error(
                file,
                f.line("source"),
                format!("source '{s}' must name another language and the version of its answer, e.g. \"en:1a2b3c4d\" (wegwijs kb stamp writes it)"),
            ));
            None
        }
    });
    let body_text = body.trim();
    let body = if body_text.is_empty() { None } else { Some(body_text.to_string()) };
    if body.is_none() && opts.body_required.contains(&lang) {
        problems.push(Problem::error(file, line_of(&text, text.len()), "empty answer: this language must have a body after the front matter"));
    }
    if let Some(b) = &body {
        check_body_links(file, &text, b, problems);
        // Plain answers are short: 40 to 150 words (Chinese is written without spaces: not counted).
        if lang != Lang::Zh {
            let words = b.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            if !(40..=150).contains(&words) {
                let line = text.lines().position(|l| l.trim() == "+++").and_then(|first| text.lines().skip(first + 1).position(|l| l.trim() == "+++").map(|p| first + p + 3)).unwrap_or(1);
                problems.push(Problem::warning(file, line, format!("the answer has {words} words; keep it between 40 and 150")));
            }
        }
    }
    if problems[before..].iter().any(|p| p.severity == super::Severity::Error) {
        return None;
    }
    Some(Translation {
        lang,
        title: title?,
        questions: questions?,
        keywords,
        status,
        source,
        body,
        file: file.to_path_buf(),
    })
}

/// Links written in the Markdown body must be https too.
fn check_body_links(file: &Path, text: &str, body: &str, problems: &mut Vec<Problem>) {
    let parser = pulldown_cmark::Parser::new(body);
    for ev in parser {
        if let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) = ev {
            if !is_https_url(&dest_url) {
                let line = text.lines().position(|l| l.contains(dest_url.as_ref())).map_or(1, |i| i + 1);
                problems.push(Problem::error(file, line, format!("link '{dest_url}' is not an absolute https URL")));
            }
        }
    }
    for (i, l) in text.lines().enumerate() {
        if l.contains("http://") {
            problems.push(Problem::error(file, i + 1, "http:// link: use https://"));
        }
    }
}

/// A related id must be a topic: one that is written, or (a warning) one of the fixed list still to write.
fn check_related(t: &Topic, all_ids: &BTreeSet<TopicId>, list: Option<&TopicList>, problems: &mut Vec<Problem>) {
    let file = t.dir.join("topic.toml");
    let text = read_or_empty(&file);
    for r in &t.related {
        if !all_ids.contains(r) {
            let line = value_line(&text, "related", r.as_str());
            if list.is_some_and(|l| l.ids.contains_key(r.as_str())) {
                problems.push(Problem::warning(&file, line, format!("related topic '{r}' is not written yet (it is not shown until it is)")));
            } else {
                problems.push(Problem::error(&file, line, format!("related topic '{r}' does not exist")));
            }
        } else if r == &t.id {
            problems.push(Problem::warning(&file, value_line(&text, "related", r.as_str()), "a topic is related to itself"));
        }
    }
}

fn check_against_list(per_layer: &[(String, Vec<Topic>)], list: &TopicList, all_layers: bool, problems: &mut Vec<Problem>) {
    for (layer, topics) in per_layer {
        for t in topics {
            let file = t.dir.join("topic.toml");
            match list.ids.get(t.id.as_str()) {
                None => problems.push(Problem::error(
                    &file,
                    key_line(&read_or_empty(&file), "id"),
                    format!("topic id '{}' is not in the topic list (knowledge/topics.tsv)", t.id),
                )),
                Some(kind) if kind == "national" && layer != "national" => problems.push(Problem::warning(
                    &file,
                    1,
                    format!("'{}' is a national topic: this overrides the national text for one municipality", t.id),
                )),
                Some(kind) if kind == "municipal" && layer == "national" => problems.push(Problem::warning(
                    &file,
                    1,
                    format!("'{}' is a municipal topic: give each municipality its own folder", t.id),
                )),
                _ => {}
            }
        }
    }
    if !all_layers {
        return;
    }
    // Coverage: every listed topic where its layer column says.
    let has = |layer: &str, id: &str| {
        per_layer.iter().any(|(l, ts)| l == layer && ts.iter().any(|t| t.id.as_str() == id))
    };
    let municipal: Vec<&String> = per_layer.iter().map(|(l, _)| l).filter(|l| *l != "national").collect();
    let root = per_layer.first().and_then(|(_, ts)| ts.first()).and_then(|t| t.dir.parent()?.parent().map(Path::to_path_buf));
    let Some(root) = root else { return };
    for (id, kind) in &list.ids {
        if kind == "municipal" {
            for l in &municipal {
                if !has(l, id) {
                    problems.push(Problem::warning(root.join(l.as_str()).join(id), 1, format!("topic '{id}' is missing in layer '{l}'")));
                }
            }
        } else if !has("national", id) {
            problems.push(Problem::warning(root.join("national").join(id), 1, format!("topic '{id}' is missing")));
        }
    }
}

fn warn_about_topic(t: &Topic, file: &Path, text: &str, opts: &LoadOptions, problems: &mut Vec<Problem>) {
    if t.is_stale(opts.today) {
        problems.push(Problem::warning(
            file,
            key_line(text, "reviewed"),
            format!("past its review date: reviewed {} with review_every = {} days", t.reviewed, t.review_every_days),
        ));
    }
    for lang in Lang::ALL {
        let path = t.dir.join(format!("{lang}.md"));
        match t.translations.get(&lang) {
            None => problems.push(Problem::warning(&path, 1, "missing translation (title and questions at least)")),
            Some(tr) => {
                if tr.body.is_none() && opts.full_langs.contains(&lang) {
                    problems.push(Problem::warning(&path, 1, "no answer in this language yet (questions only)"));
                }
                if tr.body.is_some() && tr.status == Status::Draft && tr.source.is_none() {
                    problems.push(Problem::warning(
                        &path,
                        1,
                        format!("a translation that does not say which answer it was made from: add source = \"en\" (or nl), then run `wegwijs kb stamp {}`", path.display()),
                    ));
                }
                if tr.body.is_some() {
                    let unlabelled = t.links.iter().filter(|l| !l.labels.contains_key(&lang)).count();
                    if unlabelled > 0 {
                        problems.push(Problem::warning(
                            &t.dir.join("topic.toml"),
                            key_line(text, "links"),
                            format!("{unlabelled} link(s) without a label in {lang}: add `{lang} = \"...\"` under [links.label]"),
                        ));
                    }
                }
                // Drafts are normal: `kb stats` counts them. What must hold is that a translation
                // carries its source's facts and follows its source's changes.
                if let Some(f) = super::translation::check(t, tr) {
                    let line = key_line(&read_or_empty(&path), "source");
                    if !f.missing_numbers.is_empty() {
                        problems.push(Problem::warning(&path, line, format!("numbers of the source answer missing here: {}", f.missing_numbers.join(", "))));
                    }
                    if !f.missing_urls.is_empty() {
                        problems.push(Problem::warning(&path, line, format!("web addresses of the source answer missing here: {}", f.missing_urls.join(" "))));
                    }
                    match &f.version {
                        super::translation::Version::Current => {}
                        super::translation::Version::Stale { recorded, now } => problems.push(Problem::warning(
                            &path,
                            line,
                            format!("stale: translated from {recorded}, the source is now {now}; update it, then run `wegwijs kb stamp {}`", path.display()),
                        )),
                        super::translation::Version::Unstamped { now } => problems.push(Problem::warning(
                            &path,
                            line,
                            format!("the version of the source is not recorded (now {now}); once checked, run `wegwijs kb stamp {}`", path.display()),
                        )),
                        super::translation::Version::NoSource => {
                            problems.push(Problem::warning(&path, line, "the source language named in 'source' has no answer in this topic"))
                        }
                    }
                }
                if tr.questions.len() < 5 {
                    let line = key_line(&read_or_empty(&path), "questions");
                    problems.push(Problem::warning(&path, line, format!("only {} questions (write at least 5)", tr.questions.len())));
                }
            }
        }
    }
}

/// Lower-case words only, so that "What is a BSN?" and "what is a bsn" count as the same question.
fn normalize_question(q: &str) -> String {
    q.chars()
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_duplicate_questions(kb: &KnowledgeBase, problems: &mut Vec<Problem>) {
    let mut seen: HashMap<(Lang, String), &Topic> = HashMap::new();
    for t in kb.topics() {
        for tr in t.translations.values() {
            for q in &tr.questions {
                let key = (tr.lang, normalize_question(q));
                if key.1.is_empty() {
                    continue;
                }
                match seen.get(&key) {
                    Some(other) if other.id != t.id => {
                        let text = read_or_empty(&tr.file);
                        let line = text.lines().position(|l| l.contains(q.as_str())).map_or(1, |i| i + 1);
                        problems.push(Problem::warning(
                            &tr.file,
                            line,
                            format!("question \"{q}\" is also a question of topic '{}': the index cannot tell them apart", other.id),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(key, t);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls_are_recognised() {
        assert!(is_https_url("https://www.government.nl/topics"));
        assert!(!is_https_url("http://www.government.nl"));
        assert!(!is_https_url("https://localhost"));
        assert!(!is_https_url("www.government.nl"));
        assert!(!is_https_url("https://a.nl/x y"));
    }

    #[test]
    fn front_matter_is_split_with_the_body_line() {
        let (fm, body, line) = split_front_matter("+++\ntitle = \"x\"\n+++\nBody\n").unwrap();
        assert_eq!(fm, "title = \"x\"\n");
        assert_eq!(body, "Body\n");
        assert_eq!(line, 4);
        assert!(split_front_matter("title = 1").is_err());
        assert!(split_front_matter("+++\ntitle = 1\n").is_err());
    }

    #[test]
    fn key_lines_are_found() {
        let t = "id = \"x\"\n\n[[links]]\nurl = \"https://a.nl\"\n";
        assert_eq!(key_line(t, "id"), 1);
        assert_eq!(key_line(t, "links"), 3);
        assert_eq!(key_line(t, "url"), 4);
        assert_eq!(key_line(t, "nothing"), 1);
    }
}
