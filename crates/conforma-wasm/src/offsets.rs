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
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(wanted.len());
    let (mut at, mut units) = (0, 0);
    for &w in wanted {
        let w = w.min(bytes.len());
        // A char is one UTF-16 unit per lead byte, plus one more for the
        // four-byte ones (surrogate pairs): counted byte by byte, with no
        // decoding, up to the offset.
        units += bytes
            .get(at..w.max(at))
            .unwrap_or(&[])
            .iter()
            .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
            .sum::<usize>();
        at = w.max(at);
        out.push((w, units));
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
