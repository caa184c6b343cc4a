// Versioned extension storage (chrome.storage.local) with migrations, managed
// (admin) overrides, the opt-in registry, the audit log and daily counts.
//
// Everything that touches a browser API goes through `area()`/`managedArea()`,
// so the module also runs under Node (tests inject a backend with
// `setStorageBackend`). Layout, schema 1:
//   schema, settings, registry, audit, sendLog, counts   (see extension.md)

import * as reg from "./registry.js";
import { makeEntry, pruneAudit, mergeAudit, ACTIONS } from "./audit.js";

export { contactKey, hashKey, normalizePhone, toEngineContact } from "./registry.js";

/** Current storage schema. Bump it and add a step to MIGRATIONS when the shape changes. */
export const SCHEMA = 1;
export const EXPORT_FORMAT = "conforma-export";

export const LANGUAGES = ["auto", "pt-BR", "es", "en"];
export const SEVERITIES = ["info", "warn", "block"];
export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
// Calendars the engine has built in (context/holidays.rs).
export const NATIONAL_HOLIDAYS = ["BR", "ES", "AR", "MX"];
export const PRESETS = {
  textarea: { composer: "textarea[name=reply]", send: "button[type=submit]" },
  contenteditable: { composer: "[contenteditable=true][role=textbox]", send: "button[data-action=send]" },
};

/** Defaults; a fresh copy each call so nobody mutates the shared object. */
export function defaultSettings() {
  return {
    language: "auto",
    timezone: "America/Sao_Paulo",
    hours: {
      mon: ["08:00-18:00"],
      tue: ["08:00-18:00"],
      wed: ["08:00-18:00"],
      thu: ["08:00-18:00"],
      fri: ["08:00-18:00"],
      sat: ["09:00-13:00"],
      sun: [],
    },
    holidays: { dates: [], national: ["BR"] },
    surface: "app",
    rules: {},
    customTerms: [],
    allowList: [],
    bulk: { max_contacts: 20, window_minutes: 10 },
    sites: [],
    failMode: "open",
    auditText: false,
    auditRetentionDays: 90,
    pausedUntil: null,
  };
}

export const SETTINGS_KEYS = Object.keys(defaultSettings());

// ---------------------------------------------------------------------------
// Backend (browser or injected)
// ---------------------------------------------------------------------------

let backend = null;

/**
 * Replaces the storage backend (tests). `local` and `managed` need
 * `get(keys|null)` / `set(obj)` / `remove(keys)` returning promises;
 * `onChanged` is an event with addListener/removeListener(cb(changes, areaName)).
 * Pass null to go back to the browser's storage.
 */
export function setStorageBackend(b) {
  backend = b;
  migratedDone = false;
}

function browserApi() {
  return globalThis.browser ?? globalThis.chrome;
}

function area() {
  if (backend) return backend.local;
  const api = browserApi();
  if (!api?.storage?.local) throw new Error("storage: no chrome.storage.local (not running in the extension)");
  return api.storage.local;
}

async function readManaged() {
  const m = backend ? backend.managed : browserApi()?.storage?.managed;
  if (!m) return {};
  try {
    // Chromium rejects when no managed_schema is declared; Firefox when no policy exists.
    return (await m.get(null)) ?? {};
  } catch {
    return {};
  }
}

function changedEvent() {
  return backend ? backend.onChanged : browserApi()?.storage?.onChanged;
}

