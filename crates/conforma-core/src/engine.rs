//! The engine: compiles a configuration once, then checks messages.

use crate::config::{Config, Policy};
use crate::context::{ContextRules, SendLog};
use crate::detect::Detector;
use crate::error::Error;
use crate::model::{Direction, Finding, Locale, Message, Span};
use crate::rules::RuleInfo;
use crate::{inbound, pii};

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
}

impl Hit {
    /// A hit with the rule's default texts.
    pub(crate) fn builtin(rule: &'static RuleInfo, spans: Vec<Span>) -> Hit {
        Hit {
            rule,
            spans,
            message: None,
            suggestion: None,
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
        let policy = Policy::resolve(&config.rules, &[])?;
        let context = ContextRules::compile(config)?;
        Ok(Engine {
            locale,
            policy,
            content: Detector,
            context,
        })
    }

    /// The built-in policy with default settings.
    pub fn builtin() -> Engine {
        Engine {
            locale: Locale::default(),
            policy: Policy::default(),
            content: Detector,
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
        self.check_logged(msg, locale, None)
    }

    /// Checks an outbound message and records it in `log` for the bulk-send
    /// guard: adds a `bulk_send` finding when the same or a near-same text
    /// went to more than `bulk.max_contacts` distinct contacts within
    /// `bulk.window_minutes`, this send included. Inbound messages are only
    /// classified. Call it when the message is actually sent; use
    /// [`Engine::check_against_log`] while the agent types.
    ///
    /// # Errors
    /// As [`Engine::check_in`], and when an outbound message lacks
    /// `context.now` or `context.contact.id`.
    pub fn check_with_log(
        &self,
        msg: &Message,
        locale: Locale,
        log: &mut SendLog,
    ) -> Result<Vec<Finding>, Error> {
        self.check_logged(msg, locale, Some((log, true)))
    }

    /// Like [`Engine::check_with_log`] without recording the send: would
    /// sending this message now make a bulk send?
    ///
    /// # Errors
    /// As [`Engine::check_with_log`].
    pub fn check_against_log(
        &self,
        msg: &Message,
        locale: Locale,
        log: &SendLog,
    ) -> Result<Vec<Finding>, Error> {
        self.check_logged(msg, locale, Some((&mut log.clone(), false)))
    }

    /// The one checking path (one copy of it in the wasm): with a log, the
    /// bulk-send guard runs too, recording the send when the flag is set.
    fn check_logged(
        &self,
        msg: &Message,
        locale: Locale,
        log: Option<(&mut SendLog, bool)>,
    ) -> Result<Vec<Finding>, Error> {
        let mut hits = self.hits(msg, locale)?;
        if let (Some((log, record)), Direction::Outbound) = (log, msg.direction) {
            hits.extend(
                self.context
                    .bulk(msg.context.as_ref(), &msg.text, log, record, locale)?,
            );
        }
        Ok(self.finish(hits, locale))
    }

    /// Raw hits of a message, before policy and rendering.
    fn hits(&self, msg: &Message, locale: Locale) -> Result<Vec<Hit>, Error> {
        if msg.text.len() > MAX_TEXT_BYTES {
            return Err(Error::limit(
                "text",
                format!("the text has {} bytes; the limit is {MAX_TEXT_BYTES}. Split it into several messages.", msg.text.len()),
            ));
        }
        Ok(match msg.direction {
            Direction::Outbound => {
                let mut hits = self.content.scan(&msg.text, msg.lang, locale);
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
        })
    }

    /// Applies the configured policy and renders texts.
    fn finish(&self, hits: Vec<Hit>, locale: Locale) -> Vec<Finding> {
        let mut out: Vec<Finding> = hits
            .into_iter()
            .filter_map(|h| {
                let r = h.rule;
                let (enabled, severity) = self
                    .policy
                    .effective(r.id, r.category, r.enabled, r.severity);
                if !enabled {
                    return None;
                }
                let main = h.spans.first().copied().unwrap_or(Span::new(0, 0));
                Some(Finding {
                    rule: r.id.to_owned(),
                    category: r.category,
                    severity,
                    start: main.start,
                    end: main.end,
                    spans: h.spans,
                    message: h
                        .message
                        .unwrap_or_else(|| r.message.get(locale).to_owned()),
                    suggestion: h
                        .suggestion
                        .or_else(|| r.suggestion.map(|s| s.get(locale).to_owned())),
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
