// Opt-in registry: pure logic shared by the options page, the background and
// the Node tests. No browser API here, so it runs under `node --test`.
//
// A registry is a plain object keyed by contact key:
//   { "<key>": { key, phone, name, status, at, source, lastInboundAt? } }
// key = E.164 phone when known, else "name:<display name>".

import { parseCsv, toCsv } from "./csv.js";

export const STATUSES = ["opt_in", "opt_out"];
/** "unknown" only appears on entries created by an inbound message before any opt-in/out. */
export const ENTRY_STATUSES = ["opt_in", "opt_out", "unknown"];
export const SOURCES = ["inbound", "csv", "manual"];

// ---------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------

/** Country calling codes we know national formats for, by region. */
const REGIONS = { BR: "55", ES: "34", AR: "54", MX: "52" };

/**
 * Normalizes a phone number to E.164.
 * Handles Brazilian, Spanish, Argentine and Mexican national and international
 * forms (spaces, dots, dashes, parentheses, "00" prefix, Brazilian carrier
 * codes, Argentine "15" mobile prefix, Mexican legacy "1" after +52).
 * @param {string} input
 * @param {string} [region] region for numbers without a country code (BR, ES, AR, MX)
 * @returns {{ ok: true, e164: string } | { ok: false, error: "empty"|"chars"|"length"|"region" }}
 */
export function parsePhone(input, region = "BR") {
  const raw = String(input ?? "").trim();
  if (!raw) return { ok: false, error: "empty" };
  // WhatsApp ids look like 5511999990000@c.us; accept the number part.
  const at = raw.replace(/@(c\.us|s\.whatsapp\.net)$/i, "");
  if (/[^\d\s+().\-\/]/.test(at)) return { ok: false, error: "chars" };
  let s = at.replace(/[\s().\-\/]/g, "");
  let international = false;
  if (s.startsWith("+")) {
    international = true;
    s = s.slice(1);
  } else if (s.startsWith("00")) {
    international = true;
    s = s.slice(2);
  }
  if (!/^\d+$/.test(s)) return { ok: false, error: "chars" };
  if (!international) {
    const cc = REGIONS[String(region).toUpperCase()];
    if (!cc) return { ok: false, error: "region" };
    const national = nationalToInternational(cc, s);
    if (national === null) return { ok: false, error: "length" };
    s = national;
  }
  const fixed = fixInternational(s);
  if (fixed === null || fixed.length < 8 || fixed.length > 15 || fixed.startsWith("0")) {
    return { ok: false, error: "length" };
  }
  return { ok: true, e164: "+" + fixed };
}

/** E.164 string or null. */
export function normalizePhone(input, region = "BR") {
  const r = parsePhone(input, region);
  return r.ok ? r.e164 : null;
}

/** National digits (no country code) → digits with the country code, or null. */
function nationalToInternational(cc, digits) {
  switch (cc) {
    case "55": {
      // Already carrying the country code (e.g. "5511987654321").
      if ((digits.length === 12 || digits.length === 13) && digits.startsWith("55")) return digits;
      let d = digits;
      // Trunk "0" + two-digit carrier code + DDD + number (0 21 11 98765-4321).
      if (d.startsWith("0") && (d.length === 14 || d.length === 13)) d = d.slice(3);
      else if (d.startsWith("0")) d = d.slice(1);
      return d.length === 10 || d.length === 11 ? "55" + d : null;
    }
    case "34":
      if (digits.length === 11 && digits.startsWith("34")) return digits;
      return digits.length === 9 ? "34" + digits : null;
    case "54": {
      if (digits.startsWith("54") && digits.length >= 12) return digits;
      const d = digits.startsWith("0") ? digits.slice(1) : digits;
      return d.length === 10 || d.length === 11 || d.length === 12 ? "54" + d : null;
    }
    case "52": {
      if (digits.startsWith("52") && (digits.length === 12 || digits.length === 13)) return digits;
      const d = digits.startsWith("01") ? digits.slice(2) : digits;
      return d.length === 10 ? "52" + d : null;
    }
    default:
      return null;
  }
}

