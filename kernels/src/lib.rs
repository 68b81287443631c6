//! The encoder's arithmetic on x86-64 processors with AVX2, FMA and F16C, for the sizes a chat message
//! has: a few texts of 5 to 130 tokens in one pass, laid end to end without padding.
//!
//! - [`Packed`]: weights are packed once, in f16 (as the model file holds them), in panels of 16
//!   output columns whose rows lie one after the other, so a product reads each weight once, in
//!   order, and never repacks it; products and sums are f32.
//! - [`Quantized`]: the same panels in 8-bit integers, each row of inputs quantised as the product
//!   runs; 1.3 to 1.5 times as fast, within a known rounding of the exact product.
//! - Each product is split by columns over the processor's cores.
//! - Bias, GELU and the residual are added in the same pass, tile by tile.
//!
//! Wegwijs's encoder (`src/semantic/bert.rs`) uses this when the processor has the three extensions and candle's operations otherwise;
//! the two agree to float precision (Wegwijs's tests/semantic.rs). Its own crate, so that test
//! builds optimise it.

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::*;

/// Output columns per panel: two AVX registers.
const NR: usize = 16;
/// Rows of a tile: 6 × 2 accumulators, 2 weight registers and a broadcast fill the 16 AVX registers.
const MR: usize = 6;
/// Products smaller than this many multiply-adds run on one core.
const SPLIT_ABOVE: usize = 1 << 20;

/// Whether this processor can run the kernels.
pub fn available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") && is_x86_feature_detected!("f16c")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// What is added to a product, tile by tile.
#[derive(Clone, Copy)]
pub enum Then<'a> {
    /// The bias.
    Bias,
    /// The bias, then GELU.
    Gelu,
    /// The bias and the residual (same shape as the output).
    Residual(&'a [f32]),
}

/// y = x · W + b, with W packed in panels of 16 output columns.
pub struct Packed {
    k: usize,
    n: usize,
    /// Panel p holds, for each input row r, the f16 bits of columns 16p..16p+16 (zero past n).
    w: Vec<u16>,
    bias: Vec<f32>,
}

