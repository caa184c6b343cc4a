//! Step 7: separator collapsing. "w.h.i.s.k.y", "b e b i d a" and
//! "c-o-c-a" spell a word one character at a time; join such runs.
//!
//! Only runs of single characters joined by the same separator are
//! collapsed: at least four (three letters) when spaced, so "a e i" or
//! "R$ 5" stay; at least two letters with dots or dashes ("p.ó").
//!
//! Runs after the per-char folds, so the single characters and the
//! separators are ASCII ("ó" is "o", "·" is ".", "‐" is "-" by then).

use super::{ascii_class, Work, GONE, LETTER, SEPARATOR, WORD};

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

/// Collapses spelled-out runs in place.
pub(crate) fn collapse(w: &mut Work) {
    let mut changed = false;
    // Whether `join_compounds` has anything to do, noted on the way.
    let mut joiner = false;
    let mut i = 0;
    while let Some(&sep) = w.text.get(i + 1) {
        // Cheapest test first: most chars are not followed by a separator.
        if !sep.is_ascii() || ascii_class(sep) & SEPARATOR == 0 {
            i += 1;
            continue;
        }
        joiner |= matches!(sep, b'-' | b'_');
        // Most separators end a longer word: rule that out inline.
        let longer = i
            .checked_sub(1)
            .and_then(|k| w.text.get(k))
            .is_some_and(|&p| p.is_ascii() && ascii_class(p) & WORD != 0);
        if longer || !is_single(w, i) {
            i += 1;
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
            i = end + 1;
        } else {
            i += 1;
        }
    }
    if changed {
        w.compact();
    }
    // A collapsed run skips the char after it, which may be a joiner
    // ("c-o-c-a-cola"): then look again.
    if joiner || changed {
        join_compounds(w);
    }
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
        crate::normalize::run_step(s, collapse)
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
