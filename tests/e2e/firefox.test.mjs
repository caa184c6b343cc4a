// Firefox: the same build (dist layout, Firefox manifest: background scripts + gecko id),
// loaded with puppeteer-core over WebDriver BiDi (no geckodriver). Requests to
// https://web.whatsapp.com are answered with the fixture by request interception, so the
// content script attaches on the real origin as shipped; anything else is aborted and counted.
// Run: node --test tests/e2e/firefox.test.mjs
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { after, before, describe, test } from "node:test";
import puppeteer from "puppeteer-core";
import { FIXTURES, buildExtension, composerSel, needsCategory } from "./extension-harness.mjs";
import { artifactsDir } from "../support/chromium.mjs";

const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };
const skip = existsSync(FIREFOX) ? false : `Firefox not found at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX_PATH)`;

let browser;
let page;
const offending = [];

/** Text of (or `true` for) an element in the extension's shadow root, or null. */
async function inShadow(selector, what = "text") {
  return page.evaluate(
    (sel, what) => {
      const root = document.querySelector("[data-conforma]")?.shadowRoot;
      const el = root?.querySelector(sel);
      if (!el) return null;
      return what === "text" ? el.textContent : true;
    },
    selector,
    what,
  );
}
async function waitShadow(selector) {
  await page.waitForFunction((sel) => !!document.querySelector("[data-conforma]")?.shadowRoot?.querySelector(sel), { timeout: 10000 }, selector);
}

describe("extension in Firefox (WebDriver BiDi)", { timeout: 120000, skip }, () => {
  before(async () => {
    const ext = await buildExtension();
    browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true });
    await browser.installExtension(ext.firefox);
    page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on("request", async (req) => {
      const url = req.url();
      if (url.startsWith("https://web.whatsapp.com/")) {
        const path = new URL(url).pathname;
        const file = normalize(join(FIXTURES, "whatsapp", path === "/" ? "index.html" : path));
        if (file.startsWith(join(FIXTURES, "whatsapp")) && existsSync(file)) {
          return req.respond({ status: 200, contentType: TYPES[extname(file)] ?? "application/octet-stream", body: await readFile(file) });
        }
        return req.respond({ status: 404, contentType: "text/plain", body: "not found" });
      }
      if (/^(moz-extension|data|blob|about):/.test(url)) return req.continue();
      offending.push(url);
      return req.abort();
    });
    await page.goto("https://web.whatsapp.com/");
    await page.waitForFunction(() => document.documentElement.dataset.conformaState === "active", { timeout: 15000 });
  });
  after(async () => {
    await browser?.close();
  });

  test("typing a prohibited word shows the highlight and the panel", async () => {
    await page.click(composerSel);
    await page.keyboard.type("Temos cerveja gelada");
    await waitShadow('.finding[data-category="alcohol"]');
    const text = await inShadow(".panel");
    // Language "auto" follows the browser (en-US here): English texts.
    assert.match(text, /alcoholic|alcoólica|alcohólica/);
    assert.ok(await inShadow('.hl[data-rule="commerce.alcohol"]', "exists"), "highlight drawn");
    const dir = await artifactsDir();
    await page.screenshot({ path: join(dir, "extension-firefox-panel.png") });
  });

  test("a CPF blocks Enter with the dialog; Shift+Enter does not", async () => {
    await page.keyboard.down("Control");
    await page.keyboard.press("a");
    await page.keyboard.up("Control");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("CPF 529.982.247-25");
    await waitShadow('.finding[data-severity="block"]');
    await page.keyboard.down("Shift");
    await page.keyboard.press("Enter");
    await page.keyboard.up("Shift");
    assert.equal(await inShadow('[role="dialog"]', "exists"), null, "Shift+Enter opens no dialog");
    await page.keyboard.press("Enter");
    await waitShadow('[role="dialog"]');
    assert.deepEqual(await page.evaluate(() => window.fixture.sent), []);
  });

  test("keystroke-to-warning latency (reported, not asserted)", async () => {
    await page.keyboard.press("Escape");
    const ms = await page.evaluate(async (sel) => {
      const root = document.querySelector("[data-conforma]").shadowRoot;
      const box = document.querySelector(sel);
      box.focus();
      document.execCommand("selectAll", false);
      document.execCommand("insertText", false, "Promoção de cerv");
      const out = [];
      for (let i = 0; i < 100; i++) {
        const t0 = performance.now();
        document.execCommand("insertText", false, "eja");
        const shown = !!root.querySelector('.finding[data-category="alcohol"]');
        out.push(shown ? performance.now() - t0 : Infinity);
        for (let k = 0; k < 3; k++) document.execCommand("delete", false);
        if (i % 20 === 0) await new Promise((r) => requestAnimationFrame(r));
      }
      return out.sort((a, b) => a - b);
    }, composerSel);
    const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
    console.log(`# keystroke→warning (Firefox, in-page engine): median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms over ${ms.length} edits`);
    assert.ok(Number.isFinite(q(0.5)), "the panel updated synchronously on input");
  });

  test("an inbound opt-out is classified and the next message warns opted_out", { skip: needsCategory("opt_out") || needsCategory("opted_out") }, async () => {
    await page.evaluate(() => window.fixture.receive("Não quero mais receber mensagens, por favor pare."));
    await waitShadow('.notice[data-kind="opt_out"]');
    await page.evaluate((sel) => {
      const box = document.querySelector(sel);
      box.focus();
      document.execCommand("selectAll", false);
      document.execCommand("insertText", false, "Oi Ana, novidades para você!");
    }, composerSel);
    await waitShadow('.finding[data-category="opted_out"]');
  });

  test("no request left the browser", () => {
    assert.deepEqual(offending, []);
  });
});
