//! Bot deployments: `bots/<name>.toml` says which knowledge layers, languages and settings a bot uses.
//!
//! Relative paths in a bot file are relative to the folder of the bot file.

use crate::lang::Lang;
use crate::escalation::{AccountId, AdvisorFile, Escalation, EscalationFile, RoomConfig};
use crate::search::SearchParams;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A bot file, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BotFile {
    /// Short id used for data folders (e.g. "leiden").
    pub id: String,
    /// The municipality's name as shown to people.
    pub municipality: String,
    /// Knowledge layers, most general first.
    pub layers: Vec<String>,
    /// Languages this bot speaks (default: all 17).
    #[serde(default)]
    pub languages: Option<Vec<Lang>>,
    /// Language when nothing else tells (default: nl).
    #[serde(default)]
    pub default_language: Option<Lang>,
    /// Languages answers fall back to when a topic has no answer in the person's language.
    #[serde(default)]
    pub fallback: Option<Vec<Lang>>,
    #[serde(default)]
    pub knowledge_dir: Option<PathBuf>,
    #[serde(default)]
    pub locales_dir: Option<PathBuf>,
    /// Where state (database, index cache) lives.
    #[serde(default)]
    pub data_dir: Option<PathBuf>,
    #[serde(default)]
    pub search: SearchParams,
    #[serde(default)]
    pub gaps: GapsConfig,
    #[serde(default)]
    pub telegram: Option<TelegramConfig>,
    #[serde(default)]
    pub matrix: Option<MatrixConfig>,
    /// The chat on the municipality's own website.
    #[serde(default)]
    pub web: Option<WebConfig>,
    /// Advisors who answer tickets.
    #[serde(default)]
    pub advisors: Vec<AdvisorFile>,
    /// Rooms, office hours and time limits for tickets.
    #[serde(default)]
    pub escalation: EscalationFile,
    /// `/metrics`, `/healthz` and `/readyz` for operators.
    #[serde(default)]
    pub metrics: Option<MetricsConfig>,
    /// Sentence embeddings beside the lexical search.
    #[serde(default)]
    pub semantic: Option<SemanticConfig>,
}

/// `[metrics]`: where `serve` answers `/metrics`, `/healthz` and `/readyz`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsConfig {
    /// Address to listen on, e.g. "127.0.0.1:9184" (keep it off the public internet).
    pub listen: String,
    /// `/readyz` fails when a message has waited this long in the outbox (default 300).
    #[serde(default = "stalled_after")]
    pub stalled_after_secs: u64,
}

fn stalled_after() -> u64 {
    300
}

/// A secret named in a bot file (`token_env = "NAME"`): the environment variable `NAME`, or else the
/// file `$CREDENTIALS_DIRECTORY/NAME` (systemd's `LoadCredential=`), without a trailing newline.
pub fn secret(name: &str) -> Option<String> {
    if let Ok(v) = std::env::var(name) {
        return Some(v);
    }
    let dir = std::env::var_os("CREDENTIALS_DIRECTORY")?;
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return None;
    }
    let text = std::fs::read_to_string(Path::new(&dir).join(name)).ok()?;
    Some(text.trim_end_matches(['\n', '\r']).to_string())
}


/// `[semantic]`: the embedding model (README, "Semantic search").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SemanticConfig {
    /// The model folder (`model.safetensors`, `config.json`, `tokenizer.json`).
    pub model: PathBuf,
    /// Where the vectors of the knowledge base are cached (default: the data folder's `cache/`).
    /// Bots that share a knowledge base may share it: entries are keyed by model and text.
    pub cache: Option<PathBuf>,
    /// A message that no danger phrase matched still gets the emergency numbers when its three
    /// closest distress examples (`locales/<lang>/safety-examples.toml`) are on average at least this
    /// similar...
    #[serde(default = "default_distress_above")]
    pub distress_above: f32,
    /// ...and at least this much closer than its three closest ordinary texts (the knowledge base's
    /// questions outside the safety topics, and the harmless examples).
    #[serde(default = "default_distress_margin")]
    pub distress_margin: f32,
    /// The encoder's matrix products: "8-bit" (the default; 1.3 to 1.5 times as fast, vectors within a
    /// cosine of 0.998 of the exact ones) or "f16" (exact to float precision).
    #[serde(default)]
    pub products: Products,
}

/// `[semantic] products`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum Products {
    #[default]
    #[serde(rename = "8-bit")]
    EightBit,
    #[serde(rename = "f16")]
    F16,
}

