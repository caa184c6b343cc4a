//! Findings to JS objects: UTF-8 byte offsets (Rust) to UTF-16 code units
//! (JavaScript strings), and built-in texts decoded once.

use conforma_core::{Category, Finding, Severity};
use std::borrow::Cow;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/results.js")]
extern "C" {
    /// A `Finding` object; `spans` is flat: start, end, start, end…
    #[allow(clippy::too_many_arguments)] // mirrors the JS object's fields
    fn finding(
        rule: &JsValue,
        category: &JsValue,
        severity: &JsValue,
        start: u32,
        end: u32,
        spans: &[u32],
        message: &JsValue,
        suggestion: &JsValue,
    ) -> JsValue;
}

/// A finding with offsets in UTF-16 code units.
pub(crate) struct JsFinding {
    rule: Cow<'static, str>,
    category: Category,
    severity: Severity,
    start: u32,
    end: u32,
    /// Flat: start, end, start, end…
    spans: Vec<u32>,
    message: Cow<'static, str>,
    suggestion: Option<Cow<'static, str>>,
}

impl JsFinding {
    /// The JS object (`Finding` in the TypeScript types).
    pub(crate) fn into_js(self) -> JsValue {
        finding(
            &js_text(self.rule),
            &js_static(self.category.id()),
            &js_static(self.severity.id()),
            self.start,
            self.end,
            &self.spans,
            &js_text(self.message),
            &self.suggestion.map_or(JsValue::UNDEFINED, js_text),
        )
    }
}

/// A text as a JS string; built-in ones through the cache.
fn js_text(text: Cow<'static, str>) -> JsValue {
    match text {
        Cow::Borrowed(s) => js_static(s),
        Cow::Owned(s) => JsValue::from_str(&s),
    }
}

/// Decoding a string into JS (`TextDecoder`) costs more than anything else
/// about a finding, and built-in texts are a few hundred `&'static str`s that
/// never move: each is decoded once and kept, keyed by its address and length.
/// A sorted `Vec` rather than a hash map: the same few lookups, and no hash
/// table code in the wasm.
fn js_static(text: &'static str) -> JsValue {
    thread_local! {
        static DECODED: RefCell<Vec<((usize, usize), JsValue)>> = const { RefCell::new(Vec::new()) };
    }
    let key = (text.as_ptr() as usize, text.len());
    DECODED.with(|cache| {
        let at = cache.borrow().binary_search_by_key(&key, |(k, _)| *k);
        match at {
            Ok(i) => cache
                .borrow()
                .get(i)
                .map_or(JsValue::UNDEFINED, |(_, js)| js.clone()),
            Err(i) => {
                let js = JsValue::from_str(text);
                cache.borrow_mut().insert(i, (key, js.clone()));
                js
            }
        }
    })
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
    // UTF-16 offsets fit in u32: wasm32 memory is at most 4 GiB.
    let map = |byte: usize| {
        let units = table
            .binary_search_by_key(&byte, |&(b, _)| b)
            .map_or(byte, |i| table[i].1);
        u32::try_from(units).unwrap_or(u32::MAX)
    };
    findings
        .into_iter()
        .map(|f| JsFinding {
            start: map(f.start),
            end: map(f.end),
            spans: f
                .spans
                .iter()
                .flat_map(|s| [map(s.start), map(s.end)])
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
        units += utf16_units(bytes.get(at..w.max(at)).unwrap_or(&[]));
        at = w.max(at);
        out.push((w, units));
    }
    out
}

/// UTF-16 units of UTF-8 bytes: one per lead byte, plus one more for the
/// four-byte leads (surrogate pairs). Counted eight bytes at a time with bit
/// masks, without decoding: this runs over the text before every finding.
fn utf16_units(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut units = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // Shifting left moves each byte's bit 6 (5, 4) under its bit 7; the
        // bit that crosses into the next byte lands on bit 0 and is masked off.
        let continuation = x & !(x << 1) & HIGH;
        let four_byte_lead = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        units += 8 - continuation.count_ones() as usize + four_byte_lead.count_ones() as usize;
    }
    units
        + chunks
            .remainder()
            .iter()
            .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
            .sum::<usize>()
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

    #[test]
    fn word_counting_matches_std_on_every_prefix() {
        let text = "Olá 👋🏽 cerveja ção 𝐛𝐞𝐛𝐢𝐝𝐚 e\u{301} 中文 ok 🍺🍺 ÿ€ end of the line";
        for (end, _) in text.char_indices().chain([(text.len(), ' ')]) {
            for (start, _) in text[..end].char_indices() {
                let slice = &text[start..end];
                assert_eq!(
                    utf16_units(slice.as_bytes()),
                    slice.encode_utf16().count(),
                    "{slice:?}"
                );
            }
        }
    }
}
