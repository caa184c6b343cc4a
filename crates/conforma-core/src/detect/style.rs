//! Brand voice (`style`, off by default): shouting in capitals and runs of
//! "!!!". Slang abbreviations are a lexicon (`style_slang.txt`).

use super::RULES;
use crate::engine::Hit;
use crate::model::Span;

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

/// Shouted words and runs of three or more `!?¡¿`, in one pass. ASCII
/// bytes skip UTF-8 decoding: style runs on every keystroke.
fn shouting_and_runs(text: &str) -> (Vec<Span>, Vec<Span>) {
    let (mut shouted, mut runs) = (Vec::new(), Vec::new());
    let b = text.as_bytes();
    let mut word = None;
    let (mut upper, mut lower) = (0usize, 0usize);
    let mut run = None;
    let mut marks = 0;
    let mut i = 0;
    loop {
        // A space after the last char closes the last word and run.
        let (c, len) = match b.get(i) {
            Some(&x) if x.is_ascii() => (char::from(x), 1),
            Some(_) => {
                let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
                (c, c.len_utf8())
            }
            None => (' ', 0),
        };
        let (alpha, up) = if c.is_ascii() {
            (c.is_ascii_alphabetic(), c.is_ascii_uppercase())
        } else {
            (c.is_alphabetic(), c.is_uppercase())
        };
        if alpha {
            word.get_or_insert(i);
            if up {
                upper += 1;
            } else {
                lower += 1;
            }
        } else if let Some(s) = word.take() {
            if lower == 0 && upper >= SHOUT_MIN_LETTERS {
                shouted.push(Span::new(s, i));
            }
            upper = 0;
            lower = 0;
        }
        if matches!(c, '!' | '?' | '¡' | '¿') {
            run.get_or_insert(i);
            marks += 1;
        } else if let Some(s) = run.take() {
            if marks >= 3 {
                runs.push(Span::new(s, i));
            }
            marks = 0;
        }
        if len == 0 {
            return (shouted, runs);
        }
        i += len;
    }
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
    fn acronyms_and_single_marks_are_fine() {
        let mut hits = Vec::new();
        scan(
            "Envie o CPF e o PIX pela LGPD. Obrigado! Tudo bem?",
            &mut hits,
        );
        assert!(hits.is_empty());
    }
}