/** Applies per-country E.164 fixes to digits that start with a country code. */
function fixInternational(s) {
  if (s.startsWith("55")) {
    const n = s.slice(2);
    // DDDs are 11..99 and never contain a 0 digit.
    if (n.length !== 10 && n.length !== 11) return null;
    if (/0/.test(n.slice(0, 2))) return null;
    return s;
  }
  if (s.startsWith("34")) {
    const n = s.slice(2);
    return n.length === 9 && /^[6-9]/.test(n) ? s : null;
  }
  if (s.startsWith("54")) {
    let n = s.slice(2);
    if (n.startsWith("0")) n = n.slice(1);
    // Mobile written nationally: area code (2-4 digits) + "15" + number, 12 digits in all.
    // E.164 drops the 15 and puts a 9 before the area code.
    if (n.length === 12 && !n.startsWith("9")) {
      for (const areaLen of [2, 3, 4]) {
        if (n.slice(areaLen, areaLen + 2) === "15") {
          return "549" + n.slice(0, areaLen) + n.slice(areaLen + 2);
        }
      }
      return null;
    }
    if (n.length === 10 || (n.length === 11 && n.startsWith("9"))) return "54" + n;
    return null;
  }
  if (s.startsWith("52")) {
    const n = s.slice(2);
    // Since 2020 Mexican mobiles no longer take the "1" after +52.
    if (n.length === 11 && n.startsWith("1")) return "52" + n.slice(1);
    return n.length === 10 ? s : null;
  }
  return s;
}

// ---------------------------------------------------------------------------
// Contact keys and entries
// ---------------------------------------------------------------------------

