// Settings and data in a real browser (Debian Chromium, the unpacked extension as built):
// options persist and reload, CSV round trip of the opt-in registry, import/export of all
// settings as JSON, migration of older stored data, managed (admin) settings locked, the
// popup, and the dashboard presets on their fixtures. Screenshots go to tests/artifacts/.
// Run: node --test tests/e2e/extension-settings.test.mjs
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { access, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { constants } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { artifactsDir } from "../support/chromium.mjs";
import { FIXTURES, buildExtension, grantHosts, launch, routeFixture } from "./extension-harness.mjs";

const DESKS = { textarea: "https://desk-textarea.example.test", contenteditable: "https://desk-editable.example.test" };

let ctx;
let extDir;

const storage = (key) => ctx.sw.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);

async function openOptions(c = ctx) {
  const page = await c.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`chrome-extension://${c.extensionId}/src/options/options.html`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 }).catch(() => {
    throw new Error(`options page did not start: ${errors.join("; ") || "no error reported"}`);
  });
  page.pageErrors = errors;
  return page;
}

/** Waits until the live region announces `text` (it is cleared a few seconds later). */
async function announced(page, text) {
  await page.waitForFunction((t) => document.getElementById("live").textContent.includes(t), text, { timeout: 5000 });
}

async function fillAndCommit(page, selector, value) {
  await page.fill(selector, value);
  await page.locator(selector).press("Tab");
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: join(await artifactsDir(), name), fullPage });
}

/** Text elements whose contrast with their background is below 4.5:1 (WCAG AA). */
function lowContrast(page) {
  return page.evaluate(() => {
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const bg = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const bad = [];
    for (const el of document.querySelectorAll("body *")) {
      if (!el.checkVisibility?.() || el.closest(".sr-only")) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue.trim());
      if (!own && !el.matches("input, select, textarea")) continue;
      const st = getComputedStyle(el);
      const a = lum(rgb(st.color).slice(0, 3));
      const b = lum(bg(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) bad.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.textContent || el.value || "").trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
    }
    return bad;
  });
}

async function resetStorage() {
  await ctx.sw.evaluate(() => chrome.storage.local.clear());
}

before(async () => {
  extDir = (await buildExtension()).chromium;
  // Stands in for the user's "Allow" on the host-permission prompt (see grantHosts).
  await grantHosts(extDir, Object.values(DESKS).map((o) => o + "/*"));
  ctx = await launch(extDir, { allowed: ["https://web.whatsapp.com", ...Object.values(DESKS)] });
});

after(async () => {
  await ctx?.context.close();
  assert.deepEqual(ctx?.offending ?? [], [], "no request may leave the browser");
});

