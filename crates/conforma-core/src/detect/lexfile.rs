//! Lexicon files: the text format people edit and the compact form compiled
//! into the engine.
//!
//! `build.rs` includes this file (it uses only `std`): it [`parse`]s
//! `data/lexicon/*.txt`, normalizes every pattern with the engine's own
//! normalization and [`encode`]s the entries grouped by target and kind. At
//! run time [`decode`] and [`for_each_entry`] read them back with nothing
//! left to parse or normalize: in wasm that work took most of the first
//! engine construction. A lexicon error fails the build with `file:line`.
//!
//! Compact form (little-endian), front-coded and in columns (it compresses
//! best that way in the gzipped wasm): sorted patterns share long prefixes,
//! so each stores only how many bytes it shares with the previous one and
//! the bytes that follow.
//!
//! ```text
//! u8 targets; per target: u8 id length, id (category id, "" = every
//!     category), u8 cues, u16 window
//! u32 entries n, u32 pattern bytes in all
//! u16 groups; per group: u8 target × 12 + kind, u8 prefix | severity << 1
//!     | group << 3, u16 entries
//! n × u8 shared; n × (suffix, b'\n')
//! ```
//!
//! Entries go group by group, and by pattern within a group: the group's
//! fields are stored once, not once per entry.

/// Lexicon files and their targets (a category id, or "" for every
/// category), in the order the engine reads them: entries with equal
/// patterns keep this order. `build.rs` refuses a file not listed here.
pub(crate) const FILES: &[(&str, &str)] = &[
    ("cues.txt", ""),
    ("allow.txt", ""),
    ("drugs.txt", "drugs"),
    ("medicine.txt", "medicine"),
    ("alcohol.txt", "alcohol"),
    ("tobacco.txt", "tobacco"),
    ("weapons.txt", "weapons"),
    ("gambling.txt", "gambling"),
    ("adult.txt", "adult"),
    ("dating.txt", "dating"),
    ("animals.txt", "animals"),
    ("fraud.txt", "fraud"),
    ("currency_exchange.txt", "currency_exchange"),
    ("threat.txt", "threat"),
    ("harassment.txt", "harassment"),
    ("style_slang.txt", "style"),
];

/// Kind names, by code (`flags & KIND_MASK`).
pub(crate) const KINDS: [&str; 12] = [
    "term", "weak", "faint", "ctx", "neg", "allow", "sale", "price", "offer", "warning", "shade",
    "shaded",
];

/// Severity names; code `i + 1` (0: the rule's default).
pub(crate) const SEVERITIES: [&str; 3] = ["info", "warn", "block"];

/// Commercial cue classes; class `i` is bit `1 << i` of a cue set.
pub(crate) const CUES: [&str; 3] = ["sale", "price", "offer"];

/// Cue classes that complete a weak entry when a file does not say (all).
pub(crate) const DEFAULT_CUES: u8 = 0b111;
/// How far a weak entry looks for context when a file does not say.
pub(crate) const DEFAULT_WINDOW: u16 = 80;

/// Bits of an entry's flags byte.
pub(crate) const KIND_MASK: u8 = 0x0f;
/// The pattern ends in `*` (any word ending).
pub(crate) const PREFIX: u8 = 0x10;
/// Shift of the severity code.
pub(crate) const SEVERITY_SHIFT: u8 = 5;

/// A file's `#!` settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Settings {
    /// Bit set of cue classes.
    pub cues: u8,
    /// Context window, in normalized bytes each side.
    pub window: u16,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            cues: DEFAULT_CUES,
            window: DEFAULT_WINDOW,
        }
    }
}

/// One entry line of a lexicon file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub line: usize,
    /// Index in [`KINDS`].
    pub kind: u8,
    /// The pattern as written, without its trailing `*`.
    pub pattern: &'a str,
    /// Whether it ended in `*`.
    pub prefix: bool,
    /// Severity code (0: none).
    pub severity: u8,
    /// Context group code, numbered per file from 1 in order of first use
    /// (0: none).
    pub group: u8,
}

