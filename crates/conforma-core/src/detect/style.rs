//! Brand voice (`style`, off by default): shouting in capitals and runs of
//! "!!!". Slang abbreviations are a lexicon (`style_slang.txt`).

use super::RULES;
use crate::engine::Hit;
use crate::model::Span;
use crate::swar;

/// A word of at least this many letters, all capitals, is shouted.
const SHOUT_MIN_LETTERS: usize = 4;
/// This many shouted words make a shouting message.
const SHOUT_MIN_WORDS: usize = 3;

/// Appends style hits for `text`.
pub(crate) fn scan(text: &str, hits: &mut Vec<Hit>) {
    let rule = |id: &str| RULES.iter().find(|r| r.id == id);
    let (shouted, runs) = shouting_and_runs(text);
    if shouted.len() >= SHOUT_MIN_WORDS {
        if let (Some(r), Some(first), Some(last)) =
            (rule("style.caps"), shouted.first(), shouted.last())
        {
            hits.push(Hit::builtin(r, vec![Span::new(first.start, last.end)]));
        }
    }
    if !runs.is_empty() {
        if let Some(r) = rule("style.exclamations") {
            hits.push(Hit::builtin(r, runs));
        }
    }
}

/// Char classes for the style pass.
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const MARK: u8 = 4;

/// Classes of the ASCII bytes, so the common byte costs one load.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'!' | b'?' => MARK,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// The class of a non-ASCII char.
fn class_of(c: char) -> u8 {
    if c.is_alphabetic() {
        if c.is_uppercase() {
            UPPER
        } else {
            LOWER
        }
    } else if matches!(c, '¡' | '¿') {
        MARK
    } else {
        0
    }
}

/// Whether `b` can hold [`SHOUT_MIN_WORDS`] shouted words: each lies in a
/// run of at least [`SHOUT_MIN_LETTERS`] bytes that may belong to capitals
/// (ASCII capitals, and non-ASCII bytes except the lowercase Latin-1 letters
/// "à".."ÿ", which end a shouted word anyway), so such runs must total enough
/// bytes. One cheap pass spares the full one, also on accented pt and es
/// prose, where "ção" would otherwise look like a run of capitals.
fn may_shout(b: &[u8]) -> bool {
    let (mut run, mut total) = (0usize, 0usize);
    let mut prev = 0;
    for chunk in b.chunks(8) {
        // Eight bytes with no capital, and nothing non-ASCII but lowercase
        // "à".."ÿ", end any run (accented pt and es prose).
        if swar::word(chunk).is_some_and(|x| {
            !swar::has_ascii_upper(x) && swar::only_lowercase_latin1(x, prev == 0xC3)
        }) {
            run = 0;
            prev = 0;
            continue;
        }
        for &x in chunk {
            // The lead byte 0xC3 of a lowercase letter was counted already:
            // an over-count, which only makes the answer more cautious.
            let lowercase_latin1 = prev == 0xC3 && x >= 0xA0;
            if (x.is_ascii_uppercase() || !x.is_ascii()) && !lowercase_latin1 {
                run += 1;
                // Count a run's bytes once it is long enough, then each further byte.
                total += match run.cmp(&SHOUT_MIN_LETTERS) {
                    std::cmp::Ordering::Less => 0,
                    std::cmp::Ordering::Equal => SHOUT_MIN_LETTERS,
                    std::cmp::Ordering::Greater => 1,
                };
            } else {
                run = 0;
            }
            prev = x;
        }
    }
    total >= SHOUT_MIN_LETTERS * SHOUT_MIN_WORDS
}

/// Shouted words and runs of three or more `!?¡¿`. Style runs on every
/// keystroke: the common text (no shouting, a lone "!") costs one cheap
/// pass and a jump from mark to mark.
fn shouting_and_runs(text: &str) -> (Vec<Span>, Vec<Span>) {
    let shouted = if may_shout(text.as_bytes()) {
        shouted_words(text)
    } else {
        Vec::new()
    };
    (shouted, punctuation_runs(text))
}

/// The class of the char at byte `i` and its length (`(0, 0)` at the end).
fn class_at(text: &str, i: usize) -> (u8, usize) {
    match text.as_bytes().get(i) {
        Some(&x) => match ASCII_CLASS.get(usize::from(x)) {
            Some(&k) => (k, 1),
            None => {
                let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
                (class_of(c), c.len_utf8())
            }
        },
        None => (0, 0),
    }
}

fn shouted_words(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut word = None;
    let (mut upper, mut lower) = (0usize, 0usize);
    let mut i = 0;
    loop {
        // Class 0 after the last char closes the last word.
        let (class, len) = class_at(text, i);
        if class & (LOWER | UPPER) != 0 {
            word.get_or_insert(i);
            if class == UPPER {
                upper += 1;
            } else {
                lower += 1;
            }
        } else if let Some(s) = word.take() {
            if lower == 0 && upper >= SHOUT_MIN_LETTERS {
                out.push(Span::new(s, i));
            }
            upper = 0;
            lower = 0;
        }
        if len == 0 {
            return out;
        }
        i += len;
    }
}

