//! Classifies number chains by shape and check digits.
//!
//! Everything a number could be is recognised here, PII or not (CNPJ, phone,
//! boleto line, NF-e key, tracking code), so that the digits of a company id
//! or a boleto are never re-read as a CPF or a card.

use super::checksum;
use super::lex::{Cue, CueAt, Lexed, Tok};

/// What a chain of digits turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A valid CPF.
    Cpf,
    /// A Luhn-valid card number with a card-network prefix and layout.
    Card,
    /// A full bank account by itself: valid IBAN, CBU or CLABE.
    Bank,
    /// Spanish DNI/NIE with a valid control letter.
    IdDoc,
    /// Recognised as something that is not PII (CNPJ, phone, boleto, NF-e key,
    /// tracking code, a checksum-failing IBAN/DNI): ignore it.
    Skip,
    /// Letters and digits mixed in no known shape (`hunter2`, `A123`): not a
    /// number any rule claims, but free to be read as a password.
    Mixed,
    /// A plain number; keyword rules (branch/account, DNI, RG) may claim it.
    Generic,
}

/// A classified number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Num {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Digits in the number.
    pub digits: usize,
    /// End including a trailing `-X` check character (Brazilian RG), else `end`.
    pub end_x: usize,
}

/// Longest chain examined in full (boleto lines have 48 digits).
const MAX: usize = 48;

/// Collects the alphanumerics of `toks` uppercased; `None` when too long.
fn compact(text: &[u8], toks: &[Tok], buf: &mut [u8; MAX]) -> Option<usize> {
    let mut n = 0;
    for t in toks {
        for &c in text.get(t.start..t.end)? {
            if c.is_ascii_alphanumeric() {
                *buf.get_mut(n)? = c.to_ascii_uppercase();
                n += 1;
            } else {
                // A Latin-1 letter inside a number: not any shape we know.
                return None;
            }
        }
    }
    Some(n)
}

/// Classifies every chain of `lx` into numbers.
pub(super) fn classify(text: &str, lx: &Lexed) -> Vec<Num> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(lx.toks.len());
    let mut i = 0;
    while i < lx.toks.len() {
        let len = lx
            .toks
            .get(i + 1..)
            .map_or(0, |r| r.iter().take_while(|t| t.sep != 0).count())
            + 1;
        if let Some(chain) = lx.toks.get(i..i + len) {
            chain_nums(b, chain, &lx.cues, &mut out);
        }
        i += len;
    }
    out
}

fn push(out: &mut Vec<Num>, toks: &[Tok], kind: Kind, digits: usize) {
    if let (Some(f), Some(l)) = (toks.first(), toks.last()) {
        out.push(Num {
            start: f.start,
            end: l.end,
            kind,
            digits,
            end_x: l.end,
        });
    }
}

