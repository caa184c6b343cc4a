//! Strips comments and unread fields from the lexicon files before they are
//! compiled in (`include_str!` from `OUT_DIR`): smaller binaries and wasm, same
//! line numbers, so lexicon errors still point at the right line of the source.

use std::path::Path;
use std::{env, fs};

fn main() {
    let src = Path::new("data/lexicon");
    println!("cargo:rerun-if-changed=data/lexicon");
    let Some(out) = env::var_os("OUT_DIR") else {
        return;
    };
    let out = Path::new(&out).join("lexicon");
    let _ = fs::create_dir_all(&out);
    let Ok(entries) = fs::read_dir(src) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        let (Some(name), Ok(text)) = (path.file_name(), fs::read_to_string(&path)) else {
            continue;
        };
        let stripped: Vec<String> = text
            .lines()
            .map(|line| {
                let t = line.trim();
                if t.starts_with('#') && !t.starts_with("#!") {
                    return String::new();
                }
                // Keep the pattern and the fields the engine reads at run time
                // (`sev=`); `note=` is for people and `lang=` is not read (yet):
                // together they were ~25 KB of the wasm's data.
                let mut parts = t.split('|').map(str::trim);
                let head = parts.next().unwrap_or("").to_owned();
                parts
                    .filter(|p| !p.is_empty() && !p.starts_with("note=") && !p.starts_with("lang="))
                    .fold(head, |acc, p| format!("{acc}|{p}"))
            })
            .collect();
        let _ = fs::write(out.join(name), stripped.join("\n"));
    }
}
