//! Live counters for operators: `/metrics` in the Prometheus text format, `/healthz` and `/readyz`
//! (`[metrics] listen` in a bot file).
//!
//! The engine updates the counters where things happen (a message handled, sent or failed, a tally
//! of a question's outcome or a ticket's step); the outbox backlog is read from the store at each
//! scrape. Labels are fixed, short lists: platform names, language codes, outcomes, kinds of danger,
//! ticket reasons. No message text, user id or chat id ever becomes a label.
//! Not its job: the daily aggregates (`usage`, `store`), the report (`report`).

use crate::conversation::Engine;
use crate::usage::{Event, Tally};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::collections::BTreeMap;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PlatformLabel {
    platform: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    lang: String,
    outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LangLabel {
    lang: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabel {
    kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReasonLabel {
    reason: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct FeedbackLabels {
    lang: String,
    helped: String,
}

/// What serve and the pumps tell about one platform.
#[derive(Debug, Clone, Default)]
struct PlatformState {
    connected: bool,
    /// The last time its outbox pump asked for work.
    pumped: Option<Instant>,
}

/// The counters, gauges and histograms, and what readiness needs.
pub struct Metrics {
    registry: Registry,
    messages_in: Family<PlatformLabel, Counter>,
    messages_out: Family<PlatformLabel, Counter>,
    send_errors: Family<PlatformLabel, Counter>,
    backlog: Family<PlatformLabel, Gauge>,
    backlog_age: Family<PlatformLabel, Gauge<f64, AtomicU64>>,
    connected: Family<PlatformLabel, Gauge>,
    questions: Family<OutcomeLabels, Counter>,
    chosen: Family<LangLabel, Counter>,
    feedback: Family<FeedbackLabels, Counter>,
    safeguarding: Family<KindLabel, Counter>,
    tickets_opened: Family<ReasonLabel, Counter>,
    tickets_claimed: Counter,
    tickets_closed: Counter,
    first_reply: Histogram,
    latency: Histogram,
    reloads: Counter,
    reload_failures: Counter,
    index_documents: Gauge,
    platforms: Mutex<BTreeMap<String, PlatformState>>,
    started: Instant,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("wegwijs");
        let m = Metrics {
            messages_in: Family::default(),
            messages_out: Family::default(),
            send_errors: Family::default(),
            backlog: Family::default(),
            backlog_age: Family::default(),
            connected: Family::default(),
            questions: Family::default(),
            chosen: Family::default(),
            feedback: Family::default(),
            safeguarding: Family::default(),
            tickets_opened: Family::default(),
            tickets_claimed: Counter::default(),
            tickets_closed: Counter::default(),
            // 1 minute to 3 days.
            first_reply: Histogram::new([60.0, 300.0, 900.0, 1800.0, 3600.0, 7200.0, 14_400.0, 28_800.0, 86_400.0, 259_200.0]),
            // 0.25 ms to about 4 s.
            latency: Histogram::new(exponential_buckets(0.000_25, 2.0, 15)),
            reloads: Counter::default(),
            reload_failures: Counter::default(),
            index_documents: Gauge::default(),
            platforms: Mutex::new(BTreeMap::new()),
            started: Instant::now(),
            registry: Registry::default(),
        };
        registry.register("messages_in", "Messages received, by platform", m.messages_in.clone());
        registry.register("messages_out", "Messages, edits and removals delivered, by platform", m.messages_out.clone());
        registry.register("send_errors", "Deliveries that failed and will be tried again, by platform", m.send_errors.clone());
        registry.register("outbox_backlog", "Messages waiting in the outbox, by platform", m.backlog.clone());
        registry.register("outbox_oldest_seconds", "Age of the oldest message waiting in the outbox, by platform", m.backlog_age.clone());
        registry.register("platform_connected", "Whether a configured platform is connected (1) or not (0)", m.connected.clone());
        registry.register("questions", "Questions by language and outcome (answered, choice, dont_know)", m.questions.clone());
        registry.register("choices_taken", "Topics picked from a choice, by language", m.chosen.clone());
        registry.register("feedback", "Answers marked as helpful or not, by language", m.feedback.clone());
        registry.register("safeguarding_alerts", "Emergency numbers sent, by kind of danger", m.safeguarding.clone());
        registry.register("tickets_opened", "Tickets opened, by reason (asked, misses, safeguarding)", m.tickets_opened.clone());
        registry.register("tickets_claimed", "Tickets claimed by an advisor", m.tickets_claimed.clone());
        registry.register("tickets_closed", "Tickets closed", m.tickets_closed.clone());
        registry.register("first_human_reply_seconds", "Time from a ticket's opening to an advisor's first words", m.first_reply.clone());
        registry.register("question_latency_seconds", "Time to handle a question, from receiving it to the answer stored for sending", m.latency.clone());
        registry.register("knowledge_reloads", "Knowledge and locales reloaded after an edit", m.reloads.clone());
        registry.register("knowledge_reload_failures", "Edits that failed to load (the previous knowledge stayed in use)", m.reload_failures.clone());
        registry.register("index_documents", "Documents in the search index in use", m.index_documents.clone());
        Metrics { registry, ..m }
    }

    pub fn message_in(&self, platform: &str) {
        self.messages_in.get_or_create(&platform_label(platform)).inc();
    }

    pub fn message_out(&self, platform: &str) {
        self.messages_out.get_or_create(&platform_label(platform)).inc();
    }

    pub fn send_error(&self, platform: &str) {
        self.send_errors.get_or_create(&platform_label(platform)).inc();
    }

    pub fn question_latency(&self, d: Duration) {
        self.latency.observe(d.as_secs_f64());
    }

    /// A knowledge reload finished (`ok`) or failed.
    pub fn reloaded(&self, ok: bool) {
        if ok { self.reloads.inc() } else { self.reload_failures.inc() };
    }

    /// A tally the engine stored: the live counters follow the daily aggregates.
    pub fn tallied(&self, t: &Tally) {
        let lang = t.lang.map_or_else(String::new, |l| l.code().to_string());
        let outcome = |o: &str| OutcomeLabels { lang: lang.clone(), outcome: o.to_string() };
        match t.event {
            Event::Answered => self.questions.get_or_create(&outcome("answered")).inc(),
            Event::Choice => self.questions.get_or_create(&outcome("choice")).inc(),
            Event::DontKnow => self.questions.get_or_create(&outcome("dont_know")).inc(),
            Event::Chose => self.chosen.get_or_create(&LangLabel { lang }).inc(),
            Event::Helped | Event::NotHelped => {
                let helped = if t.event == Event::Helped { "yes" } else { "no" };
                self.feedback.get_or_create(&FeedbackLabels { lang, helped: helped.into() }).inc()
            }
            Event::Safeguarding => self.safeguarding.get_or_create(&KindLabel { kind: t.bucket.to_string() }).inc(),
            Event::TicketOpened => self.tickets_opened.get_or_create(&ReasonLabel { reason: t.bucket.to_string() }).inc(),
            Event::TicketClaimed => self.tickets_claimed.inc(),
            Event::TicketClosed => self.tickets_closed.inc(),
            Event::FirstReply => {
                self.first_reply.observe(t.value as f64);
                0
            }
            Event::Rating => 0,
        };
    }

    /// `serve` will run this platform: readiness waits for it.
    pub fn expect_platform(&self, platform: &str) {
        self.platforms().entry(platform.to_string()).or_default();
        self.connected.get_or_create(&platform_label(platform)).set(0);
    }

    /// A platform connected (or lost its connection).
    pub fn set_connected(&self, platform: &str, connected: bool) {
        self.platforms().entry(platform.to_string()).or_default().connected = connected;
        self.connected.get_or_create(&platform_label(platform)).set(i64::from(connected));
    }

    /// A platform's outbox pump asked for work (it is alive).
    pub fn pumped(&self, platform: &str) {
        if let Some(p) = self.platforms().get_mut(platform) {
            p.pumped = Some(Instant::now());
        }
    }

    fn platforms(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, PlatformState>> {
        self.platforms.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The Prometheus text exposition, with the outbox read now.
    pub fn encode(&self, engine: &Engine) -> String {
        self.refresh(engine);
        let mut out = String::new();
        if let Err(e) = prometheus_client::encoding::text::encode(&mut out, &self.registry) {
            tracing::warn!("encoding metrics failed: {e}");
        }
        out
    }

    fn refresh(&self, engine: &Engine) {
        self.index_documents.set(engine.snapshot().index.num_docs() as i64);
        let now = unix_now();
        let mut seen: Vec<String> = self.platforms().keys().cloned().collect();
        match engine.store().backlog() {
            Ok(rows) => {
                for b in rows {
                    let label = platform_label(&b.platform);
                    self.backlog.get_or_create(&label).set(b.count as i64);
                    self.backlog_age.get_or_create(&label).set((now - b.oldest).max(0) as f64);
                    seen.retain(|p| p != &b.platform);
                }
                // Platforms with nothing waiting show 0 rather than their last value.
                for p in seen {
                    self.backlog.get_or_create(&platform_label(&p)).set(0);
                    self.backlog_age.get_or_create(&platform_label(&p)).set(0.0);
                }
            }
            Err(e) => tracing::warn!("reading the outbox for metrics failed: {e:#}"),
        }
    }

    /// Whether the bot can do its work: the index is loaded, every platform `serve` runs is
    /// connected and its outbox pump alive, and no message has waited longer than `stalled_after`.
    pub fn readiness(&self, engine: &Engine, stalled_after: Duration) -> Readiness {
        let mut problems = Vec::new();
        if engine.snapshot().index.num_docs() == 0 {
            problems.push("the search index is empty".to_string());
        }
        let platforms = self.platforms().clone();
        for (name, p) in &platforms {
            if !p.connected {
                problems.push(format!("{name} is not connected"));
            } else if p.pumped.is_none_or(|t| t.elapsed() > PUMP_ALIVE) {
                problems.push(format!("{name}: the outbox is not being sent"));
            }
        }
        match engine.store().backlog() {
            Ok(rows) => {
                let now = unix_now();
                for b in rows.iter().filter(|b| platforms.contains_key(&b.platform)) {
                    let age = (now - b.oldest).max(0) as u64;
                    if age > stalled_after.as_secs() {
                        problems.push(format!("{}: {} messages waiting, the oldest for {age} s", b.platform, b.count));
                    }
                }
            }
            Err(e) => problems.push(format!("the database cannot be read: {e}")),
        }
        Readiness { problems }
    }

    /// Seconds since this process started.
    pub fn uptime(&self) -> Duration {
        self.started.elapsed()
    }
}

/// A pump that has not asked for work for this long is taken to be dead.
const PUMP_ALIVE: Duration = Duration::from_secs(30);

fn platform_label(platform: &str) -> PlatformLabel {
    PlatformLabel { platform: platform.to_string() }
}

fn unix_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// The answer of `/readyz`.
#[derive(Debug, Clone)]
pub struct Readiness {
    /// Empty when ready.
    pub problems: Vec<String>,
}

impl Readiness {
    pub fn ready(&self) -> bool {
        self.problems.is_empty()
    }
}

/// `/metrics`, `/healthz` and `/readyz` for an engine.
pub fn router(engine: Arc<Engine>, stalled_after: Duration) -> axum::Router {
    use axum::http::{header, StatusCode};
    use axum::response::IntoResponse;
    use axum::routing::get;
    let metrics = {
        let engine = engine.clone();
        move || {
            let engine = engine.clone();
            async move {
                let body = tokio::task::spawn_blocking(move || engine.metrics().encode(&engine)).await.unwrap_or_default();
                ([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], body)
            }
        }
    };
    let ready = move || {
        let engine = engine.clone();
        async move {
            let r = tokio::task::spawn_blocking(move || engine.metrics().readiness(&engine, stalled_after)).await;
            match r {
                Ok(r) if r.ready() => (StatusCode::OK, "ready\n".to_string()).into_response(),
                Ok(r) => (StatusCode::SERVICE_UNAVAILABLE, format!("not ready:\n{}\n", r.problems.join("\n"))).into_response(),
                Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "not ready\n".to_string()).into_response(),
            }
        }
    };
    axum::Router::new().route("/metrics", get(metrics)).route("/healthz", get(|| async { "ok\n" })).route("/readyz", get(ready))
}

/// Serves [`router`] on `listener` until `shutdown` turns true.
pub async fn serve(engine: Arc<Engine>, listener: tokio::net::TcpListener, stalled_after: Duration, mut shutdown: tokio::sync::watch::Receiver<bool>) -> anyhow::Result<()> {
    let app = router(engine, stalled_after);
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            let _ = shutdown.wait_for(|s| *s).await;
        })
        .await?;
    Ok(())
}
