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
    let shouted = shouted_words(text);
    if shouted.len() >= SHOUT_MIN_WORDS {
        if let (Some(r), Some(first), Some(last)) =
            (rule("style.caps"), shouted.first(), shouted.last())
        {
            hits.push(Hit::builtin(r, vec![Span::new(first.start, last.end)]));
        }
    }
    let runs = punctuation_runs(text);
    if !runs.is_empty() {
        if let Some(r) = rule("style.exclamations") {
            hits.push(Hit::builtin(r, runs));
        }
    }
}

fn shouted_words(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    let (mut upper, mut lower) = (0usize, 0usize);
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphabetic() {
            start.get_or_insert(i);
            if c.is_uppercase() {
                upper += 1;
            } else {
                lower += 1;
            }
        } else if let Some(s) = start.take() {
            if lower == 0 && upper >= SHOUT_MIN_LETTERS {
                out.push(Span::new(s, i));
            }
            upper = 0;
            lower = 0;
        }
    }
    out
}

fn punctuation_runs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    let mut count = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if matches!(c, '!' | '?' | '¡' | '¿') {
            start.get_or_insert(i);
            count += 1;
        } else if let Some(s) = start.take() {
            if count >= 3 {
                out.push(Span::new(s, i));
            }
            count = 0;
        }
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
    fn acronyms_and_single_marks_are_fine() {
        let mut hits = Vec::new();
        scan(
            "Envie o CPF e o PIX pela LGPD. Obrigado! Tudo bem?",
            &mut hits,
        );
        assert!(hits.is_empty());
    }
}
