//! The engine's error type: opaque, with a message that says what is wrong,
//! where (the field path) and how to fix it.

use std::fmt;

/// An error from building an engine or checking a message.
///
/// Opaque on purpose: match on [`Error::kind`] and read [`Error::field`];
/// the `Display` text is for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    field: Option<String>,
    message: String,
}

/// Broad kinds of error, stable for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The configuration (or a custom pack) is invalid.
    Config,
    /// The message or its context is invalid.
    Input,
    /// An id (rule, category, locale, zone…) is unknown.
    UnknownId,
    /// A size or count limit was exceeded.
    Limit,
}

// Some constructors serve only modules still being grown.
#[allow(dead_code)]
impl Error {
    pub(crate) fn new(kind: ErrorKind, field: Option<&str>, message: impl Into<String>) -> Error {
        Error {
            kind,
            field: field.map(str::to_owned),
            message: message.into(),
        }
    }
    /// A configuration error at `field`.
    pub(crate) fn config(field: &str, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Config, Some(field), message)
    }
    /// An input error at `field`.
    #[allow(dead_code)] // for the context rules (invalid `context.now`…)
    pub(crate) fn input(field: &str, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input, Some(field), message)
    }
    /// An unknown id at `field`.
    pub(crate) fn unknown(field: &str, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::UnknownId, Some(field), message)
    }
    /// A limit exceeded at `field`.
    pub(crate) fn limit(field: &str, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Limit, Some(field), message)
    }
    /// An input error at the value being decoded; [`Error::within`] adds the path.
    pub(crate) fn input_here(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input, None, message)
    }
    /// The same error with another kind (decoding errors are config or input
    /// errors depending on what was decoded).
    #[must_use]
    pub(crate) fn with_kind(mut self, kind: ErrorKind) -> Error {
        if self.kind != ErrorKind::Limit {
            self.kind = kind;
        }
        self
    }
    /// Prefixes the field path, e.g. `hours.mon[0]` under `config`.
    #[must_use]
    pub fn within(mut self, parent: &str) -> Error {
        self.field = Some(match self.field {
            Some(f) if f.starts_with('[') => format!("{parent}{f}"),
            Some(f) => format!("{parent}.{f}"),
            None => parent.to_owned(),
        });
        self
    }
    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    /// The path of the offending field (`hours.mon[1]`, `context.now`…), when there is one.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }
    /// The explanation without the field prefix.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

/// The id among `known` closest to `wrong`, for "did you mean" hints.
pub(crate) fn closest<'a>(
    wrong: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for k in known {
        let d = edit_distance(wrong, k);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, k));
        }
    }
    best.filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .map(|(_, k)| k)
}

#[cfg_attr(conforma_size, optimize(size))]
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_field() {
        let e = Error::config("mon[0]", "inverted interval").within("hours");
        assert_eq!(e.to_string(), "hours.mon[0]: inverted interval");
        assert_eq!(e.field(), Some("hours.mon[0]"));
        assert_eq!(e.kind(), ErrorKind::Config);
    }

    #[test]
    fn closest_suggests_typos_only() {
        let known = ["commerce.alcohol", "pii.cpf"];
        assert_eq!(closest("commerce.alcool", known), Some("commerce.alcohol"));
        assert_eq!(closest("weather", known), None);
    }
}
