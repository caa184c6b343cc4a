// WhatsApp Web: where the composer and send button are, and what the page tells us about the
// current chat (name, phone when shown, group or not, last inbound message). Selectors churn,
// so each is a fallback chain; tests/fixtures/whatsapp reproduces the DOM they expect.
import { firstMatch } from "./composer.js";
import { readEditable } from "./text.js";
import { parsePrePlainText, toEpochMs } from "./timestamps.js";

export const COMPOSER = [
  '#main footer [contenteditable="true"][data-lexical-editor="true"]',
  '#main footer [contenteditable="true"][role="textbox"]',
  'footer [contenteditable="true"][data-tab="10"]',
  '#main footer [contenteditable="true"]',
];
export const SEND_ICON = [
  '[data-icon="wds-ic-send-filled"]',
  'span[data-icon="send"]',
  '[data-icon="send-light"]',
];
const ROWS = '#main [role="row"]';
const GROUP_ICON = '#main header [data-icon^="default-group"], #main header [data-icon="group"]';

/** A phone number as shown by WhatsApp ("+55 11 90000-0001"), else null. */
export function phoneIn(text) {
  const t = String(text ?? "").trim();
  if (!/^\+?[\d\s().\u00a0-]{8,}$/.test(t)) return null;
  const digits = t.replace(/\D/g, "");
  return digits.length >= 8 && digits.length <= 15 ? "+" + digits : null;
}

function pageLocale() {
  return document.documentElement.lang || navigator.language || "pt-BR";
}

/** The time (epoch ms) and author of a message row, from its data-pre-plain-text. */
export function rowInfo(row) {
  const meta = row.querySelector("[data-pre-plain-text]");
  const parsed = parsePrePlainText(meta?.getAttribute("data-pre-plain-text"), pageLocale());
  const textEl = row.querySelector("span.selectable-text") ?? meta;
  return {
    at: toEpochMs(parsed),
    author: parsed?.author ?? null,
    text: (textEl?.textContent ?? "").trim(),
    inbound: !!row.querySelector(".message-in") || row.classList.contains("message-in"),
  };
}

export const whatsapp = {
  kind: "whatsapp",
  enterSends: true,
  findComposer: () => firstMatch(COMPOSER),
  read: (composer) => readEditable(composer),
  /** The send control: the button (or role=button) around the send icon. */
  findSend(composer) {
    const scope = composer.closest("footer") ?? document;
    const icon = firstMatch(SEND_ICON, scope);
    return icon ? (icon.closest('button, [role="button"]') ?? icon) : null;
  },
  isSendTarget(target, composer) {
    if (!(target instanceof Element)) return false;
    const scope = composer.closest("footer");
    if (scope && !scope.contains(target)) return false;
    const button = target.closest('button, [role="button"]');
    if (button) return SEND_ICON.some((sel) => button.matches(sel) || !!button.querySelector(sel));
    return SEND_ICON.some((sel) => !!target.closest(sel));
  },
  triggerSend(composer) {
    const send = this.findSend(composer);
    if (send) {
      send.click();
      return true;
    }
    composer.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", code: "Enter", keyCode: 13, which: 13, bubbles: true, cancelable: true }));
    return true;
  },
  /**
   * What the header and message rows say about the open chat.
   * @returns {{name: string|null, phone: string|null, isGroup: boolean, lastInboundAt: number|null, key: string}}
   */
  chat() {
    const header = document.querySelector("#main header");
    const titles = header ? [...header.querySelectorAll("span[title]")].map((s) => s.getAttribute("title")?.trim()).filter(Boolean) : [];
    const name = titles[0] ?? null;
    let phone = phoneIn(name);
    // Some layouts show the number under the name (contact card, unsaved contacts).
    for (const t of titles.slice(1)) phone ??= phoneIn(t);
    const rows = [...document.querySelectorAll(ROWS)].map(rowInfo);
    const inbound = rows.filter((r) => r.inbound);
    const authors = new Set(inbound.map((r) => r.author).filter(Boolean));
    const subtitle = titles[1] ?? "";
    // Group: the group avatar icon, a member list as subtitle, or several inbound authors.
    const isGroup = !!document.querySelector(GROUP_ICON) || subtitle.split(",").length >= 3 || authors.size >= 2;
    // In a 1:1 chat with an unsaved contact the author is the number.
    if (!isGroup && !phone) for (const a of authors) phone ??= phoneIn(a);
    const last = inbound.map((r) => r.at).filter((n) => n !== null);
    return { name, phone, isGroup, lastInboundAt: last.length ? Math.max(...last) : null, key: `${name}|${phone}|${isGroup}` };
  },
  /**
   * Calls `onRow(info, row)` for each inbound row added after now.
   * @param {(info: ReturnType<typeof rowInfo>, row: Element) => void} onRow
   * @param {AbortSignal} signal
   */
  watchInbound(onRow, signal) {
    const seen = new WeakSet(document.querySelectorAll(ROWS));
    const scan = () => {
      for (const row of document.querySelectorAll(ROWS)) {
        if (seen.has(row)) continue;
        seen.add(row);
        const info = rowInfo(row);
        if (info.inbound && info.text) onRow(info, row);
      }
    };
    const main = document.querySelector("#main") ?? document.body;
    const observer = new MutationObserver(scan);
    observer.observe(main, { childList: true, subtree: true });
    signal.addEventListener("abort", () => observer.disconnect());
  },
};
