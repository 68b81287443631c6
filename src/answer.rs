//! Composing what the person reads: an answer, a choice, or "I don't know", from knowledge and locales.

use crate::escalation::Category;
use crate::knowledge::{KnowledgeBase, Status, Topic, TopicId};
use crate::lang::Lang;
use crate::locale::Locales;
use crate::message::{Action, Block, Button, ChatRef, Inline, Kind, Outgoing, RichText};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The helplines (locale message ids) shown for a kind of danger, most specific first.
pub fn urgent_lines(category: Option<Category>) -> &'static [&'static str] {
    match category {
        Some(Category::Suicide) => &["safeguarding-113", "safeguarding-112"],
        Some(Category::Domestic) => &["safeguarding-veilig-thuis", "safeguarding-112"],
        Some(Category::Sexual) => &["safeguarding-csg", "safeguarding-veilig-thuis", "safeguarding-112"],
        Some(Category::Danger) => &["safeguarding-112", "safeguarding-police"],
        Some(Category::Exploitation) => &["safeguarding-exploitation", "safeguarding-police", "safeguarding-112"],
        None => &["safeguarding-112", "safeguarding-113", "safeguarding-veilig-thuis", "safeguarding-csg"],
    }
}

/// The helplines for every kind of danger found in one message: the first kind's, then those of the
/// others that are not there yet ("not allowed to leave the house where I work" is both violence at
/// home and exploitation; the person gets both kinds of help).
pub fn urgent_lines_all(categories: &[Category]) -> Vec<&'static str> {
    if categories.is_empty() {
        return urgent_lines(None).to_vec();
    }
    let mut lines: Vec<&'static str> = Vec::new();
    for c in categories {
        for line in urgent_lines(Some(*c)) {
            if !lines.contains(line) {
                lines.push(line);
            }
        }
    }
    lines
}

/// What composing needs besides the topic.
pub struct Composer<'a> {
    pub kb: &'a KnowledgeBase,
    pub locales: &'a Locales,
    pub fallback: &'a [Lang],
    /// Whether a person can come now for someone who reads this language: if not, replies offer to
    /// leave the question instead of "Talk to a person" (never suggest a person when none can come).
    pub person_now: &'a dyn Fn(Lang) -> bool,
}

