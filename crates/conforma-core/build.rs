//! Prepares the built-in lexicon at build time: parses `data/lexicon/*.txt`,
//! normalizes every pattern with the engine's own normalization code and
//! writes the entries, sorted by normalized pattern, in the compact form of
//! `src/detect/lexfile.rs` to `OUT_DIR/lexicon.bin` (compiled in with
//! `include_bytes!`). The first engine then only copies patterns into its
//! trie: parsing, normalizing and sorting ~4,000 patterns took most of its
//! construction time in wasm. A lexicon error fails the build with
//! `file:line: message`.

use std::path::Path;
use std::{env, fs, process};

/// The engine's normalization, compiled into this script unchanged.
#[allow(dead_code)]
#[path = "src/normalize/mod.rs"]
mod normalize;

/// The one item of the crate's model that `normalize` uses.
mod model {
    /// A byte range of the original text.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Span {
        pub start: usize,
        pub end: usize,
    }

    impl Span {
        pub const fn new(start: usize, end: usize) -> Span {
            Span { start, end }
        }
    }
}

/// The word-at-a-time helpers `normalize` uses.
#[allow(dead_code)]
#[path = "src/swar.rs"]
mod swar;

#[allow(dead_code)]
#[path = "src/detect/lexfile.rs"]
mod lexfile;

fn main() {
    if let Err(errors) = run() {
        for e in errors {
            eprintln!("error: {e}");
        }
        process::exit(1);
    }
}

fn run() -> Result<(), Vec<String>> {
    let dir = Path::new("data/lexicon");
    println!("cargo:rerun-if-changed=data/lexicon");
    // The output depends on the normalization code and the format too.
    println!("cargo:rerun-if-changed=src/normalize");
    println!("cargo:rerun-if-changed=src/detect/lexfile.rs");
    println!("cargo:rerun-if-changed=src/swar.rs");
    let out = env::var_os("OUT_DIR").ok_or_else(|| vec!["OUT_DIR is not set".to_owned()])?;

    // A file nobody listed would silently never match: refuse it.
    let listed = fs::read_dir(dir)
        .map_err(|e| vec![format!("{}: {e}", dir.display())])?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt") && !lexfile::FILES.iter().any(|(f, _)| f == name))
        .map(|name| format!("data/lexicon/{name}: not listed in FILES in crates/conforma-core/src/detect/lexfile.rs; add it with its category"))
        .collect::<Vec<_>>();
    if !listed.is_empty() {
        return Err(listed);
    }

    let mut errors = Vec::new();
    let mut targets = Vec::new();
    // (normalized pattern, target, flags, group), in file and line order.
    let mut entries: Vec<(String, u8, u8, u8)> = Vec::new();
    for (i, (file, id)) in lexfile::FILES.iter().enumerate() {
        let path = dir.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        let (settings, lines, errs) = lexfile::parse(&text);
        errors.extend(
            errs.into_iter()
                .map(|(n, m)| format!("{}:{n}: {m}", path.display())),
        );
        targets.push((*id, settings));
        let target = i as u8;
        for l in lines {
            let norm = normalize::Normalized::new(l.pattern);
            let pattern = norm.text().trim();
            if pattern.is_empty() {
                errors.push(format!(
                    "{}:{}: empty pattern ('{}' normalizes to nothing)",
                    path.display(),
                    l.line,
                    l.pattern
                ));
                continue;
            }
            let flags = l.kind
                | if l.prefix { lexfile::PREFIX } else { 0 }
                | l.severity << lexfile::SEVERITY_SHIFT;
            entries.push((pattern.to_owned(), target, flags, l.group));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let data = lexfile::encode_entries(&targets, &mut entries).map_err(|e| vec![e])?;
    fs::write(Path::new(&out).join("lexicon.bin"), data)
        .map_err(|e| vec![format!("writing lexicon.bin: {e}")])
}
