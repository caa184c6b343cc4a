//! Lexicons as data: parsing the line format and compiling the patterns
//! into one trie, searched from word starts (see [`super::trie`]).
//!
//! Line format (`data/lexicon/*.txt`), one entry per line:
//!
//! ```text
//! # comment
//! #! cues=sale,price,offer window=80        (file directive)
//! term  cerveja*   | lang=pt | sev=block | note=why
//! ```
//!
//! The first word is the kind, the rest up to `|` the pattern. A trailing
//! `*` matches any word ending ("cerveja*" matches "cervejas"). Patterns are
//! normalized like the text, so "shih tzu" also matches "shih-tzu".
//!
//! Kinds:
//! - `term`: fires by itself;
//! - `weak`: fires only near a cue, a `ctx` entry or another `weak` entry of
//!   the same category ("filhotes" + "vendo");
//! - `faint`: like `weak`, but commercial cues do not complete it, only `ctx`
//!   and other `weak`/`term` entries ("pó" needs "gramas", not just "R$");
//! - `ctx`: context that completes a `weak` entry; never fires alone;
//! - `neg`: context that cancels a `weak` entry nearby ("ração" near "cães");
//! - `allow`: a phrase in which the category's entries never fire ("cor vinho");
//! - `sale`, `price`, `offer`: commercial cues (in `cues.txt`).

use super::trie::Trie;
use crate::model::{Category, Lang, Severity};
use crate::normalize::{is_word, Normalized};

/// What an entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A built-in category (commerce, conduct, style slang).
    Cat(Category),
    /// A custom topic, by index in the engine's topic table.
    Topic(u16),
    /// Every category (global allow-list, cues).
    All,
}

/// The role of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Term,
    Weak,
    Faint,
    Ctx,
    Neg,
    Allow,
    Cue(Cue),
}

/// Classes of commercial cues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Sale verbs: vendo, vendemos, for sale.
    Sale = 1,
    /// Prices and payment: R$, preço, pix.
    Price = 2,
    /// Offer, stock and delivery: temos, pronta entrega, in stock.
    Offer = 4,
}

/// One compiled lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub target: Target,
    pub kind: Kind,
    /// Matches any word ending (no right word boundary).
    pub prefix: bool,
    /// Severity of this entry, replacing the rule default.
    pub severity: Option<Severity>,
    /// Language of the entry (metadata; all entries match every language).
    pub lang: Option<Lang>,
}

/// Per-category matching settings, from `#!` directives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CatConf {
    /// Bit set of [`Cue`] classes that complete a weak entry.
    pub cues: u8,
    /// How far (normalized bytes, each side) a weak entry looks for context.
    pub window: usize,
}

impl Default for CatConf {
    fn default() -> Self {
        CatConf {
            cues: Cue::Sale as u8 | Cue::Price as u8 | Cue::Offer as u8,
            window: 80,
        }
    }
}

/// A parse problem in one lexicon line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LineError {
    pub line: usize,
    pub message: String,
}

/// Patterns and their entries, ready to compile.
#[derive(Debug, Clone, Default)]
pub(crate) struct Builder {
    patterns: Vec<String>,
    entries: Vec<Entry>,
}

impl Builder {
    /// Adds `pattern` (raw, as written) with its entry.
    /// Returns `false` when the pattern normalizes to nothing.
    pub(crate) fn add(&mut self, pattern: &str, mut entry: Entry) -> bool {
        let (raw, prefix) = match pattern.trim().strip_suffix('*') {
            Some(p) => (p.trim_end(), true),
            None => (pattern.trim(), false),
        };
        entry.prefix = prefix;
        let norm = Normalized::new(raw);
        let base = norm.text().trim();
        if base.is_empty() {
            return false;
        }
        self.patterns.push(base.to_owned());
        self.entries.push(entry);
        true
    }

