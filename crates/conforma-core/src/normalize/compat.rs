//! Step 2: compatibility folding, the NFKC cases that matter for evasion,
//! without shipping Unicode's decomposition tables (wasm size): full-width
//! forms, mathematical alphanumerics, circled and parenthesized letters,
//! superscripts, Latin ligatures and the many space characters.

/// Feeds the compatibility form of `c` to `out` (one or more chars).
#[inline]
pub(crate) fn fold(c: char, mut out: impl FnMut(char)) {
    let u = c as u32;
    let simple = match u {
        // Full-width ASCII.
        0xFF01..=0xFF5E => char::from_u32(u - 0xFF01 + 0x21),
        // Odd spaces become plain spaces; tabs and CR too.
        0x09 | 0x0D | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => Some(' '),
        // Circled and parenthesized Latin letters.
        0x24B6..=0x24CF => char::from_u32(u - 0x24B6 + u32::from(b'a')),
        0x24D0..=0x24E9 => char::from_u32(u - 0x24D0 + u32::from(b'a')),
        0x249C..=0x24B5 => char::from_u32(u - 0x249C + u32::from(b'a')),
        // Negative circled / squared Latin capitals (🅰 🄰 🅐…).
        0x1F130..=0x1F149 => char::from_u32(u - 0x1F130 + u32::from(b'a')),
        0x1F150..=0x1F169 => char::from_u32(u - 0x1F150 + u32::from(b'a')),
        0x1F170..=0x1F189 => char::from_u32(u - 0x1F170 + u32::from(b'a')),
        // Regional indicators (🇦…🇿) when used as letters.
        0x1F1E6..=0x1F1FF => char::from_u32(u - 0x1F1E6 + u32::from(b'a')),
        // Mathematical alphanumeric symbols: 𝐛𝐞𝐞𝐫, 𝓫𝓮𝓮𝓻, 𝟎…
        0x1D400..=0x1D6A3 => char::from_u32((u - 0x1D400) % 52).map(|k| {
            let k = k as u8;
            char::from(if k < 26 { b'a' + k } else { b'a' + k - 26 })
        }),
        0x1D7CE..=0x1D7FF => char::from_u32((u - 0x1D7CE) % 10 + u32::from(b'0')),
        // Superscript and subscript digits and letters that people use in names.
        // The word-level steps only look for ASCII separators and joiners.
        // Ordinal indicators, as NFKC: "1ª linha", "nº".
        0xAA => Some('a'),
        0xBA => Some('o'),
        0xB7 => Some('.'),
        0x2010 | 0x2011 => Some('-'),
        0xB9 => Some('1'),
        0xB2 => Some('2'),
        0xB3 => Some('3'),
        0x2070 => Some('0'),
        0x2074..=0x2079 => char::from_u32(u - 0x2074 + u32::from(b'4')),
        0x2080..=0x2089 => char::from_u32(u - 0x2080 + u32::from(b'0')),
        0x1D2C..=0x1D6A => superscript_letter(c),
        0x2071 => Some('i'),
        0x207F => Some('n'),
        // Small capitals.
        0x1D00..=0x1D22 => small_capital(c),
        0x0280 => Some('r'),
        0x0299 => Some('b'),
        0x029C => Some('h'),
        0x0262 => Some('g'),
        0x026A => Some('i'),
        0x029F => Some('l'),
        0x0274 => Some('n'),
        0x028F => Some('y'),
        // Roman numerals that look like single letters (ⅽ ⅰ ⅴ ⅹ ⅼ ⅾ ⅿ).
        0x2160 | 0x2170 => Some('i'),
        0x2164 | 0x2174 => Some('v'),
        0x2169 | 0x2179 => Some('x'),
        0x216C | 0x217C => Some('l'),
        0x216D | 0x217D => Some('c'),
        0x216E | 0x217E => Some('d'),
        0x216F | 0x217F => Some('m'),
        // Letter-like symbols.
        0x2102 => Some('c'),
        0x210A..=0x2113 => Some(match u {
            0x210A => 'g',
            0x210B..=0x210D => 'h',
            0x210E | 0x210F => 'h',
            0x2110 | 0x2111 => 'i',
            _ => 'l',
        }),
        0x2115 => Some('n'),
        0x2119 => Some('p'),
        0x211A => Some('q'),
        0x211B..=0x211D => Some('r'),
        0x2124 => Some('z'),
        0x212C => Some('b'),
        0x212F | 0x2130 => Some('e'),
        0x2131 => Some('f'),
        0x2133 => Some('m'),
        0x2134 => Some('o'),
        _ => None,
    };
    if let Some(s) = simple {
        out(s);
        return;
    }
    let expansion: &str = match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'Ĳ' | 'ĳ' => "ij",
        'Œ' | 'œ' => "oe",
        'Æ' | 'æ' => "ae",
        '…' => "...",
        '℃' => "c",
        _ => {
            out(c);
            return;
        }
    };
    expansion.chars().for_each(out);
}

fn superscript_letter(c: char) -> Option<char> {
    Some(match c {
        'ᴬ' | 'ᵃ' => 'a',
        'ᴮ' | 'ᵇ' => 'b',
        'ᴰ' | 'ᵈ' => 'd',
        'ᴱ' | 'ᵉ' => 'e',
        'ᴳ' | 'ᵍ' => 'g',
        'ᴴ' => 'h',
        'ᴵ' => 'i',
        'ᴶ' => 'j',
        'ᴷ' | 'ᵏ' => 'k',
        'ᴸ' => 'l',
        'ᴹ' | 'ᵐ' => 'm',
        'ᴺ' => 'n',
        'ᴼ' | 'ᵒ' => 'o',
        'ᴾ' | 'ᵖ' => 'p',
        'ᴿ' => 'r',
        'ᵀ' | 'ᵗ' => 't',
        'ᵁ' | 'ᵘ' => 'u',
        'ᵂ' => 'w',
        'ᵛ' => 'v',
        _ => return Some(c),
    })
}

fn small_capital(c: char) -> Option<char> {
    Some(match c {
        'ᴀ' => 'a',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ᴍ' => 'm',
        'ᴏ' => 'o',
        'ᴘ' => 'p',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ᴢ' => 'z',
        _ => return Some(c),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            fold(c, |f| out.push(f));
        }
        out
    }

    #[test]
    fn folds_compatibility_forms() {
        assert_eq!(folded("ＶＯＤＫＡ"), "VODKA");
        assert_eq!(folded("𝐛𝐞𝐞𝐫 𝓫𝓮𝓮𝓻 𝟒𝟐"), "beer beer 42");
        assert_eq!(folded("ⓦⓔⓔⓓ"), "weed");
        assert_eq!(folded("🅱🅴🅴🆁"), "beer");
        assert_eq!(folded("ﬁesta\u{a0}ᴄᴏᴋᴇ"), "fiesta coke");
        assert_eq!(folded("w·h shih\u{2010}tzu"), "w.h shih-tzu");
        assert_eq!(folded("1ª linha, nº 5"), "1a linha, no 5");
    }

    #[test]
    fn leaves_ordinary_text() {
        assert_eq!(folded("Ação 12 ñ 🍺"), "Ação 12 ñ 🍺");
    }
}
