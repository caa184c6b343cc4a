// Pure logic of the opt-in registry: phone normalization, keys, merging, CSV.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as reg from "../../extension/src/lib/registry.js";
import { parseCsv, toCsv } from "../../extension/src/lib/csv.js";

// [input, region, expected E.164 or null]
const PHONES = [
  ["+55 11 98765-4321", "BR", "+5511987654321"],
  ["(11) 98765-4321", "BR", "+5511987654321"],
  ["11 3456-7890", "BR", "+551134567890"],
  ["0 21 11 98765-4321", "BR", "+5511987654321"],
  ["011 98765 4321", "BR", "+5511987654321"],
  ["5511987654321", "BR", "+5511987654321"],
  ["0055 11 98765 4321", "ES", "+5511987654321"],
  ["5511987654321@c.us", "BR", "+5511987654321"],
  ["+55 01 98765-4321", "BR", null],
  ["+55 11 9876", "BR", null],
  ["612 34 56 78", "ES", "+34612345678"],
  ["+34 912 345 678", "BR", "+34912345678"],
  ["+34 512 345 678", "BR", null],
  ["+54 9 11 1234-5678", "BR", "+5491112345678"],
  ["011 15-1234-5678", "AR", "+5491112345678"],
  ["+54 11 15 1234 5678", "BR", "+5491112345678"],
  ["0351 15 123 4567", "AR", "+5493511234567"],
  ["+54 11 4321-5678", "BR", "+541143215678"],
  ["+52 1 55 1234 5678", "BR", "+525512345678"],
  ["+52 55 1234 5678", "BR", "+525512345678"],
  ["55 1234 5678", "MX", "+525512345678"],
  ["+1 415 555 0100", "BR", "+14155550100"],
  ["", "BR", null],
  ["abc", "BR", null],
  ["12345", "BR", null],
  ["98765-4321", "XX", null],
];

for (const [input, region, expected] of PHONES) {
  test(`normalizePhone(${JSON.stringify(input)}, ${region}) = ${expected}`, () => {
    assert.equal(reg.normalizePhone(input, region), expected);
  });
}

test("contactKey prefers the phone, falls back to the trimmed name", () => {
  assert.equal(reg.contactKey({ phone: "+55 11 98765-4321", name: "Ana" }), "+5511987654321");
  assert.equal(reg.contactKey({ phone: null, name: "  Ana   Souza " }), "name:Ana Souza");
  assert.equal(reg.contactKey({ phone: "garbage!", name: "Ana" }), "name:Ana");
  assert.equal(reg.contactKey({}), null);
});

