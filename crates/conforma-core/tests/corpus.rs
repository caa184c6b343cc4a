//! Runs the project's own corpora (`tests/corpus/*.jsonl`) through the
//! built-in engine and checks the content categories each message gets:
//! positives in every category and language, hard negatives (words that
//! look like violations but are not) and ordinary safe messages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use conforma_core::{Category, CategoryGroup, Engine, Message};
use serde_json::Value;
use std::collections::BTreeSet;

fn content(c: Category) -> bool {
    matches!(c.group(), CategoryGroup::Commerce | CategoryGroup::Conduct)
}

fn run(file: &str, data: &str) -> Vec<String> {
    let engine = Engine::builtin();
    let mut failures = Vec::new();
    for (n, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let item: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{file}:{}: {e}", n + 1));
        let text = item["text"].as_str().unwrap();
        let want: BTreeSet<Category> = item["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| Category::from_id(l.as_str().unwrap()).unwrap())
            .collect();
        let got: BTreeSet<Category> = engine
            .check(&Message::outbound(text))
            .unwrap()
            .into_iter()
            .map(|f| f.category)
            .filter(|c| content(*c))
            .collect();
        if got != want {
            failures.push(format!(
                "{file}:{}: {text:?}: want {want:?}, got {got:?}",
                n + 1
            ));
        }
    }
    failures
}

#[test]
fn corpora_get_the_expected_categories() {
    let mut failures = run("positive.jsonl", include_str!("corpus/positive.jsonl"));
    failures.extend(run("negative.jsonl", include_str!("corpus/negative.jsonl")));
    failures.extend(run("safe.jsonl", include_str!("corpus/safe.jsonl")));
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn positives_cover_every_content_category_in_every_language() {
    let mut seen = BTreeSet::new();
    for line in include_str!("corpus/positive.jsonl").lines() {
        let item: Value = serde_json::from_str(line).unwrap();
        for l in item["labels"].as_array().unwrap() {
            seen.insert((
                l.as_str().unwrap().to_owned(),
                item["lang"].as_str().unwrap().to_owned(),
            ));
        }
    }
    for c in Category::ALL.iter().filter(|c| content(**c)) {
        for lang in ["pt", "es", "en"] {
            assert!(
                seen.contains(&(c.id().to_owned(), lang.to_owned())),
                "{} has no {lang} positive",
                c.id()
            );
        }
    }
}
