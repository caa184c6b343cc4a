//! Context rules: who a message goes to and when (opt-in, opt-out, business
//! hours and holidays, the 24-hour window, bulk sends).

use crate::config::Config;
use crate::engine::Hit;
use crate::error::Error;
use crate::model::{Context, Locale};
use crate::rules::RuleInfo;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Built-in context rules.
pub(crate) static RULES: &[RuleInfo] = &[];

/// Weekly business hours: day (`mon`…`sun`) to intervals `"08:00-18:00"`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WeeklyHours(pub BTreeMap<String, Vec<String>>);

/// Holidays: explicit local dates and built-in national calendars.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holidays {
    /// Local dates `YYYY-MM-DD`.
    #[serde(default)]
    pub dates: Vec<String>,
    /// Built-in national calendars by ISO country code (`BR`).
    #[serde(default)]
    pub national: Vec<String>,
}

/// Where messages are sent from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Surface {
    /// WhatsApp Business app / WhatsApp Web.
    #[default]
    App,
    /// WhatsApp Business Platform (API dashboards).
    Platform,
}

/// Bulk-send guard thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkConfig {
    /// More than this many distinct contacts receiving the same text raises `bulk_send`.
    pub max_contacts: u32,
    /// Within this many minutes.
    pub window_minutes: u32,
}

/// Compiled context rules.
#[derive(Debug, Clone, Default)]
pub(crate) struct ContextRules;

impl ContextRules {
    pub(crate) fn compile(_config: &Config) -> Result<ContextRules, Error> {
        Ok(ContextRules)
    }

    pub(crate) fn check(
        &self,
        _ctx: &Context,
        _text: &str,
        _content: &[Hit],
        _locale: Locale,
    ) -> Result<Vec<Hit>, Error> {
        Ok(Vec::new())
    }
}
