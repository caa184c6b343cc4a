//! The engine: compiles a configuration once, then checks messages.

use crate::config::{Config, Policy};
use crate::context::{ContextRules, SendLog};
use crate::detect::Detector;
use crate::error::Error;
use crate::model::{Direction, Finding, Locale, Message, Severity, Span};
use crate::rules::RuleInfo;
use crate::{detect, inbound, pack, pii};
use std::borrow::Cow;
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
    #[cfg_attr(conforma_size, optimize(size))]
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
        })
    }

    /// Applies the configured policy and renders texts.
    fn finish(&self, hits: Vec<Hit>, locale: Locale) -> Vec<Finding> {
        let mut hits = hits;
        let merged = merge_evidence(&mut hits);
        let mut out: Vec<Finding> = hits
            .into_iter()
            .zip(merged)
            .filter_map(|(h, merged)| {
                if merged {
                    return None;
                }
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
                let (rule, message, suggestion) = match topic {
                    Some(t) => (
                        Cow::Owned(t.id.clone()),
                        Cow::Owned(t.message(locale).to_owned()),
                        t.suggestion(locale).map(|s| Cow::Owned(s.to_owned())),
                    ),
                    None => (
                        Cow::Borrowed(r.id),
                        Cow::Borrowed(r.message.get(locale)),
                        r.suggestion.map(|s| Cow::Borrowed(s.get(locale))),
                    ),
                };
                Some(Finding {
                    rule,
                    category: r.category,
                    severity,
                    start: main.start,
                    end: main.end,
                    spans: h.spans,
                    message: h.message.map_or(message, Cow::Owned),
                    suggestion: h.suggestion.map(Cow::Owned).or(suggestion),
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

/// One finding per violation: a hit whose evidence includes another hit's
/// main span (🍺 near "cerveja", both `commerce.alcohol`) is folded into that
/// hit as extra evidence, so the agent sees one warning on "cerveja", not two.
///
/// Sorted by main span, an absorber is found by binary search rather than a
/// scan of every hit: a pasted 1 MiB text can carry tens of thousands.
/// Returns, per hit (in the new order), whether it was folded into another.
fn merge_evidence(hits: &mut [Hit]) -> Vec<bool> {
    let same_rule = |a: &Hit, b: &Hit| std::ptr::eq(a.rule, b.rule) && a.custom == b.custom;
    hits.sort_unstable_by_key(|h| h.spans.first().copied());
    let mut dead = vec![false; hits.len()];
    for i in 0..hits.len() {
        let Some(hit) = hits.get(i) else { break };
        // Spans are distinct, so the evidence is everything after the main one.
        let absorber = hit.spans.iter().skip(1).find_map(|s| {
            let from = hits.partition_point(|o| o.spans.first() < Some(s));
            let rest = hits.get(from..)?;
            rest.iter()
                .take_while(|o| o.spans.first() == Some(s))
                .position(|o| same_rule(hit, o))
                .map(|p| from + p)
                .filter(|&j| dead.get(j) == Some(&false))
        });
        let Some(j) = absorber else { continue };
        // Copied, not taken: the main spans keep `hits` sorted for the search.
        let spans = hits.get(i).map(|h| h.spans.clone());
        if let (Some(spans), Some(target)) = (spans, hits.get_mut(j)) {
            for span in spans {
                if !target.spans.contains(&span) {
                    target.spans.push(span);
                }
            }
        }
        if let Some(d) = dead.get_mut(i) {
            *d = true;
        }
    }
    dead
}

impl Default for Engine {
    fn default() -> Self {
        Engine::builtin()
    }
}

#[cfg(test)]
mod merge_tests {
    use crate::{Category, Engine, Message};

    #[test]
    fn weak_evidence_folds_into_the_finding_it_supports() {
        for text in [
            "🍺 temos cerveja artesanal por R$ 15",
            "Hoje tem promoção: vamos tomar uma cerveja 🍺 na loja?",
            "cerveja gelada 🍺🍺 hoje",
        ] {
            let findings = Engine::builtin().check(&Message::outbound(text)).unwrap();
            let alcohol: Vec<_> = findings
                .iter()
                .filter(|f| f.category == Category::Alcohol)
                .collect();
            assert_eq!(alcohol.len(), 1, "{text}: {findings:?}");
            assert_eq!(&text[alcohol[0].start..alcohol[0].end], "cerveja", "{text}");
            assert!(
                alcohol[0]
                    .spans
                    .iter()
                    .any(|s| &text[s.start..s.end] == "🍺"),
                "{text}"
            );
        }
    }

    #[test]
    fn evidence_stays_next_to_its_finding_in_a_long_repeated_text() {
        // Folding once chained across a whole pasted text: one finding
        // carried hundreds of spans from kilobytes away.
        let unit = "vendo filhotes, cerveja, maconha, pistola, aposta 🍺💊 ";
        let text = unit.repeat(400);
        let findings = Engine::builtin().check(&Message::outbound(&text)).unwrap();
        assert!(findings.len() >= 400, "{}", findings.len());
        for f in &findings {
            assert!(f.spans.len() <= 8, "{f:?}");
            for s in &f.spans {
                assert!(s.start.abs_diff(f.start) <= 2 * unit.len(), "{f:?}");
            }
        }
    }
}
