//! The encoder's kernels (crate `wegwijs-kernels`) against plain arithmetic: every product shape and
//! epilogue (f16 and 8-bit), attention of texts laid end to end, layer norm.

use wegwijs_kernels::*;

fn reference(x: &[f32], m: usize, w: &[f32], b: &[f32], out: usize, inp: usize) -> Vec<f32> {
    let mut y = vec![0f32; m * out];
    for r in 0..m {
        for c in 0..out {
            let mut s = b[c] as f64;
            for i in 0..inp {
                s += x[r * inp + i] as f64 * half::f16::from_f32(w[c * inp + i]).to_f32() as f64;
            }
            y[r * out + c] = s as f32;
        }
    }
    y
}

#[test]
fn packed_products_match_a_plain_product_for_every_shape_and_epilogue() {
    if !available() {
        eprintln!("this processor lacks AVX2, FMA or F16C: the kernels are not used here");
        return;
    }
    // Rows past a tile, columns past a panel, and a product big enough to be split over cores.
    for (m, out, inp) in [(1, 16, 8), (7, 20, 13), (13, 48, 40), (40, 200, 384)] {
        let x: Vec<f32> = (0..m * inp).map(|i| ((i * 37) % 101) as f32 / 50.0 - 1.0).collect();
        let w: Vec<f32> = (0..out * inp).map(|i| ((i * 53) % 97) as f32 / 97.0 - 0.5).collect();
        let b: Vec<f32> = (0..out).map(|i| i as f32 / 10.0).collect();
        let res: Vec<f32> = (0..m * out).map(|i| (i % 7) as f32).collect();
        let want = reference(&x, m, &w, &b, out, inp);
        let p = Packed::new(&w, &b, out, inp);
        assert_eq!(p.out_dim(), out);
        for then in [Then::Bias, Then::Gelu, Then::Residual(&res)] {
            let mut y = vec![f32::NAN; m * out];
            p.forward(&x, m, then, &mut y);
            for (i, (got, want)) in y.iter().zip(&want).enumerate() {
                let want = match then {
                    Then::Bias => *want,
                    Then::Gelu => gelu(*want),
                    Then::Residual(r) => want + r[i],
                };
                assert!((got - want).abs() <= 1e-4 * (1.0 + want.abs()), "m {m} n {out} k {inp}: {got} vs {want} at {i}");
            }
        }
    }
}