/// The first byte from `i` on that may start a mark: '!', '?', or 0xC2,
/// which starts '¡' and '¿'. Skips eight bytes at a time.
fn next_mark(b: &[u8], mut i: usize) -> Option<usize> {
    let may_hold =
        |x: u64| swar::has_byte(x, b'!') || swar::has_byte(x, b'?') || swar::has_byte(x, 0xC2);
    while let Some(x) = b.get(i..).and_then(swar::word) {
        if may_hold(x) {
            break;
        }
        i += 8;
    }
    let rest = b.get(i..)?;
    rest.iter()
        .position(|&x| matches!(x, b'!' | b'?' | 0xC2))
        .map(|k| i + k)
}

fn punctuation_runs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(start) = next_mark(b, i) {
        let (mut end, mut count) = (start, 0);
        loop {
            let (class, len) = class_at(text, end);
            if class != MARK {
                break;
            }
            end += len;
            count += 1;
        }
        if count >= 3 {
            out.push(Span::new(start, end));
        }
        i = end.max(start + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_shouting_and_runs() {
        let mut hits = Vec::new();
        scan("ÚLTIMA CHANCE PARA PAGAR!!! ok?", &mut hits);
        let ids: Vec<_> = hits.iter().map(|h| h.rule.id).collect();
        assert_eq!(ids, vec!["style.caps", "style.exclamations"]);
        assert_eq!(hits[1].spans, vec![Span::new(25, 28)]);
    }

    #[test]
    fn non_ascii_capitals_and_inverted_marks_count() {
        let mut hits = Vec::new();
        let text = "ÁÇÃÕ ÉÊÍÓ ÚÜÑÀ ¡¡¡ya?! fim?!?";
        scan(text, &mut hits);
        let ids: Vec<_> = hits.iter().map(|h| h.rule.id).collect();
        assert_eq!(ids, vec!["style.caps", "style.exclamations"]);
        assert_eq!(
            &text[hits[0].spans[0].start..hits[0].spans[0].end],
            "ÁÇÃÕ ÉÊÍÓ ÚÜÑÀ"
        );
        let runs: Vec<_> = hits[1]
            .spans
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(runs, vec!["¡¡¡", "?!?"]);
        // Two shouted words and a short one are not shouting; "?!" is no run.
        hits.clear();
        scan("OFERTA HOJE SIM ok?! ¡a", &mut hits);
        assert!(hits.is_empty(), "{hits:?}");
    }

    #[test]
    fn the_cheap_pass_never_hides_shouting_and_skips_accented_prose() {
        // Pieces that make and break shouted words: capitals and lowercase,
        // ASCII and not, a combining accent, emoji, a lowercase "ß" and "÷".
        const PIECES: [&str; 16] = [
            "A", "B", "Ç", "Ã", "É", "Ñ", "a", "ç", "ã", "é", "\u{301}", "ß", "÷", " ", "🍺", "Σ",
        ];
        let mut seed = 0x5EED_0005_u64;
        for _ in 0..20_000 {
            let len = 4 + (crate::testing::xorshift(&mut seed) % 40) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(crate::testing::xorshift(&mut seed) % 16) as usize])
                .collect();
            if shouted_words(&text).len() >= SHOUT_MIN_WORDS {
                assert!(may_shout(text.as_bytes()), "{text:?}");
            }
        }
        let prose = "A instalação e a manutenção estão incluídas; a atenção à conclusão também. ";
        assert!(!may_shout(prose.repeat(40).as_bytes()));
        assert!(may_shout("AÇÃO ÚNICA PROMOÇÃO".as_bytes()));
    }

    #[test]
    fn the_mark_finder_agrees_with_a_byte_loop() {
        const PIECES: [&str; 8] = ["a", "b ", "!", "?", "¡", "¿", "é", "olá mundo "];
        let mut seed = 0x5EED_0006_u64;
        for _ in 0..5_000 {
            let len = (crate::testing::xorshift(&mut seed) % 60) as usize;
            let text: String = (0..len)
                .map(|_| {
                    let k = crate::testing::xorshift(&mut seed) % 40;
                    PIECES.get(k as usize).copied().unwrap_or("x")
                })
                .collect();
            let b = text.as_bytes();
            for from in 0..=b.len() {
                let naive = b[from..]
                    .iter()
                    .position(|&x| matches!(x, b'!' | b'?' | 0xC2))
                    .map(|k| from + k);
                assert_eq!(next_mark(b, from), naive, "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn acronyms_and_single_marks_are_fine() {
        let mut hits = Vec::new();
        scan(
            "Envie o CPF e o PIX pela LGPD. Obrigado! Tudo bem?",
            &mut hits,
        );
        assert!(hits.is_empty());
    }
}
