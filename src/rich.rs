//! The bot's rich-text model: headings, paragraphs, lists, notes, links, mentions. Transports render
//! it as Telegram HTML, Matrix HTML or web HTML; plain-text rendering and the handling of text
//! direction live here, with the model.

/// Left-to-right isolate and pop directional isolate (Unicode bidi).
pub const LRI: char = '\u{2066}';
pub const PDI: char = '\u{2069}';

/// Inline content of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    Code(String),
    Link { label: String, url: String },
    /// A mention of a person on the platform the message goes to (`user` is their platform id).
    Mention { label: String, user: String },
    LineBreak,
}

/// A block of rich text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Block {
    /// A short heading line (a topic title).
    Heading(Vec<Inline>),
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item is a run of inlines.
    List(Vec<Vec<Inline>>),
    /// A remark about the message itself (language fallback, draft translation), shown in italics.
    Note(Vec<Inline>),
}

/// Rich text: what transports render as plain text, Telegram HTML or Matrix HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RichText {
    pub blocks: Vec<Block>,
}

impl RichText {
    pub fn paragraph(text: impl Into<String>) -> Self {
        RichText { blocks: vec![Block::Paragraph(vec![Inline::Text(text.into())])] }
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// Plain text with no markup: the console, the `body` of formatted messages, tests.
    pub fn plain(&self) -> String {
        render_plain(self)
    }

    /// Wraps numbers and Latin-script runs in left-to-right isolates (for right-to-left text).
    pub fn isolate_ltr(&mut self) {
        let fix = |inlines: &mut Vec<Inline>| {
            for i in inlines.iter_mut() {
                match i {
                    Inline::Text(s) | Inline::Strong(s) | Inline::Emphasis(s) => *s = isolate_ltr(s),
                    Inline::Link { label, .. } | Inline::Mention { label, .. } => *label = isolate_ltr(label),
                    Inline::Code(_) | Inline::LineBreak => {}
                }
            }
        };
        for b in &mut self.blocks {
            match b {
                Block::Heading(i) | Block::Paragraph(i) | Block::Note(i) => fix(i),
                Block::List(items) => items.iter_mut().for_each(fix),
            }
        }
    }
}

fn render_inlines(out: &mut String, inlines: &[Inline]) {
    for i in inlines {
        match i {
            Inline::Text(s) | Inline::Strong(s) | Inline::Emphasis(s) | Inline::Code(s) => out.push_str(s),
            Inline::Link { label, url } => {
                out.push_str(label);
                out.push_str(": ");
                out.push_str(url);
            }
            Inline::Mention { label, .. } => {
                out.push('@');
                out.push_str(label);
            }
            Inline::LineBreak => out.push('\n'),
        }
    }
}

/// Rich text as plain text.
pub fn render_plain(text: &RichText) -> String {
    let mut out = String::new();
    for (n, b) in text.blocks.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        match b {
            Block::Heading(i) => {
                out.push_str("== ");
                render_inlines(&mut out, i);
            }
            Block::Paragraph(i) => render_inlines(&mut out, i),
            Block::Note(i) => {
                out.push_str("(");
                render_inlines(&mut out, i);
                out.push(')');
            }
            Block::List(items) => {
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        out.push('\n');
                    }
                    out.push_str("  • ");
                    render_inlines(&mut out, item);
                }
            }
        }
    }
    out
}


/// In right-to-left text, a run of digits or Latin-script words is shown in the wrong order unless
/// it is isolated: "0800 2000" would read "2000 0800". Wraps every such run (with the spaces and
/// punctuation between its parts, such as "0800 2000", "113.nl", "+31 71 516 6005") in LRI … PDI.
/// Runs already inside an isolate (Fluent's placeables) are left alone.
pub fn isolate_ltr(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let strong_ltr = |c: char| c.is_ascii_alphanumeric() || (c.is_alphabetic() && ('\u{00C0}'..='\u{024F}').contains(&c));
    // Spaces and ASCII punctuation between two left-to-right characters stay inside the run.
    let joiner = |c: char| c == ' ' || c == '\u{00A0}' || c == '€' || (c.is_ascii_punctuation());
    let mut out = String::with_capacity(text.len() + 8);
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\u{2066}'..='\u{2068}' => depth += 1,
            '\u{2069}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && strong_ltr(c) {
            // Extend over LTR characters and joiners that are followed by more LTR characters.
            let mut end = i + 1;
            let mut k = i + 1;
            while k < chars.len() {
                if strong_ltr(chars[k]) {
                    end = k + 1;
                } else if !joiner(chars[k]) {
                    break;
                }
                k += 1;
            }
            // A sign right before the run belongs to it: "+31 71 ...", "€ 7,50" stays in one piece.
            let mut lead = String::new();
            while let Some(last) = out.chars().last()
                && (matches!(last, '+' | '€' | '#' | '$') || (matches!(last, ' ' | '\u{00A0}') && out.trim_end().ends_with('€')))
                && lead.chars().count() < 3
            {
                out.pop();
                lead.insert(0, last);
            }
            out.push(LRI);
            out.push_str(&lead);
            out.extend(&chars[i..end]);
            let opens = chars[i..end].iter().filter(|&&c| c == '(').count();
            let closes = chars[i..end].iter().filter(|&&c| c == ')').count();
            if opens > closes && end < chars.len() && chars[end] == ')' {
                out.push(')');
                end += 1;
            }
            out.push(PDI);
            i = end;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_latin_runs_are_isolated_once() {
        assert_eq!(isolate_ltr("اتصل بالرقم 0800 2000 الآن"), "اتصل بالرقم \u{2066}0800 2000\u{2069} الآن");
        assert_eq!(isolate_ltr("Veilig Thuis: 0800 2000"), "\u{2066}Veilig Thuis: 0800 2000\u{2069}");
        assert_eq!(isolate_ltr("في 113.nl."), "في \u{2066}113.nl\u{2069}.");
        let once = isolate_ltr("رقم 112");
        assert_eq!(isolate_ltr(&once), once, "idempotent");
        assert_eq!(isolate_ltr("\u{2068}Leiden\u{2069} فقط"), "\u{2068}Leiden\u{2069} فقط", "placeables stay as they are");
        assert_eq!(isolate_ltr("نص عربي فقط"), "نص عربي فقط");
        assert_eq!(isolate_ltr("اتصل +31 71 516 6005"), "اتصل \u{2066}+31 71 516 6005\u{2069}");
        assert_eq!(isolate_ltr("المبلغ € 7,50 شهريا"), "المبلغ \u{2066}€ 7,50\u{2069} شهريا");
    }
}
