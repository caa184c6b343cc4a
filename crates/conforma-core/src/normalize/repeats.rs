//! Step 9: repeated letters. "cervejaaaa" and "VODKAAA" stretch a word;
//! runs of three or more identical letters become one. Doubles stay, since
//! they are ordinary spelling ("carro", "beer").

use super::{is_letter, Work, GONE};

/// Letters whose runs are words of their own ("xxx", "kkkk" laughter, "www").
const KEEP: [char; 3] = ['x', 'k', 'w'];

/// Collapses letter runs in place; the kept letter's span covers the run.
pub(crate) fn collapse(w: &mut Work) {
    if !has_run(w) {
        return;
    }
    let mut changed = false;
    let mut i = 0;
    while let Some(&b) = w.text.get(i) {
        // ASCII (almost every byte after the folds): compare bytes.
        let (c, len) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            match w.char_at(i) {
                Some(found) => found,
                None => {
                    i += 1;
                    continue;
                }
            }
        };
        let mut j = i + len;
        if len == 1 {
            while w.text.get(j) == Some(&b) {
                j += 1;
            }
        } else {
            while w.text.get(j..j + len) == w.text.get(i..i + len) {
                j += len;
            }
        }
        if j - i >= 3 * len && is_letter(c) && !KEEP.contains(&c) {
            let end = w.origin.get(j - 1).map_or(0, |p| p.end);
            for p in w.origin.get_mut(i..i + len).unwrap_or(&mut []) {
                p.end = end;
            }
            for b in w.text.get_mut(i + len..j).unwrap_or(&mut []) {
                *b = GONE;
            }
            changed = true;
        }
        i = j;
    }
    if changed {
        w.compact();
    }
}

/// Quick check first: most texts have no run of three letters. ASCII
/// triples are found by comparing bytes; the rare non-ASCII char is decoded.
fn has_run(w: &Work) -> bool {
    // Branch-free over blocks of 64 (the compiler vectorizes it): byte k
    // against k + 1 and k + 2; only a block holding a triple stops the scan.
    let t = &w.text;
    let n = t.len().saturating_sub(2);
    if let (Some(a), Some(b), Some(c)) = (t.get(..n), t.get(1..n + 1), t.get(2..n + 2)) {
        for ((a, b), c) in a.chunks(64).zip(b.chunks(64)).zip(c.chunks(64)) {
            let triple = a.iter().zip(b).zip(c).fold(false, |any, ((&a, &b), &c)| {
                any | ((a == b) & (b == c) & ((a | 0x20).wrapping_sub(b'a') < 26))
            });
            if triple {
                return true;
            }
        }
    }
    let mut i = 0;
    while let Some(p) = w
        .text
        .get(i..)
        .and_then(|rest| rest.iter().position(|b| !b.is_ascii()))
    {
        let at = i + p;
        let Some((c, len)) = w.char_at(at) else {
            i = at + 1;
            continue;
        };
        let this = w.text.get(at..at + len);
        if is_letter(c)
            && w.text.get(at + len..at + 2 * len) == this
            && w.text.get(at + 2 * len..at + 3 * len) == this
        {
            return true;
        }
        i = at + len;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::normalize::Pos;

    #[test]
    fn collapses_runs_and_keeps_doubles() {
        let mut w = Work::from_plain("cervejaaaa beer carro 1000 !!! xxx kkkk");
        collapse(&mut w);
        assert_eq!(w.as_string(), "cerveja beer carro 1000 !!! xxx kkkk");
        let a = w.text.iter().position(|&b| b == b'a').unwrap();
        assert_eq!(w.origin[a], Pos::new(6, 10));
    }

    #[test]
    fn collapses_non_ascii_letters() {
        // "жжж" is three 2-byte letters; the kept one spans all six bytes.
        let mut w = Work::from_plain("ужжжас ññ");
        collapse(&mut w);
        assert_eq!(w.as_string(), "ужас ññ");
        assert_eq!(w.origin[2], Pos::new(2, 8));
        assert_eq!(w.origin[3].end, 8);
    }
}
