//! Text normalization for matching, with a map back to the original text.
//!
//! Agents (and people dodging filters) write "CERVEJAAA", "w.h.i.s.k.y",
//! "3st3r0id3s" or Cyrillic look-alikes. Matching happens on a folded copy;
//! every byte of the folded copy remembers which original bytes it came
//! from, so findings highlight exactly what the agent typed.
//!
//! The steps are separate modules, applied in this order:
//! 1. `invisible`: zero-width, bidi and control characters removed;
//! 2. `compat`: compatibility folding (full-width, math letters, ligatures, odd spaces);
//! 3. `case`: lowercase;
//! 4. `diacritics`: accents stripped, combining marks merged into their base;
//! 5. `confusables`: Cyrillic/Greek look-alikes folded to Latin;
//! 6. `emoji`: skin tones dropped, emoji variants folded to one stand-in per theme;
//! 7. `separators`: `w.h.i.s.k.y` and `b e b i d a` collapsed;
//! 8. `leet`: `0→o 1→i 3→e 4→a 5→s 7→t @→a $→s` inside words;
//! 9. `repeats`: runs of three or more identical letters collapsed.
//!
//! Steps 1–6 are per character and run in one pass; steps 7–9 look at whole
//! words and rewrite the buffer in place, so a check allocates only twice.

pub(crate) mod case;
pub(crate) mod compat;
pub(crate) mod confusables;
pub(crate) mod diacritics;
pub(crate) mod emoji;
pub(crate) mod invisible;
pub(crate) mod leet;
pub(crate) mod repeats;
pub(crate) mod separators;

use crate::model::Span;

/// A compact original byte range (`u32`: texts are capped at 1 MiB before
/// normalizing), half the size of [`Span`], so big texts stay cache-friendly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pos {
    pub start: u32,
    pub end: u32,
}

impl Pos {
    /// A range from `usize` offsets (saturating; never hit under the 1 MiB cap).
    pub(crate) fn new(start: usize, end: usize) -> Pos {
        Pos {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }
}

/// One normalized character and the original bytes it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// The normalized character.
    pub c: char,
    /// Original byte range it came from.
    pub span: Pos,
}

/// Marks a unit deleted by a word-level step (control characters never survive step 1).
pub(crate) const DELETED: char = '\0';

/// A normalized copy of a text plus its offset map.
#[derive(Debug, Clone, Default)]
pub(crate) struct Normalized {
    text: String,
    /// For each byte of `text`, the original range of the char it came from.
    origin: Vec<Pos>,
}

impl Normalized {
    /// Runs the whole pipeline on `original`.
    pub(crate) fn new(original: &str) -> Normalized {
        // The work buffer is reused between calls (one per thread): on every
        // keystroke a fresh multi-megabyte buffer would cost page faults.
        SCRATCH.with(|cell| {
            let mut units = cell.take();
            fold_chars(original, &mut units);
            separators::collapse(&mut units);
            leet::apply(&mut units);
            repeats::collapse(&mut units);
            let out = Normalized::from_units(&units);
            units.clear();
            // Don't hold on to the buffer of a one-off huge text.
            if units.capacity() > 1 << 18 {
                units.shrink_to(1 << 16);
            }
            cell.replace(units);
            out
        })
    }

