//! Table-driven PII cases from `tests/cases/pii.tsv`: categories and the
//! exact text each finding's main span covers in the original message.

// Test-only helpers outside #[test] fns: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::panic)]

use conforma_core::{CategoryGroup, Engine, Locale, Message};

/// One table row: line number, text, expected `(category, span text)` pairs.
type Case = (usize, String, Vec<(String, String)>);

fn cases() -> Vec<Case> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/pii.tsv");
    let data = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, expected) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("line {}: missing tab", n + 1));
        let mut exp: Vec<(String, String)> = if expected.trim() == "-" {
            Vec::new()
        } else {
            expected
                .split(" ; ")
                .map(|e| {
                    let (c, s) = e
                        .split_once('=')
                        .unwrap_or_else(|| panic!("line {}: bad expectation {e}", n + 1));
                    (c.to_owned(), s.to_owned())
                })
                .collect()
        };
        exp.sort();
        out.push((n + 1, text.to_owned(), exp));
    }
    out
}

#[test]
fn pii_cases_match() {
    let engine = Engine::builtin();
    let mut failures = Vec::new();
    let all = cases();
    assert!(all.len() > 50);
    for (line, text, expected) in all {
        let findings = engine.check(&Message::outbound(text.clone())).unwrap();
        let mut got: Vec<(String, String)> = findings
            .iter()
            .filter(|f| f.category.group() == CategoryGroup::Pii)
            .map(|f| (f.category.id().to_owned(), text[f.start..f.end].to_owned()))
            .collect();
        got.sort();
        if got != expected {
            failures.push(format!(
                "line {line}: {text:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn suggestions_mask_the_actual_number() {
    let engine = Engine::builtin();
    let card = Message::outbound("cartão 4000 2222 3333 4442");
    let f = engine.check_in(&card, Locale::PtBr).unwrap();
    let s = f[0].suggestion.as_deref().unwrap();
    assert!(
        s.contains("**** **** **** 4442") && !s.contains("2222"),
        "{s}"
    );
    let cpf = Message::outbound("CPF 123.456.789-09");
    let f = engine.check_in(&cpf, Locale::Es).unwrap();
    let s = f[0].suggestion.as_deref().unwrap();
    assert!(
        s.contains("***.***.***-09") && s.contains("portal seguro"),
        "{s}"
    );
    // A credential is never echoed back in the suggestion.
    let pw = Message::outbound("password: hunter2!");
    let f = engine.check_in(&pw, Locale::En).unwrap();
    assert!(!f[0].suggestion.as_deref().unwrap().contains("hunter2"));
    assert_eq!(f[0].rule, "pii.credential");
}

#[test]
fn odd_input_never_panics() {
    let engine = Engine::builtin();
    let long_digits = "4".repeat(10_000);
    let mixed = "ção1🙂2.3-4/5 ".repeat(2_000);
    for t in [
        "",
        "senha",
        "senha:",
        "RG",
        "c/",
        "1",
        "ES",
        "+",
        long_digits.as_str(),
        mixed.as_str(),
        "\u{0}\u{FFFF}9\u{10FFFF}",
    ] {
        let f = engine.check(&Message::outbound(t)).unwrap();
        for x in f {
            assert!(t.is_char_boundary(x.start) && t.is_char_boundary(x.end));
        }
    }
}
