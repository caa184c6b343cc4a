// Reads a composer's text the way the agent sees it, with a map from string offsets (UTF-16,
// as the engine returns them) back to DOM positions, so highlights land on the right words.
// Read-only: the composer (a Lexical editor on WhatsApp) is never modified.

const BLOCKS = new Set(["P", "DIV", "LI", "UL", "OL", "BLOCKQUOTE", "H1", "H2", "H3", "H4", "H5", "H6", "PRE"]);

/**
 * @typedef {{node: Node, start: number, length: number, atom: boolean}} Segment
 * @typedef {{text: string, segments: Segment[], root: Element}} Snapshot
 */

/**
 * Snapshot of a contenteditable element: paragraphs joined by "\n", <br> as "\n",
 * images (emoji) as their alt text.
 * @param {Element} root
 * @returns {Snapshot}
 */
export function readEditable(root) {
  let text = "";
  /** @type {Segment[]} */
  const segments = [];
  let blockStarted = false;
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const value = child.nodeValue ?? "";
        if (value) {
          segments.push({ node: child, start: text.length, length: value.length, atom: false });
          text += value;
        }
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const el = /** @type {Element} */ (child);
        if (el.tagName === "BR") {
          // Lexical keeps a lone <br> in an empty paragraph: that paragraph is an empty line.
          const lone = el.parentElement && BLOCKS.has(el.parentElement.tagName) && el.parentElement.childNodes.length === 1;
          if (!lone) text += "\n";
        } else if (el.tagName === "IMG") {
          const alt = el.getAttribute("alt") ?? "";
          if (alt) {
            segments.push({ node: el, start: text.length, length: alt.length, atom: true });
            text += alt;
          }
        } else if (BLOCKS.has(el.tagName)) {
          if (blockStarted) text += "\n";
          blockStarted = true;
          walk(el);
        } else {
          walk(el);
        }
      }
    }
  };
  walk(root);
  return { text, segments, root };
}

/**
 * Snapshot of a <textarea>/<input>: its value; positions are resolved against a mirror.
 * @param {HTMLTextAreaElement | HTMLInputElement} el
 */
export function readField(el) {
  return { text: el.value ?? "", segments: [], root: el };
}

/**
 * DOM position of a string offset. A range start goes to the segment containing the offset (or
 * the next one when the offset sits on a virtual "\n"); a range end to the segment that
 * contains the character before it (or the previous one).
 */
function position(snapshot, offset, isEnd) {
  const segs = snapshot.segments;
  if (!isEnd) {
    const seg = segs.find((s) => offset >= s.start && offset < s.start + s.length) ?? segs.find((s) => s.start >= offset);
    if (!seg) return null;
    if (seg.atom) return { node: seg.node, before: true };
    return { node: seg.node, offset: Math.max(0, offset - seg.start) };
  }
  let seg = segs.find((s) => offset > s.start && offset <= s.start + s.length);
  if (!seg) seg = segs.filter((s) => s.start + s.length <= offset).pop();
  if (!seg) return null;
  if (seg.atom) return { node: seg.node, before: false };
  return { node: seg.node, offset: Math.min(seg.length, offset - seg.start) };
}

/**
 * A DOM Range for [start, end) of a contenteditable snapshot, or null.
 * @param {Snapshot} snapshot
 */
export function rangeFor(snapshot, start, end) {
  if (end <= start) return null;
  const a = position(snapshot, start, false);
  const b = position(snapshot, end, true);
  if (!a || !b) return null;
  const range = document.createRange();
  try {
    if ("before" in a) a.before ? range.setStartBefore(a.node) : range.setStartAfter(a.node);
    else range.setStart(a.node, a.offset);
    if ("before" in b) b.before ? range.setEndBefore(b.node) : range.setEndAfter(b.node);
    else range.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return range;
}
