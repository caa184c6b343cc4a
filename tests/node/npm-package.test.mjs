// Tests of the built npm package `conforma` (dist/npm), imported the way users
// import it: by package name through its exports map (Node target) and through
// the `web` target's ES module with an explicit init.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import * as conforma from "conforma";
import init, * as web from "conforma/web";

const require = createRequire(import.meta.url);
const wasmPath = require.resolve("conforma/web/conforma_bg.wasm");
await init({ module_or_path: await readFile(wasmPath) });

const CONTRACT_CATEGORIES = [
  "drugs", "medicine", "alcohol", "tobacco", "weapons", "gambling", "adult", "dating", "animals",
  "fraud", "currency_exchange", "threat", "harassment", "pii.cpf", "pii.card", "pii.credential",
  "pii.bank", "pii.id_document", "opt_out", "opt_in", "out_of_hours", "no_opt_in", "opted_out",
  "window_closed",
];

// Emoji (surrogate pairs), a flag (two pairs), combining accents and ZWJ
// sequences before the finding shift UTF-16 offsets away from UTF-8 bytes.
const OFFSET_CASES = [
  { text: "🍺🍺 vamos tomar uma cerveja hoje?", want: "cerveja", category: "alcohol" },
  { text: "👨‍👩‍👧 🇧🇷 Promoção: CERVEJA gelada", want: "CERVEJA", category: "alcohol" },
  { text: "cafe\u0301 e\u0301 bom, cerveja também", want: "cerveja", category: "alcohol" },
  { text: "😀 meu CPF é 529.982.247-25, ok?", want: "529.982.247-25", category: "pii.cpf" },
];

for (const [name, mod] of [["node target", conforma], ["web target", web]]) {
  test(`${name}: start/end slice the JS string to the offending text`, () => {
    const engine = new mod.Engine();
    for (const { text, want, category } of OFFSET_CASES) {
      const result = engine.check(text);
      assert.equal(result.type, "success", JSON.stringify(result));
      const f = result.findings.find((x) => x.category === category);
      assert.ok(f, `no ${category} finding in ${JSON.stringify(text)}: ${JSON.stringify(result.findings)}`);
      assert.equal(text.slice(f.start, f.end), want);
      assert.deepEqual(f.spans[0], { start: f.start, end: f.end });
    }
  });

  test(`${name}: messages follow the requested locale`, () => {
    const pt = new mod.Engine().check("cerveja").findings[0];
    const es = new mod.Engine({ locale: "es" }).check("cerveja").findings[0];
    const en = new mod.Engine().check("cerveja", { locale: "en" }).findings[0];
    assert.match(pt.message, /bebida alcoólica/);
    assert.match(es.message, /bebidas alcohólicas/);
    assert.match(en.message, /alcoholic drinks/);
    assert.equal(pt.rule, "commerce.alcohol");
    assert.ok(["info", "warn", "block"].includes(pt.severity));
  });
}

test("bad configuration: the constructor throws naming the field; validateConfig is tagged", () => {
  assert.throws(() => new conforma.Engine({ timezon: "America/Sao_Paulo" }), /^Error: timezon: unknown field/);
  assert.throws(() => new conforma.Engine({ rules: { "commerce.alcool": { severity: "block" } } }), /Did you mean 'commerce\.alcohol'/);
  assert.deepEqual(conforma.validateConfig({ locale: "en" }), { type: "success" });
  const bad = conforma.validateConfig({ rules: { alcohol: { severity: "loud" } } });
  assert.equal(bad.type, "failure");
  assert.equal(bad.errors[0].field, "rules.alcohol.severity");
  assert.equal(bad.errors[0].kind, "config");
});

test("bad options give a failure result, never an exception", () => {
  const engine = new conforma.Engine();
  const r = engine.check("oi", { direction: "sideways" });
  assert.equal(r.type, "failure");
  assert.equal(r.errors[0].field, "direction");
  assert.equal(r.errors[0].kind, "input");
  const l = engine.check("oi", { locale: "fr" });
  assert.equal(l.type, "failure");
  assert.equal(l.errors[0].kind, "unknown_id");
});

test("severity overrides and disabled rules apply", () => {
  const blocked = new conforma.Engine({ rules: { alcohol: { severity: "block" } } }).check("cerveja");
  assert.equal(blocked.findings[0].severity, "block");
  const off = new conforma.Engine({ rules: { "commerce.alcohol": { enabled: false } } }).check("cerveja");
  assert.deepEqual(off.findings, []);
});

test("huge and odd Unicode input is handled without throwing", () => {
  const engine = new conforma.Engine();
  const odd = "\u0000\u200b\ud800 lone surrogate \uffff 🏳️‍🌈 ".repeat(2000) + " cerveja";
  const r = engine.check(odd);
  assert.equal(r.type, "success");
  const f = r.findings.find((x) => x.category === "alcohol");
  assert.equal(odd.slice(f.start, f.end), "cerveja");
  const tooBig = engine.check("a".repeat((1 << 20) + 1));
  assert.equal(tooBig.type, "failure");
  assert.equal(tooBig.errors[0].kind, "limit");
});

test("catalog: every contract category id is exported, with rules in three locales", () => {
  const ids = conforma.categories().map((c) => c.id);
  for (const id of CONTRACT_CATEGORIES) assert.ok(ids.includes(id), `missing category ${id}`);
  const rules = conforma.rules();
  assert.ok(rules.length > 0);
  for (const r of rules) {
    assert.ok(ids.includes(r.category), `${r.id} has unknown category ${r.category}`);
    for (const loc of ["pt-BR", "es", "en"]) assert.ok(r.message[loc], `${r.id} lacks a ${loc} message`);
  }
  assert.match(conforma.version(), /^\d+\.\d+\.\d+/);
});
