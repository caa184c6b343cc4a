//! UTF-8 byte offsets (Rust) to UTF-16 code units (JavaScript strings).

use conforma_core::{Category, Finding, Severity, Span};
use serde::Serialize;

/// A finding with offsets in UTF-16 code units.
#[derive(Serialize)]
pub(crate) struct JsFinding {
    rule: String,
    category: Category,
    severity: Severity,
    start: usize,
    end: usize,
    spans: Vec<Span>,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<String>,
}

/// Converts every offset of `findings` in one pass over `text`.
pub(crate) fn to_utf16(text: &str, findings: Vec<Finding>) -> Vec<JsFinding> {
    let mut wanted: Vec<usize> = findings
        .iter()
        .flat_map(|f| {
            [f.start, f.end]
                .into_iter()
                .chain(f.spans.iter().flat_map(|s| [s.start, s.end]))
        })
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let table = utf16_positions(text, &wanted);
    let map = |byte: usize| {
        table
            .binary_search_by_key(&byte, |&(b, _)| b)
            .map_or(byte, |i| table[i].1)
    };
    findings
        .into_iter()
        .map(|f| JsFinding {
            start: map(f.start),
            end: map(f.end),
            spans: f
                .spans
                .iter()
                .map(|s| Span::new(map(s.start), map(s.end)))
                .collect(),
            rule: f.rule,
            category: f.category,
            severity: f.severity,
            message: f.message,
            suggestion: f.suggestion,
        })
        .collect()
}

/// `(byte, utf16)` pairs for the sorted byte offsets in `wanted`.
fn utf16_positions(text: &str, wanted: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(wanted.len());
    let mut units = 0;
    let mut next = wanted.iter().peekable();
    for (byte, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\0')))
    {
        // Stop at the last offset wanted (at once for a clean message).
        if next.peek().is_none() {
            break;
        }
        while let Some(&&w) = next.peek() {
            if w > byte {
                break;
            }
            out.push((w, units));
            next.next();
        }
        units += c.len_utf16();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_and_accents_shift_offsets() {
        let text = "🍺 ção cerveja";
        let start = text.find("cerveja").unwrap();
        let table = utf16_positions(text, &[0, start, text.len()]);
        // 🍺 is 4 bytes / 2 units, "ção" is 5 bytes / 3 units.
        assert_eq!(table, vec![(0, 0), (start, 7), (text.len(), 14)]);
    }
}