impl Composer<'_> {
    /// The translation whose answer is shown to a person who reads `lang`, and whether it is a fallback.
    pub fn pick<'t>(&self, topic: &'t Topic, lang: Lang) -> Option<&'t crate::knowledge::Translation> {
        std::iter::once(lang)
            .chain(self.fallback.iter().copied())
            .filter_map(|l| topic.translation(l))
            .find(|t| t.body.is_some())
            .or_else(|| topic.translations.values().find(|t| t.body.is_some()))
    }

    fn button(&self, lang: Lang, id: &str, action: Action) -> Button {
        Button { label: self.locales.msg(lang, id, &[]), action }
    }

    /// The full answer for a topic in `lang`.
    pub fn answer(&self, chat: &ChatRef, topic: &Topic, lang: Lang) -> Outgoing {
        let mut text = RichText::default();
        text.push(Block::Heading(vec![Inline::Text(topic.title(lang, self.fallback).to_string())]));
        match self.pick(topic, lang) {
            Some(tr) => {
                if tr.lang != lang {
                    let note = self.locales.msg(
                        lang,
                        "answer-language-note",
                        &[("wanted", &self.locales.lang_name(lang, lang)), ("shown", &self.locales.lang_name(lang, tr.lang))],
                    );
                    text.push(Block::Note(vec![Inline::Text(note)]));
                }
                if tr.status == Status::Draft {
                    text.push(Block::Note(vec![Inline::Text(self.locales.msg(lang, "draft-note", &[]))]));
                }
                text.blocks.extend(markdown(tr.body.as_deref().unwrap_or("")).blocks);
            }
            None => text.push(Block::Paragraph(vec![Inline::Text(self.offering_person(lang, "dont-know"))])),
        }
        if !topic.links.is_empty() {
            text.push(Block::Paragraph(vec![Inline::Strong(self.locales.msg(lang, "links-heading", &[]))]));
            text.push(Block::List(
                topic
                    .links
                    .iter()
                    .map(|l| {
                        let mut item = vec![Inline::Link { label: l.label(lang).to_string(), url: l.url.clone() }];
                        // Say which language the page is in when it is not the reader's.
                        if let Some(page) = l.lang.filter(|p| *p != lang) {
                            let name = self.locales.lang_name(lang, page);
                            item.push(Inline::Text(format!(" ({})", self.locales.msg(lang, "link-language", &[("language", &name)]))));
                        }
                        item
                    })
                    .collect(),
            ));
        }
        let related: Vec<&Topic> = topic.related.iter().filter_map(|id| self.kb.get(id)).take(3).collect();
        let mut buttons = vec![
            vec![
                self.button(lang, "button-helped", Action::Feedback { topic: topic.id.clone(), helped: true }),
                self.button(lang, "button-not-helped", Action::Feedback { topic: topic.id.clone(), helped: false }),
            ],
            vec![self.advisor_button(lang)],
        ];
        if !related.is_empty() {
            text.push(Block::Paragraph(vec![Inline::Strong(self.locales.msg(lang, "related-heading", &[]))]));
            for r in related {
                buttons.push(vec![Button { label: r.title(lang, self.fallback).to_string(), action: Action::Topic(r.id.clone()) }]);
            }
        }
        Outgoing::new(chat.clone(), Kind::Answer, lang, text, buttons)
    }

    /// "Which of these do you mean?" with one button per topic.
    pub fn choice(&self, chat: &ChatRef, topics: &[TopicId], lang: Lang) -> Outgoing {
        let buttons = self.topic_buttons_then_advisor(topics, lang);
        Outgoing::new(chat.clone(), Kind::Choice, lang, RichText::paragraph(self.locales.msg(lang, "choose-topic", &[])), buttons)
    }

    /// One button per topic, then the button for a person.
    fn topic_buttons_then_advisor(&self, topics: &[TopicId], lang: Lang) -> Vec<Vec<Button>> {
        let mut buttons: Vec<Vec<Button>> = topics
            .iter()
            .filter_map(|id| self.kb.get(id))
            .map(|t| vec![Button { label: t.title(lang, self.fallback).to_string(), action: Action::Topic(t.id.clone()) }])
            .collect();
        buttons.push(vec![self.advisor_button(lang)]);
        buttons
    }

    /// "Talk to a person" when someone can come now, else "Leave my question".
    pub fn advisor_button(&self, lang: Lang) -> Button {
        if (self.person_now)(lang) { self.button(lang, "button-advisor", Action::Advisor) } else { self.button(lang, "button-leave", Action::Leave) }
    }

    /// A message text that offers a person: its `-later` form ("... or leave your question") when
    /// none can come now.
    pub fn offering_person(&self, lang: Lang, id: &str) -> String {
        if (self.person_now)(lang) { self.locales.msg(lang, id, &[]) } else { self.locales.msg(lang, &format!("{id}-later"), &[]) }
    }

    /// A message that offers a person (`offering_person`), with the buttons that go with it.
    pub fn info_offering_person(&self, chat: &ChatRef, lang: Lang, id: &str, buttons: Vec<Vec<Button>>) -> Outgoing {
        Outgoing::new(chat.clone(), Kind::Info, lang, RichText::paragraph(self.offering_person(lang, id)), buttons)
    }

    /// An honest "I don't know", with the offer of a person.
    pub fn dont_know(&self, chat: &ChatRef, lang: Lang) -> Outgoing {
        self.dont_know_suggesting(chat, lang, &[])
    }

    /// "I don't know", with topics that came close offered as buttons before the person.
    pub fn dont_know_suggesting(&self, chat: &ChatRef, lang: Lang, topics: &[TopicId]) -> Outgoing {
        let buttons = self.topic_buttons_then_advisor(topics, lang);
        Outgoing::new(chat.clone(), Kind::DontKnow, lang, RichText::paragraph(self.offering_person(lang, "dont-know")), buttons)
    }

    /// Emergency numbers and helplines, at once, for words about danger: 112 first, then the help
    /// for this kind of danger (all of it when the kind is not known).
    pub fn urgent(&self, chat: &ChatRef, lang: Lang, category: Option<Category>) -> Outgoing {
        self.urgent_all(chat, lang, &category.into_iter().collect::<Vec<_>>())
    }

    /// Like [`Composer::urgent`], with the help for every kind of danger in the message (the first
    /// kind's first; all of it when none is known).
    pub fn urgent_all(&self, chat: &ChatRef, lang: Lang, categories: &[Category]) -> Outgoing {
        let mut text = RichText::default();
        text.push(Block::Paragraph(vec![Inline::Strong(self.locales.msg(lang, "safeguarding-now", &[]))]));
        text.push(Block::List(
            urgent_lines_all(categories).iter().map(|id| vec![Inline::Text(self.locales.msg(lang, id, &[]))]).collect(),
        ));
        text.push(Block::Paragraph(vec![Inline::Text(self.locales.msg(lang, "safeguarding-more", &[]))]));
        Outgoing::new(chat.clone(), Kind::Urgent, lang, text, vec![])
    }

    /// A short text from the locales, optionally with buttons.
    pub fn info(&self, chat: &ChatRef, lang: Lang, id: &str, args: &[(&str, &str)], buttons: Vec<Vec<Button>>) -> Outgoing {
        Outgoing::new(chat.clone(), Kind::Info, lang, RichText::paragraph(self.locales.msg(lang, id, args)), buttons)
    }

    /// The language menu: one button per language, labelled in that language.
    pub fn language_menu(&self, chat: &ChatRef, lang: Lang, langs: &[Lang]) -> Outgoing {
        let buttons = langs
            .chunks(3)
            .map(|row| {
                row.iter()
                    .map(|l| Button { label: self.locales.msg(*l, "lang-self", &[]), action: Action::SetLanguage(*l) })
                    .collect()
            })
            .collect();
        self.info(chat, lang, "language-menu", &[], buttons)
    }
}

