//! A minimal JSON value and parser: just what reading a configuration or a
//! message needs, in a few KB of wasm (serde_json's deserializers, one copy
//! per type, were ~25 KB gzipped).

use crate::error::{Error, ErrorKind};

/// Deepest nesting accepted; the schema needs 5 levels, the rest is abuse.
pub const MAX_DEPTH: usize = 64;
/// Largest JSON text accepted, in bytes (5,000 pack terms fit many times over).
pub const MAX_JSON_BYTES: usize = 16 << 20;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (validated against the JSON grammar).
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's members in order (duplicate keys kept, for the decoder to judge).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The value as serde describes an unexpected one: `string "x"`, `integer `5``, `map`…
    pub(crate) fn unexpected(&self) -> String {
        match self {
            Value::Null => "null".to_owned(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Number(n) if n.contains(['.', 'e', 'E']) => format!("floating point `{n}`"),
            Value::Number(n) => format!("integer `{n}`"),
            Value::String(s) => format!(
                "string \"{}\"",
                s.replace('\\', "\\\\").replace('"', "\\\"")
            ),
            Value::Array(_) => "sequence".to_owned(),
            Value::Object(_) => "map".to_owned(),
        }
    }
}

/// Parses a JSON text.
///
/// # Errors
/// An input error (no field) that says what is wrong and at which byte
/// offset (with line and column, for files).
pub fn parse(text: &str) -> Result<Value, Error> {
    if text.len() > MAX_JSON_BYTES {
        return Err(Error::new(
            ErrorKind::Limit,
            None,
            format!(
                "the JSON text has {} bytes; the limit is {MAX_JSON_BYTES}.",
                text.len()
            ),
        ));
    }
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    let v = p.value()?;
    p.space();
    if p.pos < p.bytes.len() {
        return Err(p.fail("trailing characters after the JSON value"));
    }
    Ok(v)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn fail(&self, what: &str) -> Error {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Error::new(
            ErrorKind::Input,
            None,
            format!(
                "invalid JSON: {what} at byte {} (line {line}, column {column})",
                self.pos
            ),
        )
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.space();
        let hit = self.peek() == Some(b);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, Error> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.fail("expected a value"))
        }
    }

    #[cfg_attr(conforma_size, optimize(size))]
    fn value(&mut self) -> Result<Value, Error> {
        self.space();
        match self.peek() {
            None => Err(self.fail("unexpected end of input")),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                self.nest()?;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value()?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.fail("expected `,` or `]`"));
                        }
                    }
                }
                self.depth -= 1;
                Ok(Value::Array(items))
            }
            Some(b'{') => {
                self.nest()?;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        if self.peek() != Some(b'"') {
                            return Err(self.fail("expected a key (a string)"));
                        }
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return Err(self.fail("expected `:`"));
                        }
                        members.push((key, self.value()?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.fail("expected `,` or `}`"));
                        }
                    }
                }
                self.depth -= 1;
                Ok(Value::Object(members))
            }
            Some(_) => Err(self.fail("expected a value")),
        }
    }

    /// Enters an array or object (at `[`/`{`), enforcing the depth limit.
    fn nest(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self
                .fail(&format!("nesting deeper than {MAX_DEPTH} levels"))
                .with_kind(ErrorKind::Limit));
        }
        self.pos += 1;
        Ok(())
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.pos;
        let bad = |p: &mut Self| {
            // Point at the number, not at the digit that broke it.
            p.pos = start;
            Err(p.fail("invalid number"))
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let n = self.digits();
        if n == 0 || (n > 1 && self.bytes.get(int_start) == Some(&b'0')) {
            return bad(self);
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return bad(self);
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return bad(self);
            }
        }
        let raw = self.text.get(start..self.pos).unwrap_or("0");
        Ok(Value::Number(raw.to_owned()))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let hex = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.fail("invalid `\\u` escape"))?;
        self.pos += 4;
        Ok(hex)
    }

    /// Reads a string at `"`. Lone surrogates become U+FFFD, as wasm-bindgen
    /// does with the message text itself.
    #[cfg_attr(conforma_size, optimize(size))]
    fn string(&mut self) -> Result<String, Error> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            // Stops only at ASCII bytes, so both ends are char boundaries.
            out.push_str(self.text.get(start..self.pos).unwrap_or(""));
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let esc = self.peek();
                    self.pos += 1;
                    let c = match esc {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode()?,
                        _ => {
                            self.pos -= 1;
                            return Err(self.fail("invalid escape"));
                        }
                    };
                    out.push(c);
                }
                None => return Err(self.fail("unterminated string")),
                Some(_) => return Err(self.fail("control character in a string")),
            }
        }
    }

    /// After `\u`: one code point, joining a surrogate pair.
    fn unicode(&mut self) -> Result<char, Error> {
        let hi = self.hex4()?;
        if (0xD800..0xDC00).contains(&hi)
            && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u".as_slice())
        {
            let save = self.pos;
            self.pos += 2;
            let lo = self.hex4()?;
            if (0xDC00..0xE000).contains(&lo) {
                let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
            }
            // Not a low surrogate: leave it to be read on its own.
            self.pos = save;
        }
        Ok(char::from_u32(hi).unwrap_or('\u{FFFD}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::String(v.to_owned())
    }

    #[test]
    fn parses_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": {}, "c": [], "d": "x"} "#)
            .unwrap();
        let Value::Object(m) = v else { panic!() };
        assert_eq!(m[0].0, "a");
        assert_eq!(
            m[0].1,
            Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-2.5e3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ])
        );
        assert_eq!(m[1].1, Value::Object(vec![]));
        assert_eq!(m[2].1, Value::Array(vec![]));
        assert_eq!(m[3].1, s("x"));
    }

    #[test]
    fn unescapes_strings() {
        assert_eq!(
            parse(r#""a\"b\\c\/d\n\t\u00e7\u00C7""#).unwrap(),
            s("a\"b\\c/d\n\tçÇ")
        );
        assert_eq!(parse(r#""\ud83c\udf7a""#).unwrap(), s("🍺"));
        assert_eq!(parse(r#""\ud800x""#).unwrap(), s("\u{FFFD}x"));
        assert_eq!(parse(r#""\udc00\ud800""#).unwrap(), s("\u{FFFD}\u{FFFD}"));
        assert_eq!(parse(r#""\ud800\u0041""#).unwrap(), s("\u{FFFD}A"));
        assert_eq!(parse("\"cerveja 🍺 ção\"").unwrap(), s("cerveja 🍺 ção"));
    }

    #[test]
    fn errors_give_the_byte_offset() {
        for (text, at) in [
            ("", 0),
            ("{", 1),
            (r#"{"a" 1}"#, 5),
            (r#"{"a":1,}"#, 7),
            ("[1 2]", 3),
            ("[01]", 1),
            ("[1.]", 1),
            ("[-]", 1),
            ("[1e]", 1),
            ("tru", 0),
            ("\"abc", 4),
            ("\"a\u{1}\"", 2),
            (r#""\x""#, 2),
            (r#""\u12g4""#, 3),
            ("{} x", 3),
            ("{1:2}", 1),
        ] {
            let e = parse(text).unwrap_err();
            assert!(
                e.message().contains(&format!("at byte {at} ")),
                "{text:?}: {e}"
            );
            assert_eq!(e.field(), None);
            assert_eq!(e.kind(), ErrorKind::Input);
        }
        let e = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert!(e.message().ends_with("(line 2, column 8)"), "{e}");
    }

    #[test]
    fn limits_depth_and_size() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().message().contains("nesting"));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        // Deep unterminated input fails fast instead of recursing without bound.
        assert!(parse(&"[".repeat(1_000_000)).is_err());
        let big = format!("\"{}\"", "a".repeat(MAX_JSON_BYTES));
        assert_eq!(parse(&big).unwrap_err().kind(), ErrorKind::Limit);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "\"\\",
            "\"\\u",
            "\"\\ud800\\",
            "\"\\ud800\\u",
            "-",
            "{\"a\"",
            "[",
            "\u{FEFF}{}",
            "nul",
            "\"ç",
        ] {
            assert!(parse(text).is_err(), "{text:?}");
        }
    }
}