describe("options page", () => {
  test("settings persist and reload; invalid values show an error and are not saved", async () => {
    await resetStorage();
    const page = await openOptions();
    assert.equal(await page.locator("#language").inputValue(), "auto");

    await page.selectOption("#language", "es");
    await page.waitForFunction(() => document.querySelector("h1").textContent === "Conforma — configuración");
    await announced(page, "Guardado.");
    assert.equal(await page.getAttribute("html", "lang"), "es");

    await fillAndCommit(page, "#timezone", "America/Argentina/Buenos_Aires");
    await fillAndCommit(page, "#hours-mon", "09:00-12:00, 13:00-17:00");
    await fillAndCommit(page, "#hours-sun", "10:00-12:00");
    await page.check("#nat-AR");
    await fillAndCommit(page, "#holiday-dates", "2026-12-24\n2026-12-31");
    await page.check("input[name=surface][value=platform]");
    await fillAndCommit(page, "#bulk-max", "7");
    await page.selectOption('[data-rule-severity="commerce.alcohol"]', "block");
    await page.fill("#term-new", "chopp de vinho");
    await page.selectOption("#term-cat", "alcohol");
    await page.click("#term-form button[type=submit]");
    await page.waitForSelector("#terms-body tr");
    await page.fill("#term-new", "política");
    await page.selectOption("#term-sev", "info");
    await page.click("#term-form button[type=submit]");
    await page.waitForSelector("#terms-body tr");
    await fillAndCommit(page, "#allow-list", "vinho do porto\n\ncerveza sin alcohol");
    await fillAndCommit(page, "#audit-days", "30");
    await announced(page, "Guardado.");

    // Invalid: an impossible time range. Error next to the field, linked, announced; nothing saved.
    await fillAndCommit(page, "#hours-tue", "25:00-18:00");
    await announced(page, "No guardado");
    assert.equal(await page.getAttribute("#hours-tue", "aria-invalid"), "true");
    const describedBy = (await page.getAttribute("#hours-tue", "aria-describedby")).split(" ");
    const errTexts = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent().catch(() => "")));
    assert.ok(errTexts.some((x) => x.includes("08:00-18:00")), `error text linked to the field: ${errTexts}`);
    // Invalid: bulk below 1.
    await fillAndCommit(page, "#bulk-window", "0");
    assert.equal(await page.getAttribute("#bulk-window", "aria-invalid"), "true");
    await shot(page, "options-errors.png");

    const saved = await storage("settings");
    assert.equal(saved.language, "es");
    assert.equal(saved.timezone, "America/Argentina/Buenos_Aires");
    assert.deepEqual(saved.hours.mon, ["09:00-12:00", "13:00-17:00"]);
    assert.deepEqual(saved.hours.tue, ["08:00-18:00"], "the invalid range was not saved");
    assert.deepEqual(saved.hours.sun, ["10:00-12:00"]);
    assert.deepEqual(saved.holidays, { dates: ["2026-12-24", "2026-12-31"], national: ["BR", "AR"] });
    assert.equal(saved.surface, "platform");
    assert.deepEqual(saved.bulk, { max_contacts: 7, window_minutes: 10 });
    assert.deepEqual(saved.rules["commerce.alcohol"], { severity: "block" });
    assert.deepEqual(saved.customTerms, [{ term: "chopp de vinho", category: "alcohol", severity: "warn" }, { term: "política", category: "custom", severity: "info" }]);
    assert.deepEqual(saved.allowList, ["vinho do porto", "cerveza sin alcohol"]);
    assert.equal(saved.auditRetentionDays, 30);

    // Reload: every control shows the stored value.
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    assert.equal(await page.locator("#language").inputValue(), "es");
    assert.equal(await page.locator("#timezone").inputValue(), "America/Argentina/Buenos_Aires");
    assert.equal(await page.locator("#hours-mon").inputValue(), "09:00-12:00, 13:00-17:00");
    assert.equal(await page.locator("#hours-tue").inputValue(), "08:00-18:00");
    assert.ok(await page.isChecked("#nat-AR"));
    assert.ok(await page.isChecked("input[name=surface][value=platform]"));
    assert.equal(await page.locator("#bulk-max").inputValue(), "7");
    assert.equal(await page.locator('[data-rule-severity="commerce.alcohol"]').inputValue(), "block");
    assert.deepEqual(await page.locator("#terms-body tr").nth(1).locator("td").allTextContents().then((c) => c.slice(0, 3)), ["política", "Término de la empresa", "Info"]);
    assert.equal(await page.locator("#audit-days").inputValue(), "30");

    // Keyboard: the category switch is reachable and operable with the keyboard alone.
    const cat = page.locator('[data-cat="alcohol"]');
    await cat.focus();
    await page.keyboard.press("Space");
    await page.waitForFunction(async () => {
      const { settings } = await chrome.storage.local.get("settings");
      return settings.rules?.alcohol?.enabled === false;
    });
    assert.ok(await page.locator('[data-rule="commerce.alcohol"]').isDisabled(), "rules of a disabled category are disabled");
    // Every control has an accessible name; every fieldset a legend.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, textarea, button")]
        .filter((c) => !(c.labels?.length || c.getAttribute("aria-label") || c.getAttribute("aria-labelledby") || (c.tagName === "BUTTON" && c.textContent.trim())))
        .map((c) => c.id || c.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unlabelled, []);
    assert.equal(await page.locator("fieldset:not(:has(> legend))").count(), 0);
    assert.deepEqual(await lowContrast(page), []);
    // …and the check does catch a pale text.
    await page.evaluate(() => document.querySelector("main").append(Object.assign(document.createElement("p"), { id: "pale", textContent: "pale", style: "color:#aaa" })));
    assert.equal((await lowContrast(page)).length, 1);
    await page.evaluate(() => document.getElementById("pale").remove());
    // Focus is visible when moving with the keyboard.
    await page.locator("#timezone").focus();
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const st = getComputedStyle(document.activeElement);
      return [st.outlineStyle, parseFloat(st.outlineWidth)];
    });
    assert.notEqual(outline[0], "none");
    assert.ok(outline[1] >= 2, `focus outline ${outline}`);
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });

  test("screenshots of the options page in pt-BR", async () => {
    await resetStorage();
    await ctx.sw.evaluate(() => chrome.storage.local.set({ settings: { language: "pt-BR" } }));
    const page = await openOptions();
    assert.equal(await page.locator("h1").textContent(), "Conforma — configurações");
    await page.setViewportSize({ width: 1100, height: 900 });
    await shot(page, "options.png");
    await page.close();
  });
});

