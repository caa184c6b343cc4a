//! Bulk-send guard: the same or near-same text sent to more than
//! `max_contacts` distinct contacts within `window_minutes`.
//!
//! # Near-same
//!
//! A text is reduced to the set of its words after normalization (case and
//! accents folded, digits and punctuation dropped, so amounts, dates and
//! order numbers do not make two blasts different). Two texts are near-same
//! when the Jaccard similarity of their word sets is at least 0.75: a
//! 10-word message that only changes the customer's first name (9 shared
//! words of 11) is the same blast; one that also changes the product is not.
//! Each group keeps a bottom-k sketch (the 64 smallest word hashes), which is
//! exact for texts of up to 64 distinct words and a standard estimate beyond.
//! Texts of fewer than 4 distinct words ("ok, obrigado") are not tracked:
//! agents legitimately send them to everyone.
//!
//! # State
//!
//! [`SendLog`] is a value the caller keeps between sends (the extension
//! stores it); it serializes to a compact string, which keeps serde code for
//! it out of the wasm. It is bounded: sends older than the window are
//! pruned on every use, a group keeps at most `max_contacts + 1` contacts and
//! the log at most 64 groups (the least recently used is dropped). Contact
//! ids are stored hashed (64-bit FNV-1a of the normalized id), not in clear.

use super::time::Instant;
use crate::error::Error;
use crate::normalize::Normalized;
use serde::{Deserialize, Serialize};

/// Words kept per sketch.
const SKETCH: usize = 64;
/// Groups kept in a log.
const MAX_GROUPS: usize = 64;
/// Fewer distinct words than this: not tracked.
const MIN_WORDS: usize = 4;
/// Jaccard similarity from which two texts are the same blast (numerator/denominator).
const NEAR: (usize, usize) = (3, 4);

/// Serializable state of the bulk-send guard: recent sends grouped by (near-)same text.
///
/// Start with `SendLog::default()` and keep the value between sends. It
/// serializes to a compact string (`"1;…"`, also its [`std::fmt::Display`]
/// form, parsed back with [`str::parse`]), so JavaScript can store it as is;
/// the empty string is an empty log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct SendLog {
    groups: Vec<SendGroup>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct SendGroup {
    /// Bottom-k sketch of the first text's word hashes (sorted, distinct).
    sketch: Vec<u32>,
    /// Recent sends: hashed contact id and Unix seconds, latest per contact.
    sends: Vec<(u64, i64)>,
}

/// Format version written first in the text form.
const VERSION: &str = "1";

impl std::fmt::Display for SendLog {
    /// `1;<sketch>|<sends>;…`: sketch words (decimal) joined by `,`; sends
    /// as `<contact hash>:<unix seconds>` joined by `,`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(VERSION)?;
        for g in &self.groups {
            f.write_str(";")?;
            for (i, h) in g.sketch.iter().enumerate() {
                write!(f, "{}{h}", if i == 0 { "" } else { "," })?;
            }
            f.write_str("|")?;
            for (i, (c, at)) in g.sends.iter().enumerate() {
                write!(f, "{}{c}:{at}", if i == 0 { "" } else { "," })?;
            }
        }
        Ok(())
    }
}

impl std::str::FromStr for SendLog {
    type Err = Error;
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_str(s: &str) -> Result<SendLog, Error> {
        let bad = || {
            Error::input(
                "log",
                "not a bulk-send log written by this engine; start again from an empty log (\"\")",
            )
        };
        let mut log = SendLog::default();
        if s.is_empty() {
            return Ok(log);
        }
        let mut parts = s.split(';');
        if parts.next() != Some(VERSION) {
            return Err(bad());
        }
        for part in parts {
            let (sk, sends) = part.split_once('|').ok_or_else(bad)?;
            let sketch = sk
                .split(',')
                .map(|h| h.parse::<u32>().ok())
                .collect::<Option<Vec<u32>>>()
                .ok_or_else(bad)?;
            let sorted = sketch.windows(2).all(|w| w.first() < w.last());
            if sketch.is_empty()
                || sketch.len() > SKETCH
                || !sorted
                || log.groups.len() >= MAX_GROUPS
            {
                return Err(bad());
            }
            let sends = if sends.is_empty() {
                Vec::new()
            } else {
                sends
                    .split(',')
                    .map(|e| {
                        let (c, at) = e.split_once(':')?;
                        Some((c.parse::<u64>().ok()?, at.parse::<i64>().ok()?))
                    })
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(bad)?
            };
            log.groups.push(SendGroup { sketch, sends });
        }
        Ok(log)
    }
}

impl From<SendLog> for String {
    fn from(log: SendLog) -> String {
        log.to_string()
    }
}

impl TryFrom<String> for SendLog {
    type Error = Error;
    fn try_from(s: String) -> Result<SendLog, Error> {
        s.parse()
    }
}

