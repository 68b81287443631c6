//! The `wegwijs` command line.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{self, Engine};
use wegwijs::knowledge::{self, stats::Coverage, Date, LoadOptions, Severity, TopicList};
use wegwijs::store::SqliteStore;

#[derive(Parser)]
#[command(name = "wegwijs", version, about = "Answers newcomers' questions in their language, and hands over to human advisors")]
struct Cli {
    /// The bot file (deployment) to use.
    #[arg(long, global = true, default_value = "bots/leiden.toml")]
    bot: PathBuf,
    /// Where state lives (database, index cache); overrides `data_dir` in the bot file.
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// Log lines as text, or as JSON objects one per line (for a log collector).
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Chat with the bot in the terminal (no accounts needed).
    Chat {
        /// Interface language hint, as a platform would send it (e.g. "ar").
        #[arg(long)]
        interface_lang: Option<String>,
    },
    /// Answer one question.
    Ask {
        question: String,
        /// Print language evidence, ranked topics with scores and the rendered answer as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Build the search index into the cache directory.
    Index,
    /// Run a question set and report quality and speed.
    Eval {
        file: PathBuf,
        #[arg(long)]
        json: bool,
        /// List the questions answered wrongly.
        #[arg(long, short)]
        verbose: bool,
        /// Write how the safeguarding check saw each question, and its decision and first three topics, to this file (JSON lines).
        #[arg(long, value_name = "OUT")]
        lines: Option<PathBuf>,
    },
    /// Work on the knowledge base.
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
    /// Run the bot on the platforms configured in the bot file (after `check`; errors stop it).
    Serve,
    /// Check the bot file: every problem as file:line: problem (unknown keys, secrets not set,
    /// folders that cannot be read, advisors without an account, rooms on platforms not configured).
    Check,
    /// Write a report of how the bot is doing: one HTML page with charts, from the daily aggregates.
    Report {
        /// The HTML file to write.
        #[arg(long)]
        html: PathBuf,
        /// The period: days (30d), weeks (8w) or a first date (2026-05-01).
        #[arg(long, default_value = "30d")]
        since: String,
    },
    /// Copy the database consistently, also while the bot runs.
    Backup {
        /// The file to write.
        file: PathBuf,
    },
    /// Show which danger or "talk to a person" phrases fire on each line of a file (plain text, or
    /// JSON lines with "q"; lines with "safety" are counted as caught, missed or false alarms).
    Triggers {
        /// The file; `-` or none reads standard input.
        file: Option<PathBuf>,
        /// Print only the lines that disagree with their "safety" mark.
        #[arg(long)]
        misses: bool,
    },
    /// The embedding model for semantic search.
    Model {
        #[command(subcommand)]
        command: ModelCommand,
    },
}

#[derive(Subcommand)]
enum ModelCommand {
    /// Download multilingual-e5-small (model.safetensors, config.json, tokenizer.json).
    Fetch {
        /// Where to put it (default: the bot's [semantic] model folder, else models/multilingual-e5-small).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// The address the three files are under.
        #[arg(long, default_value = wegwijs::semantic::HUB_URL)]
        url: String,
    },
}

#[derive(Subcommand)]
enum KbCommand {
    /// Check every file under knowledge/ and print problems as file:line: problem.
    Check {
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// Also print warnings (they are always counted).
        #[arg(long, short)]
        warnings: bool,
        /// The knowledge folder (default: the bot's).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Questions the bot could not answer, grouped, suggested extra questions, and how newcomers
    /// rated their conversations with advisors (per language).
    Gaps {
        #[arg(long)]
        json: bool,
    },
    /// Record in translations which version of their source answer they match (`source = "en:<hash>"`),
    /// after a translator has brought them up to date. Refuses a translation that lacks a number or
    /// web address of its source, unless --force.
    Stamp {
        /// Translation files (<lang>.md) to stamp.
        files: Vec<PathBuf>,
        /// Stamp every translation whose source version is not recorded yet (never a stale one: those
        /// need their text updated first, then stamping by name).
        #[arg(long)]
        all: bool,
        #[arg(long)]
        force: bool,
    },
    /// Coverage matrix topic × language.
    Stats {
        /// Also write a self-contained HTML page.
        #[arg(long)]
        html: Option<PathBuf>,
    },
}

fn main() {
    let cli = Cli::parse();
    // matrix-sdk logs room and user ids at info and warn level: only its errors by default.
    let default_level = if matches!(cli.command, Command::Serve) {
        "info,matrix_sdk=error,matrix_sdk_base=error,matrix_sdk_crypto=error,matrix_sdk_common=error,matrix_sdk_sqlite=error"
    } else {
        "warn,matrix_sdk=error,matrix_sdk_base=error,matrix_sdk_crypto=error,matrix_sdk_common=error,matrix_sdk_sqlite=error"
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level));
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match cli.log_format {
        // One JSON object per line, fields flattened: what journald exporters and log collectors read.
        LogFormat::Json => logs.json().flatten_event(true).with_current_span(false).init(),
        // Colour codes only for a terminal: in a journal or a log file they are noise.
        LogFormat::Text => logs.with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr())).init(),
    }
    match run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::exit(2);
        }
    }
}

