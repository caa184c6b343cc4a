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
//! Steps 1–6 are per character and run in one pass that writes the folded
//! UTF-8 bytes and, per byte, the original range; steps 7–9 look at whole
//! words and rewrite those bytes in place. After the per-char folds almost
//! every text is ASCII, so the word-level steps test bytes against a class
//! table and decode a char only where a non-ASCII byte sits.

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
use crate::swar;

/// A compact original byte range (`u32`: texts are capped at 1 MiB before
/// normalizing), half the size of [`Span`], so big texts stay cache-friendly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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

/// Marks a byte deleted by a word-level step: 0xFF never occurs in UTF-8.
pub(crate) const GONE: u8 = 0xFF;

/// Bits of [`CLASS`], the class of each ASCII byte.
pub(crate) const WORD: u8 = 1;
pub(crate) const LETTER: u8 = 2;
pub(crate) const SEPARATOR: u8 = 4;
pub(crate) const LEET: u8 = 8;

/// Classes of bytes below 0x80 (higher bytes: 0, decode the char).
pub(crate) static CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[b] = WORD | LETTER;
        } else if c.is_ascii_digit() {
            t[b] = WORD;
        }
        // Separators that spell a word out: "w.h.i.s.k.y", "c-o-c-a".
        if matches!(
            c,
            b'.' | b'-' | b'_' | b'*' | b' ' | b'/' | b'|' | b'+' | b'~' | b':'
        ) {
            t[b] |= SEPARATOR;
        }
        if matches!(c, b'0' | b'1' | b'3' | b'4' | b'5' | b'7' | b'@' | b'$') {
            t[b] |= LEET;
        }
        b += 1;
    }
    t
};

/// The normalized bytes and, for each, the original range of the char it
/// came from. The word-level steps edit it in place.
#[derive(Debug, Default)]
pub(crate) struct Work {
    pub text: Vec<u8>,
    pub origin: Vec<Pos>,
}

impl Work {
    /// The char starting at byte `i` and its length (`None` past the end or
    /// inside a char).
    #[inline]
    pub(crate) fn char_at(&self, i: usize) -> Option<(char, usize)> {
        match self.text.get(i) {
            Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
            Some(_) => {
                let rest = self.text.get(i..)?;
                // At most 4 bytes make a char; a deleted byte ends the search.
                let head = rest.get(..rest.len().min(4))?;
                let valid = match std::str::from_utf8(head) {
                    Ok(s) => s,
                    Err(e) => std::str::from_utf8(head.get(..e.valid_up_to())?).ok()?,
                };
                valid.chars().next().map(|c| (c, c.len_utf8()))
            }
            None => None,
        }
    }

    /// The char ending just before byte `i` and its length.
    #[inline]
    pub(crate) fn char_before(&self, i: usize) -> Option<(char, usize)> {
        let b = *self.text.get(i.checked_sub(1)?)?;
        if b.is_ascii() {
            return Some((char::from(b), 1));
        }
        // Back up over continuation bytes to the lead byte.
        let from = (i.saturating_sub(4)..i)
            .rev()
            .find(|&k| self.text.get(k).is_some_and(|&b| b & 0xC0 != 0x80))?;
        self.char_at(from).filter(|&(_, len)| from + len == i)
    }

    /// Whether the char at byte `i` is a word char.
    #[inline]
    pub(crate) fn word_at(&self, i: usize) -> bool {
        match self.text.get(i) {
            Some(&b) if b.is_ascii() => ascii_class(b) & WORD != 0,
            Some(_) => self.char_at(i).is_some_and(|(c, _)| is_word(c)),
            None => false,
        }
    }

    /// Whether the char ending before byte `i` is a word char.
    #[inline]
    pub(crate) fn word_before(&self, i: usize) -> bool {
        match i.checked_sub(1).and_then(|k| self.text.get(k)) {
            Some(&b) if b.is_ascii() => ascii_class(b) & WORD != 0,
            Some(_) => self.char_before(i).is_some_and(|(c, _)| is_word(c)),
            None => false,
        }
    }

    /// Drops the bytes marked [`GONE`] (and their origins).
    pub(crate) fn compact(&mut self) {
        let mut keep = self.text.iter().map(|&b| b != GONE);
        // `retain` visits each element once, in order.
        self.origin.retain(|_| keep.next().unwrap_or(true));
        self.text.retain(|&b| b != GONE);
    }

    /// `s` as is, each byte spanning itself (tests of single steps).
    #[cfg(test)]
    pub(crate) fn from_plain(s: &str) -> Work {
        Work {
            text: s.as_bytes().to_vec(),
            origin: (0..s.len()).map(|i| Pos::new(i, i + 1)).collect(),
        }
    }

