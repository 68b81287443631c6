//! Telegram HTML: escaping, rendering the rich-text model, and splitting at the length limits.

use crate::message::{Block, Inline, RichText};

/// Telegram's limit is 4,096 characters after entity parsing (counted in UTF-16 units); stay below.
pub const MAX_TEXT: usize = 4000;

/// A file's caption may hold 1,024 characters after entity parsing; stay below.
pub const MAX_CAPTION: usize = 1000;

/// `&`, `<`, `>` and `"`: everything Telegram's HTML parser treats specially.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// One rendered piece: HTML and the length of its visible text.
struct Piece {
    html: String,
    visible: usize,
}

fn inline_html(out: &mut Piece, i: &Inline) {
    let mut push = |html: String, text: &str| {
        out.html.push_str(&html);
        out.visible += utf16_len(text);
    };
    match i {
        Inline::Text(s) => push(escape(s), s),
        Inline::Strong(s) => push(format!("<b>{}</b>", escape(s)), s),
        Inline::Emphasis(s) => push(format!("<i>{}</i>", escape(s)), s),
        Inline::Code(s) => push(format!("<code>{}</code>", escape(s)), s),
        Inline::Link { label, url } => {
            if url.starts_with("https://") || url.starts_with("http://") {
                push(format!("<a href=\"{}\">{}</a>", escape(url), escape(label)), label)
            } else {
                push(escape(label), label)
            }
        }
        Inline::Mention { label, user } => {
            if !user.is_empty() && user.bytes().all(|b| b.is_ascii_digit()) {
                push(format!("<a href=\"tg://user?id={user}\">{}</a>", escape(label)), label)
            } else {
                push(escape(label), label)
            }
        }
        Inline::LineBreak => push("\n".into(), "\n"),
    }
}

fn block_pieces(b: &Block, max: usize) -> Vec<Piece> {
    let mut p = Piece { html: String::new(), visible: 0 };
    let run = |p: &mut Piece, inl: &[Inline]| inl.iter().for_each(|i| inline_html(p, i));
    match b {
        Block::Heading(i) => {
            p.html.push_str("<b>");
            run(&mut p, i);
            p.html.push_str("</b>");
        }
        Block::Paragraph(i) => run(&mut p, i),
        Block::Note(i) => {
            p.html.push_str("<i>");
            run(&mut p, i);
            p.html.push_str("</i>");
        }
        Block::List(items) => {
            for (k, item) in items.iter().enumerate() {
                if k > 0 {
                    p.html.push('\n');
                    p.visible += 1;
                }
                p.html.push_str("• ");
                p.visible += 2;
                run(&mut p, item);
            }
        }
    }
    if p.visible <= max {
        return vec![p];
    }
    // A block too long for one message (a huge relayed text): split its plain text at spaces.
    let plain = RichText { blocks: vec![b.clone()] }.plain();
    split_words(&plain, max).into_iter().map(|s| Piece { visible: utf16_len(&s), html: escape(&s) }).collect()
}

/// Splits text into parts of at most `max` UTF-16 units, at whitespace where possible.
pub fn split_words(text: &str, max: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut cur_len = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let wl = utf16_len(word);
        if cur_len + wl > max && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
            cur_len = 0;
        }
        if wl > max {
            // One "word" longer than a message: cut it by characters.
            for c in word.chars() {
                let cl = c.len_utf16();
                if cur_len + cl > max {
                    parts.push(std::mem::take(&mut cur));
                    cur_len = 0;
                }
                cur.push(c);
                cur_len += cl;
            }
        } else {
            cur.push_str(word);
            cur_len += wl;
        }
    }
    if !cur.trim().is_empty() {
        parts.push(cur);
    }
    parts
}

/// Rich text as Telegram HTML messages, each within the length limit; tags never cross a split.
pub fn render(text: &RichText) -> Vec<String> {
    render_parts(text, MAX_TEXT).into_iter().map(|(html, _)| html).collect()
}

/// Like [`render`], with parts of at most `max` visible UTF-16 units (a file's caption allows 1,024),
/// each with its visible length.
pub fn render_parts(text: &RichText, max: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_len = 0;
    for b in &text.blocks {
        for p in block_pieces(b, max) {
            let sep = if cur.is_empty() { 0 } else { 2 };
            if cur_len + sep + p.visible > max && !cur.is_empty() {
                out.push((std::mem::take(&mut cur), cur_len));
                cur_len = 0;
            }
            if !cur.is_empty() {
                cur.push_str("\n\n");
                cur_len += 2;
            }
            cur.push_str(&p.html);
            cur_len += p.visible;
        }
    }
    if !cur.is_empty() || out.is_empty() {
        out.push((cur, cur_len));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped_and_long_text_split_without_breaking_tags() {
        let rt = RichText {
            blocks: vec![
                Block::Heading(vec![Inline::Text("<b>BSN & co</b>".into())]),
                Block::Paragraph(vec![Inline::Link { label: "x\"<".into(), url: "https://a.nl/?a=1&b=\"2\"".into() }]),
                Block::Paragraph(vec![Inline::Link { label: "bad".into(), url: "javascript:alert(1)".into() }]),
            ],
        };
        let parts = render(&rt);
        assert_eq!(parts.len(), 1);
        assert!(parts[0].starts_with("<b>&lt;b&gt;BSN &amp; co&lt;/b&gt;</b>"), "{}", parts[0]);
        assert!(parts[0].contains("<a href=\"https://a.nl/?a=1&amp;b=&quot;2&quot;\">x&quot;&lt;</a>"), "{}", parts[0]);
        assert!(!parts[0].contains("javascript"));

        let long = "woord ".repeat(3000);
        let rt = RichText { blocks: vec![Block::Heading(vec![Inline::Text("Titel".into())]), Block::Note(vec![Inline::Text(long.clone())])] };
        let parts = render(&rt);
        assert!(parts.len() >= 4);
        for p in &parts {
            assert!(p.encode_utf16().count() <= 4096, "{}", p.len());
            assert_eq!(p.matches("<i>").count(), p.matches("</i>").count());
            assert!(!p.ends_with("wo") || p.ends_with("woord"), "words are not cut");
        }
        assert_eq!(parts.iter().map(|p| p.matches("woord").count()).sum::<usize>(), 3000, "no word lost");
        for p in &parts {
            for w in p.split_whitespace() {
                let core = w.trim_matches(|c: char| !c.is_alphabetic());
                assert!(core.is_empty() || core == "woord" || w.contains("Titel"), "cut word {w:?}");
            }
        }
    }

    #[test]
    fn caption_parts_respect_the_smaller_limit() {
        let rt = RichText { blocks: vec![Block::Paragraph(vec![Inline::Strong("Ticket #1".into())]), Block::Paragraph(vec![Inline::Text("woord ".repeat(400))])] };
        let parts = render_parts(&rt, MAX_CAPTION);
        assert!(parts.len() >= 3, "{}", parts.len());
        for (html, visible) in &parts {
            assert!(*visible <= MAX_CAPTION, "{visible}");
            assert_eq!(html.matches("<b>").count(), html.matches("</b>").count());
        }
        assert_eq!(render_parts(&RichText::paragraph("kort"), MAX_CAPTION), vec![("kort".to_string(), 4)]);
    }

    #[test]
    fn emoji_count_as_two_units() {
        let parts = split_words(&"😀".repeat(3000), MAX_TEXT);
        assert!(parts.iter().all(|p| p.encode_utf16().count() <= MAX_TEXT));
        assert_eq!(parts.iter().map(|p| p.chars().count()).sum::<usize>(), 3000);
    }
}
