//! [`FromJson`] for the configuration and message types: the same fields,
//! defaults and strictness as their serde derives, which native code (tests,
//! TOML packs in the CLI) still uses.
//!
//! Structs are built by assigning each decoded field to a default value, on
//! purpose: with a struct literal, every `?` inlines the drops of the fields
//! decoded before it (~3 KB of gzipped wasm over these types).

#![allow(clippy::field_reassign_with_default)]

use super::{variant, FromJson, Object, Value};
use crate::config::{Config, RuleOverride};
use crate::context::{BulkConfig, Holidays, Surface, WeeklyHours};
use crate::error::{Error, ErrorKind};
use crate::model::{Contact, Context, Direction, Lang, Message, OptInStatus, Severity};
use crate::pack::{Pack, Topic};
use std::collections::BTreeMap;

/// Decodes a string enum from its ids and values (in the same order).
fn string_enum<T: Copy>(value: &Value, ids: &[&str], all: &[T]) -> Result<T, Error> {
    let i = variant(value, ids)?;
    // `ids` and `all` have the same length; the fallback is never taken.
    all.get(i)
        .copied()
        .ok_or_else(|| Error::input_here("unknown variant"))
}

impl FromJson for Severity {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        string_enum(value, Severity::IDS, Severity::ALL)
    }
}

impl FromJson for Direction {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        string_enum(value, Direction::IDS, Direction::ALL)
    }
}

impl FromJson for Lang {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        string_enum(value, Lang::IDS, Lang::ALL)
    }
}

impl FromJson for Surface {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        string_enum(
            value,
            &["app", "platform"],
            &[Surface::App, Surface::Platform],
        )
    }
}

impl FromJson for OptInStatus {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        string_enum(
            value,
            &["granted", "denied", "unknown"],
            &[
                OptInStatus::Granted,
                OptInStatus::Denied,
                OptInStatus::Unknown,
            ],
        )
    }
}

impl Config {
    /// Reads a configuration from JSON text, with errors that name the field
    /// (`rules.alcohol.severity`, `timezon` for an unknown field). Values are
    /// validated later, by [`crate::Engine::new`].
    ///
    /// # Errors
    /// A [`ErrorKind::Config`] error (invalid JSON, unknown field, wrong type
    /// or id), or [`ErrorKind::Limit`] for an over-large or too deep text.
    #[cfg_attr(conforma_size, optimize(size))]
    pub fn from_json(text: &str) -> Result<Config, Error> {
        super::from_str(text, ErrorKind::Config)
    }
}

impl FromJson for Config {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(
            value,
            "struct Config",
            &[
                "locale", "rules", "packs", "timezone", "hours", "holidays", "surface", "bulk",
            ],
        )?;
        let mut v = Config::default();
        v.locale = o.nullable("locale")?;
        v.rules = o.or_default("rules")?;
        v.packs = o.or_default("packs")?;
        v.timezone = o.nullable("timezone")?;
        v.hours = o.nullable("hours")?;
        v.holidays = o.nullable("holidays")?;
        v.surface = o.or_default("surface")?;
        v.bulk = o.nullable("bulk")?;
        Ok(v)
    }
}

impl FromJson for RuleOverride {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(value, "struct RuleOverride", &["enabled", "severity"])?;
        Ok(RuleOverride {
            enabled: o.nullable("enabled")?,
            severity: o.nullable("severity")?,
        })
    }
}

impl FromJson for Pack {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(
            value,
            "struct Pack",
            &[
                "name",
                "description",
                "topics",
                "terms",
                "allow",
                "severity",
                "disable",
                "enable",
            ],
        )?;
        let mut v = Pack::default();
        v.name = o.required("name")?;
        v.description = o.nullable("description")?;
        v.topics = o.or_default("topics")?;
        v.terms = o.or_default("terms")?;
        v.allow = o.or_default("allow")?;
        v.severity = o.or_default("severity")?;
        v.disable = o.or_default("disable")?;
        v.enable = o.or_default("enable")?;
        Ok(v)
    }
}

impl FromJson for Topic {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(
            value,
            "struct Topic",
            &["id", "terms", "allow", "severity", "message", "suggestion"],
        )?;
        let mut v = Topic {
            id: String::new(),
            terms: Vec::new(),
            allow: Vec::new(),
            severity: Severity::Warn,
            message: BTreeMap::new(),
            suggestion: BTreeMap::new(),
        };
        v.id = o.required("id")?;
        v.terms = o.required("terms")?;
        v.allow = o.or_default("allow")?;
        v.severity = o.get("severity")?.unwrap_or(Severity::Warn);
        v.message = o.or_default("message")?;
        v.suggestion = o.or_default("suggestion")?;
        Ok(v)
    }
}

impl FromJson for WeeklyHours {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        FromJson::from_json(value).map(WeeklyHours)
    }
}

impl FromJson for Holidays {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(value, "struct Holidays", &["dates", "national"])?;
        let mut v = Holidays::default();
        v.dates = o.or_default("dates")?;
        v.national = o.or_default("national")?;
        Ok(v)
    }
}

impl FromJson for BulkConfig {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(
            value,
            "struct BulkConfig",
            &["max_contacts", "window_minutes"],
        )?;
        Ok(BulkConfig {
            max_contacts: o.required("max_contacts")?,
            window_minutes: o.required("window_minutes")?,
        })
    }
}

impl FromJson for Context {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(value, "struct Context", &["now", "contact"])?;
        let mut v = Context::default();
        v.now = o.nullable("now")?;
        v.contact = o.nullable("contact")?;
        Ok(v)
    }
}

impl FromJson for Contact {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(
            value,
            "struct Contact",
            &[
                "id",
                "opt_in",
                "opt_in_at",
                "opted_out_at",
                "last_inbound_at",
            ],
        )?;
        let mut v = Contact::default();
        v.id = o.nullable("id")?;
        v.opt_in = o.or_default("opt_in")?;
        v.opt_in_at = o.nullable("opt_in_at")?;
        v.opted_out_at = o.nullable("opted_out_at")?;
        v.last_inbound_at = o.nullable("last_inbound_at")?;
        Ok(v)
    }
}

impl FromJson for Message {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(
            value,
            "struct Message",
            &["text", "direction", "lang", "context"],
        )?;
        let mut v = Message::default();
        v.text = o.required("text")?;
        v.direction = o.or_default("direction")?;
        v.lang = o.nullable("lang")?;
        v.context = o.nullable("context")?;
        Ok(v)
    }
}
