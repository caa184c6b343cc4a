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
//! [`SendLog`] is a plain serializable value the caller keeps between sends
//! (the extension stores it). It is bounded: sends older than the window are
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
/// Start with `SendLog::default()` (or `{}` in JSON) and pass the value back on every send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SendLog {
    /// Groups of recent sends of near-same texts.
    #[serde(default)]
    groups: Vec<SendGroup>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SendGroup {
    /// Bottom-k sketch of the first text's word hashes (sorted, distinct).
    sketch: Vec<u32>,
    /// Recent sends: hashed contact id and Unix seconds, latest per contact.
    sends: Vec<(String, i64)>,
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
fn contact_key(id: &str) -> String {
    let id = id.trim();
    let phone = id.chars().any(|c| c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let key: String = if phone {
        id.chars().filter(char::is_ascii_digit).collect()
    } else {
        id.to_lowercase()
    };
    format!("{:016x}", fnv1a(key.as_bytes()))
}

/// The bottom-k sketch of a text's word set, or `None` when too short to track.
fn sketch(text: &str) -> Option<Vec<u32>> {
    let norm = Normalized::new(text);
    let mut hashes: Vec<u32> = norm
        .text()
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        // Folding to 32 bits keeps the state small; collisions only merge two words.
        .map(|w| {
            let h = fnv1a(w.as_bytes());
            (h ^ (h >> 32)) as u32
        })
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    if hashes.len() < MIN_WORDS {
        return None;
    }
    hashes.truncate(SKETCH);
    Some(hashes)
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
    /// Checks the log's own shape (it comes back from JavaScript storage).
    pub(crate) fn validate(&self) -> Result<(), Error> {
        for (i, g) in self.groups.iter().enumerate() {
            if g.sketch.is_empty()
                || g.sketch.len() > SKETCH
                || g.sketch.windows(2).any(|w| w[0] >= w[1])
            {
                return Err(Error::input(
                    &format!("groups[{i}].sketch"),
                    "not a sketch written by this engine; start again from an empty log (`{}`)",
                ));
            }
        }
        Ok(())
    }

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
        log.validate().unwrap();
    }
}