// Serializes read-modify-write cycles within this context (page or worker).
let queue = Promise.resolve();
function exclusive(fn) {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

// ---------------------------------------------------------------------------
// Migrations
// ---------------------------------------------------------------------------

/**
 * Upgrades stored data of any older shape to the current schema. Pure: returns
 * `{ data, from, changed }`. Keys it does not know are kept as they are, so a
 * downgrade-then-upgrade or a newer field never loses data.
 *
 * Schema 0 (no `schema` key, the first prototype): settings were flat at the
 * top level with `lang` for the language, `businessHours` for hours and
 * `bulkLimit`/`bulkWindow` numbers; the registry was an array `optins` of
 * `{phone, name, optIn: bool, date, source}`; audit entries used `time` and a
 * plain `contactHash`.
 */
export function migrate(stored) {
  const data = structuredClone(stored ?? {});
  const from = typeof data.schema === "number" ? data.schema : 0;
  if (from > SCHEMA) {
    // Written by a newer version: leave it alone rather than guessing.
    return { data, from, changed: false };
  }
  let version = from;
  for (const step of MIGRATIONS.slice(version)) {
    step(data);
    version++;
  }
  data.schema = SCHEMA;
  return { data, from, changed: from !== SCHEMA };
}

const LEGACY_FLAT = {
  lang: "language",
  language: "language",
  timezone: "timezone",
  businessHours: "hours",
  hours: "hours",
  surface: "surface",
  failMode: "failMode",
  allowList: "allowList",
  customTerms: "customTerms",
};

/** Index i upgrades schema i to i + 1. */
const MIGRATIONS = [
  // 0 → 1
  (data) => {
    const settings = { ...(isObj(data.settings) ? data.settings : {}) };
    for (const [old, now] of Object.entries(LEGACY_FLAT)) {
      if (old in data && !(now in settings)) {
        settings[now] = data[old];
        delete data[old];
      }
    }
    if ("lang" in settings && !("language" in settings)) {
      settings.language = settings.lang;
      delete settings.lang;
    }
    if (typeof settings.language === "string") {
      const l = settings.language.toLowerCase();
      settings.language = l.startsWith("pt") ? "pt-BR" : l.startsWith("es") ? "es" : l.startsWith("en") ? "en" : "auto";
    }
    const bulkLimit = data.bulkLimit ?? settings.bulkLimit;
    const bulkWindow = data.bulkWindow ?? settings.bulkWindow;
    if (bulkLimit != null || bulkWindow != null) {
      settings.bulk = {
        max_contacts: Number(bulkLimit ?? 20),
        window_minutes: Number(bulkWindow ?? 10),
        ...(isObj(settings.bulk) ? settings.bulk : {}),
      };
      delete data.bulkLimit;
      delete data.bulkWindow;
      delete settings.bulkLimit;
      delete settings.bulkWindow;
    }
    if (Array.isArray(settings.holidays)) settings.holidays = { dates: settings.holidays, national: [] };
    if (Object.keys(settings).length) data.settings = settings;

    let registry = isObj(data.registry) ? { ...data.registry } : {};
    const legacyList = Array.isArray(data.optins) ? data.optins : Array.isArray(data.registry) ? data.registry : null;
    if (legacyList) {
      const unplaced = [];
      for (const old of legacyList) {
        const status = old?.status ?? (old?.optIn === true ? "opt_in" : old?.optIn === false ? "opt_out" : null);
        const at = old?.at ?? old?.date ?? old?.timestamp ?? new Date(0).toISOString();
        const source = reg.SOURCES.includes(old?.source) ? old.source : "manual";
        const phone = old?.phone ? reg.normalizePhone(old.phone) : null;
        const name = reg.cleanName(old?.name) || null;
        if (!status || (!phone && !name) || Number.isNaN(Date.parse(at))) {
          unplaced.push(old);
          continue;
        }
        registry = reg.upsert(registry, { phone, name, status, at: new Date(Date.parse(at)).toISOString(), source });
      }
      delete data.optins;
      // Rows we cannot interpret are kept verbatim rather than dropped.
      if (unplaced.length) data.legacyUnmigrated = [...(data.legacyUnmigrated ?? []), ...unplaced];
    }
    data.registry = registry;

    if (Array.isArray(data.audit)) {
      data.audit = data.audit.map((e) => {
        if (!isObj(e)) return e;
        const out = { ...e };
        if (out.ts == null && out.time != null) {
          out.ts = typeof out.time === "number" ? new Date(out.time).toISOString() : out.time;
          delete out.time;
        }
        if (out.contact == null && out.contactHash != null) {
          out.contact = out.contactHash;
          delete out.contactHash;
        }
        return out;
      });
    }
  },
];

function isObj(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

let migratedDone = false;

/** Runs the migrations on the stored data once per context; safe to call often. */
export function ensureMigrated() {
  return migratedDone ? Promise.resolve() : exclusive(ensureMigratedInside);
}

// Inside an `exclusive` section (the queue is busy there, so never wait on it).
async function ensureMigratedInside() {
  if (migratedDone) return;
  const all = await area().get(null);
  const { data, changed } = migrate(all);
  if (changed) {
    await area().set(data);
    // Keys a migration moved elsewhere (e.g. schema 0's flat `lang`).
    const moved = Object.keys(all).filter((k) => !(k in data));
    if (moved.length) await area().remove(moved);
  }
  migratedDone = true;
}

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

/**
 * Validates a (partial) settings object. Returns `[{ field, message }]`, empty when fine.
 * Field paths look like `hours.mon[0]` or `sites[1].composer`.
 */
export function validateSettings(s, { partial = true } = {}) {
  const errs = [];
  const err = (field, message) => errs.push({ field, message });
  if (!isObj(s)) return [{ field: "settings", message: "must be an object" }];
  for (const key of Object.keys(s)) {
    if (!SETTINGS_KEYS.includes(key)) err(key, `unknown setting '${key}'`);
  }
  if (!partial) for (const key of SETTINGS_KEYS) if (!(key in s)) err(key, "is missing");
  if ("language" in s && !LANGUAGES.includes(s.language)) err("language", `must be one of ${LANGUAGES.join(", ")}`);
  if ("timezone" in s) {
    if (typeof s.timezone !== "string" || !s.timezone) err("timezone", "must be an IANA time zone such as America/Sao_Paulo");
    else {
      try {
        new Intl.DateTimeFormat("en", { timeZone: s.timezone });
      } catch {
        err("timezone", `unknown time zone '${s.timezone}'`);
      }
    }
  }
  if ("hours" in s) {
    if (!isObj(s.hours)) err("hours", "must map days (mon…sun) to lists of HH:MM-HH:MM");
    else
      for (const [day, ranges] of Object.entries(s.hours)) {
        if (!DAYS.includes(day)) err(`hours.${day}`, `unknown day; use ${DAYS.join(", ")}`);
        else if (!Array.isArray(ranges)) err(`hours.${day}`, "must be a list of HH:MM-HH:MM");
        else
          ranges.forEach((r, i) => {
            const m = typeof r === "string" && r.match(/^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/);
            if (!m) err(`hours.${day}[${i}]`, "must look like 08:00-18:00");
            else if (+m[1] * 60 + +m[2] >= +m[3] * 60 + +m[4] || (m[3] === "24" && m[4] !== "00")) err(`hours.${day}[${i}]`, "must end after it starts");
          });
      }
  }
  if ("holidays" in s) {
    const h = s.holidays;
    if (!isObj(h)) err("holidays", "must be { dates: [...], national: [...] }");
    else {
      if (h.dates != null && !Array.isArray(h.dates)) err("holidays.dates", "must be a list of YYYY-MM-DD dates");
      (Array.isArray(h.dates) ? h.dates : []).forEach((d, i) => {
        if (typeof d !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d + "T00:00:00Z"))) err(`holidays.dates[${i}]`, "must be a date like 2026-12-25");
      });
      if (h.national != null && !Array.isArray(h.national)) err("holidays.national", "must be a list of country codes");
      (Array.isArray(h.national) ? h.national : []).forEach((c, i) => {
        if (!NATIONAL_HOLIDAYS.includes(c)) err(`holidays.national[${i}]`, `unknown calendar '${c}'; use ${NATIONAL_HOLIDAYS.join(", ")}`);
      });
    }
  }
  if ("surface" in s && !["app", "platform"].includes(s.surface)) err("surface", "must be app or platform");
  if ("rules" in s) {
    if (!isObj(s.rules)) err("rules", "must map rule ids to { enabled, severity }");
    else
      for (const [id, ov] of Object.entries(s.rules)) {
        if (!isObj(ov)) err(`rules.${id}`, "must be { enabled?, severity? }");
        else {
          if ("enabled" in ov && typeof ov.enabled !== "boolean") err(`rules.${id}.enabled`, "must be true or false");
          if ("severity" in ov && !SEVERITIES.includes(ov.severity)) err(`rules.${id}.severity`, `must be one of ${SEVERITIES.join(", ")}`);
        }
      }
  }
  if ("customTerms" in s) {
    if (!Array.isArray(s.customTerms)) err("customTerms", "must be a list");
    else if (s.customTerms.length > 5000) err("customTerms", "must hold at most 5000 terms");
    else
      s.customTerms.forEach((t, i) => {
        if (!isObj(t) || typeof t.term !== "string" || !t.term.trim()) err(`customTerms[${i}].term`, "must be a non-empty text");
        else if (new TextEncoder().encode(t.term.trim()).length > 100) err(`customTerms[${i}].term`, "must be at most 100 bytes long");
        else if (t.severity != null && !SEVERITIES.includes(t.severity)) err(`customTerms[${i}].severity`, `must be one of ${SEVERITIES.join(", ")}`);
        else if (t.category != null && (typeof t.category !== "string" || !/^[a-z][a-z_.]*$/.test(t.category))) err(`customTerms[${i}].category`, "must be 'custom' or a category id such as 'alcohol'");
      });
  }
  if ("allowList" in s) {
    if (!Array.isArray(s.allowList)) err("allowList", "must be a list of texts");
    else
      s.allowList.forEach((t, i) => {
        if (typeof t !== "string" || !t.trim()) err(`allowList[${i}]`, "must be a non-empty text");
        else if (new TextEncoder().encode(t.trim()).length > 100) err(`allowList[${i}]`, "must be at most 100 bytes long");
      });
  }
  if ("bulk" in s) {
    const b = s.bulk;
    if (!isObj(b)) err("bulk", "must be { max_contacts, window_minutes }");
    else {
      if (!Number.isInteger(b.max_contacts) || b.max_contacts < 1 || b.max_contacts > 100000) err("bulk.max_contacts", "must be a whole number from 1 to 100000");
      if (!Number.isInteger(b.window_minutes) || b.window_minutes < 1 || b.window_minutes > 10080) err("bulk.window_minutes", "must be a whole number of minutes from 1 to 10080");
    }
  }
  if ("sites" in s) {
    if (!Array.isArray(s.sites)) err("sites", "must be a list");
    else s.sites.forEach((site, i) => errs.push(...validateSite(site, `sites[${i}]`)));
  }
  if ("failMode" in s && !["open", "closed"].includes(s.failMode)) err("failMode", "must be open or closed");
  if ("auditText" in s && typeof s.auditText !== "boolean") err("auditText", "must be true or false");
  if ("auditRetentionDays" in s && (!Number.isInteger(s.auditRetentionDays) || s.auditRetentionDays < 1 || s.auditRetentionDays > 3650)) err("auditRetentionDays", "must be a whole number of days from 1 to 3650");
  if ("pausedUntil" in s && s.pausedUntil !== null && !Number.isFinite(s.pausedUntil)) err("pausedUntil", "must be null or a time in epoch milliseconds");
  return errs;
}

