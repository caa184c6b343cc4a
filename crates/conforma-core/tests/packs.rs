//! Custom policy packs: topics, extra terms, allow-list entries, overrides,
//! and validation errors that name the field.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use conforma_core::{Category, Config, Engine, ErrorKind, Locale, Message, Pack, Severity};
use serde_json::json;

fn engine(packs: serde_json::Value) -> Result<Engine, conforma_core::Error> {
    let config: Config = serde_json::from_value(json!({ "packs": packs })).unwrap();
    Engine::new(&config)
}

fn rules(engine: &Engine, text: &str) -> Vec<(String, Category, Severity)> {
    engine
        .check(&Message::outbound(text))
        .unwrap()
        .into_iter()
        .map(|f| (f.rule.into_owned(), f.category, f.severity))
        .collect()
}

#[test]
fn custom_topics_fire_with_their_own_id_and_texts() {
    let e = engine(json!([{
        "name": "acme",
        "topics": [{
            "id": "politics",
            "terms": ["eleição", "partido*"],
            "severity": "block",
            "message": {"pt-BR": "Não falamos de política.", "en": "We don't discuss politics."},
            "suggestion": {"pt-BR": "Volte ao assunto do pedido."}
        }]
    }]))
    .unwrap();
    let text = "Na ELEIÇÃO os partidos fazem campanha";
    let findings = e.check(&Message::outbound(text)).unwrap();
    assert_eq!(findings.len(), 2);
    let f = &findings[0];
    assert_eq!(f.rule, "custom.acme.politics");
    assert_eq!(f.category, Category::Custom);
    assert_eq!(f.severity, Severity::Block);
    assert_eq!(&text[f.start..f.end], "ELEIÇÃO");
    assert_eq!(&text[findings[1].start..findings[1].end], "partidos");
    assert_eq!(f.message, "Não falamos de política.");
    assert_eq!(f.suggestion.as_deref(), Some("Volte ao assunto do pedido."));
    // Missing locales fall back to a provided one.
    let es = e.check_in(&Message::outbound(text), Locale::Es).unwrap();
    assert_eq!(es[0].message, "Não falamos de política.");
    let en = e.check_in(&Message::outbound(text), Locale::En).unwrap();
    assert_eq!(en[0].message, "We don't discuss politics.");
}

#[test]
fn topics_have_a_default_message_and_can_be_overridden_by_config() {
    let config: Config = serde_json::from_value(json!({
        "packs": [{"name": "acme", "topics": [{"id": "deadlines", "terms": ["entrega garantida amanhã"]}]}],
        "rules": {"custom.acme.deadlines": {"severity": "info"}}
    }))
    .unwrap();
    let e = Engine::new(&config).unwrap();
    let f = e
        .check(&Message::outbound("Entrega garantida amanhã!"))
        .unwrap();
    assert_eq!(f[0].severity, Severity::Info);
    assert!(f[0].message.contains("deadlines"), "{}", f[0].message);
}

#[test]
fn packs_add_terms_allow_entries_overrides_and_switches() {
    let e = engine(json!([{
        "name": "bar-do-ze",
        "terms": {"alcohol": ["rabo de galo"]},
        "allow": ["cerveja de gengibre"],
        "severity": {"alcohol": "block"},
        "disable": ["gambling"],
        "enable": ["style.caps"]
    }]))
    .unwrap();
    assert_eq!(
        rules(&e, "um rabo de galo, por favor"),
        vec![(
            "commerce.alcohol".to_owned(),
            Category::Alcohol,
            Severity::Block
        )]
    );
    assert!(rules(&e, "Temos cerveja de gengibre artesanal").is_empty());
    assert!(rules(&e, "aposte no cassino online").is_empty());
    assert_eq!(
        rules(&e, "ÚLTIMOS DIAS PARA PAGAR SEM JUROS"),
        vec![("style.caps".to_owned(), Category::Style, Severity::Info)]
    );
    // Without the pack, style is off and gambling on.
    let plain = Engine::builtin();
    assert!(rules(&plain, "ÚLTIMOS DIAS PARA PAGAR SEM JUROS").is_empty());
    assert_eq!(rules(&plain, "aposte no cassino online").len(), 1);
}

#[test]
fn style_rules_when_enabled() {
    let e = engine(json!([{"name": "formal", "enable": ["style"]}])).unwrap();
    let ids: Vec<String> = rules(&e, "vc pode confirmar?? blz!!!")
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(
        ids,
        vec!["style.slang", "style.slang", "style.exclamations"]
    );
}

fn error(packs: serde_json::Value) -> (ErrorKind, String, String) {
    let e = engine(packs).unwrap_err();
    (e.kind(), e.field().unwrap_or("").to_owned(), e.to_string())
}

