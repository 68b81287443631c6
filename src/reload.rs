//! Hot reload: watch `knowledge/` and `locales/`, rebuild, and swap the engine's snapshot atomically.
//! An edit that fails validation keeps the previous snapshot and logs each problem as file:line.

use crate::conversation::{load_snapshot, Engine};
use notify::{RecursiveMode, Watcher};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

/// Keeps the watcher alive; dropping it stops watching.
pub struct ReloadHandle {
    _watcher: notify::RecommendedWatcher,
}

/// How long to wait for more changes before rebuilding (editors save in several steps).
const SETTLE: Duration = Duration::from_millis(150);

/// Starts watching the engine's knowledge and locale folders in a background thread.
pub fn watch(engine: Arc<Engine>) -> anyhow::Result<ReloadHandle> {
    let (tx, rx) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res {
            if !matches!(ev.kind, notify::EventKind::Access(_)) {
                let _ = tx.send(());
            }
        }
    })?;
    let cfg = engine.config().clone();
    watcher.watch(&cfg.knowledge_dir, RecursiveMode::Recursive)?;
    watcher.watch(&cfg.locales_dir, RecursiveMode::Recursive)?;
    std::thread::Builder::new().name("wegwijs-reload".into()).spawn(move || {
        while rx.recv().is_ok() {
            // Swallow the burst of events one save makes.
            while rx.recv_timeout(SETTLE).is_ok() {}
            match load_snapshot(&cfg, &|_| {}) {
                Ok((snap, _warnings)) => {
                    let topics = snap.kb.len();
                    engine.swap(snap);
                    engine.metrics().reloaded(true);
                    tracing::info!(topics, "knowledge reloaded");
                }
                Err(e) => {
                    engine.metrics().reloaded(false);
                    tracing::error!("knowledge not reloaded, the previous version stays in use: {e:#}");
                }
            }
        }
    })?;
    Ok(ReloadHandle { _watcher: watcher })
}
