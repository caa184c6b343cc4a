// The extension's own layer over the page: one open shadow root holding the highlight boxes,
// the findings panel, the send-guard dialog and the aria-live region. The page's styles cannot
// reach it and it never touches the composer. Highlight boxes come from Range.getClientRects().
import { rangeFor } from "./text.js";

const STYLE = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
.hl { position: fixed; pointer-events: none; border-bottom: 2px solid; border-radius: 2px; }
.hl[data-severity="block"] { background: rgba(179, 38, 30, 0.18); border-color: #b3261e; }
.hl[data-severity="warn"] { background: rgba(176, 96, 0, 0.16); border-color: #9a5200; }
.hl[data-severity="info"] { background: rgba(11, 87, 208, 0.12); border-color: #0b57d0; }
.ev { position: fixed; pointer-events: none; border-bottom: 2px dotted; }
.ev[data-severity="block"] { border-color: #b3261e; }
.ev[data-severity="warn"] { border-color: #9a5200; }
.ev[data-severity="info"] { border-color: #0b57d0; }
.panel { position: fixed; pointer-events: auto; max-height: 40vh; overflow: auto; background: #fff; color: #1f1f1f;
  border: 1px solid #c4c7c5; border-radius: 8px; box-shadow: 0 2px 10px rgba(0,0,0,.18);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 8px 10px; z-index: 2147483646; }
.panel[hidden] { display: none; }
.panel h2 { font-size: 12px; margin: 0 0 6px; font-weight: 600; color: #444746; }
.panel ul { list-style: none; margin: 0; padding: 0; }
.finding { border-left: 4px solid; padding: 4px 0 4px 8px; margin: 0 0 6px; }
.finding[data-severity="block"] { border-color: #b3261e; }
.finding[data-severity="warn"] { border-color: #9a5200; }
.finding[data-severity="info"] { border-color: #0b57d0; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; padding: 0 6px; border-radius: 9px; margin-right: 6px; color: #fff; }
.badge[data-severity="block"] { background: #b3261e; }
.badge[data-severity="warn"] { background: #8a4a00; }
.badge[data-severity="info"] { background: #0b57d0; }
.suggestion { color: #444746; margin-top: 2px; }
.tag { font-size: 11px; color: #444746; }
.notice { background: #fdf3f2; border: 1px solid #b3261e; border-radius: 6px; padding: 6px 8px; margin: 0 0 6px; display: flex; gap: 8px; align-items: flex-start; }
.notice p { margin: 0; flex: 1; }
.notice q { display: block; color: #444746; margin-top: 2px; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #747775; background: #fff; color: #1f1f1f; padding: 4px 10px; }
button.primary { background: #b3261e; border-color: #b3261e; color: #fff; }
button:focus-visible, textarea:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); pointer-events: auto; z-index: 2147483647;
  display: flex; align-items: center; justify-content: center; }
.dialog { background: #fff; color: #1f1f1f; border-radius: 10px; padding: 16px 18px; width: min(460px, 92vw);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; box-shadow: 0 6px 24px rgba(0,0,0,.3); }
.dialog h2 { font-size: 16px; margin: 0 0 8px; }
.dialog ul { padding-left: 18px; margin: 6px 0 10px; }
.dialog label { display: block; font-weight: 600; margin: 8px 0 4px; }
.dialog textarea { width: 100%; min-height: 56px; font: inherit; border: 1px solid #747775; border-radius: 6px; padding: 6px; }
.dialog textarea[aria-invalid="true"] { border-color: #b3261e; }
.error { color: #b3261e; margin: 4px 0 0; min-height: 1em; }
.actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; flex-wrap: wrap; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/**
 * Creates the overlay host. Call `destroy()` to remove it.
 * @param {AbortSignal} signal tears everything down
 */
export function createOverlay(signal) {
  const host = document.createElement("div");
  host.setAttribute("data-conforma", "");
  // Open, so tests and assistive tech can read it; the page only ever sees its own text.
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = STYLE;
  const layer = document.createElement("div");
  layer.className = "layer";
  layer.setAttribute("aria-hidden", "true");
  const live = document.createElement("div");
  live.className = "sr";
  live.setAttribute("aria-live", "polite");
  live.setAttribute("role", "status");
  const dialogSlot = document.createElement("div");
  root.append(style, layer, live, dialogSlot);
  // Keys typed in our panel/dialog must not reach the page's shortcuts (bubble phase).
  for (const type of ["keydown", "keyup", "keypress", "input"]) host.addEventListener(type, (e) => e.stopPropagation());
  document.documentElement.append(host);
  signal.addEventListener("abort", () => host.remove());

  let lastAnnounced = "";
  return {
    host,
    root,
    dialogSlot,
    /** Announces a sentence to screen readers (skips repeats). */
    announce(text) {
      if (text === lastAnnounced) return;
      lastAnnounced = text;
      live.textContent = text;
    },
    /**
     * Draws boxes over the findings' spans.
     * @param {import("./text.js").Snapshot | null} snapshot
     * @param {Array<{severity: string, rule: string, spans: {start: number, end: number}[]}>} findings
     * @param {Element | null} composer
     */
    drawHighlights(snapshot, findings, composer) {
      layer.replaceChildren();
      if (!snapshot || !composer || !findings.length) return;
      const clip = composer.getBoundingClientRect();
      const rects = [];
      const mirror = isField(composer) ? makeMirror(composer, snapshot.text, root) : null;
      for (const f of findings) {
        // The first span is the offending text; the others are evidence (a price, a
        // "vendo", an emoji) and get a quieter dotted underline.
        (f.spans ?? []).forEach((span, i) => {
          const list = mirror ? mirror.rects(span.start, span.end) : rectsOf(rangeFor(snapshot, span.start, span.end));
          for (const r of list) rects.push([f, r, i === 0 ? "hl" : "ev"]);
        });
      }
      mirror?.remove();
      for (const [f, r, kind] of rects) {
        const left = Math.max(r.left, clip.left);
        const right = Math.min(r.right, clip.right);
        const top = Math.max(r.top, clip.top);
        const bottom = Math.min(r.bottom, clip.bottom);
        if (right - left < 1 || bottom - top < 1) continue;
        const box = document.createElement("div");
        box.className = kind;
        box.dataset.severity = f.severity;
        box.dataset.rule = f.rule;
        box.style.left = `${left}px`;
        box.style.top = `${top}px`;
        box.style.width = `${right - left}px`;
        box.style.height = `${bottom - top}px`;
        layer.append(box);
      }
    },
  };
}

function rectsOf(range) {
  return range ? Array.from(range.getClientRects()) : [];
}

function isField(el) {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
}

const MIRRORED = [
  "fontFamily", "fontSize", "fontWeight", "fontStyle", "letterSpacing", "lineHeight", "textTransform", "wordSpacing",
  "textIndent", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "borderTopWidth", "borderRightWidth",
  "borderBottomWidth", "borderLeftWidth", "boxSizing", "tabSize", "direction",
];

/**
 * Text fields have no DOM text to take a Range of: lay the value out in an invisible twin with
 * the same box and font, measure there, then shift by the field's scroll position.
 */
function makeMirror(field, text, root) {
  const cs = getComputedStyle(field);
  const rect = field.getBoundingClientRect();
  const div = document.createElement("div");
  for (const p of MIRRORED) div.style[p] = cs[p];
  Object.assign(div.style, {
    position: "fixed", left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px`,
    visibility: "hidden", overflow: "hidden", borderStyle: "solid", borderColor: "transparent",
    whiteSpace: field instanceof HTMLInputElement ? "pre" : "pre-wrap", overflowWrap: "break-word", pointerEvents: "none",
  });
  const node = document.createTextNode(text);
  div.append(node);
  root.append(div);
  return {
    rects(start, end) {
      const range = document.createRange();
      try {
        range.setStart(node, Math.min(start, text.length));
        range.setEnd(node, Math.min(end, text.length));
      } catch {
        return [];
      }
      const dx = -field.scrollLeft;
      const dy = -field.scrollTop;
      return Array.from(range.getClientRects(), (r) => new DOMRect(r.left + dx, r.top + dy, r.width, r.height));
    },
    remove: () => div.remove(),
  };
}
