//! A BERT encoder for inference on the CPU, written for speed at the sizes a chat message has
//! (a few texts of 5 to 130 tokens): query, key and value in one matrix product, the attention scale
//! folded into the query weights. Weights and names are those of transformers' `BertModel`.
//!
//! Three ways to do the arithmetic:
//! - [`Arithmetic::Quantized`] (the default; crate `wegwijs-kernels`, x86-64 with AVX2, FMA and F16C):
//!   8-bit integer products, the texts of a pass laid end to end without padding, both cores in each
//!   product; vectors within a cosine of 0.998 of candle's, 1.3 to 1.5 times as fast as f16;
//! - [`Arithmetic::Packed`] (same crate and processors): f16 weights, f32 products, the same vectors as
//!   candle's to float precision;
//! - [`Arithmetic::Candle`], candle's tensor operations in f32, on any processor, with padding and a
//!   mask when texts of different lengths share a pass (the reference).

use wegwijs_kernels::{self as kernel, Packed, Quantized, Then};
use anyhow::{bail, Context, Result};
use candle_core::{DType, Device, Tensor};
use std::collections::HashMap;

/// Tokens read by every encoder of this process since it started (the time a pass takes goes with
/// its tokens; `eval` reports them per question, a measure that the machine's load does not change).
pub static TOKENS_READ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How the encoder does its arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arithmetic {
    /// f16 weights packed for the kernels of `wegwijs-kernels`, f32 products: candle's vectors to
    /// float precision. Falls back to candle on a processor without AVX2, FMA and F16C.
    Packed,
    /// candle's operations in f32 (the reference).
    Candle,
    /// 8-bit integer products (kernels of `wegwijs-kernels`, same processors as `Packed`):
    /// 1.3 to 1.5 times as fast, vectors within a cosine of 0.998 of candle's. Falls back to candle too.
    Quantized,
}

/// One product of a layer for the kernels.
enum Product {
    F16(Packed),
    I8(Quantized),
}

impl Product {
    fn forward(&self, x: &[f32], m: usize, then: Then, out: &mut [f32]) {
        match self {
            Product::F16(p) => p.forward(x, m, then, out),
            Product::I8(p) => p.forward(x, m, then, out),
        }
    }

    fn out_dim(&self) -> usize {
        match self {
            Product::F16(p) => p.out_dim(),
            Product::I8(p) => p.out_dim(),
        }
    }
}

/// The parts of `config.json` the encoder needs.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Config {
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    pub hidden_act: String,
    pub max_position_embeddings: usize,
    pub type_vocab_size: usize,
    pub layer_norm_eps: f64,
    #[serde(default)]
    pub position_embedding_type: Option<String>,
}

impl Config {
    pub fn check(&self) -> Result<()> {
        if self.hidden_size == 0 || self.num_attention_heads == 0 || self.hidden_size % self.num_attention_heads != 0 {
            bail!("hidden_size {} does not split into {} heads", self.hidden_size, self.num_attention_heads);
        }
        if self.hidden_act != "gelu" {
            bail!("hidden_act {:?}: only \"gelu\" is supported", self.hidden_act);
        }
        if self.position_embedding_type.as_deref().is_some_and(|p| p != "absolute") {
            bail!("position_embedding_type {:?}: only \"absolute\" is supported", self.position_embedding_type);
        }
        Ok(())
    }
}

/// y = x · W + b, with W stored [in, out].
struct Linear {
    weight: Tensor,
    bias: Tensor,
}

impl Linear {
    fn forward(&self, x: &Tensor) -> candle_core::Result<Tensor> {
        x.matmul(&self.weight)?.broadcast_add(&self.bias)
    }

    /// gelu(x · W + b) in one pass over the product (candle's `gelu_erf` takes longer than the
    /// matrix product at these sizes).
    fn forward_gelu(&self, x: &Tensor) -> candle_core::Result<Tensor> {
        let y = x.matmul(&self.weight)?;
        let (rows, cols) = y.dims2()?;
        let bias = self.bias.to_vec1::<f32>()?;
        let mut v = y.flatten_all()?.to_vec1::<f32>()?;
        for row in v.chunks_exact_mut(cols) {
            for (y, b) in row.iter_mut().zip(&bias) {
                *y = kernel::gelu(*y + b);
            }
        }
        Tensor::from_vec(v, (rows, cols), y.device())
    }
}

struct Norm {
    weight: Tensor,
    bias: Tensor,
    eps: f32,
}

impl Norm {
    fn forward(&self, x: &Tensor) -> candle_core::Result<Tensor> {
        candle_nn::ops::layer_norm(x, &self.weight, &self.bias, self.eps)
    }
}

struct Layer {
    qkv: Linear,
    out: Linear,
    norm1: Norm,
    up: Linear,
    down: Linear,
    norm2: Norm,
}