/// The error an 8-bit product may have at (row r, column c): each weight off by at most half its
/// column's step (its largest magnitude / 63), each input by half its row's step (the row's
/// second-smallest to second-largest value in 255 steps), and their product.
fn eight_bit_bound(x: &[f32], w: &[f32], inp: usize, r: usize, c: usize) -> f64 {
    let row = &x[r * inp..(r + 1) * inp];
    let wc = &w[c * inp..(c + 1) * inp];
    let (lo, hi) = row.iter().fold((f32::MAX, f32::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let lo2 = row.iter().filter(|v| **v != lo).fold(f32::MAX, |a, v| a.min(*v));
    let hi2 = row.iter().filter(|v| **v != hi).fold(f32::MIN, |a, v| a.max(*v));
    let (lo, hi) = if lo2 < hi2 { (lo2, hi2) } else { (lo, hi) };
    let dx = ((hi - lo) / 255.0) as f64 / 2.0;
    let dw = wc.iter().fold(0f32, |m, v| m.max(v.abs())) as f64 / 63.0 / 2.0;
    let sum: f64 = row.iter().zip(wc).map(|(x, w)| x.abs() as f64 * dw + w.abs() as f64 * dx + dx * dw).sum();
    sum * 1.01 + 1e-4
}

#[test]
fn eight_bit_products_stay_within_their_rounding_for_every_shape_and_epilogue() {
    if !available() {
        eprintln!("this processor lacks AVX2, FMA or F16C: the kernels are not used here");
        return;
    }
    // Rows past a tile, inputs not a multiple of 4 or 8, columns past a panel, a product split over
    // cores, and rows with a far-out value (a hidden state's outlier channel) or equal values.
    for (m, out, inp) in [(1, 16, 8), (7, 20, 13), (13, 48, 40), (40, 200, 384), (9, 384, 1536)] {
        let mut x: Vec<f32> = (0..m * inp).map(|i| ((i * 37) % 101) as f32 / 50.0 - 1.0 + (i % 7) as f32 * 0.003).collect();
        x[inp / 2] = 40.0;
        if m > 1 {
            x[inp + 1] = -25.0;
            x[inp + 2] = -25.0;
        }
        if m > 2 {
            x[2 * inp..3 * inp].fill(0.5);
        }
        let w: Vec<f32> = (0..out * inp).map(|i| ((i * 53) % 97) as f32 / 97.0 - 0.5).collect();
        let b: Vec<f32> = (0..out).map(|i| i as f32 / 10.0).collect();
        let res: Vec<f32> = (0..m * out).map(|i| (i % 7) as f32).collect();
        let exact: Vec<f64> = (0..m * out)
            .map(|i| {
                let (r, c) = (i / out, i % out);
                b[c] as f64 + (0..inp).map(|k| x[r * inp + k] as f64 * w[c * inp + k] as f64).sum::<f64>()
            })
            .collect();
        let p = Quantized::new(&w, &b, out, inp);
        assert_eq!(p.out_dim(), out);
        let mut y = vec![f32::NAN; m * out];
        p.forward(&x, m, Then::Bias, &mut y);
        let mut worst = 0f64;
        for (i, (got, want)) in y.iter().zip(&exact).enumerate() {
            let bound = eight_bit_bound(&x, &w, inp, i / out, i % out);
            let err = (*got as f64 - want).abs();
            assert!(err <= bound, "m {m} n {out} k {inp}: {got} vs {want} at {i}, bound {bound}");
            worst = worst.max(err / bound);
        }
        // Over hundreds of inputs rounding errors mostly cancel: far inside the worst case.
        if inp >= 384 {
            assert!(worst < 0.2, "m {m} n {out} k {inp}: an error of {worst} of the bound");
        }
        // The epilogues apply to the same sums.
        for then in [Then::Gelu, Then::Residual(&res)] {
            let mut z = vec![f32::NAN; m * out];
            p.forward(&x, m, then, &mut z);
            for (i, (got, plain)) in z.iter().zip(&y).enumerate() {
                let want = match then {
                    Then::Gelu => gelu(*plain),
                    Then::Residual(r) => plain + r[i],
                    Then::Bias => unreachable!(),
                };
                assert!((got - want).abs() <= 1e-5 * (1.0 + want.abs()), "m {m} n {out} k {inp}: {got} vs {want} at {i}");
            }
        }
    }
}

#[test]
fn attention_of_texts_laid_end_to_end_matches_each_text_alone() {
    if !available() {
        eprintln!("this processor lacks AVX2, FMA or F16C: the kernels are not used here");
        return;
    }
    // Heads of 8 and of 32 columns (e5-small's) take eight keys at a time, with the rest one by one;
    // heads of 6 columns one score at a time. Scores far apart test the exponential's range.
    for (heads, hidden, texts, scale) in [
        (2, 16, vec![(0, 3), (3, 5)], 1.0),
        (12, 384, vec![(0, 20), (20, 37), (57, 8)], 1.0),
        (4, 128, vec![(0, 17)], 4.0),
        (2, 12, vec![(0, 9), (9, 4)], 1.0),
    ] {
        check_attention(heads, hidden, &texts, scale);
    }
}

fn check_attention(heads: usize, hidden: usize, texts: &[(usize, usize)], scale: f32) {
    let tokens: usize = texts.iter().map(|t| t.1).sum();
    let qkv: Vec<f32> = (0..tokens * 3 * hidden).map(|i| (((i * 29) % 31) as f32 / 31.0 - 0.5) * scale).collect();
    let mut out = vec![0f32; tokens * hidden];
    attention(&qkv, texts, heads, hidden, &mut out);
    let hd = hidden / heads;
    for &(start, len) in texts {
        for h in 0..heads {
            for i in start..start + len {
                let q = &qkv[i * 3 * hidden + h * hd..][..hd];
                let s: Vec<f64> = (start..start + len)
                    .map(|j| q.iter().zip(&qkv[j * 3 * hidden + hidden + h * hd..][..hd]).map(|(a, b)| (a * b) as f64).sum())
                    .collect();
                let max = s.iter().cloned().fold(f64::MIN, f64::max);
                let e: Vec<f64> = s.iter().map(|v| (v - max).exp()).collect();
                let total: f64 = e.iter().sum();
                for d in 0..hd {
                    let want: f64 = (start..start + len).zip(&e).map(|(j, p)| p / total * qkv[j * 3 * hidden + 2 * hidden + h * hd + d] as f64).sum();
                    let got = out[i * hidden + h * hd + d] as f64;
                    assert!((got - want).abs() < 1e-5 * scale.max(1.0) as f64, "text at {start}, head {h}, token {i}: {got} vs {want}");
                }
            }
        }
    }
}

#[test]
fn layer_norm_gives_zero_mean_and_unit_variance_before_scale_and_shift() {
    let mut x: Vec<f32> = (0..2 * 20).map(|i| (i * i % 13) as f32).collect();
    let (w, b) = (vec![2.0; 20], vec![1.0; 20]);
    layer_norm(&mut x, 20, &w, &b, 1e-12);
    for row in x.chunks(20) {
        let z: Vec<f32> = row.iter().map(|v| (v - 1.0) / 2.0).collect();
        let mean = z.iter().sum::<f32>() / 20.0;
        let var = z.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / 20.0;
        assert!(mean.abs() < 1e-5 && (var - 1.0).abs() < 1e-4, "mean {mean} variance {var}");
    }
}

#[test]
#[should_panic(expected = "texts overlap")]
fn attention_refuses_texts_that_overlap() {
    let (heads, hidden) = (2, 16);
    let qkv = vec![0.5f32; 8 * 3 * hidden];
    let mut out = vec![0f32; 8 * hidden];
    attention(&qkv, &[(0, 5), (3, 5)], heads, hidden, &mut out);
}

#[test]
fn dots_give_each_rows_product_with_each_vector_also_split_over_cores() {
    // Few rows on one core; thousands of rows of 384 with three vectors, split over two.
    for (rows, dim, n) in [(1, 8, 1), (5, 13, 2), (3, 7, 0), (4000, 384, 3)] {
        let m: Vec<f32> = (0..rows * dim).map(|i| ((i * 31) % 89) as f32 / 44.0 - 1.0).collect();
        let vs: Vec<Vec<f32>> = (0..n).map(|v| (0..dim).map(|i| ((i * 7 + v * 11) % 23) as f32 / 11.0 - 1.0).collect()).collect();
        let refs: Vec<&[f32]> = vs.iter().map(|v| v.as_slice()).collect();
        let mut out = vec![f32::NAN; rows * n];
        dots(&m, dim, &refs, &mut out);
        for r in 0..rows {
            for (k, v) in vs.iter().enumerate() {
                let want: f64 = m[r * dim..(r + 1) * dim].iter().zip(v).map(|(a, b)| *a as f64 * *b as f64).sum();
                let got = out[r * n + k];
                assert!((got as f64 - want).abs() <= 1e-4 * (1.0 + want.abs()), "row {r} vector {k}: {got} for {want}");
            }
        }
    }
}
