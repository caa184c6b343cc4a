//! A byte trie of the lexicon patterns, walked only from word starts.
//!
//! Every lexicon match must begin on a word boundary, so instead of an
//! Aho-Corasick scan (every byte a possible match end, failure links to
//! follow) the matcher walks this trie from each position where a word or
//! symbol begins, and stops as soon as no pattern continues. Most words
//! leave the trie after a byte or two.
//!
//! The trie is built from the sorted patterns in one pass into flat arrays:
//! no allocation per node, which keeps construction to about a millisecond
//! even in wasm (an Aho-Corasick automaton of the same lexicon took 30–45 ms
//! there). A walk never goes deeper than the longest pattern (custom terms
//! are capped at [`MAX_TERM_BYTES`](crate::pack::MAX_TERM_BYTES)), so a check
//! stays linear in the length of the text.

/// One trie node: its children (consecutive nodes) and the patterns that
/// end here.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// Index of the first child; child `k` is `children + k`, with its byte
    /// at `labels[edges + k]`.
    children: u32,
    /// First edge label in `labels`, or for a wide node the first byte of
    /// its table in `wide`.
    edges: u32,
    /// Number of children (at most 256).
    n_edges: u16,
    /// Number of patterns ending here.
    n_outs: u16,
    /// First pattern id in `outputs`.
    outs: u32,
}

/// A compiled trie. Node 0 is the root.
#[derive(Debug, Clone)]
pub(crate) struct Trie {
    /// The node each first byte leads to (0: no pattern starts with it).
    first: Box<[u32; 256]>,
    /// Nodes in breadth-first order: the short prefixes every walk goes
    /// through sit together at the front, which keeps them in cache.
    nodes: Vec<Node>,
    /// Edge labels, sorted per node.
    labels: Vec<u8>,
    /// For nodes with more than [`NARROW`] children (a few dozen, near the
    /// root), 256-byte tables from a byte to its child number + 1, or 0:
    /// one load instead of a binary search on the hottest nodes.
    wide: Vec<u8>,
    /// Pattern ids, grouped by the node where they end.
    outputs: Vec<u32>,
}

/// Nodes with up to this many children are searched by a scan of their labels.
const NARROW: u16 = 8;

/// A node waiting to be expanded: its index, its patterns and their depth.
struct Pending {
    node: usize,
    from: usize,
    to: usize,
    depth: usize,
}

impl Trie {
    /// Builds the trie of `patterns` (pattern id = index). Empty patterns
    /// never match.
    pub(crate) fn new(patterns: &[String]) -> Trie {
        let mut ids: Vec<u32> = (0..patterns.len())
            .filter(|&i| patterns.get(i).is_some_and(|p| !p.is_empty()))
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        // Sorted, the patterns under any node form one run, and the ones
        // that end at the node come first. Ids break ties so equal patterns
        // report in a stable order.
        ids.sort_unstable_by(|&a, &b| {
            bytes_of(patterns, a)
                .cmp(bytes_of(patterns, b))
                .then(a.cmp(&b))
        });
        let total: usize = patterns.iter().map(String::len).sum();
        let mut trie = Trie {
            first: Box::new([0; 256]),
            nodes: Vec::with_capacity(total / 2 + 1),
            labels: Vec::with_capacity(total / 2),
            wide: Vec::new(),
            outputs: Vec::with_capacity(ids.len()),
        };
        trie.nodes.push(Node::default());
        let mut queue = vec![Pending {
            node: 0,
            from: 0,
            to: ids.len(),
            depth: 0,
        }];
        // Breadth first: `queue` only grows, `next` walks it.
        let mut next = 0;
        while let Some(p) = queue.get(next) {
            let (node, depth) = (p.node, p.depth);
            let group = ids.get(p.from..p.to).unwrap_or(&[]);
            let ends = group.partition_point(|&id| bytes_of(patterns, id).len() == depth);
            let (here, deeper) = group.split_at(ends);
            let mut n = Node {
                children: u32::try_from(trie.nodes.len()).unwrap_or(u32::MAX),
                edges: u32::try_from(trie.labels.len()).unwrap_or(u32::MAX),
                n_edges: 0,
                n_outs: u16::try_from(here.len()).unwrap_or(u16::MAX),
                outs: u32::try_from(trie.outputs.len()).unwrap_or(u32::MAX),
            };
            trie.outputs.extend_from_slice(here);
            let mut from = p.from + ends;
            let mut rest = deeper;
            while let Some(&id) = rest.first() {
                let b = byte_at(patterns, id, depth);
                let len = rest.partition_point(|&id| byte_at(patterns, id, depth) == b);
                queue.push(Pending {
                    node: trie.nodes.len(),
                    from,
                    to: from + len,
                    depth: depth + 1,
                });
                trie.nodes.push(Node::default());
                trie.labels.push(b);
                n.n_edges = n.n_edges.saturating_add(1);
                from += len;
                rest = rest.get(len..).unwrap_or(&[]);
            }
            // Children are numbered by a u8 in the table, so at most 255 of
            // them; valid UTF-8 never continues a byte in more ways.
            if n.n_edges > NARROW && n.n_edges < 256 {
                let labels = trie.labels.split_off(n.edges as usize);
                n.edges = u32::try_from(trie.wide.len()).unwrap_or(u32::MAX);
                let table = trie.wide.len();
                trie.wide.resize(table + 256, 0);
                for (k, &b) in labels.iter().enumerate() {
                    if let Some(slot) = trie.wide.get_mut(table + usize::from(b)) {
                        *slot = u8::try_from(k + 1).unwrap_or(0);
                    }
                }
            }
            if let Some(slot) = trie.nodes.get_mut(node) {
                *slot = n;
            }
            next += 1;
        }
        // The root's children, as a direct table of node indices: every
        // walk starts there.
        if let Some(root) = trie.nodes.first().copied() {
            for b in 0..=255u8 {
                let child = trie.child(&root, b);
                trie.first[usize::from(b)] = child;
            }
        }
        trie
    }