    /// The text, for tests.
    #[cfg(test)]
    pub(crate) fn as_string(&self) -> String {
        String::from_utf8_lossy(&self.text).into_owned()
    }
}

/// The class bits of ASCII byte `b`.
#[inline]
pub(crate) fn ascii_class(b: u8) -> u8 {
    // The mask keeps the index in the table: no bounds check per byte.
    if b.is_ascii() {
        CLASS[usize::from(b & 0x7F)]
    } else {
        0
    }
}

/// Which word-level steps may change the folded text. Each flag is a
/// necessary condition of its step (a superset: the step itself decides),
/// found with bytes and classes only, without branches per byte.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Triggers {
    /// A leet char followed by a letter or a non-ASCII char: `leet`.
    pub leet: bool,
    /// Three equal ASCII letters, or any non-ASCII char: `repeats`.
    pub repeat: bool,
}

/// Per-byte bits for [`Triggers::of`].
pub(crate) const T_WORD: u8 = 1;
pub(crate) const T_SEP: u8 = 2;
const T_LEET: u8 = 4;
const T_LETTER: u8 = 8;
const T_OTHER: u8 = 16; // non-ASCII

pub(crate) static TRIGGER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b < 128 {
            let class = CLASS[b];
            let mut bits = 0;
            if class & WORD != 0 {
                bits |= T_WORD;
            }
            if class & SEPARATOR != 0 {
                bits |= T_SEP;
            }
            if class & LEET != 0 {
                bits |= T_LEET;
            }
            if class & LETTER != 0 {
                bits |= T_LETTER;
            }
            bits
        } else {
            T_OTHER
        };
        b += 1;
    }
    t
};

impl Triggers {
    /// Scans the folded bytes once. Eight bytes with no digit, '@', '$',
    /// non-ASCII byte or three equal bytes in a row are taken at once: only
    /// the triples and the leet pair that straddle their edges are checked.
    pub(crate) fn of(text: &[u8]) -> Triggers {
        let (mut prev, mut p1, mut p2) = (0u8, 0u8, 1u8);
        let (mut any, mut leet, mut repeat) = (0u8, false, false);
        let mut step = |b: u8, prev: &mut u8, p1: &mut u8, p2: &mut u8| {
            let c = TRIGGER[usize::from(b)];
            any |= c;
            leet |= (*prev & T_LEET != 0) & (c & (T_LETTER | T_OTHER) != 0);
            repeat |= (b == *p1) & (*p1 == *p2) & (c & T_LETTER != 0);
            (*prev, *p2, *p1) = (c, *p1, b);
        };
        for chunk in text.chunks(8) {
            let plain = swar::word(chunk).filter(|&x| {
                !swar::has_non_ascii(x)
                    && !swar::has_ascii_digit(x)
                    && !swar::has_byte(x, b'@')
                    && !swar::has_byte(x, b'$')
                    && !swar::has_triple(x)
            });
            match (plain, chunk) {
                (Some(_), [b0, b1, .., b6, b7]) => {
                    // The first two bytes against the state, then the state
                    // as if every byte had been stepped through.
                    step(*b0, &mut prev, &mut p1, &mut p2);
                    step(*b1, &mut prev, &mut p1, &mut p2);
                    (prev, p2, p1) = (TRIGGER[usize::from(*b7)], *b6, *b7);
                }
                _ => {
                    for &b in chunk {
                        step(b, &mut prev, &mut p1, &mut p2);
                    }
                }
            }
        }
        Triggers {
            leet,
            repeat: repeat || any & T_OTHER != 0,
        }
    }
}

/// A normalized copy of a text plus its offset map.
#[derive(Debug, Clone, Default)]
pub(crate) struct Normalized {
    text: String,
    /// For each byte of `text`, the original range of the char it came from.
    origin: Vec<Pos>,
    /// Whether the separator step joined a spelled-out run ("b e b i d a").
    spelled: bool,
}

impl Normalized {
    /// Runs the whole pipeline on `original`.
    pub(crate) fn new(original: &str) -> Normalized {
        let mut w = Work {
            text: Vec::with_capacity(original.len() + 8),
            origin: Vec::with_capacity(original.len() + 8),
        };
        fold_chars(original, &mut w);
        // One cheap pass decides which of the later steps can change
        // anything: most messages have no leet or letter run. (Separators
        // find their own candidates as cheaply.)
        let t = Triggers::of(&w.text);
        // A step that changed the text may have made work for the next
        // ("c.3.r.v.3.j.a", "5mp3ee"): then that one runs regardless.
        let spelled = separators::collapse(&mut w);
        let leet = (spelled || t.leet) && leet::apply(&mut w);
        if spelled || leet || t.repeat {
            repeats::collapse(&mut w);
        }
        // Built from whole chars, and deleted bytes are gone: valid UTF-8.
        let text = String::from_utf8(w.text).unwrap_or_default();
        Normalized {
            text,
            origin: w.origin,
            spelled,
        }
    }

