//! Vectors kept on disk between runs, keyed by a hash of (model identity, kind, text): a restart
//! or a reload embeds only texts it has not seen with this model.
//!
//! File layout (little-endian): magic `WWSEMVEC`, version u32, dimension u32, count u64, then all
//! keys (16 bytes each), then all vectors (dimension × f32 each, in the same order).

use super::model::Kind;
use anyhow::{bail, Context, Result};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"WWSEMVEC";
const VERSION: u32 = 1;

pub type Key = [u8; 16];

/// The cache key of one text.
pub fn key(model_identity: &str, kind: Kind, text: &str) -> Key {
    let mut h = blake3::Hasher::new();
    h.update(model_identity.as_bytes());
    h.update(&[0]);
    h.update(kind.prefix().as_bytes());
    h.update(text.as_bytes());
    let mut k = [0u8; 16];
    k.copy_from_slice(&h.finalize().as_bytes()[..16]);
    k
}

/// Vectors by key, as read from or written to one cache file.
pub struct VectorCache {
    path: PathBuf,
    dim: usize,
    rows: HashMap<Key, usize>,
    vectors: Vec<f32>,
}

impl VectorCache {
    pub fn empty(dim: usize) -> VectorCache {
        VectorCache { path: PathBuf::new(), dim, rows: HashMap::new(), vectors: Vec::new() }
    }

    /// Reads the cache file; a missing file is an empty cache, and so is an unreadable one (with a
    /// warning: it is only a cache).
    pub fn open(path: &Path, dim: usize) -> VectorCache {
        let mut cache = VectorCache { path: path.to_path_buf(), ..VectorCache::empty(dim) };
        if path.exists() {
            if let Err(e) = cache.read() {
                tracing::warn!("vector cache {} unusable, starting afresh: {e:#}", path.display());
                cache.rows.clear();
                cache.vectors.clear();
            }
        }
        cache
    }

    fn read(&mut self) -> Result<()> {
        let mut file = std::io::BufReader::new(std::fs::File::open(&self.path)?);
        let mut magic = [0u8; 8];
        file.read_exact(&mut magic)?;
        let mut word = [0u8; 4];
        file.read_exact(&mut word)?;
        let version = u32::from_le_bytes(word);
        file.read_exact(&mut word)?;
        let dim = u32::from_le_bytes(word) as usize;
        if &magic != MAGIC || version != VERSION {
            bail!("not a version {VERSION} vector cache");
        }
        if dim != self.dim {
            // Another model: nothing in it can be used.
            return Ok(());
        }
        let mut count = [0u8; 8];
        file.read_exact(&mut count)?;
        let count = usize::try_from(u64::from_le_bytes(count))?;
        let expected = 24 + count.checked_mul(16 + 4 * dim).context("cache too large")?;
        if std::fs::metadata(&self.path)?.len() != expected as u64 {
            bail!("truncated or oversized");
        }
        let mut keys = vec![0u8; count * 16];
        file.read_exact(&mut keys)?;
        let mut vectors = vec![0f32; count * dim];
        file.read_exact(bytemuck::cast_slice_mut(&mut vectors))?;
        if cfg!(target_endian = "big") {
            bail!("big-endian machines are not supported");
        }
        for (i, k) in keys.chunks_exact(16).enumerate() {
            let mut key = [0u8; 16];
            key.copy_from_slice(k);
            self.rows.insert(key, i);
        }
        self.vectors = vectors;
        Ok(())
    }

    pub fn get(&self, key: &Key) -> Option<&[f32]> {
        self.rows.get(key).map(|&i| &self.vectors[i * self.dim..(i + 1) * self.dim])
    }

    /// Every entry, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = (Key, &[f32])> {
        self.rows.iter().map(|(k, &i)| (*k, &self.vectors[i * self.dim..(i + 1) * self.dim]))
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Writes exactly `entries` (through a temporary file, renamed when complete).
    pub fn write(path: &Path, dim: usize, entries: &[(Key, &[f32])]) -> Result<()> {
        let parent = path.parent().context("cache path has no folder")?;
        std::fs::create_dir_all(parent).with_context(|| format!("creating cache directory {}", parent.display()))?;
        let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
        let write = || -> Result<()> {
            let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
            f.write_all(MAGIC)?;
            f.write_all(&VERSION.to_le_bytes())?;
            f.write_all(&(dim as u32).to_le_bytes())?;
            f.write_all(&(entries.len() as u64).to_le_bytes())?;
            for (k, _) in entries {
                f.write_all(k)?;
            }
            for (_, v) in entries {
                // Little-endian machines only (checked on reading): the bytes are the file's.
                f.write_all(bytemuck::cast_slice(v))?;
            }
            f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            Ok(())
        };
        write().with_context(|| format!("writing vector cache {}", tmp.display()))?;
        std::fs::rename(&tmp, path).with_context(|| format!("moving vector cache into {}", path.display()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_round_trips_and_ignores_another_dimension() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.bin");
        let a = key("m1", Kind::Query, "hallo");
        let b = key("m1", Kind::Query, "hello");
        assert_ne!(a, b);
        assert_ne!(a, key("m2", Kind::Query, "hallo"), "the model is part of the key");
        assert_ne!(a, key("m1", Kind::Passage, "hallo"), "the kind is part of the key");
        VectorCache::write(&path, 3, &[(a, &[1.0, 2.0, 3.0]), (b, &[-1.0, 0.5, 0.0])]).unwrap();
        let c = VectorCache::open(&path, 3);
        assert_eq!(c.len(), 2);
        assert_eq!(c.get(&b), Some(&[-1.0f32, 0.5, 0.0][..]));
        assert_eq!(c.get(&key("m1", Kind::Query, "other")), None);
        assert_eq!(VectorCache::open(&path, 4).len(), 0);
        std::fs::write(&path, b"WWSEMVEC garbage").unwrap();
        assert_eq!(VectorCache::open(&path, 3).len(), 0);
    }
}
