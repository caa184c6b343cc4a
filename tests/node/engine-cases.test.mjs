// The core's table-driven cases (crates/conforma-core/tests/cases/) run again
// through the built npm package, so the wasm layer gives the same answers as
// the Rust engine: context rules, config/context errors, bulk sends, inbound intents.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Engine } from "conforma";

const dir = new URL("../../crates/conforma-core/tests/cases/", import.meta.url);
const json = (name) => JSON.parse(readFileSync(new URL(name, dir), "utf8"));
const CONTEXT = new Set(["out_of_hours", "no_opt_in", "opted_out", "window_closed", "bulk_send"]);
const contextCategories = (findings) => [...new Set(findings.filter((f) => CONTEXT.has(f.category)).map((f) => f.category))].sort();

for (const suite of json("context.json").suites) {
  test(`context: ${suite.name}`, () => {
    const engine = new Engine(suite.config);
    for (const c of suite.cases) {
      const locales = c.message_contains ? Object.keys(c.message_contains) : [undefined];
      for (const locale of locales) {
        const r = engine.check(c.text, { context: c.context, ...(locale ? { locale } : {}) });
        assert.equal(r.type, "success", `${c.name}: ${JSON.stringify(r)}`);
        assert.deepEqual(contextCategories(r.findings), [...c.expect].sort(), c.name);
        const ctx = r.findings.filter((f) => CONTEXT.has(f.category));
        if (c.rules) assert.deepEqual(ctx.map((f) => f.rule).sort(), [...c.rules].sort(), c.name);
        for (const [rule, severity] of Object.entries(c.severity ?? {})) {
          assert.equal(ctx.find((f) => f.rule === rule)?.severity, severity, `${c.name}: ${rule}`);
        }
        if (locale) {
          const want = c.message_contains[locale];
          assert.ok(ctx.some((f) => f.message.includes(want)), `${c.name} (${locale}): no message contains ${JSON.stringify(want)}: ${JSON.stringify(ctx.map((f) => f.message))}`);
        }
      }
    }
  });
}

test("errors name the offending field", () => {
  for (const c of json("errors.json").cases) {
    if (c.context) {
      const r = new Engine(c.config).check("Olá", { context: c.context });
      assert.equal(r.type, "failure", c.name);
      assert.equal(r.errors[0].field, c.field, `${c.name}: ${r.errors[0].message}`);
    } else {
      assert.throws(() => new Engine(c.config), (err) => err.message.startsWith(`${c.field}:`), c.name);
    }
  }
});

test("decoding errors name the offending field, as in Rust", () => {
  const engine = new Engine();
  for (const c of json("decode.json").cases) {
    if (c.config) {
      assert.throws(() => new Engine(c.config), (err) => err.message.startsWith(`${c.field}:`) && err.message.includes(c.message), c.name);
    } else {
      const r = engine.check("Olá", c.options);
      assert.equal(r.type, "failure", c.name);
      assert.equal(r.errors[0].field, c.field, `${c.name}: ${r.errors[0].message}`);
      assert.equal(r.errors[0].kind, "input", c.name);
      assert.ok(r.errors[0].message.includes(c.message), `${c.name}: ${r.errors[0].message}`);
    }
  }
});

test("bulk sends: the log round-trips through JS", () => {
  const { config, steps } = json("bulk.json");
  const engine = new Engine(config);
  let log = "";
  for (const [i, s] of steps.entries()) {
    const r = s.record ? engine.checkAndRecord(s.text, { context: s.context }, log) : engine.checkWithLog(s.text, { context: s.context }, log);
    assert.equal(r.type, "success", `step ${i}: ${JSON.stringify(r)}`);
    assert.deepEqual(contextCategories(r.findings), [...s.expect].sort(), `step ${i}: ${s.text}`);
    if (!s.record) assert.equal(r.log, log, `step ${i}: checkWithLog must not change the log`);
    log = r.log;
  }
});

test("inbound intents", () => {
  const engine = new Engine();
  const lines = readFileSync(new URL("inbound.tsv", dir), "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  assert.ok(lines.length > 20);
  for (const line of lines) {
    const [expect, text] = line.split("\t");
    const r = engine.check(text, { direction: "inbound" });
    assert.equal(r.type, "success");
    const got = [...new Set(r.findings.map((f) => f.category))];
    assert.deepEqual(got, expect === "none" ? [] : [expect], text);
  }
});
