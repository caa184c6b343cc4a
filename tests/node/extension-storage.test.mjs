// Storage logic of the extension under Node: migrations, managed overrides, import/export,
// audit retention, counts, and the engine config (validated by the real engine, dist/npm/node).
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import * as s from "../../extension/src/lib/storage.js";
import { pruneAudit, auditToCsv, makeEntry } from "../../extension/src/lib/audit.js";
import { parseCsv } from "../../extension/src/lib/csv.js";

const require = createRequire(import.meta.url);
const ENGINE = new URL("../../dist/npm/node/conforma.js", import.meta.url).pathname;

/** In-memory stand-in for chrome.storage (get/set/remove + onChanged), JSON-cloned like the real one. */
function memoryBackend(initial = {}, managedValues = {}) {
  let data = structuredClone(initial);
  const listeners = new Set();
  const pick = (keys) => {
    if (keys == null) return structuredClone(data);
    const list = Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
  };
  const fire = (changes, area) => listeners.forEach((l) => l(changes, area));
  return {
    dump: () => structuredClone(data),
    local: {
      get: async (keys) => pick(keys),
      set: async (obj) => {
        const changes = {};
        for (const [k, v] of Object.entries(JSON.parse(JSON.stringify(obj)))) {
          changes[k] = { oldValue: data[k], newValue: v };
          data[k] = v;
        }
        fire(changes, "local");
      },
      remove: async (keys) => {
        for (const k of [].concat(keys)) delete data[k];
      },
      clear: async () => {
        data = {};
      },
    },
    managed: { get: async () => structuredClone(managedValues) },
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
}

let mem;
beforeEach(() => {
  mem = memoryBackend();
  s.setStorageBackend(mem);
});

test("defaults when nothing is stored; the empty store is stamped with the schema", async () => {
  const got = await s.getSettings();
  const { locked, managedErrors, ...settings } = got;
  assert.deepEqual(settings, s.defaultSettings());
  assert.deepEqual(locked, []);
  assert.deepEqual(managedErrors, []);
  assert.equal(mem.dump().schema, s.SCHEMA);
});

test("saveSettings validates with field paths and persists; onSettingsChanged fires", async () => {
  const seen = [];
  const stop = s.onSettingsChanged((v) => seen.push(v.bulk.max_contacts));
  await s.saveSettings({ bulk: { max_contacts: 3, window_minutes: 5 }, language: "es" });
  await assert.rejects(s.saveSettings({ hours: { mon: ["18:00-08:00"], xyz: [] }, language: "fr", bulk: { max_contacts: 0, window_minutes: 1 } }), (err) => {
    assert.deepEqual(err.errors.map((e) => e.field).sort(), ["bulk.max_contacts", "hours.mon[0]", "hours.xyz", "language"]);
    return true;
  });
  await assert.rejects(s.saveSettings({ sites: [{ id: "a", name: "A", pattern: "desk.example.com", composer: "textarea", send: "button", preset: "textarea" }] }), (err) => err.field === "sites[0].pattern");
  await assert.rejects(s.saveSettings({ nope: 1 }), (err) => err.field === "nope");
  const got = await s.getSettings();
  assert.equal(got.language, "es");
  assert.deepEqual(got.bulk, { max_contacts: 3, window_minutes: 5 });
  await new Promise((r) => setTimeout(r, 10));
  stop();
  assert.ok(seen.includes(3));
});

test("managed values override, lock, and cannot be saved over; invalid managed values are ignored", async () => {
  mem = memoryBackend({ schema: 1, settings: { language: "en", timezone: "Europe/Madrid", rules: { "commerce.alcohol": { severity: "info" }, "pii.cpf": { enabled: false } } } }, {
    language: "es",
    rules: { "pii.cpf": { enabled: true, severity: "block" } },
    bulk: { max_contacts: -1, window_minutes: 3 },
    disablePause: true,
    unrelated: 1,
  });
  s.setStorageBackend(mem);
  const got = await s.getSettings();
  assert.equal(got.language, "es");
  assert.equal(got.timezone, "Europe/Madrid");
  assert.deepEqual(got.rules, { "commerce.alcohol": { severity: "info" }, "pii.cpf": { enabled: true, severity: "block" } });
  assert.deepEqual(got.bulk, s.defaultSettings().bulk, "invalid managed value ignored");
  assert.deepEqual(got.managedErrors.map((e) => e.field), ["bulk.max_contacts"]);
  assert.deepEqual(got.locked.sort(), ["language", "pausedUntil", "rules.pii.cpf"]);
  await assert.rejects(s.saveSettings({ language: "en" }), (e) => e.field === "language");
  await assert.rejects(s.saveSettings({ rules: { "pii.cpf": { enabled: false } } }), (e) => e.field === "rules.pii.cpf");
  await assert.rejects(s.saveSettings({ pausedUntil: Date.now() + 1000 }), (e) => e.field === "pausedUntil");
  const ok = await s.saveSettings({ rules: { "commerce.alcohol": { severity: "block" } } });
  assert.equal(ok.rules["commerce.alcohol"].severity, "block");
  assert.equal(mem.dump().settings.language, "en", "the user's own value is kept underneath");
});

test("schema 0 (no schema key) migrates without loss and only once", async () => {
  const legacy = {
    lang: "pt",
    businessHours: { mon: ["09:00-17:00"] },
    bulkLimit: 15,
    bulkWindow: 5,
    settings: { holidays: ["2025-12-25"], auditText: true },
    optins: [
      { phone: "(11) 98765-4321", name: "Ana", optIn: true, date: "2025-10-01T10:00:00Z" },
      { phone: "+5511987654321", optIn: false, date: "2025-10-05T10:00:00Z", source: "inbound" },
      { name: "  Sem   Número ", optIn: true, timestamp: "2025-10-02T00:00:00Z", source: "csv" },
      { optIn: true },
      { phone: "+5521998765432", date: "2025-10-02T00:00:00Z" },
    ],
    audit: [{ time: "2025-10-06T00:00:00.000Z", rule: "pii.cpf", contactHash: "c".repeat(64), action: "blocked", extra: "kept" }],
    counts: { "2025-10-06": { warned: 1, blocked: 2, overridden: 0 } },
    unknownKey: [1, 2, 3],
  };
  mem = memoryBackend(legacy);
  s.setStorageBackend(mem);
  const got = await s.getSettings();
  assert.equal(got.language, "pt-BR");
  assert.deepEqual(got.hours, { mon: ["09:00-17:00"] });
  assert.deepEqual(got.bulk, { max_contacts: 15, window_minutes: 5 });
  assert.deepEqual(got.holidays, { dates: ["2025-12-25"], national: [] });
  assert.equal(got.auditText, true);
  const d = mem.dump();
  assert.equal(d.schema, 1);
  for (const k of ["lang", "businessHours", "bulkLimit", "bulkWindow", "optins"]) assert.ok(!(k in d), k);
  assert.deepEqual(Object.keys(d.registry).sort(), ["+5511987654321", "name:Sem Número"]);
  assert.equal(d.registry["+5511987654321"].status, "opt_out", "the later decision wins");
  assert.equal(d.registry["+5511987654321"].name, "Ana");
  assert.equal(d.registry["name:Sem Número"].source, "csv");
  assert.deepEqual(d.legacyUnmigrated, [{ optIn: true }, { phone: "+5521998765432", date: "2025-10-02T00:00:00Z" }]);
  assert.deepEqual(d.audit, [{ ts: "2025-10-06T00:00:00.000Z", rule: "pii.cpf", contact: "c".repeat(64), action: "blocked", extra: "kept" }]);
  assert.deepEqual(d.counts, legacy.counts);
  assert.deepEqual(d.unknownKey, [1, 2, 3]);
  // Idempotent: migrating migrated data changes nothing.
  assert.deepEqual(s.migrate(d), { data: d, from: 1, changed: false });
  // Data from a newer version is left alone.
  assert.equal(s.migrate({ schema: 99, x: 1 }).changed, false);
});

test("registry through storage: status, inbound, link, find", async () => {
  await s.setContactStatus({ name: "Loja" }, "opt_in", "manual", "2026-01-01T00:00:00.000Z");
  await s.noteInbound({ phone: "+55 11 98765-4321" }, "2026-01-02T00:00:00.000Z");
  await s.linkContact("Loja", "11 98765-4321");
  const e = await s.getContact(s.contactKey({ phone: "+5511987654321" }));
  assert.deepEqual(e, { key: "+5511987654321", phone: "+5511987654321", name: "Loja", status: "opt_in", at: "2026-01-01T00:00:00.000Z", source: "manual", lastInboundAt: "2026-01-02T00:00:00.000Z" });
  assert.deepEqual(await s.findContact({ name: "Loja" }), null, "name-only entry merged away");
  assert.equal((await s.listRegistry()).length, 1);
  assert.deepEqual(s.toEngineContact(e), { id: "+5511987654321", opt_in: "granted", opt_in_at: "2026-01-01T00:00:00.000Z", opted_out_at: null, last_inbound_at: "2026-01-02T00:00:00.000Z" });
  await assert.rejects(s.setContactStatus({ phone: "123" }, "opt_in", "manual"), (err) => err.field === "phone");
  // Concurrent writes from one context do not lose updates.
  await Promise.all(Array.from({ length: 20 }, (_, i) => s.setContactStatus({ name: "C" + i }, "opt_out", "inbound")));
  assert.equal((await s.listRegistry()).length, 21);
});

test("audit: hashing, text only when enabled, retention pruning, CSV", async () => {
  const old = new Date(Date.now() - 40 * 86400000).toISOString();
  await s.appendAudit({ rule: "pii.cpf", action: "warned", contactKey: "+5511987654321", text: "secret", ts: old });
  await s.appendAudit({ rule: "pii.cpf", action: "overridden", reason: "cliente, pediu \"agora\"", contactKey: "+5511987654321", text: "secret" });
  let list = await s.listAudit();
  assert.equal(list.length, 2);
  assert.equal(list[1].contact, await s.hashKey("+5511987654321"));
  assert.ok(!("text" in list[1]), "no text unless auditText");
  await s.saveSettings({ auditText: true, auditRetentionDays: 30 });
  await s.appendAudit({ rule: "commerce.alcohol", action: "blocked", text: "cerveja" });
  list = await s.listAudit();
  assert.deepEqual(list.map((e) => e.action), ["overridden", "blocked"], "40-day-old entry pruned by the 30-day retention");
  assert.equal(list[1].text, "cerveja");
  assert.equal(await s.pruneStoredAudit(), 2);
  await assert.rejects(s.appendAudit({ rule: "x", action: "ignored" }), (e) => e.field === "action");
  const csv = parseCsv(auditToCsv(list));
  assert.deepEqual(csv[0], ["ts", "rule", "contact", "action", "reason", "text"]);
  assert.equal(csv[1][4], 'cliente, pediu "agora"');
  assert.equal(pruneAudit(Array.from({ length: 6000 }, () => makeEntry({ rule: "r", action: "warned" })), 90).length, 5000);
});

test("counts per day, send log", async () => {
  await s.bumpCount("warned");
  await s.bumpCount("warned");
  await s.bumpCount("overridden");
  await s.bumpCount("blocked", new Date("2020-01-01T12:00:00"));
  assert.deepEqual(await s.getCounts(), { warned: 2, blocked: 0, overridden: 1 });
  assert.deepEqual(await s.getCounts("2019-01-01"), { warned: 0, blocked: 0, overridden: 0 });
  assert.ok(!("2020-01-01" in (mem.dump().counts)), "counts older than the kept window are dropped");
  await assert.rejects(s.bumpCount("nope"));
  assert.equal(await s.getSendLog(), null);
  await s.setSendLog({ entries: [1] });
  assert.deepEqual(await s.getSendLog(), { entries: [1] });
});

test("exportAll / importAll round trip; errors are all-or-nothing with field paths", async () => {
  await s.saveSettings({ language: "en", customTerms: [{ term: "rifa", category: "custom", severity: "block" }] });
  await s.setContactStatus({ phone: "+34612345678", name: "Pepe" }, "opt_out", "manual", "2026-01-01T00:00:00.000Z");
  await s.appendAudit({ rule: "pii.cpf", action: "warned" });
  await s.bumpCount("warned");
  const exported = JSON.parse(JSON.stringify(await s.exportAll()));
  const before = mem.dump();

  mem = memoryBackend({ schema: 1, settings: { language: "es" }, registry: { "+5511987654321": { key: "+5511987654321", phone: "+5511987654321", name: null, status: "opt_in", at: "2026-01-01T00:00:00.000Z", source: "csv" } } });
  s.setStorageBackend(mem);
  const summary = await s.importAll(JSON.stringify(exported));
  assert.deepEqual(summary, { settings: 2, contacts: 1, audit: 1 });
  const after = mem.dump();
  assert.deepEqual(after.settings, before.settings);
  assert.deepEqual(after.audit, before.audit);
  assert.deepEqual(after.counts, before.counts);
  assert.deepEqual(Object.keys(after.registry).sort(), ["+34612345678", "+5511987654321"], "existing contacts kept");

  const snapshot = mem.dump();
  const bad = structuredClone(exported);
  bad.settings.timezone = "Nowhere/City";
  bad.registry["+34612345678"].status = "perhaps";
  bad.registry["wrong"] = { ...bad.registry["+34612345678"], status: "opt_in" };
  bad.audit.push({ ts: "yesterday", rule: "x", action: "warned" });
  await assert.rejects(s.importAll(bad), (err) => {
    assert.deepEqual(err.errors.map((e) => e.field), ["settings.timezone", 'registry["+34612345678"].status', 'registry["wrong"]', "audit[1].ts"]);
    return true;
  });
  assert.deepEqual(mem.dump(), snapshot, "nothing written");
  await assert.rejects(s.importAll("{"), (e) => e.field === "file");
  await assert.rejects(s.importAll({ format: "other" }), (e) => e.field === "format");
  await assert.rejects(s.importAll({ format: "conforma-export", schema: 7 }), (e) => e.field === "schema");
  // An export of the older shape (schema 0) imports through the migrations.
  await s.importAll({ lang: "es", optins: [{ phone: "+52 1 55 1234 5678", optIn: true, date: "2025-01-01T00:00:00Z" }] });
  assert.equal((await s.getSettings()).language, "es");
  assert.ok(await s.getContact("+525512345678"));
});

test("toEngineConfig: mapping, known-id filtering, packs in one place", () => {
  const settings = { ...s.defaultSettings(), language: "auto", rules: { "commerce.alcohol": { severity: "block" }, "gone.rule": { enabled: false }, alcohol: { enabled: true, junk: 1 } }, customTerms: [{ term: " rifa ", severity: "block" }], allowList: ["vinho do porto"] };
  const cfg = s.toEngineConfig(settings, { uiLanguage: "es-AR", knownIds: ["commerce.alcohol", "alcohol"] });
  assert.equal(cfg.locale, "es");
  assert.deepEqual(cfg.rules, { "commerce.alcohol": { severity: "block" }, alcohol: { enabled: true } });
  assert.ok(!("packs" in cfg));
  assert.deepEqual(s.toEngineConfig(settings, { packs: true, uiLanguage: "en" }).packs, [
    { name: "agent", topics: [{ id: "terms-block", terms: ["rifa"], severity: "block", message: { "pt-BR": "Termo que sua empresa pediu para evitar.", es: "Término que tu empresa pidió evitar.", en: "A term your company asked to avoid." } }], allow: ["vinho do porto"] },
  ]);
  // Notes become the message of their own topic; built-in categories get extra terms; topics spill into more packs.
  const many = s.toEnginePacks({
    customTerms: [
      { term: "eleição", category: "custom", severity: "info", note: "Sem política." },
      { term: "chopp de vinho", category: "alcohol", severity: "warn" },
      ...Array.from({ length: 70 }, (_, i) => ({ term: "t" + i, category: "custom", severity: "warn", note: "n" + i })),
    ],
  });
  assert.equal(many.length, 2);
  assert.deepEqual(many[0].topics[0], { id: "term-1", terms: ["eleição"], severity: "info", message: { "pt-BR": "Sem política.", es: "Sem política.", en: "Sem política." } });
  assert.deepEqual(many[0].terms, { alcohol: ["chopp de vinho"] });
  assert.equal(many[0].topics.length, 64);
  assert.deepEqual([many[1].name, many[1].topics.length], ["agent-2", 7]);
  assert.deepEqual(s.toEnginePacks({ customTerms: [], allowList: [] }), []);
  assert.deepEqual(s.validateSettings({ customTerms: [{ term: "x".repeat(101) }], allowList: ["y".repeat(101)] }).map((e) => e.field), ["customTerms[0].term", "allowList[0]"]);
  assert.equal(s.resolveLanguage("auto", "fr-FR"), "pt-BR");
  assert.equal(s.engineFieldToSetting("locale"), "language");
  assert.equal(s.engineFieldToSetting("packs[0].allow[2]"), "allowList");
  assert.equal(s.engineFieldToSetting("packs[1].topics[0].terms[3]"), "customTerms");
  assert.equal(s.engineFieldToSetting("hours.mon[0]"), "hours.mon[0]");
});

test("the engine accepts the config built from defaults and from edited settings", { skip: !existsSync(ENGINE) && "dist/npm/node is missing: run `bash scripts/build.sh wasm`" }, () => {
  const engine = require(ENGINE);
  const ids = [...engine.rules().map((r) => r.id), ...engine.categories().map((c) => c.id)];
  for (const settings of [
    s.defaultSettings(),
    { ...s.defaultSettings(), language: "en", surface: "platform", hours: { mon: ["09:00-12:00", "13:00-18:00"], sun: [] }, holidays: { dates: ["2026-12-24"], national: ["BR", "AR"] }, rules: { alcohol: { enabled: false }, "pii.cpf": { severity: "warn" } } },
  ]) {
    const res = engine.validateConfig(s.toEngineConfig(settings, { uiLanguage: "pt-BR", knownIds: ids }));
    assert.deepEqual(res, { type: "success" });
  }
  if (s.supportsPacks(engine)) {
    const withTerms = { ...s.defaultSettings(), customTerms: [{ term: "eleição", category: "custom", severity: "block" }, { term: "partido*", category: "custom", severity: "warn", note: "Não falamos de política." }], allowList: ["vinho do porto"] };
    assert.deepEqual(engine.validateConfig(s.toEngineConfig(withTerms, { packs: true, knownIds: ids })), { type: "success" });
    const e = new engine.Engine(s.toEngineConfig(withTerms, { packs: true, knownIds: ids, uiLanguage: "pt-BR" }));
    const res = e.check("vamos falar da eleição", { direction: "outbound" });
    assert.deepEqual(res.findings.map((f) => [f.rule, f.severity]), [["custom.agent.terms-block", "block"]]);
  } else {
    assert.equal(s.supportsPacks({ validateConfig: () => ({ type: "failure", errors: [] }) }), false);
  }
  const bad = engine.validateConfig(s.toEngineConfig({ ...s.defaultSettings(), rules: { "commerce.alcool": { enabled: false } } }));
  assert.equal(bad.type, "failure");
  assert.equal(s.engineFieldToSetting(bad.errors[0].field), "rules.commerce.alcool");
});