/** Trims and collapses whitespace in a display name; "" when absent. */
export function cleanName(name) {
  return String(name ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * Registry key of a contact: its E.164 phone when known, else "name:<display name>".
 * @param {{phone?: string|null, name?: string|null}} contact
 * @returns {string|null} null when neither a valid phone nor a name is given
 */
export function contactKey({ phone, name } = {}) {
  const e164 = phone ? normalizePhone(phone) : null;
  if (e164) return e164;
  const n = cleanName(name);
  return n ? "name:" + n : null;
}

/** SHA-256 hex of a contact key (for the audit log: no raw contact data). */
export async function hashKey(key) {
  const bytes = new TextEncoder().encode(String(key));
  // crypto.subtle exists only in secure contexts; a content script on a plain-http
  // intranet dashboard gets the same digest from the small fallback below.
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle ? new Uint8Array(await subtle.digest("SHA-256", bytes)) : sha256(bytes);
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** Plain SHA-256 (FIPS 180-4) of bytes; only used where crypto.subtle is missing. */
export function sha256(bytes) {
  const len = bytes.length;
  const padded = new Uint8Array(((len + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[len] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(len / 0x20000000));
  view.setUint32(padded.length - 4, (len << 3) >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  h.forEach((v, i) => ov.setUint32(i * 4, v));
  return out;
}

function isIso(s) {
  return typeof s === "string" && s.length >= 10 && !Number.isNaN(Date.parse(s));
}

function later(a, b) {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * Merges two entries of the same contact: the newer status decision wins,
 * names and phones are kept, the latest inbound time is kept.
 */
export function mergeEntries(a, b) {
  if (!a) return { ...b };
  if (!b) return { ...a };
  const decided = (e) => e.status === "opt_in" || e.status === "opt_out";
  let winner;
  if (decided(a) && !decided(b)) winner = a;
  else if (decided(b) && !decided(a)) winner = b;
  else winner = Date.parse(b.at ?? 0) >= Date.parse(a.at ?? 0) ? b : a;
  const other = winner === a ? b : a;
  const out = {
    ...other,
    ...winner,
    phone: a.phone ?? b.phone ?? null,
    name: winner.name || other.name || null,
  };
  const inbound = later(a.lastInboundAt, b.lastInboundAt);
  if (inbound) out.lastInboundAt = inbound;
  else delete out.lastInboundAt;
  out.key = out.phone ?? (out.name ? "name:" + out.name : out.key);
  return out;
}

/**
 * Puts an entry into a registry (returns a new registry), merging it with the
 * entry under the same key and with a name-only entry for the same display name
 * once the phone is known (linking a name to a number).
 */
export function upsert(registry, entry) {
  const next = { ...registry };
  const key = entry.phone ?? (entry.name ? "name:" + entry.name : null);
  if (!key) return next;
  let merged = { ...entry, key };
  if (entry.phone && entry.name) {
    const nameKey = "name:" + entry.name;
    if (next[nameKey]) {
      merged = mergeEntries({ ...next[nameKey], phone: entry.phone }, merged);
      delete next[nameKey];
    }
  }
  if (next[key]) merged = mergeEntries(next[key], merged);
  merged.key = key;
  next[key] = merged;
  return next;
}

/**
 * Records a status decision.
 * @returns {object} the new registry
 */
export function setStatus(registry, { phone, name } = {}, status, source, at) {
  if (!STATUSES.includes(status)) throw fieldError("status", `status must be one of ${STATUSES.join(", ")}`);
  if (!SOURCES.includes(source)) throw fieldError("source", `source must be one of ${SOURCES.join(", ")}`);
  const when = at ?? new Date().toISOString();
  if (!isIso(when)) throw fieldError("at", "at must be an ISO 8601 date-time");
  const e164 = phone ? normalizePhone(phone) : null;
  if (phone && !e164) throw fieldError("phone", `'${phone}' is not a valid phone number`);
  const n = cleanName(name) || null;
  if (!e164 && !n) throw fieldError("contact", "a phone number or a name is required");
  // A fresh decision replaces the old one outright (no "newer wins" here: the
  // user just made it), so write the status over the merged entry.
  const reg = upsert(registry, { phone: e164, name: n, status, at: when, source });
  const key = e164 ?? "name:" + n;
  reg[key] = { ...reg[key], status, at: when, source };
  return reg;
}

/** Notes an inbound message (opens the service window); creates an "unknown" entry if needed. */
export function noteInboundIn(registry, { phone, name } = {}, at) {
  const when = at ?? new Date().toISOString();
  const e164 = phone ? normalizePhone(phone) : null;
  const n = cleanName(name) || null;
  if (!e164 && !n) return registry;
  const key = e164 ?? "name:" + n;
  const existing = registry[key] ?? (e164 && n ? registry["name:" + n] : null);
  const base = existing ?? { status: "unknown", at: when, source: "inbound" };
  return upsert(registry, { ...base, phone: e164 ?? base.phone ?? null, name: n ?? base.name ?? null, lastInboundAt: later(base.lastInboundAt, when) });
}

/** Links a display name to a phone number: the name-only entry merges into the phone entry. */
export function link(registry, name, phone) {
  const e164 = normalizePhone(phone);
  if (!e164) throw fieldError("phone", `'${phone}' is not a valid phone number`);
  const n = cleanName(name);
  if (!n) throw fieldError("name", "a name is required");
  const byName = registry["name:" + n];
  const byPhone = registry[e164];
  const next = { ...registry };
  delete next["name:" + n];
  const merged = mergeEntries(byName ? { ...byName, phone: e164 } : null, byPhone ? { ...byPhone, name: byPhone.name ?? n } : null);
  if (!byName && !byPhone) return registry;
  next[e164] = { ...merged, key: e164, phone: e164, name: merged.name || n };
  return next;
}

/** Finds the entry of a contact by phone, then by name. */
export function find(registry, { phone, name } = {}) {
  const e164 = phone ? normalizePhone(phone) : null;
  if (e164 && registry[e164]) return registry[e164];
  const n = cleanName(name);
  if (n && registry["name:" + n]) return registry["name:" + n];
  return null;
}

/** Converts a registry entry to the engine's `context.contact`. */
export function toEngineContact(entry) {
  if (!entry) return { id: null, opt_in: "unknown", opt_in_at: null, opted_out_at: null, last_inbound_at: null };
  return {
    id: entry.key ?? null,
    opt_in: entry.status === "opt_in" ? "granted" : entry.status === "opt_out" ? "denied" : "unknown",
    opt_in_at: entry.status === "opt_in" ? entry.at : null,
    opted_out_at: entry.status === "opt_out" ? entry.at : null,
    last_inbound_at: entry.lastInboundAt ?? null,
  };
}

/** Validates one stored registry entry; returns a list of {field, message}. */
export function validateEntry(entry, path = "registry") {
  const errs = [];
  if (!entry || typeof entry !== "object") return [{ field: path, message: "must be an object" }];
  if (entry.phone != null && normalizePhone(entry.phone) !== entry.phone) errs.push({ field: `${path}.phone`, message: "must be an E.164 number such as +5511987654321" });
  if (entry.name != null && typeof entry.name !== "string") errs.push({ field: `${path}.name`, message: "must be a string" });
  if (entry.phone == null && !cleanName(entry.name)) errs.push({ field: path, message: "needs a phone or a name" });
  if (!ENTRY_STATUSES.includes(entry.status)) errs.push({ field: `${path}.status`, message: `must be one of ${ENTRY_STATUSES.join(", ")}` });
  if (!SOURCES.includes(entry.source)) errs.push({ field: `${path}.source`, message: `must be one of ${SOURCES.join(", ")}` });
  if (!isIso(entry.at)) errs.push({ field: `${path}.at`, message: "must be an ISO 8601 date-time" });
  if (entry.lastInboundAt != null && !isIso(entry.lastInboundAt)) errs.push({ field: `${path}.lastInboundAt`, message: "must be an ISO 8601 date-time" });
  return errs;
}

function fieldError(field, message) {
  return Object.assign(new Error(`${field}: ${message}`), { field });
}

// ---------------------------------------------------------------------------
// CSV import / export
// ---------------------------------------------------------------------------

export const CSV_COLUMNS = ["phone", "name", "status", "at", "source", "lastInboundAt"];

/** Header aliases in the three languages (lower case, accents stripped). */
const HEADER_ALIASES = {
  phone: ["phone", "telefone", "telefono", "celular", "numero", "number", "whatsapp", "movil"],
  name: ["name", "nome", "nombre", "contato", "contacto", "contact"],
  status: ["status", "estado", "situacao", "consent", "consentimento", "consentimiento", "opt_in", "optin"],
  at: ["at", "date", "data", "fecha", "timestamp", "quando", "cuando"],
  source: ["source", "origem", "origen", "fonte"],
  lastInboundAt: ["lastinboundat", "last_inbound_at", "ultima_mensagem", "ultimo_mensaje"],
};

const STATUS_ALIASES = {
  opt_in: ["opt_in", "opt-in", "optin", "in", "yes", "y", "sim", "si", "true", "1", "granted", "aceito", "aceptado", "autorizado"],
  opt_out: ["opt_out", "opt-out", "optout", "out", "no", "n", "nao", "false", "0", "denied", "recusado", "rechazado", "descadastrado", "baja"],
  // Exported entries created by an inbound message only; kept so a round trip loses nothing.
  unknown: ["unknown"],
};

function fold(s) {
  return String(s ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase();
}

function parseStatus(value) {
  const v = fold(value);
  for (const [status, aliases] of Object.entries(STATUS_ALIASES)) if (aliases.includes(v)) return status;
  return null;
}

/** Accepts ISO date-times, ISO dates and dd/mm/yyyy [hh:mm]; returns ISO or null. */
export function parseDate(value) {
  const v = String(value ?? "").trim();
  if (!v) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const d = new Date(v + "T00:00:00Z");
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const br = v.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2}))?$/);
  if (br) {
    const [, dd, mm, yyyy, hh = "0", mi = "0"] = br;
    const d = new Date(Date.UTC(+yyyy, +mm - 1, +dd, +hh, +mi));
    if (d.getUTCDate() !== +dd || d.getUTCMonth() !== +mm - 1) return null;
    return d.toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))) return v;
  return null;
}

/**
 * Parses a registry CSV into a preview: every row with its normalized values or
 * its errors (codes for the UI's messages, with the column they concern).
 * @param {string} text
 * @param {{region?: string, now?: string}} [options]
 * @returns {{ columns: string[], rows: Array<{line: number, phone: string|null, name: string|null,
 *   status: string|null, at: string|null, source: string, lastInboundAt: string|null, key: string|null,
 *   errors: Array<{field: string, code: string, value?: string}>}>, fileErrors: Array<{code: string}> }}
 */
export function previewCsv(text, { region = "BR", now } = {}) {
  const table = parseCsv(text);
  const fileErrors = [];
  const header = table[0] ?? [];
  const columns = header.map((h) => {
    const f = fold(h).replace(/[\s-]+/g, "_");
    const flat = f.replace(/_/g, "");
    for (const [col, aliases] of Object.entries(HEADER_ALIASES)) if (aliases.includes(f) || aliases.includes(flat)) return col;
    return null;
  });
  if (!columns.includes("phone") && !columns.includes("name")) fileErrors.push({ code: "no_contact_column" });
  if (!columns.includes("status")) fileErrors.push({ code: "no_status_column" });
  const rows = [];
  if (fileErrors.length) return { columns, rows, fileErrors };
  const seen = new Map();
  const stamp = now ?? new Date().toISOString();
  for (let i = 1; i < table.length; i++) {
    const cells = table[i];
    if (cells.every((c) => c.trim() === "")) continue;
    const get = (col) => {
      const idx = columns.indexOf(col);
      return idx >= 0 ? (cells[idx] ?? "").trim() : "";
    };
    const errors = [];
    const rawPhone = get("phone");
    let phone = null;
    if (rawPhone) {
      const p = parsePhone(rawPhone, region);
      if (p.ok) phone = p.e164;
      else errors.push({ field: "phone", code: "phone_invalid", value: rawPhone });
    }
    const name = cleanName(get("name")) || null;
    if (!rawPhone && !name) errors.push({ field: "phone", code: "contact_missing" });
    const rawStatus = get("status");
    const status = parseStatus(rawStatus);
    if (!status) errors.push({ field: "status", code: "status_invalid", value: rawStatus });
    const rawAt = get("at");
    let at = stamp;
    if (rawAt) {
      at = parseDate(rawAt);
      if (!at) errors.push({ field: "at", code: "date_invalid", value: rawAt });
    }
    const rawSource = fold(get("source"));
    const source = SOURCES.includes(rawSource) ? rawSource : "csv";
    const rawInbound = get("lastInboundAt");
    let lastInboundAt = null;
    if (rawInbound) {
      lastInboundAt = parseDate(rawInbound);
      if (!lastInboundAt) errors.push({ field: "lastInboundAt", code: "date_invalid", value: rawInbound });
    }
    const key = phone ?? (name && !rawPhone ? "name:" + name : null);
    if (key && !errors.length) {
      if (seen.has(key)) errors.push({ field: "phone", code: "duplicate", value: String(seen.get(key)) });
      else seen.set(key, i + 1);
    }
    rows.push({ line: i + 1, phone, name, status, at, source, lastInboundAt, key: errors.length ? null : key, errors });
  }
  return { columns, rows, fileErrors };
}

/** Applies the valid rows of a preview to a registry (the CSV is authoritative for its rows). */
export function applyCsv(registry, preview) {
  let reg = { ...registry };
  let applied = 0;
  for (const row of preview.rows) {
    if (row.errors.length) continue;
    reg = upsert(reg, { phone: row.phone, name: row.name, status: row.status, at: row.at, source: row.source });
    const entry = { ...reg[row.key], status: row.status, at: row.at, source: row.source };
    if (row.lastInboundAt) entry.lastInboundAt = later(entry.lastInboundAt, row.lastInboundAt);
    reg[row.key] = entry;
    applied++;
  }
  return { registry: reg, applied };
}

/** Serializes a registry to CSV (header row, one row per contact, sorted by key). */
export function registryToCsv(registry) {
  const rows = [CSV_COLUMNS];
  for (const key of Object.keys(registry).sort()) {
    const e = registry[key];
    rows.push([e.phone ?? "", e.name ?? "", e.status ?? "", e.at ?? "", e.source ?? "", e.lastInboundAt ?? ""]);
  }
  return toCsv(rows);
}
