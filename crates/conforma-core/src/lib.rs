//! # conforma-core
//!
//! Conforma's compliance engine for business messaging on WhatsApp: it warns
//! *before* a message is sent, on the agent's own machine. Pure Rust, no wasm
//! dependencies: the npm package, the browser extension and the `conforma`
//! CLI are thin layers over this crate.
//!
//! ```
//! use conforma_core::{Engine, Message, Category};
//! let engine = Engine::builtin();
//! let findings = engine.check(&Message::outbound("CPF 529.982.247-25")).unwrap();
//! assert_eq!(findings[0].category, Category::PiiCpf);
//! assert_eq!((findings[0].start, findings[0].end), (4, 18));
//! ```
//!
//! Offsets are UTF-8 byte offsets into the original text.
//!
//! ## Content detection
//!
//! Outbound text is normalized (compatibility forms, case, accents,
//! Cyrillic/Greek look-alikes, zero-width characters, `w.h.i.s.k.y`,
//! `3st3r0id3s`, `cervejaaaa`, emoji stand-ins) and matched against the
//! lexicons in `data/lexicon/`, compiled into one trie. Ambiguous
//! words ("vinho", "filhotes", "pistola") fire only next to a sale, price or
//! category cue; allow-lists ("cor vinho", "glue gun") and negations
//! ("não vendemos") keep ordinary messages quiet. Custom [`Pack`]s add company
//! topics (`custom.<pack>.<topic>`), terms, allow-list entries and overrides.
//!
//! Speed: `cargo bench -p conforma-core` prints median and p95 timings
//! (construction, 1,000-character and 64 KiB checks).
// Cold code (parsing configuration, packs and logs) is built for size in the
// wasm: it runs once per engine, and the package has a size budget.
#![cfg_attr(conforma_size, feature(optimize_attribute))]

/// A [`model::Text`] from its pt-BR, es and en translations, joined at
/// compile time.
macro_rules! text {
    ($pt:literal, $es:literal, $en:literal $(,)?) => {
        $crate::model::Text::joined(concat!($pt, "\u{1f}", $es, "\u{1f}", $en))
    };
}

mod config;
mod context;
mod detect;
mod engine;
mod error;
mod inbound;
pub mod json;
mod model;
mod normalize;
mod pack;
mod pii;
pub mod rules;
mod swar;

/// Helpers shared by the unit tests.
#[cfg(test)]
pub(crate) mod testing {
    /// Steps a xorshift64 generator and returns the new state: generated
    /// test texts stay deterministic, so a failure reproduces.
    pub(crate) fn xorshift(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }
}

pub use config::{Config, RuleOverride};
pub use context::{BulkConfig, Holidays, SendLog, Surface, WeeklyHours};
pub use engine::{Engine, MAX_TEXT_BYTES};
pub use error::{Error, ErrorKind};
pub use model::{
    Category, CategoryGroup, Contact, Context, Direction, Finding, Lang, Locale, Message,
    OptInStatus, Severity, Span, Text,
};
pub use pack::{Pack, Topic, MAX_PACKS, MAX_TERMS, MAX_TERM_BYTES, MAX_TOPICS};

/// Hooks for `cargo bench -p conforma-core`; not part of the stable API.
#[doc(hidden)]
pub mod bench {
    /// Compiles the built-in lexicons from scratch; returns the pattern count.
    pub fn compile_builtin() -> usize {
        crate::detect::compile_builtin_uncached()
    }
    /// Runs the normalization pipeline; returns the normalized length.
    pub fn normalize(text: &str) -> usize {
        crate::normalize::Normalized::new(text).text().len()
    }
    /// Runs the content detectors alone (normalization, lexicon, rules).
    pub fn content(text: &str) -> usize {
        crate::detect::Detector::default().scan(text, false).len()
    }
    /// Normalizes `text` (for [`lexicon_only`]).
    pub fn normalized(text: &str) -> String {
        crate::normalize::Normalized::new(text).text().to_owned()
    }
    /// Runs the built-in lexicon matcher alone on already normalized text.
    pub fn lexicon_only(normalized: &str) -> usize {
        crate::detect::find_builtin(normalized)
    }
    /// Runs the sensitive-data detectors alone.
    pub fn pii(text: &str) -> usize {
        crate::pii::scan(text, crate::Locale::PtBr).len()
    }
}

/// The engine's version (the crate version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
