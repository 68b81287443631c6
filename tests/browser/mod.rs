//! Headless Chromium from Debian's packages (`chromium`, `chromium-driver`; scripts/test installs
//! them), driven over WebDriver with fantoccini. Nothing downloads a browser of its own. Without a
//! browser the tests are skipped, except under `CI=true`, where they fail.
#![allow(dead_code)]

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

fn find(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var) {
        return Some(PathBuf::from(p));
    }
    names.iter().map(PathBuf::from).find(|p| p.exists())
}

fn unavailable(why: String) -> Option<Browser> {
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("the browser could not start (CI=true, so this fails instead of skipping): {why}");
    }
    eprintln!("SKIPPED: no browser here ({why}); scripts/test installs chromium and chromium-driver");
    None
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Browser {
    /// A fresh browser (its own profile) whose `Accept-Language` is `accept_language`, with a
    /// window of `width` × `height` CSS pixels.
    pub async fn start(accept_language: &str, width: u32, height: u32) -> Option<Browser> {
        let Some(chromium) = find("WEGWIJS_CHROMIUM", &["/usr/bin/chromium", "/usr/bin/chromium-browser"]) else {
            return unavailable("chromium is not installed".into());
        };
        let Some(chromedriver) = find("WEGWIJS_CHROMEDRIVER", &["/usr/bin/chromedriver"]) else {
            return unavailable("chromedriver is not installed".into());
        };
        let port = free_port();
        // Its own process group, so that the browsers it starts go when it goes.
        let driver = match Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
        {
            Ok(c) => c,
            Err(e) => return unavailable(format!("starting {}: {e}", chromedriver.display())),
        };
        let profile = tempfile::Builder::new().prefix("wegwijs-chromium").tempdir().unwrap();
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--disable-extensions",
                    "--hide-scrollbars",
                    "--force-device-scale-factor=1",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "prefs": { "intl": { "accept_languages": accept_language } },
            }
        });
        let caps: serde_json::Map<String, Value> = caps.as_object().unwrap().clone();
        let url = format!("http://127.0.0.1:{port}");
        let mut last = String::new();
        let mut driver = driver;
        for _ in 0..100 {
            match ClientBuilder::new(HttpConnector::new()).capabilities(caps.clone()).connect(&url).await {
                Ok(client) => {
                    let b = Browser { client, driver, _profile: profile };
                    b.resize(width, height).await;
                    return Some(b);
                }
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        kill_group(&mut driver);
        unavailable(format!("no WebDriver session: {last}"))
    }

    /// Sets the viewport (not the window) to `width` × `height`.
    pub async fn resize(&self, width: u32, height: u32) {
        let _ = self.client.set_window_size(width, height).await;
        // Headless windows have no frame, but make sure: correct by the difference.
        let inner: Vec<u32> = serde_json::from_value(self.js("return [window.innerWidth, window.innerHeight]", vec![]).await).unwrap_or_default();
        if inner.len() == 2 && (inner[0] != width || inner[1] != height) {
            let _ = self.client.set_window_size(2 * width - inner[0], 2 * height - inner[1]).await;
        }
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("page loads");
    }

    /// Runs a script in the page and returns its value.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or(Value::Null)
    }

    /// Waits up to `secs` for a script to return something truthy; returns it.
    pub async fn wait_js(&self, secs: u64, what: &str, script: &str) -> Value {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        loop {
            let v = self.js(script, vec![]).await;
            let truthy = match &v {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                Value::Array(a) => !a.is_empty(),
                Value::Object(_) => true,
            };
            if truthy {
                return v;
            }
            if tokio::time::Instant::now() > deadline {
                let texts = self.js("return Array.from(document.querySelectorAll('#log li')).map(l => l.textContent.slice(0, 160))", vec![]).await;
                let status = self.js("return document.getElementById('status') && document.getElementById('status').textContent", vec![]).await;
                panic!("timed out waiting for {what}; messages: {texts:#}; status: {status}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn click(&self, css: &str) {
        self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}")).click().await.unwrap_or_else(|e| panic!("clicking {css}: {e}"));
    }

    /// Types into the question box and presses Enter, as a person does.
    pub async fn type_and_send(&self, text: &str) {
        let input = self.client.find(Locator::Id("question")).await.expect("question box");
        input.click().await.expect("focus");
        input.send_keys(text).await.expect("typing");
        input.send_keys("\u{E007}").await.expect("Enter");
    }

    /// Puts any string (also ones no keyboard can type) into the box and presses Send.
    pub async fn paste_and_send(&self, text: &str) {
        self.js("const q = document.getElementById('question'); q.value = arguments[0]; document.getElementById('send').click();", vec![json!(text)]).await;
    }

    /// Number of messages from the bot on the page.
    pub async fn bot_count(&self) -> usize {
        self.js("return document.querySelectorAll('#log li.bot').length", vec![]).await.as_u64().unwrap_or(0) as usize
    }

    /// Waits until there are more than `n` bot messages and the newest one contains `needle`;
    /// returns the newest one's text.
    pub async fn wait_bot_after(&self, n: usize, needle: &str, secs: u64) -> String {
        let script = format!(
            "const l = document.querySelectorAll('#log li.bot'); if (l.length <= {n}) return null; \
             const t = Array.from(l).slice({n}).map(x => x.textContent).join('\\n'); return t.includes({needle:?}) ? t : null;",
            needle = needle
        );
        self.wait_js(secs, &format!("a message containing {needle:?}"), &script).await.as_str().unwrap_or("").to_string()
    }

    /// Writes a PNG of the viewport.
    pub async fn screenshot(&self, path: &std::path::Path) {
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, png).unwrap();
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        kill_group(&mut self.driver);
    }
}

fn kill_group(child: &mut Child) {
    // The driver's process group: the driver and the browsers it started, nothing else.
    // `--` before the negative id: procps' kill reads `-TERM -<pgid>` as a signal number and
    // signals other processes.
    let _ = Command::new("kill").args(["-s", "TERM", "--", &format!("-{}", child.id())]).status();
    let _ = child.wait();
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Ok(None) = self.driver.try_wait() {
            kill_group(&mut self.driver);
        }
    }
}
