//! The embedding model: multilingual-e5-small (BERT) with candle, and its XLM-R tokenizer.
//!
//! A model folder holds `model.safetensors` (f16 or f32), `config.json` and `tokenizer.json`, as on
//! the Hugging Face hub. The word-embedding table (250,037 × 384, four fifths of the weights) is kept
//! in f16 whatever the file has; the encoder layers run in f32. e5 conventions: the text gets the
//! prefix "query: " or "passage: ", the vector is the mean of the last hidden states over the real
//! tokens, L2-normalised.

use anyhow::{bail, Context, Result};
use candle_core::{DType, Device, Module, Tensor};
use candle_nn::{LayerNorm, VarBuilder};
use candle_transformers::models::bert::{BertEncoder, Config};
use half::f16;
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use tokenizers::{Tokenizer, TruncationParams};

/// The files of a model folder.
pub const MODEL_FILES: [&str; 3] = ["model.safetensors", "config.json", "tokenizer.json"];

/// Bumped when the way vectors are made changes (prefixes, pooling, truncation), so cached vectors
/// from before are not reused.
const RECIPE: &str = "e5 mean-pool l2 v1";

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
    tokenizer: Tokenizer,
    /// Word embeddings, f16, [vocabulary, hidden].
    words: Tensor,
    /// Position embeddings, f32, [positions, hidden].
    positions: Tensor,
    /// Token type 0 (e5 has only one kind of segment), f32, [hidden].
    token_type: Tensor,
    embed_norm: LayerNorm,
    encoder: BertEncoder,
    pad_id: u32,
    dim: usize,
    max_tokens: usize,
    identity: String,
    dir: PathBuf,
}

impl Model {
    /// Loads a model folder. Fails with the file and the reason when a file is missing or wrong.
    pub fn load(dir: &Path) -> Result<Model> {
        let config_path = dir.join("config.json");
        let text = std::fs::read_to_string(&config_path).with_context(|| format!("reading {}", config_path.display()))?;
        let config: Config = serde_json::from_str(&text).with_context(|| format!("{}: not a BERT configuration", config_path.display()))?;
        let h = config.hidden_size;
        if h == 0 || config.num_attention_heads == 0 || h % config.num_attention_heads != 0 {
            bail!("{}: hidden_size {h} does not split into {} heads", config_path.display(), config.num_attention_heads);
        }

        let tok_path = dir.join("tokenizer.json");
        let mut tokenizer = Tokenizer::from_file(&tok_path).map_err(|e| anyhow::anyhow!("{}: {e}", tok_path.display()))?;
        let max_tokens = config.max_position_embeddings;
        tokenizer
            .with_truncation(Some(TruncationParams { max_length: max_tokens, ..TruncationParams::default() }))
            .map_err(|e| anyhow::anyhow!("{}: {e}", tok_path.display()))?;
        tokenizer.with_padding(None);
        let pad_id = tokenizer.token_to_id("<pad>").unwrap_or(config.pad_token_id as u32);

        let weights_path = dir.join("model.safetensors");
        let mut tensors = read_safetensors(&weights_path, "embeddings.word_embeddings.weight")?;
        let device = Device::Cpu;
        let words = tensors
            .remove("embeddings.word_embeddings.weight")
            .with_context(|| format!("{}: no embeddings.word_embeddings.weight", weights_path.display()))?;
        if words.dims() != [config.vocab_size, h] {
            bail!("{}: word embeddings are {:?}, config.json says [{}, {h}]", weights_path.display(), words.dims(), config.vocab_size);
        }
        let vb = VarBuilder::from_tensors(tensors, DType::F32, &device);
        let load = || -> candle_core::Result<(Tensor, Tensor, LayerNorm, BertEncoder)> {
            let emb = vb.pp("embeddings");
            let positions = emb.get((config.max_position_embeddings, h), "position_embeddings.weight")?;
            let token_type = emb.get((config.type_vocab_size, h), "token_type_embeddings.weight")?.get(0)?;
            let embed_norm = candle_nn::layer_norm(h, config.layer_norm_eps, emb.pp("LayerNorm"))?;
            let encoder = BertEncoder::load(vb.pp("encoder"), &config)?;
            Ok((positions, token_type, embed_norm, encoder))
        };
        let (positions, token_type, embed_norm, encoder) = load().with_context(|| format!("{}: weights do not fit config.json", weights_path.display()))?;

        Ok(Model {
            tokenizer,
            words,
            positions,
            token_type,
            embed_norm,
            encoder,
            pad_id,
            dim: h,
            max_tokens,
            identity: identity(dir)?,
            dir: dir.to_path_buf(),
        })
    }