/// A layer for the kernels: packed products, plain norms.
struct PackedLayer {
    qkv: Product,
    out: Product,
    norm1: PlainNorm,
    up: Product,
    down: Product,
    norm2: PlainNorm,
}

struct PlainNorm {
    weight: Vec<f32>,
    bias: Vec<f32>,
    eps: f32,
}

impl PlainNorm {
    fn of(n: &Norm) -> Result<PlainNorm> {
        Ok(PlainNorm { weight: n.weight.to_vec1()?, bias: n.bias.to_vec1()?, eps: n.eps })
    }

    fn apply(&self, x: &mut [f32]) {
        kernel::layer_norm(x, self.weight.len(), &self.weight, &self.bias, self.eps);
    }
}

enum Layers {
    Candle(Vec<Layer>),
    /// The layers, the embeddings' norm, and position plus token-type embeddings ([positions, hidden]),
    /// as plain numbers made once.
    Packed { layers: Vec<PackedLayer>, embed_norm: PlainNorm, positions: Vec<f32>, quantized: bool },
}

pub struct Bert {
    /// Word embeddings, f16, [vocabulary, hidden]: four fifths of the weights, kept compact.
    words: Tensor,
    positions: Tensor,
    token_type: Tensor,
    embed_norm: Norm,
    layers: Layers,
    heads: usize,
    hidden: usize,
}

/// Takes the named tensors out of `weights` (as read from model.safetensors; a leading "bert." is
/// already gone).
struct Weights<'a>(&'a mut HashMap<String, Tensor>);

impl Weights<'_> {
    fn take(&mut self, name: &str, shape: &[usize]) -> Result<Tensor> {
        let t = self.0.remove(name).with_context(|| format!("no tensor {name}"))?;
        if t.dims() != shape {
            bail!("tensor {name} is {:?}, config.json says {shape:?}", t.dims());
        }
        Ok(t.to_dtype(DType::F32)?)
    }

    fn norm(&mut self, prefix: &str, h: usize, eps: f64) -> Result<Norm> {
        Ok(Norm { weight: self.take(&format!("{prefix}.weight"), &[h])?, bias: self.take(&format!("{prefix}.bias"), &[h])?, eps: eps as f32 })
    }

    /// Weight ([out, in], as transformers stores it) and bias of a Linear layer.
    fn linear(&mut self, prefix: &str, out: usize, inp: usize) -> Result<(Tensor, Tensor)> {
        let w = self.take(&format!("{prefix}.weight"), &[out, inp])?;
        let b = self.take(&format!("{prefix}.bias"), &[out])?;
        Ok((w, b))
    }
}

fn transposed(w: &Tensor, b: &Tensor) -> candle_core::Result<Linear> {
    Ok(Linear { weight: w.t()?.contiguous()?, bias: b.clone() })
}

