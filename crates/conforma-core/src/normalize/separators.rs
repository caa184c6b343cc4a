//! Step 7: separator collapsing. "w.h.i.s.k.y", "b e b i d a" and
//! "c-o-c-a" spell a word one character at a time; join such runs.
//!
//! Only runs of single characters joined by the same separator are
//! collapsed: at least four (three letters) when spaced, so "a e i" or
//! "R$ 5" stay; at least two letters with dots or dashes ("p.ó").
//!
//! Runs after the per-char folds, so the single characters and the
//! separators are ASCII ("ó" is "o", "·" is ".", "‐" is "-" by then).

use super::{ascii_class, Work, GONE, LETTER, TRIGGER, T_SEP, T_WORD, WORD};

/// Spaces separate real one-letter words ("a e o"), so spaced runs must be longer.
const MIN_CHARS_SPACED: usize = 4;
const MIN_LETTERS_SPACED: usize = 3;
/// Dots and dashes inside a word ("p.ó", "c-o-c-a") are rarely innocent.
const MIN_CHARS: usize = 2;
const MIN_LETTERS: usize = 2;

/// Whether byte `i` is an ASCII word char standing alone.
#[inline]
fn is_single(w: &Work, i: usize) -> bool {
    w.text
        .get(i)
        .is_some_and(|&b| b.is_ascii() && ascii_class(b) & WORD != 0)
        && !w.word_before(i)
        && !w.word_at(i + 1)
}

#[inline]
fn is_letter_at(w: &Work, i: usize) -> bool {
    w.text
        .get(i)
        .is_some_and(|&b| b.is_ascii() && ascii_class(b) & LETTER != 0)
}

/// Collapses spelled-out runs in place; whether any was.
pub(crate) fn collapse(w: &mut Work) -> bool {
    let mut changed = false;
    let mut from = 0;
    // Every run starts with two single chars joined by a separator: jump
    // from one such pair to the next instead of testing every byte.
    while let Some(i) = next_pair(&w.text, from) {
        let Some(&sep) = w.text.get(i + 1) else {
            break;
        };
        // The pair test reads ASCII classes only; a non-ASCII letter next
        // to it is a word char too.
        if w.word_before(i) || !is_single(w, i) {
            from = i + 1;
            continue;
        }
        let mut end = i; // last single char of the run
        let mut count = 1;
        let mut letters = usize::from(is_letter_at(w, i));
        while w.text.get(end + 1) == Some(&sep) && is_single(w, end + 2) {
            end += 2;
            count += 1;
            letters += usize::from(is_letter_at(w, end));
        }
        let (min_chars, min_letters) = if sep == b' ' {
            (MIN_CHARS_SPACED, MIN_LETTERS_SPACED)
        } else {
            (MIN_CHARS, MIN_LETTERS)
        };
        if count >= min_chars && letters >= min_letters {
            for k in (i + 1..end).step_by(2) {
                if let Some(b) = w.text.get_mut(k) {
                    *b = GONE;
                }
            }
            changed = true;
            from = end + 1;
        } else {
            from = i + 1;
        }
    }
    if changed {
        w.compact();
    }
    // A collapsed run skips the char after it, which may be a joiner
    // ("c-o-c-a-cola"): then look again.
    if changed || w.text.contains(&b'-') || w.text.contains(&b'_') {
        join_compounds(w);
    }
    changed
}

/// The first `i >= from` where `text[i - 1..=i + 3]` reads: not a word
/// char, a word char, a separator, a word char, not a word char (before
/// the text and after it count as not word chars). One table load per
/// byte and a rolling window of classes, no branch per byte.
fn next_pair(text: &[u8], from: usize) -> Option<usize> {
    const W: u64 = T_WORD as u64;
    const S: u64 = T_SEP as u64;
    const MASK: u64 = W << 32 | W << 24 | S << 16 | W << 8 | W;
    const WANT: u64 = W << 24 | S << 16 | W << 8;
    let mut window = 0u64;
    // Byte `j` is the newest in the window; the pair starts at `j - 3`.
    for j in from.saturating_sub(1)..=text.len() {
        let class = text.get(j).map_or(0, |&b| TRIGGER[usize::from(b)]);
        window = (window << 8) | u64::from(class);
        if j >= from + 3 && window & MASK == WANT {
            return Some(j - 3);
        }
    }
    None
}

/// "shih-tzu", "lança_perfume": a dash or underscore between two words
/// becomes a space, so the lexicon's "shih tzu" matches every spelling.
fn join_compounds(w: &mut Work) {
    for i in 1..w.text.len() {
        if w.text.get(i).is_some_and(|b| matches!(b, b'-' | b'_'))
            && w.word_before(i)
            && w.word_at(i + 1)
        {
            if let Some(b) = w.text.get_mut(i) {
                *b = b' ';
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        crate::normalize::run_step(s, |w| {
            collapse(w);
        })
    }

    #[test]
    fn joins_spelled_out_words() {
        assert_eq!(run("w.h.i.s.k.y hoje"), "whisky hoje");
        assert_eq!(run("tem b e b i d a aqui"), "tem bebida aqui");
        assert_eq!(run("c-o-c-a"), "coca");
        assert_eq!(run("shih-tzu e lança_perfume"), "shih tzu e lança perfume");
        assert_eq!(run("v.0.d.k.a"), "v0dka");
        assert_eq!(run("c-o-c-a-cola"), "coca cola");
    }

    #[test]
    fn finds_pairs_of_single_chars() {
        let at = |s: &str, from| next_pair(s.as_bytes(), from);
        assert_eq!(at("b e", 0), Some(0));
        assert_eq!(at("tem p.o", 0), Some(4));
        assert_eq!(at("a.b c.d", 1), Some(2));
        assert_eq!(at("a.b c.d", 3), Some(4));
        assert_eq!(at("e assim", 0), None);
        assert_eq!(at("a. b", 0), None);
        assert_eq!(at("ab.c", 0), None);
        assert_eq!(at("", 0), None);
    }

    #[test]
    fn leaves_short_runs_and_mixed_separators() {
        assert_eq!(run("a e i"), "a e i");
        assert_eq!(run("R$ 5 e 6"), "R$ 5 e 6");
        assert_eq!(run("1.2.3.4"), "1.2.3.4");
        assert_eq!(run("a.b c-d x-ray"), "ab cd x ray");
        assert_eq!(run("p.o e 1.2"), "po e 1.2");
        assert_eq!(run("ж.ж é.é"), "ж.ж é.é");
        assert_eq!(run("tem e b.a.l.a"), "tem e bala");
        assert_eq!(run("a. b"), "a. b");
    }
}
