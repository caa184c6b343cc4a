//! Step 1: zero-width, bidi and control characters, which split words
//! invisibly ("cer\u{200B}veja") without changing what the reader sees.

/// Whether `c` is invisible and must be dropped before matching.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                  // soft hyphen
        | '\u{034F}'                // combining grapheme joiner
        | '\u{061C}'                // Arabic letter mark
        | '\u{115F}' | '\u{1160}'   // Hangul fillers
        | '\u{17B4}' | '\u{17B5}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'   // zero-width space/joiners, LRM/RLM
        | '\u{202A}'..='\u{202E}'   // bidi embeddings
        | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
        | '\u{2066}'..='\u{206F}'   // bidi isolates, deprecated formats
        | '\u{3164}' | '\u{FFA0}'
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors
        | '\u{FEFF}'                // BOM / zero-width no-break space
        | '\u{E0000}'..='\u{E007F}' // tags
    ) || (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_zero_width_and_controls_only() {
        for c in [
            '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{202E}', '\u{7}', '\u{FE0F}', '\u{AD}',
        ] {
            assert!(is_invisible(c), "{:?}", c);
        }
        for c in ['a', ' ', '\n', '\t', 'ç', '🍺', '\u{300}'] {
            assert!(!is_invisible(c), "{:?}", c);
        }
    }
}
