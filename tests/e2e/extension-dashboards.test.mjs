// Other sites (help desks, chat consoles) with the two presets, on fixtures:
// textarea + submit button, and contenteditable + Enter/button. The sites are added in the
// settings as the options page does; the background registers the content script for them.
// Chromium's permission prompt cannot be answered by automation, so the test build lists the
// two fixture origins as granted host permissions (the user's "Allow").
// Run: node --test tests/e2e/extension-dashboards.test.mjs
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { FIXTURES, buildExtension, dialog, freezeClock, grantHosts, launch, panel, routeFixture, screenshot, setSettings, typeInto } from "./extension-harness.mjs";

const DESK = "https://desk.conforma.test";
const CHAT = "https://chat.conforma.test";
const SITES = [
  { id: "desk", name: "Help desk", pattern: `${DESK}/*`, composer: "textarea[name=reply]", send: "button[type=submit]", preset: "textarea" },
  { id: "chat", name: "Chat console", pattern: `${CHAT}/*`, composer: "[contenteditable=true][role=textbox]", send: "button[data-action=send]", preset: "contenteditable" },
];
let ctx;

async function registered() {
  return ctx.sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches[0]).sort());
}

async function open(origin, file) {
  const page = await ctx.context.newPage();
  await page.goto(`${origin}/${file}`);
  await page.waitForFunction(() => document.documentElement.dataset.conformaState, null, { timeout: 15000 });
  return page;
}

const auditActions = () => ctx.sw.evaluate(async () => ((await chrome.storage.local.get("audit")).audit ?? []).map((e) => `${e.rule}:${e.action}`));

describe("dashboard presets (Chromium)", { timeout: 90000 }, () => {
  before(async () => {
    const ext = await buildExtension();
    await grantHosts(ext.chromium, [`${DESK}/*`, `${CHAT}/*`]);
    ctx = await launch(ext.chromium, { allowed: ["https://web.whatsapp.com", DESK, CHAT] });
    const dir = join(FIXTURES, "dashboards");
    await routeFixture(ctx.context, DESK, [dir]);
    await routeFixture(ctx.context, CHAT, [dir]);
    await freezeClock(ctx.sw);
    await setSettings(ctx.sw, { language: "pt-BR", sites: SITES });
    for (let i = 0; i < 100 && (await registered()).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
  });
  after(async () => {
    await ctx?.context.close();
  });

  test("the content script is registered for the added sites", async () => {
    assert.deepEqual(await registered(), [`${CHAT}/*`, `${DESK}/*`]);
  });

  test("textarea preset: warns with a highlight over the field, guards the submit button", async () => {
    const page = await open(DESK, "textarea.html");
    await typeInto(page, "Temos cerveja gelada", "textarea[name=reply]");
    await panel(page).locator('.finding[data-category="alcohol"]').waitFor();
    const field = await page.locator("textarea[name=reply]").boundingBox();
    const box = await page.locator('[data-conforma] .hl[data-rule="commerce.alcohol"]').boundingBox();
    assert.ok(box && box.x > field.x && box.x + box.width < field.x + field.width && box.y > field.y && box.y < field.y + field.height, "highlight inside the field");
    assert.ok(box.width > 20 && box.width < 120, `highlight is one word wide (${box.width})`);
    await screenshot(page, "extension-dashboard-textarea.png");
    await typeInto(page, "CPF 529.982.247-25", "textarea[name=reply]");
    await panel(page).locator('.finding[data-severity="block"]').waitFor();
    await page.getByRole("button", { name: "Enviar resposta" }).click();
    await dialog(page).waitFor();
    assert.deepEqual(await page.evaluate(() => window.sent), []);
    await dialog(page).locator("textarea").fill("Confirmado com o titular");
    await dialog(page).locator('[data-action="send-anyway"]').click();
    await page.waitForFunction(() => window.sent.length === 1);
    // Enter in a textarea adds a line; it never sends nor opens the dialog.
    await typeInto(page, "CPF 529.982.247-25", "textarea[name=reply]");
    await page.keyboard.press("Enter");
    assert.equal(await dialog(page).count(), 0);
    // The field was cleared by script after sending: the panel follows.
    await typeInto(page, "Bom dia", "textarea[name=reply]");
    await page.getByRole("button", { name: "Enviar resposta" }).click();
    await page.waitForFunction(() => window.sent.length === 2);
    await panel(page).waitFor({ state: "hidden" });
    const actions = await auditActions();
    assert.ok(actions.includes("pii.cpf:blocked") && actions.includes("pii.cpf:overridden"), actions.join());
    await page.close();
  });

  test("contenteditable preset: Enter and the send button are guarded, warn passes", async () => {
    const page = await open(CHAT, "contenteditable.html");
    const sel = "#editor";
    await typeInto(page, "My CPF is 529.982.247-25", sel);
    await panel(page).locator('.finding[data-severity="block"]').waitFor();
    assert.ok((await page.locator('[data-conforma] .hl[data-rule="pii.cpf"]').count()) >= 1);
    await page.keyboard.press("Enter");
    await dialog(page).waitFor();
    await dialog(page).locator('[data-action="edit"]').click();
    await page.locator("button[data-action=send]").click();
    await dialog(page).waitFor();
    await page.keyboard.press("Escape");
    assert.deepEqual(await page.evaluate(() => window.sent), []);
    await typeInto(page, "Cold beer on sale", sel);
    await panel(page).locator('.finding[data-severity="warn"]').waitFor();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.sent.length === 1);
    assert.equal(await dialog(page).count(), 0);
    await page.close();
  });

  test("a removed site is unregistered", async () => {
    await setSettings(ctx.sw, { sites: SITES.slice(0, 1) });
    for (let i = 0; i < 100 && (await registered()).length !== 1; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(await registered(), [`${DESK}/*`]);
  });

  test("no request left the browser", () => {
    assert.deepEqual(ctx.offending, []);
  });
});
