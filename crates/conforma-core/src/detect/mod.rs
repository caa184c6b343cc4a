//! Content detectors for outbound messages: prohibited commerce, conduct
//! towards the customer, company topics and brand voice.
//!
//! Lexicons are data files (`data/lexicon/`), parsed, normalized and sorted
//! at build time (`build.rs`, listed in [`lexfile::FILES`]) and compiled into
//! one trie on first use; an engine with custom packs builds one trie of the
//! built-in and pack patterns together in [`Engine::new`](crate::Engine::new),
//! so a check scans once however many packs there are.

// Parsing and encoding run in `build.rs` (and in tests).
#[cfg_attr(not(test), allow(dead_code))]
mod lexfile;
pub(crate) mod lexicon;
mod rules;
mod style;
mod trie;

pub(crate) use rules::{for_category, CUSTOM, RULES};

use crate::engine::Hit;
use crate::model::Span;
use crate::normalize::Normalized;
use crate::pack::CompiledPacks;
use lexicon::{Builder, CatConf, Found, Kind, Matcher, Target};
use std::sync::{Arc, LazyLock};

/// The built-in lexicon files, parsed, normalized and sorted by `build.rs`.
static LEXICON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// The built-in lexicon, compiled once per process.
struct Builtin {
    matcher: Option<Matcher>,
    /// The parsed patterns, kept so custom packs can compile one combined
    /// trie (one scan per check, however many packs).
    builder: Builder,
    conf: Vec<(Target, CatConf)>,
}

static BUILTIN: LazyLock<Builtin> = LazyLock::new(compile_builtin);

/// The built-in patterns, to extend with a custom pack's.
pub(crate) fn builtin_builder() -> Builder {
    BUILTIN.builder.clone()
}

/// Compiles the built-in lexicons again, bypassing the cache (benchmarks).
pub(crate) fn compile_builtin_uncached() -> usize {
    let b = compile_builtin();
    b.conf.len() + usize::from(b.matcher.is_some())
}

fn compile_builtin() -> Builtin {
    // `build.rs` wrote the data and the tests load it, so `None` (malformed
    // data) cannot happen in a tested build; it would mean no lexicon.
    let (builder, conf) = Builder::load(LEXICON).unwrap_or_default();
    let matcher = builder.clone().build();
    Builtin {
        matcher,
        builder,
        conf,
    }
}

/// The number of built-in lexicon matches in normalized text (benchmarks).
pub(crate) fn find_builtin(normalized: &str) -> usize {
    let mut found = Vec::new();
    if let Some(m) = BUILTIN.matcher.as_ref() {
        m.find(normalized, &mut found);
    }
    found.len()
}

/// Compiles the built-in lexicon now (it is otherwise compiled on first use).
pub(crate) fn warm_up() {
    LazyLock::force(&BUILTIN);
}

/// Compiled content detectors: the built-in lexicon plus custom packs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Detector {
    packs: Option<Arc<CompiledPacks>>,
}

impl Detector {
    /// A detector with custom packs.
    pub(crate) fn with_packs(packs: Option<Arc<CompiledPacks>>) -> Detector {
        Detector { packs }
    }

    /// The compiled custom packs, if any.
    pub(crate) fn packs(&self) -> Option<&CompiledPacks> {
        self.packs.as_deref()
    }

    fn conf(&self, target: Target) -> CatConf {
        BUILTIN
            .conf
            .iter()
            .find(|(t, _)| *t == target)
            .map(|(_, c)| *c)
            .unwrap_or_default()
    }

    /// Scans `text` for content problems; `style` runs the brand-voice checks
    /// (caps, "!!!"), which are off by default.
    pub(crate) fn scan(&self, text: &str, style: bool) -> Vec<Hit> {
        let norm = Normalized::new(text);
        let t = norm.text();
        let mut found: Vec<Found<'_>> = Vec::new();
        // Packs with terms carry one trie with the built-in patterns too.
        let matcher = self
            .packs
            .as_deref()
            .and_then(|p| p.matcher.as_ref())
            .or(BUILTIN.matcher.as_ref());
        if let Some(m) = matcher {
            m.find(t, &mut found);
            // Words hidden in a spelled-out run ("p e r i c o y m o t a").
            let runs = norm.spelled_runs();
            if !runs.is_empty() {
                let plain = found.len();
                m.find_inside(t, &runs, &mut found);
                // Appended out of order: sorted here, since the insertion
                // sort in `lexicon_hits` is quadratic on that (22 s for 1 MB
                // of spelled runs between plain matches). Stable: equal
                // spans keep the lexicon's order.
                if found.len() > plain {
                    found.sort_by_key(key);
                }
            }
        }
        let mut hits = self.lexicon_hits(text, &norm, &mut found);
        if style {
            style::scan(text, &mut hits);
        }
        hits
    }