/// The f16 bits of each value, rounded to nearest (eight at a time with F16C: the model's 21 million
/// weights are packed at every start).
fn to_f16(v: &[f32]) -> Vec<u16> {
    let mut out = vec![0u16; v.len()];
    #[cfg(target_arch = "x86_64")]
    if is_x86_feature_detected!("f16c") && is_x86_feature_detected!("avx") {
        // SAFETY: the processor has F16C and AVX; both slices hold `v.len()` values.
        unsafe { to_f16_f16c(v, &mut out) };
        return out;
    }
    for (o, x) in out.iter_mut().zip(v) {
        *o = half::f16::from_f32(*x).to_bits();
    }
    out
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx,f16c")]
unsafe fn to_f16_f16c(v: &[f32], out: &mut [u16]) {
    unsafe {
        let (chunks, rest) = (v.chunks_exact(8), v.len() / 8 * 8);
        for (i, c) in chunks.enumerate() {
            let h = _mm256_cvtps_ph::<_MM_FROUND_TO_NEAREST_INT>(_mm256_loadu_ps(c.as_ptr()));
            _mm_storeu_si128(out.as_mut_ptr().add(i * 8) as *mut __m128i, h);
        }
        for (o, x) in out[rest..].iter_mut().zip(&v[rest..]) {
            *o = half::f16::from_f32(*x).to_bits();
        }
    }
}

/// A pointer handed to the cores that write disjoint parts of one buffer.
#[derive(Clone, Copy)]
struct Shared(*mut f32);
unsafe impl Send for Shared {}
unsafe impl Sync for Shared {}

/// Checks a product's buffers: x [m, k], out and the residual [m, n].
fn check_shapes(x: &[f32], m: usize, k: usize, n: usize, then: Then, out: &[f32]) {
    assert!(x.len() >= m * k && out.len() >= m * n);
    if let Then::Residual(r) = then {
        assert!(r.len() >= m * n);
    }
}

/// Runs `run(from, to)` over a product's panels: on one core when the product is small, else half
/// the panels on each core.
fn over_panels(m: usize, k: usize, n: usize, run: impl Fn(usize, usize) + Sync) {
    let panels = n.div_ceil(NR);
    if m * k * n < SPLIT_ABOVE || panels < 2 {
        run(0, panels);
    } else {
        let half = panels / 2;
        rayon::join(|| run(0, half), || run(half, panels));
    }
}

impl Packed {
    /// From a weight stored [out, in] (as transformers stores a Linear layer) and its bias.
    pub fn new(weight: &[f32], bias: &[f32], out: usize, inp: usize) -> Packed {
        assert_eq!(weight.len(), out * inp);
        assert_eq!(bias.len(), out);
        let panels = out.div_ceil(NR);
        let mut laid = vec![0f32; panels * inp * NR];
        for c in 0..out {
            let (p, j) = (c / NR, c % NR);
            for (r, v) in weight[c * inp..(c + 1) * inp].iter().enumerate() {
                laid[(p * inp + r) * NR + j] = *v;
            }
        }
        Packed { k: inp, n: out, w: to_f16(&laid), bias: bias.to_vec() }
    }

    pub fn out_dim(&self) -> usize {
        self.n
    }

    /// `out` [m, n] = x [m, k] · W + b, then `then`. Only call when [`available`].
    pub fn forward(&self, x: &[f32], m: usize, then: Then, out: &mut [f32]) {
        check_shapes(x, m, self.k, self.n, then, out);
        let dst = Shared(out.as_mut_ptr());
        let run = |from: usize, to: usize| {
            let dst = dst;
            for p in from..to {
                // SAFETY: the processor has the extensions (callers check `available`); each panel writes
                // its own columns of `out`, within the bounds asserted above.
                #[cfg(target_arch = "x86_64")]
                unsafe {
                    self.panel(x, m, p, then, dst.0)
                };
                #[cfg(not(target_arch = "x86_64"))]
                let _ = (p, dst, m, then);
            }
        };
        over_panels(m, self.k, self.n, run);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma,f16c")]
    unsafe fn panel(&self, x: &[f32], m: usize, p: usize, then: Then, out: *mut f32) {
        unsafe {
            let (k, n) = (self.k, self.n);
            let w = self.w.as_ptr().add(p * k * NR);
            let mut bias = [0f32; NR];
            let cols = (n - p * NR).min(NR);
            bias[..cols].copy_from_slice(&self.bias[p * NR..p * NR + cols]);
            let mut r = 0;
            while r < m {
                let rows = (m - r).min(MR);
                let mut tile = [[0f32; NR]; MR];
                let xp = x.as_ptr().add(r * k);
                match rows {
                    6 => product::<6>(xp, k, w, k, &mut tile),
                    5 => product::<5>(xp, k, w, k, &mut tile),
                    4 => product::<4>(xp, k, w, k, &mut tile),
                    3 => product::<3>(xp, k, w, k, &mut tile),
                    2 => product::<2>(xp, k, w, k, &mut tile),
                    _ => product::<1>(xp, k, w, k, &mut tile),
                }
                for (i, row) in tile.iter_mut().enumerate().take(rows) {
                    let at = (r + i) * n + p * NR;
                    finish(row, &bias, then, at, cols, out);
                }
                r += rows;
            }
        }
    }
}

/// Adds the bias and what `then` asks to one row of a tile, and writes its `cols` columns at `at`.
#[inline(always)]
unsafe fn finish(row: &mut [f32; NR], bias: &[f32; NR], then: Then, at: usize, cols: usize, out: *mut f32) {
    for (y, b) in row.iter_mut().zip(bias) {
        *y += b;
    }
    match then {
        Then::Bias => {}
        Then::Gelu => {
            for y in row.iter_mut() {
                *y = gelu(*y);
            }
        }
        Then::Residual(res) => {
            for (y, s) in row.iter_mut().zip(&res[at..at + cols]) {
                *y += s;
            }
        }
    }
    unsafe { std::ptr::copy_nonoverlapping(row.as_ptr(), out.add(at), cols) };
}

/// tile[0..R] = x[0..R, 0..k] · panel (k × 16, f16).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma,f16c")]
unsafe fn product<const R: usize>(x: *const f32, ldx: usize, w: *const u16, k: usize, tile: &mut [[f32; NR]; MR]) {
    unsafe {
        let mut acc = [[_mm256_setzero_ps(); 2]; R];
        for kk in 0..k {
            let wp = w.add(kk * NR) as *const __m128i;
            let w0 = _mm256_cvtph_ps(_mm_loadu_si128(wp));
            let w1 = _mm256_cvtph_ps(_mm_loadu_si128(wp.add(1)));
            for (r, a) in acc.iter_mut().enumerate() {
                let v = _mm256_broadcast_ss(&*x.add(r * ldx + kk));
                a[0] = _mm256_fmadd_ps(v, w0, a[0]);
                a[1] = _mm256_fmadd_ps(v, w1, a[1]);
            }
        }
        for (t, a) in tile.iter_mut().zip(&acc) {
            _mm256_storeu_ps(t.as_mut_ptr(), a[0]);
            _mm256_storeu_ps(t.as_mut_ptr().add(8), a[1]);
        }
    }
}

/// Self-attention of each text in a pass: `qkv` is [tokens, 3 × hidden] (queries already scaled),
/// `texts` gives each text's first token and length; the context goes to `out` [tokens, hidden].
pub fn attention(qkv: &[f32], texts: &[(usize, usize)], heads: usize, hidden: usize, out: &mut [f32]) {
    let hd = hidden / heads;
    let tokens = out.len() / hidden;
    assert!(qkv.len() >= tokens * 3 * hidden && texts.iter().all(|&(s, l)| s + l <= tokens));
    // Each text's rows are written by its own jobs, on either core: texts must not overlap.
    let mut sorted: Vec<(usize, usize)> = texts.to_vec();
    sorted.sort_unstable();
    assert!(sorted.windows(2).all(|w| w[0].0 + w[0].1 <= w[1].0), "texts overlap");
    let jobs: Vec<(usize, usize, usize)> = texts.iter().flat_map(|&(s, l)| (0..heads).map(move |h| (s, l, h))).collect();
    let dst = Shared(out.as_mut_ptr());
    let run = |jobs: &[(usize, usize, usize)]| {
        let dst = dst;
        let mut scratch = Vec::new();
        for &(start, len, h) in jobs {
            // SAFETY: each job writes its own text's rows of its own head's columns, within bounds.
            unsafe { attend(qkv, start, len, h * hd, hd, hidden, &mut scratch, dst.0) };
        }
    };
    let work: usize = texts.iter().map(|&(_, l)| l * l).sum::<usize>() * hidden;
    if work < SPLIT_ABOVE || jobs.len() < 2 {
        run(&jobs);
    } else {
        // Halves of about equal work: texts differ in length.
        let cost = |j: &(usize, usize, usize)| j.1 * j.1;
        let total: usize = jobs.iter().map(cost).sum();
        let (mut acc, mut cut) = (0, jobs.len());
        for (i, j) in jobs.iter().enumerate() {
            if acc * 2 >= total {
                cut = i;
                break;
            }
            acc += cost(j);
        }
        let (a, b) = jobs.split_at(cut);
        rayon::join(|| run(a), || run(b));
    }
}

/// One head of one text. With a head of 8 to 64 columns (a multiple of 8; e5-small's are 32), the keys
/// are laid out column by column so that eight scores come from one register, the exponentials are
/// taken eight at a time, and each output row stays in registers; otherwise one score at a time.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(target_arch = "x86_64", target_feature(enable = "avx2,fma"))]
unsafe fn attend(qkv: &[f32], start: usize, len: usize, col: usize, hd: usize, hidden: usize, scratch: &mut Vec<f32>, out: *mut f32) {
    #[cfg(target_arch = "x86_64")]
    if hd % 8 == 0 && (8..=64).contains(&hd) {
        return unsafe { attend_avx2(qkv, start, len, col, hd, hidden, scratch, out) };
    }
    unsafe {
        let row = 3 * hidden;
        scratch.resize(len, 0.0);
        let scores = &mut scratch[..len];
        for i in 0..len {
            let q = &qkv[(start + i) * row + col..][..hd];
            let mut max = f32::MIN;
            for (j, s) in scores.iter_mut().enumerate() {
                let k = &qkv[(start + j) * row + hidden + col..][..hd];
                *s = dot(q, k);
                max = max.max(*s);
            }
            let mut sum = 0.0;
            for s in scores.iter_mut() {
                *s = (*s - max).exp();
                sum += *s;
            }
            let o = std::slice::from_raw_parts_mut(out.add((start + i) * hidden + col), hd);
            o.fill(0.0);
            for (j, s) in scores.iter().enumerate() {
                let v = &qkv[(start + j) * row + 2 * hidden + col..][..hd];
                axpy(s / sum, v, o);
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[allow(clippy::too_many_arguments)]
#[target_feature(enable = "avx2,fma")]
unsafe fn attend_avx2(qkv: &[f32], start: usize, len: usize, col: usize, hd: usize, hidden: usize, scratch: &mut Vec<f32>, out: *mut f32) {
    unsafe {
        let row = 3 * hidden;
        let blocks = hd / 8;
        scratch.resize(hd * len + len, 0.0);
        let (kt, scores) = scratch.split_at_mut(hd * len);
        // The keys column by column: kt[d * len + j] is column d of key j.
        for j in 0..len {
            let k = &qkv[(start + j) * row + hidden + col..][..hd];
            for (d, v) in k.iter().enumerate() {
                kt[d * len + j] = *v;
            }
        }
        let full = len / 8 * 8;
        for i in 0..len {
            let q = &qkv[(start + i) * row + col..][..hd];
            let mut j = 0;
            while j < full {
                let mut acc = _mm256_setzero_ps();
                for (d, qd) in q.iter().enumerate() {
                    acc = _mm256_fmadd_ps(_mm256_set1_ps(*qd), _mm256_loadu_ps(kt.as_ptr().add(d * len + j)), acc);
                }
                _mm256_storeu_ps(scores.as_mut_ptr().add(j), acc);
                j += 8;
            }
            for (j, s) in scores.iter_mut().enumerate().skip(full) {
                *s = dot(q, &qkv[(start + j) * row + hidden + col..][..hd]);
            }
            let max = scores.iter().copied().fold(f32::MIN, f32::max);
            let (mut sum8, m) = (_mm256_setzero_ps(), _mm256_set1_ps(max));
            let mut j = 0;
            while j < full {
                let e = exp8(_mm256_sub_ps(_mm256_loadu_ps(scores.as_ptr().add(j)), m));
                _mm256_storeu_ps(scores.as_mut_ptr().add(j), e);
                sum8 = _mm256_add_ps(sum8, e);
                j += 8;
            }
            let mut lanes = [0f32; 8];
            _mm256_storeu_ps(lanes.as_mut_ptr(), sum8);
            let mut sum: f32 = lanes.iter().sum();
            for s in scores[full..].iter_mut() {
                *s = (*s - max).exp();
                sum += *s;
            }
            let mut acc = [_mm256_setzero_ps(); 8];
            for (j, s) in scores.iter().enumerate() {
                let p = _mm256_set1_ps(*s);
                let v = qkv.as_ptr().add((start + j) * row + 2 * hidden + col);
                for (b, a) in acc.iter_mut().enumerate().take(blocks) {
                    *a = _mm256_fmadd_ps(p, _mm256_loadu_ps(v.add(b * 8)), *a);
                }
            }
            let inv = _mm256_set1_ps(1.0 / sum);
            let o = out.add((start + i) * hidden + col);
            for (b, a) in acc.iter().enumerate().take(blocks) {
                _mm256_storeu_ps(o.add(b * 8), _mm256_mul_ps(*a, inv));
            }
        }
    }
}

/// e^x for eight values at most 0 (scores minus their maximum): Cephes's polynomial, to a few units in
/// the last place; below -87 the result is e^-87 (about 1.6e-38) instead of smaller.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn exp8(x: __m256) -> __m256 {
    let x = _mm256_max_ps(_mm256_min_ps(x, _mm256_set1_ps(0.0)), _mm256_set1_ps(-87.0));
    // x = n ln 2 + r, |r| <= ln 2 / 2.
    let n = _mm256_floor_ps(_mm256_fmadd_ps(x, _mm256_set1_ps(std::f32::consts::LOG2_E), _mm256_set1_ps(0.5)));
    let r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693_359_4), x);
    let r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.121_944_4e-4), r);
    let mut y = _mm256_set1_ps(1.987_569_1e-4);
    for c in [1.398_199_9e-3, 8.333_452e-3, 4.166_579_6e-2, 0.166_666_65, 0.5] {
        y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(c));
    }
    let y = _mm256_add_ps(_mm256_fmadd_ps(y, _mm256_mul_ps(r, r), r), _mm256_set1_ps(1.0));
    // 2^n from the exponent bits.
    let pow2 = _mm256_castsi256_ps(_mm256_slli_epi32::<23>(_mm256_add_epi32(_mm256_cvttps_epi32(n), _mm256_set1_epi32(127))));
    _mm256_mul_ps(y, pow2)
}

