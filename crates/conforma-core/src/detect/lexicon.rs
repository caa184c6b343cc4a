//! Lexicons as data: the entries and the trie they compile into, searched
//! from word starts (see [`super::trie`]). The built-in files are parsed and
//! normalized at build time (see [`super::lexfile`]); custom packs add
//! theirs here.
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
//! - `neg`: context that cancels a `weak` entry nearby ("ração" near "cães"),
//!   unless it is the only one and three words of the category's own
//!   context converge on the entry ("plano" among "solteras", "presentamos",
//!   "citas"; two for a construction, see `group=`);
//!   in `allow.txt`, a negated offer ("não vend*", "does not carry") that
//!   cancels the commerce matches it governs within a few words: after it up
//!   to a sentence end or a contrast ("mas", "pero", "but"), or before it
//!   with no punctuation between ("cerveja a gente não vende"). A negated
//!   match is no evidence for other matches either;
//! - `warning`: a phrase that frames its surroundings as a warning to the
//!   customer ("golpistas", "beware of"): it cancels the commerce matches (of
//!   its category, or of every commerce category in `allow.txt`) in its own
//!   sentence and the sentences on either side, within a bounded reach;
//! - `shade` / `shaded`: a word that makes the commerce word right after it
//!   (`shade`: "cor vinho", "sabor whisky", "tono tabaco") or right before it
//!   (`shaded`: "whisky-colored", "wine red") the name of a colour, flavour or
//!   scent, not the thing: that commerce match (of the file's category, or
//!   of any in `allow.txt`) does not fire;
//!   With `reach=list`, a plural shade names every item of its list, items
//!   of one or two words joined by commas or conjunctions ("nas cores
//!   areia, tabaco e conhaque", "rust, whiskey and tobacco shades");
//! - `allow`: a phrase in which the category's entries never fire ("cor vinho");
//! - `sale`, `price`, `offer`: commercial cues (in `cues.txt`).
//!
//! `group=NAME` narrows context for constructions: a `ctx` entry in a group
//! completes only the `weak`/`faint` entries of that group (group names are
//! local to a file). A grouped `weak` is still completed by ungrouped
//! context. So "dívida" (`group=exposure`) completes "expor" but not
//! "ligar": "vamos ligar sobre a dívida" is a reminder, not a threat. A
//! grouped `faint` is one half of a construction: only its own group
//! completes it, and it completes only its own group ("se não pagar" needs
//! leverage such as "seus vizinhos" in `demand`; it does not complete "vamos
//! ligar", nor does "sua família" complete it). A grouped `neg` cancels
//! only its group's matches: school words ("curso", "Detran") mark a real
//! certificate, not a course page's bought "five-star reviews".

use super::lexfile;
use super::trie::{Patterns, Trie};
use crate::model::{Category, Severity};
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
    Warning,
    /// Names a colour after the next word ("cor vinho").
    Shade,
    /// Names a colour after the previous word ("whisky-colored").
    Shaded,
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
    /// Context group within the target (0: none). A grouped `ctx` completes
    /// only `weak`/`faint` entries of its group; see the module docs.
    pub group: u8,
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
        CatConf::from(lexfile::Settings::default())
    }
}

impl From<lexfile::Settings> for CatConf {
    fn from(s: lexfile::Settings) -> Self {
        // Cue class `i` of the file format is bit `1 << i`, as in [`Cue`].
        CatConf {
            cues: s.cues,
            window: usize::from(s.window),
        }
    }
}

/// Patterns and their entries, ready to compile.
#[derive(Debug, Clone, Default)]
pub(crate) struct Builder {
    patterns: Patterns,
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
        self.patterns.push(base.as_bytes());
        self.entries.push(entry);
        true
    }

    /// Loads the compact built-in lexicon written by `build.rs`: patterns
    /// already normalized and sorted, so nothing is parsed, normalized or
    /// sorted here. Returns the settings of each file's target too; `None`
    /// if the data is malformed or names an unknown category.
    pub(crate) fn load(data: &[u8]) -> Option<(Builder, Vec<(Target, CatConf)>)> {
        let (files, body) = lexfile::decode(data)?;
        let mut conf = Vec::with_capacity(files.len());
        for (id, settings) in files {
            let target = if id.is_empty() {
                Target::All
            } else {
                Target::Cat(Category::from_id(id)?)
            };
            conf.push((target, CatConf::from(settings)));
        }
        let (n, bytes) = lexfile::sizes(body)?;
        let mut b = Builder {
            patterns: Patterns::with_capacity(n, bytes),
            entries: Vec::with_capacity(n),
        };
        let mut ok = true;
        lexfile::for_each_entry(body, |target, flags, group, shared, suffix| {
            let entry = conf.get(usize::from(target)).and_then(|&(target, _)| {
                Some(Entry {
                    target,
                    kind: kind_of(flags & lexfile::KIND_MASK)?,
                    prefix: flags & lexfile::PREFIX != 0,
                    severity: match flags >> lexfile::SEVERITY_SHIFT {
                        0 => None,
                        1 => Some(Severity::Info),
                        2 => Some(Severity::Warn),
                        _ => Some(Severity::Block),
                    },
                    group,
                })
            });
            match entry {
                Some(e) => {
                    b.patterns.push_after_last(shared, suffix);
                    b.entries.push(e);
                }
                None => ok = false,
            }
        })?;
        ok.then_some((b, conf))
    }

    /// Whether no pattern was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.patterns.len() == 0
    }

    /// Appends another builder's patterns.
    pub(crate) fn extend(&mut self, other: Builder) {
        self.patterns.extend(&other.patterns);
        self.entries.extend(other.entries);
    }

    /// Compiles the trie; `None` when there is nothing to match.
    pub(crate) fn build(self) -> Option<Matcher> {
        if self.is_empty() {
            return None;
        }
        Some(Matcher {
            trie: Trie::new(&self.patterns),
            entries: self.entries,
        })
    }
}

