//! `wegwijs serve`: runs every configured platform of a bot in one process, around one engine, with
//! hot reload and the ticket clock (waiting notices, reminders, retention).

use crate::conversation::Engine;
use crate::transport::matrix::Matrix;
use crate::transport::telegram::{self, Telegram};
use crate::transport::web::Web;
use anyhow::{anyhow, bail, Context, Result};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

/// Timings; the defaults suit production, tests shorten them.
#[derive(Debug, Clone)]
pub struct Timing {
    /// How often the outbox is checked for messages from elsewhere (other platforms, reminders).
    pub pump_every: Duration,
    /// How often waiting tickets, reminders and retention are looked at.
    pub tick_every: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing { pump_every: Duration::from_millis(500), tick_every: Duration::from_secs(20) }
    }
}

/// Runs until `shutdown` becomes true. Errors at start-up (a missing token, an unreachable address
/// to listen on) are returned; errors while running are logged and retried.
pub async fn serve(engine: Arc<Engine>, timing: Timing, shutdown: watch::Receiver<bool>) -> Result<()> {
    let cfg = engine.config().clone();
    if cfg.file.telegram.is_none() && cfg.file.matrix.is_none() && cfg.file.web.is_none() {
        bail!("no platform is configured in this bot file (add a [telegram], [matrix] or [web] section); for a local chat run `wegwijs chat`");
    }
    let mut tasks = tokio::task::JoinSet::new();

    // Metrics first, so that /readyz says what is still missing while platforms connect.
    let metrics = engine.metrics().clone();
    if cfg.file.telegram.is_some() {
        metrics.expect_platform(telegram::PLATFORM);
    }
    if cfg.file.matrix.is_some() {
        metrics.expect_platform(crate::transport::matrix::PLATFORM);
    }
    if let Some(m) = &cfg.file.metrics {
        let listener = tokio::net::TcpListener::bind(&m.listen).await.with_context(|| format!("[metrics] listen: cannot listen on {}", m.listen))?;
        tracing::info!(address = %listener.local_addr()?, "metrics listening");
        let stalled = Duration::from_secs(m.stalled_after_secs);
        tasks.spawn(crate::metrics::serve(engine.clone(), listener, stalled, shutdown.clone()));
    }

    // The clock for tickets.
    {
        let engine = engine.clone();
        let mut stop = shutdown.clone();
        tasks.spawn(async move {
            loop {
                let e = engine.clone();
                let _ = tokio::task::spawn_blocking(move || e.tick()).await;
                tokio::select! {
                    _ = tokio::time::sleep(timing.tick_every) => {}
                    _ = stop.changed() => return Ok(()),
                }
            }
        });
    }

    if let Some(tg) = &cfg.file.telegram {
        let token = crate::bot::secret(&tg.token_env).ok_or_else(|| anyhow!("[telegram] token_env: environment variable {} is not set", tg.token_env))?;
        let t = Arc::new(Telegram::connect(engine.clone(), tg, &token).await?);
        metrics.set_connected(telegram::PLATFORM, true);
        tracing::info!("Telegram connected");
        {
            let t = t.clone();
            let stop = shutdown.clone();
            let every = timing.pump_every;
            tasks.spawn(async move {
                t.pump(every, stop).await;
                Ok(())
            });
        }
        let stop = shutdown.clone();
        match &tg.webhook_url {
            Some(url) => {
                let listen = tg.listen.clone().unwrap_or_else(|| "0.0.0.0:8443".into());
                let secret = telegram::webhook_secret(tg, &token)?;
                let url = url.clone();
                tasks.spawn(async move { t.webhook(&url, &listen, secret, stop).await });
            }
            None => {
                tasks.spawn(t.poll(stop));
            }
        }
    }

    if let Some(mx) = &cfg.file.matrix {
        let m = Arc::new(Matrix::connect(engine.clone(), mx, &cfg.data_dir).await?);
        metrics.set_connected(crate::transport::matrix::PLATFORM, true);
        tracing::info!("Matrix connected");
        {
            let m = m.clone();
            let stop = shutdown.clone();
            let every = timing.pump_every;
            tasks.spawn(async move {
                m.pump(every, stop).await;
                Ok(())
            });
        }
        tasks.spawn(m.run(shutdown.clone()));
    }

    if let Some(web) = &cfg.file.web {
        let w = Web::new(engine.clone(), web)?;
        // Bind now, so a taken port is an error at start-up.
        let listener = tokio::net::TcpListener::bind(&w.settings().listen).await.map_err(|e| anyhow!("[web] listen {:?}: {e}", w.settings().listen))?;
        tracing::info!("web chat at {} (listening on {})", w.settings().own_origin, w.settings().listen);
        metrics.set_connected(crate::transport::web::PLATFORM, true);
        {
            let w = w.clone();
            let stop = shutdown.clone();
            let every = timing.pump_every;
            tasks.spawn(async move {
                w.pump(every, stop).await;
                Ok(())
            });
        }
        let mut stop = shutdown.clone();
        tasks.spawn(w.serve_on(listener, async move {
            let _ = stop.changed().await;
        }));
    }

    let mut first_error = None;
    while let Some(r) = tasks.join_next().await {
        match r {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                tracing::error!("a transport stopped: {e:#}");
                first_error.get_or_insert(e);
            }
            Err(e) => tracing::error!("a transport task failed: {e}"),
        }
        if first_error.is_some() {
            tasks.abort_all();
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// `serve` on a new multi-threaded runtime until Ctrl-C or SIGTERM. A plain function on purpose: the
/// transports' async code is then compiled once, here in the library, and not a second time in the
/// binary that would otherwise poll it (which cost the release build minutes).
pub fn run_until_signal(engine: Arc<Engine>) -> Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async {
        let stop = on_signal();
        serve(engine, Timing::default(), stop).await
    })
}

/// A shutdown signal that turns true on Ctrl-C or SIGTERM.
pub fn on_signal() -> watch::Receiver<bool> {
    let (tx, rx) = watch::channel(false);
    tokio::spawn(async move {
        #[cfg(unix)]
        {
            let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = async { match term.as_mut() { Some(t) => { t.recv().await; } None => std::future::pending::<()>().await } } => {}
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("stopping");
        let _ = tx.send(true);
    });
    rx
}