fn chain_nums(b: &[u8], chain: &[Tok], cues: &[CueAt], out: &mut Vec<Num>) {
    let mut buf = [0u8; MAX];
    // Too long (or with accented letters) to be one number: the split below
    // still looks at its space-separated parts.
    let n = compact(b, chain, &mut buf).unwrap_or(0);
    let all = buf.get(..n).unwrap_or(&[]);
    let digits: usize = chain.iter().map(|t| t.digits).sum();
    if chain.iter().any(Tok::has_letters) {
        if let Some(kind) = lettered_shape(all) {
            push(out, chain, kind, digits);
            return;
        }
    }
    // Strip words glued by a dot or dash ("ag.1234", "1234-abc"), keeping
    // a trailing "-X" check character for the Brazilian RG.
    let first = chain.iter().position(|t| t.digits > 0).unwrap_or(0);
    let last = chain.iter().rposition(|t| t.digits > 0).unwrap_or(0);
    let Some(core) = chain.get(first..=last) else {
        return;
    };
    let end_x = match chain.get(last + 1) {
        Some(t) if t.sep == b'-' && matches!(b.get(t.start..t.end), Some(b"X" | b"x")) => t.end,
        _ => core.last().map_or(0, |t| t.end),
    };
    if let Some(num) = spanish_id_spaced(b, core) {
        out.push(num);
        return;
    }
    let whole = range_kind(b, core, cues);
    let has_space = core.iter().skip(1).any(|t| t.sep == b' ');
    let split = matches!(whole, None | Some(Kind::Generic | Kind::Mixed));
    if !(has_space && split) {
        let d = core.iter().map(|t| t.digits).sum();
        push(out, core, whole.unwrap_or(Kind::Mixed), d);
        if let Some(last) = out.last_mut() {
            last.end_x = end_x.max(last.end);
        }
        return;
    }
    // Several numbers separated by spaces: greedy longest recognised run.
    let parts: Vec<usize> = core
        .iter()
        .enumerate()
        .filter(|(k, t)| *k == 0 || t.sep == b' ')
        .map(|(k, _)| k)
        .chain(std::iter::once(core.len()))
        .collect();
    let np = parts.len() - 1;
    let mut k = 0;
    while k < np {
        let mut took = 1;
        let mut kind = Kind::Generic;
        for l in (1..=(np - k).min(8)).rev() {
            let (Some(&s), Some(&e)) = (parts.get(k), parts.get(k + l)) else {
                continue;
            };
            let r = core.get(s..e).unwrap_or(&[]);
            let kd = range_kind(b, r, cues);
            if l == 1 {
                kind = kd.unwrap_or(Kind::Mixed);
                break;
            }
            // Longer runs must be positively recognised: PII, or a digits-only
            // non-PII shape (a checksum-failing lettered run may be two numbers).
            let letters = r.iter().any(Tok::has_letters);
            if let Some(kd) = kd.filter(|&k| match k {
                Kind::Generic | Kind::Mixed => false,
                Kind::Skip => !letters,
                _ => true,
            }) {
                took = l;
                kind = kd;
                break;
            }
        }
        if let (Some(&s), Some(&e)) = (parts.get(k), parts.get(k + took)) {
            let r = core.get(s..e).unwrap_or(&[]);
            push(out, r, kind, r.iter().map(|t| t.digits).sum());
        }
        k += took;
    }
}

/// Shapes that contain letters: tracking codes, IBAN, NIE/DNI, alphanumeric CNPJ.
fn lettered_shape(all: &[u8]) -> Option<Kind> {
    let is_l = |c: &u8| c.is_ascii_uppercase();
    let is_d = |c: &u8| c.is_ascii_digit();
    match all {
        // UPU tracking code, e.g. AB123456789BR.
        [a, b, mid @ .., c, d]
            if all.len() == 13 && [a, b, c, d].into_iter().all(is_l) && mid.iter().all(is_d) =>
        {
            Some(Kind::Skip)
        }
        [a, b, c, d, ..] if is_l(a) && is_l(b) && is_d(c) && is_d(d) && all.len() >= 15 => {
            if checksum::iban_len(&[*a, *b]).is_some_and(|n| n != all.len()) {
                // Not one IBAN: maybe an IBAN followed by another number.
                None
            } else if checksum::iban(all) {
                Some(Kind::Bank)
            } else {
                Some(Kind::Skip)
            }
        }
        [first, mid @ .., last]
            if all.len() == 9
                && (is_d(first) || matches!(first, b'X' | b'Y' | b'Z'))
                && mid.iter().all(is_d)
                && is_l(last) =>
        {
            if checksum::dni_nie(all) {
                Some(Kind::IdDoc)
            } else if *last == b'X' && is_d(first) {
                // Could be a Brazilian RG with its `X` check character.
                None
            } else {
                Some(Kind::Skip)
            }
        }
        _ if all.len() == 14 && checksum::cnpj(all) => Some(Kind::Skip),
        _ => None,
    }
}

/// `12345678 Z`: a DNI with its letter after a space (the chain stops at the
/// space because the letter has no digits). Uppercase only, so that a
/// Spanish "y" after an Argentine DNI is not read as a control letter.
fn spanish_id_spaced(b: &[u8], core: &[Tok]) -> Option<Num> {
    let [t] = core else { return None };
    if t.digits != 8 || t.has_letters() {
        return None;
    }
    let (Some(b' '), Some(&l)) = (b.get(t.end), b.get(t.end + 1)) else {
        return None;
    };
    if !l.is_ascii_uppercase() || b.get(t.end + 2).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let mut id = [0u8; 9];
    id.get_mut(..8)?.copy_from_slice(b.get(t.start..t.end)?);
    *id.get_mut(8)? = l;
    checksum::dni_nie(&id).then_some(Num {
        start: t.start,
        end: t.end + 2,
        kind: Kind::IdDoc,
        digits: 8,
        end_x: t.end + 2,
    })
}

