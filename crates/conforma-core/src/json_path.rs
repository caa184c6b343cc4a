//! Field paths for JSON errors, without wrapping every deserializer.
//!
//! serde_json reports *where* an error happened (line and column) but not
//! *which field*. Rather than tracking the path during deserialization (as
//! serde_path_to_error does, at a cost of ~20 KB of gzipped wasm for all the
//! wrapped visitors), the path is recovered afterwards by scanning the JSON
//! text up to the error position.

/// The path of the value being read at byte `offset` of `json`, such as
/// `rules.alcohol.severity` or `hours.mon[1]`; empty at the top level.
pub fn json_path_at(json: &str, offset: usize) -> String {
    enum Frame {
        Object {
            key: Option<String>,
            after_colon: bool,
        },
        Array {
            index: usize,
        },
    }
    let bytes = json.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                after_colon: false,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { after_colon, .. }) = stack.last_mut() {
                    *after_colon = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, after_colon }) => {
                    *key = None;
                    *after_colon = false;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object {
                    key,
                    after_colon: false,
                }) = stack.last_mut()
                {
                    let raw = json.get(start..j.min(bytes.len())).unwrap_or("");
                    *key = Some(unescape(raw));
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// The byte offset of a 1-based `line` and `column` (as serde_json reports them).
pub fn offset_of(json: &str, line: usize, column: usize) -> usize {
    let line_start: usize = json
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(json.len())
}

/// Keys are plain ids; only the common escapes matter for a readable path.
fn unescape(raw: &str) -> String {
    raw.replace("\\\"", "\"").replace("\\\\", "\\")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let json =
            r#"{"rules":{"alcohol":{"severity":"loud"}},"hours":{"mon":["08:00-12:00","bad"]}}"#;
        let at = |needle: &str| json_path_at(json, json.find(needle).unwrap() + needle.len());
        assert_eq!(at(r#""loud""#), "rules.alcohol.severity");
        assert_eq!(at(r#""bad""#), "hours.mon[1]");
        assert_eq!(at(r#"{"rules""#), "rules");
        assert_eq!(json_path_at(json, 0), "");
        assert_eq!(json_path_at(r#"{"a\"b":1}"#, 8), "a\"b");
    }

    #[test]
    fn offsets_from_line_and_column() {
        let text = "{\n  \"a\": 1\n}";
        assert_eq!(offset_of(text, 2, 3), 4);
        assert_eq!(&text[offset_of(text, 2, 3)..offset_of(text, 2, 6)], "\"a\"");
    }
}