    /// Parses a lexicon file for `target`, returning its settings.
    pub(crate) fn parse(
        &mut self,
        target: Target,
        data: &str,
        errors: &mut Vec<LineError>,
    ) -> CatConf {
        let mut conf = CatConf::default();
        for (n, line) in data.lines().enumerate() {
            let line = line.trim();
            if let Some(directive) = line.strip_prefix("#!") {
                for kv in directive.split_whitespace() {
                    match kv.split_once('=') {
                        Some(("cues", v)) => {
                            conf.cues = v
                                .split(',')
                                .map(|c| match c {
                                    "sale" => Cue::Sale as u8,
                                    "price" => Cue::Price as u8,
                                    "offer" => Cue::Offer as u8,
                                    _ => 0,
                                })
                                .fold(0, |a, b| a | b);
                        }
                        Some(("window", v)) => {
                            conf.window = v.parse().unwrap_or(conf.window);
                        }
                        _ => errors.push(LineError {
                            line: n + 1,
                            message: format!("unknown directive '{kv}'"),
                        }),
                    }
                }
                continue;
            }
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('|');
            let head = parts.next().unwrap_or("").trim();
            let (kind, pattern) = head.split_once(char::is_whitespace).unwrap_or((head, ""));
            let kind = match kind {
                "term" => Kind::Term,
                "weak" => Kind::Weak,
                "faint" => Kind::Faint,
                "ctx" => Kind::Ctx,
                "neg" => Kind::Neg,
                "allow" => Kind::Allow,
                "sale" => Kind::Cue(Cue::Sale),
                "price" => Kind::Cue(Cue::Price),
                "offer" => Kind::Cue(Cue::Offer),
                other => {
                    errors.push(LineError {
                        line: n + 1,
                        message: format!("unknown kind '{other}'"),
                    });
                    continue;
                }
            };
            let mut entry = Entry {
                target,
                kind,
                prefix: false,
                severity: None,
                lang: None,
            };
            for meta in parts.filter(|m| !m.trim().is_empty()) {
                match meta.trim().split_once('=') {
                    Some(("lang", v)) => entry.lang = Lang::from_id(v.trim()),
                    Some(("sev", v)) => entry.severity = Severity::from_id(v.trim()),
                    Some(("note", _)) => {}
                    _ => errors.push(LineError {
                        line: n + 1,
                        message: format!("unknown field '{}'", meta.trim()),
                    }),
                }
            }
            // '*' ends a pattern; inside one it only masks letters ("f*ck").
            if pattern.trim_end().trim_end_matches('*').contains("* ") {
                errors.push(LineError {
                    line: n + 1,
                    message: "'*' inside a pattern is literal; write each word form out".to_owned(),
                });
                continue;
            }
            if !self.add(pattern, entry) {
                errors.push(LineError {
                    line: n + 1,
                    message: "empty pattern".to_owned(),
                });
            }
        }
        conf
    }

    /// Whether no pattern was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Appends another builder's patterns.
    pub(crate) fn extend(&mut self, other: Builder) {
        self.patterns.extend(other.patterns);
        self.entries.extend(other.entries);
    }

    /// Compiles the trie; `None` when there is nothing to match.
    pub(crate) fn build(self) -> Option<Matcher> {
        if self.patterns.is_empty() {
            return None;
        }
        Some(Matcher {
            trie: Trie::new(&self.patterns),
            entries: self.entries,
        })
    }
}

/// A compiled lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    trie: Trie,
    entries: Vec<Entry>,
}

/// One lexicon match in the normalized text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<'m> {
    pub start: usize,
    pub end: usize,
    pub entry: &'m Entry,
}

/// The kind of char a byte starts, for [`Matcher::find`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind8 {
    Other,
    Letter,
    Digit,
    /// Starts a non-ASCII char: decode it.
    Lead,
    /// Inside a non-ASCII char.
    Continuation,
}

static KIND: [Kind8; 256] = {
    let mut t = [Kind8::Other; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Kind8::Letter,
            b'0'..=b'9' => Kind8::Digit,
            0x80..=0xBF => Kind8::Continuation,
            0xC0..=0xFF => Kind8::Lead,
            _ => Kind8::Other,
        };
        b += 1;
    }
    t
};

/// What a character is, for word boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Other,
    Letter,
    Digit,
}

impl Class {
    /// The class of the char that starts at `text[i]` and its length.
    #[inline]
    fn at(text: &str, i: usize) -> (Class, usize) {
        match text.as_bytes().get(i) {
            Some(&b) if b.is_ascii() => (Class::of_ascii(b), 1),
            Some(_) => text
                .get(i..)
                .and_then(|r| r.chars().next())
                .map_or((Class::Other, 1), |c| (Class::of(c), c.len_utf8())),
            None => (Class::Other, 1),
        }
    }

    /// The class of the char that ends at `text[..i]`.
    #[inline]
    fn before(text: &str, i: usize) -> Class {
        match i.checked_sub(1).and_then(|j| text.as_bytes().get(j)) {
            Some(&b) if b.is_ascii() => Class::of_ascii(b),
            Some(_) => text
                .get(..i)
                .and_then(|r| r.chars().next_back())
                .map_or(Class::Other, Class::of),
            None => Class::Other,
        }
    }

    fn kind8(self) -> Kind8 {
        match self {
            Class::Letter => Kind8::Letter,
            Class::Digit => Kind8::Digit,
            Class::Other => Kind8::Other,
        }
    }

    #[inline]
    fn of_ascii(b: u8) -> Class {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            _ => Class::Other,
        }
    }

    fn of(c: char) -> Class {
        if !is_word(c) {
            Class::Other
        } else if c.is_numeric() {
            Class::Digit
        } else {
            Class::Letter
        }
    }

    /// Whether a word boundary lies between chars of classes `a` and `b`.
    /// Letters meeting digits count as one ("30mg", "5g"), so units and
    /// sizes match.
    #[inline]
    fn boundary(a: Class, b: Class) -> bool {
        a == Class::Other || b == Class::Other || a != b
    }
}