    /// A hash of the model's files and of the way vectors are made: vectors made by models with the
    /// same identity are interchangeable.
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// Length of the vectors (384 for multilingual-e5-small).
    pub fn dim(&self) -> usize {
        self.dim
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Tokens (with `<s>` and `</s>`) the model reads for `text`, after truncation.
    pub fn token_count(&self, text: &str, kind: Kind) -> Result<usize> {
        Ok(self.tokenize(text, kind, self.max_tokens)?.len())
    }

    /// The L2-normalised vector of one text.
    pub fn embed(&self, text: &str, kind: Kind) -> Result<Vec<f32>> {
        self.embed_capped(text, kind, self.max_tokens)
    }

    /// Like `embed`, reading at most `max_tokens` tokens of the text (bounds the time a very long
    /// message takes).
    pub fn embed_capped(&self, text: &str, kind: Kind, max_tokens: usize) -> Result<Vec<f32>> {
        let ids = self.tokenize(text, kind, max_tokens.clamp(2, self.max_tokens))?;
        Ok(self.forward(&[ids])?.pop().unwrap_or_default())
    }

    /// Vectors of many texts, in order. Texts of similar length are run together, a batch at a time.
    pub fn embed_batch(&self, texts: &[&str], kind: Kind, progress: &dyn Fn(usize)) -> Result<Vec<Vec<f32>>> {
        let tokenized: Vec<Vec<u32>> = texts.iter().map(|t| self.tokenize(t, kind, self.max_tokens)).collect::<Result<_>>()?;
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| tokenized[i].len());
        let mut out = vec![Vec::new(); texts.len()];
        // Batches of about 2,048 tokens: large enough for the matrix products to run well,
        // small enough that padding and memory stay low.
        let mut done = 0;
        let mut start = 0;
        while start < order.len() {
            // Sorted by length: the last text of a batch is its longest.
            let mut end = start + 1;
            while end < order.len() && (end - start + 1) * tokenized[order[end]].len() <= 2048 && end - start < 64 {
                end += 1;
            }
            let batch: Vec<Vec<u32>> = order[start..end].iter().map(|&i| tokenized[i].clone()).collect();
            for (k, v) in self.forward(&batch)?.into_iter().enumerate() {
                out[order[start + k]] = v;
            }
            done += end - start;
            progress(done);
            start = end;
        }
        Ok(out)
    }

    fn tokenize(&self, text: &str, kind: Kind, max_tokens: usize) -> Result<Vec<u32>> {
        let input = format!("{}{}", kind.prefix(), text);
        let enc = self.tokenizer.encode(input, true).map_err(|e| anyhow::anyhow!("tokenizing: {e}"))?;
        let mut ids = enc.get_ids().to_vec();
        if ids.len() > max_tokens {
            // Keep the closing `</s>`, as the tokenizer's own truncation does.
            let last = ids[ids.len() - 1];
            ids.truncate(max_tokens - 1);
            ids.push(last);
        }
        Ok(ids)
    }

    /// Runs BERT on a batch of token id lists and mean-pools each over its own tokens.
    fn forward(&self, batch: &[Vec<u32>]) -> Result<Vec<Vec<f32>>> {
        let b = batch.len();
        let len = batch.iter().map(Vec::len).max().unwrap_or(0);
        if b == 0 || len == 0 {
            return Ok(vec![vec![0.0; self.dim]; b]);
        }
        let mut ids = vec![self.pad_id; b * len];
        let mut mask = vec![0f32; b * len];
        for (row, seq) in batch.iter().enumerate() {
            ids[row * len..row * len + seq.len()].copy_from_slice(seq);
            mask[row * len..row * len + seq.len()].fill(1.0);
        }
        let device = Device::Cpu;
        let ids = Tensor::from_vec(ids, b * len, &device)?;
        let mask = Tensor::from_vec(mask, (b, len), &device)?;
        let x = self.words.index_select(&ids, 0)?.to_dtype(DType::F32)?.reshape((b, len, self.dim))?;
        let x = x.broadcast_add(&self.positions.narrow(0, 0, len)?)?.broadcast_add(&self.token_type)?;
        let x = self.embed_norm.forward(&x)?;
        // Padding gets the lowest score before the softmax, as in transformers' BERT.
        let blocked = ((1.0 - &mask)? * f32::MIN as f64)?.reshape((b, 1, 1, len))?;
        let hidden = self.encoder.forward(&x, &blocked)?;
        let summed = hidden.broadcast_mul(&mask.unsqueeze(2)?)?.sum(1)?;
        let mean = summed.broadcast_div(&mask.sum_keepdim(1)?)?;
        let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f32::MAX)?;
        Ok(mean.broadcast_div(&norm)?.to_vec2::<f32>()?)
    }
}

/// blake3 of the three files (each with its name and length) and of the recipe.
fn identity(dir: &Path) -> Result<String> {
    let mut h = blake3::Hasher::new();
    h.update(RECIPE.as_bytes());
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
