//! Custom policy packs: company topics to avoid, extra terms for built-in
//! categories, allow-list entries, severity overrides and disabled
//! categories, validated with errors that name the field and the fix.
//!
//! Custom terms are literal phrases compiled into the same trie as the
//! built-in lexicons (no regular expressions), and each is at most
//! [`MAX_TERM_BYTES`] long, so no pack can make a check slow: a walk from a
//! word start never goes deeper than the longest term.

use crate::config::RuleOverride;
use crate::detect::lexicon::{Builder, Entry, Kind, Matcher, Target};
use crate::error::{closest, Error};
use crate::model::{Category, CategoryGroup, Locale, Severity};
use crate::normalize::{is_word, Normalized};
use crate::rules;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most packs per configuration.
pub const MAX_PACKS: usize = 16;
/// Most topics per pack.
pub const MAX_TOPICS: usize = 64;
/// Most terms (topic terms, extra terms and allow entries) over all packs.
pub const MAX_TERMS: usize = 5_000;
/// Longest term, in bytes.
pub const MAX_TERM_BYTES: usize = 100;
/// Longest message or suggestion text, in bytes.
pub const MAX_TEXT_BYTES: usize = 500;

/// A custom policy pack (JSON or TOML in files, a plain object in JavaScript).
///
/// ```json
/// {"name": "acme", "topics": [{"id": "politics", "terms": ["eleição", "partido*"],
///   "message": {"pt-BR": "Não falamos de política.", "en": "We don't discuss politics."}}],
///  "terms": {"alcohol": ["chopp de vinho"]}, "allow": ["bar de sucos"],
///  "severity": {"alcohol": "block"}, "disable": ["gambling"], "enable": ["style"]}
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Name shown in errors and in custom rule ids (`custom.<name>.<topic>`): lowercase letters, digits, `_`, `-`.
    pub name: String,
    /// Free text for people.
    #[serde(default)]
    pub description: Option<String>,
    /// Company topics to avoid; each becomes rule `custom.<pack>.<topic>` in category `custom`.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Extra terms for built-in categories, keyed by category id (`alcohol`, `threat`…). They fire alone.
    #[serde(default)]
    pub terms: BTreeMap<String, Vec<String>>,
    /// Phrases in which nothing fires (e.g. a product name such as "Cerveja de Gengibre Zero").
    #[serde(default)]
    pub allow: Vec<String>,
    /// Severity overrides keyed by rule id or category id.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Rule or category ids to turn off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Rule or category ids to turn on (e.g. `style`, off by default).
    #[serde(default)]
    pub enable: Vec<String>,
}

/// A company topic to avoid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Topic id: lowercase letters, digits, `_`, `-`.
    pub id: String,
    /// Words or phrases; a trailing `*` matches any ending (`partido*`).
    pub terms: Vec<String>,
    /// Phrases containing a term in which the topic does not fire.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Severity (default `warn`).
    #[serde(default = "default_severity")]
    pub severity: Severity,
    /// Message per locale (`pt-BR`, `es`, `en`); missing locales fall back to another one.
    #[serde(default)]
    pub message: BTreeMap<String, String>,
    /// Suggestion per locale.
    #[serde(default)]
    pub suggestion: BTreeMap<String, String>,
}

fn default_severity() -> Severity {
    Severity::Warn
}

/// A compiled custom topic.
#[derive(Debug, Clone)]
pub(crate) struct TopicRule {
    /// `custom.<pack>.<topic>`.
    pub id: String,
    pub severity: Severity,
    /// Message in pt-BR, es, en.
    pub message: [String; 3],
    pub suggestion: Option<[String; 3]>,
}

impl TopicRule {
    fn pick(texts: &[String; 3], locale: Locale) -> &str {
        let i = match locale {
            Locale::PtBr => 0,
            Locale::Es => 1,
            Locale::En => 2,
        };
        texts.get(i).map_or("", String::as_str)
    }
    /// The message in `locale`.
    pub(crate) fn message(&self, locale: Locale) -> &str {
        Self::pick(&self.message, locale)
    }
    /// The suggestion in `locale`, if any.
    pub(crate) fn suggestion(&self, locale: Locale) -> Option<&str> {
        self.suggestion.as_ref().map(|s| Self::pick(s, locale))
    }
}

/// Every pack of a configuration, compiled.
#[derive(Debug, Clone, Default)]
pub(crate) struct CompiledPacks {
    /// Built-in plus pack patterns; `None` when the packs add no patterns.
    pub matcher: Option<Matcher>,
    pub topics: Vec<TopicRule>,
    /// Severity and enable/disable overrides from the packs, keyed like `Config.rules`.
    pub overrides: BTreeMap<String, RuleOverride>,
}

