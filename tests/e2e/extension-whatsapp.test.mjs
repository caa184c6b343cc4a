// The extension in WhatsApp Web (fixture served on the real origin, manifest as shipped):
// highlights and panel, send guard, audit, context from the page, inbound classification,
// no network. Run: node --test tests/e2e/extension-whatsapp.test.mjs
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  buildExtension,
  composerSel,
  dialog,
  freezeClock,
  launch,
  needsCategory,
  openWhatsApp,
  optedIn,
  panel,
  screenshot,
  setSettings,
  typeInto,
} from "./extension-harness.mjs";

let ctx;
let page;

const storage = (key) => ctx.sw.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);

async function reset() {
  await ctx.sw.evaluate(() => chrome.storage.local.remove(["audit", "registry", "counts", "sendLog"]));
  await optedIn(ctx.sw, [{ name: "Ana Souza" }]);
  await freezeClock(ctx.sw);
  await setSettings(ctx.sw, { language: "pt-BR", pausedUntil: null, failMode: "open" });
  await page.evaluate(() => {
    window.fixture.sent.length = 0;
  });
  await typeInto(page, "");
  await dialog(page).waitFor({ state: "detached" }).catch(() => {});
}

/** Box of the first occurrence of `word` in the composer, from the page's own layout. */
function wordRect(word) {
  return page.evaluate(
    ({ sel, word }) => {
      const root = document.querySelector(sel);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.nodeValue.indexOf(word);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + word.length);
        const b = r.getBoundingClientRect();
        return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      }
      return null;
    },
    { sel: composerSel, word },
  );
}