#[test]
fn validation_errors_name_the_field_and_the_fix() {
    let cases = [
        (
            json!([{"name": "Acme Corp"}]),
            ErrorKind::Config,
            "packs[0].name",
            "lowercase",
        ),
        (
            json!([{"name": "a"}, {"name": "a"}]),
            ErrorKind::Config,
            "packs[1].name",
            "duplicate",
        ),
        (
            json!([{"name": "a", "topics": [{"id": "x", "terms": []}]}]),
            ErrorKind::Config,
            "packs[0].topics[0].terms",
            "at least one term",
        ),
        (
            json!([{"name": "a", "topics": [{"id": "x", "terms": ["ok term", "a"]}]}]),
            ErrorKind::Config,
            "packs[0].topics[0].terms[1]",
            "two letters",
        ),
        (
            json!([{"name": "a", "topics": [{"id": "x", "terms": ["part*do"]}]}]),
            ErrorKind::Config,
            "packs[0].topics[0].terms[0]",
            "only at the end",
        ),
        (
            json!([{"name": "a", "topics": [{"id": "Bad Id", "terms": ["xy"]}]}]),
            ErrorKind::Config,
            "packs[0].topics[0].id",
            "lowercase",
        ),
        (
            json!([{"name": "a", "topics": [{"id": "x", "terms": ["xy"]}, {"id": "x", "terms": ["zz"]}]}]),
            ErrorKind::Config,
            "packs[0].topics[1].id",
            "duplicate",
        ),
        (
            json!([{"name": "a", "topics": [{"id": "x", "terms": ["xy"], "message": {"fr": "non"}}]}]),
            ErrorKind::UnknownId,
            "packs[0].topics[0].message.fr",
            "pt-BR",
        ),
        (
            json!([{"name": "a", "terms": {"alcool": ["pinga boa"]}}]),
            ErrorKind::UnknownId,
            "packs[0].terms.alcool",
            "Did you mean 'alcohol'",
        ),
        (
            json!([{"name": "a", "terms": {"pii.cpf": ["xx"]}}]),
            ErrorKind::UnknownId,
            "packs[0].terms.pii.cpf",
            "define a topic",
        ),
        (
            json!([{"name": "a", "severity": {"comerce.alcohol": "block"}}]),
            ErrorKind::UnknownId,
            "packs[0].severity.comerce.alcohol",
            "Did you mean 'commerce.alcohol'",
        ),
        (
            json!([{"name": "a", "disable": ["gambling", "nope-nope-nope"]}]),
            ErrorKind::UnknownId,
            "packs[0].disable[1]",
            "unknown rule or category",
        ),
        (
            json!([{"name": "a", "allow": ["x".repeat(101)]}]),
            ErrorKind::Limit,
            "packs[0].allow[0]",
            "limit is 100",
        ),
    ];
    for (packs, kind, field, hint) in cases {
        let (k, f, msg) = error(packs.clone());
        assert_eq!((k, f.as_str()), (kind, field), "{packs}: {msg}");
        assert!(msg.contains(hint), "{packs}: {msg}");
    }
}

#[test]
fn limits_on_pack_and_term_counts() {
    let many: Vec<_> = (0..17).map(|i| json!({"name": format!("p{i}")})).collect();
    let (k, f, _) = error(json!(many));
    assert_eq!((k, f.as_str()), (ErrorKind::Limit, "packs"));
    let terms: Vec<String> = (0..5_001).map(|i| format!("termo{i}")).collect();
    let (k, f, msg) = error(json!([{"name": "big", "topics": [{"id": "t", "terms": terms}]}]));
    assert_eq!(
        (k, f.as_str()),
        (ErrorKind::Limit, "packs[0].topics[0].terms[5000]"),
        "{msg}"
    );
}

#[test]
fn big_packs_stay_fast_to_check() {
    // Patterns that would be pathological for a backtracking matcher are
    // plain literals here; the check stays linear in the text.
    let terms: Vec<String> = (0..4_000)
        .map(|i| format!("{}b{i}", "a".repeat(40)))
        .collect();
    let e = engine(json!([{"name": "big", "topics": [{"id": "t", "terms": terms}]}])).unwrap();
    let text = "a".repeat(60_000);
    let start = std::time::Instant::now();
    assert!(e.check(&Message::outbound(text)).unwrap().is_empty());
    // Generous bound (debug build, shared machine): catches quadratic blow-ups only.
    assert!(start.elapsed().as_secs() < 5);
}

#[test]
fn pack_struct_round_trips_through_json() {
    let p: Pack =
        serde_json::from_value(json!({"name": "a", "topics": [{"id": "t", "terms": ["xy"]}]}))
            .unwrap();
    assert_eq!(p.topics[0].severity, Severity::Warn);
    let err = serde_json::from_value::<Pack>(json!({"name": "a", "topicz": []})).unwrap_err();
    assert!(err.to_string().contains("topicz"));
}
