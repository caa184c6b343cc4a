//! Step 5: homoglyph folding. "vоdka" with a Cyrillic "о" looks identical
//! to the reader; fold the Cyrillic and Greek look-alikes of Latin letters
//! (lowercase, since case folding runs first).

/// The Latin letter `c` imitates, or `c` itself.
#[inline]
pub(crate) fn fold(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        // Cyrillic.
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'ԁ' => 'd',
        'е' | 'ё' | 'є' => 'e',
        'һ' | 'н' => 'h',
        'і' | 'ї' | 'ӏ' => 'i',
        'ј' => 'j',
        'к' => 'k',
        'м' => 'm',
        'о' => 'o',
        'р' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' => 't',
        'у' | 'ў' => 'y',
        'х' => 'x',
        'ԝ' => 'w',
        'ь' => 'b',
        // Greek.
        'α' => 'a',
        'β' => 'b',
        'ε' => 'e',
        'η' => 'n',
        'ι' | 'ί' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' | 'ό' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' | 'ύ' => 'u',
        'χ' => 'x',
        'ω' => 'w',
        'ς' => 'c',
        // Latin look-alikes outside ASCII.
        'ɑ' => 'a',
        'ɡ' => 'g',
        'ɩ' => 'i',
        'ʋ' => 'v',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_look_alikes() {
        let s: String = "v\u{43e}dk\u{430} \u{441}\u{435}rv\u{435}\u{458}a \u{3c1}o\u{3ba}er"
            .chars()
            .map(fold)
            .collect();
        assert_eq!(s, "vodka cerveja poker");
        assert_eq!(fold('ç'), 'ç');
    }
}