    fn lexicon_hits(&self, text: &str, norm: &Normalized, found: &mut [Found<'_>]) -> Vec<Hit> {
        let t = norm.text();
        // Sorted by start, every look-around below is a binary search plus a
        // short scan, so a 64 KiB message full of matches stays linear-ish.
        // `find` pushes them by start already; only a prefix entry can end
        // after a longer match of the same start. Insertion sort is linear on
        // that (std's size-optimized sort in the wasm is a heapsort).
        for i in 1..found.len() {
            let mut j = i;
            while j > 0 && key(&found[j - 1]) > key(&found[j]) {
                found.swap(j - 1, j);
                j -= 1;
            }
        }
        let found: &[Found<'_>] = found;
        let longest = found.iter().map(|f| f.end - f.start).max().unwrap_or(0);
        let allows: Vec<Found<'_>> = found
            .iter()
            .filter(|f| f.entry.kind == Kind::Allow)
            .copied()
            .collect();
        let allowed = |f: &Found<'_>| {
            around(&allows, f.start.saturating_sub(longest), f.start)
                .iter()
                .any(|a| {
                    (a.entry.target == Target::All || a.entry.target == f.entry.target)
                        && f.end <= a.end
                        && (a.start, a.end) != (f.start, f.end)
                })
        };
        // What cancels a match, sorted out in one pass. An allow phrase covers
        // these too: "não vendemos para menores" is a legal notice next to an
        // offer, not a refusal to sell; "não é golpe" is no warning.
        let (mut negations, mut warnings, mut shades) = (Vec::new(), Vec::new(), Vec::new());
        for f in found {
            let list = match f.entry.kind {
                Kind::Neg if f.entry.target == Target::All => &mut negations,
                Kind::Warning => &mut warnings,
                Kind::Shade | Kind::Shaded => &mut shades,
                _ => continue,
            };
            if !allowed(f) {
                list.push(*f);
            }
        }
        // "Cerveja a gente não vende": a negated offer is no offer.
        let negated = |f: &Found<'_>| {
            around(
                &negations,
                f.start.saturating_sub(NEGATION_WINDOW + longest),
                f.end + NEGATION_WINDOW,
            )
            .iter()
            .any(|g| g.end + NEGATION_WINDOW >= f.start && in_scope(t, g, f))
        };
        // "Golpistas oferecem lucro garantido": a warning names the offer it
        // warns against. Sentence ends are only looked for when there is one.
        let ends = if warnings.is_empty() {
            Vec::new()
        } else {
            sentence_ends(t)
        };
        let warned = |f: &Found<'_>| {
            around(
                &warnings,
                f.start.saturating_sub(WARNING_REACH + longest),
                f.end + WARNING_REACH,
            )
            .iter()
            .any(|w| {
                (w.entry.target == f.entry.target
                    || (w.entry.target == Target::All && is_commerce(f.entry.target)))
                    && w.end + WARNING_REACH >= f.start
                    && sentences_apart(&ends, w.start.min(f.start), w.end.max(f.end)) <= 1
            })
        };
        // "Sofá cor whisky", "wine-red dress": a colour, not a drink. Only
        // the word right next to the shade word (a space, a hyphen, a quote
        // mark or none between: "whisky-colored", "colônia 'Tabaco'").
        // A list shade reaches every item of its list ("nas cores areia,
        // tabaco e conhaque", "rust, whiskey and tobacco shades").
        let next_to_shade = |f: &Found<'_>| {
            around(
                &shades,
                f.start.saturating_sub(longest + LIST_REACH),
                f.end + LIST_REACH,
            )
            .iter()
            .any(|s| {
                let list = s.entry.group != 0;
                (s.entry.target == Target::All || s.entry.target == f.entry.target)
                    && match s.entry.kind {
                        Kind::Shade => {
                            adjacent(t, s.end, f.start) || list && listed(t, s.end, f.start, true)
                        }
                        _ => {
                            adjacent(t, f.end, s.start) || list && listed(t, f.end, s.start, false)
                        }
                    }
            })
        };
        // What a shaded match contains is shaded too: "wine" in "braised in
        // red wine" is no drink offer either.
        let shaded_spans: Vec<(usize, usize)> = if shades.is_empty() {
            Vec::new()
        } else {
            found
                .iter()
                .filter(|f| is_commerce(f.entry.target) && next_to_shade(f))
                .map(|f| (f.start, f.end))
                .collect()
        };
        // A word shown to be a colour stays one further on: "in Whiskey
        // leather ... the Whiskey runs narrow", "black, ivory ... black and
        // ivory can be returned"; not what fills a container ("a bottle of
        // cognac", "uma dose de whisky"). Only the first few shaded words
        // are looked at: a bounded look-up per match however long the text.
        // In start order (as `found`) and no longer than `longest`: only the
        // spans starting in `[f.start - longest, f.start]` can contain `f`.
        let shaded = |f: &Found<'_>| {
            let from = shaded_spans.partition_point(|&(a, _)| a + longest < f.start);
            shaded_spans
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .take_while(|&&(a, _)| a <= f.start)
                .any(|&(_, b)| f.end <= b)
                || shaded_before(t, &shaded_spans, f.start, f.end)
        };
        // (match, evidence) pairs that fire.
        let mut fired: Vec<(Found<'_>, [Option<Found<'_>>; 2])> = Vec::new();
        for f in found {
            if !matches!(f.entry.kind, Kind::Term | Kind::Weak | Kind::Faint)
                || f.entry.target == Target::All
                || allowed(f)
            {
                continue;
            }
            if (is_commerce(f.entry.target) && (negated(f) || shaded(f))) || warned(f) {
                continue;
            }
            if f.entry.kind == Kind::Term {
                fired.push((*f, [None, None]));
                continue;
            }
            let conf = self.conf(f.entry.target);
            let window = around(
                found,
                f.start.saturating_sub(conf.window + longest),
                f.end + conf.window,
            );
            let near = |g: &Found<'_>| g.end + conf.window >= f.start;
            let word = t.get(f.start..f.end);
            let mut evidence = None;
            let mut cue = None;
            let mut faint_pair = None;
            let mut cancelled = false;
            // Distinct words of the category's own context around the match.
            let mut support: Vec<&str> = Vec::new();
            let mut negs: Vec<&str> = Vec::new();
            // A grouped faint entry is one half of a construction: only its
            // own group completes it, and it completes only its own group
            // ("se não pagar" needs leverage; "vamos ligar" is not that).
            let strict = f.entry.kind == Kind::Faint && f.entry.group != 0;
            // A negated word is no evidence either: in "não fazemos câmbio.
            // Para comprar euros, procure...", "câmbio" backs nothing.
            // Nor is a negated sales cue: "não trocamos moeda ... euros".
            let evidence_of = |g: &Found<'_>| {
                !((matches!(g.entry.kind, Kind::Cue(_))
                    || matches!(
                        g.entry.kind,
                        Kind::Ctx | Kind::Weak | Kind::Term | Kind::Faint
                    ) && is_commerce(g.entry.target))
                    && !negations.is_empty()
                    && negated(g))
            };
            for g in window
                .iter()
                .filter(|g| near(g) && !allowed(g) && evidence_of(g))
            {
                let same = g.entry.target == f.entry.target;
                let own = same
                    && (g.entry.group == f.entry.group
                        || !(strict || g.entry.kind == Kind::Faint && g.entry.group != 0));
                match g.entry.kind {
                    // Unless the negation is part of this category's own context
                    // ("examen" is autoescuela talk, "sin hacer el examen" is not).
                    // A grouped negation ("curso" for documents) spares the
                    // other constructions ("five-star reviews" on a course page).
                    Kind::Neg
                        if same
                            && (g.entry.group == 0 || g.entry.group == f.entry.group)
                            && !window.iter().any(|c| {
                                c.entry.kind == Kind::Ctx
                                    && c.entry.target == f.entry.target
                                    && c.start <= g.start
                                    && g.end <= c.end
                                    && c.end - c.start > g.end - g.start
                            }) =>
                    {
                        cancelled = true;
                        note_support(&mut negs, t.get(g.start..g.end));
                    }
                    Kind::Ctx
                        if same
                            && (!strict || g.entry.group == f.entry.group)
                            && (g.entry.group == 0 || g.entry.group == f.entry.group)
                            // May share words ("contact your" + "your employer"),
                            // but neither may contain the other.
                            && !(g.start <= f.start && f.end <= g.end)
                            && !(f.start <= g.start && g.end <= f.end) =>
                    {
                        evidence = evidence.or(Some(*g));
                        note_support(&mut support, t.get(g.start..g.end));
                    }
                    Kind::Weak | Kind::Term | Kind::Faint
                        if own
                            && (g.end <= f.start || g.start >= f.end)
                            && !same_word(t.get(g.start..g.end), word) =>
                    {
                        if f.entry.kind == Kind::Faint && g.entry.kind == Kind::Faint {
                            faint_pair = faint_pair.or(Some(*g));
                        } else {
                            evidence = evidence.or(Some(*g));
                        }
                        note_support(&mut support, t.get(g.start..g.end));
                    }
                    Kind::Cue(c) if conf.cues & c as u8 != 0 => cue = cue.or(Some(*g)),
                    _ => {}
                }
            }
            // A cue completes a weak entry, or two faint ones together ("molly and coke available").
            if f.entry.kind == Kind::Faint {
                evidence = evidence.or(cue.and(faint_pair));
            }
            let complete = evidence.is_some() || (f.entry.kind == Kind::Weak && cue.is_some());
            // A negation word nearby ("plano", "jantar") marks an innocent
            // use of an ambiguous word, unless it is the only one and three
            // or more words of the category's own context converge on the
            // match ("solteras", "presentamos", "citas"): then it is
            // incidental. Two negation words ("ONG", "adoção") still win. A
            // construction (a grouped faint half) is specific already: two
            // words of context are enough ("😏" and "bikini" beside "shipping").
            let converging = if strict { CONVERGING - 1 } else { CONVERGING };
            let cancelled = cancelled && (support.len() < converging || negs.len() > 1);
            // "Soy Andrés Mota", "Sr. Perico": an ambiguous word written as
            // a surname is a person, whatever the price talk around it.
            // Looked at last, for the few matches that would fire.
            if complete
                && !cancelled
                && !(is_commerce(f.entry.target) && surname(text, norm.original(f.start, f.end)))
            {
                fired.push((*f, [evidence, cue]));
            }
        }
        // Keep the longest of overlapping matches of one category ("vinho" inside "vinho tinto").
        fired.sort_by_key(|(f, _)| {
            (
                target_key(f.entry.target),
                f.start,
                std::cmp::Reverse(f.end),
            )
        });
        let mut kept: Vec<(Found<'_>, Vec<Span>)> = Vec::new();
        let mut last: Option<(Target, usize)> = None;
        for (f, evidence) in fired {
            if let Some((tg, end)) = last {
                if tg == f.entry.target && f.start < end {
                    continue;
                }
            }
            last = Some((f.entry.target, f.end));
            let mut spans = vec![norm.original(f.start, f.end)];
            for e in evidence.into_iter().flatten() {
                let s = norm.original(e.start, e.end);
                if !spans.contains(&s) {
                    spans.push(s);
                }
            }
            kept.push((f, spans));
        }
        // A weak or faint match (🍺, "gelada") next to a term of the same category is
        // evidence for that term, not a second warning: fold it in. `kept` is
        // sorted by (category, start) and its matches of one category do not
        // overlap, so ends ascend too and the host is found by binary search.
        let mut folded = vec![false; kept.len()];
        for i in 0..kept.len() {
            let Some((f, _)) = kept.get(i) else { break };
            if f.entry.kind == Kind::Term {
                continue;
            }
            let (tk, window) = (target_key(f.entry.target), self.conf(f.entry.target).window);
            let from = kept.partition_point(|(g, _)| {
                (target_key(g.entry.target), g.end + window) < (tk, f.start)
            });
            let host = kept.get(from..).and_then(|rest| {
                rest.iter()
                    .take_while(|(g, _)| {
                        target_key(g.entry.target) == tk && g.start <= f.end + window
                    })
                    .position(|(g, _)| g.entry.kind == Kind::Term)
            });
            let Some(j) = host.map(|p| from + p) else {
                continue;
            };
            let spans = kept.get_mut(i).map(|(_, s)| std::mem::take(s));
            if let (Some(spans), Some((_, target))) = (spans, kept.get_mut(j)) {
                for s in spans {
                    if !target.contains(&s) {
                        target.push(s);
                    }
                }
            }
            if let Some(x) = folded.get_mut(i) {
                *x = true;
            }
        }
        kept.into_iter()
            .zip(folded)
            .filter(|(_, folded)| !folded)
            .filter_map(|((f, spans), _)| self.hit(f, spans))
            .collect()
    }

    fn hit(&self, f: Found<'_>, spans: Vec<Span>) -> Option<Hit> {
        let mut hit = match f.entry.target {
            Target::Cat(c) => Hit::builtin(for_category(c)?, spans),
            Target::Topic(i) => {
                let mut h = Hit::builtin(&CUSTOM, spans);
                h.custom = Some(i);
                h
            }
            Target::All => return None,
        };
        hit.severity = f.entry.severity;
        Some(hit)
    }
}