fn valid_id(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

#[cfg_attr(conforma_size, optimize(size))]
fn localized(map: &BTreeMap<String, String>, field: &str) -> Result<Option<[String; 3]>, Error> {
    let mut out: [Option<String>; 3] = [None, None, None];
    for (tag, text) in map {
        let Some(locale) = Locale::parse(tag) else {
            return Err(Error::unknown(
                &format!("{field}.{tag}"),
                format!("unknown locale '{tag}'. Use 'pt-BR', 'es' or 'en'."),
            ));
        };
        if text.trim().is_empty() || text.len() > MAX_TEXT_BYTES {
            return Err(Error::config(
                &format!("{field}.{tag}"),
                format!("the text must have 1 to {MAX_TEXT_BYTES} bytes."),
            ));
        }
        let slot = match locale {
            Locale::PtBr => 0,
            Locale::Es => 1,
            Locale::En => 2,
        };
        if let Some(s) = out.get_mut(slot) {
            *s = Some(text.clone());
        }
    }
    let any = out.iter().flatten().next().cloned();
    Ok(any.map(|fallback| out.map(|t| t.unwrap_or_else(|| fallback.clone()))))
}

/// Checks one term and adds it; `field` names it in errors.
#[cfg_attr(conforma_size, optimize(size))]
fn add_term(
    b: &mut Builder,
    term: &str,
    entry: Entry,
    field: &str,
    count: &mut usize,
) -> Result<(), Error> {
    *count += 1;
    if *count > MAX_TERMS {
        return Err(Error::limit(
            field,
            format!("too many terms: the limit is {MAX_TERMS} over all packs. Remove some, or use a trailing '*' to cover word endings with one term."),
        ));
    }
    if term.len() > MAX_TERM_BYTES {
        return Err(Error::limit(
            field,
            format!(
                "the term has {} bytes; the limit is {MAX_TERM_BYTES}. Use a shorter phrase.",
                term.len()
            ),
        ));
    }
    let core = term.trim().trim_end_matches('*');
    let norm = Normalized::new(core);
    if norm.text().chars().filter(|c| is_word(*c)).count() < 2 {
        return Err(Error::config(
            field,
            format!("the term '{term}' needs at least two letters or digits; a shorter term would match almost every message."),
        ));
    }
    if core.contains('*') {
        return Err(Error::config(
            field,
            format!("'*' is allowed only at the end of a term ('{term}'). Write 'partido*', not 'part*do'."),
        ));
    }
    b.add(term, entry);
    Ok(())
}

/// Validates a rule or category key used by a pack.
fn check_key(key: &str, field: &str, own: &[String]) -> Result<(), Error> {
    if rules::rule(key).is_some()
        || Category::from_id(key).is_some()
        || own.iter().any(|o| o == key)
    {
        return Ok(());
    }
    let known = rules::catalog()
        .map(|r| r.id)
        .chain(Category::ALL.iter().map(|c| c.id()))
        .chain(own.iter().map(String::as_str));
    let hint = match closest(key, known) {
        Some(k) => format!(" Did you mean '{k}'?"),
        None => " Use a rule id such as 'commerce.alcohol', a category id such as 'alcohol', or one of this configuration's custom topic ids.".to_owned(),
    };
    Err(Error::unknown(
        field,
        format!("unknown rule or category id '{key}'.{hint}"),
    ))
}

/// Validates and compiles `packs`; `None` when there are none.
///
/// # Errors
/// A configuration, unknown-id or limit error whose field is
/// `packs[i].…` (e.g. `packs[0].topics[2].terms[5]`).
pub(crate) fn compile(packs: &[Pack]) -> Result<Option<CompiledPacks>, Error> {
    if packs.is_empty() {
        return Ok(None);
    }
    if packs.len() > MAX_PACKS {
        return Err(Error::limit(
            "packs",
            format!(
                "{} packs; the limit is {MAX_PACKS}. Merge some packs.",
                packs.len()
            ),
        ));
    }
    let mut b = Builder::default();
    let mut out = CompiledPacks::default();
    // `b` collects the packs' patterns; they are appended to the built-in ones
    // at the end so every check scans the text once.
    let mut count = 0usize;
    // Topic ids first, so overrides may name topics of any pack.
    let mut own = Vec::new();
    for (pi, pack) in packs.iter().enumerate() {
        let at = format!("packs[{pi}]");
        if !valid_id(&pack.name) {
            return Err(Error::config(
                &format!("{at}.name"),
                format!("invalid pack name '{}': use 1 to 40 lowercase letters, digits, '_' or '-' (e.g. 'acme').", pack.name),
            ));
        }
        if packs.iter().take(pi).any(|p| p.name == pack.name) {
            return Err(Error::config(
                &format!("{at}.name"),
                format!(
                    "duplicate pack name '{}': give each pack its own name.",
                    pack.name
                ),
            ));
        }
        if pack.topics.len() > MAX_TOPICS {
            return Err(Error::limit(
                &format!("{at}.topics"),
                format!(
                    "{} topics; the limit is {MAX_TOPICS} per pack. Split the pack.",
                    pack.topics.len()
                ),
            ));
        }
        for (ti, topic) in pack.topics.iter().enumerate() {
            let tat = format!("{at}.topics[{ti}]");
            if !valid_id(&topic.id) {
                return Err(Error::config(
                    &format!("{tat}.id"),
                    format!("invalid topic id '{}': use 1 to 40 lowercase letters, digits, '_' or '-' (e.g. 'politics').", topic.id),
                ));
            }
            let id = format!("custom.{}.{}", pack.name, topic.id);
            if own.contains(&id) {
                return Err(Error::config(
                    &format!("{tat}.id"),
                    format!("duplicate topic id '{}' in pack '{}'.", topic.id, pack.name),
                ));
            }
            own.push(id);
        }
    }
    for (pi, pack) in packs.iter().enumerate() {
        let at = format!("packs[{pi}]");
        for (ti, topic) in pack.topics.iter().enumerate() {
            let tat = format!("{at}.topics[{ti}]");
            let index = u16::try_from(out.topics.len()).unwrap_or(u16::MAX);
            if topic.terms.is_empty() {
                return Err(Error::config(
                    &format!("{tat}.terms"),
                    "a topic needs at least one term, e.g. \"terms\": [\"eleição\", \"partido*\"].",
                ));
            }
            let entry = |kind| Entry {
                target: Target::Topic(index),
                kind,
                prefix: false,
                severity: None,
                group: 0,
            };
            for (k, term) in topic.terms.iter().enumerate() {
                add_term(
                    &mut b,
                    term,
                    entry(Kind::Term),
                    &format!("{tat}.terms[{k}]"),
                    &mut count,
                )?;
            }
            for (k, term) in topic.allow.iter().enumerate() {
                add_term(
                    &mut b,
                    term,
                    entry(Kind::Allow),
                    &format!("{tat}.allow[{k}]"),
                    &mut count,
                )?;
            }
            let name = format!("{} ({})", topic.id, pack.name);
            let message =
                localized(&topic.message, &format!("{tat}.message"))?.unwrap_or_else(|| {
                    [
                        format!("Tema que a empresa pede para evitar: {name}."),
                        format!("Tema que la empresa pide evitar: {name}."),
                        format!("A topic the company asks to avoid: {name}."),
                    ]
                });
            let suggestion = localized(&topic.suggestion, &format!("{tat}.suggestion"))?;
            out.topics.push(TopicRule {
                id: format!("custom.{}.{}", pack.name, topic.id),
                severity: topic.severity,
                message,
                suggestion,
            });
        }
        for (cat_id, terms) in &pack.terms {
            let field = format!("{at}.terms.{cat_id}");
            let cat = Category::from_id(cat_id)
                .filter(|c| matches!(c.group(), CategoryGroup::Commerce | CategoryGroup::Conduct))
                .ok_or_else(|| {
                    let known = Category::ALL
                        .iter()
                        .filter(|c| matches!(c.group(), CategoryGroup::Commerce | CategoryGroup::Conduct))
                        .map(|c| c.id());
                    let hint = closest(cat_id, known)
                        .map(|k| format!(" Did you mean '{k}'?"))
                        .unwrap_or_else(|| " Use a commerce or conduct category such as 'alcohol' or 'threat'; for other subjects define a topic.".to_owned());
                    Error::unknown(&field, format!("'{cat_id}' is not a category that takes terms.{hint}"))
                })?;
            for (k, term) in terms.iter().enumerate() {
                let entry = Entry {
                    target: Target::Cat(cat),
                    kind: Kind::Term,
                    prefix: false,
                    severity: None,
                    group: 0,
                };
                add_term(&mut b, term, entry, &format!("{field}[{k}]"), &mut count)?;
            }
        }
        for (k, term) in pack.allow.iter().enumerate() {
            let entry = Entry {
                target: Target::All,
                kind: Kind::Allow,
                prefix: false,
                severity: None,
                group: 0,
            };
            add_term(&mut b, term, entry, &format!("{at}.allow[{k}]"), &mut count)?;
        }
        for (key, sev) in &pack.severity {
            check_key(key, &format!("{at}.severity.{key}"), &own)?;
            out.overrides.entry(key.clone()).or_default().severity = Some(*sev);
        }
        for (k, key) in pack.disable.iter().enumerate() {
            check_key(key, &format!("{at}.disable[{k}]"), &own)?;
            out.overrides.entry(key.clone()).or_default().enabled = Some(false);
        }
        for (k, key) in pack.enable.iter().enumerate() {
            check_key(key, &format!("{at}.enable[{k}]"), &own)?;
            out.overrides.entry(key.clone()).or_default().enabled = Some(true);
        }
    }
    if !b.is_empty() {
        let mut all = crate::detect::builtin_builder();
        all.extend(b);
        out.matcher = all.build();
    }
    Ok(Some(out))
}
