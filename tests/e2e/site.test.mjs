// Browser tests of the website (dist/www) in Debian's headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../support/server.mjs";
import { CHROMIUM, CHROMIUM_ARGS, artifactsDir } from "../support/chromium.mjs";

if (!existsSync("dist/www/index.html")) {
  throw new Error("dist/www is missing: run `CONFORMA_SKIP_SETUP=1 bash scripts/build.sh www` first");
}
const engine = createRequire(import.meta.url)(join(process.cwd(), "dist/npm/node/conforma.js"));
const hasCategory = (id) => engine.rules().some((r) => r.category === id);

let server, browser;
before(async () => {
  server = await startServer("dist/www");
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + path);
  await page.waitForFunction(() => !/Carregando|Cargando|Loading/.test(document.querySelector(".summary")?.textContent ?? ""));
  return { page, errors };
}

/** Text of the highlight marks for `rule`, joined. */
const marked = (page, rule) =>
  page.$$eval("mark", (ms, r) => ms.filter((m) => m.dataset.rules.split(" ").includes(r)).map((m) => m.textContent).join("|"), rule);

test("home hero: typing 'vamos tomar uma cerveja' shows the alcohol finding over 'cerveja'", async () => {
  const { page, errors } = await open("");
  assert.equal(await page.getAttribute("html", "lang"), "pt-BR");
  await page.fill("#hero-input", "");
  await page.locator("#hero-input").pressSequentially("vamos tomar uma cerveja");
  await page.waitForSelector('.finding[data-category="alcohol"]');
  assert.equal(await marked(page, "commerce.alcohol"), "cerveja");
  assert.match(await page.textContent('.finding[data-category="alcohol"]'), /commerce\.alcohol/);
  await page.screenshot({ path: join(await artifactsDir(), "site-home.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("demo: highlights sit exactly over the typed characters, emoji included", async () => {
  const { page, errors } = await open("demo/");
  const text = "🍺🍺 Promo: cerveja gelada, CPF 348.162.790-40 👍";
  await page.fill("#demo-input", text);
  await page.waitForSelector('#demo-summary[data-state="found"]');
  assert.ok((await marked(page, "commerce.alcohol")).split("|").includes("cerveja"));
  if (hasCategory("pii.cpf")) assert.equal(await marked(page, "pii.cpf"), "348.162.790-40");
  assert.match(await page.textContent('.finding[data-category="alcohol"] .quote-btn'), /“cerveja”/);
  // Every mark covers exactly the characters at its offset in the typed text.
  const bad = await page.$$eval("mark", (ms, t) => ms.filter((m) => t.slice(+m.dataset.start, +m.dataset.start + m.textContent.length) !== m.textContent).length, text);
  assert.equal(bad, 0);
  // The backdrop mirrors the textarea text and box metrics, so marks align with the glyphs.
  const m = await page.evaluate(() => {
    const ta = document.querySelector("#demo-input");
    const bd = ta.parentElement.querySelector(".compose-backdrop");
    const a = getComputedStyle(ta), b = getComputedStyle(bd);
    const keys = ["fontFamily", "fontSize", "lineHeight", "paddingLeft", "paddingTop", "letterSpacing", "whiteSpace"];
    return { same: keys.every((k) => a[k] === b[k]), mirror: bd.textContent.replace(/\u200b$/, ""), value: ta.value,
      w: [ta.clientWidth, bd.clientWidth] };
  });
  assert.ok(m.same);
  assert.equal(m.mirror, m.value);
  assert.equal(m.w[0], m.w[1]);
  await page.screenshot({ path: join(await artifactsDir(), "site-demo.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("demo: clock on Sunday gives out_of_hours", { skip: !hasCategory("out_of_hours") && "engine has no out_of_hours rule yet (rebuild dist/npm)" }, async () => {
  const { page } = await open("demo/");
  await page.fill("#demo-input", "Bom dia! Seu pedido saiu para entrega.");
  await page.fill("#ctx-now", "2026-03-15T10:00");
  await page.dispatchEvent("#ctx-now", "change");
  await page.waitForSelector('[data-composer="demo"] .finding[data-category="out_of_hours"]');
  await page.close();
});

test("demo: inbound 'PARAR' is classified as opt-out", { skip: !hasCategory("opt_out") && "engine has no opt_out rule yet (rebuild dist/npm)" }, async () => {
  const { page } = await open("demo/");
  await page.fill("#inbound-input", "PARAR");
  await page.waitForSelector('#inbound-summary[data-classification="opt_out"]');
  await page.close();
});

test("language switch goes to the English demo with English engine messages", async () => {
  const { page } = await open("demo/");
  await page.click('.lang-switch a[data-lang="en"]');
  await page.waitForURL(/\/en\/demo\/$/);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.waitForFunction(() => !/Loading/.test(document.querySelector(".summary").textContent));
  await page.fill("#demo-input", "cold beer tonight");
  await page.waitForSelector('.finding[data-category="alcohol"]');
  const en = engine.rules().find((r) => r.id === "commerce.alcohol").message.en;
  assert.equal(await page.textContent('.finding[data-category="alcohol"] .finding-msg'), en);
  await page.close();
});

test("rules page lists every category and rule id the engine exports, in every locale", async () => {
  for (const prefix of ["", "es/", "en/"]) {
    const page = await browser.newPage();
    await page.goto(`${server.url}${prefix}rules/`);
    const cats = await page.$$eval("[data-category]", (els) => els.map((e) => e.dataset.category));
    for (const c of engine.categories()) assert.ok(cats.includes(c.id), `${prefix}rules/ lacks category ${c.id}`);
    const ids = await page.$$eval("[data-rule]", (els) => els.map((e) => e.dataset.rule));
    for (const r of engine.rules()) assert.ok(ids.includes(r.id), `${prefix}rules/ lacks rule ${r.id}`);
    await page.close();
  }
});

test("no request after load, and only same-origin requests at all", async () => {
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(server.url + "demo/", { waitUntil: "networkidle" });
  await page.waitForFunction(() => /\d/.test(document.querySelector("#engine-status").textContent));
  for (const u of requests) assert.ok(u.startsWith(server.url), `off-origin request: ${u}`);
  const loaded = requests.length;
  await page.fill("#demo-input", "vamos tomar uma cerveja");
  await page.fill("#inbound-input", "PARAR");
  await page.click('[data-clock="sun10"]');
  await page.click('[data-example="0"]');
  await page.waitForTimeout(300);
  assert.deepEqual(requests.slice(loaded), []);
  await page.close();
});

test("mobile width: no horizontal overflow; screenshots saved", async () => {
  for (const [path, name] of [["", "site-home-mobile.png"], ["demo/", "site-demo-mobile.png"]]) {
    const { page } = await open(path, { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path || "home"} overflows by ${overflow}px`);
    await page.screenshot({ path: join(await artifactsDir(), name), fullPage: true });
    await page.close();
  }
});

test("accessibility basics: lang, one h1, skip link, labelled controls", async () => {
  for (const path of ["", "demo/", "rules/", "docs/", "es/demo/", "en/"]) {
    const page = await browser.newPage();
    await page.goto(server.url + path);
    const r = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelectorAll("h1").length,
      skip: document.querySelector("a.skip-link")?.getAttribute("href"),
      unlabelled: [...document.querySelectorAll("input, select, textarea")]
        .filter((e) => e.labels.length === 0 && !e.getAttribute("aria-label")).map((e) => e.id),
    }));
    assert.ok(["pt-BR", "es", "en"].includes(r.lang));
    assert.equal(r.h1, 1, path);
    assert.equal(r.skip, "#main");
    assert.deepEqual(r.unlabelled, [], path);
    await page.close();
  }
});