impl Matcher {
    /// Every match on word boundaries, pushed into `out` in order of start.
    pub(crate) fn find<'m>(&'m self, text: &str, out: &mut Vec<Found<'m>>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        // `i` is always on a boundary: where a word, a number or a symbol begins.
        while let Some(&b) = bytes.get(i) {
            if self.trie.starts_with(b) {
                self.walk(text, i, out);
            }
            // On to the next boundary: past the rest of this word or number
            // (no match starts inside one), or past this one symbol.
            let kind = match KIND[usize::from(b)] {
                Kind8::Lead => match Class::at(text, i).0 {
                    Class::Letter => Kind8::Letter,
                    Class::Digit => Kind8::Digit,
                    Class::Other => Kind8::Other,
                },
                k => k,
            };
            i += 1;
            if kind == Kind8::Letter || kind == Kind8::Digit {
                loop {
                    // ASCII bytes of the same kind, then decode a non-ASCII char.
                    let run = bytes
                        .get(i..)
                        .unwrap_or(&[])
                        .iter()
                        .position(|&c| KIND[usize::from(c)] != kind)
                        .unwrap_or(bytes.len().saturating_sub(i));
                    i += run;
                    match bytes.get(i).map(|&c| KIND[usize::from(c)]) {
                        Some(Kind8::Continuation) => i += 1,
                        Some(Kind8::Lead) if Class::kind8(Class::at(text, i).0) == kind => {
                            i += Class::at(text, i).1;
                        }
                        _ => break,
                    }
                }
            } else {
                // Past the rest of a non-ASCII symbol.
                while bytes
                    .get(i)
                    .is_some_and(|&c| KIND[usize::from(c)] == Kind8::Continuation)
                {
                    i += 1;
                }
            }
        }
    }

    /// The matches that start at `start` (a word boundary).
    fn walk<'m>(&'m self, text: &str, start: usize, out: &mut Vec<Found<'m>>) {
        self.trie.walk(text.as_bytes(), start, |id, end| {
            let Some(entry) = self.entries.get(id as usize) else {
                return;
            };
            if entry.prefix {
                // A prefix entry covers the whole word it starts ("cervejas").
                let end = text
                    .get(end..)
                    .and_then(|rest| rest.char_indices().find(|&(_, c)| !is_word(c)))
                    .map_or(text.len(), |(k, _)| end + k);
                out.push(Found { start, end, entry });
            } else if Class::boundary(Class::before(text, end), Class::at(text, end).0) {
                out.push(Found { start, end, entry });
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: Kind) -> Entry {
        Entry {
            target: Target::Cat(Category::Alcohol),
            kind,
            prefix: false,
            severity: None,
            lang: None,
        }
    }

    #[test]
    fn parses_lines_and_reports_errors() {
        let mut b = Builder::default();
        let mut errors = Vec::new();
        let conf = b.parse(
            Target::Cat(Category::Alcohol),
            "#! cues=sale window=40\n# c\nterm cerveja* | lang=pt | sev=block\nweak vinho\nbogus x\nterm \n",
            &mut errors,
        );
        assert_eq!(conf.cues, Cue::Sale as u8);
        assert_eq!(conf.window, 40);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(errors[0].line, 5);
        let m = b.build().unwrap();
        let mut found = Vec::new();
        m.find("cervejas e vinho, vinhos", &mut found);
        let words: Vec<_> = found
            .iter()
            .map(|f| (f.start, f.end, f.entry.kind))
            .collect();
        assert_eq!(words, vec![(0, 8, Kind::Term), (11, 16, Kind::Weak)]);
        assert_eq!(found[0].entry.severity, Some(Severity::Block));
        assert_eq!(found[0].entry.lang, Some(Lang::Pt));
    }

    #[test]
    fn multiword_patterns_match_spacing_variants() {
        let mut b = Builder::default();
        assert!(b.add("shih tzu", entry(Kind::Weak)));
        let m = b.build().unwrap();
        for t in ["shih tzu", "shih-tzu", "Shih_Tzu"] {
            let mut found = Vec::new();
            m.find(Normalized::new(t).text(), &mut found);
            assert_eq!(found.len(), 1, "{t}");
        }
    }

    #[test]
    fn respects_word_boundaries() {
        let mut b = Builder::default();
        b.add("arma", entry(Kind::Weak));
        b.add("🍺", entry(Kind::Weak));
        let m = b.build().unwrap();
        let mut found = Vec::new();
        m.find("armazenamento desarmado", &mut found);
        assert!(found.is_empty());
        m.find("2arma", &mut found);
        assert_eq!(found.len(), 1);
        found.clear();
        m.find("cerveja🍺arma", &mut found);
        assert_eq!(found.len(), 2);
    }
}