/// The outcome of looking a send up in the log.
pub(crate) struct BulkCount {
    /// Distinct contacts of the group within the window, this send included.
    pub contacts: usize,
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hashes a contact id; phone numbers are reduced to their digits first so
/// `+55 (11) 98765-4321` and `5511987654321` are the same contact.
fn contact_key(id: &str) -> u64 {
    let id = id.trim();
    let phone = id.chars().any(|c| c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let key: String = if phone {
        id.chars().filter(char::is_ascii_digit).collect()
    } else {
        id.to_ascii_lowercase()
    };
    fnv1a(key.as_bytes())
}

/// The bottom-k sketch of a text's word set, or `None` when too short to track.
fn sketch(text: &str) -> Option<Vec<u32>> {
    let norm = Normalized::new(text);
    let mut sk: Vec<u32> = Vec::with_capacity(SKETCH + 1);
    for w in norm.text().split(|c: char| !c.is_alphabetic()) {
        if w.is_empty() {
            continue;
        }
        let h = fnv1a(w.as_bytes());
        // Folding to 32 bits keeps the state small; collisions only merge two words.
        let h = (h ^ (h >> 32)) as u32;
        // Sorted insertion keeps the smallest SKETCH hashes without a sort.
        if let Err(pos) = sk.binary_search(&h) {
            if pos < SKETCH {
                sk.insert(pos, h);
                sk.truncate(SKETCH);
            }
        }
    }
    (sk.len() >= MIN_WORDS).then_some(sk)
}

/// Whether two sketches are near-same (bottom-k Jaccard estimate).
fn near(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j, mut union, mut both) = (0, 0, 0usize, 0usize);
    while union < SKETCH && (i < a.len() || j < b.len()) {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                both += 1;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => i += 1,
            (Some(_), Some(_)) => j += 1,
            (Some(_), None) => i += 1,
            (None, _) => j += 1,
        }
        union += 1;
    }
    union > 0 && both * NEAR.1 >= union * NEAR.0
}

impl SendLog {
    /// Counts the contacts that got `text` (or a near-same text) within
    /// `window_secs` before `now`, this one included; records the send when
    /// `record`. `None` when the text is too short to track.
    pub(crate) fn count(
        &mut self,
        text: &str,
        contact: &str,
        now: Instant,
        window_secs: i64,
        cap: usize,
        record: bool,
    ) -> Option<BulkCount> {
        let cutoff = now.secs.saturating_sub(window_secs);
        for g in &mut self.groups {
            g.sends.retain(|(_, at)| *at >= cutoff);
        }
        self.groups.retain(|g| !g.sends.is_empty());
        let sk = sketch(text)?;
        let key = contact_key(contact);
        let idx = self.groups.iter().position(|g| near(&g.sketch, &sk));
        let contacts = match idx.and_then(|i| self.groups.get(i)) {
            Some(g) => g.sends.len() + usize::from(!g.sends.iter().any(|(k, _)| *k == key)),
            None => 1,
        };
        if record {
            let i = match idx {
                Some(i) => i,
                None => {
                    if self.groups.len() >= MAX_GROUPS {
                        // Drop the group whose latest send is the oldest.
                        if let Some(old) = (0..self.groups.len()).min_by_key(|&i| {
                            self.groups
                                .get(i)
                                .and_then(|g| g.sends.iter().map(|s| s.1).max())
                        }) {
                            self.groups.remove(old);
                        }
                    }
                    self.groups.push(SendGroup {
                        sketch: sk,
                        sends: Vec::new(),
                    });
                    self.groups.len() - 1
                }
            };
            if let Some(g) = self.groups.get_mut(i) {
                g.sends.retain(|(k, _)| *k != key);
                g.sends.push((key, now.secs));
                if g.sends.len() > cap {
                    let excess = g.sends.len() - cap;
                    g.sends.drain(..excess);
                }
            }
        }
        Some(BulkCount { contacts })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> Instant {
        Instant { secs, nanos: 0 }
    }

    #[test]
    fn near_same_ignores_names_and_numbers() {
        let a = sketch("Oi Maria, sua fatura de R$ 120,00 vence amanhã, pague pelo app").unwrap();
        let b = sketch("Oi João, sua fatura de R$ 98,50 vence amanhã, pague pelo app").unwrap();
        let c = sketch("Oi Maria, seu pedido saiu para entrega hoje à tarde").unwrap();
        assert!(near(&a, &b));
        assert!(!near(&a, &c));
        assert!(sketch("ok, obrigado!").is_none());
    }

    #[test]
    fn counts_distinct_contacts_in_window_and_prunes() {
        let mut log = SendLog::default();
        let text = "Promoção de inverno: casacos com 30% de desconto só hoje";
        for (i, who) in ["+55 11 90000-0001", "5511900000002", "5511900000001"]
            .iter()
            .enumerate()
        {
            let n = log
                .count(text, who, at(1000 + i as i64), 600, 10, true)
                .unwrap();
            assert_eq!(n.contacts, if i == 0 { 1 } else { 2 });
        }
        // Eleven minutes later the window (10 min) has emptied.
        let n = log
            .count(text, "x", at(1000 + 660), 600, 10, false)
            .unwrap();
        assert_eq!(n.contacts, 1);
        assert!(log.groups.is_empty());
    }

    #[test]
    fn stays_bounded() {
        let mut log = SendLog::default();
        for i in 0..200 {
            let text = format!(
                "texto numero {} com palavras {} diferentes aqui",
                "a".repeat(i % 97 + 1),
                "b".repeat(i / 97 + 1)
            );
            log.count(&text, &format!("c{i}"), at(i as i64), 10_000, 5, true);
        }
        assert!(log.groups.len() <= MAX_GROUPS);
        assert!(log.groups.iter().all(|g| g.sends.len() <= 5));
        let text = log.to_string();
        assert_eq!(text.parse::<SendLog>().unwrap(), log);
    }
}
