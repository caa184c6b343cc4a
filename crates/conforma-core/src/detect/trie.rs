//! A byte trie of the lexicon patterns, walked only from word starts.
//!
//! Every lexicon match must begin on a word boundary, so instead of an
//! Aho-Corasick scan (every byte a possible match end, failure links to
//! follow) the matcher walks this trie from each position where a word or
//! symbol begins, and stops as soon as no pattern continues. Most words
//! leave the trie within two or three bytes.
//!
//! The trie is built from the sorted patterns in one pass into flat arrays:
//! no allocation per node, which keeps construction to about a millisecond
//! even in wasm (an Aho-Corasick automaton of the same lexicon took 30–45 ms
//! there). A walk never goes deeper than the longest pattern (custom terms
//! are capped at [`MAX_TERM_BYTES`](crate::pack::MAX_TERM_BYTES)), so a check
//! takes at most (word starts) × (longest pattern) steps: linear in the text
//! for a given lexicon. The bench prints the adversarial case.

/// One trie node: its children (consecutive nodes) and the patterns that
/// end here.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// Index of the first child; child `k` is `children + k`, with its byte
    /// at `labels[edges + k]`.
    children: u32,
    /// First edge label in `labels`; for a wide node the first byte of its
    /// table in `wide`; for a node with one child (most nodes: the tails of
    /// words) the label itself, which saves a dependent load per step.
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

/// Patterns in one buffer (pattern id = index): no allocation per pattern,
/// and a copy for a custom pack is two `memcpy`s.
#[derive(Debug, Clone, Default)]
pub(crate) struct Patterns {
    bytes: Vec<u8>,
    /// Where each pattern ends in `bytes`; it starts where the previous ends.
    ends: Vec<u32>,
}

impl Patterns {
    /// Room for `n` patterns of `bytes` bytes in all.
    pub(crate) fn with_capacity(n: usize, bytes: usize) -> Patterns {
        Patterns {
            bytes: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(n),
        }
    }

    /// Appends a pattern.
    pub(crate) fn push(&mut self, pattern: &[u8]) {
        self.bytes.extend_from_slice(pattern);
        self.close();
    }

    /// Appends the first `shared` bytes of the last pattern followed by
    /// `suffix` (front coding: sorted patterns share long prefixes).
    pub(crate) fn push_after_last(&mut self, shared: usize, suffix: &[u8]) {
        let start = self.start(self.ends.len().saturating_sub(1));
        let end = self.bytes.len().min(start + shared);
        self.bytes.extend_from_within(start..end);
        self.bytes.extend_from_slice(suffix);
        self.close();
    }

    fn close(&mut self) {
        self.ends
            .push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
    }

    /// Where pattern `i` starts.
    #[inline]
    fn start(&self, i: usize) -> usize {
        match i.checked_sub(1) {
            Some(j) => self.ends.get(j).map_or(0, |&e| e as usize),
            None => 0,
        }
    }

    /// Pattern `id`, or nothing.
    #[inline]
    pub(crate) fn get(&self, id: u32) -> &[u8] {
        let i = id as usize;
        let end = self.ends.get(i).map_or(0, |&e| e as usize);
        self.bytes.get(self.start(i)..end).unwrap_or(&[])
    }

    /// Number of patterns.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Appends another set's patterns.
    pub(crate) fn extend(&mut self, other: &Patterns) {
        let base = u32::try_from(self.bytes.len()).unwrap_or(u32::MAX);
        self.bytes.extend_from_slice(&other.bytes);
        self.ends
            .extend(other.ends.iter().map(|&e| e.saturating_add(base)));
    }
}