/// The kind with code `code` in the file format ([`lexfile::KINDS`]).
fn kind_of(code: u8) -> Option<Kind> {
    Some(match code {
        0 => Kind::Term,
        1 => Kind::Weak,
        2 => Kind::Faint,
        3 => Kind::Ctx,
        4 => Kind::Neg,
        5 => Kind::Allow,
        6 => Kind::Cue(Cue::Sale),
        7 => Kind::Cue(Cue::Price),
        8 => Kind::Cue(Cue::Offer),
        9 => Kind::Warning,
        10 => Kind::Shade,
        11 => Kind::Shaded,
        _ => return None,
    })
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

/// Words that join entries in a spelled-out run (see [`Matcher::find_inside`]),
/// longest first: "and" before "a".
const CONNECTIVES: &[&[u8]] = &[
    b"and", b"or", b"ou", b"de", b"a", b"e", b"i", b"o", b"u", b"y",
];

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
                self.walk(text, i, None, out);
            }
            // On to the next boundary: past the rest of this word or number
            // (no match starts inside one), or past this one symbol.
            let kind = match KIND[usize::from(b)] {
                Kind8::Lead => Class::at(text, i).0.kind8(),
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
                        Some(Kind8::Lead) => {
                            let (class, len) = Class::at(text, i);
                            if class.kind8() != kind {
                                break;
                            }
                            i += len;
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

    /// The words hidden in spelled-out runs (`runs`, from
    /// `Normalized::spelled_runs`): "perico" and "mota" in
    /// "pericoymota". Every letter of such a run may start or end a word, so
    /// any entry could match by chance ("arma" in "farmacia", "meth" in
    /// "something"). The run counts only when it reads, left to right, as
    /// entries (going on after the longest at each step) with connectives
    /// before or between them ("perico·y·mota", "weed·and·carts"): not
    /// "tarifa" (no entry starts it), nor "bet·y·o·u" (connectives in a row).
    pub(crate) fn find_inside<'m>(
        &'m self,
        text: &str,
        runs: &[(usize, usize)],
        out: &mut Vec<Found<'m>>,
    ) {
        let bytes = text.as_bytes();
        let mut read: Vec<Found<'m>> = Vec::new();
        for &(a, z) in runs {
            read.clear();
            let (mut i, mut after_entry) = (a, false);
            while i < z {
                let step = read.len();
                self.walk(text, i, Some(z), &mut read);
                // Read on after the longest entry here (the trie reports
                // them shortest first).
                let longest = read.get(step..).and_then(|r| r.last()).map_or(0, |f| f.end);
                if longest > 0 {
                    (i, after_entry) = (longest, true);
                    continue;
                }
                let rest = bytes.get(i..z).unwrap_or(&[]);
                match CONNECTIVES.iter().find(|c| rest.starts_with(c)) {
                    Some(c) if after_entry || i == a => (i, after_entry) = (i + c.len(), false),
                    _ => break,
                }
            }
            if i == z && after_entry {
                // The whole run as one entry was found already.
                out.extend(read.iter().filter(|f| (f.start, f.end) != (a, z)));
            }
        }
    }

    /// Shortest entry read inside a spelled-out run, in normalized bytes.
    const MIN_INSIDE: usize = 4;

    /// The matches that start at `start`: a word boundary, or with `inside`
    /// (the end of a spelled-out run) any position in the run; then they
    /// end anywhere up to the run's end, need `MIN_INSIDE` bytes, and a
    /// prefix entry ends where its pattern does.
    fn walk<'m>(
        &'m self,
        text: &str,
        start: usize,
        inside: Option<usize>,
        out: &mut Vec<Found<'m>>,
    ) {
        self.trie.walk(text.as_bytes(), start, |id, end| {
            let Some(entry) = self.entries.get(id as usize) else {
                return;
            };
            if let Some(z) = inside {
                if end <= z && end - start >= Self::MIN_INSIDE {
                    out.push(Found { start, end, entry });
                }
            } else if entry.prefix {
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
            group: 0,
        }
    }

    /// Compiles `files` as `build.rs` does (parse, normalize, sort, encode).
    fn compact(files: &[(&str, &str)]) -> Vec<u8> {
        let mut targets = Vec::new();
        let mut entries = Vec::new();
        for (i, (id, text)) in files.iter().enumerate() {
            let (settings, lines, errors) = lexfile::parse(text);
            assert!(errors.is_empty(), "{errors:?}");
            targets.push((*id, settings));
            for l in lines {
                let flags = l.kind
                    | if l.prefix { lexfile::PREFIX } else { 0 }
                    | l.severity << lexfile::SEVERITY_SHIFT;
                entries.push((
                    Normalized::new(l.pattern).text().to_owned(),
                    i as u8,
                    flags,
                    l.group,
                ));
            }
        }
        lexfile::encode_entries(&targets, &mut entries).unwrap()
    }

    #[test]
    fn loads_the_compact_form() {
        let data = compact(&[
            ("", "sale vendo\nprice preço\noffer temos\nallow cor vinho\n"),
            (
                "alcohol",
                "#! cues=sale window=40\nterm CERVEJA* | lang=pt | sev=block\nweak vinho\nfaint gelada\nctx garrafa\nneg vinagre\n",
            ),
        ]);
        let (b, conf) = Builder::load(&data).unwrap();
        let alcohol = Target::Cat(Category::Alcohol);
        assert_eq!(
            conf,
            vec![
                (Target::All, CatConf::default()),
                (
                    alcohol,
                    CatConf {
                        cues: Cue::Sale as u8,
                        window: 40
                    }
                )
            ]
        );
        let m = b.build().unwrap();
        let mut found = Vec::new();
        let text = "cervejas vinho gelada garrafa vinagre vendo preco temos cor vinho";
        m.find(text, &mut found);
        let got: Vec<_> = found
            .iter()
            .map(|f| {
                (
                    &text[f.start..f.end],
                    f.entry.kind,
                    f.entry.target,
                    f.entry.prefix,
                    f.entry.severity,
                )
            })
            .collect();
        let all = Target::All;
        assert_eq!(
            got,
            vec![
                ("cervejas", Kind::Term, alcohol, true, Some(Severity::Block)),
                ("vinho", Kind::Weak, alcohol, false, None),
                ("gelada", Kind::Faint, alcohol, false, None),
                ("garrafa", Kind::Ctx, alcohol, false, None),
                ("vinagre", Kind::Neg, alcohol, false, None),
                ("vendo", Kind::Cue(Cue::Sale), all, false, None),
                ("preco", Kind::Cue(Cue::Price), all, false, None),
                ("temos", Kind::Cue(Cue::Offer), all, false, None),
                ("cor vinho", Kind::Allow, all, false, None),
                ("vinho", Kind::Weak, alcohol, false, None),
            ]
        );
    }

    #[test]
    fn builtin_data_is_the_source_files_normalized_at_run_time() {
        // What build.rs wrote equals what the run-time normalization makes of
        // the files now: same patterns, order, kinds and settings.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
        let texts: Vec<(&str, String)> = lexfile::FILES
            .iter()
            .map(|(file, id)| (*id, std::fs::read_to_string(dir.join(file)).unwrap()))
            .collect();
        let files: Vec<(&str, &str)> = texts.iter().map(|(id, t)| (*id, t.as_str())).collect();
        assert!(
            compact(&files) == super::super::LEXICON,
            "stale or different build output"
        );
        let (b, conf) = Builder::load(super::super::LEXICON).unwrap();
        assert_eq!(conf.len(), lexfile::FILES.len());
        let lines: usize = texts.iter().map(|(_, t)| lexfile::parse(t).1.len()).sum();
        assert!(lines > 1000);
        // An entry that another line already made (the same pattern once
        // normalized, kind, category and group) is compiled once.
        assert!(b.entries.len() <= lines && b.entries.len() > lines * 9 / 10);
        assert_eq!(b.patterns.len(), b.entries.len());
    }

    #[test]
    fn cue_classes_keep_their_bits() {
        let conf = |cues: &str| CatConf::from(lexfile::parse(&format!("#! cues={cues}\n")).0).cues;
        assert_eq!(conf("sale"), Cue::Sale as u8);
        assert_eq!(conf("price"), Cue::Price as u8);
        assert_eq!(conf("offer"), Cue::Offer as u8);
        assert_eq!(
            CatConf::default().cues,
            Cue::Sale as u8 | Cue::Price as u8 | Cue::Offer as u8
        );
        assert_eq!(CatConf::default().window, 80);
    }

    #[test]
    fn refuses_malformed_compact_data() {
        let data = compact(&[("alcohol", "term cerveja\n")]);
        assert!(Builder::load(&data).is_some());
        assert!(Builder::load(&data[..data.len() - 2]).is_none());
        assert!(Builder::load(&compact(&[("no_such_category", "term x\n")])).is_none());
        let mut bad_kind = data.clone();
        // One entry: target, flags, group, shared, "cerveja\n".
        let flags = bad_kind.len() - "cerveja\n".len() - 3;
        bad_kind[flags] = 15;
        assert!(Builder::load(&bad_kind).is_none());
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
