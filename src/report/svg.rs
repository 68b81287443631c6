//! Small inline SVG charts for the report: stacked columns per day, horizontal bars, stacked shares.
//!
//! Hand-written rather than drawn with a plotting crate: the charts are few and simple, need no
//! font metrics, carry a `<title>` per bar (a tooltip and text for screen readers), and cost the
//! build nothing. Values under 10 arrive already masked (see `report::masked`) and are drawn hatched.

use std::fmt::Write;

/// Colour-blind-safe colours (Okabe and Ito), then greys.
pub const PALETTE: [&str; 10] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999", "#CCCCCC"];

/// One drawn value: its height (masked), whether it stands for "fewer than 10", and its tooltip.
#[derive(Debug, Clone)]
pub struct Value {
    pub height: f64,
    pub small: bool,
    pub title: String,
}

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The pattern that marks values under 10; every chart carries its own copy, so each SVG stands alone.
fn defs(id: &str) -> String {
    format!(
        "<defs><pattern id=\"{id}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#777\" stroke-width=\"3\"/></pattern></defs>"
    )
}

fn fill(colour: &str, small: bool, hatch: &str) -> String {
    if small { format!("fill=\"url(#{hatch})\" stroke=\"{colour}\" stroke-width=\"1.5\"") } else { format!("fill=\"{colour}\"") }
}

/// A "nice" axis maximum and step for values up to `max`.
fn axis(max: f64) -> (f64, f64) {
    let max = max.max(1.0);
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    ((max / step).ceil() * step, step)
}