/// The nearest cue of one of `kinds` ending within `gap` bytes before `start`.
fn nearest_before(cues: &[CueAt], start: usize, gap: usize, kinds: &[Cue]) -> Option<Cue> {
    cues.iter()
        .rev()
        .find(|c| c.end <= start && kinds.contains(&c.cue))
        .filter(|c| start - c.end <= gap)
        .map(|c| c.cue)
}

/// Is a cue of one of `kinds` within `gap` bytes before `start`?
pub(super) fn cue_before(cues: &[CueAt], start: usize, gap: usize, kinds: &[Cue]) -> bool {
    cues.iter()
        .any(|c| c.end <= start && start - c.end <= gap && kinds.contains(&c.cue))
}

/// What the tokens `toks` (one number, or a run of space-separated parts)
/// are; `None` when they mix letters and digits in no known shape.
fn range_kind(b: &[u8], toks: &[Tok], cues: &[CueAt]) -> Option<Kind> {
    let f = toks.first()?;
    let mut buf = [0u8; MAX];
    let n = compact(b, toks, &mut buf)?;
    let d = buf.get(..n).unwrap_or(&[]);
    if toks.iter().any(Tok::has_letters) {
        return Some(lettered_shape(d).unwrap_or(Kind::Mixed));
    }
    // International phone numbers.
    if f.start > 0 && b.get(f.start - 1) == Some(&b'+') {
        return Some(Kind::Skip);
    }
    let mut groups = [0usize; 8];
    let ng = toks.len().min(8);
    for (g, t) in groups.iter_mut().zip(toks) {
        *g = t.digits;
    }
    let groups = groups.get(..ng).unwrap_or(&[]);
    let bare = toks.len() == 1;
    Some(match n {
        // NF-e access key, boleto line.
        44 | 47 | 48 => Kind::Skip,
        14 if checksum::cnpj(d) => Kind::Skip,
        11 if matches!(groups, [11] | [9, 2] | [3, 3, 3, 2]) && checksum::cpf(d) => {
            let near = nearest_before(cues, f.start, 24, &[Cue::Phone, Cue::TaxId, Cue::Cpf]);
            if bare && matches!(near, Some(Cue::Phone | Cue::TaxId)) {
                Kind::Skip
            } else {
                Kind::Cpf
            }
        }
        22 if checksum::cbu(d) => Kind::Bank,
        18 if checksum::clabe(d) => Kind::Bank,
        13..=19 if card_layout(groups, toks) && card_prefix(d) && checksum::luhn(d) => {
            let near = nearest_before(cues, f.start, 24, &[Cue::Phone, Cue::CardWord]);
            if bare && near == Some(Cue::Phone) {
                Kind::Skip
            } else {
                Kind::Card
            }
        }
        _ => Kind::Generic,
    })
}

/// Bare digits, groups of four (last one shorter), or Amex/Diners 4-6-5 / 4-6-4.
fn card_layout(groups: &[usize], toks: &[Tok]) -> bool {
    if toks.len() > 8 {
        return false;
    }
    match groups {
        [_] => true,
        [4, 6, 5] | [4, 6, 4] => true,
        [init @ .., last] if init.len() >= 3 => {
            init.iter().all(|&g| g == 4) && (1..=4).contains(last)
        }
        _ => false,
    }
}

/// Issuer prefixes in use, by length: 13 digits only old Visa; 14 Diners;
/// 15 Amex; 16–19 Visa, Mastercard (51–55, 2221–2720), Elo, Hipercard,
/// Discover, JCB, Maestro. A Brazilian phone with country code (13 digits
/// from 55) is not a card.
fn card_prefix(d: &[u8]) -> bool {
    match (d.len(), d) {
        (13, [b'4', ..]) => true,
        (14, [b'3', b'0' | b'6' | b'8' | b'9', ..]) => true,
        (15, [b'3', b'4' | b'7', ..]) => true,
        (16..=19, [b'3'..=b'6', ..]) => true,
        (16, [b'2', a, b, c, ..]) => {
            let v = [a, b, c]
                .iter()
                .fold(0u32, |v, &&x| v * 10 + u32::from(x.wrapping_sub(b'0')));
            (221..=720).contains(&v)
        }
        _ => false,
    }
}
