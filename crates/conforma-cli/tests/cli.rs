//! End-to-end tests of the `conforma` binary: JSON Lines in, JSON Lines out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code may fail loudly

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn conforma(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_conforma"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn conforma");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

#[test]
fn cpf_finding_with_byte_offsets() {
    let out = conforma(
        &["check"],
        "{\"id\":\"1\",\"text\":\"CPF 529.982.247-25\"}\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = lines(&out);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["id"], "1");
    let f = &got[0]["findings"][0];
    assert_eq!(f["category"], "pii.cpf");
    assert_eq!(f["rule"], "pii.cpf");
    assert_eq!(
        (f["start"].as_u64(), f["end"].as_u64()),
        (Some(4), Some(18))
    );
}

#[test]
fn offsets_are_utf8_bytes_after_emoji() {
    let text = "🍺 ação: cerveja";
    let input = serde_json::json!({"id": 7, "text": text}).to_string() + "\n";
    let got = lines(&conforma(&["check", "--locale", "en"], &input));
    let f = &got[0]["findings"][0];
    let (s, e) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "cerveja");
    assert!(f["message"].as_str().unwrap().contains("alcoholic"));
    assert_eq!(got[0]["id"], 7);
}

#[test]
fn malformed_lines_report_errors_in_order_and_exit_nonzero() {
    let input = "{\"id\":\"a\",\"text\":\"oi\"}\nnot json\n\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"x\",\"direction\":\"up\"}\n{\"id\":\"e\",\"text\":\"cerveja\"}\n";
    let out = conforma(&["check"], input);
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(
        got.len(),
        5,
        "blank lines are skipped, every other line answers"
    );
    assert_eq!(got[0]["findings"], serde_json::json!([]));
    assert!(got[1]["id"].is_null());
    assert!(got[1]["error"].as_str().unwrap().starts_with("line 2:"));
    assert_eq!(got[2]["id"], "c");
    assert!(got[2]["error"]
        .as_str()
        .unwrap()
        .contains("missing field `text`"));
    assert!(got[3]["error"].as_str().unwrap().contains("direction"));
    assert_eq!(got[4]["findings"][0]["category"], "alcohol");
}

#[test]
fn bad_config_is_reported_with_the_field() {
    let dir = std::env::temp_dir().join(format!("conforma-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("bad.json");
    std::fs::write(&cfg, r#"{"rules": {"alcohol": {"severity": "loud"}}}"#).unwrap();
    let out = conforma(&["check", "--config", cfg.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rules.alcohol.severity"), "{err}");
    std::fs::write(&cfg, r#"{"rules": {"commerce.alcool": {}}}"#).unwrap();
    let err = String::from_utf8_lossy(
        &conforma(&["check", "--config", cfg.to_str().unwrap()], "").stderr,
    )
    .to_string();
    assert!(err.contains("Did you mean 'commerce.alcohol'"), "{err}");
}

#[test]
fn help_explains_commands() {
    let out = conforma(&["--help"], "");
    let text = String::from_utf8_lossy(&out.stdout);
    for cmd in ["check", "eval", "rules"] {
        assert!(text.contains(cmd));
    }
    let out = conforma(&["check", "--help"], "");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("JSON") && text.contains("--config") && text.contains("byte offsets"));
    assert_eq!(conforma(&["frobnicate"], "").status.code(), Some(2));
}

#[test]
fn eval_reports_per_label_metrics() {
    let dir = std::env::temp_dir().join(format!("conforma-eval-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("mini.jsonl");
    std::fs::write(
        &corpus,
        concat!(
            "{\"id\":\"p\",\"text\":\"cerveja gelada\",\"labels\":[\"alcohol\"]}\n",
            "{\"id\":\"n\",\"text\":\"bom dia\",\"labels\":[]}\n",
            "{\"id\":\"m\",\"text\":\"olá\",\"labels\":[\"alcohol\"]}\n",
        ),
    )
    .unwrap();
    let out = conforma(&["eval", corpus.to_str().unwrap(), "--json"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["labels"]["alcohol"]["tp"], 1);
    assert_eq!(v["labels"]["alcohol"]["fn"], 1);
    assert_eq!(v["labels"]["alcohol"]["recall"], 0.5);
    assert_eq!(v["clean"], 1);
    assert_eq!(v["false_positive_rate"], 0.0);
}