/** Match pattern accepted for an extra dashboard site (https only, explicit host). */
export const SITE_PATTERN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?\/.*$/i;

/** Validates one site entry; `isSelector` can check CSS syntax (browser only). */
export function validateSite(site, path = "site") {
  const errs = [];
  if (!isObj(site)) return [{ field: path, message: "must be an object" }];
  if (typeof site.id !== "string" || !site.id) errs.push({ field: `${path}.id`, message: "is required" });
  if (typeof site.name !== "string" || !site.name.trim()) errs.push({ field: `${path}.name`, message: "is required" });
  if (typeof site.pattern !== "string" || !SITE_PATTERN.test(site.pattern)) errs.push({ field: `${path}.pattern`, message: "must be a match pattern like https://desk.example.com/*" });
  for (const f of ["composer", "send"]) {
    if (typeof site[f] !== "string" || !site[f].trim()) errs.push({ field: `${path}.${f}`, message: "must be a CSS selector" });
    else if (!cssSelectorOk(site[f])) errs.push({ field: `${path}.${f}`, message: `'${site[f]}' is not a valid CSS selector` });
  }
  if (!["textarea", "contenteditable", "custom"].includes(site.preset)) errs.push({ field: `${path}.preset`, message: "must be textarea, contenteditable or custom" });
  return errs;
}

