//! Multiply-adds per second of the encoder's four products (multilingual-e5-small's shapes, 12
//! layers) for texts of 10 to 260 tokens, f16 and 8-bit products: the fastest of ten runs (this machine's
//! speed changes from minute to minute).
//!
//! Run: `cargo run --release --manifest-path kernels/Cargo.toml --example speed` (from the project root)

use std::time::Instant;
use wegwijs_kernels::{available, Packed, Quantized, Then};

/// Inputs spread like a hidden state's (few equal values; the 8-bit products clamp a row's extremes).
fn inputs(n: usize) -> Vec<f32> {
    let mut s = 0x9e37_79b9_7f4a_7c15u64;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 40) as f32 / (1u64 << 24) as f32 - 0.5
        })
        .collect()
}

fn main() {
    if !available() {
        eprintln!("this processor lacks AVX2, FMA or F16C");
        return;
    }
    speed("f16  ", Packed::new, Packed::forward);
    speed("8-bit", Quantized::new, Quantized::forward);
}

/// Times the four products of 12 layers, each made by `make` from a weight [out, in] and a bias.
fn speed<P>(name: &str, make: fn(&[f32], &[f32], usize, usize) -> P, forward: fn(&P, &[f32], usize, Then, &mut [f32])) {
    let shapes = [(384, 1152), (384, 384), (384, 1536), (1536, 384)];
    let layers: Vec<Vec<P>> = (0..12)
        .map(|l| {
            shapes
                .iter()
                .map(|&(k, n)| {
                    let w: Vec<f32> = (0..k * n).map(|i| ((i * 7919 + l) % 1000) as f32 / 1000.0 - 0.5).collect();
                    make(&w, &vec![0.0; n], n, k)
                })
                .collect()
        })
        .collect();
    for m in [10usize, 50, 100, 130, 260] {
        let x = inputs(m * 1536);
        let mut out = vec![0f32; m * 1536];
        let mut s = f64::MAX;
        for _ in 0..10 {
            let t = Instant::now();
            for layer in &layers {
                for p in layer {
                    forward(p, &x, m, Then::Bias, &mut out);
                }
            }
            s = s.min(t.elapsed().as_secs_f64());
        }
        let macs: usize = shapes.iter().map(|(k, n)| 12 * m * k * n).sum();
        println!("{name} {m:>3} tokens: {:6.2} ms, {:5.1} G multiply-adds/s", s * 1e3, macs as f64 / s / 1e9);
    }
}
