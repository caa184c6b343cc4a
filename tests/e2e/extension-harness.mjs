// Shared setup of the extension's browser tests (not a test file itself).
// Each test file builds the extension into its own temp folder (the same build script and
// manifests as the shipped one; no race between test files running in parallel), launches
// Debian's Chromium with it, answers https://web.whatsapp.com/** with a fixture page, and
// records every request so a test can assert that nothing leaves the browser.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, artifactsDir, tempProfile } from "../support/chromium.mjs";

export const ROOT = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "../..");
export const FIXTURES = join(ROOT, "tests", "fixtures");

/**
 * The engine the tests build the extension with: dist/npm/web, or CONFORMA_ENGINE_DIR (a web-target
 * build of another branch, to try the extension against an engine before the lead rebuilds dist/npm).
 */
export const ENGINE_DIR = process.env.CONFORMA_ENGINE_DIR ? resolve(process.env.CONFORMA_ENGINE_DIR) : join(ROOT, "dist", "npm", "web");

async function loadRules() {
  const wasm = join(ENGINE_DIR, "conforma_bg.wasm");
  if (!existsSync(wasm)) return null;
  const mod = await import(pathToFileURL(join(ENGINE_DIR, "conforma.js")).href);
  mod.initSync({ module: await readFile(wasm) });
  return mod.rules();
}
const RULES = await loadRules();

/** The engine's rule catalog, to skip tests of rules not built yet. */
export function engineRules() {
  if (!RULES) throw new Error(`${ENGINE_DIR} has no engine: run \`bash scripts/build.sh wasm\` (or \`bash scripts/build.sh\`) first`);
  return RULES;
}

/** Why a test must skip when the engine has no rule of `category`, else false. */
export function needsCategory(category) {
  const ok = engineRules().some((r) => r.category === category || r.id === category);
  return ok ? false : `the engine in ${ENGINE_DIR} has no '${category}' rule yet (rebuild it with \`bash scripts/build.sh wasm\` once that rule lands)`;
}

/** Builds the extension (both browsers, unpacked) into a fresh temp folder. */
export async function buildExtension() {
  if (!existsSync(join(ENGINE_DIR, "conforma_bg.wasm"))) {
    throw new Error(`${ENGINE_DIR} has no engine: run \`bash scripts/build.sh wasm\` (or \`bash scripts/build.sh\`) first`);
  }
  const out = await mkdtemp(join(tmpdir(), "conforma-ext-"));
  const script = join(ROOT, "scripts", "build-extension.mjs");
  execFileSync(process.execPath, [script, "--out", out, "--no-zip", "--engine", ENGINE_DIR], { stdio: ["ignore", "ignore", "inherit"] });
  return { chromium: join(out, "chromium"), firefox: join(out, "firefox") };
}

/**
 * Grants host access to extra origins in a built copy, standing in for the user's "Allow" in
 * the permission prompt (Chromium's prompt cannot be answered by automation).
 */
export async function grantHosts(extDir, origins) {
  const path = join(extDir, "manifest.json");
  const manifest = JSON.parse(await readFile(path, "utf8"));
  manifest.host_permissions = [...manifest.host_permissions, ...origins];
  await writeFile(path, JSON.stringify(manifest, null, 2));
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };

/** Serves `dirs` (first hit wins) for every URL under `origin`, through Playwright routing. */
export async function routeFixture(context, origin, dirs, { headers = {} } = {}) {
  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname === "/" ? "/index.html" : url.pathname;
    for (const dir of dirs) {
      const file = normalize(join(dir, path));
      if (!file.startsWith(dir) || !existsSync(file)) continue;
      return route.fulfill({ status: 200, body: await readFile(file), headers: { "content-type": TYPES[extname(file)] ?? "application/octet-stream", ...headers } });
    }
    return route.fulfill({ status: 404, body: "not found" });
  });
}

/**
 * Launches Chromium with the extension. Returns the context, the extension id, its service
 * worker, and `offending`: requests to anything but the extension, data:/blob: and `allowed`
 * origins (which are answered by routes, never by the network).
 */
export async function launch(extDir, { allowed = ["https://web.whatsapp.com"] } = {}) {
  const profile = await tempProfile();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
  });
  const offending = [];
  const ok = (url) => /^(chrome-extension|data|blob|about):/.test(url) || allowed.some((o) => url.startsWith(o + "/"));
  context.on("request", (req) => {
    if (!ok(req.url())) offending.push(req.url());
  });
  // Nothing may reach the network: anything not answered by a fixture route is aborted.
  await context.route(/^https?:/, (route) => (ok(route.request().url()) ? route.fallback() : route.abort()));
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 15000 }));
  const extensionId = new URL(sw.url()).host;
  return { context, sw, extensionId, offending };
}

/** Opens the WhatsApp fixture on the real origin and waits for the content script. */
export async function openWhatsApp(context, { dir = join(FIXTURES, "whatsapp"), headers } = {}) {
  await routeFixture(context, "https://web.whatsapp.com", [dir, join(FIXTURES, "whatsapp")], { headers });
  const page = await context.newPage();
  await page.goto("https://web.whatsapp.com/");
  await page.waitForFunction(() => document.documentElement.dataset.conformaState, null, { timeout: 15000 });
  return page;
}

/** Current settings merged with `partial`, saved the way the options page does. */
export async function setSettings(sw, partial) {
  await sw.evaluate(async (p) => {
    const { settings = {} } = await chrome.storage.local.get("settings");
    await chrome.storage.local.set({ settings: { ...settings, ...p } });
  }, partial);
}

/**
 * A Monday, 10:00 in São Paulo: inside the default business hours, less than 24 h after the
 * fixture's last inbound message (22/03/2026 13:52, read in the browser's UTC), so context
 * rules stay quiet unless a test wants them.
 */
export const BUSINESS_NOW = "2026-03-23T10:00:00-03:00";

/** Freezes the content script's clock (test hook: storage key conformaTestNow). */
export async function freezeClock(sw, iso = BUSINESS_NOW) {
  await sw.evaluate((v) => chrome.storage.local.set({ conformaTestNow: v }), iso);
}

/** Registry entries for contacts who opted in and wrote recently. */
export async function optedIn(sw, contacts) {
  await sw.evaluate(async (list) => {
    const registry = {};
    for (const { phone = null, name = null } of list) {
      const key = phone ?? `name:${name}`;
      registry[key] = { key, phone, name, status: "opt_in", at: "2026-01-05T12:00:00.000Z", source: "manual", lastInboundAt: "2026-03-23T12:00:00.000Z" };
    }
    await chrome.storage.local.set({ registry });
  }, contacts);
}

export const composerSel = '#main footer [contenteditable="true"]';
export const panel = (page) => page.locator("[data-conforma] .panel");
export const dialog = (page) => page.locator('[data-conforma] [role="dialog"]');

/** Clears the composer and types `text` with real key events. */
export async function typeInto(page, text, selector = composerSel) {
  const box = page.locator(selector);
  await box.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  if (text) await page.keyboard.type(text);
}

export async function screenshot(page, name) {
  const dir = await artifactsDir();
  await page.screenshot({ path: join(dir, name) });
}