/// The dot product of each row of `rows` (rows of `dim`) with each of `vectors`: `out[r * n + v]`
/// for row r and vector v, n being the number of vectors. Each row is read once for all the vectors
/// (comparing a message's few vectors with thousands of stored ones is a pass over memory); above a
/// size, the rows are split over the processor's cores.
pub fn dots(rows: &[f32], dim: usize, vectors: &[&[f32]], out: &mut [f32]) {
    let n = vectors.len();
    assert!(dim > 0 && rows.len() % dim == 0, "rows of {dim} expected");
    assert!(vectors.iter().all(|v| v.len() == dim), "vectors of {dim} expected");
    assert_eq!(out.len(), rows.len() / dim * n, "one result per row and vector");
    fn run(rows: &[f32], dim: usize, vectors: &[&[f32]], out: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
            // SAFETY: the processor has AVX2 and FMA.
            return unsafe { dots_avx2(rows, dim, vectors, out) };
        }
        dots_plain(rows, dim, vectors, out);
    }
    let count = rows.len() / dim;
    if rows.len() * n < SPLIT_ABOVE / 2 || count < 2 || n == 0 {
        run(rows, dim, vectors, out);
    } else {
        let half = count / 2;
        let (ra, rb) = rows.split_at(half * dim);
        let (oa, ob) = out.split_at_mut(half * n);
        rayon::join(|| run(ra, dim, vectors, oa), || run(rb, dim, vectors, ob));
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn dots_avx2(rows: &[f32], dim: usize, vectors: &[&[f32]], out: &mut [f32]) {
    dots_plain(rows, dim, vectors, out);
}

#[inline(always)]
fn dots_plain(rows: &[f32], dim: usize, vectors: &[&[f32]], out: &mut [f32]) {
    for (row, o) in rows.chunks_exact(dim).zip(out.chunks_exact_mut(vectors.len().max(1))) {
        for (v, o) in vectors.iter().zip(o) {
            *o = dot(row, v);
        }
    }
}

/// a · b, in eight running sums so that it vectorises.
#[inline(always)]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ac, bc) = (a.chunks_exact(8), b.chunks_exact(8));
    let rest: f32 = ac.remainder().iter().zip(bc.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ac.zip(bc) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    acc.iter().sum::<f32>() + rest
}

/// y += a · x.
#[inline(always)]
fn axpy(a: f32, x: &[f32], y: &mut [f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// Layer normalisation of each row of `x` (in place).
pub fn layer_norm(x: &mut [f32], width: usize, weight: &[f32], bias: &[f32], eps: f32) {
    for row in x.chunks_exact_mut(width) {
        let mean = sum(row) / width as f32;
        let mut acc = [0f32; 8];
        let chunks = row.chunks_exact(8);
        let mut var: f32 = chunks.remainder().iter().map(|v| (v - mean) * (v - mean)).sum();
        for c in chunks {
            for i in 0..8 {
                acc[i] += (c[i] - mean) * (c[i] - mean);
            }
        }
        var += acc.iter().sum::<f32>();
        let inv = 1.0 / (var / width as f32 + eps).sqrt();
        for ((v, w), b) in row.iter_mut().zip(weight).zip(bias) {
            *v = (*v - mean) * inv * w + b;
        }
    }
}

fn sum(x: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let chunks = x.chunks_exact(8);
    let rest: f32 = chunks.remainder().iter().sum();
    for c in chunks {
        for i in 0..8 {
            acc[i] += c[i];
        }
    }
    acc.iter().sum::<f32>() + rest
}

/// GELU as transformers' "gelu": x · Φ(x), with erf.
#[inline(always)]
pub fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// erf to float precision without branches or `exp`, so loops over it vectorise: a rational
/// approximation on [-4, 4] (outside it erf is ±1 in f32), the one Eigen and XLA use. Plain
/// multiply-adds: `mul_add` is a library call on x86-64 without `+fma`.
#[inline(always)]
fn erf(x: f32) -> f32 {
    let x = x.clamp(-4.0, 4.0);
    let x2 = x * x;
    let mut p = x2 * -2.726_142_3e-10 + 2.770_681_4e-8;
    p = x2 * p + -2.101_024e-6;
    p = x2 * p + -5.692_506_4e-5;
    p = x2 * p + -7.349_906_3e-4;
    p = x2 * p + -2.954_600_1e-3;
    p = x2 * p + -1.609_603_3e-2;
    let mut q = x2 * -1.456_607_2e-5 + -2.133_740_6e-4;
    q = x2 * q + -1.682_827e-3;
    q = x2 * q + -7.373_329_2e-3;
    q = x2 * q + -1.426_474e-2;
    x * p / q
}

/// Largest weight magnitude after quantisation. `vpmaddubsw` adds two products of an activation byte
/// (0 to 255) and a weight in i16, saturating: 2 × 255 × 63 = 32130 always fits.
const WEIGHT_LEVELS: i32 = 63;
/// Activation bytes span 0..=ACT_LEVELS.
const ACT_LEVELS: i32 = 255;
/// Rows of an 8-bit tile: 4 × 2 accumulators, 2 weight registers, the broadcast, a constant and a
/// temporary fit the 16 AVX registers.
const QR: usize = 4;

/// y = x · W + b with 8-bit integer products, 1.3 to 1.5 times as fast as [`Packed`] on processors
/// without AVX-512 (two products of bytes summed per instruction instead of one f32 multiply-add).
///
/// - W is quantised once, each output column to ±63 steps of its own scale.
/// - Each row of x is quantised when the product runs, to 256 steps from its second-smallest to its
///   second-largest value. A row's largest and smallest values (a few channels of BERT's hidden states
///   are far out) are clamped into that range, and what clamping took off is added back in the row's
///   steps (an integer beyond 255, times the input's weights), so one outlier does not set the steps.
/// - Sums are i32, scaled back to f32 with each column's scale, the row's step and offset.
pub struct Quantized {
    /// Inputs, rounded up to a multiple of 4.
    k4: usize,
    k: usize,
    n: usize,
    /// Panel p: for each group g of 4 inputs, 16 columns × 4 bytes.
    w: Vec<i8>,
    /// Each column's scale, and the sum of its quantised weights (for the rows' offsets).
    scale: Vec<f32>,
    colsum: Vec<f32>,
    bias: Vec<f32>,
}

/// One row of x in bytes: x ≈ lo + step · q, except for the clamped inputs in `fixes`.
#[derive(Clone, Copy, Default)]
struct RowScale {
    step: f32,
    lo: f32,
    /// The row's clamped inputs: `fixes[first..first + count]`.
    first: usize,
    count: usize,
}

impl Quantized {
    /// From a weight stored [out, in] (as transformers stores a Linear layer) and its bias.
    pub fn new(weight: &[f32], bias: &[f32], out: usize, inp: usize) -> Quantized {
        assert_eq!(weight.len(), out * inp);
        assert_eq!(bias.len(), out);
        let k4 = inp.div_ceil(4) * 4;
        let panels = out.div_ceil(NR);
        let mut w = vec![0i8; panels * k4 * NR];
        let (mut scale, mut colsum) = (vec![0f32; out], vec![0f32; out]);
        for c in 0..out {
            let row = &weight[c * inp..(c + 1) * inp];
            let max = row.iter().fold(0f32, |m, v| m.max(v.abs()));
            let s = if max > 0.0 { max / WEIGHT_LEVELS as f32 } else { 1.0 };
            scale[c] = s;
            let (p, j) = (c / NR, c % NR);
            let mut sum = 0i32;
            for (r, v) in row.iter().enumerate() {
                let q = (v / s).round().clamp(-WEIGHT_LEVELS as f32, WEIGHT_LEVELS as f32) as i32;
                sum += q;
                w[p * k4 * NR + (r / 4) * NR * 4 + j * 4 + r % 4] = q as i8;
            }
            colsum[c] = sum as f32;
        }
        Quantized { k4, k: inp, n: out, w, scale, colsum, bias: bias.to_vec() }
    }

    pub fn out_dim(&self) -> usize {
        self.n
    }

    /// `out` [m, n] = x [m, k] · W + b, then `then`. Only call when [`available`].
    pub fn forward(&self, x: &[f32], m: usize, then: Then, out: &mut [f32]) {
        check_shapes(x, m, self.k, self.n, then, out);
        let mut q = vec![0u8; m * self.k4];
        let mut rows = vec![RowScale::default(); m];
        // (input, what clamping took off in the row's steps).
        let mut fixes: Vec<(u32, i32)> = Vec::new();
        for ((row, bytes), scale) in x[..m * self.k].chunks_exact(self.k).zip(q.chunks_exact_mut(self.k4)).zip(&mut rows) {
            // SAFETY: the processor has the extensions (callers check `available`).
            #[cfg(target_arch = "x86_64")]
            unsafe {
                *scale = to_bytes(row, bytes, &mut fixes)
            };
            #[cfg(not(target_arch = "x86_64"))]
            let _ = (row, bytes, scale);
        }
        let dst = Shared(out.as_mut_ptr());
        let (q, rows, fixes) = (&q, &rows, &fixes);
        let run = |from: usize, to: usize| {
            let dst = dst;
            for p in from..to {
                // SAFETY: as in Packed::forward: each panel writes its own columns of `out`.
                #[cfg(target_arch = "x86_64")]
                unsafe {
                    self.panel(q, rows, fixes, m, p, then, dst.0)
                };
                #[cfg(not(target_arch = "x86_64"))]
                let _ = (p, dst, m, then, q, rows, fixes);
            }
        };
        over_panels(m, self.k, self.n, run);
    }

    #[cfg(target_arch = "x86_64")]
    #[allow(clippy::too_many_arguments)]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn panel(&self, q: &[u8], rows: &[RowScale], fixes: &[(u32, i32)], m: usize, p: usize, then: Then, out: *mut f32) {
        unsafe {
            let (k4, n) = (self.k4, self.n);
            let w = self.w.as_ptr().add(p * k4 * NR);
            let cols = (n - p * NR).min(NR);
            let (mut bias, mut scale, mut colsum) = ([0f32; NR], [0f32; NR], [0f32; NR]);
            bias[..cols].copy_from_slice(&self.bias[p * NR..p * NR + cols]);
            scale[..cols].copy_from_slice(&self.scale[p * NR..p * NR + cols]);
            colsum[..cols].copy_from_slice(&self.colsum[p * NR..p * NR + cols]);
            let mut r = 0;
            while r < m {
                let count = (m - r).min(QR);
                let mut tile = [[0i32; NR]; QR];
                let qp = q.as_ptr().add(r * k4);
                match count {
                    4 => product_i8::<4>(qp, k4, w, k4, &mut tile),
                    3 => product_i8::<3>(qp, k4, w, k4, &mut tile),
                    2 => product_i8::<2>(qp, k4, w, k4, &mut tile),
                    _ => product_i8::<1>(qp, k4, w, k4, &mut tile),
                }
                for (i, t) in tile.iter_mut().enumerate().take(count) {
                    let s = rows[r + i];
                    // Clamped inputs: what clamping took off, in the row's steps, times their weights.
                    let (mut t0, mut t1) = (_mm256_loadu_si256(t.as_ptr() as *const __m256i), _mm256_loadu_si256(t.as_ptr().add(8) as *const __m256i));
                    for &(c, e) in &fixes[s.first..s.first + s.count] {
                        let (c, e) = (c as usize, _mm256_set1_epi32(e));
                        let g = w.add((c / 4) * NR * 4) as *const __m256i;
                        let (w0, w1) = (_mm256_loadu_si256(g), _mm256_loadu_si256(g.add(1)));
                        // Byte c % 4 of each column's four, sign-extended.
                        let shift = _mm_cvtsi32_si128(8 * (3 - (c % 4) as i32));
                        let col = |v: __m256i| _mm256_srai_epi32::<24>(_mm256_sll_epi32(v, shift));
                        t0 = _mm256_add_epi32(t0, _mm256_mullo_epi32(col(w0), e));
                        t1 = _mm256_add_epi32(t1, _mm256_mullo_epi32(col(w1), e));
                    }
                    _mm256_storeu_si256(t.as_mut_ptr() as *mut __m256i, t0);
                    _mm256_storeu_si256(t.as_mut_ptr().add(8) as *mut __m256i, t1);
                    let mut row = [0f32; NR];
                    for j in 0..NR {
                        row[j] = scale[j] * (s.step * t[j] as f32 + s.lo * colsum[j]);
                    }
                    finish(&mut row, &bias, then, (r + i) * n + p * NR, cols, out);
                }
                r += count;
            }
        }
    }
}

/// One row to bytes (`out` is zero past the row): 256 steps from the row's second-smallest to its
/// second-largest value, rounded to nearest; values outside are clamped, and (input, steps clamping
/// took off) is pushed to `fixes`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn to_bytes(row: &[f32], out: &mut [u8], fixes: &mut Vec<(u32, i32)>) -> RowScale {
    unsafe {
        let full = row.len() / 8 * 8;
        let lanes_min = |v: __m256| {
            let mut l = [0f32; 8];
            _mm256_storeu_ps(l.as_mut_ptr(), v);
            l.iter().fold(f32::MAX, |a, x| a.min(*x))
        };
        let lanes_max = |v: __m256| {
            let mut l = [0f32; 8];
            _mm256_storeu_ps(l.as_mut_ptr(), v);
            l.iter().fold(f32::MIN, |a, x| a.max(*x))
        };
        // The smallest and largest values, then the smallest above and the largest below them.
        let (mut lo8, mut hi8) = (_mm256_set1_ps(f32::MAX), _mm256_set1_ps(f32::MIN));
        for i in (0..full).step_by(8) {
            let v = _mm256_loadu_ps(row.as_ptr().add(i));
            lo8 = _mm256_min_ps(lo8, v);
            hi8 = _mm256_max_ps(hi8, v);
        }
        let tail = &row[full..];
        let lo = tail.iter().fold(lanes_min(lo8), |a, v| a.min(*v));
        let hi = tail.iter().fold(lanes_max(hi8), |a, v| a.max(*v));
        let (lo_all, hi_all) = (_mm256_set1_ps(lo), _mm256_set1_ps(hi));
        let (mut lo8, mut hi8) = (_mm256_set1_ps(f32::MAX), _mm256_set1_ps(f32::MIN));
        for i in (0..full).step_by(8) {
            let v = _mm256_loadu_ps(row.as_ptr().add(i));
            lo8 = _mm256_min_ps(lo8, _mm256_blendv_ps(v, _mm256_set1_ps(f32::MAX), _mm256_cmp_ps::<_CMP_EQ_OQ>(v, lo_all)));
            hi8 = _mm256_max_ps(hi8, _mm256_blendv_ps(v, _mm256_set1_ps(f32::MIN), _mm256_cmp_ps::<_CMP_EQ_OQ>(v, hi_all)));
        }
        let lo2 = tail.iter().filter(|v| **v != lo).fold(lanes_min(lo8), |a, v| a.min(*v));
        let hi2 = tail.iter().filter(|v| **v != hi).fold(lanes_max(hi8), |a, v| a.max(*v));
        // Fewer than four distinct values (or not finite): the whole range, nothing clamped.
        let (lo, hi) = if lo2 < hi2 && lo2.is_finite() && hi2.is_finite() { (lo2, hi2) } else { (lo, hi) };
        let step = if hi > lo { (hi - lo) / ACT_LEVELS as f32 } else { 1.0 };
        let inv = 1.0 / step;
        let first = fixes.len();
        let (inv8, lo8, hi8) = (_mm256_set1_ps(inv), _mm256_set1_ps(lo), _mm256_set1_ps(hi));
        for i in (0..full).step_by(8) {
            let v = _mm256_loadu_ps(row.as_ptr().add(i));
            let c = _mm256_min_ps(_mm256_max_ps(v, lo8), hi8);
            if _mm256_movemask_ps(_mm256_cmp_ps::<_CMP_NEQ_UQ>(c, v)) != 0 {
                for j in i..i + 8 {
                    let (x, y) = (row[j], row[j].clamp(lo, hi));
                    if x != y {
                        fixes.push((j as u32, ((x - y) * inv).round() as i32));
                    }
                }
            }
            // (c - lo) / step, rounded to nearest: 0 to 255, then packed to bytes.
            let n = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_sub_ps(c, lo8), inv8));
            let b = _mm256_packus_epi16(_mm256_packus_epi32(n, n), _mm256_setzero_si256());
            // Bytes 0..4 of each 128-bit half hold values 0..4 and 4..8.
            std::ptr::write_unaligned(out.as_mut_ptr().add(i) as *mut i32, _mm256_extract_epi32::<0>(b));
            std::ptr::write_unaligned(out.as_mut_ptr().add(i + 4) as *mut i32, _mm256_extract_epi32::<4>(b));
        }
        for (j, (o, x)) in out[full..row.len()].iter_mut().zip(tail).enumerate() {
            let y = x.clamp(lo, hi);
            if *x != y {
                fixes.push(((full + j) as u32, ((x - y) * inv).round() as i32));
            }
            *o = ((y - lo) * inv).round() as u8;
        }
        RowScale { step, lo, first, count: fixes.len() - first }
    }
}

