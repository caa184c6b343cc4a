//! Step 8: leetspeak inside words: `0→o 1→i 3→e 4→a 5→s 7→t @→a $→s`.
//!
//! Only words with at least two letters, a letter after a leet character,
//! and no other non-letters are rewritten, so order numbers, prices, codes
//! ("Z2820357F"), model numbers ("mp3") and "R$" are left alone.

use super::{is_letter, is_word, Unit};

#[inline]
fn leet(c: char) -> Option<char> {
    // Every leet char is ASCII below 'A': one compare rejects letters.
    if c > '@' {
        return None;
    }
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        _ => return None,
    })
}

#[inline]
fn in_token(c: char) -> bool {
    is_word(c) || c == '@' || c == '$'
}

/// Rewrites leet words in place.
pub(crate) fn apply(units: &mut [Unit]) {
    // Only tokens holding a leet char are examined: jump from one to the next.
    let mut from = 0;
    while let Some(pos) = units
        .get(from..)
        .and_then(|rest| rest.iter().position(|u| leet(u.c).is_some()))
    {
        let hit = from + pos;
        let start = units
            .get(..hit)
            .and_then(|before| before.iter().rposition(|u| !in_token(u.c)))
            .map_or(0, |p| p + 1);
        let end = units
            .get(hit..)
            .and_then(|after| after.iter().position(|u| !in_token(u.c)))
            .map_or(units.len(), |p| hit + p);
        if let Some(word) = units.get_mut(start..end) {
            rewrite(word);
        }
        from = end.max(hit + 1);
    }
}

/// Decodes one token when it looks like a leet word.
fn rewrite(word: &mut [Unit]) {
    let (mut letters, mut others, mut foreign) = (0usize, 0usize, false);
    // Letters seen after the first leet char: without them the leet chars
    // are only a suffix ("mp3", "ps5"), a model number.
    let mut letter_after_leet = false;
    for u in word.iter() {
        if is_letter(u.c) {
            letters += 1;
            letter_after_leet |= others > 0;
        } else if leet(u.c).is_some() {
            others += 1;
        } else {
            foreign = true;
        }
    }
    if others > 0 && letter_after_leet && !foreign && letters >= 2 {
        for u in word {
            if let Some(l) = leet(u.c) {
                u.c = l;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        crate::normalize::run_step(s, |units| apply(units))
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