// Runs `check` until it reports ok or 5 s pass; returns its last report.
async function settled(check) {
  const end = Date.now() + 5000;
  for (;;) {
    const r = await check();
    if (r.ok || Date.now() > end) return r;
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function boxes(rule) {
  return page.locator(`[data-conforma] .hl[data-rule="${rule}"]`).evaluateAll((els) =>
    els.map((e) => {
      const b = e.getBoundingClientRect();
      return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
    }),
  );
}

describe("extension in WhatsApp Web (Chromium)", { timeout: 120000 }, () => {
  before(async () => {
    const ext = await buildExtension();
    ctx = await launch(ext.chromium);
    page = await openWhatsApp(ctx.context);
  });
  after(async () => {
    await ctx?.context.close();
  });

  test("prohibited word: highlight on the right words and panel in the chosen language", async () => {
    await reset();
    await typeInto(page, "Olá! Temos cerveja gelada hoje 🍺");
    await panel(page).locator('.finding[data-category="alcohol"]').waitFor();
    const text = await panel(page).innerText();
    assert.match(text, /Atenção/);
    assert.match(text, /bebida alcoólica/);
    const one = await settled(async () => {
      const word = await wordRect("cerveja");
      const hl = (await boxes("commerce.alcohol")).filter((b) => b.right > b.left);
      const ok = hl.length === 1 && Math.abs(hl[0].left - word.left) < 2 && Math.abs(hl[0].right - word.right) < 2 && Math.abs(hl[0].top - word.top) < 3;
      return { ok, detail: `one box on the same line over the word: ${JSON.stringify(hl)} over ${JSON.stringify(word)}` };
    });
    assert.ok(one.ok, one.detail);
    // The composer's text is untouched (Lexical owns it).
    assert.equal((await page.locator(composerSel).innerText()).trim(), "Olá! Temos cerveja gelada hoje 🍺");
    const live = await page.locator('[data-conforma] [aria-live="polite"]').innerText();
    assert.match(live, /bebida alcoólica/, "announced to screen readers");
    await screenshot(page, "extension-panel-pt-BR.png");

    await setSettings(ctx.sw, { language: "es" });
    await page.waitForFunction(() => /Atención/.test(document.querySelector("[data-conforma]").shadowRoot.querySelector(".panel").innerText));
    assert.match(await panel(page).innerText(), /alcohólica/);
    await setSettings(ctx.sw, { language: "en" });
    await page.waitForFunction(() => /Warning/.test(document.querySelector("[data-conforma]").shadowRoot.querySelector(".panel").innerText));
    assert.match(await panel(page).innerText(), /alcoholic/);
    await screenshot(page, "extension-panel-en.png");
  });

  test("highlights follow a second paragraph (Shift+Enter)", async () => {
    await reset();
    await typeInto(page, "Bom dia");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("uma cerveja?");
    await page.locator('[data-conforma] .hl[data-rule="commerce.alcohol"]').waitFor();
    const second = await settled(async () => {
      const word = await wordRect("cerveja");
      const hl = (await boxes("commerce.alcohol")).filter((b) => b.right > b.left);
      const ok = hl.some((b) => Math.abs(b.left - word.left) < 2 && Math.abs(b.top - word.top) < 3);
      return { ok, detail: `boxes ${JSON.stringify(hl)} over ${JSON.stringify(word)}` };
    });
    assert.ok(second.ok, second.detail);
  });

  test("Lexical-style DOM (formatted spans, emoji images, empty paragraphs): highlights land on the words", async () => {
    await reset();
    // What Lexical renders: one <p> per paragraph, text in <span data-lexical-text>, emoji as
    // <img alt>, an empty paragraph as <p><br></p>. Set as the page would, then an input event.
    await page.evaluate((sel) => {
      const box = document.querySelector(sel);
      box.innerHTML =
        '<p class="selectable-text copyable-text" dir="ltr"><span data-lexical-text="true">Oi </span>' +
        '<img alt="😀" class="emoji" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">' +
        '<strong data-lexical-text="true"> promoção</strong><span data-lexical-text="true"> de </span></p>' +
        '<p class="selectable-text copyable-text"><br></p>' +
        '<p class="selectable-text copyable-text" dir="ltr"><span data-lexical-text="true">cer</span><em data-lexical-text="true">veja</em>' +
        '<span data-lexical-text="true"> e CPF 529.982.247-25</span></p>';
      box.dispatchEvent(new InputEvent("input", { bubbles: true }));
    }, composerSel);
    await panel(page).locator('.finding[data-category="pii.cpf"]').waitFor();
    // The panel can show before the overlay's boxes are laid out (a redraw may be pending).
    await page.waitForFunction(() => {
      const box = document.querySelector("[data-conforma]")?.shadowRoot?.querySelector('.hl[data-rule="pii.cpf"]');
      return !!box && box.getBoundingClientRect().width > 0;
    });
    // A later redraw may still move or re-create the boxes: read them until they settle
    // (empty boxes are ones not laid out yet, which nobody sees).
    const cpfCheck = await settled(async () => {
      const cpf = await wordRect("529.982.247-25");
      const bx = (await boxes("pii.cpf")).filter((b) => b.right > b.left);
      const ok = bx.some((b) => Math.abs(b.left - cpf.left) < 2 && Math.abs(b.right - cpf.right) < 2 && Math.abs(b.top - cpf.top) < 3);
      return { ok, detail: `CPF boxes ${JSON.stringify(bx)} over ${JSON.stringify(cpf)}` };
    });
    assert.ok(cpfCheck.ok, cpfCheck.detail);
    // "cerveja" spans two elements: its boxes cover "cer" and "veja".
    await panel(page).locator('.finding[data-category="alcohol"]').waitFor();
    const alcoholCheck = await settled(async () => {
      const start = await wordRect("cer");
      const end = await wordRect("veja");
      const hl = (await boxes("commerce.alcohol")).filter((b) => b.right > b.left);
      const left = Math.min(...hl.map((b) => b.left));
      const right = Math.max(...hl.map((b) => b.right));
      const ok = hl.length >= 1 && Math.abs(left - start.left) < 2 && Math.abs(right - end.right) < 2;
      return { ok, detail: `alcohol boxes ${JSON.stringify(hl)} over cer|veja` };
    });
    assert.ok(alcoholCheck.ok, alcoholCheck.detail);
  });

  test("CPF: Enter is blocked, dialog needs a reason, override is sent and audited", async () => {
    await reset();
    await typeInto(page, "Seu CPF 529.982.247-25 foi confirmado");
    await panel(page).locator('.finding[data-severity="block"]').waitFor();
    await page.keyboard.press("Enter");
    await dialog(page).waitFor();
    assert.deepEqual(await page.evaluate(() => window.fixture.sent), [], "not sent");
    assert.match(await dialog(page).innerText(), /CPF/);
    await screenshot(page, "extension-guard-dialog.png");
    // Focus starts on "edit"; Escape closes and nothing is sent.
    assert.equal(await page.evaluate(() => document.querySelector("[data-conforma]").shadowRoot.activeElement?.dataset.action), "edit");
    await page.keyboard.press("Escape");
    await dialog(page).waitFor({ state: "detached" });
    // The send button is guarded too.
    await page.locator("#main footer button.send").click();
    await dialog(page).waitFor();
    await dialog(page).locator('[data-action="send-anyway"]').click();
    assert.match(await dialog(page).locator(".error").innerText(), /motivo/i, "a reason is required");
    assert.equal(await dialog(page).locator("textarea").getAttribute("aria-invalid"), "true");
    await dialog(page).locator("textarea").fill("Cliente pediu a confirmação por escrito");
    await dialog(page).locator('[data-action="send-anyway"]').click();
    await page.waitForFunction(() => window.fixture.sent.length === 1);
    assert.deepEqual(await page.evaluate(() => window.fixture.sent), ["Seu CPF 529.982.247-25 foi confirmado"]);
    await page.waitForFunction(() => true);
    let audit = [];
    for (let i = 0; i < 50 && !audit.some((e) => e.action === "overridden"); i++) {
      await new Promise((r) => setTimeout(r, 50));
      audit = (await storage("audit")) ?? [];
    }
    const over = audit.find((e) => e.action === "overridden");
    assert.ok(over, `overridden entry in ${JSON.stringify(audit)}`);
    assert.equal(over.rule, "pii.cpf");
    assert.equal(over.reason, "Cliente pediu a confirmação por escrito");
    assert.match(over.contact ?? "", /^[0-9a-f]{64}$/, "contact is a hash, not the name");
    assert.equal(over.text, undefined, "message text is not stored unless enabled");
    assert.equal(audit.filter((e) => e.action === "blocked" && e.rule === "pii.cpf").length, 2, "two blocked attempts (Enter, button)");
  });

  test("the dialog works by keyboard alone (focus trap, labelled reason, Enter on buttons)", async () => {
    await reset();
    await typeInto(page, "CPF 529.982.247-25");
    await panel(page).locator('.finding[data-severity="block"]').waitFor();
    await page.keyboard.press("Enter");
    await dialog(page).waitFor();
    const focused = () => page.evaluate(() => {
      const el = document.querySelector("[data-conforma]").shadowRoot.activeElement;
      return el ? el.dataset.action ?? el.tagName.toLowerCase() : null;
    });
    assert.equal(await focused(), "edit");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "send-anyway");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "textarea", "Tab wraps inside the dialog");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await focused(), "send-anyway", "Shift+Tab wraps back");
    await page.keyboard.press("Enter");
    assert.equal(await focused(), "textarea", "an empty reason sends focus back to the field");
    assert.equal(await dialog(page).locator("textarea").getAttribute("aria-describedby"), "conforma-reason-error");
    assert.ok(await dialog(page).locator('label[for="conforma-reason"]').count(), "the reason field is labelled");
    assert.equal(await dialog(page).getAttribute("aria-modal"), "true");
    await page.keyboard.type("Titular pediu por escrito");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "send-anyway");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.fixture.sent.length === 1);
    assert.equal(await dialog(page).count(), 0);
  });

  test("warn never blocks; the send is audited as warned", async () => {
    await reset();
    await typeInto(page, "Promoção de cerveja");
    await panel(page).locator('.finding[data-category="alcohol"]').waitFor();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.fixture.sent.length === 1);
    assert.equal(await dialog(page).count(), 0);
    let audit = [];
    for (let i = 0; i < 50 && !audit.some((e) => e.rule === "commerce.alcohol"); i++) {
      await new Promise((r) => setTimeout(r, 50));
      audit = (await storage("audit")) ?? [];
    }
    const pairs = audit.map((e) => `${e.rule}:${e.action}`);
    assert.ok(pairs.includes("commerce.alcohol:warned"), pairs.join());
    assert.ok(!pairs.some((p) => p.endsWith(":blocked") || p.endsWith(":overridden")), pairs.join());
    // The page clears the composer after sending: the panel clears too.
    await page.locator("[data-conforma] .panel").waitFor({ state: "hidden" });
  });

  test("Shift+Enter and IME composition are not blocked", async () => {
    await reset();
    await typeInto(page, "CPF 529.982.247-25");
    await panel(page).locator('.finding[data-severity="block"]').waitFor();
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("linha 2");
    assert.equal(await dialog(page).count(), 0, "Shift+Enter opens no dialog");
    assert.match(await page.locator(composerSel).innerText(), /25\s*\n+\s*linha 2/, "a new line was added");
    // Enter that confirms an IME composition (isComposing) must reach the page untouched.
    const notPrevented = await page.evaluate((sel) => {
      const ev = new KeyboardEvent("keydown", { key: "Enter", code: "Enter", keyCode: 229, isComposing: true, bubbles: true, cancelable: true });
      return document.querySelector(sel).dispatchEvent(ev);
    }, composerSel);
    assert.equal(notPrevented, true, "IME Enter not prevented");
    assert.equal(await dialog(page).count(), 0, "IME Enter opens no dialog");
    assert.deepEqual(await page.evaluate(() => window.fixture.sent), []);
  });

  test("message text is rendered inert (no HTML from text)", async () => {
    await reset();
    const evil = `<img src=x onerror="window.__pwned=1"> cerveja <b>CPF</b> 529.982.247-25`;
    await typeInto(page, evil);
    await panel(page).locator('.finding[data-severity="block"]').waitFor();
    await page.keyboard.press("Enter");
    await dialog(page).waitFor();
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const tags = await page.evaluate(() => [...document.querySelector("[data-conforma]").shadowRoot.querySelectorAll("img, b, script")].length);
    assert.equal(tags, 0, "no element created from message text");
    await page.keyboard.press("Escape");
    // Inbound text quoted in a notice is text too.
    await page.evaluate(() => window.fixture.receive(`<img src=x onerror="window.__pwned=2"> ok`));
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  test("inbound message is noted in the registry (last inbound time, contact from the header)", async () => {
    await reset();
    await page.evaluate(() => window.fixture.receive("Bom dia, chegou meu pedido?", { prefix: "[1:05 PM, 3/23/2026] Ana Souza: " }));
    let registry = {};
    for (let i = 0; i < 60 && !registry["name:Ana Souza"]?.lastInboundAt?.startsWith("2026-03-23T13:05"); i++) {
      await new Promise((r) => setTimeout(r, 50));
      registry = (await storage("registry")) ?? {};
    }
    const entry = registry["name:Ana Souza"];
    assert.ok(entry, `registry entry in ${JSON.stringify(registry)}`);
    // 12-hour clock, month-first date; Chromium runs in UTC here (TZ is not set).
    const at = new Date(entry.lastInboundAt);
    assert.deepEqual([at.getFullYear(), at.getMonth() + 1, at.getDate(), at.getHours(), at.getMinutes()], [2026, 3, 23, 13, 5]);
  });

  test("group chat: inbound messages are noted for their author, not the group", async () => {
    await reset();
    await page.evaluate(() => window.fixture.openChat("Equipe Vendas", { group: true }));
    await page.evaluate(() => window.fixture.receive("Alguém viu o pedido 123?", { prefix: "[14:10, 23/03/2026] +55 11 97777-6666: " }));
    let registry = {};
    for (let i = 0; i < 60 && !registry["+5511977776666"]; i++) {
      await new Promise((r) => setTimeout(r, 50));
      registry = (await storage("registry")) ?? {};
    }
    assert.ok(registry["+5511977776666"], `author entry in ${JSON.stringify(Object.keys(registry))}`);
    assert.equal(registry["name:Equipe Vendas"], undefined, "no entry for the group itself");
    assert.equal(new Date(registry["+5511977776666"].lastInboundAt).getUTCHours(), 14);
    await page.evaluate(() => window.fixture.openChat("Ana Souza"));
  });

  test("inbound opt-out updates the registry at once and the next send warns opted_out", { skip: needsCategory("opt_out") || needsCategory("opted_out") }, async () => {
    await reset();
    await page.evaluate(() => window.fixture.receive("Por favor, não quero mais receber mensagens. Pare de me mandar."));
    await page.locator('[data-conforma] .notice[data-kind="opt_out"]').waitFor({ timeout: 5000 });
    assert.match(await page.locator('[data-conforma] .notice[data-kind="opt_out"]').innerText(), /Ana Souza/);
    const registry = await storage("registry");
    assert.equal(registry["name:Ana Souza"]?.status, "opt_out");
    assert.equal(registry["name:Ana Souza"]?.source, "inbound");
    await typeInto(page, "Oi Ana, temos novidades para você");
    await panel(page).locator('.finding[data-category="opted_out"]').waitFor({ timeout: 5000 });
  });

  test("an old opt-out row rendered again does not undo a newer opt-in", { skip: needsCategory("opt_out") }, async () => {
    await reset(); // Ana opted in on 2026-01-05
    const notices = () => page.locator('[data-conforma] .notice[data-kind="opt_out"]').count();
    const before = await notices();
    await page.evaluate(() => window.fixture.receive("Não quero mais receber mensagens, pare de me mandar.", { prefix: "[10:00, 02/01/2026] Ana Souza: " }));
    let registry = {};
    for (let i = 0; i < 60 && !registry["name:Ana Souza"]?.lastInboundAt?.startsWith("2026-03"); i++) {
      await new Promise((r) => setTimeout(r, 50));
      registry = (await storage("registry")) ?? {};
    }
    await page.waitForTimeout(200);
    registry = (await storage("registry")) ?? {};
    assert.equal(registry["name:Ana Souza"].status, "opt_in");
    assert.equal(await notices(), before, "no new notice for a decision that changed nothing");
  });

  test("out of hours with a frozen clock", { skip: needsCategory("out_of_hours") }, async () => {
    await reset();
    // Test hook: storage key conformaTestNow freezes the clock the content script uses.
    await setSettings(ctx.sw, { timezone: "America/Sao_Paulo", hours: { mon: ["08:00-18:00"], tue: ["08:00-18:00"], wed: ["08:00-18:00"], thu: ["08:00-18:00"], fri: ["08:00-18:00"], sat: [], sun: [] } });
    await freezeClock(ctx.sw, "2026-03-23T21:30:00-03:00");
    await typeInto(page, "Oi, tudo bem? Seu pedido chegou.");
    await panel(page).locator('.finding[data-category="out_of_hours"]').waitFor({ timeout: 5000 });
    await freezeClock(ctx.sw, "2026-03-23T10:30:00-03:00");
    await panel(page).locator('.finding[data-category="out_of_hours"]').waitFor({ state: "detached", timeout: 5000 });
  });

  test("re-attaches when WhatsApp re-renders the footer (chat switch)", async () => {
    await reset();
    await page.evaluate(() => window.fixture.openChat("+55 21 98888-7777"));
    await typeInto(page, "cerveja artesanal");
    await panel(page).locator('.finding[data-category="alcohol"]').waitFor();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.fixture.sent.length === 1);
    let audit = [];
    for (let i = 0; i < 50 && !audit.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      audit = (await storage("audit")) ?? [];
    }
    const expected = await ctx.sw.evaluate(async () => {
      const bytes = new TextEncoder().encode("+5521988887777");
      const d = await crypto.subtle.digest("SHA-256", bytes);
      return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, "0")).join("");
    });
    assert.equal(audit[0]?.contact, expected, "the phone from the header keys the contact");
  });

  test("bulk send: the same text to more contacts than allowed warns before sending", { skip: needsCategory("bulk_send") }, async () => {
    await reset();
    const names = ["Cliente Um", "Cliente Dois", "Cliente Três"];
    await optedIn(ctx.sw, names.map((name) => ({ name })));
    await setSettings(ctx.sw, { bulk: { max_contacts: 2, window_minutes: 10 } });
    const text = "Seu pedido saiu para entrega hoje, obrigado pela compra!";
    for (const [i, name] of names.entries()) {
      await page.evaluate((n) => window.fixture.openChat(n), name);
      await page.waitForTimeout(250); // context refresh for the new chat
      await typeInto(page, text);
      if (i < 2) {
        await page.waitForTimeout(150);
        assert.equal(await panel(page).locator('.finding[data-category="bulk_send"]').count(), 0, `no bulk warning for contact ${i + 1}`);
        await page.keyboard.press("Enter");
        await page.waitForFunction((n) => window.fixture.sent.length === n, i + 1);
        for (let k = 0; k < 40 && !(await storage("sendLog")); k++) await new Promise((r) => setTimeout(r, 50));
      } else {
        await panel(page).locator('.finding[data-category="bulk_send"]').waitFor({ timeout: 5000 });
      }
    }
    await setSettings(ctx.sw, { bulk: { max_contacts: 20, window_minutes: 10 } });
  });

  test("pause: no warnings and no guard until the pause ends", async () => {
    await reset();
    await setSettings(ctx.sw, { pausedUntil: Date.now() + 60_000 });
    await page.waitForFunction(() => document.documentElement.dataset.conformaState === "paused");
    await typeInto(page, "CPF 529.982.247-25");
    await page.waitForTimeout(150);
    assert.equal(await panel(page).isHidden(), true);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.fixture.sent.length === 1);
    await setSettings(ctx.sw, { pausedUntil: null });
    await page.waitForFunction(() => document.documentElement.dataset.conformaState === "active");
  });

  test("keystroke-to-warning latency probe (reported, not asserted)", async () => {
    await reset();
    await typeInto(page, "Temos promoção de cerv");
    const samples = await page.evaluate(async (sel) => {
      const root = document.querySelector("[data-conforma]").shadowRoot;
      const box = document.querySelector(sel);
      box.focus();
      const out = [];
      for (let i = 0; i < 200; i++) {
        const add = i % 2 === 0;
        // Odd steps: remove "eja" again (the first two deletions are not timed).
        if (!add) {
          document.execCommand("delete", false);
          document.execCommand("delete", false);
        }
        const t0 = performance.now();
        if (add) document.execCommand("insertText", false, "eja");
        else document.execCommand("delete", false);
        // The content script handles `input` synchronously: the panel is current now.
        const shown = !!root.querySelector('.finding[data-category="alcohol"]');
        out.push({ ms: performance.now() - t0, shown, expect: add });
        if (i % 20 === 0) await new Promise((r) => requestAnimationFrame(r));
      }
      return out;
    }, composerSel);
    const bad = samples.filter((s) => s.shown !== s.expect).length;
    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
    console.log(`# keystroke→warning (Chromium, in-page engine): median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${ms[ms.length - 1].toFixed(2)} ms over ${ms.length} edits`);
    assert.equal(bad, 0, "every edit updated the panel synchronously");
  });

  test("status for the popup: the tab answers, the background knows it too", async () => {
    const [fromTab, fromWorker] = await ctx.sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: "https://web.whatsapp.com/*" });
      const key = `tabStatus:${tab.id}`;
      return [await chrome.tabs.sendMessage(tab.id, { type: "conforma:status" }), (await chrome.storage.session.get(key))[key]];
    });
    assert.equal(fromTab.attached, true);
    assert.equal(fromTab.state, "active");
    assert.equal(fromTab.engine, "local");
    assert.equal(fromTab.composer, true);
    assert.match(fromTab.version ?? "", /^\d+\.\d+/);
    assert.equal(fromWorker.state, "active");
    assert.equal(fromWorker.mode, "local");
  });

  test("no request left the browser", () => {
    assert.deepEqual(ctx.offending, []);
  });
});