impl Products {
    pub fn arithmetic(self) -> crate::semantic::Arithmetic {
        match self {
            Products::EightBit => crate::semantic::Arithmetic::Quantized,
            Products::F16 => crate::semantic::Arithmetic::Packed,
        }
    }
}

fn default_distress_above() -> f32 {
    0.86
}

fn default_distress_margin() -> f32 {
    0.01
}

/// `[telegram]`: secrets come from the environment, never from the file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelegramConfig {
    /// Name of the environment variable that holds the bot token.
    pub token_env: String,
    /// Bot API server (default: Telegram's).
    #[serde(default)]
    pub api_url: Option<String>,
    /// The advisors' group (chat id).
    #[serde(default)]
    pub advisors_chat: Option<AccountId>,
    /// Webhook mode: the public URL Telegram posts updates to, and the local address to listen on.
    #[serde(default)]
    pub webhook_url: Option<String>,
    #[serde(default)]
    pub listen: Option<String>,
    /// Environment variable holding the webhook secret (default: derived from the token).
    #[serde(default)]
    pub webhook_secret_env: Option<String>,
    /// Respect Telegram's rate limits (default true; switch off only against a local test server).
    #[serde(default = "yes")]
    pub throttle: bool,
    /// Long-polling timeout in seconds (default 25).
    #[serde(default = "poll_timeout")]
    pub poll_timeout_secs: u32,
}

fn yes() -> bool {
    true
}

fn poll_timeout() -> u32 {
    25
}

/// `[matrix]`: secrets come from the environment, never from the file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixConfig {
    pub homeserver: String,
    pub user_id: String,
    #[serde(default)]
    pub password_env: Option<String>,
    #[serde(default)]
    pub access_token_env: Option<String>,
    /// The advisors' room (room id or alias).
    #[serde(default)]
    pub advisors_room: Option<String>,
    /// Rooms besides direct chats the bot may join.
    #[serde(default)]
    pub allowed_rooms: Vec<String>,
    /// Files people send are copied into the data directory up to this size (megabytes); larger
    /// ones are passed on by reference only.
    #[serde(default = "default_max_file_mb")]
    pub max_file_mb: u64,
}

fn default_max_file_mb() -> u64 {
    20
}

/// `[web]`: the chat on the municipality's own website (a full page and a widget for any page).
/// Limits have defaults that suit one municipality; `listen` is the only required field.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebConfig {
    /// Local address to listen on, e.g. "127.0.0.1:8080" (TLS is left to a reverse proxy).
    pub listen: String,
    /// The address people reach the chat at, e.g. "https://chat.leiden.nl/" (default: `http://<listen>/`).
    #[serde(default)]
    pub public_url: Option<String>,
    /// Websites that may embed the chat and talk to it, as origins ("https://www.leiden.nl").
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// Longest message a person may send, in characters (default 2,000).
    #[serde(default = "web_max_chars")]
    pub max_message_chars: usize,
    /// Messages per minute one conversation may send, and how many at once (defaults 20 and 8).
    #[serde(default = "web_session_per_minute")]
    pub session_per_minute: u32,
    #[serde(default = "web_session_burst")]
    pub session_burst: u32,
    /// Messages per minute from one IP address, and how many at once (defaults 300 and 60): a
    /// library or a reception centre puts many people behind one address.
    #[serde(default = "web_ip_per_minute")]
    pub ip_per_minute: u32,
    #[serde(default = "web_ip_burst")]
    pub ip_burst: u32,
    /// New conversations per hour from one IP address (default 120).
    #[serde(default = "web_new_sessions")]
    pub new_sessions_per_ip_per_hour: u32,
    /// Open connections from one IP address (default 200).
    #[serde(default = "web_connections")]
    pub max_connections_per_ip: u32,
    /// Behind a reverse proxy: the header that carries the client's address (its last entry is
    /// used, the one the proxy added), e.g. "X-Forwarded-For". Without it, the peer address counts.
    #[serde(default)]
    pub client_ip_header: Option<String>,
    /// Days an answer waits for a person who does not come back (default 30); then its text is deleted.
    #[serde(default = "web_undelivered_days")]
    pub undelivered_days: u32,
}

fn web_max_chars() -> usize {
    2000
}
fn web_session_per_minute() -> u32 {
    20
}
fn web_session_burst() -> u32 {
    8
}
fn web_ip_per_minute() -> u32 {
    300
}
fn web_ip_burst() -> u32 {
    60
}
fn web_new_sessions() -> u32 {
    120
}
fn web_connections() -> u32 {
    200
}
fn web_undelivered_days() -> u32 {
    30
}

/// Recording of unanswered questions for editors.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GapsConfig {
    pub record: bool,
    pub keep_days: u32,
}