describe("opt-in registry", () => {
  const CSV = [
    "telefone;nome;status;data",
    "(11) 98765-4321;Ana Souza;sim;01/02/2026 10:30",
    "+34 612 345 678;\"Pepe; el del bar\";opt_out;2026-02-03",
    "12;Número curto;opt_in;",
    ";Loja Centro;opt-in;",
    "+55 21 99876-5432;Bia;talvez;",
    "+5511987654321;Ana de novo;opt_in;",
  ].join("\r\n");

  test("CSV import with preview and per-row errors, export, re-import gives the same registry", async () => {
    await resetStorage();
    await ctx.sw.evaluate(() => chrome.storage.local.set({ settings: { language: "pt-BR" } }));
    const page = await openOptions();
    await page.setInputFiles("#csv-file", { name: "contatos.csv", mimeType: "text/csv", buffer: Buffer.from("\ufeff" + CSV, "utf8") });
    await page.waitForSelector("#csv-preview:not([hidden])");
    assert.equal(await page.locator("#csv-summary").textContent(), "3 linhas válidas, 3 com erros.");
    const rows = await page.locator("#csv-body tr").evaluateAll((trs) => trs.map((tr) => [tr.dataset.line, tr.classList.contains("bad"), tr.lastElementChild.textContent]));
    assert.deepEqual(rows.map(([line, bad]) => [line, bad]), [["2", false], ["3", false], ["4", true], ["5", false], ["6", true], ["7", true]]);
    assert.match(rows[2][2], /Telefone inválido: 12/);
    assert.match(rows[4][2], /Situação inválida: "talvez"/);
    assert.match(rows[5][2], /linha 2/);
    assert.equal(await storage("registry").then((r) => Object.keys(r ?? {}).length), 0, "nothing is written before confirming");
    await shot(page, "options-csv-preview.png");
    await page.click("#csv-apply");
    await announced(page, "3 contatos importados.");

    const registry = await storage("registry");
    assert.deepEqual(Object.keys(registry).sort(), ["+34612345678", "+5511987654321", "name:Loja Centro"]);
    assert.equal(registry["+5511987654321"].at, "2026-02-01T10:30:00.000Z");
    assert.equal(registry["+34612345678"].name, "Pepe; el del bar");
    assert.equal(registry["+34612345678"].status, "opt_out");
    assert.equal(registry["name:Loja Centro"].source, "csv");

    // Manual registration and linking a name to a number, from the page.
    await page.fill("#man-phone", "+54 9 11 1234-5678");
    await page.fill("#man-name", "Juan");
    await page.check("input[name=man-status][value=opt_out]");
    await page.click("#manual-form button[type=submit]");
    await announced(page, "Juan registrado como opt-out.");
    await page.fill("#link-name", "Loja Centro");
    await page.fill("#link-phone", "(21) 3456-7890");
    await page.click("#link-form button[type=submit]");
    await announced(page, "vinculado");
    await page.fill("#man-phone", "not a phone");
    await page.click("#manual-form button[type=submit]");
    assert.equal(await page.getAttribute("#man-phone", "aria-invalid"), "true");
    const before = await storage("registry");
    assert.deepEqual(Object.keys(before).sort(), ["+34612345678", "+552134567890", "+5491112345678", "+5511987654321"].sort());
    assert.equal(before["+552134567890"].name, "Loja Centro");
    assert.equal(before["+552134567890"].status, "opt_in");

    // Export, wipe, re-import the exported file: the same registry.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#csv-export")]);
    const exported = await readFile(await download.path(), "utf8");
    assert.match(exported, /^phone,name,status,at,source,lastInboundAt\r\n/);
    await ctx.sw.evaluate(() => chrome.storage.local.set({ registry: {} }));
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    await page.setInputFiles("#csv-file", { name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(exported, "utf8") });
    await page.waitForSelector("#csv-preview:not([hidden])");
    assert.equal(await page.locator("#csv-body tr.bad").count(), 0);
    await page.click("#csv-apply");
    await announced(page, "4 contatos importados.");
    assert.deepEqual(await storage("registry"), before);
    assert.equal(await page.locator("#registry-body tr").count(), 4);
    await page.fill("#registry-filter", "ana");
    await page.waitForFunction(() => document.querySelectorAll("#registry-body tr").length === 1);
    await page.fill("#registry-filter", "612 345");
    await page.waitForFunction(() => document.querySelector("#registry-body tr td")?.textContent === "Pepe; el del bar");
    await page.fill("#registry-filter", "nobody");
    await page.waitForSelector("#registry-empty:not([hidden])");
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });
});