/// The order of matches for look-arounds: by start, then end.
#[inline]
fn key(f: &Found<'_>) -> (usize, usize) {
    (f.start, f.end)
}

/// The matches of `sorted` (by start) that start within `[lo, hi]`.
fn around<'a, 'm>(sorted: &'a [Found<'m>], lo: usize, hi: usize) -> &'a [Found<'m>] {
    let from = sorted.partition_point(|f| f.start < lo);
    let to = sorted.partition_point(|f| f.start <= hi);
    sorted.get(from..to.max(from)).unwrap_or(&[])
}

/// How far (normalized bytes) a negation ("não vendemos") reaches.
const NEGATION_WINDOW: usize = 30;

/// Whether negation `neg` ("não vendemos") governs match `f`: its object
/// comes after it in the same clause, up to a contrast ("não fazemos
/// entrega, mas vendemos cerveja"), or right before it as a topic with no
/// punctuation between ("cerveja a gente não vende"), or a relative clause
/// ("o vinho, que não acompanha o kit"). "Cerveja R$ 7, não aceitamos
/// cartão" is an offer.
fn in_scope(t: &str, neg: &Found<'_>, f: &Found<'_>) -> bool {
    if neg.start < f.end && f.start < neg.end {
        return true;
    }
    let bytes = t.as_bytes();
    let forward = neg.end <= f.start;
    let (from, to) = if forward {
        (neg.end, f.start)
    } else {
        (f.end, neg.start)
    };
    let gap = bytes.get(from..to).unwrap_or(&[]);
    // Punctuation that closes a clause ("." not inside "1.500" or "w.h").
    let closes = gap.iter().enumerate().any(|(i, &b)| match b {
        b'!' | b'?' | b'\n' => true,
        b'.' => !bytes
            .get(from + i + 1)
            .is_some_and(u8::is_ascii_alphanumeric),
        // Backwards only: "smoke-free venue; cigars must be used outside".
        b';' => !forward,
        b',' => !forward && !starts_relative(bytes.get(from + i + 1..).unwrap_or(&[])),
        _ => false,
    });
    // After the negation, a contrast word hands the rest to the offer.
    let contrast = || {
        gap.split(|b| !b.is_ascii_alphanumeric())
            .any(|w| CONTRASTS.contains(&w))
    };
    !(closes || (forward && contrast()))
}

