//! Multiply-adds per second of the encoder's four products (multilingual-e5-small's shapes, 12
//! layers) for texts of 10 to 260 tokens.
//!
//! Run: `cargo run --release --manifest-path kernels/Cargo.toml --example speed` (from the project root)

use std::time::Instant;
use wegwijs_kernels::{available, Packed, Then};

fn main() {
    if !available() {
        eprintln!("this processor lacks AVX2, FMA or F16C");
        return;
    }
    let shapes = [(384, 1152), (384, 384), (384, 1536), (1536, 384)];
    {
        let layers: Vec<Vec<Packed>> = (0..12)
            .map(|l| {
                shapes
                    .iter()
                    .map(|&(k, n)| {
                        let w: Vec<f32> = (0..k * n).map(|i| ((i * 7919 + l) % 1000) as f32 / 1000.0 - 0.5).collect();
                        Packed::new(&w, &vec![0.0; n], n, k)
                    })
                    .collect()
            })
            .collect();
        for m in [10usize, 50, 100, 130, 260] {
            let x: Vec<f32> = (0..m * 1536).map(|i| ((i * 31) % 100) as f32 / 100.0 - 0.5).collect();
            let mut out = vec![0f32; m * 1536];
            let reps = 10;
            let t = Instant::now();
            for _ in 0..reps {
                for layer in &layers {
                    for p in layer {
                        p.forward(&x, m, Then::Bias, &mut out);
                    }
                }
            }
            let s = t.elapsed().as_secs_f64() / reps as f64;
            let macs: usize = shapes.iter().map(|(k, n)| 12 * m * k * n).sum();
            println!("{m:>3} tokens: {:6.2} ms, {:5.1} G multiply-adds/s", s * 1e3, macs as f64 / s / 1e9);
        }
    }
}
