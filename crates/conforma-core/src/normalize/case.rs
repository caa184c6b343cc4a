//! Step 3: case folding, so "CERVEJA" and "Cerveja" match "cerveja".

/// Feeds the lowercase form of `c` to `out` (usually one char; `İ` gives two).
#[inline]
pub(crate) fn fold(c: char, mut out: impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
    } else if c <= 'ÿ' {
        // Latin-1 (á, Ç, ñ…) without the Unicode case tables: À–Þ but × map
        // to the char 32 above, the rest is already lowercase or caseless.
        let lower = match c {
            'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
            _ => c,
        };
        out(lower);
    } else {
        c.to_lowercase().for_each(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases() {
        let mut s = String::new();
        for c in "CeRVEJA ÇÃO ΑΒ".chars() {
            fold(c, |f| s.push(f));
        }
        assert_eq!(s, "cerveja ção αβ");
    }

    #[test]
    fn latin1_fast_path_matches_unicode() {
        for c in '\u{80}'..='\u{FF}' {
            let mut fast = String::new();
            fold(c, |f| fast.push(f));
            assert_eq!(fast, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }
}