/// Words that end a negation's reach: what follows is what is on offer.
const CONTRASTS: &[&[u8]] = &[
    b"mas", b"porem", b"pero", b"sino", b"but", b"only", b"so", b"solo", b"apenas", b"somente",
    b"exceto", b"excepto", b"except", b"salvo",
];

/// Whether text after a comma opens a relative clause ("o vinho, que não
/// acompanha o kit"), which keeps a topic in the negation's reach.
fn starts_relative(rest: &[u8]) -> bool {
    let word = rest
        .split(|b| !b.is_ascii_alphanumeric())
        .find(|w| !w.is_empty());
    matches!(word, Some(b"que" | b"which" | b"that"))
}

/// How far (normalized bytes) a warning ("golpistas") reaches, at most.
const WARNING_REACH: usize = 160;

/// Where sentences end in the normalized text: at ".", "!", "?" or a line
/// break, unless "." continues a word or number ("R$ 1.500", "3.5"). A run
/// of them ("?!", ".\n\n", "...") is one end.
fn sentence_ends(t: &str) -> Vec<usize> {
    let bytes = t.as_bytes();
    let mut ends = Vec::new();
    let mut in_end = false;
    for (i, &b) in bytes.iter().enumerate() {
        let end = match b {
            b'!' | b'?' | b'\n' => true,
            b'.' => !bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric),
            b' ' => continue,
            _ => false,
        };
        if end && !in_end {
            ends.push(i);
        }
        in_end = end;
    }
    ends
}