/// Columns per day, stacked by series (e.g. languages). `days` label the x axis; `series` are
/// (name, colour, one value per day).
pub fn stacked_days(id: &str, days: &[String], series: &[(String, &str, Vec<Value>)]) -> String {
    let (w, h, left, bottom, top) = (900.0, 260.0, 44.0, 40.0, 10.0);
    let n = days.len().max(1) as f64;
    let totals: Vec<f64> = (0..days.len()).map(|i| series.iter().map(|s| s.2[i].height).sum()).collect();
    let (max, step) = axis(totals.iter().cloned().fold(0.0, f64::max));
    let plot_h = h - bottom - top;
    let col = (w - left - 10.0) / n;
    let y = |v: f64| top + plot_h - v / max * plot_h;
    let mut s = format!("<svg viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">");
    let _ = write!(s, "<title id=\"{id}-t\">Questions per day and language</title>{}", defs(&format!("{id}-h")));
    let mut v = 0.0;
    while v <= max + 1e-9 {
        let _ = write!(s, "<line x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#e5e5e5\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{v}</text>", w - 10.0, left - 4.0, y(v) + 4.0, y = y(v));
        v += step;
    }
    let every = (days.len() / 10).max(1);
    for (i, day) in days.iter().enumerate() {
        let x = left + i as f64 * col;
        let mut base = 0.0;
        for (name, colour, values) in series {
            let val = &values[i];
            if val.height <= 0.0 {
                continue;
            }
            let (y0, y1) = (y(base + val.height), y(base));
            let _ = write!(
                s,
                "<rect x=\"{:.1}\" y=\"{y0:.1}\" width=\"{:.1}\" height=\"{:.1}\" {}><title>{} · {}: {}</title></rect>",
                x + col * 0.1,
                col * 0.8,
                (y1 - y0).max(0.5),
                fill(colour, val.small, &format!("{id}-h")),
                esc(day),
                esc(name),
                esc(&val.title)
            );
            base += val.height;
        }
        if i % every == 0 {
            let _ = write!(s, "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>", x + col / 2.0, h - bottom + 14.0, esc(day.get(5..).unwrap_or(day)));
        }
    }
    s.push_str("</svg>");
    s
}

/// Horizontal bars, one per row: (label, colour, value).
pub fn bars(id: &str, title: &str, rows: &[(String, &str, Value)]) -> String {
    let (w, row_h, label_w) = (900.0, 22.0, 300.0);
    let h = rows.len().max(1) as f64 * row_h + 24.0;
    let (max, step) = axis(rows.iter().map(|r| r.2.height).fold(0.0, f64::max));
    let plot_w = w - label_w - 60.0;
    let x = |v: f64| label_w + v / max * plot_w;
    let mut s = format!("<svg viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">");
    let _ = write!(s, "<title id=\"{id}-t\">{}</title>{}", esc(title), defs(&format!("{id}-h")));
    let mut v = 0.0;
    while v <= max + 1e-9 {
        let _ = write!(s, "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"0\" y2=\"{}\" stroke=\"#e5e5e5\"/><text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\" font-size=\"11\">{v}</text>", h - 20.0, h - 6.0, x = x(v));
        v += step;
    }
    for (i, (label, colour, val)) in rows.iter().enumerate() {
        let top = i as f64 * row_h + 3.0;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#222\">{}</text><rect x=\"{label_w}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" {}><title>{}: {}</title></rect><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#333\" font-size=\"11\">{}</text>",
            label_w - 6.0,
            top + row_h * 0.62,
            esc(&truncate(label, 44)),
            (x(val.height) - label_w).max(1.0),
            row_h - 6.0,
            fill(colour, val.small, &format!("{id}-h")),
            esc(label),
            esc(&val.title),
            x(val.height) + 4.0,
            top + row_h * 0.62,
            esc(&val.title)
        );
    }
    s.push_str("</svg>");
    s
}

/// One 100% bar per row, split into parts: (row label, parts as (part name, colour, value)).
pub fn shares(id: &str, title: &str, rows: &[(String, Vec<(&str, &str, Value)>)]) -> String {
    let (w, row_h, label_w) = (900.0, 24.0, 300.0);
    let h = rows.len().max(1) as f64 * row_h + 4.0;
    let plot_w = w - label_w - 10.0;
    let mut s = format!("<svg viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">");
    let _ = write!(s, "<title id=\"{id}-t\">{}</title>{}", esc(title), defs(&format!("{id}-h")));
    for (i, (label, parts)) in rows.iter().enumerate() {
        let top = i as f64 * row_h + 3.0;
        let total: f64 = parts.iter().map(|p| p.2.height).sum();
        let _ = write!(s, "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#222\">{}</text>", label_w - 6.0, top + row_h * 0.6, esc(&truncate(label, 44)));
        if total <= 0.0 {
            continue;
        }
        let mut x = label_w;
        for (name, colour, val) in parts {
            let width = val.height / total * plot_w;
            if width <= 0.0 {
                continue;
            }
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{width:.1}\" height=\"{:.1}\" {}><title>{} · {}: {}</title></rect>",
                row_h - 6.0,
                fill(colour, val.small, &format!("{id}-h")),
                esc(label),
                esc(name),
                esc(&val.title)
            );
            if width > 34.0 && !val.small {
                let _ = write!(s, "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"11\">{}</text>", x + width / 2.0, top + row_h * 0.55, esc(&val.title));
            }
            x += width;
        }
    }
    s.push_str("</svg>");
    s
}

/// A legend: coloured squares with names, and the hatch for "fewer than 10".
pub fn legend(items: &[(&str, &str)]) -> String {
    let mut s = String::from("<p class=\"legend\">");
    for (name, colour) in items {
        let _ = write!(s, "<span><i style=\"background:{colour}\"></i>{}</span> ", esc(name));
    }
    s.push_str("<span><i class=\"hatch\"></i>fewer than 10 (drawn as 5)</span></p>");
    s
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_are_round() {
        assert_eq!(axis(37.0), (40.0, 10.0));
        assert_eq!(axis(0.0), (1.0, 0.25));
        assert_eq!(axis(1234.0), (1500.0, 500.0));
    }

    #[test]
    fn labels_are_escaped() {
        let v = Value { height: 12.0, small: false, title: "12".into() };
        let svg = bars("x", "t", &[("<script>".into(), PALETTE[0], v)]);
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
    }
}
