//! Speed of the engine: `cargo bench -p conforma-core`.
//!
//! A std-only harness (no criterion): it prints the median and p95 of many
//! runs and never asserts timings, since machines differ.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use conforma_core::{Config, Engine, Message};
use std::hint::black_box;
use std::time::Instant;

// The texts and the stats, shared with bench/reference (rustrict).
#[path = "support/texts.rs"]
mod texts;
use texts::{measure, repeat_to, text_of, CLEAN};

fn custom_config() -> Config {
    let terms: Vec<String> = (0..300).map(|i| format!("assunto proibido {i}")).collect();
    serde_json::from_value(serde_json::json!({
        "packs": [{
            "name": "acme",
            "topics": [
                {"id": "politics", "terms": ["eleição", "partido*", "candidato*"]},
                {"id": "deadlines", "terms": ["entrega garantida", "prazo garantido"]},
                {"id": "bulk", "terms": terms}
            ],
            "terms": {"alcohol": ["rabo de galo"]},
            "allow": ["cerveja de gengibre"],
            "enable": ["style"]
        }]
    }))
    .unwrap()
}

fn main() {
    let t = Instant::now();
    let builtin = Engine::builtin();
    println!(
        "{:<52} {:>17.2?}   (once: lexicons compiled on first use)",
        "engine construction, built-in (cold)",
        t.elapsed()
    );
    measure("built-in lexicon compile (parse + trie)", 30, || {
        black_box(conforma_core::bench::compile_builtin());
    });
    let config = custom_config();
    measure("Engine::new with a 305-term custom pack", 100, || {
        black_box(Engine::new(&config).unwrap());
    });
    let custom = Engine::new(&config).unwrap();

    let k1 = Message::outbound(text_of(1_000));
    let k64 = Message::outbound(text_of(64 * 1024));
    let short = Message::outbound("vamos tomar uma cerveja");
    println!(
        "1,000-char message: {} findings",
        custom.check(&k1).unwrap().len()
    );
    measure("check 23 chars, built-in", 20_000, || {
        black_box(builtin.check(&short).unwrap());
    });
    measure("check 1,000 chars, built-in", 5_000, || {
        black_box(builtin.check(&k1).unwrap());
    });
    measure(
        "check 1,000 chars, built-in + custom pack + style",
        5_000,
        || {
            black_box(custom.check(&k1).unwrap());
        },
    );
    measure("check 64 KiB, built-in + custom pack + style", 200, || {
        black_box(custom.check(&k64).unwrap());
    });
    let clean64 = Message::outbound(repeat_to(CLEAN, 64 * 1024));
    measure("check 64 KiB without findings, built-in", 200, || {
        black_box(builtin.check(&clean64).unwrap());
    });
    // Worst case for the trie walk: a pack term of the maximum length made
    // of one short word repeated, and a text that repeats that word, so every
    // word start walks the whole term.
    let worst: String = vec!["ab"; 33].join(" ");
    let adversarial = Engine::new(
        &serde_json::from_value(serde_json::json!({
            "packs": [{"name": "worst", "topics": [{"id": "worst", "terms": [worst]}]}]
        }))
        .unwrap(),
    )
    .unwrap();
    let repeated = Message::outbound(repeat_to("ab ", 64 * 1024));
    measure(
        "check 64 KiB, adversarial pack (worst-case walk)",
        100,
        || {
            black_box(adversarial.check(&repeated).unwrap());
        },
    );
    // The size limit, full of findings: folding evidence into findings once
    // scanned every other finding (9 s for 650 KB of "cerveja e vinho").
    let dense = Message::outbound(repeat_to("cerveja e vinho 🍺 CPF 529.982.247-25 ", 1 << 20));
    measure("check 1 MiB dense with findings, built-in", 10, || {
        black_box(builtin.check(&dense).unwrap());
    });
    // Spelled-out runs between plain matches: their inner matches come out
    // of order (an insertion sort of them took 22 s per MiB).
    let spelled = Message::outbound(repeat_to("p e r i c o y m o t a cerveja ", 1 << 20));
    measure(
        "check 1 MiB of spelled runs between matches, built-in",
        10,
        || {
            black_box(builtin.check(&spelled).unwrap());
        },
    );
    measure("normalize only, 1,000 chars", 5_000, || {
        black_box(conforma_core::bench::normalize(&k1.text));
    });
    measure("content detectors only, 1,000 chars", 5_000, || {
        black_box(conforma_core::bench::content(&k1.text));
    });
    let normalized = conforma_core::bench::normalized(&k1.text);
    measure("trie walk only, 1,000 chars (normalized)", 5_000, || {
        black_box(conforma_core::bench::lexicon_only(&normalized));
    });
    measure("sensitive-data detectors only, 1,000 chars", 5_000, || {
        black_box(conforma_core::bench::pii(&k1.text));
    });
}
