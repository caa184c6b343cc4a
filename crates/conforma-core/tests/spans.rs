//! Findings point at what the agent actually typed, whatever the
//! normalization did: emoji, combining marks, leet, separators, homoglyphs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use conforma_core::{Category, Engine, Message};

fn spans(text: &str, category: Category) -> Vec<&str> {
    Engine::builtin()
        .check(&Message::outbound(text))
        .unwrap()
        .into_iter()
        .filter(|f| f.category == category)
        .map(|f| &text[f.start..f.end])
        .collect()
}

#[test]
fn spans_map_back_through_every_step() {
    let cases = [
        (
            "👨‍👩‍👧 Promoção de CERVEJAAA hoje",
            Category::Alcohol,
            "CERVEJAAA",
        ),
        (
            "Temos cachac\u{0327}a (com cedilha combinante)",
            Category::Alcohol,
            "cachac\u{327}a",
        ),
        ("Vendo c-o-c-a-í-n-a", Category::Drugs, "c-o-c-a-í-n-a"),
        ("3st3r0id3s importados", Category::Medicine, "3st3r0id3s"),
        (
            "🇧🇷 Temos v\u{043E}dk\u{0430} russa",
            Category::Alcohol,
            "v\u{43e}dk\u{430}",
        ),
        ("ｗｈｉｓｋｙ no atacado", Category::Alcohol, "ｗｈｉｓｋｙ"),
        (
            "wh\u{200B}isky 12 anos",
            Category::Alcohol,
            "wh\u{200b}isky",
        ),
    ];
    for (text, cat, want) in cases {
        assert_eq!(spans(text, cat), vec![want], "{text}");
    }
}

#[test]
fn evidence_spans_include_the_cue() {
    let text = "Vendo filhotes de shih-tzu 🐶";
    let f = Engine::builtin().check(&Message::outbound(text)).unwrap();
    let animals: Vec<_> = f
        .iter()
        .filter(|f| f.category == Category::Animals)
        .collect();
    assert!(!animals.is_empty());
    let all: Vec<&str> = animals
        .iter()
        .flat_map(|f| f.spans.iter().map(|s| &text[s.start..s.end]))
        .collect();
    assert!(all.contains(&"Vendo"), "{all:?}");
}

#[test]
fn odd_input_never_panics() {
    let e = Engine::builtin();
    let huge = "🍺\u{301}".repeat(100_000);
    for t in [
        "",
        "\u{301}",
        "\u{200b}",
        "a.b.c.d",
        "....",
        "3 3 3 3",
        "@@@@$$$",
        huge.as_str(),
    ] {
        let f = e.check(&Message::outbound(t)).unwrap();
        for x in f {
            assert!(t.is_char_boundary(x.start) && t.is_char_boundary(x.end));
        }
    }
}