test("hashKey is the SHA-256 hex of the key", async () => {
  assert.equal(await reg.hashKey("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});

test("the SHA-256 fallback matches crypto.subtle on awkward lengths and Unicode", async () => {
  const { createHash } = await import("node:crypto");
  for (const text of ["", "abc", "a".repeat(55), "a".repeat(56), "a".repeat(64), "+5511987654321", "name:José 😀", "x".repeat(1000)]) {
    const hex = Buffer.from(reg.sha256(new TextEncoder().encode(text))).toString("hex");
    assert.equal(hex, createHash("sha256").update(text, "utf8").digest("hex"), JSON.stringify(text.slice(0, 20)));
  }
});

test("setStatus records, validates and replaces decisions", () => {
  let r = reg.setStatus({}, { phone: "+5511987654321", name: "Ana" }, "opt_in", "manual", "2026-01-01T10:00:00.000Z");
  assert.deepEqual(r["+5511987654321"], { key: "+5511987654321", phone: "+5511987654321", name: "Ana", status: "opt_in", at: "2026-01-01T10:00:00.000Z", source: "manual" });
  r = reg.setStatus(r, { phone: "11 98765-4321" }, "opt_out", "inbound", "2026-01-02T10:00:00.000Z");
  assert.equal(r["+5511987654321"].status, "opt_out");
  assert.equal(r["+5511987654321"].name, "Ana");
  assert.throws(() => reg.setStatus(r, { phone: "x1" }, "opt_in", "manual"), (e) => e.field === "phone");
  assert.throws(() => reg.setStatus(r, { name: "Ana" }, "maybe", "manual"), (e) => e.field === "status");
  assert.throws(() => reg.setStatus(r, {}, "opt_in", "manual"), (e) => e.field === "contact");
  assert.throws(() => reg.setStatus(r, { name: "B" }, "opt_in", "fax"), (e) => e.field === "source");
});

test("a name-only entry merges into the phone entry when linked", () => {
  let r = reg.setStatus({}, { name: "Loja Centro" }, "opt_in", "manual", "2026-01-01T10:00:00.000Z");
  r = reg.noteInboundIn(r, { name: "Loja Centro" }, "2026-01-03T10:00:00.000Z");
  assert.equal(r["name:Loja Centro"].lastInboundAt, "2026-01-03T10:00:00.000Z");
  r = reg.link(r, "Loja Centro", "+55 21 99876-5432");
  assert.equal(r["name:Loja Centro"], undefined);
  assert.deepEqual(r["+5521998765432"], {
    key: "+5521998765432", phone: "+5521998765432", name: "Loja Centro", status: "opt_in",
    at: "2026-01-01T10:00:00.000Z", source: "manual", lastInboundAt: "2026-01-03T10:00:00.000Z",
  });
  // Setting a status with both phone and name also absorbs a name-only entry.
  let r2 = reg.setStatus({}, { name: "Zé" }, "opt_in", "manual", "2026-01-01T00:00:00.000Z");
  r2 = reg.setStatus(r2, { phone: "+5511987654321", name: "Zé" }, "opt_out", "manual", "2026-01-05T00:00:00.000Z");
  assert.deepEqual(Object.keys(r2), ["+5511987654321"]);
  assert.equal(r2["+5511987654321"].status, "opt_out");
});

test("noteInbound creates an unknown entry and toEngineContact maps it", () => {
  const r = reg.noteInboundIn({}, { phone: "+5511987654321" }, "2026-02-01T12:00:00.000Z");
  const e = r["+5511987654321"];
  assert.equal(e.status, "unknown");
  assert.deepEqual(reg.toEngineContact(e), { id: "+5511987654321", opt_in: "unknown", opt_in_at: null, opted_out_at: null, last_inbound_at: "2026-02-01T12:00:00.000Z" });
  const r2 = reg.setStatus(r, { phone: "+5511987654321" }, "opt_in", "inbound", "2026-02-01T12:01:00.000Z");
  assert.equal(reg.toEngineContact(r2["+5511987654321"]).opt_in, "granted");
  assert.equal(r2["+5511987654321"].lastInboundAt, "2026-02-01T12:00:00.000Z");
  assert.equal(reg.toEngineContact(null).opt_in, "unknown");
});

test("CSV parser: quotes, embedded newlines and separators, BOM, CRLF, semicolons", () => {
  assert.deepEqual(parseCsv('\ufeffa,b\r\n"x, y","line1\nline2"\r\n"say ""hi""",\r\n'), [["a", "b"], ["x, y", "line1\nline2"], ['say "hi"', ""]]);
  assert.deepEqual(parseCsv("telefone;nome\n11 98765-4321;Ana, Souza\n"), [["telefone", "nome"], ["11 98765-4321", "Ana, Souza"]]);
  assert.deepEqual(parseCsv("a,b"), [["a", "b"]]);
  assert.deepEqual(parseCsv(""), []);
});

test("CSV writer round-trips awkward cells and neutralizes formulas", () => {
  const rows = [["h1", "h2"], ["=SUM(A1)", "+5511987654321"], ["a\"b", "x\ny, z"], [" lead", "-1"], ["@cmd", "-x"]];
  const text = toCsv(rows, { bom: true });
  assert.ok(text.startsWith("\ufeff"));
  assert.ok(text.includes("'=SUM(A1)"), "formula guarded");
  assert.ok(text.includes(",+5511987654321"), "phone not guarded");
  assert.deepEqual(parseCsv(text), rows);
});

test("previewCsv reports per-row errors and applyCsv imports the valid rows", () => {
  const csv = [
    "Telefone;Nome;Status;Data",
    "(11) 98765-4321;Ana;sim;01/02/2026 10:30",
    "+34 612 345 678;Pepe;opt_out;2026-02-03",
    "12;Bad phone;opt_in;",
    ";Só nome;opt-in;",
    "+5511987654321;Ana again;opt_in;",
    "+5521998765432;Bia;talvez;",
    "+5521998765431;Caio;opt_in;31/02/2026",
    ";;;",
    ";;opt_in;",
  ].join("\n");
  const p = reg.previewCsv(csv, { now: "2026-03-01T00:00:00.000Z" });
  assert.deepEqual(p.fileErrors, []);
  const summary = p.rows.map((r) => [r.line, r.key, r.errors.map((e) => `${e.field}:${e.code}`).join(" ")]);
  assert.deepEqual(summary, [
    [2, "+5511987654321", ""],
    [3, "+34612345678", ""],
    [4, null, "phone:phone_invalid"],
    [5, "name:Só nome", ""],
    [6, null, "phone:duplicate"],
    [7, null, "status:status_invalid"],
    [8, null, "at:date_invalid"],
    [10, null, "phone:contact_missing"],
  ]);
  assert.equal(p.rows[0].at, "2026-02-01T10:30:00.000Z");
  assert.equal(p.rows[3].at, "2026-03-01T00:00:00.000Z");
  const { registry, applied } = reg.applyCsv({}, p);
  assert.equal(applied, 3);
  assert.equal(registry["+34612345678"].status, "opt_out");
  assert.equal(registry["+34612345678"].source, "csv");
});

test("previewCsv rejects a file without the needed columns", () => {
  assert.deepEqual(reg.previewCsv("foo,bar\n1,2").fileErrors.map((e) => e.code), ["no_contact_column", "no_status_column"]);
});

test("registry CSV export then import gives the same registry", () => {
  let r = {};
  r = reg.setStatus(r, { phone: "+5511987654321", name: "Ana \"A\", Souza" }, "opt_in", "manual", "2026-01-01T10:00:00.000Z");
  r = reg.setStatus(r, { name: "=cmd|' /C calc'!A0" }, "opt_out", "inbound", "2026-01-02T10:00:00.000Z");
  r = reg.noteInboundIn(r, { phone: "+5491112345678", name: "Línea\ndos" }, "2026-01-03T10:00:00.000Z");
  r = reg.setStatus(r, { phone: "+34612345678" }, "opt_in", "csv", "2026-01-04T10:00:00.000Z");
  const csv = reg.registryToCsv(r);
  const p = reg.previewCsv(csv);
  assert.deepEqual(p.rows.flatMap((x) => x.errors), []);
  const back = reg.applyCsv({}, p).registry;
  assert.deepEqual(back, r);
});