function cssSelectorOk(sel) {
  const doc = globalThis.document;
  if (!doc?.createDocumentFragment) return true; // Node: syntax is checked in the browser.
  try {
    doc.createDocumentFragment().querySelector(sel);
    return true;
  } catch {
    return false;
  }
}

/** Settings error: `errors` lists `{field, message}`. */
export class SettingsError extends Error {
  constructor(errors) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    this.name = "SettingsError";
    this.errors = errors;
    this.field = errors[0]?.field;
  }
}

/** Managed keys present in a managed-storage object (only known settings count). */
function managedSettings(managed) {
  const out = {};
  for (const key of SETTINGS_KEYS) {
    if (key === "pausedUntil") continue;
    if (managed[key] !== undefined) out[key] = managed[key];
  }
  return out;
}

/**
 * Merges defaults, the user's stored settings and the admin's managed ones.
 * Managed values override; `rules` merge per rule id so an admin can pin some
 * rules and leave the rest to the user. Invalid managed values are ignored
 * (reported in `managedErrors`) rather than breaking the extension.
 * @returns settings plus `locked` (array of keys: "bulk", "rules.pii.cpf", …)
 *   and `managedErrors`.
 */
export function mergeSettings(stored, managed = {}) {
  const base = defaultSettings();
  const out = { ...base };
  for (const key of SETTINGS_KEYS) {
    if (stored?.[key] === undefined) continue;
    const one = { [key]: stored[key] };
    if (validateSettings(one).length === 0) out[key] = structuredClone(stored[key]);
  }
  const locked = [];
  const managedErrors = [];
  const m = managedSettings(managed ?? {});
  for (const [key, value] of Object.entries(m)) {
    const errs = validateSettings({ [key]: value });
    if (errs.length) {
      managedErrors.push(...errs);
      continue;
    }
    if (key === "rules") {
      out.rules = { ...out.rules };
      for (const [id, ov] of Object.entries(value)) {
        out.rules[id] = { ...(out.rules[id] ?? {}), ...ov };
        locked.push("rules." + id);
      }
    } else {
      out[key] = structuredClone(value);
      locked.push(key);
    }
  }
  if (managed?.disablePause === true) locked.push("pausedUntil");
  if (locked.includes("pausedUntil")) out.pausedUntil = null;
  return { ...out, locked, managedErrors };
}

