// Background (Chromium service worker / Firefox background script, ES module).
//
// 1. Engine fallback: runs checks for content scripts on pages whose CSP forbids wasm in the
//    page (see lib/engine.js). One engine per distinct config, rebuilt when the config changes.
// 2. Status per tab (active / not active + reason) for the popup, and a badge when not active.
// 3. Other sites (dashboards) the agent added in the options: once their optional host
//    permission is granted, the content script is registered for them with
//    chrome.scripting.registerContentScripts — this is the only use of the `scripting` permission.
import * as conforma from "../engine/conforma.js";
import { buildEngine, loadEngineModule, provideEngineModule, supportsPacks } from "./lib/engine.js";
import { getSettings } from "./lib/storage.js";

// Static import: service workers may not use dynamic import().
provideEngineModule(conforma);

const api = globalThis.browser ?? globalThis.chrome;
const SITE_PREFIX = "conforma-site-";

// ---------- engine ----------
let cached = { key: null, engine: null, configError: null };

async function engineFor(config) {
  const key = JSON.stringify(config ?? {});
  if (cached.key !== key) {
    const mod = await loadEngineModule();
    const built = buildEngine(mod, config);
    cached.engine?.free?.();
    cached = { key, ...built };
  }
  return cached;
}

// ---------- status per tab ----------
const statusByTab = new Map();

async function setStatus(tabId, status) {
  statusByTab.set(tabId, { ...status, at: Date.now() });
  try {
    await api.storage.session?.set({ [`tabStatus:${tabId}`]: statusByTab.get(tabId) });
  } catch {
    // storage.session is optional (older Firefox); the in-memory map still answers.
  }
  try {
    const text = status.state === "inactive" ? "!" : status.state === "paused" ? "II" : "";
    await api.action.setBadgeText({ tabId, text });
    if (text) await api.action.setBadgeBackgroundColor({ tabId, color: status.state === "inactive" ? "#b3261e" : "#5f6368" });
  } catch {
    // The tab may be gone already.
  }
}

async function getStatus(tabId) {
  if (statusByTab.has(tabId)) return statusByTab.get(tabId);
  try {
    const key = `tabStatus:${tabId}`;
    const stored = await api.storage.session?.get(key);
    return stored?.[key] ?? null;
  } catch {
    return null;
  }
}

// ---------- messages ----------
async function handle(msg, sender) {
  switch (msg?.type) {
    case "conforma:engine-status": {
      const { engine, configError } = await engineFor(msg.config);
      return { ok: true, configError, version: conforma.version(), hasLog: typeof engine.checkAndRecord === "function" && typeof engine.checkWithLog === "function" };
    }
    case "conforma:check": {
      const { engine, configError } = await engineFor(msg.config);
      const text = String(msg.text ?? "");
      const options = msg.options ?? {};
      // Bulk-send log variants when the engine has them (checkWithLog while typing, checkAndRecord on send).
      const method = ["checkWithLog", "checkAndRecord"].includes(msg.method) && typeof engine[msg.method] === "function" ? msg.method : null;
      const result = method ? engine[method](text, options, msg.log ?? undefined) : engine.check(text, options);
      return { ok: true, seq: msg.seq, result, configError };
    }
    case "conforma:rules": {
      const mod = await loadEngineModule();
      return { ok: true, rules: mod.rules(), categories: mod.categories?.() ?? [], packs: supportsPacks(mod) };
    }
    case "conforma:status": {
      const tabId = sender?.tab?.id;
      if (tabId !== undefined) await setStatus(tabId, msg.status ?? {});
      return { ok: true };
    }
    case "conforma:get-status": {
      return { ok: true, status: await getStatus(msg.tabId) };
    }
    default:
      return undefined;
  }
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (typeof msg?.type !== "string" || !msg.type.startsWith("conforma:")) return false;
  handle(msg, sender).then(
    (reply) => sendResponse(reply ?? { ok: false, error: `unknown message ${msg.type}` }),
    (err) => sendResponse({ ok: false, error: String(err?.message || err?.name || err) }),
  );
  return true; // reply asynchronously
});

api.tabs?.onRemoved?.addListener((tabId) => {
  statusByTab.delete(tabId);
  api.storage.session?.remove(`tabStatus:${tabId}`)?.catch?.(() => {});
});

// ---------- other sites ----------
async function readSettings() {
  try {
    return await getSettings();
  } catch {
    return {};
  }
}

/** A match pattern the browser accepts for content scripts; anything else is skipped. */
function validPattern(pattern) {
  return typeof pattern === "string" && /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/.test(pattern);
}

let syncing = Promise.resolve();

/** Registers the content script for every added site whose permission is granted; removes the rest. */
function syncSiteScripts() {
  syncing = syncing.then(doSync, doSync);
  return syncing;
}

async function doSync() {
  if (!api.scripting?.registerContentScripts) return;
  const settings = await readSettings();
  const wanted = new Map();
  for (const site of Array.isArray(settings?.sites) ? settings.sites : []) {
    if (!site?.id || !validPattern(site.pattern)) continue;
    let granted = false;
    try {
      granted = await api.permissions.contains({ origins: [site.pattern] });
    } catch {
      granted = false;
    }
    if (granted) wanted.set(SITE_PREFIX + String(site.id).replace(/[^A-Za-z0-9_-]/g, "_"), site.pattern);
  }
  const existing = (await api.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(SITE_PREFIX));
  const stale = existing.filter((s) => wanted.get(s.id) !== s.matches?.[0]).map((s) => s.id);
  if (stale.length) await api.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(existing.map((s) => s.id).filter((id) => !stale.includes(id)));
  const add = [...wanted].filter(([id]) => !have.has(id));
  if (add.length) {
    await api.scripting.registerContentScripts(
      add.map(([id, pattern]) => ({ id, matches: [pattern], js: ["src/content/loader.js"], runAt: "document_idle", persistAcrossSessions: true })),
    );
  }
}

api.runtime.onInstalled?.addListener(() => void syncSiteScripts().catch(() => {}));
api.runtime.onStartup?.addListener(() => void syncSiteScripts().catch(() => {}));
api.permissions?.onAdded?.addListener(() => void syncSiteScripts().catch(() => {}));
api.permissions?.onRemoved?.addListener(() => void syncSiteScripts().catch(() => {}));
api.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes.settings) void syncSiteScripts().catch(() => {});
  if (area === "managed") void syncSiteScripts().catch(() => {});
});

// Exposed for tests and the options page (same realm only).
globalThis.conformaSyncSiteScripts = syncSiteScripts;