/// Titles that put a name after them.
const TITLES: &str = "sr sra srta dona don doña seu señor señora senhor senhora mr mrs ms dr dra \
    prof profe professor professora";

/// The case of the letter starting `w`: `Some(true)` upper, `Some(false)`
/// lower, `None` not a letter. Only ASCII and Latin-1 (`0xC3 x`), the
/// letters names are written in here; `char::is_uppercase` would bring
/// Unicode tables into the wasm for a check on names.
fn case_at(w: &[u8]) -> Option<bool> {
    match *w {
        [c, ..] if c.is_ascii_alphabetic() => Some(c.is_ascii_uppercase()),
        [0xC3, x, ..] if (0x80..=0xBF).contains(&x) && x != 0x97 && x != 0xB7 => Some(x < 0x9F),
        _ => None,
    }
}

/// Whether `w` is Capitalized: upper case, then lower case only.
fn capitalized(w: &[u8]) -> bool {
    let mut i = 0;
    let mut n = 0;
    while let Some(rest) = w.get(i..).filter(|r| !r.is_empty()) {
        if case_at(rest) != Some(n == 0) {
            return false;
        }
        i += if rest[0].is_ascii() { 1 } else { 2 };
        n += 1;
    }
    n > 1
}

/// Start of the word ending at `end` of `b` (ASCII and Latin-1 letters).
fn word_start(b: &[u8], end: usize) -> usize {
    let mut i = end;
    loop {
        match b.get(..i) {
            Some([.., c]) if c.is_ascii_alphabetic() => i -= 1,
            Some([.., 0xC3, x]) if case_at(&[0xC3, *x]).is_some() => i -= 2,
            _ => return i,
        }
    }
}

/// Whether the word at `span` of the original text is written as a surname:
/// Capitalized (not all caps: "MOTA" shouts an offer), after a title or after
/// a Capitalized first name that does not itself start a sentence ("soy
/// Andrés Mota", but not "Llegó Mota").
#[inline(never)]
fn surname(text: &str, span: Span) -> bool {
    let b = text.as_bytes();
    let (s, e) = (span.start, span.end);
    if !b.get(s..e).is_some_and(capitalized) || word_start(b, e) != s {
        return false;
    }
    // The word before, across one space (and a title's dot).
    let Some(pe) = s.checked_sub(1).filter(|&i| b.get(i) == Some(&b' ')) else {
        return false;
    };
    let dot = pe > 0 && b.get(pe - 1) == Some(&b'.');
    let pe = if dot { pe - 1 } else { pe };
    let ps = word_start(b, pe);
    let prev = b.get(ps..pe).unwrap_or(&[]);
    // Titles in lower case; "Ñ" (0xC3 0x91) folds to "ñ" (0xC3 0xB1).
    let title = |t: &str| {
        prev.len() == t.len()
            && prev.iter().zip(t.bytes()).all(|(&a, c)| {
                let a = if a == 0x91 {
                    0xB1
                } else {
                    a.to_ascii_lowercase()
                };
                a == c
            })
    };
    if !prev.is_empty() && TITLES.split(' ').any(title) {
        return true;
    }
    // A first name inside a sentence: a word (not a sentence end) before it.
    !dot && capitalized(prev)
        && ps >= 2
        && b.get(ps - 1) == Some(&b' ')
        && word_start(b, ps - 1) < ps - 1
}

/// How many sentence ends lie within `start..end`.
fn sentences_apart(ends: &[usize], start: usize, end: usize) -> usize {
    ends.partition_point(|&e| e < end) - ends.partition_point(|&e| e < start)
}