impl Bert {
    /// Builds the encoder from the tensors of a model file; the word table must be f16.
    pub fn new(config: &Config, mut tensors: HashMap<String, Tensor>, arithmetic: Arithmetic) -> Result<Bert> {
        config.check()?;
        let (h, ff, eps) = (config.hidden_size, config.intermediate_size, config.layer_norm_eps);
        let words = tensors.remove("embeddings.word_embeddings.weight").context("no tensor embeddings.word_embeddings.weight")?;
        if words.dims() != [config.vocab_size, h] || words.dtype() != DType::F16 {
            bail!("word embeddings are {:?} {:?}, config.json says [{}, {h}]", words.dims(), words.dtype(), config.vocab_size);
        }
        let mut w = Weights(&mut tensors);
        let positions = w.take("embeddings.position_embeddings.weight", &[config.max_position_embeddings, h])?;
        let token_type = w.take("embeddings.token_type_embeddings.weight", &[config.type_vocab_size, h])?.get(0)?;
        let embed_norm = w.norm("embeddings.LayerNorm", h, eps)?;
        let heads = config.num_attention_heads;
        let scale = 1.0 / ((h / heads) as f64).sqrt();
        let packed = arithmetic != Arithmetic::Candle && kernel::available();
        let quantized = packed && arithmetic == Arithmetic::Quantized;
        // A product y = x · W + b from a weight stored [out, in] and its bias: packed, or transposed for
        // candle's matmul.
        let (mut layers, mut packed_layers) = (Vec::new(), Vec::new());
        for l in 0..config.num_hidden_layers {
            let p = format!("encoder.layer.{l}");
            let (qw, qb) = w.linear(&format!("{p}.attention.self.query"), h, h)?;
            let (kw, kb) = w.linear(&format!("{p}.attention.self.key"), h, h)?;
            let (vw, vb) = w.linear(&format!("{p}.attention.self.value"), h, h)?;
            // Scores are q·k / sqrt(head size): scale q once, in its weights.
            let (qw, qb) = ((qw * scale)?, (qb * scale)?);
            let qkv = (Tensor::cat(&[&qw, &kw, &vw], 0)?, Tensor::cat(&[&qb, &kb, &vb], 0)?);
            let out = w.linear(&format!("{p}.attention.output.dense"), h, h)?;
            let norm1 = w.norm(&format!("{p}.attention.output.LayerNorm"), h, eps)?;
            let up = w.linear(&format!("{p}.intermediate.dense"), ff, h)?;
            let down = w.linear(&format!("{p}.output.dense"), h, ff)?;
            let norm2 = w.norm(&format!("{p}.output.LayerNorm"), h, eps)?;
            if packed {
                let pack = |(w, b): &(Tensor, Tensor)| -> Result<Product> {
                    let (out, inp) = w.dims2()?;
                    let (w, b) = (w.flatten_all()?.to_vec1::<f32>()?, b.to_vec1::<f32>()?);
                    Ok(if quantized { Product::I8(Quantized::new(&w, &b, out, inp)) } else { Product::F16(Packed::new(&w, &b, out, inp)) })
                };
                packed_layers.push(PackedLayer {
                    qkv: pack(&qkv)?,
                    out: pack(&out)?,
                    norm1: PlainNorm::of(&norm1)?,
                    up: pack(&up)?,
                    down: pack(&down)?,
                    norm2: PlainNorm::of(&norm2)?,
                });
            } else {
                let t = |(w, b): &(Tensor, Tensor)| transposed(w, b);
                layers.push(Layer { qkv: t(&qkv)?, out: t(&out)?, norm1, up: t(&up)?, down: t(&down)?, norm2 });
            }
        }
        let layers = if packed {
            let positions = positions.broadcast_add(&token_type)?.flatten_all()?.to_vec1::<f32>()?;
            Layers::Packed { layers: packed_layers, embed_norm: PlainNorm::of(&embed_norm)?, positions, quantized }
        } else {
            Layers::Candle(layers)
        };
        Ok(Bert { words, positions, token_type, embed_norm, layers, heads, hidden: h })
    }

    /// The arithmetic this encoder does.
    pub fn arithmetic(&self) -> Arithmetic {
        match self.layers {
            Layers::Packed { quantized: true, .. } => Arithmetic::Quantized,
            Layers::Packed { .. } => Arithmetic::Packed,
            Layers::Candle(_) => Arithmetic::Candle,
        }
    }

