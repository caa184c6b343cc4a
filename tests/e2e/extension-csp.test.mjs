// A page whose CSP forbids wasm in content scripts (Chromium applies the page's CSP to them):
// the extension must fall back to its background worker and still warn and guard.
// Run: node --test tests/e2e/extension-csp.test.mjs
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { FIXTURES, buildExtension, composerSel, dialog, freezeClock, launch, openWhatsApp, optedIn, panel, setSettings, typeInto } from "./extension-harness.mjs";

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
let ctx;
let page;

describe("strict-CSP page (Chromium)", { timeout: 90000 }, () => {
  before(async () => {
    const ext = await buildExtension();
    ctx = await launch(ext.chromium);
    await setSettings(ctx.sw, { language: "pt-BR" });
    await freezeClock(ctx.sw);
    await optedIn(ctx.sw, [{ phone: "+5511900000001", name: "+55 11 90000-0001" }]);
    page = await openWhatsApp(ctx.context, { dir: join(FIXTURES, "strict-csp"), headers: { "content-security-policy": CSP } });
  });
  after(async () => {
    await ctx?.context.close();
  });

  test("the engine runs in the background worker and the page still warns", async () => {
    assert.equal(await page.evaluate(() => document.documentElement.dataset.conformaState), "active");
    await typeInto(page, "Temos cerveja e o CPF 529.982.247-25");
    await panel(page).locator('.finding[data-category="alcohol"]').waitFor();
    await panel(page).locator('.finding[data-category="pii.cpf"]').waitFor();
    assert.equal(await page.locator('[data-conforma] .hl[data-rule="pii.cpf"]').count() >= 1, true, "CPF highlighted");
    await page.keyboard.press("Enter");
    await dialog(page).waitFor();
    assert.deepEqual(await page.evaluate(() => window.fixture.sent), []);
    await page.keyboard.press("Escape");
    await typeInto(page, "Bom dia!");
    await panel(page).waitFor({ state: "hidden" });
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.fixture.sent.length === 1);
    assert.ok(await page.locator(composerSel).count());
  });

  test("the worker mode is reported with the reason", async () => {
    const status = await ctx.sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: "https://web.whatsapp.com/*" });
      const key = `tabStatus:${tab.id}`;
      return (await chrome.storage.session.get(key))[key];
    });
    assert.equal(status?.state, "active");
    assert.equal(status?.mode, "worker");
    assert.match(status?.error ?? "", /CompileError/);
  });

  test("keystroke-to-warning latency through the worker (reported, not asserted)", async () => {
    await typeInto(page, "Temos promoção de cerv");
    const ms = await page.evaluate(async (sel) => {
      const root = document.querySelector("[data-conforma]").shadowRoot;
      const box = document.querySelector(sel);
      box.focus();
      const has = () => !!root.querySelector('.finding[data-category="alcohol"]');
      const until = (want) =>
        new Promise((ok) => {
          if (has() === want) return ok();
          const mo = new MutationObserver(() => has() === want && (mo.disconnect(), ok()));
          mo.observe(root, { childList: true, subtree: true });
        });
      const out = [];
      for (let i = 0; i < 60; i++) {
        const t0 = performance.now();
        document.execCommand("insertText", false, "eja");
        await until(true);
        out.push(performance.now() - t0);
        for (let k = 0; k < 3; k++) document.execCommand("delete", false);
        await until(false);
      }
      return out.sort((a, b) => a - b);
    }, composerSel);
    const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
    console.log(`# keystroke→warning (Chromium, strict CSP, background worker): median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms over ${ms.length} edits`);
  });

  test("no request left the browser", () => {
    assert.deepEqual(ctx.offending, []);
  });
});
