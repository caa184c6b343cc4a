//! The engine: compiles a configuration once, then checks messages.

use crate::config::{Config, Policy};
use crate::context::ContextRules;
use crate::detect::Detector;
use crate::error::Error;
use crate::model::{Direction, Finding, Locale, Message, Severity, Span};
use crate::rules::RuleInfo;
use crate::{detect, inbound, pack, pii};
use std::sync::Arc;

/// Longest text accepted by [`Engine::check`], in UTF-8 bytes (WhatsApp's own
/// limit is 65,536 characters; this leaves room for pasted documents).
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// A compiled policy, ready to check messages. Cheap to share; `check` takes `&self`.
#[derive(Debug, Clone)]
pub struct Engine {
    locale: Locale,
    policy: Policy,
    content: Detector,
    context: ContextRules,
    /// Whether any brand-voice rule is on (they are off by default; skip the work).
    style: bool,
}

/// A raw detection, before configuration (enabled, severity) and localization.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// The rule that fired.
    pub rule: &'static RuleInfo,
    /// Evidence spans in the original text, main span first.
    pub spans: Vec<Span>,
    /// A message with details (already localized), replacing the rule's default.
    pub message: Option<String>,
    /// A suggestion with details (already localized), replacing the rule's default.
    pub suggestion: Option<String>,
    /// For custom-topic hits (`rule` is then a placeholder): the topic's index in the packs.
    pub custom: Option<u16>,
    /// A default severity replacing the rule's (lexicon entries may carry one); configuration still wins.
    pub severity: Option<Severity>,
}

impl Hit {
    /// A hit with the rule's default texts.
    pub(crate) fn builtin(rule: &'static RuleInfo, spans: Vec<Span>) -> Hit {
        Hit {
            rule,
            spans,
            message: None,
            suggestion: None,
            custom: None,
            severity: None,
        }
    }
}

impl Engine {
    /// Compiles `config`, validating every field.
    ///
    /// # Errors
    /// A [`crate::ErrorKind::Config`] or [`crate::ErrorKind::UnknownId`] error naming the field.
    pub fn new(config: &Config) -> Result<Engine, Error> {
        let locale = config.resolved_locale()?;
        let packs = pack::compile(&config.packs)?;
        // Pack overrides first; the configuration's own `rules` win over them.
        let mut overrides = packs
            .as_ref()
            .map(|p| p.overrides.clone())
            .unwrap_or_default();
        for (key, ov) in &config.rules {
            let merged = overrides.entry(key.clone()).or_default();
            merged.enabled = ov.enabled.or(merged.enabled);
            merged.severity = ov.severity.or(merged.severity);
        }
        let topic_ids: Vec<String> = packs
            .as_ref()
            .map(|p| p.topics.iter().map(|t| t.id.clone()).collect())
            .unwrap_or_default();
        let policy = Policy::resolve(&overrides, &topic_ids)?;
        let context = ContextRules::compile(config)?;
        detect::warm_up();
        let style = detect::RULES
            .iter()
            .filter(|r| r.category == crate::model::Category::Style)
            .any(|r| policy.effective(r.id, r.category, r.enabled, r.severity).0);
        Ok(Engine {
            locale,
            style,
            policy,
            content: Detector::with_packs(packs.map(Arc::new)),
            context,
        })
    }

    /// The built-in policy with default settings.
    pub fn builtin() -> Engine {
        detect::warm_up();
        Engine {
            style: false,
            locale: Locale::default(),
            policy: Policy::default(),
            content: Detector::default(),
            // Not a literal: the context rules gain settings of their own.
            #[allow(clippy::default_constructed_unit_structs)]
            context: ContextRules::default(),
        }
    }

    /// The locale of messages when none is requested.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Checks a message, with messages in the engine's locale.
    ///
    /// # Errors
    /// When the text is too long or the context is invalid (the error names the field).
    pub fn check(&self, msg: &Message) -> Result<Vec<Finding>, Error> {
        self.check_in(msg, self.locale)
    }

    /// Checks a message, with messages in `locale`.
    ///
    /// Findings are sorted by position; context findings (no span) come first.
    ///
    /// # Errors
    /// When the text is too long or the context is invalid (the error names the field).
    pub fn check_in(&self, msg: &Message, locale: Locale) -> Result<Vec<Finding>, Error> {
        if msg.text.len() > MAX_TEXT_BYTES {
            return Err(Error::limit(
                "text",
                format!("the text has {} bytes; the limit is {MAX_TEXT_BYTES}. Split it into several messages.", msg.text.len()),
            ));
        }
        let hits = match msg.direction {
            Direction::Outbound => {
                let mut hits = self.content.scan(&msg.text, self.style);
                hits.extend(pii::scan(&msg.text, locale));
                if let Some(ctx) = &msg.context {
                    let ctx_hits = self
                        .context
                        .check(ctx, &msg.text, &hits, locale)
                        .map_err(|e| e.within("context"))?;
                    hits.extend(ctx_hits);
                }
                hits
            }
            Direction::Inbound => inbound::classify(&msg.text, msg.lang),
        };
        Ok(self.finish(hits, locale))
    }

    /// Applies the configured policy and renders texts.
    fn finish(&self, hits: Vec<Hit>, locale: Locale) -> Vec<Finding> {
        let mut out: Vec<Finding> = hits
            .into_iter()
            .filter_map(|h| {
                let r = h.rule;
                let topic = h
                    .custom
                    .and_then(|i| self.content.packs()?.topics.get(usize::from(i)));
                let id = topic.map_or(r.id, |t| t.id.as_str());
                let default_severity = h
                    .severity
                    .or(topic.map(|t| t.severity))
                    .unwrap_or(r.severity);
                let (enabled, severity) =
                    self.policy
                        .effective(id, r.category, r.enabled, default_severity);
                if !enabled {
                    return None;
                }
                let main = h.spans.first().copied().unwrap_or(Span::new(0, 0));
                let (message, suggestion) = match topic {
                    Some(t) => (
                        t.message(locale).to_owned(),
                        t.suggestion(locale).map(str::to_owned),
                    ),
                    None => (
                        r.message.get(locale).to_owned(),
                        r.suggestion.map(|s| s.get(locale).to_owned()),
                    ),
                };
                Some(Finding {
                    rule: id.to_owned(),
                    category: r.category,
                    severity,
                    start: main.start,
                    end: main.end,
                    spans: h.spans,
                    message: h.message.unwrap_or(message),
                    suggestion: h.suggestion.or(suggestion),
                })
            })
            .collect();
        out.sort_by(|a, b| {
            (!a.spans.is_empty(), a.start, a.end, &a.rule).cmp(&(
                !b.spans.is_empty(),
                b.start,
                b.end,
                &b.rule,
            ))
        });
        out
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::builtin()
    }
}
