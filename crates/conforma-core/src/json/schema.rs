//! [`FromJson`] for the configuration and message types: the same fields,
//! defaults and strictness as their serde derives, which native code (tests,
//! TOML packs in the CLI) still uses.

use super::{variant, FromJson, Object, Value};
use crate::config::{Config, RuleOverride};
use crate::context::{BulkConfig, Holidays, Surface, WeeklyHours};
use crate::error::{Error, ErrorKind};
use crate::model::{Contact, Context, Direction, Lang, Message, OptInStatus, Severity};
use crate::pack::{Pack, Topic};

/// Decodes a string-enum id among `all`.
fn string_enum<T: Copy>(value: &Value, all: &[T], id: fn(T) -> &'static str) -> Result<T, Error> {
    let variants: Vec<(&str, T)> = all.iter().map(|v| (id(*v), *v)).collect();
    variant(value, &variants)
}

impl FromJson for Severity {
    fn from_json(value: &Value) -> Result<Self, Error> {
        string_enum(value, Severity::ALL, Severity::id)
    }
}

impl FromJson for Direction {
    fn from_json(value: &Value) -> Result<Self, Error> {
        string_enum(value, Direction::ALL, Direction::id)
    }
}

impl FromJson for Lang {
    fn from_json(value: &Value) -> Result<Self, Error> {
        string_enum(value, Lang::ALL, Lang::id)
    }
}

impl FromJson for Surface {
    fn from_json(value: &Value) -> Result<Self, Error> {
        variant(
            value,
            &[("app", Surface::App), ("platform", Surface::Platform)],
        )
    }
}

impl FromJson for OptInStatus {
    fn from_json(value: &Value) -> Result<Self, Error> {
        variant(
            value,
            &[
                ("granted", OptInStatus::Granted),
                ("denied", OptInStatus::Denied),
                ("unknown", OptInStatus::Unknown),
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
    pub fn from_json(text: &str) -> Result<Config, Error> {
        super::from_str(text, ErrorKind::Config)
    }
}

impl FromJson for Config {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(
            value,
            "struct Config",
            &[
                "locale", "rules", "packs", "timezone", "hours", "holidays", "surface", "bulk",
            ],
        )?;
        Ok(Config {
            locale: o.nullable("locale")?,
            rules: o.or_default("rules")?,
            packs: o.or_default("packs")?,
            timezone: o.nullable("timezone")?,
            hours: o.nullable("hours")?,
            holidays: o.nullable("holidays")?,
            surface: o.or_default("surface")?,
            bulk: o.nullable("bulk")?,
        })
    }
}

impl FromJson for RuleOverride {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(value, "struct RuleOverride", &["enabled", "severity"])?;
        Ok(RuleOverride {
            enabled: o.nullable("enabled")?,
            severity: o.nullable("severity")?,
        })
    }
}

impl FromJson for Pack {
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
        Ok(Pack {
            name: o.required("name")?,
            description: o.nullable("description")?,
            topics: o.or_default("topics")?,
            terms: o.or_default("terms")?,
            allow: o.or_default("allow")?,
            severity: o.or_default("severity")?,
            disable: o.or_default("disable")?,
            enable: o.or_default("enable")?,
        })
    }
}

impl FromJson for Topic {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(
            value,
            "struct Topic",
            &["id", "terms", "allow", "severity", "message", "suggestion"],
        )?;
        Ok(Topic {
            id: o.required("id")?,
            terms: o.required("terms")?,
            allow: o.or_default("allow")?,
            severity: o.get("severity")?.unwrap_or(Severity::Warn),
            message: o.or_default("message")?,
            suggestion: o.or_default("suggestion")?,
        })
    }
}

impl FromJson for WeeklyHours {
    fn from_json(value: &Value) -> Result<Self, Error> {
        FromJson::from_json(value).map(WeeklyHours)
    }
}

impl FromJson for Holidays {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(value, "struct Holidays", &["dates", "national"])?;
        Ok(Holidays {
            dates: o.or_default("dates")?,
            national: o.or_default("national")?,
        })
    }
}

impl FromJson for BulkConfig {
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
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(value, "struct Context", &["now", "contact"])?;
        Ok(Context {
            now: o.nullable("now")?,
            contact: o.nullable("contact")?,
        })
    }
}

impl FromJson for Contact {
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
        Ok(Contact {
            id: o.nullable("id")?,
            opt_in: o.or_default("opt_in")?,
            opt_in_at: o.nullable("opt_in_at")?,
            opted_out_at: o.nullable("opted_out_at")?,
            last_inbound_at: o.nullable("last_inbound_at")?,
        })
    }
}

impl FromJson for Message {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::new(
            value,
            "struct Message",
            &["text", "direction", "lang", "context"],
        )?;
        Ok(Message {
            text: o.required("text")?,
            direction: o.or_default("direction")?,
            lang: o.nullable("lang")?,
            context: o.nullable("context")?,
        })
    }
}
