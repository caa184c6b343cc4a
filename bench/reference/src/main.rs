//! Reference points for issue #3: rustrict (crates.io) timed next to
//! conforma-core on exactly the texts of `crates/conforma-core/benches/check.rs`.
//!
//!     cargo run --release --manifest-path bench/reference/Cargo.toml
//!
//! One binary, one profile (opt-level 3, fat LTO) for both engines, so neither
//! gets a better build. A std-only harness like the core bench: median and p95
//! of many runs, no timing assertions. rustrict is an English profanity filter
//! and conforma a multi-category compliance checker, so this is a reference
//! point for the cost of scanning a message, not a like-for-like comparison.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // bench code

use conforma_core::{Engine, Message};
use rustrict::{Censor, Type};
use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

// The core bench's texts and stats, so both engines see the same input.
#[path = "../../../crates/conforma-core/benches/support/texts.rs"]
mod texts;
use texts::{measure, repeat_to, report, text_of, CLEAN};

/// rustrict's "analyze this message" call as a chat filter makes it: one pass
/// that both censors (so it knows *where*, as our findings do) and classifies,
/// with the threshold its README uses. `analyze()` alone walks the same input.
fn rustrict_check(text: &str) -> (String, Type) {
    Censor::from_str(text)
        .with_censor_threshold(Type::INAPPROPRIATE)
        .censor_and_analyze()
}

/// Argument that makes the binary time one engine's first use and exit.
const COLD: &str = "--cold";

/// Both engines build their tables lazily on first use, once per process, so
/// the only honest way to sample that cost repeatedly is a fresh process each time.
fn cold_once(which: &str) {
    let t = Instant::now();
    match which {
        "conforma" => {
            let engine = Engine::builtin();
            black_box(engine.check(&Message::outbound("oi")).unwrap());
        }
        "rustrict" => {
            black_box(rustrict_check("hi"));
        }
        other => panic!("unknown engine {other}"),
    }
    println!("{}", t.elapsed().as_nanos());
}

fn measure_cold(name: &str, which: &str, runs: usize) {
    let exe = std::env::current_exe().unwrap();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let out = Command::new(&exe).args([COLD, which]).output().unwrap();
            assert!(out.status.success(), "cold run of {which} failed");
            let nanos: u64 = String::from_utf8(out.stdout)
                .unwrap()
                .trim()
                .parse()
                .unwrap();
            Duration::from_nanos(nanos)
        })
        .collect();
    times.sort();
    report(name, &times, runs);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, which] = args.as_slice() {
        if flag == COLD {
            cold_once(which);
            return;
        }
    }

    println!(
        "conforma-core {} vs rustrict 0.7 (default features), same texts, same profile",
        conforma_core::VERSION
    );
    // First use in a fresh process: conforma compiles its built-in lexicons,
    // rustrict builds its trie and replacement tables (lazy_static).
    measure_cold(
        "first use, conforma: Engine::builtin + check (cold)",
        "conforma",
        20,
    );
    measure_cold(
        "first use, rustrict: first censor_and_analyze (cold)",
        "rustrict",
        20,
    );

    let engine = Engine::builtin();
    let k1 = text_of(1_000);
    let k64 = text_of(64 * 1024);
    let clean64 = repeat_to(CLEAN, 64 * 1024);
    let (m1, m64, mclean) = (
        Message::outbound(k1.clone()),
        Message::outbound(k64.clone()),
        Message::outbound(clean64.clone()),
    );

    // What each engine makes of the texts, so the timings can be read in context.
    for (label, text, msg) in [
        ("1,000 chars", &k1, &m1),
        ("64 KiB", &k64, &m64),
        ("64 KiB clean", &clean64, &mclean),
    ] {
        let (censored, typ) = rustrict_check(text);
        // The texts have no '*' of their own, so the censored words show what it caught
        // (censoring also strips diacritics and can span a space, hence no word alignment).
        let mut caught: Vec<&str> = Vec::new();
        for word in censored.split(' ').filter(|w| w.contains('*')) {
            if !caught.contains(&word) {
                caught.push(word);
            }
        }
        let starred = censored.chars().filter(|&c| c == '*').count();
        println!(
            "{label}: conforma {} findings; rustrict {typ:?}, {starred} chars censored, as {caught:?}",
            engine.check(msg).unwrap().len()
        );
    }

    measure("conforma check 1,000 chars, built-in", 5_000, || {
        black_box(engine.check(&m1).unwrap());
    });
    measure("rustrict censor_and_analyze 1,000 chars", 2_000, || {
        black_box(rustrict_check(&k1));
    });
    measure("rustrict analyze 1,000 chars", 2_000, || {
        black_box(Censor::from_str(&k1).analyze());
    });
    measure("conforma check 64 KiB, built-in", 200, || {
        black_box(engine.check(&m64).unwrap());
    });
    measure("rustrict censor_and_analyze 64 KiB", 100, || {
        black_box(rustrict_check(&k64));
    });
    measure(
        "conforma check 64 KiB without findings, built-in",
        200,
        || {
            black_box(engine.check(&mclean).unwrap());
        },
    );
    measure(
        "rustrict censor_and_analyze 64 KiB without findings",
        100,
        || {
            black_box(rustrict_check(&clean64));
        },
    );
}
