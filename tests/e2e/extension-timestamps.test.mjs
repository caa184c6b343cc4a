// Pure logic of the content script, under Node (no browser): parsing of WhatsApp's
// data-pre-plain-text (cases in tests/fixtures/whatsapp/timestamps.json), phone numbers shown
// in the header, and the match patterns of added sites.
// Run: node --test tests/e2e/extension-timestamps.test.mjs
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { matchesPattern } from "../../extension/src/content/dashboard.js";
import { parsePrePlainText } from "../../extension/src/content/timestamps.js";
import { phoneIn } from "../../extension/src/content/whatsapp.js";

const { cases } = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "whatsapp", "timestamps.json"), "utf8"));

for (const c of cases) {
  test(`data-pre-plain-text ${JSON.stringify(c.input)} (${c.locale})`, () => {
    const got = parsePrePlainText(c.input, c.locale);
    assert.deepEqual(got && [got.year, got.month, got.day, got.hour, got.minute, got.author], c.expect);
  });
}

test("phone numbers as WhatsApp shows them", () => {
  assert.equal(phoneIn("+55 11 90000-0001"), "+5511900000001");
  assert.equal(phoneIn("+34 612 34 56 78"), "+34612345678");
  assert.equal(phoneIn("Ana Souza"), null);
  assert.equal(phoneIn("Loja 2"), null);
  assert.equal(phoneIn("12:30"), null);
});

test("site match patterns", () => {
  assert.equal(matchesPattern("https://desk.example.com/*", "https://desk.example.com/tickets/1?x=2"), true);
  assert.equal(matchesPattern("https://desk.example.com/*", "http://desk.example.com/"), false);
  assert.equal(matchesPattern("https://desk.example.com/*", "https://evil.example.net/desk.example.com/"), false);
  assert.equal(matchesPattern("https://*.example.com/*", "https://a.b.example.com/x"), true);
  assert.equal(matchesPattern("https://*.example.com/*", "https://example.com/x"), true);
  assert.equal(matchesPattern("https://*.example.com/*", "https://notexample.com/x"), false);
  assert.equal(matchesPattern("https://desk.example.com/app/*", "https://desk.example.com/other"), false);
  assert.equal(matchesPattern("https://desk.example.com:8443/*", "https://desk.example.com:8443/a"), true);
  assert.equal(matchesPattern("not a pattern", "https://desk.example.com/"), false);
});