    /// Whether some pattern starts with byte `b` (a cheap pre-check).
    #[inline]
    pub(crate) fn starts_with(&self, b: u8) -> bool {
        self.first[usize::from(b)] != 0
    }

    /// Walks `text` from `start`, calling `emit(pattern, end)` for every
    /// pattern that matches `text[start..end]`, shortest first.
    #[inline]
    pub(crate) fn walk(&self, text: &[u8], start: usize, mut emit: impl FnMut(u32, usize)) {
        let Some(&b) = text.get(start) else {
            return;
        };
        let mut node = self.first[usize::from(b)];
        let mut at = start + 1;
        while node != 0 {
            let Some(n) = self.nodes.get(node as usize) else {
                return;
            };
            if n.n_outs > 0 {
                let outs = n.outs as usize;
                for &id in self
                    .outputs
                    .get(outs..outs + usize::from(n.n_outs))
                    .unwrap_or(&[])
                {
                    emit(id, at);
                }
            }
            let Some(&b) = text.get(at) else {
                return;
            };
            node = self.child(n, b);
            at += 1;
        }
    }

    /// The child of `n` along byte `b`, or 0.
    #[inline]
    fn child(&self, n: &Node, b: u8) -> u32 {
        let from = n.edges as usize;
        let k = if n.n_edges > NARROW && n.n_edges < 256 {
            match self.wide.get(from + usize::from(b)) {
                Some(&k) if k > 0 => usize::from(k - 1),
                _ => return 0,
            }
        } else {
            let Some(labels) = self.labels.get(from..from + usize::from(n.n_edges)) else {
                return 0;
            };
            // Deep in a word most nodes have one edge or a few.
            match labels.iter().position(|&l| l == b) {
                Some(k) => k,
                None => return 0,
            }
        };
        n.children + k as u32
    }

    /// Number of nodes (for tests and size reports).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }
}

fn bytes_of(patterns: &[String], id: u32) -> &[u8] {
    patterns.get(id as usize).map_or(&[], |p| p.as_bytes())
}

/// Byte `depth` of pattern `id` (only called on patterns longer than `depth`).
fn byte_at(patterns: &[String], id: u32, depth: usize) -> u8 {
    bytes_of(patterns, id).get(depth).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(patterns: &[&str], text: &str, start: usize) -> Vec<(u32, usize)> {
        let pats: Vec<String> = patterns.iter().map(|p| (*p).to_owned()).collect();
        let trie = Trie::new(&pats);
        let mut out = Vec::new();
        trie.walk(text.as_bytes(), start, |id, end| out.push((id, end)));
        out
    }

    #[test]
    fn reports_every_pattern_starting_at_the_position() {
        let pats = ["vinho", "vinho tinto", "vin", "vodka", "vinho"];
        assert_eq!(
            matches(&pats, "vinho tinto seco", 0),
            vec![(2, 3), (0, 5), (4, 5), (1, 11)]
        );
        assert_eq!(matches(&pats, "vodkas", 0), vec![(3, 5)]);
        assert_eq!(matches(&pats, "x vodka", 2), vec![(3, 7)]);
        assert!(matches(&pats, "vi", 0).is_empty());
        assert!(matches(&pats, "", 0).is_empty());
        assert!(matches(&pats, "vodka", 9).is_empty());
    }

    #[test]
    fn handles_multibyte_patterns_and_wide_nodes() {
        // More than eight edges at one node takes the binary-search path.
        let pats: Vec<String> = "abcdefghijklmnop"
            .chars()
            .map(|c| format!("x{c}"))
            .chain(["🍺".to_owned(), "ñu".to_owned()])
            .collect();
        let trie = Trie::new(&pats);
        for (i, p) in pats.iter().enumerate() {
            let mut out = Vec::new();
            trie.walk(p.as_bytes(), 0, |id, end| out.push((id, end)));
            assert_eq!(out, vec![(i as u32, p.len())], "{p}");
        }
        assert!(trie.starts_with(b'x'));
        assert!(!trie.starts_with(b'y'));
    }

    #[test]
    fn shares_prefixes_and_skips_empty_patterns() {
        let pats: Vec<String> = ["", "ab", "abc", "abd"]
            .iter()
            .map(|p| (*p).to_owned())
            .collect();
        let trie = Trie::new(&pats);
        // root, a, ab, abc, abd
        assert_eq!(trie.len(), 5);
        let trie = Trie::new(&[]);
        assert!(!trie.starts_with(b'a'));
    }
}
