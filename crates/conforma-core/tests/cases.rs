//! Table-driven tests over the data files in `tests/cases/` (see its README).

// Helpers outside #[test] fns: a malformed case file should fail loudly.
#![allow(clippy::unwrap_used)]

use conforma_core::{
    json, Category, CategoryGroup, Config, Context, Engine, ErrorKind, Finding, Locale, Message,
    SendLog, Severity,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn load(name: &str) -> Value {
    let path = format!("{}/tests/cases/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn engine(config: &Value) -> Engine {
    let config: Config = serde_json::from_value(config.clone()).unwrap();
    Engine::new(&config).unwrap()
}

fn message(case: &Value) -> Message {
    let context: Context = serde_json::from_value(case["context"].clone()).unwrap();
    Message {
        text: case["text"].as_str().unwrap_or("Olá").to_owned(),
        context: Some(context),
        ..Message::default()
    }
}

fn context_findings(findings: Vec<Finding>) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| f.category.group() == CategoryGroup::Context)
        .collect()
}

fn categories(findings: &[Finding]) -> BTreeSet<String> {
    findings
        .iter()
        .map(|f| f.category.id().to_owned())
        .collect()
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Checks one case's expectations; returns a description of each failure.
fn judge(label: &str, case: &Value, findings: &[Finding], failures: &mut Vec<String>) {
    let got = categories(findings);
    if got != strings(&case["expect"]) {
        failures.push(format!(
            "{label}: expected {:?}, got {got:?}",
            case["expect"]
        ));
    }
    if case.get("rules").is_some() {
        let rules: BTreeSet<String> = findings.iter().map(|f| f.rule.to_string()).collect();
        if rules != strings(&case["rules"]) {
            failures.push(format!(
                "{label}: expected rules {:?}, got {rules:?}",
                case["rules"]
            ));
        }
    }
    if let Some(sev) = case.get("severity").and_then(Value::as_object) {
        for (rule, want) in sev {
            let want = want.as_str().and_then(Severity::from_id);
            let got = findings
                .iter()
                .find(|f| f.rule == *rule)
                .map(|f| f.severity);
            if got != want {
                failures.push(format!(
                    "{label}: {rule} severity {got:?}, expected {want:?}"
                ));
            }
        }
    }
}

#[test]
fn context_cases() {
    let data = load("context.json");
    let mut failures = Vec::new();
    let mut n = 0;
    for suite in data["suites"].as_array().unwrap() {
        let engine = engine(&suite["config"]);
        for case in suite["cases"].as_array().unwrap() {
            n += 1;
            let label = format!("{} / {}", suite["name"], case["name"]);
            let msg = message(case);
            let findings = match engine.check(&msg) {
                Ok(f) => context_findings(f),
                Err(e) => {
                    failures.push(format!("{label}: error {e}"));
                    continue;
                }
            };
            judge(&label, case, &findings, &mut failures);
            if let Some(m) = case.get("message_contains").and_then(Value::as_object) {
                for (tag, want) in m {
                    let locale = Locale::parse(tag).unwrap();
                    let f = context_findings(engine.check_in(&msg, locale).unwrap());
                    let want = want.as_str().unwrap();
                    if !f.iter().any(|f| f.message.contains(want)) {
                        let msgs: Vec<_> = f.iter().map(|f| &f.message).collect();
                        failures.push(format!(
                            "{label}: [{tag}] no message contains {want:?}: {msgs:?}"
                        ));
                    }
                }
            }
        }
    }
    assert!(n > 100, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn error_cases() {
    let data = load("errors.json");
    let mut failures = Vec::new();
    for case in data["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let want = case["field"].as_str().unwrap();
        let config: Config = serde_json::from_value(case["config"].clone()).unwrap();
        let result = Engine::new(&config).and_then(|e| match case.get("context") {
            Some(_) => e.check(&message(case)).map(|_| ()),
            None => Ok(()),
        });
        match result {
            Err(e) if e.field() == Some(want) && !e.message().is_empty() => {}
            Err(e) => failures.push(format!(
                "{name}: field {:?} ({e}), expected {want}",
                e.field()
            )),
            Ok(()) => failures.push(format!("{name}: no error, expected one at {want}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bulk_steps() {
    let data = load("bulk.json");
    let engine = engine(&data["config"]);
    let mut log = SendLog::default();
    let mut failures = Vec::new();
    for (i, step) in data["steps"].as_array().unwrap().iter().enumerate() {
        let msg = message(step);
        let result = if step["record"].as_bool().unwrap() {
            engine.check_with_log(&msg, Locale::En, &mut log)
        } else {
            engine.check_against_log(&msg, Locale::En, &log)
        };
        let findings = context_findings(result.unwrap());
        judge(&format!("step {i}"), step, &findings, &mut failures);
        // The log survives a JSON round trip (the extension stores it).
        let json = serde_json::to_string(&log).unwrap();
        log = serde_json::from_str(&json).unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bulk_needs_time_and_contact() {
    let engine = Engine::builtin();
    let mut log = SendLog::default();
    let msg = Message::outbound("Promoção de verão em todas as lojas da rede");
    let e = engine
        .check_with_log(&msg, Locale::En, &mut log)
        .unwrap_err();
    assert_eq!(e.field(), Some("context.now"));
    let mut msg = msg;
    msg.context = Some(Context {
        now: Some("2026-03-13T10:00:00Z".into()),
        contact: None,
    });
    let e = engine
        .check_with_log(&msg, Locale::En, &mut log)
        .unwrap_err();
    assert_eq!(e.field(), Some("context.contact.id"));
    for bad in ["2", "1;3,2|", "1;zz|", "1;1,2,3,4|ab:x", "{}"] {
        let e = bad.parse::<SendLog>().unwrap_err();
        assert_eq!(e.field(), Some("log"), "{bad}");
        assert!(serde_json::from_value::<SendLog>(bad.into()).is_err());
    }
    assert_eq!("".parse::<SendLog>().unwrap(), SendLog::default());
}

#[test]
fn inbound_cases() {
    let path = format!("{}/tests/cases/inbound.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let engine = Engine::builtin();
    let mut failures = Vec::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (expect, sentence) = line.split_once('\t').unwrap();
        *counts.entry(expect).or_default() += 1;
        let findings = engine.check(&Message::inbound(sentence)).unwrap();
        let got: Vec<&str> = findings.iter().map(|f| f.category.id()).collect();
        let want: Vec<&str> = if expect == "none" {
            vec![]
        } else {
            vec![expect]
        };
        if got != want {
            failures.push(format!("{sentence:?}: expected {want:?}, got {got:?}"));
        }
        for f in &findings {
            // Spans point at the words that carry the intent.
            let span = f.spans.first().unwrap();
            assert!(span.start < span.end && sentence.get(span.start..span.end).is_some());
            assert_eq!(f.severity, Severity::Info);
            assert!(matches!(f.category, Category::OptOut | Category::OptIn));
        }
    }
    assert!(counts.values().all(|&c| c >= 10), "{counts:?}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn decode_error_cases() {
    let data = load("decode.json");
    let mut failures = Vec::new();
    for case in data["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let (field, message) = (case["field"].as_str(), case["message"].as_str().unwrap());
        let result = if let Some(config) = case.get("config") {
            Config::from_json(&config.to_string()).map(|_| ())
        } else {
            let mut options = case["options"].clone();
            options["text"] = "Olá".into();
            json::from_str::<Message>(&options.to_string(), ErrorKind::Input).map(|_| ())
        };
        match result {
            Err(e) if e.field() == field && e.message().contains(message) => {}
            Err(e) => failures.push(format!("{name}: got {:?}: {e}", e.field())),
            Ok(()) => failures.push(format!("{name}: decoded, expected an error")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The JSON decoder and the serde derives (kept for native callers) agree on
/// every configuration and context of the case files.
#[test]
fn json_decoder_agrees_with_serde() {
    let mut configs = Vec::new();
    let mut contexts = Vec::new();
    for suite in load("context.json")["suites"].as_array().unwrap() {
        configs.push(suite["config"].clone());
        for case in suite["cases"].as_array().unwrap() {
            contexts.push(case["context"].clone());
        }
    }
    for case in load("errors.json")["cases"].as_array().unwrap() {
        configs.push(case["config"].clone());
        contexts.extend(case.get("context").cloned());
    }
    let bulk = load("bulk.json");
    configs.push(bulk["config"].clone());
    for step in bulk["steps"].as_array().unwrap() {
        contexts.push(step["context"].clone());
    }
    configs.push(serde_json::json!({
        "locale": "es", "rules": {"alcohol": {"severity": "block"}, "style": {"enabled": true}},
        "packs": [{"name": "acme", "description": null, "topics": [{"id": "politics",
            "terms": ["eleição", "partido*"], "allow": ["partido alto"], "severity": "block",
            "message": {"pt-BR": "Não."}, "suggestion": {"en": "Don't."}}],
            "terms": {"alcohol": ["rabo de galo"]}, "allow": ["bar de sucos"],
            "severity": {"gambling": "info"}, "disable": ["dating"], "enable": ["style"]}],
        "surface": "platform", "holidays": {"dates": ["2026-12-24"], "national": ["BR"]}
    }));
    assert!(configs.len() > 10 && contexts.len() > 10);
    for config in configs {
        let serde: Config = serde_json::from_value(config.clone()).unwrap();
        assert_eq!(Config::from_json(&config.to_string()).unwrap(), serde);
    }
    for context in contexts {
        let serde: Context = serde_json::from_value(context.clone()).unwrap();
        let ours: Context = json::from_str(&context.to_string(), ErrorKind::Input).unwrap();
        assert_eq!(ours, serde);
    }
}
