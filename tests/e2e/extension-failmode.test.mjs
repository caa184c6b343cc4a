// When the engine cannot run at all (here: a damaged wasm file in a copy of the build), the
// extension must never break WhatsApp: "not active" with the reason for the popup, sending
// allowed (fail-open) — unless an admin chose fail-closed, which stops sending with a dialog.
// Run: node --test tests/e2e/extension-failmode.test.mjs
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { buildExtension, dialog, freezeClock, launch, openWhatsApp, setSettings, typeInto } from "./extension-harness.mjs";

let ctx;
let page;

describe("engine cannot run (Chromium)", { timeout: 90000 }, () => {
  before(async () => {
    const ext = await buildExtension();
    await writeFile(join(ext.chromium, "engine", "conforma_bg.wasm"), Buffer.from("not wasm at all"));
    ctx = await launch(ext.chromium);
    await freezeClock(ctx.sw);
    await setSettings(ctx.sw, { language: "en", failMode: "open" });
    page = await openWhatsApp(ctx.context);
  });
  after(async () => {
    await ctx?.context.close();
  });

  test("status is 'not active' with the reason", async () => {
    assert.equal(await page.evaluate(() => document.documentElement.dataset.conformaState), "inactive");
    // The service worker cannot message itself; read what the content script reported.
    const status = await ctx.sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: "https://web.whatsapp.com/*" });
      const key = `tabStatus:${tab.id}`;
      return (await chrome.storage.session.get(key))[key];
    });
    assert.equal(status.state, "inactive");
    assert.match(status.reason, /engine did not load/);
  });

  test("fail-open: sending works, nothing is blocked", async () => {
    await typeInto(page, "CPF 529.982.247-25");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.fixture.sent.length === 1);
    assert.equal(await dialog(page).count(), 0);
  });

  test("fail-closed: sending is stopped with an explanation", async () => {
    await setSettings(ctx.sw, { failMode: "closed" });
    await page.waitForTimeout(200);
    await typeInto(page, "Bom dia");
    await page.keyboard.press("Enter");
    await dialog(page).waitFor();
    assert.match(await dialog(page).innerText(), /not active/i);
    assert.equal(await page.evaluate(() => window.fixture.sent.length), 1);
    await page.keyboard.press("Escape");
    await setSettings(ctx.sw, { failMode: "open" });
  });
});