/** Settings as the extension should use them (defaults + stored + managed), with `locked`. */
export async function getSettings() {
  await ensureMigrated();
  const [{ settings }, managed] = await Promise.all([area().get("settings"), readManaged()]);
  return mergeSettings(settings ?? {}, managed);
}

/** The user's own stored settings (no defaults, no managed values). */
export async function getStoredSettings() {
  await ensureMigrated();
  const { settings } = await area().get("settings");
  return settings ?? {};
}

/**
 * Saves some settings (shallow per top-level key). Throws SettingsError with
 * field paths on invalid values. Locked (managed) keys are refused the same way.
 * @returns the merged settings after saving
 */
export function saveSettings(partial) {
  return exclusive(async () => {
    await ensureMigratedInside();
    const clean = { ...partial };
    delete clean.locked;
    delete clean.managedErrors;
    const errors = validateSettings(clean);
    const managed = await readManaged();
    const { locked } = mergeSettings({}, managed);
    for (const key of Object.keys(clean)) {
      if (locked.includes(key)) errors.push({ field: key, message: "is set by your administrator" });
      if (key === "rules" && isObj(clean.rules))
        for (const id of Object.keys(clean.rules)) if (locked.includes("rules." + id)) errors.push({ field: `rules.${id}`, message: "is set by your administrator" });
    }
    if (errors.length) throw new SettingsError(errors);
    const { settings } = await area().get("settings");
    const next = { ...(settings ?? {}), ...structuredClone(clean) };
    await area().set({ settings: next, schema: SCHEMA });
    return mergeSettings(next, managed);
  });
}

/**
 * Calls `cb(settings)` whenever the stored or managed settings change.
 * @returns a function that stops listening
 */
export function onSettingsChanged(cb) {
  const ev = changedEvent();
  if (!ev) return () => {};
  const listener = (changes, areaName) => {
    if (areaName === "managed" || (areaName === "local" && "settings" in changes)) {
      getSettings().then(cb, () => {});
    }
  };
  ev.addListener(listener);
  return () => ev.removeListener(listener);
}

// ---------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------

async function readKey(key, fallback) {
  const got = await area().get(key);
  return got[key] ?? fallback;
}

function updateRegistry(fn) {
  return exclusive(async () => {
    await ensureMigratedInside();
    const current = await readKey("registry", {});
    const next = fn(current);
    await area().set({ registry: next });
    return next;
  });
}

/** The registry entry under `key` (as `contactKey` returns it), or null. */
export async function getContact(key) {
  await ensureMigrated();
  const registry = await readKey("registry", {});
  return registry[key] ?? null;
}

/** The entry of a contact by phone, then by display name, or null. */
export async function findContact(contact) {
  await ensureMigrated();
  return reg.find(await readKey("registry", {}), contact);
}

/**
 * Records an opt-in or opt-out. Throws an Error with `field` on bad input.
 * @param {{phone?: string|null, name?: string|null}} contact
 * @param {"opt_in"|"opt_out"} status
 * @param {"inbound"|"csv"|"manual"} source
 * @param {string} [at] ISO time, default now
 * @returns the stored entry
 */
export async function setContactStatus(contact, status, source, at) {
  const next = await updateRegistry((r) => reg.setStatus(r, contact, status, source, at));
  return reg.find(next, contact);
}

/** Notes an inbound message from a contact (opens the 24 h window). */
export async function noteInbound(contact, at) {
  const next = await updateRegistry((r) => reg.noteInboundIn(r, contact, at));
  return reg.find(next, contact);
}

/** Links a display name to a phone number, merging their entries. */
export async function linkContact(name, phone) {
  const next = await updateRegistry((r) => reg.link(r, name, phone));
  return next[reg.normalizePhone(phone)] ?? null;
}

/** Removes one entry. */
export async function removeContact(key) {
  await updateRegistry((r) => {
    const next = { ...r };
    delete next[key];
    return next;
  });
}

/** All entries, sorted by key. */
export async function listRegistry() {
  await ensureMigrated();
  const registry = await readKey("registry", {});
  return Object.keys(registry)
    .sort()
    .map((k) => registry[k]);
}

/** Applies a CSV preview (from registry.previewCsv) to the stored registry. */
export async function importRegistryCsv(preview) {
  let applied = 0;
  await updateRegistry((r) => {
    const res = reg.applyCsv(r, preview);
    applied = res.applied;
    return res.registry;
  });
  return applied;
}