impl Trie {
    /// Builds the trie of `patterns` (pattern id = index). Empty patterns
    /// never match.
    pub(crate) fn new(patterns: &Patterns) -> Trie {
        let (ids, lcp, nodes) = sorted(patterns);
        let mut trie = Trie {
            first: Box::new([0; 256]),
            nodes: Vec::with_capacity(nodes),
            labels: Vec::with_capacity(nodes),
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
            if let [id] = *group {
                // One pattern left: the rest of the trie below is a chain of
                // one-child nodes, laid out in a row (most nodes are in such
                // tails). A single child may sit anywhere; breadth-first
                // order only matters where a node has several.
                trie.chain(node, patterns.get(id).get(depth..).unwrap_or(&[]), id);
                next += 1;
                continue;
            }
            // Patterns are at least `depth` long here, and the ones that end
            // at this node come first.
            let ends = group
                .iter()
                .position(|&id| patterns.get(id).len() > depth)
                .unwrap_or(group.len());
            let here = group.get(..ends).unwrap_or(&[]);
            let mut n = Node {
                children: u32::try_from(trie.nodes.len()).unwrap_or(u32::MAX),
                edges: u32::try_from(trie.labels.len()).unwrap_or(u32::MAX),
                n_edges: 0,
                n_outs: u16::try_from(here.len()).unwrap_or(u16::MAX),
                outs: u32::try_from(trie.outputs.len()).unwrap_or(u32::MAX),
            };
            trie.outputs.extend_from_slice(here);
            // Each child's patterns run until one shares only `depth`
            // bytes with its predecessor: a linear scan of small numbers,
            // no pattern bytes touched but the label.
            let mut from = p.from + ends;
            let to = p.to;
            while from < to {
                let b = ids.get(from).map_or(0, |&id| byte_at(patterns, id, depth));
                let mut end = from + 1;
                while end < to && lcp.get(end).is_some_and(|&l| l as usize > depth) {
                    end += 1;
                }
                queue.push(Pending {
                    node: trie.nodes.len(),
                    from,
                    to: end,
                    depth: depth + 1,
                });
                trie.nodes.push(Node::default());
                trie.labels.push(b);
                n.n_edges = n.n_edges.saturating_add(1);
                from = end;
            }
            // Children are numbered by a u8 in the table, so at most 255 of
            // them; valid UTF-8 never continues a byte in more ways.
            if n.n_edges == 1 {
                // One child: its label sits in the node (see `Node::edges`).
                n.edges = u32::from(trie.labels.pop().unwrap_or(0));
            } else if n.n_edges > NARROW && n.n_edges < 256 {
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

    /// Fills node `node` and a new chain below it for `rest`, the remaining
    /// bytes of pattern `id`, which ends at the last node.
    fn chain(&mut self, mut node: usize, rest: &[u8], id: u32) {
        for &b in rest {
            let child = self.nodes.len();
            if let Some(slot) = self.nodes.get_mut(node) {
                *slot = Node {
                    children: u32::try_from(child).unwrap_or(u32::MAX),
                    edges: u32::from(b),
                    n_edges: 1,
                    n_outs: 0,
                    outs: 0,
                };
            }
            self.nodes.push(Node::default());
            node = child;
        }
        if let Some(slot) = self.nodes.get_mut(node) {
            *slot = Node {
                children: 0,
                edges: 0,
                n_edges: 0,
                n_outs: 1,
                outs: u32::try_from(self.outputs.len()).unwrap_or(u32::MAX),
            };
        }
        self.outputs.push(id);
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
        if n.n_edges == 1 {
            return if n.edges == u32::from(b) {
                n.children
            } else {
                0
            };
        }
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

/// The ids of the non-empty patterns, sorted by pattern and then id, with
/// [`shared_prefixes`]. Sorted, the patterns under any node form one run,
/// and the ones that end at the node come first. Patterns already sorted
/// (checked in the same pass) are kept; from the first one out of order on,
/// the rest are sorted and merged in. The built-in ones come as sorted runs,
/// one per lexicon group (`lexfile::encode`), which a stable sort merges
/// (it finds the runs) and keeps equal patterns in id order.
fn sorted(patterns: &Patterns) -> (Vec<u32>, Vec<u32>, usize) {
    let mut ids: Vec<u32> = (0..patterns.len())
        .filter_map(|i| u32::try_from(i).ok())
        .filter(|&i| !patterns.get(i).is_empty())
        .collect();
    let run = match shared_prefixes(patterns, &ids) {
        Ok((lcp, nodes)) => return (ids, lcp, nodes),
        Err(run) => run,
    };
    let mut tail = ids.split_off(run);
    tail.sort_by(|&a, &b| patterns.get(a).cmp(patterns.get(b)));
    // Every id of the sorted run is below every id of the tail: on equal
    // patterns the run's goes first.
    let mut merged = Vec::with_capacity(ids.len() + tail.len());
    let (mut a, mut b) = (ids.iter().peekable(), tail.iter().peekable());
    while let (Some(&&x), Some(&&y)) = (a.peek(), b.peek()) {
        if patterns.get(y) < patterns.get(x) {
            merged.push(y);
            b.next();
        } else {
            merged.push(x);
            a.next();
        }
    }
    merged.extend(a);
    merged.extend(b);
    // Sorted now, so always `Ok`.
    let (lcp, nodes) = shared_prefixes(patterns, &merged).unwrap_or_default();
    (merged, lcp, nodes)
}

/// For patterns `ids`, how many bytes each shares with the one before it,
/// and the number of trie nodes: one per distinct prefix, so each pattern
/// adds the bytes it does not share (sizing the arrays exactly saves
/// regrowing them). `Err(k)` if `ids[k]` sorts before `ids[k - 1]`.
fn shared_prefixes(patterns: &Patterns, ids: &[u32]) -> Result<(Vec<u32>, usize), usize> {
    let mut lcp = Vec::with_capacity(ids.len());
    let mut nodes = 1;
    let mut prev: &[u8] = &[];
    for (k, &id) in ids.iter().enumerate() {
        let p = patterns.get(id);
        let shared = common_prefix(prev, p);
        // Out of order: `prev` is no prefix of `p` and its next byte is
        // larger, or `p` ended (`None` sorts first).
        if shared < prev.len() && prev.get(shared) > p.get(shared) {
            return Err(k);
        }
        nodes += p.len() - shared;
        lcp.push(u32::try_from(shared).unwrap_or(u32::MAX));
        prev = p;
    }
    Ok((lcp, nodes))
}

/// The length of the common prefix of `a` and `b`, eight bytes at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let mut i = 0;
    while let (Some(x), Some(y)) = (
        a.get(i..).and_then(<[u8]>::first_chunk::<8>),
        b.get(i..).and_then(<[u8]>::first_chunk::<8>),
    ) {
        let diff = u64::from_le_bytes(*x) ^ u64::from_le_bytes(*y);
        if diff != 0 {
            return i + (diff.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let (a, b) = (a.get(i..).unwrap_or(&[]), b.get(i..).unwrap_or(&[]));
    i + a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Byte `depth` of pattern `id` (only called on patterns longer than `depth`).
#[inline]
fn byte_at(patterns: &Patterns, id: u32, depth: usize) -> u8 {
    patterns.get(id).get(depth).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set<S: AsRef<str>>(patterns: &[S]) -> Patterns {
        let mut set = Patterns::default();
        for p in patterns {
            set.push(p.as_ref().as_bytes());
        }
        set
    }

    fn matches(patterns: &[&str], text: &str, start: usize) -> Vec<(u32, usize)> {
        let trie = Trie::new(&set(patterns));
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
        let trie = Trie::new(&set(&pats));
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
        let trie = Trie::new(&set(&["", "ab", "abc", "abd"]));
        // root, a, ab, abc, abd
        assert_eq!(trie.len(), 5);
        let trie = Trie::new(&Patterns::default());
        assert!(!trie.starts_with(b'a'));
    }

    #[test]
    fn sorts_ids_with_a_sorted_run_and_an_appended_tail() {
        let ids = |p: &[&str]| sorted(&set(p)).0;
        // Sorted already (equal patterns in id order): kept as is.
        assert_eq!(ids(&["a", "ab", "ab", "b"]), vec![0, 1, 2, 3]);
        // A sorted run, then appended patterns (a custom pack's): merged,
        // equal patterns by id, empty ones left out.
        assert_eq!(
            ids(&["ab", "b", "c", "", "b", "a", "c", "ab"]),
            vec![5, 0, 7, 1, 4, 2, 6]
        );
        // Wholly unsorted, or out of order only after a common prefix.
        assert_eq!(ids(&["c", "b", "a", "b"]), vec![2, 1, 3, 0]);
        assert_eq!(ids(&["abcdefghij", "abcdefghi"]), vec![1, 0]);
        assert_eq!(ids(&["abcdefghiz", "abcdefghia"]), vec![1, 0]);
        // Shared prefix lengths and node count: root, a, ab, abc, b.
        let (_, lcp, nodes) = sorted(&set(&["a", "abc", "abc", "b"]));
        assert_eq!((lcp, nodes), (vec![0, 1, 3, 0], 5));
    }

    #[test]
    fn common_prefix_of_any_length() {
        let long = "0123456789abcdefghijklmnopqrstuvwxyz";
        for i in 0..=long.len() {
            let mut other = long.as_bytes().to_vec();
            if let Some(b) = other.get_mut(i) {
                *b = b'_';
            }
            assert_eq!(common_prefix(long.as_bytes(), &other), i);
            assert_eq!(common_prefix(&long.as_bytes()[..i], long.as_bytes()), i);
        }
        assert_eq!(common_prefix(b"", b""), 0);
    }

    #[test]
    fn front_coded_pushes_rebuild_the_patterns() {
        let mut p = Patterns::default();
        p.push_after_last(3, b"vinho");
        p.push_after_last(5, b" tinto");
        p.push_after_last(3, b"dka");
        p.push_after_last(99, b"s");
        let mut q = set(&["x"]);
        q.extend(&p);
        let got: Vec<&[u8]> = (0..q.len() as u32).map(|i| q.get(i)).collect();
        let want: [&[u8]; 5] = [b"x", b"vinho", b"vinho tinto", b"vindka", b"vindkas"];
        assert_eq!(got, want);
        assert!(q.get(9).is_empty());
    }
}
