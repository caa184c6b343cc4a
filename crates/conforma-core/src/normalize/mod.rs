//! Text normalization for matching, with a map back to the original text.
//!
//! Matching happens on a folded copy of the text (lowercase, no diacritics…);
//! every byte of the folded copy remembers which original bytes it came from,
//! so findings highlight exactly what the agent typed.

use crate::model::Span;

/// A normalized copy of a text plus its offset map.
#[derive(Debug, Clone, Default)]
pub(crate) struct Normalized {
    text: String,
    /// For each byte of `text`, the original span of the char it came from.
    origin: Vec<Span>,
}

impl Normalized {
    /// Folds `original`: lowercase and common Latin diacritics removed.
    pub(crate) fn new(original: &str) -> Normalized {
        let mut out = Normalized {
            text: String::with_capacity(original.len()),
            origin: Vec::with_capacity(original.len()),
        };
        for (i, c) in original.char_indices() {
            let span = Span::new(i, i + c.len_utf8());
            for lower in c.to_lowercase() {
                out.push(strip_accent(lower), span);
            }
        }
        out
    }

    fn push(&mut self, c: char, from: Span) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.origin.push(from);
        }
    }

    /// The normalized text.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The original span covered by normalized bytes `[start, end)`.
    pub(crate) fn original(&self, start: usize, end: usize) -> Span {
        match (
            self.origin.get(start),
            end.checked_sub(1).and_then(|e| self.origin.get(e)),
        ) {
            (Some(a), Some(b)) if end > start => Span::new(a.start, b.end),
            (Some(a), _) => Span::new(a.start, a.start),
            _ => Span::new(
                self.origin.last().map_or(0, |s| s.end),
                self.origin.last().map_or(0, |s| s.end),
            ),
        }
    }
}

fn strip_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' => 'a',
        'é' | 'ê' | 'è' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_to_original() {
        let n = Normalized::new("🍺 Ação CERVEJA");
        assert_eq!(n.text(), "🍺 acao cerveja");
        let s = n.text().find("cerveja").unwrap();
        let span = n.original(s, s + "cerveja".len());
        assert_eq!(&"🍺 Ação CERVEJA"[span.start..span.end], "CERVEJA");
    }
}