/// Parses a lexicon file; errors are `(line, message)`.
pub(crate) fn parse(text: &str) -> (Settings, Vec<Line<'_>>, Vec<(usize, String)>) {
    let mut settings = Settings::default();
    let mut lines = Vec::new();
    let mut errors = Vec::new();
    // Group names in order of first use, with the line of that use and
    // whether a ctx entry and a weak/faint entry use them.
    let mut groups: Vec<(&str, usize, bool, bool)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        let line = line.trim();
        if let Some(directive) = line.strip_prefix("#!") {
            for kv in directive.split_whitespace() {
                match kv.split_once('=') {
                    Some(("cues", v)) => {
                        settings.cues = 0;
                        for c in v.split(',').filter(|c| !c.is_empty()) {
                            match CUES.iter().position(|k| *k == c) {
                                Some(i) => settings.cues |= 1 << i,
                                None => errors.push((
                                    n,
                                    format!("unknown cue class '{c}' (known: sale, price, offer)"),
                                )),
                            }
                        }
                    }
                    Some(("window", v)) => match v.parse() {
                        Ok(w) => settings.window = w,
                        Err(_) => errors.push((
                            n,
                            format!("bad window '{v}': a number of bytes up to 65535"),
                        )),
                    },
                    _ => errors.push((n, format!("unknown directive '{kv}'"))),
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
        let Some(kind) = KINDS.iter().position(|k| *k == kind) else {
            errors.push((n, format!("unknown kind '{kind}'")));
            continue;
        };
        let mut severity = 0;
        let mut group = 0;
        for meta in parts.map(str::trim).filter(|m| !m.is_empty()) {
            match meta.split_once('=').map(|(k, v)| (k.trim(), v.trim())) {
                Some(("sev", v)) => match SEVERITIES.iter().position(|s| *s == v) {
                    Some(i) => severity = i as u8 + 1,
                    None => errors.push((
                        n,
                        format!("unknown severity '{v}' (known: info, warn, block)"),
                    )),
                },
                Some(("group", v)) if !v.is_empty() => {
                    let name = KINDS.get(kind).copied().unwrap_or_default();
                    let (ctx, weak) = (name == "ctx", matches!(name, "weak" | "faint"));
                    // A grouped neg cancels only its group's matches; it
                    // joins a group the other entries make.
                    if !ctx && !weak && name != "neg" {
                        errors.push((
                            n,
                            "group= applies to weak, faint, ctx and neg entries".to_owned(),
                        ));
                        continue;
                    }
                    let i = match groups.iter().position(|g| g.0 == v) {
                        Some(i) => i,
                        None => {
                            groups.push((v, n, false, false));
                            groups.len() - 1
                        }
                    };
                    if let Some(g) = groups.get_mut(i) {
                        g.2 |= ctx;
                        g.3 |= weak;
                    }
                    match u8::try_from(i + 1) {
                        Ok(code) => group = code,
                        Err(_) => errors.push((n, "more than 255 groups in one file".to_owned())),
                    }
                }
                // A shade that names the items of a list ("nas cores areia,
                // tabaco e conhaque"); stored as group 1, which shades do not use.
                Some(("reach", "list")) => {
                    if matches!(KINDS.get(kind).copied(), Some("shade" | "shaded")) {
                        group = 1;
                    } else {
                        errors.push((
                            n,
                            "reach=list applies to shade and shaded entries".to_owned(),
                        ));
                    }
                }
                // `lang=` and `note=` are for people (and future tooling).
                Some(("lang" | "note", _)) => {}
                _ => errors.push((n, format!("unknown field '{meta}'"))),
            }
        }
        let pattern = pattern.trim();
        let (pattern, prefix) = match pattern.strip_suffix('*') {
            Some(p) => (p.trim_end(), true),
            None => (pattern, false),
        };
        // '*' ends a pattern; inside one it only masks letters ("f*ck").
        if pattern.contains("* ") {
            errors.push((
                n,
                "'*' inside a pattern is literal; write each word form out".to_owned(),
            ));
            continue;
        }
        if pattern.is_empty() {
            errors.push((n, "empty pattern".to_owned()));
            continue;
        }
        lines.push(Line {
            line: n,
            kind: kind as u8,
            pattern,
            prefix,
            severity,
            group,
        });
    }
    // A group that only one side uses is a typo: its weak entries would
    // never fire, or its ctx entries never complete anything.
    for (name, n, ctx, weak) in groups {
        if !(ctx && weak) {
            let missing = if ctx { "weak or faint" } else { "ctx" };
            errors.push((
                n,
                format!("group '{name}' has no {missing} entry in this file"),
            ));
        }
    }
    errors.sort_by_key(|e| e.0);
    (settings, lines, errors)
}

/// One entry of the compact form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record<'a> {
    /// Index in the target table.
    pub target: u8,
    /// Kind, prefix and severity (see [`KIND_MASK`], [`PREFIX`], [`SEVERITY_SHIFT`]).
    pub flags: u8,
    /// Context group (0: none), as in [`Line::group`].
    pub group: u8,
    /// The normalized pattern.
    pub pattern: &'a [u8],
}

/// Sorts `(normalized pattern, target, flags, group)` entries by pattern,
/// which the duplicate and [`covered`] checks need, drops the entries they
/// find and encodes the rest with the target table. Equal patterns of
/// different files keep file order (groups go by target first).
pub(crate) fn encode_entries(
    targets: &[(&str, Settings)],
    entries: &mut [(String, u8, u8, u8)],
) -> Result<Vec<u8>, String> {
    entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let records: Vec<Record<'_>> = entries
        .iter()
        // The same entry twice ("casa de câmbio" and "casa de cambio" once
        // normalized) would only match twice: keep the first.
        .enumerate()
        .filter(|&(i, e)| {
            !entries
                .get(..i)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take_while(|d| d.0 == e.0)
                .any(|d| d == e)
        })
        .map(|(_, e)| e)
        .filter(|e| !covered(entries, e))
        .map(|(p, target, flags, group)| Record {
            target: *target,
            flags: *flags,
            group: *group,
            pattern: p.as_bytes(),
        })
        .collect();
    encode(targets, &records)
}

/// Whether a prefix entry of the same file, kind and group already matches
/// every word `e` matches, over the same span ("não vend*" covers "não
/// vendemos"): `e` would only match twice. Terms and weak words are kept,
/// since inside a spelled-out run a prefix entry ends where its pattern
/// does ("c e r v e j a s" reads as "cervejas", not "cerveja*").
fn covered(sorted: &[(String, u8, u8, u8)], e: &(String, u8, u8, u8)) -> bool {
    let (p, target, flags, group) = e;
    if matches!(flags & KIND_MASK, 0..=2) {
        return false;
    }
    // Only heads that end inside the last word: the rest is word bytes.
    let last_word = p
        .bytes()
        .rposition(|c| !c.is_ascii_alphanumeric())
        .map_or(0, |i| i + 1);
    (last_word.max(1)..p.len()).any(|n| {
        let head = p.as_bytes().get(..n).unwrap_or_default();
        sorted
            .get(sorted.partition_point(|d| d.0.as_bytes() < head)..)
            .unwrap_or(&[])
            .iter()
            .take_while(|d| d.0.as_bytes() == head)
            .any(|d| {
                d.1 == *target
                    && d.3 == *group
                    && d.2 & PREFIX != 0
                    && d.2 | PREFIX == flags | PREFIX
            })
    })
}

/// Encodes the target table and the entries, grouped by target, kind and
/// flags, by pattern within a group (any input order gives the same
/// bytes). A group is stored once instead of a byte per entry, which saves
/// ~1.5 KB of the gzipped wasm more than the front coding loses at group
/// edges; the trie sorts the patterns anyway. `Err` names what does not
/// fit the format.
pub(crate) fn encode(
    targets: &[(&str, Settings)],
    records: &[Record<'_>],
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    out.push(u8::try_from(targets.len()).map_err(|_| "more than 255 lexicon files".to_owned())?);
    for (id, s) in targets {
        out.push(u8::try_from(id.len()).map_err(|_| format!("target id '{id}' too long"))?);
        out.extend_from_slice(id.as_bytes());
        out.push(s.cues);
        out.extend_from_slice(&s.window.to_le_bytes());
    }
    let n = u32::try_from(records.len()).map_err(|_| "too many entries".to_owned())?;
    out.extend_from_slice(&n.to_le_bytes());
    let total: usize = records.iter().map(|r| r.pattern.len()).sum();
    let total = u32::try_from(total).map_err(|_| "patterns too long".to_owned())?;
    out.extend_from_slice(&total.to_le_bytes());
    let mut keyed = Vec::with_capacity(records.len());
    for r in records {
        let kind = r.flags & KIND_MASK;
        let packed = usize::from(r.target) * KINDS.len() + usize::from(kind);
        let tk = u8::try_from(packed)
            .ok()
            .filter(|_| usize::from(kind) < KINDS.len())
            .ok_or("too many lexicon files for the target × kind byte".to_owned())?;
        if r.group >= 32 {
            return Err("more than 31 groups in a lexicon file".to_owned());
        }
        if r.pattern.contains(&b'\n') {
            return Err(format!(
                "pattern {:?} contains a line break",
                String::from_utf8_lossy(r.pattern)
            ));
        }
        let prefix = u8::from(r.flags & PREFIX != 0);
        let bits = prefix | (r.flags >> SEVERITY_SHIFT) << 1 | r.group << 3;
        keyed.push(((tk, bits), r.pattern));
    }
    // Stable: equal patterns of a group keep their order.
    keyed.sort();
    let mut groups: Vec<((u8, u8), u16)> = Vec::new();
    for (key, _) in &keyed {
        match groups.last_mut() {
            Some((k, count)) if k == key && *count < u16::MAX => *count += 1,
            _ => groups.push((*key, 1)),
        }
    }
    let g = u16::try_from(groups.len()).map_err(|_| "too many entry groups".to_owned())?;
    out.extend_from_slice(&g.to_le_bytes());
    for ((tk, bits), count) in &groups {
        out.push(*tk);
        out.push(*bits);
        out.extend_from_slice(&count.to_le_bytes());
    }
    let mut prev: &[u8] = &[];
    let mut suffixes = Vec::new();
    for (_, pattern) in &keyed {
        let shared = prev
            .iter()
            .zip(*pattern)
            .take_while(|(a, b)| a == b)
            .count()
            .min(255);
        out.push(shared as u8);
        suffixes.extend_from_slice(pattern.get(shared..).unwrap_or(&[]));
        suffixes.push(b'\n');
        prev = pattern;
    }
    out.extend_from_slice(&suffixes);
    Ok(out)
}

/// The decoded target table: `(id, settings)` per target.
pub(crate) type Targets<'a> = Vec<(&'a str, Settings)>;

/// Decodes the target table; returns it with the encoded entries that
/// follow (for [`for_each_entry`]). `None` if `data` is malformed.
pub(crate) fn decode(data: &[u8]) -> Option<(Targets<'_>, &[u8])> {
    let (&n, mut rest) = data.split_first()?;
    let mut targets = Vec::with_capacity(usize::from(n));
    for _ in 0..n {
        let (&len, tail) = rest.split_first()?;
        let (id, tail) = tail.split_at_checked(usize::from(len))?;
        let (&[cues, w0, w1], tail) = tail.split_first_chunk::<3>()?;
        targets.push((
            std::str::from_utf8(id).ok()?,
            Settings {
                cues,
                window: u16::from_le_bytes([w0, w1]),
            },
        ));
        rest = tail;
    }
    Some((targets, rest))
}

/// The number of encoded entries and of their pattern bytes, to size the
/// buffers they go into.
pub(crate) fn sizes(data: &[u8]) -> Option<(usize, usize)> {
    let (&[a, b, c, d, e, f, g, h], _) = data.split_first_chunk::<8>()?;
    let n = usize::try_from(u32::from_le_bytes([a, b, c, d])).ok()?;
    let bytes = usize::try_from(u32::from_le_bytes([e, f, g, h])).ok()?;
    Some((n, bytes))
}

/// Calls `entry(target, flags, group, shared, suffix)` for every encoded entry in
/// order: its pattern is the previous one's first `shared` bytes followed
/// by `suffix`. `None` if `data` is malformed (then some entries may have
/// been passed already).
pub(crate) fn for_each_entry(
    data: &[u8],
    mut entry: impl FnMut(u8, u8, u8, usize, &[u8]),
) -> Option<()> {
    let (n, _) = sizes(data)?;
    let (&[g0, g1], rest) = data.get(8..)?.split_first_chunk::<2>()?;
    let (groups, rest) = rest.split_at_checked(4 * usize::from(u16::from_le_bytes([g0, g1])))?;
    let (shared, mut text) = rest.split_at_checked(n)?;
    let mut shared = shared.iter();
    // At most 12 kinds (`KINDS`), so the division is exact and cheap.
    let per = KINDS.len() as u8;
    for group in groups.chunks_exact(4) {
        let &[tk, b, c0, c1] = group else {
            return None;
        };
        let prefix = if b & 1 != 0 { PREFIX } else { 0 };
        let flags = (tk % per) | prefix | ((b >> 1) & 3) << SEVERITY_SHIFT;
        for _ in 0..u16::from_le_bytes([c0, c1]) {
            let end = text.iter().position(|&b| b == b'\n')?;
            let (suffix, tail) = text.split_at_checked(end)?;
            entry(
                tk / per,
                flags,
                b >> 3,
                usize::from(*shared.next()?),
                suffix,
            );
            text = tail.get(1..)?;
        }
    }
    (text.is_empty() && shared.next().is_none()).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reach_list_marks_shades_only() {
        let (_, lines, errors) =
            parse("shade cores | reach=list\nshaded scents | reach=list\nterm x | reach=list\n");
        assert_eq!(
            lines.iter().map(|l| l.group).collect::<Vec<_>>(),
            vec![1, 1, 0]
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].0, 3);
        assert!(
            errors[0].1.contains("reach=list applies to shade"),
            "{errors:?}"
        );
    }

    #[test]
    fn parses_lines_and_reports_errors_with_line_numbers() {
        let text = "#! cues=sale,offer window=40\n# c\nterm cerveja* | lang=pt | sev=block\nweak vinho | note=x\n\
                    bogus x\nterm \nterm a* b\nterm x | sev=loud\nterm y | colour=red\n#! speed=3\n";
        let (settings, lines, errors) = parse(text);
        assert_eq!(
            settings,
            Settings {
                cues: 0b101,
                window: 40
            }
        );
        let got: Vec<_> = lines
            .iter()
            .map(|l| (l.line, l.kind, l.pattern, l.prefix, l.severity))
            .collect();
        assert_eq!(
            got,
            vec![
                (3, 0, "cerveja", true, 3),
                (4, 1, "vinho", false, 0),
                (8, 0, "x", false, 0),
                (9, 0, "y", false, 0)
            ]
        );
        let at: Vec<usize> = errors.iter().map(|e| e.0).collect();
        assert_eq!(at, vec![5, 6, 7, 8, 9, 10], "{errors:?}");
        assert!(errors[0].1.contains("unknown kind 'bogus'"));
        assert!(errors[1].1.contains("empty pattern"));
        assert!(errors[2].1.contains("'*' inside"));
        assert!(errors[3].1.contains("unknown severity 'loud'"));
        assert!(errors[4].1.contains("unknown field"));
        assert!(errors[5].1.contains("unknown directive"));
    }

    #[test]
    fn groups_are_numbered_per_file_and_need_both_sides() {
        let text = "weak ligar | group=exposure\nctx dívida | group=exposure\nweak vazar\n\
                    faint pedigree | group=fixer\nctx tenho um contato | group=fixer\n\
                    ctx caloteiro | group=exposure\nneg curso | group=fixer\n";
        let (_, lines, errors) = parse(text);
        assert!(errors.is_empty(), "{errors:?}");
        let got: Vec<u8> = lines.iter().map(|l| l.group).collect();
        assert_eq!(got, vec![1, 1, 0, 2, 2, 1, 2]);

        let text =
            "weak a | group=only_weak\nctx b | group=only_ctx\nterm c | group=x\nneg d | group=\n";
        let (_, lines, errors) = parse(text);
        let at: Vec<usize> = errors.iter().map(|e| e.0).collect();
        assert_eq!(at, vec![1, 2, 3, 4], "{errors:?}");
        assert!(errors[0].1.contains("group 'only_weak' has no ctx entry"));
        assert!(errors[1]
            .1
            .contains("group 'only_ctx' has no weak or faint entry"));
        assert!(errors[2].1.contains("applies to weak, faint, ctx and neg"));
        assert!(errors[3].1.contains("unknown field"));
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn empty_cue_list_means_no_cues_and_defaults_apply() {
        assert_eq!(
            parse("#! cues= window=25\n").0,
            Settings {
                cues: 0,
                window: 25
            }
        );
        assert_eq!(parse("term x\n").0, Settings::default());
    }

    #[test]
    fn entries_a_prefix_entry_covers_are_dropped_but_terms_are_kept() {
        let targets = [("", Settings::default())];
        let neg = KINDS.iter().position(|k| *k == "neg").unwrap() as u8;
        let e = |p: &str, flags: u8| (p.to_owned(), 0u8, flags, 0u8);
        let mut entries = vec![
            e("nao vend", neg | PREFIX),
            e("nao vendemos", neg),
            // Another word after the prefix: not covered.
            e("nao vend mais", neg),
            // Terms stay: spelled-out runs read a prefix entry only to its end.
            e("cerveja", PREFIX),
            e("cervejas", 0),
        ];
        let data = encode_entries(&targets, &mut entries).unwrap();
        let (_, body) = decode(&data).unwrap();
        let mut got = Vec::new();
        let mut prev = Vec::new();
        for_each_entry(body, |_, _, _, shared, suffix| {
            prev.truncate(shared);
            prev.extend_from_slice(suffix);
            got.push(String::from_utf8(prev.clone()).unwrap());
        })
        .unwrap();
        got.sort();
        assert_eq!(got, ["cerveja", "cervejas", "nao vend", "nao vend mais"]);
    }

    #[test]
    fn encodes_and_decodes_front_coded_entries() {
        let targets = [
            ("", Settings::default()),
            (
                "alcohol",
                Settings {
                    cues: 1,
                    window: 300,
                },
            ),
        ];
        let pats: [&[u8]; 4] = [b"cerveja", b"cerveja", b"cervejaria", b"vinho"];
        let records: Vec<Record<'_>> = pats
            .iter()
            .enumerate()
            .map(|(i, p)| Record {
                target: (i % 2) as u8,
                // Every kind bit pattern used, prefix on and off, each severity.
                flags: (i * 3) as u8
                    | if i % 2 == 1 { PREFIX } else { 0 }
                    | ((i % 4) as u8) << SEVERITY_SHIFT,
                group: (i * 10) as u8,
                pattern: p,
            })
            .collect();
        let data = encode(&targets, &records).unwrap();
        let mut got: Vec<(u8, u8, u8, Vec<u8>)> = Vec::new();
        let mut prev = Vec::new();
        let (t, body) = decode(&data).unwrap();
        assert_eq!(sizes(body), Some((4, 29)));
        for_each_entry(body, |target, flags, group, shared, suffix| {
            prev.truncate(shared);
            prev.extend_from_slice(suffix);
            got.push((target, flags, group, prev.clone()));
        })
        .unwrap();
        assert_eq!(t, targets.to_vec());
        // Group by group (target and kind first), by pattern within one.
        let mut want: Vec<(u8, u8, u8, Vec<u8>)> = records
            .iter()
            .map(|r| (r.target, r.flags, r.group, r.pattern.to_vec()))
            .collect();
        want.sort_by_key(|(t, f, g, p)| (*t * 12 + (f & KIND_MASK), f & !KIND_MASK, *g, p.clone()));
        assert_eq!(got, want);
        // Any input order gives the same encoding.
        let reversed: Vec<Record<'_>> = records.iter().rev().cloned().collect();
        assert_eq!(encode(&targets, &reversed).unwrap(), data);
        // Fields that do not fit their packed bytes are refused, not truncated.
        let mut big = records[0].clone();
        big.group = 32;
        assert!(encode(&targets, &[big]).is_err());
        let mut many = records[0].clone();
        many.target = 22;
        assert!(encode(&targets, &[many]).is_err());
        // Truncated data is refused.
        assert!(for_each_entry(&body[..body.len() - 1], |_, _, _, _, _| {}).is_none());
        assert!(decode(&data[..5]).is_none());
        assert!(decode(&[]).is_none());
    }
}