    /// The vector of each text (token ids, with `<s>` and `</s>`), in one pass: mean of the last
    /// hidden states over the text's tokens, L2-normalised.
    pub fn embed_texts(&self, texts: &[&[u32]]) -> Result<Vec<Vec<f32>>> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        TOKENS_READ.fetch_add(texts.iter().map(|t| t.len()).sum(), std::sync::atomic::Ordering::Relaxed);
        let h = self.hidden;
        let Layers::Packed { layers, embed_norm, positions, .. } = &self.layers else {
            // Padded to the longest, with a mask.
            let len = texts.iter().map(|t| t.len()).max().unwrap_or(0);
            let mut ids = vec![0u32; texts.len() * len];
            for (row, t) in texts.iter().enumerate() {
                ids[row * len..row * len + t.len()].copy_from_slice(t);
            }
            let lens: Vec<usize> = texts.iter().map(|t| t.len()).collect();
            let x = self.hidden_states(ids, &lens)?;
            let spans: Vec<(usize, usize)> = lens.iter().enumerate().map(|(i, &l)| (i * len, l)).collect();
            return Ok(means(&x, h, &spans));
        };
        let mut spans = Vec::with_capacity(texts.len());
        let mut start = 0;
        for t in texts {
            if t.is_empty() || t.len() > self.max_positions() {
                bail!("a text of {} tokens (1 to {} expected)", t.len(), self.max_positions());
            }
            spans.push((start, t.len()));
            start += t.len();
        }
        let tokens = start;
        let ids: Vec<u32> = texts.iter().flat_map(|t| t.iter().copied()).collect();
        let ids = Tensor::from_vec(ids, tokens, &Device::Cpu)?;
        let mut x = self.words.index_select(&ids, 0)?.to_dtype(DType::F32)?.flatten_all()?.to_vec1::<f32>()?;
        // Each text's positions start at 0.
        for &(s, l) in &spans {
            for (v, p) in x[s * h..(s + l) * h].iter_mut().zip(positions.iter()) {
                *v += p;
            }
        }
        embed_norm.apply(&mut x);
        let mut qkv = vec![0f32; tokens * 3 * h];
        let mut context = vec![0f32; tokens * h];
        let mut attended = vec![0f32; tokens * h];
        let mut up = vec![0f32; tokens * layers.first().map_or(0, |l| l.up.out_dim())];
        for layer in layers {
            layer.qkv.forward(&x, tokens, Then::Bias, &mut qkv);
            kernel::attention(&qkv, &spans, self.heads, h, &mut context);
            layer.out.forward(&context, tokens, Then::Residual(&x), &mut attended);
            layer.norm1.apply(&mut attended);
            layer.up.forward(&attended, tokens, Then::Gelu, &mut up);
            layer.down.forward(&up, tokens, Then::Residual(&attended), &mut x);
            layer.norm2.apply(&mut x);
        }
        Ok(means(&x, h, &spans))
    }

    pub fn hidden(&self) -> usize {
        self.hidden
    }

    pub fn max_positions(&self) -> usize {
        self.positions.dim(0).unwrap_or(0)
    }

    /// The last hidden states with candle's arithmetic, [texts × len × hidden]. `ids` is
    /// [texts × len], padded with anything; `lens` gives each text's length.
    fn hidden_states(&self, ids: Vec<u32>, lens: &[usize]) -> Result<Vec<f32>> {
        let (b, h) = (lens.len(), self.hidden);
        let len = ids.len() / b.max(1);
        let device = Device::Cpu;
        let padded = lens.iter().any(|&l| l != len);
        let ids = Tensor::from_vec(ids, b * len, &device)?;
        let x = self.words.index_select(&ids, 0)?.to_dtype(DType::F32)?.reshape((b, len, h))?;
        let x = x.broadcast_add(&self.positions.narrow(0, 0, len)?)?.broadcast_add(&self.token_type)?;
        let mut x = self.embed_norm.forward(&x)?.reshape((b * len, h))?;
        let mask = if padded {
            let mut m = vec![0f32; b * len];
            for (row, &l) in lens.iter().enumerate() {
                m[row * len..row * len + l].fill(1.0);
            }
            Some(Tensor::from_vec(m, (b, len), &device)?)
        } else {
            None
        };
        // Padding gets the lowest score before the softmax, as in transformers' BERT.
        let blocked = match &mask {
            Some(m) => Some(((1.0 - m)? * f32::MIN as f64)?.reshape((b, 1, 1, len))?),
            None => None,
        };
        let (heads, hd) = (self.heads, h / self.heads);
        let layers: &[Layer] = match &self.layers {
            Layers::Candle(l) => l,
            Layers::Packed { .. } => bail!("the packed encoder embeds through embed_texts"),
        };
        for layer in layers {
            let qkv = layer.qkv.forward(&x)?.reshape((b, len, 3, heads, hd))?.permute((2, 0, 3, 1, 4))?.contiguous()?;
            let (q, k, v) = (qkv.get(0)?, qkv.get(1)?, qkv.get(2)?);
            let mut scores = q.matmul(&k.t()?)?;
            if let Some(bl) = &blocked {
                scores = scores.broadcast_add(bl)?;
            }
            let probs = candle_nn::ops::softmax_last_dim(&scores)?;
            let context = probs.matmul(&v)?.transpose(1, 2)?.contiguous()?.reshape((b * len, h))?;
            x = layer.norm1.forward(&(layer.out.forward(&context)? + &x)?)?;
            let up = layer.up.forward_gelu(&x)?;
            x = layer.norm2.forward(&(layer.down.forward(&up)? + &x)?)?;
        }
        Ok(x.flatten_all()?.to_vec1::<f32>()?)
    }
}

/// The mean of the hidden states `x` (rows of `h`) over each span (first row, rows), L2-normalised.
fn means(x: &[f32], h: usize, spans: &[(usize, usize)]) -> Vec<Vec<f32>> {
    spans
        .iter()
        .map(|&(first, rows)| {
            let mut mean = vec![0f32; h];
            for row in x[first * h..(first + rows) * h].chunks_exact(h) {
                for (m, v) in mean.iter_mut().zip(row) {
                    *m += v;
                }
            }
            let norm = mean.iter().map(|v| v * v).sum::<f32>().sqrt().max(1e-12);
            mean.iter_mut().for_each(|m| *m /= norm);
            mean
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use wegwijs_kernels::gelu;
    use candle_core::{Device, Tensor};

    #[test]
    fn gelu_matches_candles_exact_gelu() {
        let xs: Vec<f32> = (-2000..=2000).map(|i| i as f32 / 200.0).collect();
        let exact = Tensor::new(xs.as_slice(), &Device::Cpu).unwrap().gelu_erf().unwrap().to_vec1::<f32>().unwrap();
        let worst = xs.iter().zip(&exact).map(|(x, e)| (gelu(*x) - e).abs()).fold(0f32, f32::max);
        assert!(worst < 2e-6, "largest difference {worst}");
    }
}
