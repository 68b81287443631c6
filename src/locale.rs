//! User-facing texts from `locales/<lang>/*.ftl` (Fluent). No sentence a person reads is written in Rust.

use crate::lang::Lang;
use anyhow::{anyhow, Context, Result};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// All locales, one Fluent bundle per language.
pub struct Locales {
    bundles: BTreeMap<Lang, FluentBundle<FluentResource>>,
    ids: BTreeMap<Lang, BTreeSet<String>>,
    /// Message ids in the order of the files (sorted by name) and of the messages in them.
    order: BTreeMap<Lang, Vec<String>>,
}

impl Locales {
    /// Loads every `locales/<lang>/*.ftl`. Syntax errors are reported with file and line.
    pub fn load(dir: &Path) -> Result<Locales> {
        let mut bundles = BTreeMap::new();
        let mut ids = BTreeMap::new();
        let mut order = BTreeMap::new();
        let mut errors = Vec::new();
        for lang in Lang::ALL {
            let ldir = dir.join(lang.code());
            if !ldir.is_dir() {
                continue;
            }
            let langid: unic_langid::LanguageIdentifier =
                lang.code().parse().map_err(|e| anyhow!("language id {lang}: {e:?}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Isolation marks keep inserted values readable inside right-to-left text; elsewhere they
            // would only end up in places where they do harm.
            bundle.set_use_isolating(lang.is_rtl());
            let mut lang_ids = BTreeSet::new();
            let mut lang_order = Vec::new();
            let mut files: Vec<_> = std::fs::read_dir(&ldir)
                .with_context(|| format!("reading {}", ldir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .collect();
            files.sort();
            for file in files {
                let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
                let res = match FluentResource::try_new(text.clone()) {
                    Ok(r) => r,
                    Err((r, errs)) => {
                        for e in errs {
                            let line = text[..e.pos.start.min(text.len())].matches('\n').count() + 1;
                            errors.push(format!("{}:{}: {:?}", file.display(), line, e.kind));
                        }
                        r
                    }
                };
                for entry in res.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        if lang_ids.insert(m.id.name.to_string()) {
                            lang_order.push(m.id.name.to_string());
                        }
                    }
                }
                if let Err(errs) = bundle.add_resource(res) {
                    for e in errs {
                        errors.push(format!("{}: {e}", file.display()));
                    }
                }
            }
            bundles.insert(lang, bundle);
            ids.insert(lang, lang_ids);
            order.insert(lang, lang_order);
        }
        if !errors.is_empty() {
            return Err(anyhow!("locale files have errors:\n{}", errors.join("\n")));
        }
        if !bundles.contains_key(&Lang::En) {
            return Err(anyhow!("{}: no English locale (en/*.ftl), which every other language falls back to", dir.display()));
        }
        Ok(Locales { bundles, ids, order })
    }

    /// A message in `lang`, falling back to English. Unknown ids yield the id itself (and a test fails).
    pub fn msg(&self, lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
        self.msg_num(lang, id, args, &[])
    }

    /// Like [`Locales::msg`], with number arguments too, so that plurals follow the number
    /// ("5 minuten", "21 минуту").
    pub fn msg_num(&self, lang: Lang, id: &str, args: &[(&str, &str)], nums: &[(&str, i64)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, FluentValue::from(*v));
        }
        for (k, v) in nums {
            fargs.set(*k, FluentValue::from(*v));
        }
        for l in [lang, Lang::En] {
            let Some(bundle) = self.bundles.get(&l) else { continue };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { continue };
            let mut errs = Vec::new();
            let s = bundle.format_pattern(pattern, Some(&fargs), &mut errs);
            if errs.is_empty() {
                return s.into_owned();
            }
            tracing::warn!("locale {l}: message {id}: {errs:?}");
        }
        id.to_string()
    }

    /// A message in exactly `lang`, with every placeable filled: `None` when the language lacks it
    /// or an argument is missing (no fallback, no id in place of a text).
    pub fn try_msg(&self, lang: Lang, id: &str, args: &[(&str, &str)]) -> Option<String> {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, FluentValue::from(*v));
        }
        let bundle = self.bundles.get(&lang)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errs = Vec::new();
        let s = bundle.format_pattern(pattern, Some(&fargs), &mut errs);
        errs.is_empty().then(|| s.into_owned())
    }

    /// An attribute of a message (`reply-photo` `.label`), in `lang` or else English.
    pub fn attr(&self, lang: Lang, id: &str, attr: &str) -> Option<String> {
        for l in [lang, Lang::En] {
            let Some(bundle) = self.bundles.get(&l) else { continue };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.get_attribute(attr)).map(|a| a.value()) else { continue };
            let mut errs = Vec::new();
            let s = bundle.format_pattern(pattern, None, &mut errs);
            if errs.is_empty() {
                return Some(s.into_owned());
            }
        }
        None
    }

    /// The message ids of a language that start with `prefix`, in the order of its files.
    pub fn ids_with_prefix(&self, lang: Lang, prefix: &str) -> Vec<String> {
        self.order.get(&lang).map(|ids| ids.iter().filter(|id| id.starts_with(prefix)).cloned().collect()).unwrap_or_default()
    }

    /// The name of `named` in `lang` (e.g. "Arabisch" in Dutch).
    pub fn lang_name(&self, lang: Lang, named: Lang) -> String {
        self.msg(lang, &format!("lang-{named}"), &[])
    }

    /// The languages that have a locale.
    pub fn langs(&self) -> impl Iterator<Item = Lang> + '_ {
        self.bundles.keys().copied()
    }

    /// For every language: the message ids English has and it lacks, and the ones it has extra.
    pub fn completeness(&self) -> BTreeMap<Lang, (Vec<String>, Vec<String>)> {
        let en = self.ids.get(&Lang::En).cloned().unwrap_or_default();
        Lang::ALL
            .iter()
            .map(|l| {
                let have = self.ids.get(l).cloned().unwrap_or_default();
                (*l, (en.difference(&have).cloned().collect(), have.difference(&en).cloned().collect()))
            })
            .collect()
    }
}