/// Markdown (from the knowledge base) to rich text. Raw HTML is kept as visible text, never as markup.
pub fn markdown(md: &str) -> RichText {
    let mut out = RichText::default();
    let mut inlines: Vec<Inline> = Vec::new();
    let mut list: Option<Vec<Vec<Inline>>> = None;
    let mut strong = 0u32;
    let mut emphasis = 0u32;
    let mut link: Option<(String, String)> = None;
    let mut heading = false;

    let push_text = |inlines: &mut Vec<Inline>, link: &mut Option<(String, String)>, s: &str, strong: u32, emphasis: u32| {
        if let Some((label, _)) = link {
            label.push_str(s);
        } else if strong > 0 {
            inlines.push(Inline::Strong(s.to_string()));
        } else if emphasis > 0 {
            inlines.push(Inline::Emphasis(s.to_string()));
        } else {
            inlines.push(Inline::Text(s.to_string()));
        }
    };

    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Emphasis) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => link = Some((String::new(), dest_url.to_string())),
            Event::End(TagEnd::Link) => {
                if let Some((label, url)) = link.take() {
                    inlines.push(Inline::Link { label, url });
                }
            }
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::End(TagEnd::Heading(_)) => {
                heading = false;
                out.push(Block::Heading(std::mem::take(&mut inlines)));
            }
            Event::Start(Tag::List(_)) => list = Some(Vec::new()),
            Event::End(TagEnd::List(_)) => {
                if let Some(items) = list.take() {
                    out.push(Block::List(items));
                }
            }
            Event::End(TagEnd::Item) => {
                if let Some(items) = list.as_mut() {
                    items.push(std::mem::take(&mut inlines));
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if list.is_none() && !heading && !inlines.is_empty() {
                    out.push(Block::Paragraph(std::mem::take(&mut inlines)));
                }
            }
            Event::Text(s) | Event::Html(s) | Event::InlineHtml(s) => push_text(&mut inlines, &mut link, &s, strong, emphasis),
            Event::Code(s) => inlines.push(Inline::Code(s.to_string())),
            Event::SoftBreak => push_text(&mut inlines, &mut link, " ", strong, emphasis),
            Event::HardBreak => inlines.push(Inline::LineBreak),
            _ => {}
        }
    }
    if !inlines.is_empty() {
        out.push(Block::Paragraph(inlines));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_blocks() {
        let r = markdown("Go to **the desk**.\n\n- bring *ID*\n- bring [contract](https://a.nl)\n\n<b>raw</b>");
        assert_eq!(r.blocks.len(), 3);
        assert!(matches!(&r.blocks[0], Block::Paragraph(i) if i.contains(&Inline::Strong("the desk".into()))));
        assert!(matches!(&r.blocks[1], Block::List(items) if items.len() == 2));
        assert!(r.plain().contains("<b>raw</b>"), "raw HTML stays visible text");
    }
}
