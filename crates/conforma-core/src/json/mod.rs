//! Reading configurations and messages from JSON without serde.
//!
//! The wasm package receives every configuration and message as a JSON
//! string (`JSON.stringify` of the caller's object); decoding it with
//! serde_json instantiated a deserializer per type, a quarter of the gzipped
//! wasm. This small parser and hand-written decoders do the same job with
//! the same rules: unknown fields, wrong types and unknown ids are errors
//! whose field path names the culprit (`rules.alcohol.severity`,
//! `hours.mon[1]`, `packs[0].topics[1].terms[3]`), relative to the decoded
//! value. The CLI reads its files and lines with it too, so both report the
//! same errors.

mod schema;
mod value;

pub use value::{parse, Value, MAX_DEPTH, MAX_JSON_BYTES};

use crate::error::{Error, ErrorKind};
use std::collections::BTreeMap;

/// A type that can be decoded from a [`Value`].
pub trait FromJson: Sized {
    /// Decodes `value`; errors carry the field path relative to it.
    ///
    /// # Errors
    /// The value has the wrong type, an unknown field or id, or lacks a required field.
    fn from_json(value: &Value) -> Result<Self, Error>;
}

/// Parses and decodes a JSON text; every error gets `kind` (e.g.
/// [`ErrorKind::Config`] for a configuration).
///
/// # Errors
/// Invalid JSON (the message gives the byte offset, no field), or a decoding
/// error naming the field; [`ErrorKind::Limit`] for over-large or too deep input.
#[cfg_attr(conforma_size, optimize(size))]
pub fn from_str<T: FromJson>(text: &str, kind: ErrorKind) -> Result<T, Error> {
    parse(text)
        .and_then(|value| T::from_json(&value))
        .map_err(|e| e.with_kind(kind))
}

/// A type error in serde's words: `invalid type: string "x", expected a boolean`.
pub fn invalid_type(value: &Value, expected: &str) -> Error {
    Error::input_here(format!(
        "invalid type: {}, expected {expected}",
        value.unexpected()
    ))
}

/// `` `a`, `b` or `c` `` lists as serde words them after "expected".
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".to_owned(),
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", list.join(", "))
        }
    }
}

/// The fields of a JSON object being decoded into a struct.
pub struct Object<'a> {
    members: &'a [(String, Value)],
}

impl<'a> Object<'a> {
    /// Checks that `value` is an object (`expected` names the struct, e.g.
    /// `struct Config`) whose keys are all among `fields`, each at most once.
    ///
    /// # Errors
    /// A type error (no field), or an unknown or duplicate field (at that field).
    pub fn new(value: &'a Value, expected: &str, fields: &[&str]) -> Result<Self, Error> {
        let Value::Object(members) = value else {
            return Err(invalid_type(value, expected));
        };
        for (i, (key, _)) in members.iter().enumerate() {
            if !fields.contains(&key.as_str()) {
                let message = if fields.is_empty() {
                    format!("unknown field `{key}`, there are no fields")
                } else {
                    format!("unknown field `{key}`, expected {}", one_of(fields))
                };
                return Err(Error::input_here(message).within(key));
            }
            if members.iter().take(i).any(|(k, _)| k == key) {
                return Err(Error::input_here(format!("duplicate field `{key}`")).within(key));
            }
        }
        Ok(Object { members })
    }

    fn raw(&self, key: &str) -> Option<&'a Value> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// An optional field: `None` when absent (`null` is decoded like any value).
    ///
    /// # Errors
    /// The field's decoding error, under `key`.
    pub fn get<T: FromJson>(&self, key: &str) -> Result<Option<T>, Error> {
        self.raw(key)
            .map(|v| T::from_json(v).map_err(|e| e.within(key)))
            .transpose()
    }

    /// An optional field whose absence means its default.
    ///
    /// # Errors
    /// The field's decoding error, under `key`.
    #[cfg_attr(conforma_size, optimize(size))]
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, Error> {
        Ok(self.get(key)?.unwrap_or_default())
    }

    /// An optional field that may also be `null`.
    ///
    /// # Errors
    /// The field's decoding error, under `key`.
    pub fn nullable<T: FromJson>(&self, key: &str) -> Result<Option<T>, Error> {
        match self.raw(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => T::from_json(v).map(Some).map_err(|e| e.within(key)),
        }
    }

    /// A required field.
    ///
    /// # Errors
    /// `missing field` at `key` when absent, or the field's decoding error.
    pub fn required<T: FromJson>(&self, key: &str) -> Result<T, Error> {
        self.get(key)?.ok_or_else(|| missing(key))
    }
}

/// Not generic, unlike its callers: one copy in the wasm.
fn missing(key: &str) -> Error {
    Error::input_here(format!("missing field `{key}`")).within(key)
}

/// Decodes a string id: its index in `ids` (not generic, so one copy in the wasm).
///
/// # Errors
/// A type error, or `unknown variant` listing the ids.
pub fn variant(value: &Value, ids: &[&str]) -> Result<usize, Error> {
    let Value::String(s) = value else {
        return Err(invalid_type(value, "a string id"));
    };
    ids.iter().position(|id| id == s).ok_or_else(|| {
        Error::input_here(format!("unknown variant `{s}`, expected {}", one_of(ids)))
    })
}

impl FromJson for Value {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        Ok(value.clone())
    }
}

impl FromJson for String {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::String(s) => Ok(s.clone()),
            v => Err(invalid_type(v, "a string")),
        }
    }
}

impl FromJson for bool {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Bool(b) => Ok(*b),
            v => Err(invalid_type(v, "a boolean")),
        }
    }
}

impl FromJson for u32 {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Number(n) if !n.contains(['.', 'e', 'E']) => n.parse().map_err(|_| {
                Error::input_here(format!("invalid value: integer `{n}`, expected u32"))
            }),
            v => Err(invalid_type(v, "u32")),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        let Value::Array(items) = value else {
            return Err(invalid_type(value, "a sequence"));
        };
        // Plain loops rather than `collect`: one small copy per element type in the wasm.
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            out.push(T::from_json(v).map_err(|e| at_index(e, i))?);
        }
        Ok(out)
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    /// Like serde_json: a repeated key keeps its last value.
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, Error> {
        let Value::Object(members) = value else {
            return Err(invalid_type(value, "a map"));
        };
        let mut out = BTreeMap::new();
        for (k, v) in members {
            out.insert(k.clone(), T::from_json(v).map_err(|e| e.within(k))?);
        }
        Ok(out)
    }
}

/// Prefixes `[i]` to an element's error path (not generic: one copy in the wasm).
fn at_index(e: Error, i: usize) -> Error {
    e.within(&format!("[{i}]"))
}

#[cfg(test)]
mod tests;