/** The registry as CSV text. */
export async function exportRegistryCsv() {
  await ensureMigrated();
  return reg.registryToCsv(await readKey("registry", {}));
}

// ---------------------------------------------------------------------------
// Audit log and counts
// ---------------------------------------------------------------------------

/**
 * Appends an audit entry `{rule, action, reason?, text?, contact?, contactKey?, ts?}`.
 * Pass `contactKey` (hashed here) or `contact` (already a SHA-256 hex).
 * Text is dropped unless the user enabled `auditText`. Old entries are pruned
 * by the retention setting.
 */
export async function appendAudit(entry) {
  const settings = await getSettings();
  const input = { ...entry };
  if (input.contactKey != null) {
    input.contact = await reg.hashKey(input.contactKey);
    delete input.contactKey;
  }
  const clean = makeEntry(input, { keepText: settings.auditText });
  return exclusive(async () => {
    const list = await readKey("audit", []);
    list.push(clean);
    await area().set({ audit: pruneAudit(list, settings.auditRetentionDays) });
    return clean;
  });
}

/** The audit log, oldest first, pruned by retention. */
export async function listAudit() {
  const settings = await getSettings();
  return pruneAudit(await readKey("audit", []), settings.auditRetentionDays);
}

/** Deletes the whole audit log. */
export function clearAudit() {
  return exclusive(() => area().set({ audit: [] }));
}

/** Applies the retention setting to the stored log now (e.g. after changing it). */
export async function pruneStoredAudit() {
  const settings = await getSettings();
  return exclusive(async () => {
    const list = pruneAudit(await readKey("audit", []), settings.auditRetentionDays);
    await area().set({ audit: list });
    return list.length;
  });
}

/** Local calendar day YYYY-MM-DD of a date (the browser's time zone). */
export function dayOf(date = new Date()) {
  const d = new Date(date);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const COUNT_DAYS_KEPT = 400;

/** Adds one to today's counter of `action` (warned, blocked, overridden). */
export function bumpCount(action, when = new Date()) {
  if (!ACTIONS.includes(action)) return Promise.reject(Object.assign(new Error(`action: must be one of ${ACTIONS.join(", ")}`), { field: "action" }));
  return exclusive(async () => {
    const counts = await readKey("counts", {});
    const day = dayOf(when);
    const c = { warned: 0, blocked: 0, overridden: 0, ...(counts[day] ?? {}) };
    c[action]++;
    counts[day] = c;
    const cutoff = dayOf(new Date(Date.now() - COUNT_DAYS_KEPT * 86400000));
    for (const d of Object.keys(counts)) if (d < cutoff) delete counts[d];
    await area().set({ counts });
    return c;
  });
}

/** Counts of a day (YYYY-MM-DD, default today). */
export async function getCounts(day = dayOf()) {
  const counts = await readKey("counts", {});
  return { warned: 0, blocked: 0, overridden: 0, ...(counts[day] ?? {}) };
}

// ---------------------------------------------------------------------------
// Bulk-send state (opaque engine value)
// ---------------------------------------------------------------------------

export async function getSendLog() {
  return readKey("sendLog", null);
}

export async function setSendLog(v) {
  await area().set({ sendLog: v ?? null });
}

// ---------------------------------------------------------------------------
// Export / import of everything
// ---------------------------------------------------------------------------

/**
 * Everything worth keeping as one JSON-able object: the user's stored settings
 * (not the managed ones), the registry, the audit log and the counts.
 */
export async function exportAll() {
  await ensureMigrated();
  const all = await area().get(["settings", "registry", "audit", "counts"]);
  return {
    format: EXPORT_FORMAT,
    schema: SCHEMA,
    exportedAt: new Date().toISOString(),
    settings: all.settings ?? {},
    registry: all.registry ?? {},
    audit: all.audit ?? [],
    counts: all.counts ?? {},
  };
}

/** Error of `importAll`: `errors` lists `{field, message}` with paths into the file. */
export class ImportError extends Error {
  constructor(errors) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    this.name = "ImportError";
    this.errors = errors;
    this.field = errors[0]?.field;
  }
}

/**
 * Checks an export file (string or object) without writing anything.
 * Older files (older schema) are migrated first.
 * @returns {{ data: object, errors: Array<{field, message}> }}
 */
