//! The embedding model: multilingual-e5-small (BERT) with candle, and its XLM-R tokenizer.
//!
//! A model folder holds `model.safetensors` (f16 or f32), `config.json` and `tokenizer.json`, as on
//! the Hugging Face hub. The word-embedding table (250,037 × 384, four fifths of the weights) is kept
//! in f16 whatever the file has; the encoder layers run in f32. e5 conventions: the text gets the
//! prefix "query: " or "passage: ", the vector is the mean of the last hidden states over the real
//! tokens, L2-normalised.

use super::bert::{Arithmetic, Bert, Config};
use super::tokenize::XlmrTokenizer;
use anyhow::{bail, Context, Result};
use candle_core::{DType, Device, Tensor};
use half::f16;
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The files of a model folder.
pub const MODEL_FILES: [&str; 3] = ["model.safetensors", "config.json", "tokenizer.json"];

/// Bumped when the way vectors are made changes (prefixes, pooling, truncation), so cached vectors
/// from before are not reused.
const RECIPE: &str = "e5 mean-pool l2 v1";

/// Texts embedded together in one batch: at most this many tokens (padding included) or 64 texts.
const BATCH_TOKENS: usize = 2048;

/// What a text is to e5: a question (also for question-to-question similarity) or a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Query,
    Passage,
}

impl Kind {
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Query => "query: ",
            Kind::Passage => "passage: ",
        }
    }
}

/// A loaded embedding model. Cheap to share (`Arc`); embedding takes `&self`.
pub struct Model {
    tokenizer: XlmrTokenizer,
    bert: Bert,
    identity: String,
    dir: PathBuf,
}

impl Model {
    /// Loads a model folder, with 8-bit products where the processor has the kernels' extensions.
    /// Fails with the file and the reason when a file is missing or wrong.
    pub fn load(dir: &Path) -> Result<Model> {
        Model::load_with(dir, Arithmetic::Quantized)
    }

    /// Like `load`, with the encoder's arithmetic chosen (tests compare the two).
    pub fn load_with(dir: &Path, arithmetic: Arithmetic) -> Result<Model> {
        let config_path = dir.join("config.json");
        let text = std::fs::read_to_string(&config_path).with_context(|| format!("reading {}", config_path.display()))?;
        let config: Config = serde_json::from_str(&text).with_context(|| format!("{}: not a BERT configuration", config_path.display()))?;
        config.check().with_context(|| format!("{}", config_path.display()))?;
        let tokenizer = XlmrTokenizer::from_file(&dir.join("tokenizer.json"))?;
        let weights_path = dir.join("model.safetensors");
        let tensors = read_safetensors(&weights_path, "embeddings.word_embeddings.weight")?;
        let bert = Bert::new(&config, tensors, arithmetic).with_context(|| format!("{}: weights do not fit config.json", weights_path.display()))?;
        let identity = identity(dir, bert.arithmetic())?;
        Ok(Model { tokenizer, bert, identity, dir: dir.to_path_buf() })
    }

    /// A hash of the model's files and of the way vectors are made: vectors made by models with the
    /// same identity are interchangeable.
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// The arithmetic the encoder does (8-bit or f16 kernels, or candle).
    pub fn arithmetic(&self) -> Arithmetic {
        self.bert.arithmetic()
    }

