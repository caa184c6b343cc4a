//! Step 3: case folding, so "CERVEJA" and "Cerveja" match "cerveja".

/// Feeds the lowercase form of `c` to `out` (usually one char; `İ` gives two).
#[inline]
pub(crate) fn fold(c: char, mut out: impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
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
}