/// Whether only one space or hyphen and quote marks (at most 4 bytes) lie
/// between bytes `a` and `b` of `t`. Non-ASCII bytes there can only be
/// punctuation (curly quotes, guillemets): no word char is between.
fn adjacent(t: &str, a: usize, b: usize) -> bool {
    a <= b
        && b - a <= 4
        && t.as_bytes().get(a..b).is_some_and(|gap| {
            gap.iter()
                .all(|&c| matches!(c, b' ' | b'-' | b'\'' | b'"') || c >= 0x80)
                && gap.iter().filter(|&&c| c == b' ' || c == b'-').count() <= 1
        })
}

/// Whether two matches are one word, or forms of it ("pack", "packs"):
/// a word repeated is no evidence for itself.
fn same_word(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.starts_with(b) || b.starts_with(a),
        _ => a == b,
    }
}

/// How many distinct words of a category's own context outweigh a negation
/// word near an ambiguous match.
const CONVERGING: usize = 3;

/// Adds `word` to `support` unless it is a form of a word already there.
fn note_support<'t>(support: &mut Vec<&'t str>, word: Option<&'t str>) {
    if let Some(w) = word {
        if support.len() < CONVERGING && !support.iter().any(|&s| same_word(Some(s), Some(w))) {
            support.push(w);
        }
    }
}

/// Whether `t[start..end]` is one of the first shaded words before it, and
/// does not fill a container ("garrafa de whisky").
// Out of line: one copy in the wasm, and rarely reached (shades are rare).
#[inline(never)]
fn shaded_before(t: &str, shaded: &[(usize, usize)], start: usize, end: usize) -> bool {
    let word = t.get(start..end);
    shaded
        .iter()
        .take(16)
        .any(|&(a, b)| b <= start && t.get(a..b) == word)
        && !t.get(..start).is_some_and(|s| {
            let w = s.trim_end().rsplit(' ').next().unwrap_or_default();
            matches!(w, "of" | "de" | "do" | "da" | "del")
        })
}

/// How far (bytes) a list shade reaches along its list.
const LIST_REACH: usize = 64;

/// Whether `t[a..b]` is the gap between a list shade and one of its items:
/// items of one or two words joined by commas or "e", "y", "and", "&",
/// "ou", "o", "or", "/", and no other punctuation or digits (but a colon
/// right after a forward shade). `forward`: the
/// shade comes first ("cores areia, tabaco"), so the gap opens with an item
/// and the match ends one; else the match opens an item and the gap ends
/// with one ("tobacco and rust shades").
fn listed(t: &str, a: usize, b: usize, forward: bool) -> bool {
    let Some(mut gap) = t.as_bytes().get(a..b).filter(|g| g.len() <= LIST_REACH) else {
        return false;
    };
    // The list may open with a colon ("em duas cores: vinho e champagne").
    if forward {
        gap = gap.strip_prefix(b":").unwrap_or(gap);
    }
    // Words in the current item (going backwards, the match opens it).
    let mut words = usize::from(!forward);
    let (mut started, mut last_word) = (false, false);
    for chunk in gap.split(|&c| c == b' ').filter(|c| !c.is_empty()) {
        let (word, comma) = match chunk.split_last() {
            Some((b',', w)) => (w, true),
            _ => (chunk, false),
        };
        let conj = matches!(
            word,
            b"e" | b"y" | b"and" | b"&" | b"ou" | b"o" | b"or" | b"/"
        );
        if !word.is_empty() && !conj {
            if !word
                .iter()
                .all(|&c| c.is_ascii_alphabetic() || c == b'-' || c >= 0x80)
            {
                return false;
            }
            words += 1;
            if words > 2 {
                return false;
            }
        } else if forward && !started {
            return false;
        }
        if conj || comma {
            words = 0;
        }
        started = true;
        last_word = !(conj || comma);
    }
    if forward {
        words <= 1
    } else {
        last_word || !started
    }
}

fn is_commerce(t: Target) -> bool {
    matches!(t, Target::Cat(c) if c.group() == crate::model::CategoryGroup::Commerce)
}