export function checkImport(json) {
  let obj = json;
  if (typeof json === "string") {
    try {
      obj = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
    } catch (e) {
      return { data: null, errors: [{ field: "file", message: `not valid JSON (${e.message})` }] };
    }
  }
  if (!isObj(obj)) return { data: null, errors: [{ field: "file", message: "must be a JSON object" }] };
  if (obj.format !== undefined && obj.format !== EXPORT_FORMAT) return { data: null, errors: [{ field: "format", message: `must be '${EXPORT_FORMAT}'` }] };
  if (typeof obj.schema === "number" && obj.schema > SCHEMA) return { data: null, errors: [{ field: "schema", message: `was written by a newer version (schema ${obj.schema}); update the extension first` }] };
  const { data } = migrate({ ...obj, format: undefined, exportedAt: undefined });
  const errors = [];
  errors.push(...validateSettings(data.settings ?? {}).map((e) => ({ field: "settings." + e.field, message: e.message })));
  if (data.registry != null && !isObj(data.registry)) errors.push({ field: "registry", message: "must be an object keyed by contact" });
  for (const [key, entry] of Object.entries(isObj(data.registry) ? data.registry : {})) {
    const path = `registry["${key}"]`;
    errors.push(...reg.validateEntry(entry, path));
    const expected = entry?.phone ?? (entry?.name ? "name:" + reg.cleanName(entry.name) : null);
    if (expected && expected !== key) errors.push({ field: path, message: `key must be '${expected}'` });
  }
  if (data.audit != null && !Array.isArray(data.audit)) errors.push({ field: "audit", message: "must be a list" });
  (Array.isArray(data.audit) ? data.audit : []).forEach((e, i) => {
    try {
      makeEntry(e, { keepText: true });
    } catch (err) {
      errors.push({ field: `audit[${i}].${err.field}`, message: err.message.replace(/^[^:]+: /, "") });
    }
  });
  if (data.counts != null && !isObj(data.counts)) errors.push({ field: "counts", message: "must be an object keyed by day" });
  return { data, errors };
}

/**
 * Imports an export file. All or nothing: on any error nothing is written and
 * an ImportError lists every problem. Settings are replaced by the file's;
 * the registry, audit log and counts are merged so nothing stored is lost.
 * @returns a summary `{ settings: n, contacts: n, audit: n }`
 */
export function importAll(json) {
  const { data, errors } = checkImport(json);
  if (errors.length) return Promise.reject(new ImportError(errors));
  return exclusive(async () => {
    await ensureMigratedInside();
    const cur = await area().get(["registry", "audit", "counts"]);
    let registry = cur.registry ?? {};
    for (const entry of Object.values(data.registry ?? {})) registry = reg.upsert(registry, entry);
    const counts = { ...(cur.counts ?? {}) };
    for (const [day, c] of Object.entries(data.counts ?? {})) {
      const old = counts[day] ?? {};
      counts[day] = Object.fromEntries(ACTIONS.map((a) => [a, Math.max(Number(old[a] ?? 0), Number(c?.[a] ?? 0))]));
    }
    const audit = mergeAudit(cur.audit ?? [], (data.audit ?? []).map((e) => makeEntry(e, { keepText: true })));
    const settings = data.settings ?? {};
    await area().set({ schema: SCHEMA, settings, registry, audit, counts });
    return { settings: Object.keys(settings).length, contacts: Object.keys(data.registry ?? {}).length, audit: (data.audit ?? []).length };
  });
}

// ---------------------------------------------------------------------------
// Engine configuration
// ---------------------------------------------------------------------------

/** Maps a language setting to an engine locale; "auto" follows the UI language. */
export function resolveLanguage(language, uiLanguage) {
  if (language && language !== "auto") return language;
  const ui = String(uiLanguage ?? browserApi()?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language ?? "pt-BR").toLowerCase();
  if (ui.startsWith("es")) return "es";
  if (ui.startsWith("en")) return "en";
  return "pt-BR";
}

/** Limits of the engine's packs (crates/conforma-core/src/pack.rs). */
export const PACK_LIMITS = { topicsPerPack: 64, packs: 16, terms: 5000, termBytes: 100, textBytes: 500 };

const TOPIC_MESSAGE = {
  "pt-BR": "Termo que sua empresa pediu para evitar.",
  es: "Término que tu empresa pidió evitar.",
  en: "A term your company asked to avoid.",
};

const utf8Length = (s) => new TextEncoder().encode(s).length;