describe("import and export of everything", () => {
  test("export JSON, change, import restores; a bad file changes nothing", async () => {
    await resetStorage();
    await ctx.sw.evaluate(() =>
      chrome.storage.local.set({
        schema: 1,
        settings: { language: "en", bulk: { max_contacts: 9, window_minutes: 4 }, sites: [], customTerms: [{ term: "rifa", category: "custom", severity: "warn" }] },
        registry: { "+5511987654321": { key: "+5511987654321", phone: "+5511987654321", name: "Ana", status: "opt_in", at: "2026-01-01T00:00:00.000Z", source: "manual" } },
        audit: [{ ts: new Date().toISOString(), rule: "pii.cpf", contact: "a".repeat(64), action: "overridden", reason: "cliente pediu" }],
        counts: { "2026-01-01": { warned: 2, blocked: 1, overridden: 0 } },
      }),
    );
    const page = await openOptions();
    assert.equal(await page.locator("#audit-body tr").count(), 1);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#json-export")]);
    const text = await readFile(await download.path(), "utf8");
    const file = JSON.parse(text);
    assert.equal(file.format, "conforma-export");
    assert.equal(file.schema, 1);
    assert.equal(file.settings.bulk.max_contacts, 9);

    // Change things, then import the file back.
    await page.selectOption("#language", "es");
    await page.waitForFunction(() => document.documentElement.lang === "es");
    await fillAndCommit(page, "#bulk-max", "50");
    await announced(page, "Guardado.");
    await ctx.sw.evaluate(() => chrome.storage.local.set({ registry: {} }));
    await page.setInputFiles("#json-file", { name: "conforma.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await announced(page, "Imported");
    const all = await ctx.sw.evaluate(() => chrome.storage.local.get(null));
    assert.deepEqual(all.settings, file.settings);
    assert.deepEqual(all.registry, file.registry);
    assert.deepEqual(all.audit, file.audit);
    assert.deepEqual(all.counts, file.counts);
    assert.equal(await page.locator("#bulk-max").inputValue(), "9");

    // A broken file: every problem listed with its field, nothing written.
    const bad = { ...file, settings: { ...file.settings, bulk: { max_contacts: 0, window_minutes: 4 }, language: "fr" }, registry: { x: { status: "maybe" } } };
    await page.setInputFiles("#json-file", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    await page.waitForSelector("#json-errors li");
    const listed = await page.locator("#json-errors li code").allTextContents();
    for (const f of ["settings.bulk.max_contacts", "settings.language", 'registry["x"].status']) assert.ok(listed.includes(f), `${f} listed in ${listed}`);
    assert.equal(await page.getAttribute("#json-file", "aria-invalid"), "true");
    assert.deepEqual(await ctx.sw.evaluate(() => chrome.storage.local.get(null)), all, "nothing changed");
    await page.setInputFiles("#json-file", { name: "x.json", mimeType: "application/json", buffer: Buffer.from("{not json") });
    await page.waitForFunction(() => document.querySelector("#json-errors code")?.textContent === "file");
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });
});

describe("migrations", () => {
  test("schema 0 data (no schema key) migrates without loss", async () => {
    await resetStorage();
    await ctx.sw.evaluate(() =>
      chrome.storage.local.set({
        lang: "es-AR",
        timezone: "America/Argentina/Buenos_Aires",
        businessHours: { mon: ["10:00-19:00"] },
        bulkLimit: 12,
        optins: [
          { phone: "+54 9 11 1234-5678", name: "Juan", optIn: true, date: "2025-11-02T12:00:00Z", source: "manual" },
          { name: "Tienda Sur", optIn: false, date: "2025-11-03T12:00:00Z" },
          { note: "no contact, kept aside" },
        ],
        audit: [{ time: 1767225600000, rule: "commerce.alcohol", contactHash: "b".repeat(64), action: "warned" }],
        somethingFromTheFuture: { keep: true },
      }),
    );
    const page = await openOptions();
    assert.equal(await page.locator("#language").inputValue(), "es");
    assert.equal(await page.locator("#timezone").inputValue(), "America/Argentina/Buenos_Aires");
    assert.equal(await page.locator("#hours-mon").inputValue(), "10:00-19:00");
    assert.equal(await page.locator("#bulk-max").inputValue(), "12");
    assert.equal(await page.locator("#registry-body tr").count(), 2);
    const all = await ctx.sw.evaluate(() => chrome.storage.local.get(null));
    assert.equal(all.schema, 1);
    assert.deepEqual(all.settings, { language: "es", timezone: "America/Argentina/Buenos_Aires", hours: { mon: ["10:00-19:00"] }, bulk: { max_contacts: 12, window_minutes: 10 } });
    assert.deepEqual(all.registry["+5491112345678"], { key: "+5491112345678", phone: "+5491112345678", name: "Juan", status: "opt_in", at: "2025-11-02T12:00:00.000Z", source: "manual" });
    assert.equal(all.registry["name:Tienda Sur"].status, "opt_out");
    assert.deepEqual(all.legacyUnmigrated, [{ note: "no contact, kept aside" }]);
    assert.deepEqual(all.audit, [{ ts: "2026-01-01T00:00:00.000Z", rule: "commerce.alcohol", contact: "b".repeat(64), action: "warned" }]);
    assert.deepEqual(all.somethingFromTheFuture, { keep: true });
    for (const legacy of ["lang", "businessHours", "bulkLimit", "optins"]) assert.ok(!(legacy in all), `${legacy} moved`);
    await page.close();
  });
});

describe("popup", () => {
  test("status per tab, engine version, today's counts, pause and resume", async () => {
    await resetStorage();
    const today = await ctx.sw.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    await ctx.sw.evaluate((day) => chrome.storage.local.set({ settings: { language: "pt-BR" }, counts: { [day]: { warned: 4, blocked: 1, overridden: 2 }, "2020-01-01": { warned: 99, blocked: 99, overridden: 99 } } }), today);

    await routeFixture(ctx.context, "https://web.whatsapp.com", [join(FIXTURES, "whatsapp")]);
    const wa = await ctx.context.newPage();
    await wa.goto("https://web.whatsapp.com/");
    await wa.waitForFunction(() => document.documentElement.dataset.conformaState, null, { timeout: 15000 });
    const [waTab] = await ctx.sw.evaluate(() => chrome.tabs.query({ url: "https://web.whatsapp.com/*" }).then((tabs) => tabs.map((t) => t.id)));

    const popup = await ctx.context.newPage();
    await popup.setViewportSize({ width: 340, height: 440 });
    await popup.goto(`chrome-extension://${ctx.extensionId}/src/popup/popup.html?tabId=${waTab}`);
    await popup.waitForSelector("body[data-ready=true]");
    assert.match(await popup.locator("#tab-status").textContent(), /^Ativo nesta aba/);
    assert.match(await popup.locator("#engine-version").textContent(), /^Verificador \d+\.\d+\.\d+/);
    assert.deepEqual(await popup.locator(".counts dd").allTextContents(), ["4", "1", "2"]);
    assert.deepEqual(await lowContrast(popup), []);
    await shot(popup, "popup.png", false);

    // Pause for 30 minutes with the keyboard.
    await popup.locator("#pause-minutes").focus();
    await popup.selectOption("#pause-minutes", "30");
    await popup.locator("#pause-button").press("Enter");
    await popup.waitForSelector("#resume-button:not([hidden])");
    const { pausedUntil } = await storage("settings");
    const now = await popup.evaluate(() => Date.now());
    assert.ok(Math.abs(pausedUntil - (now + 30 * 60000)) < 5000, `pausedUntil ${pausedUntil} ≈ now + 30 min`);
    assert.match(await popup.locator("#pause-state").textContent(), /^Pausado até/);
    await shot(popup, "popup-paused.png", false);
    await popup.click("#resume-button");
    await popup.waitForSelector("#pause-form:not([hidden])");
    assert.equal((await storage("settings")).pausedUntil, null);

    // A page Conforma does not run on: not attached, with the reason.
    const other = await ctx.context.newPage();
    await routeFixture(ctx.context, DESKS.textarea, [join(FIXTURES, "dashboards")]);
    await other.goto(DESKS.textarea + "/textarea.html");
    const [otherTab] = await ctx.sw.evaluate((o) => chrome.tabs.query({ url: o + "/*" }).then((tabs) => tabs.map((t) => t.id)), DESKS.textarea);
    await popup.goto(`chrome-extension://${ctx.extensionId}/src/popup/popup.html?tabId=${otherTab}`);
    await popup.waitForSelector("body[data-ready=true]");
    assert.equal(await popup.locator("#tab-status").textContent(), "Não ativo nesta aba");
    assert.match(await popup.locator("#tab-reason").textContent(), /não é o WhatsApp Web/);
    await Promise.all([wa.close(), other.close(), popup.close()]);
  });
});

describe("other dashboards", () => {
  for (const preset of ["textarea", "contenteditable"]) {
    test(`the ${preset} preset, added from the options, attaches on its fixture`, async () => {
      await resetStorage();
      await ctx.sw.evaluate(() => chrome.storage.local.set({ settings: { language: "en" } }));
      const origin = DESKS[preset];
      await routeFixture(ctx.context, origin, [join(FIXTURES, "dashboards")]);
      const page = await openOptions();
      await page.fill("#site-name", `Desk (${preset})`);
      await page.fill("#site-pattern", origin + "/*");
      await page.selectOption("#site-preset", preset);
      const composer = await page.locator("#site-composer").inputValue();
      const send = await page.locator("#site-send").inputValue();
      await page.click("#site-form button[type=submit]");
      await announced(page, "Saved.");
      const [site] = (await storage("settings")).sites;
      assert.deepEqual({ ...site, id: "x" }, { id: "x", name: `Desk (${preset})`, pattern: origin + "/*", preset, composer, send });

      const desk = await ctx.context.newPage();
      await desk.goto(`${origin}/${preset}.html`);
      assert.equal(await desk.locator(composer).count(), 1, "the preset's composer selector matches the fixture");
      assert.equal(await desk.locator(send).count(), 1, "the preset's send selector matches the fixture");
      await desk.waitForFunction(() => document.documentElement.dataset.conformaState, null, { timeout: 15000 });

      // Removing the site keeps the list consistent.
      await page.click("#sites-list button");
      await announced(page, "Saved.");
      assert.deepEqual((await storage("settings")).sites, []);
      await Promise.all([desk.close(), page.close()]);
    });
  }

  test("a bad pattern or selector is reported next to its field", async () => {
    const page = await openOptions();
    await page.fill("#site-name", "X");
    await page.fill("#site-pattern", "desk.example.com");
    await page.selectOption("#site-preset", "custom");
    await page.fill("#site-composer", "textarea[");
    await page.click("#site-form button[type=submit]");
    assert.equal(await page.getAttribute("#site-pattern", "aria-invalid"), "true");
    assert.equal(await page.getAttribute("#site-composer", "aria-invalid"), "true");
    assert.deepEqual((await storage("settings"))?.sites ?? [], []);
    await page.close();
  });
});

describe("managed settings", () => {
  test("values from chrome.storage.managed override and show as locked", async (t) => {
    const policyDir = "/etc/chromium/policies/managed";
    try {
      await mkdir(policyDir, { recursive: true });
      await access(policyDir, constants.W_OK);
    } catch {
      t.skip(`cannot write Chromium policies to ${policyDir} (needs root); managed locking is covered by tests/node/extension-storage.test.mjs`);
      return;
    }
    // A separate build: its own path gives its own extension id, so the policy file affects
    // nothing but this test's browser.
    const dir = (await buildExtension()).chromium;
    const id = [...createHash("sha256").update(dir).digest("hex").slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
    const policy = join(policyDir, `conforma-e2e-${id}.json`);
    const managed = { language: "es", bulk: { max_contacts: 5, window_minutes: 3 }, rules: { "pii.cpf": { severity: "block", enabled: true } }, disablePause: true };
    await writeFile(policy, JSON.stringify({ "3rdparty": { extensions: { [id]: managed } } }));
    let m;
    try {
      m = await launch(dir);
      assert.equal(m.extensionId, id);
      await m.sw.evaluate(() => chrome.storage.local.set({ settings: { language: "en", bulk: { max_contacts: 40, window_minutes: 10 }, timezone: "Europe/Madrid" } }));
      const page = await openOptions(m);
      assert.equal(await page.locator("#language").inputValue(), "es");
      assert.ok(await page.locator("#language").isDisabled());
      assert.ok(!(await page.locator("#managed-banner").isHidden()));
      assert.ok(await page.locator("#bulk-max").isDisabled());
      assert.equal(await page.locator("#bulk-max").inputValue(), "5");
      assert.ok(await page.locator('[data-rule-severity="pii.cpf"]').isDisabled());
      assert.ok(!(await page.locator("#timezone").isDisabled()), "unmanaged settings stay editable");
      assert.equal(await page.locator("#timezone").inputValue(), "Europe/Madrid");
      const note = await page.locator("#language").getAttribute("aria-describedby");
      assert.match(await page.locator(`[id="${note.split(" ").find((x) => x.startsWith("lock-"))}"]`).textContent(), /Definido por el administrador/);
      // The storage API refuses to write a locked key, whoever calls it.
      const refused = await page.evaluate(async () => {
        const s = await import("/src/lib/storage.js");
        try {
          await s.saveSettings({ bulk: { max_contacts: 99, window_minutes: 1 } });
          return null;
        } catch (err) {
          return err.field;
        }
      });
      assert.equal(refused, "bulk");
      await shot(page, "options-managed.png");

      const popup = await m.context.newPage();
      await popup.goto(`chrome-extension://${m.extensionId}/src/popup/popup.html`);
      await popup.waitForSelector("body[data-ready=true]");
      assert.ok(await popup.locator("#pause-form").isHidden());
      assert.ok(!(await popup.locator("#pause-locked").isHidden()));
      await page.close();
      await popup.close();
      assert.deepEqual(m.offending, []);
    } finally {
      await m?.context.close();
      await rm(policy, { force: true });
    }
  });
});