fn target_key(t: Target) -> (u8, u16) {
    match t {
        Target::All => (0, 0),
        Target::Cat(c) => (1, c as u16),
        Target::Topic(i) => (2, i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;

    #[test]
    fn builtin_lexicons_load() {
        // Lexicon errors fail the build (build.rs); here the data must load
        // whole, every file with its category.
        let (_, conf) = Builder::load(LEXICON).unwrap();
        assert_eq!(conf.len(), lexfile::FILES.len());
        for ((target, _), (file, id)) in conf.iter().zip(lexfile::FILES) {
            match target {
                Target::All => assert_eq!(*id, "", "{file}"),
                Target::Cat(c) => assert_eq!(c.id(), *id, "{file}"),
                Target::Topic(_) => panic!("{file}"),
            }
        }
        assert!(BUILTIN.matcher.is_some());
    }

    fn cats(text: &str) -> Vec<Category> {
        let mut c: Vec<Category> = Detector::default()
            .scan(text, false)
            .iter()
            .map(|h| h.rule.category)
            .filter(|c| *c != Category::Style)
            .collect();
        c.dedup();
        c
    }

    #[test]
    fn a_list_shade_reaches_items_of_one_or_two_words() {
        // (gap, shade first?, is the rest of a list)
        let cases = [
            (" areia, grafite, ", true, true),
            (" ", true, true),
            (" de vinho e ", true, true),
            (" verde musgo e ", true, true),
            (": vinho metálico e ", true, true),
            (": ", true, true),
            (" areia: ", true, false),
            (", areia e ", true, false),
            (" areia. temos ", true, false),
            (" preta, cerveja gelada ", true, false),
            (" 2, 3 e ", true, false),
            (" & vanilla, bourbon pecan and whiskey barrel ", false, true),
            (" barrel ", false, true),
            (" ", false, true),
            (" vodka e gin em todas as ", false, false),
            (" and ", false, false),
            (" e pods em varios ", false, false),
        ];
        for (gap, forward, want) in cases {
            let t = format!("x{gap}y");
            assert_eq!(
                listed(&t, 1, 1 + gap.len(), forward),
                want,
                "{gap:?} {forward}"
            );
        }
        let long = format!(" {} ", ["cor"; 20].join(", "));
        assert!(!listed(&format!("x{long}y"), 1, 1 + long.len(), true));
    }

    #[test]
    fn a_repeated_word_is_no_evidence_for_itself() {
        assert!(same_word(Some("pack"), Some("packs")));
        assert!(same_word(Some("packs"), Some("pack")));
        assert!(!same_word(Some("pack"), Some("pix")));
        assert_eq!(cats("a travel pack and family packs in stock"), vec![]);
    }

    #[test]
    fn strong_terms_fire_alone_and_weak_need_context() {
        assert_eq!(cats("vamos tomar uma cerveja"), vec![Category::Alcohol]);
        assert_eq!(cats("vestido cor vinho"), vec![]);
        assert_eq!(cats("temos cachorro-quente"), vec![]);
        assert_eq!(cats("vendo filhotes de shih-tzu"), vec![Category::Animals]);
    }

    #[test]
    fn a_warning_reaches_its_sentence_and_the_next_not_further() {
        let offer = "vendemos cerveja gelada";
        assert_eq!(cats(offer), vec![Category::Alcohol]);
        // Same sentence, the sentence after, the sentence before.
        assert_eq!(cats(&format!("Golpistas dizem: {offer}.")), vec![]);
        assert_eq!(cats(&format!("Cuidado com golpes! {offer}.")), vec![]);
        assert_eq!(cats(&format!("{offer}? É golpe.")), vec![]);
        // Two sentence ends away ("?!" is one), or beyond the reach.
        assert_eq!(
            cats(&format!("Cuidado com golpes. Tudo certo. {offer}.")),
            vec![Category::Alcohol]
        );
        assert_eq!(cats(&format!("Cuidado com golpes?! {offer}.")), vec![]);
        let far = "tudo bem ".repeat(WARNING_REACH / 8);
        assert_eq!(
            cats(&format!("Cuidado com golpes {far} {offer}")),
            vec![Category::Alcohol]
        );
        // A seller's reassurance is an allow phrase around the warning word.
        assert_eq!(
            cats(&format!("Não é golpe: {offer}")),
            vec![Category::Alcohol]
        );
        // "R$ 1.500" does not end a sentence.
        assert_eq!(
            sentence_ends("r$ 1.500 ok. fim\n\nnovo?! x"),
            vec![11, 16, 22]
        );
        assert_eq!(sentences_apart(&[11, 16, 22], 0, 12), 1);
        assert_eq!(sentences_apart(&[11, 16, 22], 12, 30), 2);
    }

    #[test]
    fn an_ambiguous_word_written_as_a_surname_is_a_person() {
        let cases = [
            // (text, word, surname?)
            ("soy Andrés Mota, precio del sofá", "Mota", true),
            ("Sr. Perico, el precio es 300", "Perico", true),
            ("Doña Cripa, precio del envío", "Cripa", true),
            ("Llegó Mota de la buena, 20 lucas", "Mota", false),
            ("Hoy. Llegó Mota de la buena, 20 lucas", "Mota", false),
            ("soy Andrés MOTA, precio del sofá", "MOTA", false),
            ("soy andrés mota, precio del sofá", "mota", false),
        ];
        for (text, word, want) in cases {
            let at = text.find(word).unwrap_or(0);
            let span = Span::new(at, at + word.len());
            assert_eq!(surname(text, span), want, "{text}");
        }
        assert_eq!(cats("soy Andrés Mota, precio del sofá"), vec![]);
        assert_eq!(
            cats("Llegó Mota de la buena, 20 lucas"),
            vec![Category::Drugs]
        );
    }

    #[test]
    fn a_shade_word_makes_its_neighbour_a_colour() {
        assert_eq!(cats("sofá cor whisky"), vec![]);
        assert_eq!(cats("tobacco-scented candle"), vec![]);
        // Only the word right next to it: not two words on, not the other side.
        assert_eq!(
            cats("cor preta com whisky escocês"),
            vec![Category::Alcohol]
        );
        // A list after "cor" is a list of colours ("na cor vinho, caramelo e champagne").
        assert_eq!(cats("na cor vinho, caramelo e champagne"), vec![]);
        assert_eq!(cats("whisky cor âmbar"), vec![Category::Alcohol]);
        assert_eq!(cats("colored whisky"), vec![Category::Alcohol]);
        // A hyphen or quote marks between still join them; a comma does not.
        assert_eq!(cats("whisky-colored boots"), vec![]);
        assert_eq!(cats("colônia 'Tabaco' 50ml"), vec![]);
        assert_eq!(cats("perfume “Tabaco” 50ml"), vec![]);
        assert_eq!(cats("perfume, tabaco e seda"), vec![Category::Tobacco]);
        // What the shaded match contains ("wine" in "red wine") is shaded too.
        assert_eq!(cats("beef braised in red wine, $24"), vec![]);
        assert_eq!(cats("red wine, $24"), vec![Category::Alcohol]);
        // Once a colour, the same word stays one; not the other way round.
        assert_eq!(cats("botas cor whisky. A whisky veste pequeno"), vec![]);
        assert_eq!(
            cats("whisky 12 anos. Também a bota cor whisky"),
            vec![Category::Alcohol]
        );
        assert_eq!(
            cats("a caixa cor whisky e dentro uma garrafa de whisky"),
            vec![Category::Alcohol]
        );
    }

    #[test]
    fn words_inside_a_spelled_out_run_need_a_reading_of_the_whole_run() {
        // Joined, the run is one word: its words match when the whole run
        // reads as entries and connectives ("y", "and").
        assert_eq!(cats("tengo p e r i c o y m o t a"), vec![Category::Drugs]);
        assert_eq!(cats("joga no O T I G R I N H O"), vec![Category::Gambling]);
        assert_eq!(
            cats("v e n d o u s d t y d o l a r e s"),
            vec![Category::CurrencyExchange]
        );
        // No such reading: no chance substrings ("arma", "meth", "rifa").
        assert_eq!(cats("f a r m a c i a de plantão"), vec![]);
        assert_eq!(cats("s o m e t h i n g new"), vec![]);
        assert_eq!(cats("t a r i f a zero"), vec![]);
        // Connectives only between entries, entries of four bytes or more.
        assert_eq!(cats("b e t y o u"), vec![]);
        assert_eq!(cats("p o d e c o m p r a r"), vec![]);
    }

    #[test]
    fn grouped_context_completes_only_its_group() {
        // "dívida" is in threat.txt's `exposure` group: it completes "expor"
        // but not "ligar"; a third party (ungrouped) completes both.
        assert_eq!(cats("vamos ligar amanhã sobre a dívida"), vec![]);
        assert_eq!(cats("vamos expor a sua dívida"), vec![Category::Threat]);
        assert_eq!(cats("vamos ligar para o seu chefe"), vec![Category::Threat]);
        assert_eq!(
            cats("vamos expor para os seus vizinhos"),
            vec![Category::Threat]
        );
    }

    #[test]
    fn a_negation_reaches_only_its_own_clause() {
        assert_eq!(cats("a loja não vende cerveja nem vinho"), vec![]);
        assert_eq!(cats("cerveja a gente não vende"), vec![]);
        assert_eq!(cats("o vinho, que não acompanha o kit"), vec![]);
        // A contrast, a sentence end or (before it) a comma closes its reach.
        assert_eq!(
            cats("não fazemos entrega, mas vendemos cerveja"),
            vec![Category::Alcohol]
        );
        assert_eq!(
            cats("não vendemos fiado. cerveja R$ 7"),
            vec![Category::Alcohol]
        );
        assert_eq!(
            cats("cerveja R$ 7, não aceitamos cartão"),
            vec![Category::Alcohol]
        );
        assert!(!in_scope_text("não vendemos fiado, mas sim cerveja"));
    }

    /// Whether the first negation of `text` reaches its first commerce word.
    fn in_scope_text(text: &str) -> bool {
        let norm = Normalized::new(text);
        let t = norm.text();
        let mut found = Vec::new();
        if let Some(m) = BUILTIN.matcher.as_ref() {
            m.find(t, &mut found);
        }
        let neg = found.iter().find(|f| f.entry.kind == Kind::Neg);
        let hit = found.iter().find(|f| is_commerce(f.entry.target));
        match (neg, hit) {
            (Some(n), Some(h)) => in_scope(t, n, h),
            _ => false,
        }
    }

    #[test]
    fn a_grouped_faint_entry_needs_its_own_group() {
        // "Se não pagar" (threat.txt's `demand` group) is collection until
        // leverage comes with it: a third party, a visit, a veiled "something".
        assert_eq!(cats("se não pagar até sexta, cobramos multa"), vec![]);
        assert_eq!(
            cats("se não pagar até sexta, vou aí na sua rua"),
            vec![Category::Threat]
        );
        assert_eq!(
            cats("se não pagar até sexta, a tua família vai saber"),
            vec![Category::Threat]
        );
        // A threat verb of another group is no leverage for it.
        assert_eq!(cats("se não pagar até sexta, vamos ligar de novo"), vec![]);
    }

    #[test]
    fn spans_point_at_the_original_text() {
        let text = "Oferta: C3RV3JAAA 🍺 gelada";
        let hits = Detector::default().scan(text, false);
        let h = hits
            .iter()
            .find(|h| h.rule.category == Category::Alcohol)
            .unwrap();
        let s = h.spans[0];
        assert_eq!(&text[s.start..s.end], "C3RV3JAAA");
    }
}