    /// Length of the vectors (384 for multilingual-e5-small).
    pub fn dim(&self) -> usize {
        self.bert.hidden()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Tokens (with `<s>` and `</s>`) the model reads for `text`, after truncation.
    pub fn token_count(&self, text: &str, kind: Kind) -> Result<usize> {
        Ok(self.token_ids(text, kind)?.len())
    }

    /// The token ids the model reads for `text` (with the prefix, `<s>` and `</s>`).
    pub fn token_ids(&self, text: &str, kind: Kind) -> Result<Vec<u32>> {
        self.tokenize(text, kind, usize::MAX)
    }

    /// The L2-normalised vector of one text.
    pub fn embed(&self, text: &str, kind: Kind) -> Result<Vec<f32>> {
        self.embed_capped(text, kind, usize::MAX)
    }

    /// Like `embed`, reading at most `max_tokens` tokens of the text (bounds the time a very long
    /// message takes).
    pub fn embed_capped(&self, text: &str, kind: Kind, max_tokens: usize) -> Result<Vec<f32>> {
        Ok(self.embed_together(&[text], kind, max_tokens)?.pop().unwrap_or_default())
    }

    /// The vectors of a few texts (each read up to `max_tokens`) in one pass through the model: the
    /// weights are read once for all of them, which is what a pass costs for short texts.
    pub fn embed_together(&self, texts: &[&str], kind: Kind, max_tokens: usize) -> Result<Vec<Vec<f32>>> {
        let capped: Vec<(&str, usize)> = texts.iter().map(|t| (*t, max_tokens)).collect();
        self.embed_each(&capped, kind)
    }

    /// Like `embed_together`, with its own number of tokens to read for each text.
    pub fn embed_each(&self, texts: &[(&str, usize)], kind: Kind) -> Result<Vec<Vec<f32>>> {
        let ids: Vec<Vec<u32>> = texts.iter().map(|(t, max)| self.tokenize(t, kind, *max)).collect::<Result<_>>()?;
        let refs: Vec<&[u32]> = ids.iter().map(|i| i.as_slice()).collect();
        self.bert.embed_texts(&refs)
    }

    /// Each token's byte range in `text`, in order (the prefix, `<s>` and `</s>` left out).
    pub fn token_offsets(&self, text: &str, kind: Kind) -> Result<Vec<(usize, usize)>> {
        let prefix = kind.prefix().len();
        let (_, offsets) = self.tokenizer.encode_with_offsets(&format!("{}{}", kind.prefix(), text), self.bert.max_positions())?;
        Ok(offsets[1..offsets.len() - 1].iter().filter(|o| o.1 > prefix).map(|&(s, e)| (s.saturating_sub(prefix), e - prefix)).collect())
    }

    /// The token ids read for `text` in a window of `window` tokens: all of them when they fit, else
    /// the start of the text, with the tokens inside `keep` (byte ranges in `text`: the question after
    /// a story) read in any case, up to three quarters of the window, in their place after the start.
    pub fn window_ids(&self, text: &str, kind: Kind, window: usize, keep: &[Range<usize>]) -> Result<Vec<u32>> {
        let window = window.clamp(3, self.bert.max_positions());
        let prefix = kind.prefix().len();
        // Most messages fit: their ids without the places of the tokens.
        let mut ids = self.tokenize(text, kind, window + 1)?;
        if ids.len() > window && keep.is_empty() {
            // The start: one piece fewer.
            ids.truncate(window - 1);
            ids.push(self.tokenizer.eos_id);
        }
        if ids.len() <= window {
            return Ok(ids);
        }
        let (ids, offsets) = self.tokenizer.encode_with_offsets(&format!("{}{}", kind.prefix(), text), self.bert.max_positions())?;
        let n = ids.len();
        let inside = |i: usize| {
            let (s, e) = offsets[i];
            e > prefix && keep.iter().any(|r| s.saturating_sub(prefix) < r.end && e - prefix > r.start)
        };
        let kept: Vec<usize> = (1..n - 1).filter(|&i| inside(i)).take((window - 2) * 3 / 4).collect();
        let start = (1..n - 1).filter(|i| kept.binary_search(i).is_err()).take(window - 2 - kept.len());
        let mut read: Vec<usize> = start.chain(kept.iter().copied()).collect();
        read.sort_unstable();
        Ok(std::iter::once(ids[0]).chain(read.iter().map(|&i| ids[i])).chain(std::iter::once(ids[n - 1])).collect())
    }

    /// A message read in a window of `window` tokens (`window_ids`) and other texts read on their own
    /// (each up to its number of tokens), in one pass: the message's vector and the others', in order.
    pub fn embed_message(&self, text: &str, kind: Kind, window: usize, keep: &[Range<usize>], alone: &[(&str, usize)]) -> Result<(Vec<f32>, Vec<Vec<f32>>)> {
        let mut ids = vec![self.window_ids(text, kind, window, keep)?];
        for (t, max) in alone {
            ids.push(self.tokenize(t, kind, *max)?);
        }
        let refs: Vec<&[u32]> = ids.iter().map(|i| i.as_slice()).collect();
        let mut vectors = self.bert.embed_texts(&refs)?.into_iter();
        let whole = vectors.next().unwrap_or_default();
        Ok((whole, vectors.collect()))
    }

    /// Vectors of many texts, in order. Texts of similar length are run together, a batch at a time.
    pub fn embed_batch(&self, texts: &[&str], kind: Kind, progress: &dyn Fn(usize)) -> Result<Vec<Vec<f32>>> {
        let tokenized: Vec<Vec<u32>> = texts.iter().map(|t| self.tokenize(t, kind, usize::MAX)).collect::<Result<_>>()?;
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| tokenized[i].len());
        let mut out = vec![Vec::new(); texts.len()];
        let mut start = 0;
        while start < order.len() {
            // Sorted by length: the last text of a batch is its longest.
            let mut end = start + 1;
            while end < order.len() && (end - start + 1) * tokenized[order[end]].len() <= BATCH_TOKENS && end - start < 64 {
                end += 1;
            }
            let batch: Vec<&[u32]> = order[start..end].iter().map(|&i| tokenized[i].as_slice()).collect();
            for (k, v) in self.bert.embed_texts(&batch)?.into_iter().enumerate() {
                out[order[start + k]] = v;
            }
            progress(end);
            start = end;
        }
        Ok(out)
    }

    fn tokenize(&self, text: &str, kind: Kind, max_tokens: usize) -> Result<Vec<u32>> {
        let max = max_tokens.clamp(3, self.bert.max_positions());
        self.tokenizer.encode(&format!("{}{}", kind.prefix(), text), max)
    }
}

