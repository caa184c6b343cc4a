//! Engine configuration: locale, rule overrides, custom packs and the
//! context-rule settings (time zone, hours, holidays, surface, bulk guard).
//!
//! The same schema is read from JSON by the CLI and from a plain object in
//! JavaScript. Unknown fields are errors, so typos never pass silently.

use crate::context::{BulkConfig, Holidays, Surface, WeeklyHours};
use crate::error::{closest, Error};
use crate::model::{Category, Locale, Severity};
use crate::pack::Pack;
use crate::rules;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Engine configuration. Every field is optional; `Config::default()` is the built-in policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Locale of messages (`pt-BR` default, `es`, `en`).
    #[serde(default)]
    pub locale: Option<String>,
    /// Overrides keyed by rule id (`commerce.alcohol`) or category id (`alcohol`).
    #[serde(default)]
    pub rules: BTreeMap<String, RuleOverride>,
    /// Custom policy packs, applied after the built-in pack in order.
    #[serde(default)]
    pub packs: Vec<Pack>,
    /// IANA time zone of the business hours, e.g. `America/Sao_Paulo`.
    #[serde(default)]
    pub timezone: Option<String>,
    /// Weekly business hours; without them `out_of_hours` never fires.
    #[serde(default)]
    pub hours: Option<WeeklyHours>,
    /// Holidays: explicit dates and built-in national calendars.
    #[serde(default)]
    pub holidays: Option<Holidays>,
    /// Where messages are sent from: `app` (WhatsApp Business app / Web) or `platform` (Business Platform API).
    #[serde(default)]
    pub surface: Surface,
    /// Bulk-send guard thresholds.
    #[serde(default)]
    pub bulk: Option<BulkConfig>,
}

/// Per-rule or per-category override.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    /// Turns the rule on or off.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Replaces the default severity.
    #[serde(default)]
    pub severity: Option<Severity>,
}

/// The resolved policy: for each rule id, whether it runs and at what severity.
#[derive(Debug, Clone, Default)]
pub(crate) struct Policy {
    by_rule: BTreeMap<String, RuleOverride>,
    by_category: BTreeMap<Category, RuleOverride>,
}

impl Policy {
    /// Validates override keys against known rule and category ids.
    /// `extra_rules` are the rule ids that custom packs define.
    #[cfg_attr(conforma_size, optimize(size))]
    pub(crate) fn resolve(
        overrides: &BTreeMap<String, RuleOverride>,
        extra_rules: &[String],
    ) -> Result<Policy, Error> {
        let mut policy = Policy::default();
        for (key, ov) in overrides {
            if rules::rule(key).is_some() || extra_rules.iter().any(|r| r == key) {
                policy.by_rule.insert(key.clone(), *ov);
            } else if let Some(cat) = Category::from_id(key) {
                policy.by_category.insert(cat, *ov);
            } else {
                let known = rules::catalog()
                    .map(|r| r.id)
                    .chain(Category::ALL.iter().map(|c| c.id()))
                    .chain(extra_rules.iter().map(String::as_str));
                let hint = match closest(key, known) {
                    Some(k) => format!(" Did you mean '{k}'?"),
                    None => " Use a rule id such as 'commerce.alcohol' or a category id such as 'alcohol' (see `conforma rules`).".to_owned(),
                };
                return Err(Error::unknown(
                    &format!("rules.{key}"),
                    format!("unknown rule or category id '{key}'.{hint}"),
                ));
            }
        }
        Ok(policy)
    }

    /// Effective (enabled, severity) of a rule given its defaults.
    pub(crate) fn effective(
        &self,
        rule: &str,
        category: Category,
        enabled: bool,
        severity: Severity,
    ) -> (bool, Severity) {
        let mut out = (enabled, severity);
        for ov in [self.by_category.get(&category), self.by_rule.get(rule)]
            .into_iter()
            .flatten()
        {
            if let Some(e) = ov.enabled {
                out.0 = e;
            }
            if let Some(s) = ov.severity {
                out.1 = s;
            }
        }
        out
    }
}

impl Config {
    /// The configured locale, validated.
    pub(crate) fn resolved_locale(&self) -> Result<Locale, Error> {
        match &self.locale {
            None => Ok(Locale::default()),
            Some(tag) => Locale::parse(tag).ok_or_else(|| {
                Error::unknown(
                    "locale",
                    format!("unknown locale '{tag}'. Use 'pt-BR', 'es' or 'en'."),
                )
            }),
        }
    }
}