impl Default for GapsConfig {
    fn default() -> Self {
        GapsConfig { record: true, keep_days: 90 }
    }
}

/// A bot file with defaults applied and paths resolved.
#[derive(Debug, Clone)]
pub struct BotConfig {
    pub id: String,
    pub municipality: String,
    pub layers: Vec<String>,
    pub languages: Vec<Lang>,
    pub default_language: Lang,
    pub fallback: Vec<Lang>,
    pub knowledge_dir: PathBuf,
    pub locales_dir: PathBuf,
    pub data_dir: PathBuf,
    pub search: SearchParams,
    pub gaps: GapsConfig,
    pub escalation: Escalation,
    /// The embedding model's folder, when the bot file names one (it may not exist).
    pub semantic_model: Option<PathBuf>,
    /// `[semantic] cache`, resolved; `None` means `cache_dir()`.
    pub semantic_cache: Option<PathBuf>,
    /// `[semantic] products`: the encoder's arithmetic.
    pub semantic_arithmetic: crate::semantic::Arithmetic,
    pub file: BotFile,
}

impl BotConfig {
    pub fn load(path: &Path) -> Result<BotConfig> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading bot file {}", path.display()))?;
        let file: BotFile = toml::from_str(&text).map_err(|e| {
            let line = e.span().map_or(1, |s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            anyhow::anyhow!("{}:{}: {}", path.display(), line, e.message())
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        Self::from_file(file, base).map_err(|e| anyhow::anyhow!("{}: {e:#}", path.display()))
    }

    pub fn from_file(file: BotFile, base: &Path) -> Result<BotConfig> {
        let resolve = |p: &Option<PathBuf>, default: &str| normalize(&base.join(p.clone().unwrap_or_else(|| PathBuf::from(default))));
        let mut rooms = Vec::new();
        if let Some(chat) = file.telegram.as_ref().and_then(|t| t.advisors_chat.clone()) {
            rooms.push(RoomConfig { platform: "telegram".into(), chat: chat.0, language: None });
        }
        if let Some(room) = file.matrix.as_ref().and_then(|m| m.advisors_room.clone()) {
            rooms.push(RoomConfig { platform: "matrix".into(), chat: room, language: None });
        }
        let escalation = Escalation::from_file(&file.escalation, &file.advisors, &rooms)?;
        Ok(BotConfig {
            id: file.id.clone(),
            municipality: file.municipality.clone(),
            layers: file.layers.clone(),
            languages: file.languages.clone().unwrap_or_else(|| Lang::ALL.to_vec()),
            default_language: file.default_language.unwrap_or(Lang::Nl),
            fallback: file.fallback.clone().unwrap_or_else(|| vec![Lang::En, Lang::Nl]),
            knowledge_dir: resolve(&file.knowledge_dir, "../knowledge"),
            locales_dir: resolve(&file.locales_dir, "../locales"),
            data_dir: resolve(&file.data_dir, &format!("../.wegwijs/{}", file.id)),
            search: file.search.clone(),
            gaps: file.gaps.clone(),
            escalation,
            semantic_model: file.semantic.as_ref().map(|s| normalize(&base.join(&s.model))),
            semantic_cache: file.semantic.as_ref().and_then(|s| s.cache.as_ref()).map(|c| normalize(&base.join(c))),
            semantic_arithmetic: file.semantic.as_ref().map_or(Products::EightBit, |s| s.products).arithmetic(),
            file,
        })
    }

    /// Overrides the data directory (`--data-dir`).
    pub fn with_data_dir(mut self, dir: Option<PathBuf>) -> Self {
        if let Some(d) = dir {
            self.data_dir = d;
        }
        self
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.data_dir.join("cache")
    }
}

/// Removes `.` and `dir/..` from a path without touching the file system, so messages show
/// `knowledge/x` rather than `bots/../knowledge/x`.
pub fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                let last = out.components().next_back();
                if matches!(last, Some(Component::Normal(_))) {
                    out.pop();
                } else if !matches!(last, Some(Component::RootDir)) {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    if out.as_os_str().is_empty() { PathBuf::from(".") } else { out }
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use std::path::Path;

    #[test]
    fn paths_are_normalized_lexically() {
        assert_eq!(normalize(Path::new("bots/../knowledge")), Path::new("knowledge"));
        assert_eq!(normalize(Path::new("./bots/../../x")), Path::new("../x"));
        assert_eq!(normalize(Path::new("/a/b/../c")), Path::new("/a/c"));
        assert_eq!(normalize(Path::new("bots/..")), Path::new("."));
    }
}
