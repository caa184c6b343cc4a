use super::*;
use crate::model::{Context, Message, OptInStatus, Severity};
use crate::{BulkConfig, Config, Pack};

fn config_err(text: &str) -> (Option<String>, String) {
    let e = Config::from_json(text).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Config, "{e}");
    (e.field().map(str::to_owned), e.message().to_owned())
}

#[test]
fn decodes_a_full_config() {
    let c = Config::from_json(
        r#"{"locale": "es", "rules": {"alcohol": {"severity": "block", "enabled": null}},
            "packs": [{"name": "a", "topics": [{"id": "t", "terms": ["xy"]}]}],
            "timezone": "UTC", "hours": {"mon": ["08:00-12:00"]},
            "holidays": {"national": ["BR"]}, "surface": "platform",
            "bulk": {"max_contacts": 5, "window_minutes": 10}}"#,
    )
    .unwrap();
    assert_eq!(c.locale.as_deref(), Some("es"));
    assert_eq!(c.rules["alcohol"].severity, Some(Severity::Block));
    assert_eq!(c.rules["alcohol"].enabled, None);
    assert_eq!(c.packs[0].topics[0].severity, Severity::Warn);
    assert_eq!(c.hours.unwrap().0["mon"], vec!["08:00-12:00".to_owned()]);
    assert_eq!(
        c.bulk,
        Some(BulkConfig {
            max_contacts: 5,
            window_minutes: 10
        })
    );
    assert_eq!(Config::from_json("{}").unwrap(), Config::default());
    assert_eq!(
        Config::from_json(r#"{"locale": null, "bulk": null}"#).unwrap(),
        Config::default()
    );
}

#[test]
fn errors_name_the_field_in_serde_words() {
    let cases: &[(&str, Option<&str>, &str)] = &[
        (r#"{"timezon": "UTC"}"#, Some("timezon"), "unknown field `timezon`, expected one of `locale`, `rules`, `packs`, `timezone`, `hours`, `holidays`, `surface`, `bulk`"),
        (r#"{"rules": {"alcohol": {"severity": "loud"}}}"#, Some("rules.alcohol.severity"), "unknown variant `loud`, expected one of `info`, `warn`, `block`"),
        (r#"{"rules": {"alcohol": {"enabled": "yes"}}}"#, Some("rules.alcohol.enabled"), "invalid type: string \"yes\", expected a boolean"),
        (r#"{"hours": {"mon": ["08:00-12:00", 9]}}"#, Some("hours.mon[1]"), "invalid type: integer `9`, expected a string"),
        (r#"{"packs": [{"name": "a", "topics": [{"id": "t", "terms": ["ab"]}, {"id": "u", "terms": ["ab", "cd", "ef", null]}]}]}"#, Some("packs[0].topics[1].terms[3]"), "invalid type: null, expected a string"),
        (r#"{"packs": [{"topics": []}]}"#, Some("packs[0].name"), "missing field `name`"),
        (r#"{"packs": [{"name": "a", "topicz": []}]}"#, Some("packs[0].topicz"), "unknown field `topicz`"),
        (r#"{"bulk": {"max_contacts": -1, "window_minutes": 5}}"#, Some("bulk.max_contacts"), "invalid value: integer `-1`, expected u32"),
        (r#"{"bulk": {"max_contacts": 1.5, "window_minutes": 5}}"#, Some("bulk.max_contacts"), "invalid type: floating point `1.5`, expected u32"),
        (r#"{"bulk": {"max_contacts": 99999999999, "window_minutes": 5}}"#, Some("bulk.max_contacts"), "invalid value: integer `99999999999`, expected u32"),
        (r#"{"bulk": {"max_contacts": 5}}"#, Some("bulk.window_minutes"), "missing field `window_minutes`"),
        (r#"{"surface": null}"#, Some("surface"), "invalid type: null, expected a string id"),
        (r#"{"rules": []}"#, Some("rules"), "invalid type: sequence, expected a map"),
        (r#"{"packs": {}}"#, Some("packs"), "invalid type: map, expected a sequence"),
        (r#"{"holidays": {"dates": "2026-12-25"}}"#, Some("holidays.dates"), "expected a sequence"),
        (r#"{"locale": "es", "locale": "en"}"#, Some("locale"), "duplicate field `locale`"),
        (r#"{"rules": {"alcohol": {"x": 1}}}"#, Some("rules.alcohol.x"), "expected `enabled` or `severity`"),
        ("[]", None, "invalid type: sequence, expected struct Config"),
        (r#"{"locale": {"a\"b\\": 1}}"#, Some("locale"), "invalid type: map, expected a string"),
        (r#"{"surface": "a\"b\\"}"#, Some("surface"), r#"unknown variant `a"b\`"#),
        (r#"{"rules": {"x": {"enabled": "a\"b\\"}}}"#, Some("rules.x.enabled"), r#"invalid type: string "a\"b\\", expected a boolean"#),
        (r#""x""#, None, "invalid type: string \"x\", expected struct Config"),
    ];
    for (text, field, message) in cases {
        let (f, m) = config_err(text);
        assert_eq!(f.as_deref(), *field, "{text}: {m}");
        assert!(m.contains(message), "{text}: {m}");
    }
    let (f, m) = config_err(r#"{"timezone": "UTC",}"#);
    assert_eq!(f, None);
    assert!(m.contains("at byte 19"), "{m}");
}

#[test]
fn decodes_messages_and_contexts() {
    let m: Message = from_str(
        r#"{"text": "oi \ud83c\udf7a", "direction": "inbound", "lang": null,
            "context": {"now": "2026-03-13T18:00:00Z", "contact": {"id": "x", "opt_in": "granted"}}}"#,
        ErrorKind::Input,
    )
    .unwrap();
    assert_eq!(m.text, "oi 🍺");
    let ctx = m.context.unwrap();
    assert_eq!(ctx.contact.unwrap().opt_in, OptInStatus::Granted);
    let e = from_str::<Message>(r#"{"direction": "inbound"}"#, ErrorKind::Input).unwrap_err();
    assert_eq!(e.field(), Some("text"));
    assert_eq!(e.kind(), ErrorKind::Input);
    let e = from_str::<Context>(r#"{"contact": {"opt_in": "yes"}}"#, ErrorKind::Input).unwrap_err();
    assert_eq!(e.field(), Some("contact.opt_in"));
    assert!(e
        .message()
        .contains("expected one of `granted`, `denied`, `unknown`"));
}

#[test]
fn limits_keep_their_kind() {
    let deep = "[".repeat(MAX_DEPTH + 1);
    let e = from_str::<Pack>(&deep, ErrorKind::Config).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Limit, "{e}");
}
