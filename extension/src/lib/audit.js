// Local audit log: pure helpers (validation, retention pruning, CSV export).
// Entries: { ts: ISO, rule, contact: sha-256 hex of the contact key, action, reason?, text? }

import { toCsv } from "./csv.js";

export const ACTIONS = ["warned", "blocked", "overridden"];
/** Hard cap so a busy agent's log never grows without bound, whatever the retention. */
export const MAX_AUDIT_ENTRIES = 5000;
export const AUDIT_COLUMNS = ["ts", "rule", "contact", "action", "reason", "text"];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Builds a clean audit entry from what a caller passes, or throws an Error with `field`.
 * Message text is kept only when `keepText` is true (the user's opt-in).
 */
export function makeEntry(input, { keepText = false, now = new Date() } = {}) {
  const e = input ?? {};
  if (!ACTIONS.includes(e.action)) throw fieldError("action", `must be one of ${ACTIONS.join(", ")}`);
  if (typeof e.rule !== "string" || !e.rule) throw fieldError("rule", "a rule id is required");
  const ts = e.ts ?? now.toISOString();
  if (Number.isNaN(Date.parse(ts))) throw fieldError("ts", "must be an ISO 8601 date-time");
  if (e.contact != null && !/^[0-9a-f]{64}$/.test(e.contact)) throw fieldError("contact", "must be a SHA-256 hex digest (use hashKey)");
  const out = { ts, rule: e.rule, contact: e.contact ?? null, action: e.action };
  if (e.reason != null && e.reason !== "") out.reason = String(e.reason).slice(0, 500);
  if (keepText && typeof e.text === "string" && e.text) out.text = e.text.slice(0, 4000);
  return out;
}

/** Drops entries older than `days` (relative to `now`) and keeps at most MAX_AUDIT_ENTRIES newest. */
export function pruneAudit(list, days, now = Date.now()) {
  const limit = now - Math.max(0, Number(days) || 0) * DAY_MS;
  const kept = (list ?? []).filter((e) => {
    const t = Date.parse(e?.ts);
    return !Number.isNaN(t) && t >= limit;
  });
  return kept.length > MAX_AUDIT_ENTRIES ? kept.slice(kept.length - MAX_AUDIT_ENTRIES) : kept;
}

/** Merges two logs without duplicates, ordered by time. */
export function mergeAudit(a, b) {
  const seen = new Set();
  const out = [];
  for (const e of [...(a ?? []), ...(b ?? [])]) {
    const id = [e.ts, e.rule, e.contact, e.action, e.reason ?? ""].join("\u0000");
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(e);
  }
  return out.sort((x, y) => Date.parse(x.ts) - Date.parse(y.ts));
}

/** The audit log as CSV (UTF-8 BOM so spreadsheets show accents). */
export function auditToCsv(list) {
  const rows = [AUDIT_COLUMNS];
  for (const e of list ?? []) rows.push([e.ts, e.rule, e.contact ?? "", e.action, e.reason ?? "", e.text ?? ""]);
  return toCsv(rows, { bom: true });
}

function fieldError(field, message) {
  return Object.assign(new Error(`${field}: ${message}`), { field });
}
