//! Step 8: leetspeak inside words: `0→o 1→i 3→e 4→a 5→s 7→t @→a $→s`.
//!
//! Only words with at least two letters, a letter after a leet character,
//! and no other non-letters are rewritten, so order numbers, prices, codes
//! ("Z2820357F"), model numbers ("mp3") and "R$" are left alone.

use super::{ascii_class, is_letter, is_word, Work, LEET, LETTER, WORD};

#[inline]
fn leet(c: u8) -> Option<u8> {
    Some(match c {
        b'0' => b'o',
        b'1' => b'i',
        b'3' => b'e',
        b'4' | b'@' => b'a',
        b'5' | b'$' => b's',
        b'7' => b't',
        _ => return None,
    })
}

#[inline]
fn in_token(c: char) -> bool {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => ascii_class(b) & (WORD | LEET) != 0,
        _ => is_word(c),
    }
}

/// Rewrites leet words in place; whether any was.
pub(crate) fn apply(w: &mut Work) -> bool {
    let mut changed = false;
    // Only tokens holding a leet char are examined: jump from one to the next.
    let mut from = 0;
    while let Some(pos) = w.text.get(from..).and_then(|rest| {
        rest.iter()
            .position(|&b| b.is_ascii() && ascii_class(b) & LEET != 0)
    }) {
        let hit = from + pos;
        let mut start = hit;
        while let Some((_, len)) = w.char_before(start).filter(|&(c, _)| in_token(c)) {
            start -= len;
        }
        let mut end = hit;
        while let Some((_, len)) = w.char_at(end).filter(|&(c, _)| in_token(c)) {
            end += len;
        }
        changed |= rewrite(w, start, end);
        from = end.max(hit + 1);
    }
    changed
}

/// Decodes the token `text[start..end]` when it looks like a leet word;
/// whether it did.
fn rewrite(w: &mut Work, start: usize, end: usize) -> bool {
    let (mut letters, mut others, mut foreign) = (0usize, 0usize, false);
    // Letters seen after the first leet char: without them the leet chars
    // are only a suffix ("mp3", "ps5"), a model number.
    let mut letter_after_leet = false;
    let mut i = start;
    while let Some((c, len)) = w.char_at(i).filter(|_| i < end) {
        let class = u8::try_from(c).map_or(0, ascii_class);
        if class & LETTER != 0 || (!c.is_ascii() && is_letter(c)) {
            letters += 1;
            letter_after_leet |= others > 0;
        } else if class & LEET != 0 {
            others += 1;
        } else {
            foreign = true;
        }
        i += len;
    }
    let decode = others > 0 && letter_after_leet && !foreign && letters >= 2;
    if decode {
        for b in w.text.get_mut(start..end).unwrap_or(&mut []) {
            if let Some(l) = leet(*b) {
                *b = l;
            }
        }
    }
    decode
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        crate::normalize::run_step(s, |w| {
            apply(w);
        })
    }

    #[test]
    fn decodes_leet_words() {
        assert_eq!(run("3st3r0id3s"), "esteroides");
        assert_eq!(run("m4c0nh4 c0c@ $exo"), "maconha coca sexo");
        assert_eq!(run("c0c4 xbox360 ps5"), "coca xbox360 ps5");
        assert_eq!(
            run("w1sky 7equila c0c41n4 1d10t4"),
            "wisky tequila cocaina idiota"
        );
    }

    #[test]
    fn leaves_numbers_codes_and_prices() {
        assert_eq!(
            run("pedido 12345 Z2820357F R$50 r$ 5g mp3"),
            "pedido 12345 Z2820357F R$50 r$ 5g mp3"
        );
        assert_eq!(run("US$100 2x 10h30"), "US$100 2x 10h30");
    }
}