    fn from_units(units: &[Unit]) -> Normalized {
        let mut bytes: Vec<u8> = Vec::with_capacity(units.len() + 8);
        let mut origin: Vec<Pos> = Vec::with_capacity(units.len() + 8);
        let mut rest = units;
        while !rest.is_empty() {
            // Runs of ASCII units are copied with exact-size extends (no
            // per-byte capacity checks): most text is ASCII.
            let mut ascii = 0;
            while rest.get(ascii).is_some_and(|u| u.c.is_ascii()) {
                ascii += 1;
            }
            let (run, tail) = rest.split_at(ascii);
            bytes.extend(run.iter().map(|u| u.c as u8));
            origin.extend(run.iter().map(|u| u.span));
            let Some((u, tail)) = tail.split_first() else {
                break;
            };
            let mut buf = [0u8; 4];
            let encoded = u.c.encode_utf8(&mut buf).as_bytes();
            bytes.extend_from_slice(encoded);
            origin.extend(std::iter::repeat_n(u.span, encoded.len()));
            rest = tail;
        }
        // Built from whole chars, so always valid UTF-8.
        let text = String::from_utf8(bytes).unwrap_or_default();
        Normalized { text, origin }
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
            (Some(a), Some(b)) if end > start => {
                Span::new(a.start as usize, b.end.max(a.start) as usize)
            }
            (Some(a), _) => Span::new(a.start as usize, a.start as usize),
            _ => {
                let last = self.origin.last().map_or(0, |s| s.end as usize);
                Span::new(last, last)
            }
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Vec<Unit>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Steps 1–6: the per-character folds, in one pass.
fn fold_chars(original: &str, units: &mut Vec<Unit>) {
    units.clear();
    units.reserve(original.len());
    let bytes = original.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: printable ASCII only needs lowercasing. A plain loop:
        // iterator adapters cost a call per char in the size-optimized wasm.
        let mut at = Pos::new(i, i).start;
        while let Some(&b) = bytes.get(i) {
            if !matches!(b, b' '..=b'~') {
                break;
            }
            let next = at.saturating_add(1);
            units.push(Unit {
                c: char::from(b.to_ascii_lowercase()),
                span: Pos {
                    start: at,
                    end: next,
                },
            });
            at = next;
            i += 1;
        }
        let Some(ch) = original.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let span = Pos::new(i, i + ch.len_utf8());
        i += ch.len_utf8();
        if invisible::is_invisible(ch) || emoji::is_modifier(ch) {
            continue;
        }
        if diacritics::is_combining(ch) {
            // The mark belongs to its base letter: highlight both.
            if let Some(last) = units.last_mut() {
                last.span.end = span.end;
            }
            continue;
        }
        compat::fold(ch, |c| {
            case::fold(c, |c| {
                let c = diacritics::strip(c);
                let c = confusables::fold(c);
                let c = emoji::canonical(c);
                units.push(Unit { c, span });
            });
        });
    }
}

/// Whether `c` is part of a word for matching purposes.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    // ASCII first: the Unicode tables are only for the rare non-ASCII char.
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Whether `c` is a letter (ASCII fast path).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic()
    }
}

/// Test helper for the unit-level steps: runs `step` over the units of `s`
/// (each char spanning itself) and returns the resulting text.
#[cfg(test)]
pub(crate) fn run_step(s: &str, step: impl FnOnce(&mut Vec<Unit>)) -> String {
    let mut units: Vec<Unit> = s
        .char_indices()
        .map(|(i, c)| Unit {
            c,
            span: Pos::new(i, i + c.len_utf8()),
        })
        .collect();
    step(&mut units);
    units.iter().map(|u| u.c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_text<'a>(orig: &'a str, n: &Normalized, needle: &str) -> &'a str {
        let s = n.text().find(needle).unwrap();
        let sp = n.original(s, s + needle.len());
        &orig[sp.start..sp.end]
    }

    #[test]
    fn maps_back_to_original() {
        let orig = "🍺 Ação CERVEJA";
        let n = Normalized::new(orig);
        assert_eq!(n.text(), "🍺 acao cerveja");
        assert_eq!(span_text(orig, &n, "cerveja"), "CERVEJA");
    }

    #[test]
    fn maps_back_through_emoji_and_combining_marks() {
        // "a" + U+0303 (combining tilde) and an emoji with a skin tone.
        let orig = "👍🏽 promoc\u{327}a\u{303}o de CERVEJAAAA 🍻!";
        let n = Normalized::new(orig);
        assert_eq!(n.text(), "👍 promocao de cerveja 🍺!");
        assert_eq!(span_text(orig, &n, "promocao"), "promoc\u{327}a\u{303}o");
        assert_eq!(span_text(orig, &n, "cerveja"), "CERVEJAAAA");
        assert_eq!(span_text(orig, &n, "🍺"), "🍻");
    }

    #[test]
    fn all_steps_compose() {
        let orig = "W.H.1.S.K.Y e v\u{200b}\u{43e}dk\u{430} 3st3r0id3s ｂｅｅｒ";
        let n = Normalized::new(orig);
        assert_eq!(n.text(), "whisky e vodka esteroides beer");
        assert_eq!(span_text(orig, &n, "whisky"), "W.H.1.S.K.Y");
        assert_eq!(span_text(orig, &n, "vodka"), "v\u{200b}\u{43e}dk\u{430}");
        assert_eq!(span_text(orig, &n, "beer"), "ｂｅｅｒ");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "",
            "\u{300}",
            "\u{200b}\u{200b}",
            "ß",
            "İ",
            "\u{1F3FB}",
            "a.b",
            "$",
            "@@@@",
        ] {
            let n = Normalized::new(s);
            let _ = n.original(0, n.text().len());
            let _ = n.original(5, 100);
            let _ = n.original(3, 1);
        }
    }

    #[test]
    fn keeps_ordinary_text_and_numbers() {
        let n = Normalized::new("Pedido 12345, total R$ 187,50. Armazenamento ok.");
        assert_eq!(n.text(), "pedido 12345, total r$ 187,50. armazenamento ok.");
    }
}