/** Cuts `s` to at most `max` UTF-8 bytes without splitting a character. */
function clipBytes(s, max) {
  let out = "";
  for (const ch of s) {
    if (utf8Length(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/**
 * Custom terms and the allow-list as engine packs (schema of crates/conforma-core/src/pack.rs).
 * Kept in this one function so the mapping follows the engine.
 * - terms of category "custom" become topics (rule ids `custom.agent.<topic>`): one topic
 *   per severity for terms without a note, one topic per term with a note (the note is
 *   the message shown to the agent);
 * - terms filed under a built-in category (e.g. "alcohol") extend that category;
 * - the allow-list becomes `allow`.
 * Topics beyond one pack's limit spill into further packs (agent-2, agent-3…).
 */
export function toEnginePacks(settings) {
  const terms = (settings.customTerms ?? []).filter((t) => typeof t?.term === "string" && t.term.trim());
  const allow = (settings.allowList ?? []).filter((t) => typeof t === "string" && t.trim()).map((t) => t.trim());
  if (!terms.length && !allow.length) return [];
  const bySeverity = new Map();
  const noted = [];
  const extra = {};
  for (const t of terms) {
    const term = t.term.trim();
    const category = t.category && t.category !== "custom" ? t.category : null;
    if (category) (extra[category] ??= []).push(term);
    else if (t.note?.trim()) noted.push(t);
    else {
      const sev = SEVERITIES.includes(t.severity) ? t.severity : "warn";
      if (!bySeverity.has(sev)) bySeverity.set(sev, []);
      bySeverity.get(sev).push(term);
    }
  }
  const topics = [];
  for (const [sev, list] of bySeverity) topics.push({ id: "terms-" + sev, terms: list, severity: sev, message: { ...TOPIC_MESSAGE } });
  noted.forEach((t, i) => {
    const note = clipBytes(t.note.trim(), PACK_LIMITS.textBytes);
    topics.push({ id: `term-${i + 1}`, terms: [t.term.trim()], severity: SEVERITIES.includes(t.severity) ? t.severity : "warn", message: { "pt-BR": note, es: note, en: note } });
  });
  const packs = [];
  for (let i = 0; i < Math.max(1, Math.ceil(topics.length / PACK_LIMITS.topicsPerPack)); i++) {
    packs.push({ name: i === 0 ? "agent" : `agent-${i + 1}`, topics: topics.slice(i * PACK_LIMITS.topicsPerPack, (i + 1) * PACK_LIMITS.topicsPerPack) });
  }
  if (Object.keys(extra).length) packs[0].terms = extra;
  if (allow.length) packs[0].allow = allow;
  return packs;
}

/**
 * Whether an engine module understands custom packs (engines built before packs
 * landed accept only `{name}`). Pass the result as `toEngineConfig(…, { packs })`.
 */
export function supportsPacks(engineModule) {
  try {
    return engineModule.validateConfig({ packs: [{ name: "probe", allow: ["probe"] }] })?.type === "success";
  } catch {
    return false;
  }
}

/**
 * The engine configuration for some settings.
 * @param {object} settings as getSettings returns them
 * @param {{ uiLanguage?: string, knownIds?: string[], packs?: boolean }} [options]
 *   knownIds: rule and category ids the engine knows; other rule overrides are
 *   dropped so a stale id never stops the engine. packs: include custom terms
 *   and the allow-list (only once the engine's pack schema supports them).
 */
export function toEngineConfig(settings, { uiLanguage, knownIds, packs = false } = {}) {
  const s = settings ?? defaultSettings();
  const rules = {};
  for (const [id, ov] of Object.entries(s.rules ?? {})) {
    if (knownIds && !knownIds.includes(id)) continue;
    const one = {};
    if (typeof ov?.enabled === "boolean") one.enabled = ov.enabled;
    if (SEVERITIES.includes(ov?.severity)) one.severity = ov.severity;
    if (Object.keys(one).length) rules[id] = one;
  }
  const hours = {};
  for (const day of DAYS) hours[day] = [...(s.hours?.[day] ?? [])];
  const config = {
    locale: resolveLanguage(s.language, uiLanguage),
    timezone: s.timezone,
    hours,
    holidays: { dates: [...(s.holidays?.dates ?? [])], national: [...(s.holidays?.national ?? [])] },
    surface: s.surface,
    rules,
    bulk: { max_contacts: s.bulk?.max_contacts, window_minutes: s.bulk?.window_minutes },
  };
  if (packs) {
    const p = toEnginePacks(s);
    if (p.length) config.packs = p;
  }
  return config;
}

/** Engine field path (e.g. `hours.mon[0]`, `rules.x`) → settings field path. */
export function engineFieldToSetting(field) {
  if (!field) return null;
  if (field.startsWith("locale")) return "language";
  if (/^packs\[\d+\]\.allow/.test(field)) return "allowList";
  if (field.startsWith("packs")) return "customTerms";
  return field;
}

/** Whether checking is paused at `now`. */
export function isPaused(settings, now = Date.now()) {
  return typeof settings?.pausedUntil === "number" && settings.pausedUntil > now;
}