fn load_bot(cli: &Cli) -> Result<BotConfig> {
    Ok(BotConfig::load(&cli.bot)?.with_data_dir(cli.data_dir.clone()))
}

fn engine(cfg: BotConfig, progress: bool) -> Result<Engine> {
    let bar = progress_bar(progress);
    let (snapshot, _warnings) = conversation::load_snapshot(&cfg, &|n| bar.set_position(n as u64))?;
    bar.finish_and_clear();
    let store = SqliteStore::open(&cfg.data_dir.join("wegwijs.sqlite"))?;
    Ok(Engine::new(cfg, snapshot, Arc::new(store)))
}

/// A spinner that only appears when building takes more than a moment, and only on a terminal.
fn progress_bar(enabled: bool) -> indicatif::ProgressBar {
    if !enabled {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(indicatif::ProgressStyle::with_template("{spinner} indexing {pos} documents ({elapsed})").unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()));
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

fn triggers(cli: &Cli, file: Option<&Path>, only_misses: bool) -> Result<i32> {
    use wegwijs::escalation::{Trigger, Triggers};
    let cfg = load_bot(cli)?;
    let t = Triggers::load(&cfg.locales_dir)?;
    let text = match file {
        Some(p) if p != Path::new("-") => std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
        _ => std::io::read_to_string(std::io::stdin())?,
    };
    let (mut marked, mut caught, mut ordinary, mut alarms) = (0, 0, 0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let json: Option<serde_json::Value> = serde_json::from_str(line).ok();
        let q = json.as_ref().and_then(|v| v.get("q").or_else(|| v.get("text"))).and_then(|v| v.as_str()).unwrap_or(line);
        let mark = json.as_ref().and_then(|v| v.get("safety")).and_then(|v| v.as_bool());
        let hits = t.explain(q);
        let danger = hits.iter().find(|h| matches!(h.trigger, Trigger::Safeguarding(_)));
        let verdict = match (mark, danger.is_some()) {
            (Some(true), true) => "caught",
            (Some(true), false) => "MISSED",
            (Some(false), true) => "FALSE ALARM",
            _ => "",
        };
        match mark {
            Some(true) => {
                marked += 1;
                caught += usize::from(danger.is_some());
            }
            _ if json.is_some() || mark.is_some() => {
                ordinary += 1;
                alarms += usize::from(danger.is_some());
            }
            _ => {}
        }
        if only_misses && !matches!(verdict, "MISSED" | "FALSE ALARM") {
            continue;
        }
        let what = match hits.first() {
            Some(h) => match h.trigger {
                Trigger::Safeguarding(c) => format!("{c} [{}: {}]", h.lang, h.phrase),
                Trigger::Advisor => format!("advisor [{}: {}]", h.lang, h.phrase),
            },
            None => "-".to_string(),
        };
        println!("{verdict:<11} {what:<50} {q}");
    }
    if marked + ordinary > 0 {
        println!("\n{caught} of {marked} distress lines caught; {alarms} false alarms on {ordinary} other lines");
    }
    Ok(0)
}

fn run(cli: Cli) -> Result<i32> {
    match &cli.command {
        Command::Chat { interface_lang } => {
            let engine = Arc::new(engine(load_bot(&cli)?, true)?);
            let _reload = wegwijs::reload::watch(engine.clone())?;
            let stdin = std::io::stdin();
            wegwijs::transport::console::run(&engine, stdin.lock(), std::io::stdout(), interface_lang.clone())?;
            Ok(0)
        }
        Command::Ask { question, json } => {
            let engine = engine(load_bot(&cli)?, false)?;
            let asked = engine.ask(question, None);
            let chat = wegwijs::message::ChatRef::new("cli", "ask");
            let reply = engine.handle(&wegwijs::message::Incoming::text(chat, "ask", question.clone()));
            for m in &reply {
                engine.sent(m.id, None);
            }
            let rendered: Vec<String> = reply.iter().map(|m| wegwijs::transport::console::render(m, 1).0).collect();
            if *json {
                // With a model: the closest topics by meaning, beside (not part of) the decision.
                let semantic = engine.snapshot().semantic.as_ref().map(|s| s.matches(question).into_iter().take(5).collect::<Vec<_>>());
                let v = serde_json::json!({
                    "question": question,
                    "language": asked.language,
                    "ranked": asked.ranked.topics,
                    "decision": asked.ranked.decision,
                    "semantic": semantic,
                    "safeguarding": asked.safeguarding,
                    "answer": rendered.join("\n\n"),
                });
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                println!("{}", rendered.join("\n\n"));
            }
            Ok(0)
        }
        Command::Index => {
            let cfg = load_bot(&cli)?;
            let bar = progress_bar(true);
            let t0 = std::time::Instant::now();
            let (snapshot, _) = conversation::load_snapshot(&cfg, &|n| bar.set_position(n as u64))?;
            bar.finish_and_clear();
            println!(
                "index ready: {} topics, {} documents, {} ({:.1} s)",
                snapshot.kb.len(),
                snapshot.index.num_docs(),
                snapshot.index.path.as_deref().map(Path::display).map(|d| d.to_string()).unwrap_or_default(),
                t0.elapsed().as_secs_f64()
            );
            Ok(0)
        }
        Command::Eval { file, json, verbose, lines } => {
            let engine = engine(load_bot(&cli)?, false)?;
            let mut out = match lines {
                Some(p) => Some(std::io::BufWriter::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)),
                None => None,
            };
            let report = wegwijs::eval::run_with_lines(&engine, file, out.as_mut().map(|w| w as &mut dyn std::io::Write))?;
            if let Some(mut w) = out {
                std::io::Write::flush(&mut w)?;
            }
            if *json {
                println!("{}", serde_json::to_string(&report)?);
            } else {
                print!("{}", wegwijs::eval::table(&report, *verbose));
            }
            Ok(0)
        }
        Command::Kb { command } => kb(&cli, command),
        Command::Model { command: ModelCommand::Fetch { dir, url } } => {
            let dir = match dir {
                Some(d) => d.clone(),
                None => load_bot(&cli).ok().and_then(|c| c.semantic_model).unwrap_or_else(|| PathBuf::from("models/multilingual-e5-small")),
            };
            wegwijs::semantic::fetch_blocking(url, &dir, &|line| println!("{line}"))?;
            Ok(0)
        }
        Command::Triggers { file, misses } => triggers(&cli, file.as_deref(), *misses),
        Command::Check => {
            let problems = wegwijs::check::bot_file(&cli.bot, cli.data_dir.as_deref());
            for p in &problems {
                println!("{p}");
            }
            let errors = problems.iter().filter(|p| p.severity == wegwijs::check::Severity::Error).count();
            println!("{}: {errors} errors, {} warnings", cli.bot.display(), problems.len() - errors);
            Ok(if errors > 0 { 1 } else { 0 })
        }
        Command::Report { html, since } => {
            let cfg = load_bot(&cli)?;
            let store = SqliteStore::open(&cfg.data_dir.join("wegwijs.sqlite"))?;
            let now = conversation::system_clock()();
            let page = wegwijs::report::for_bot(&cfg, &store, since, now)?;
            std::fs::write(html, page).with_context(|| format!("writing {}", html.display()))?;
            println!("written: {}", html.display());
            Ok(0)
        }
        Command::Backup { file } => {
            let cfg = load_bot(&cli)?;
            let t0 = std::time::Instant::now();
            let info = SqliteStore::backup(&cfg.data_dir.join("wegwijs.sqlite"), file)?;
            println!(
                "backed up {} to {}: {} bytes, schema {}, {} tickets ({:.1} s)",
                cfg.data_dir.join("wegwijs.sqlite").display(),
                file.display(),
                info.bytes,
                info.schema,
                info.tickets,
                t0.elapsed().as_secs_f64()
            );
            Ok(0)
        }
        Command::Serve => {
            // The same check as `wegwijs check`: a bot file with errors does not start.
            let problems = wegwijs::check::bot_file(&cli.bot, cli.data_dir.as_deref());
            for p in &problems {
                if p.severity == wegwijs::check::Severity::Error {
                    tracing::error!("{p}");
                } else {
                    tracing::warn!("{p}");
                }
            }
            if wegwijs::check::has_errors(&problems) {
                anyhow::bail!("{}: the bot file has errors (see above; `wegwijs check` lists them); not starting", cli.bot.display());
            }
            let cfg = load_bot(&cli)?;
            if cfg.file.telegram.is_none() && cfg.file.matrix.is_none() && cfg.file.web.is_none() {
                anyhow::bail!(
                    "{}: no platform is configured in this bot file (add a [telegram], [matrix] or [web] section); for a local chat run `wegwijs chat`",
                    cli.bot.display()
                );
            }
            let engine = Arc::new(engine(cfg, false)?);
            let _reload = wegwijs::reload::watch(engine.clone())?;
            wegwijs::serve::run_until_signal(engine)?;
            Ok(0)
        }
    }
}

