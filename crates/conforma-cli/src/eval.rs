//! `conforma eval`: per-label precision, recall and F1 on a labelled corpus.

use crate::{engine, parse_line, parse_opts};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Undefined ratios (no predictions, no gold) count as perfect.
fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

pub(crate) fn run(args: &[String]) -> Result<ExitCode, String> {
    let opts = parse_opts(args)?;
    let [path] = opts.positional.as_slice() else {
        return Err("eval needs exactly one corpus file: 'conforma eval FILE.jsonl'".into());
    };
    let engine = engine(&opts)?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read '{path}': {e}"))?;

    let mut per_label: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut clean, mut clean_flagged, mut items) = (0u32, 0u32, 0u32);
    let mut errors = Vec::new();
    let mut misses = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let item = parse_line(raw).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let Some(labels) = &item.labels else {
            return Err(format!(
                "{path}:{}: missing 'labels' (an eval corpus needs gold labels)",
                n + 1
            ));
        };
        items += 1;
        let gold: BTreeSet<String> = labels.iter().cloned().collect();
        let predicted: BTreeSet<String> = match engine.check(&item.message()) {
            Ok(f) => f.into_iter().map(|f| f.category.id().to_owned()).collect(),
            Err(e) => {
                errors.push(format!("{}: {e}", item.id));
                BTreeSet::new()
            }
        };
        if gold.is_empty() {
            clean += 1;
            clean_flagged += u32::from(!predicted.is_empty());
        }
        for l in gold.union(&predicted) {
            let c = per_label.entry(l.clone()).or_default();
            match (gold.contains(l), predicted.contains(l)) {
                (true, true) => c.tp += 1,
                (false, true) => c.fp += 1,
                (true, false) => c.fn_ += 1,
                (false, false) => {}
            }
        }
        if gold != predicted {
            let missed: Vec<_> = gold.difference(&predicted).collect();
            let extra: Vec<_> = predicted.difference(&gold).collect();
            misses.push(json!({ "id": item.id, "missed": missed, "extra": extra }));
        }
    }

    let micro = per_label.values().fold(Counts::default(), |a, c| Counts {
        tp: a.tp + c.tp,
        fp: a.fp + c.fp,
        fn_: a.fn_ + c.fn_,
    });
    let fp_rate = ratio(clean_flagged, clean);
    let fp_rate = if clean == 0 { 0.0 } else { fp_rate };
    if opts.json {
        let labels: serde_json::Map<_, _> = per_label
            .iter()
            .map(|(l, c)| {
                (l.clone(), json!({ "tp": c.tp, "fp": c.fp, "fn": c.fn_, "precision": c.precision(), "recall": c.recall(), "f1": c.f1() }))
            })
            .collect();
        let out = json!({
            "items": items, "labels": labels,
            "micro": { "precision": micro.precision(), "recall": micro.recall(), "f1": micro.f1() },
            "clean": clean, "clean_flagged": clean_flagged, "false_positive_rate": fp_rate,
            "errors": errors, "mismatches": misses,
        });
        println!("{out}");
    } else {
        println!(
            "{:<20} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
            "label", "tp", "fp", "fn", "precision", "recall", "f1"
        );
        for (l, c) in &per_label {
            println!(
                "{:<20} {:>5} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}",
                l,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        println!(
            "{:<20} {:>5} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}",
            "micro",
            micro.tp,
            micro.fp,
            micro.fn_,
            micro.precision(),
            micro.recall(),
            micro.f1()
        );
        println!("items: {items}; clean: {clean}; clean flagged: {clean_flagged} (false-positive rate {:.2}%)", fp_rate * 100.0);
        for m in &misses {
            println!("mismatch: {m}");
        }
        for e in &errors {
            println!("error: {e}");
        }
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