    /// The words spelled out one letter at a time, as normalized byte
    /// ranges: once joined, "p e r i c o y m o t a" is one word, and the
    /// word boundaries inside it are lost (see `Matcher::find_inside`).
    /// Empty unless the separator step joined a run.
    pub(crate) fn spelled_runs(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if !self.spelled {
            return out;
        }
        let t = self.text.as_bytes();
        let mut p = 0;
        while p < t.len() {
            let mut q = p;
            let mut gaps = 0;
            while t.get(q).is_some_and(u8::is_ascii_alphanumeric) {
                // One original byte gone between two letters is a separator
                // or a control char: repeats drop two or more bytes, and
                // zero-width chars are three.
                if let (Some(x), Some(y)) = (self.origin.get(q.wrapping_sub(1)), self.origin.get(q))
                {
                    gaps += usize::from(q > p && y.start == x.end + 1);
                }
                q += 1;
            }
            // A spelled-out run has a separator between most letters; a
            // word with one or two ("e-mail", "s.a") is no such run.
            if gaps >= 3 {
                out.push((p, q));
            }
            p = q + 1;
        }
        out
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

/// U+00C0..=U+00FF folded by steps 1–6 when the result is one ASCII
/// letter, else 0 (take the general path): "À".."ÿ" by their second UTF-8
/// byte. A test checks every entry against the general path.
const LATIN1: [u8; 64] =
    *b"aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0y";

/// Steps 1–6: the per-character folds, in one pass.
fn fold_chars(original: &str, w: &mut Work) {
    let bytes = original.as_bytes();
    // Bytes of the last char written, which a combining mark extends.
    let mut last_len = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: printable ASCII only needs lowercasing; two exact-size
        // extends per run.
        let rest = bytes.get(i..).unwrap_or(&[]);
        let mut run = 0;
        while rest
            .get(run..)
            .and_then(swar::word)
            .is_some_and(swar::all_printable)
        {
            run += 8;
        }
        run += rest
            .get(run..)
            .unwrap_or(&[])
            .iter()
            .take_while(|b| matches!(b, b' '..=b'~'))
            .count();
        if run > 0 {
            // One copy, then lowercased in place eight bytes at a time.
            let from = w.text.len();
            w.text.extend_from_slice(rest.get(..run).unwrap_or(&[]));
            let mut words = w
                .text
                .get_mut(from..)
                .unwrap_or(&mut [])
                .chunks_exact_mut(8);
            for chunk in &mut words {
                // A cast, not a copy (`first_chunk_mut`): one load, one store.
                if let Some(word) = chunk.first_chunk_mut::<8>() {
                    *word = swar::to_lowercase(u64::from_le_bytes(*word)).to_le_bytes();
                }
            }
            words.into_remainder().make_ascii_lowercase();
            let at = Pos::new(i, i).start;
            let n = Pos::new(run, run).start;
            w.origin.extend((at..at.saturating_add(n)).map(|k| Pos {
                start: k,
                end: k.saturating_add(1),
            }));
            last_len = 1;
            i += run;
        }
        // Latin-1 letters ("á", "ç", "ñ") are most of the non-ASCII chars of
        // pt and es text: one table lookup gives what the folds below would.
        if let (Some(0xC3), Some(&low)) = (bytes.get(i), bytes.get(i + 1)) {
            let folded = LATIN1.get(usize::from(low.wrapping_sub(0x80))).copied();
            if let Some(a) = folded.filter(|&a| a != 0) {
                w.text.push(a);
                w.origin.push(Pos::new(i, i + 2));
                last_len = 1;
                i += 2;
                continue;
            }
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
            let from = w.origin.len().saturating_sub(last_len);
            for p in w.origin.get_mut(from..).unwrap_or(&mut []) {
                p.end = span.end;
            }
            continue;
        }
        compat::fold(ch, |c| {
            case::fold(c, |c| {
                let c = diacritics::strip(c);
                let c = confusables::fold(c);
                let c = emoji::canonical(c);
                let mut buf = [0u8; 4];
                let encoded = c.encode_utf8(&mut buf).as_bytes();
                w.text.extend_from_slice(encoded);
                w.origin.extend(std::iter::repeat_n(span, encoded.len()));
                last_len = encoded.len();
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

/// Test helper for the word-level steps: runs `step` over `s` (each byte
/// spanning itself) and returns the resulting text.
#[cfg(test)]
pub(crate) fn run_step(s: &str, step: impl FnOnce(&mut Work)) -> String {
    let mut w = Work::from_plain(s);
    step(&mut w);
    w.as_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::xorshift;

    fn span_text<'a>(orig: &'a str, n: &Normalized, needle: &str) -> &'a str {
        let s = n.text().find(needle).unwrap();
        let sp = n.original(s, s + needle.len());
        &orig[sp.start..sp.end]
    }

    /// Every step, run whether triggered or not.
    fn all_steps(original: &str) -> (Vec<u8>, Vec<Pos>) {
        let mut w = Work::default();
        fold_chars(original, &mut w);
        separators::collapse(&mut w);
        leet::apply(&mut w);
        repeats::collapse(&mut w);
        (w.text, w.origin)
    }

    #[test]
    fn triggers_never_skip_a_step_that_would_change_the_text() {
        // Pieces that trip (or nearly trip) each step, glued at random.
        let pieces = [
            "b e b i d a",
            "w.h.i.s.k.y",
            "p.o",
            "a. b",
            "c-o-c-a-cola",
            "shih-tzu",
            "x_y",
            "c3rv3ja",
            "10h",
            "v0dka",
            "@lcool",
            "$exo",
            "mp3",
            "cervejaaa",
            "kkkk",
            "жжж",
            "ééé",
            "e a",
            "a e i",
            "R$ 5",
            "1.2.3",
            "Ação",
            " ",
            ".",
            "-",
            "é",
            "🍺",
            "a",
            "1",
            "3",
            "zz",
            "ee",
            "tem",
            "ok!",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..1 + seed % 6 {
                text.push_str(pieces[(xorshift(&mut seed) % pieces.len() as u64) as usize]);
            }
            let n = Normalized::new(&text);
            let (want, origin) = all_steps(&text);
            assert_eq!(n.text().as_bytes(), &want[..], "{text:?}");
            assert_eq!(n.origin, origin, "{text:?}");
        }
    }

    #[test]
    fn triggers_find_each_construction() {
        let t = |s: &str| Triggers::of(s.as_bytes());
        assert_eq!(t("pedido saiu hoje"), Triggers::default());
        assert!(t("c3rveja").leet && t("10h").leet && !t("18h").leet && !t("48213").leet);
        assert!(t("aaa").repeat && !t("aa a").repeat && t("é").repeat);
    }

    #[test]
    fn triggers_by_words_agree_with_a_byte_loop() {
        fn reference(text: &[u8]) -> Triggers {
            let (mut prev, mut p1, mut p2) = (0u8, 0u8, 1u8);
            let (mut any, mut leet, mut repeat) = (0u8, false, false);
            for &b in text {
                let c = TRIGGER[usize::from(b)];
                any |= c;
                leet |= (prev & T_LEET != 0) & (c & (T_LETTER | T_OTHER) != 0);
                repeat |= (b == p1) & (p1 == p2) & (c & T_LETTER != 0);
                (prev, p2, p1) = (c, p1, b);
            }
            Triggers {
                leet,
                repeat: repeat || any & T_OTHER != 0,
            }
        }
        // Few distinct bytes, so runs and leet pairs land on every offset
        // relative to the eight-byte words, edges included.
        const ALPHABET: &[u8] = b"aabbe o.3@$4s-\xC3";
        let mut seed = 0x5EED_0007_u64;
        for _ in 0..20_000 {
            let len = (crate::testing::xorshift(&mut seed) % 40) as usize;
            let text: Vec<u8> = (0..len)
                .map(|_| ALPHABET[crate::testing::xorshift(&mut seed) as usize % ALPHABET.len()])
                .collect();
            assert_eq!(Triggers::of(&text), reference(&text), "{text:?}");
        }
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
    fn latin1_table_matches_the_general_folds() {
        for (k, &fast) in LATIN1.iter().enumerate() {
            let c = char::from_u32(0xC0 + k as u32).unwrap();
            // The general path, as for a char the table does not cover.
            let mut slow = String::new();
            compat::fold(c, |c| {
                case::fold(c, |c| {
                    slow.push(emoji::canonical(confusables::fold(diacritics::strip(c))));
                })
            });
            if fast != 0 {
                assert_eq!(slow, char::from(fast).to_string(), "{c}");
            } else {
                assert!(
                    slow.len() != 1 || !slow.as_bytes()[0].is_ascii_lowercase(),
                    "{c} could be in the table: {slow}"
                );
            }
        }
        let n = Normalized::new("AÇÃO é Ñ ß Æ");
        assert_eq!(n.text(), Normalized::new("ação é ñ ß æ").text());
        assert_eq!(n.original(1, 2), Span::new(1, 3));
    }

    #[test]
    fn keeps_ordinary_text_and_numbers() {
        let n = Normalized::new("Pedido 12345, total R$ 187,50. Armazenamento ok.");
        assert_eq!(n.text(), "pedido 12345, total r$ 187,50. armazenamento ok.");
    }
}
