//! Step 7: separator collapsing. "w.h.i.s.k.y", "b e b i d a" and
//! "c-o-c-a" spell a word one character at a time; join such runs.
//!
//! Only runs of single characters joined by the same separator are
//! collapsed: at least four (three letters) when spaced, so "a e i" or
//! "R$ 5" stay; at least two letters with dots or dashes ("p.ó").

use super::{Unit, DELETED};

/// Spaces separate real one-letter words ("a e o"), so spaced runs must be longer.
const MIN_CHARS_SPACED: usize = 4;
const MIN_LETTERS_SPACED: usize = 3;
/// Dots and dashes inside a word ("p.ó", "c-o-c-a") are rarely innocent.
const MIN_CHARS: usize = 2;
const MIN_LETTERS: usize = 2;

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '.' | '-' | '_' | '*' | ' ' | '·' | '/' | '|' | '+' | '~' | ':'
    )
}

#[inline]
fn is_single(units: &[Unit], i: usize) -> bool {
    let alnum = |k: usize| units.get(k).is_some_and(|u| super::is_word(u.c));
    alnum(i) && !(i > 0 && alnum(i - 1)) && !alnum(i + 1)
}

/// Collapses spelled-out runs in place.
pub(crate) fn collapse(units: &mut Vec<Unit>) {
    let mut changed = false;
    let mut i = 0;
    while i < units.len() {
        // Cheapest test first: most chars are not followed by a separator.
        let Some(sep) = units.get(i + 1).map(|u| u.c).filter(|&c| is_separator(c)) else {
            i += 1;
            continue;
        };
        if !is_single(units, i) {
            i += 1;
            continue;
        }
        // Walk X sep X sep X … with the same separator.
        let mut end = i; // last single char of the run
        let mut count = 1;
        let mut letters = usize::from(units.get(i).is_some_and(|u| super::is_letter(u.c)));
        while units.get(end + 1).is_some_and(|u| u.c == sep) && is_single(units, end + 2) {
            end += 2;
            count += 1;
            letters += usize::from(units.get(end).is_some_and(|u| super::is_letter(u.c)));
        }
        let (min_chars, min_letters) = if sep == ' ' {
            (MIN_CHARS_SPACED, MIN_LETTERS_SPACED)
        } else {
            (MIN_CHARS, MIN_LETTERS)
        };
        if count >= min_chars && letters >= min_letters {
            let mut k = i + 1;
            while k < end {
                if let Some(u) = units.get_mut(k) {
                    u.c = DELETED;
                }
                k += 2;
            }
            changed = true;
            i = end + 1;
        } else {
            // The last char may start a run with another separator ("e b.a.l.a").
            i += 1;
        }
    }
    if changed {
        units.retain(|u| u.c != DELETED);
    }
    join_compounds(units);
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '_' | '‐' | '‑')
}

/// "shih-tzu", "lança_perfume" → "shih tzu": compounds match like phrases,
/// so lexicons list each phrase once.
fn join_compounds(units: &mut [Unit]) {
    // '‐' and '‑' are not ASCII: one compare rejects most chars.
    if !units
        .iter()
        .any(|u| matches!(u.c, '-' | '_') || (!u.c.is_ascii() && is_joiner(u.c)))
    {
        return;
    }
    for i in 1..units.len() {
        let word = |k: usize| units.get(k).is_some_and(|u| super::is_word(u.c));
        if units
            .get(i)
            .is_some_and(|u| matches!(u.c, '-' | '_' | '‐' | '‑'))
            && word(i - 1)
            && word(i + 1)
        {
            if let Some(u) = units.get_mut(i) {
                u.c = ' ';
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
    }

    #[test]
    fn leaves_short_runs_and_mixed_separators() {
        assert_eq!(run("a e i"), "a e i");
        assert_eq!(run("R$ 5 e 6"), "R$ 5 e 6");
        assert_eq!(run("1.2.3.4"), "1.2.3.4");
        assert_eq!(run("a.b c-d x-ray"), "ab cd x ray");
        assert_eq!(run("p.ó e 1.2"), "pó e 1.2");
        assert_eq!(run("tem e b.a.l.a"), "tem e bala");
        assert_eq!(run("a. b"), "a. b");
    }
}
