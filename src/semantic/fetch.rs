//! `wegwijs model fetch`: downloads the model folder for deployments with internet.

use super::model::{Model, MODEL_FILES};
use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::Path;

/// Where intfloat/multilingual-e5-small's files are on the Hugging Face hub.
pub const HUB_URL: &str = "https://huggingface.co/intfloat/multilingual-e5-small/resolve/main";

/// `fetch` on a runtime of its own, for the command line (compiled here, in the library: see
/// `serve::run_until_signal`).
pub fn fetch_blocking(base_url: &str, dir: &Path, report: &dyn Fn(&str)) -> Result<()> {
    tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(fetch(base_url, dir, report))
}

/// Downloads `model.safetensors`, `config.json` and `tokenizer.json` from `base_url` into `dir`,
/// then loads the model to check the folder works. Each file is written under a temporary name and
/// renamed when complete; the folder's files are replaced only after all three arrived.
/// `report` gets one line per file.
pub async fn fetch(base_url: &str, dir: &Path, report: &dyn Fn(&str)) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating model folder {}", dir.display()))?;
    let client = reqwest::Client::builder()
        .user_agent(concat!("wegwijs/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(std::time::Duration::from_secs(30))
        .build()?;
    let base = base_url.trim_end_matches('/');
    let parts: Vec<_> = MODEL_FILES.iter().map(|name| (dir.join(format!(".{name}.part")), dir.join(name))).collect();
    let result = async {
        for (name, (part, _)) in MODEL_FILES.iter().zip(&parts) {
            let url = format!("{base}/{name}");
            let bytes = download(&client, &url, part).await.with_context(|| format!("downloading {url}"))?;
            report(&format!("{name}: {:.1} MB", bytes as f64 / 1e6));
        }
        Ok::<(), anyhow::Error>(())
    }
    .await;
    if let Err(e) = result {
        for (part, _) in &parts {
            let _ = std::fs::remove_file(part);
        }
        return Err(e);
    }
    for (part, fin) in &parts {
        std::fs::rename(part, fin).with_context(|| format!("moving {} to {}", part.display(), fin.display()))?;
    }
    let model = Model::load(dir).with_context(|| format!("checking the downloaded model in {}", dir.display()))?;
    report(&format!("model ready in {} ({} dimensions)", dir.display(), model.dim()));
    Ok(())
}

/// Streams one URL into `path`; returns the number of bytes.
async fn download(client: &reqwest::Client, url: &str, path: &Path) -> Result<u64> {
    let mut resp = client.get(url).send().await?;
    let status = resp.status();
    if !status.is_success() {
        bail!("HTTP {status}");
    }
    let expected = resp.content_length();
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?);
    let mut n = 0u64;
    while let Some(chunk) = resp.chunk().await? {
        file.write_all(&chunk).with_context(|| format!("writing {}", path.display()))?;
        n += chunk.len() as u64;
    }
    file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    if let Some(len) = expected {
        if len != n {
            bail!("the connection ended after {n} of {len} bytes");
        }
    }
    Ok(n)
}