fn kb(cli: &Cli, command: &KbCommand) -> Result<i32> {
    let cfg = load_bot(cli);
    match command {
        KbCommand::Check { strict, warnings, dir } => {
            let dir = match (dir, &cfg) {
                (Some(d), _) => d.clone(),
                (None, Ok(c)) => c.knowledge_dir.clone(),
                (None, Err(_)) => PathBuf::from("knowledge"),
            };
            let list = TopicList::read(&dir.join("topics.tsv"))
                .with_context(|| format!("reading the topic list {}", dir.join("topics.tsv").display()))?;
            let opts = LoadOptions { topic_list: Some(list), ..LoadOptions::default() };
            let (kb, problems) = knowledge::load(&dir, &opts);
            let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
            let warns = problems.len() - errors;
            for p in &problems {
                if p.severity == Severity::Error || *warnings || *strict {
                    println!("{p}");
                }
            }
            println!(
                "{} topics checked: {errors} errors, {warns} warnings{}",
                kb.len(),
                if *warnings || *strict || warns == 0 { "" } else { " (show them with --warnings)" }
            );
            Ok(if errors > 0 || (*strict && warns > 0) { 1 } else { 0 })
        }
        KbCommand::Gaps { json } => {
            let cfg = cfg?;
            let store = SqliteStore::open(&cfg.data_dir.join("wegwijs.sqlite"))?;
            let report = wegwijs::gaps::report(&wegwijs::store::Store::gaps(&store)?).with_ratings(&wegwijs::store::Store::ratings(&store)?);
            if *json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{}", report.text());
            }
            Ok(0)
        }
        KbCommand::Stamp { files, all, force } => {
            let dir = cfg.as_ref().map(|c| c.knowledge_dir.clone()).unwrap_or_else(|_| PathBuf::from("knowledge"));
            let wanted: Vec<PathBuf> = files.iter().map(|f| std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())).collect();
            let (mut stamped, mut refused) = (0, 0);
            // Layer by layer: a municipal topic overrides the national one of the same id when merged.
            let mut topics = Vec::new();
            for layer in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?.flatten() {
                let name = layer.file_name().to_string_lossy().into_owned();
                if !layer.path().is_dir() || name.starts_with('.') || name == knowledge::SYNONYMS_DIR {
                    continue;
                }
                let (kb, _) = knowledge::load(&dir, &LoadOptions { layers: Some(vec![name]), ..LoadOptions::default() });
                topics.extend(kb.topics().iter().cloned());
            }
            for topic in &topics {
                for tr in topic.translations.values() {
                    let Some(src) = &tr.source else { continue };
                    let file = std::fs::canonicalize(&tr.file).unwrap_or_else(|_| tr.file.clone());
                    let Some(f) = knowledge::translation::check(topic, tr) else { continue };
                    let named = wanted.contains(&file);
                    let pick = named || (*all && matches!(f.version, knowledge::translation::Version::Unstamped { .. }));
                    if !pick || f.version == knowledge::translation::Version::Current {
                        continue;
                    }
                    if !f.facts_ok() && !force {
                        println!("{}: not stamped: {:?} {:?} missing (fix it, or --force)", tr.file.display(), f.missing_numbers, f.missing_urls);
                        refused += 1;
                        continue;
                    }
                    let Some(value) = knowledge::translation::stamp_value(topic, src.lang) else { continue };
                    let text = std::fs::read_to_string(&tr.file).with_context(|| format!("reading {}", tr.file.display()))?;
                    std::fs::write(&tr.file, knowledge::translation::with_source(&text, &value))
                        .with_context(|| format!("writing {}", tr.file.display()))?;
                    stamped += 1;
                }
            }
            println!("{stamped} translations stamped, {refused} refused");
            Ok(if refused > 0 { 1 } else { 0 })
        }
        KbCommand::Stats { html } => {
            let cfg = cfg?;
            let opts = LoadOptions { layers: Some(cfg.layers.clone()), ..LoadOptions::default() };
            let (kb, _) = knowledge::load(&cfg.knowledge_dir, &opts);
            let list = TopicList::read(&cfg.knowledge_dir.join("topics.tsv")).ok();
            let cov = Coverage::of(&kb, Date::today(), list.as_ref());
            print!("{}", cov.table());
            if let Some(path) = html {
                std::fs::write(path, cov.html(&format!("Wegwijs {}: knowledge coverage", cfg.municipality)))
                    .with_context(|| format!("writing {}", path.display()))?;
                println!("written: {}", path.display());
            }
            Ok(0)
        }
    }
}