/// blake3 of the three files (each with its name and length) and of the recipe.
fn identity(dir: &Path, arithmetic: Arithmetic) -> Result<String> {
    let mut h = blake3::Hasher::new();
    h.update(RECIPE.as_bytes());
    // 8-bit products give slightly other vectors; f16 and candle's f32 agree to float precision.
    if arithmetic == Arithmetic::Quantized {
        h.update(b"8-bit products");
    }
    for name in MODEL_FILES {
        let path = dir.join(name);
        let file = File::open(&path).with_context(|| format!("opening {}", path.display()))?;
        h.update(name.as_bytes());
        h.update(&file.metadata()?.len().to_le_bytes());
        h.update_reader(file).with_context(|| format!("reading {}", path.display()))?;
    }
    Ok(h.finalize().to_hex().to_string())
}

#[derive(serde::Deserialize)]
struct TensorInfo {
    dtype: String,
    shape: Vec<usize>,
    data_offsets: [u64; 2],
}

/// Reads a safetensors file tensor by tensor (no memory map, so nothing is held twice). The tensor
/// named `compact` is stored as f16 whatever the file has. Names lose a leading "bert.".
fn read_safetensors(path: &Path, compact: &str) -> Result<HashMap<String, Tensor>> {
    let mut file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let file_len = file.metadata()?.len();
    let mut len = [0u8; 8];
    file.read_exact(&mut len).with_context(|| format!("reading {}", path.display()))?;
    let header_len = u64::from_le_bytes(len);
    if header_len > 100_000_000 || 8 + header_len > file_len {
        bail!("{}: not a safetensors file", path.display());
    }
    let mut header = vec![0u8; header_len as usize];
    file.read_exact(&mut header)?;
    let mut infos: BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(&header).with_context(|| format!("{}: unreadable safetensors header", path.display()))?;
    infos.remove("__metadata__");
    let data_start = 8 + header_len;
    let mut out = HashMap::new();
    for (name, info) in infos {
        let info: TensorInfo = serde_json::from_value(info).with_context(|| format!("{}: tensor {name}", path.display()))?;
        let [from, to] = info.data_offsets;
        let count: usize = info.shape.iter().product();
        let dtype = match info.dtype.as_str() {
            "F16" => DType::F16,
            "BF16" => DType::BF16,
            "F32" => DType::F32,
            other => bail!("{}: tensor {name} has type {other} (F16, BF16 or F32 expected)", path.display()),
        };
        if to < from || data_start + to > file_len || (to - from) as usize != count * dtype.size_in_bytes() {
            bail!("{}: tensor {name} lies outside the file or has the wrong size", path.display());
        }
        file.seek(SeekFrom::Start(data_start + from))?;
        let key = name.strip_prefix("bert.").unwrap_or(&name).to_string();
        let read = |file: &mut File| -> Result<Tensor> {
            if key == compact {
                return read_as_f16(file, dtype, count, &info.shape);
            }
            let mut bytes = vec![0u8; (to - from) as usize];
            file.read_exact(&mut bytes)?;
            Ok(Tensor::from_raw_buffer(&bytes, dtype, &info.shape, &Device::Cpu)?)
        };
        let tensor = read(&mut file).with_context(|| format!("{}: reading tensor {name}", path.display()))?;
        out.insert(key, tensor);
    }
    Ok(out)
}

/// Reads `count` values straight into an f16 buffer, converting chunk by chunk when the file has
/// another type: the large table is never in memory twice.
fn read_as_f16(file: &mut File, dtype: DType, count: usize, shape: &[usize]) -> Result<Tensor> {
    if cfg!(target_endian = "big") {
        bail!("big-endian machines are not supported");
    }
    let mut values = vec![f16::ZERO; count];
    match dtype {
        DType::F16 => file.read_exact(bytemuck::cast_slice_mut(&mut values))?,
        DType::F32 | DType::BF16 => {
            const CHUNK: usize = 1 << 16;
            let width = dtype.size_in_bytes();
            let mut buf = vec![0u8; CHUNK * width];
            let mut wide = vec![0f32; CHUNK];
            for out in values.chunks_mut(CHUNK) {
                let bytes = &mut buf[..out.len() * width];
                file.read_exact(bytes)?;
                let wide = &mut wide[..out.len()];
                if dtype == DType::F32 {
                    for (w, b) in wide.iter_mut().zip(bytes.chunks_exact(4)) {
                        *w = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                    }
                } else {
                    for (w, b) in wide.iter_mut().zip(bytes.chunks_exact(2)) {
                        *w = half::bf16::from_le_bytes([b[0], b[1]]).to_f32();
                    }
                }
                half::slice::HalfFloatSliceExt::convert_from_f32_slice(out, wide);
            }
        }
        _ => bail!("unsupported type {dtype:?}"),
    }
    Ok(Tensor::from_vec(values, shape, &Device::Cpu)?)
}