/// tile[0..R] = q[0..R, 0..k4] · panel, in i32.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn product_i8<const R: usize>(q: *const u8, ldq: usize, w: *const i8, k4: usize, tile: &mut [[i32; NR]; QR]) {
    unsafe {
        let ones = _mm256_set1_epi16(1);
        let mut acc = [[_mm256_setzero_si256(); 2]; R];
        for g in 0..k4 / 4 {
            let wp = w.add(g * NR * 4) as *const __m256i;
            let w0 = _mm256_loadu_si256(wp);
            let w1 = _mm256_loadu_si256(wp.add(1));
            for (r, a) in acc.iter_mut().enumerate() {
                let v = _mm256_set1_epi32((q.add(r * ldq + g * 4) as *const i32).read_unaligned());
                a[0] = _mm256_add_epi32(a[0], _mm256_madd_epi16(_mm256_maddubs_epi16(v, w0), ones));
                a[1] = _mm256_add_epi32(a[1], _mm256_madd_epi16(_mm256_maddubs_epi16(v, w1), ones));
            }
        }
        for (t, a) in tile.iter_mut().zip(&acc) {
            _mm256_storeu_si256(t.as_mut_ptr() as *mut __m256i, a[0]);
            _mm256_storeu_si256(t.as_mut_ptr().add(8) as *mut __m256i, a[1]);
        }
    }
}
