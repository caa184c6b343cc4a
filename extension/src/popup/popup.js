// Popup: is Conforma attached to this tab (and why not), engine version,
// today's counts, pause for N minutes.
import * as store from "../lib/storage.js";
import { loadMessages } from "../lib/i18n.js";

const api = globalThis.browser ?? globalThis.chrome;
const $ = (sel) => document.querySelector(sel);
let t = (key) => key;
let settings = null;

/** The tab the popup is about: ?tabId= (tests, or opened as a page), else the active tab. */
async function targetTab() {
  const param = new URLSearchParams(location.search).get("tabId");
  if (param) return Number(param);
  const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

/**
 * Status of the tab: the content script answers `conforma:status` when it runs there;
 * else the background may know why it is not active; else the site is not supported.
 */
async function tabStatus(tabId) {
  if (tabId == null) return { attached: false, reason: "no_tab" };
  try {
    const reply = await withTimeout(api.tabs.sendMessage(tabId, { type: "conforma:status" }), 1500);
    if (reply && typeof reply === "object" && "attached" in reply) return reply;
  } catch {
    // No content script in that tab: not a supported site (or not granted yet).
  }
  try {
    const reply = await withTimeout(api.runtime.sendMessage({ type: "conforma:get-status", tabId }), 1500);
    const s = reply?.status;
    if (s && typeof s === "object") {
      return { attached: s.state === "active" || s.state === "paused", reason: s.reason, engine: s.mode ?? s.engine, version: s.version, state: s.state };
    }
  } catch {
    // The background may be restarting; fall through.
  }
  return { attached: false, reason: "unsupported" };
}

function reasonText(reason) {
  if (!reason) return "";
  // The content script may send a ready, localized sentence rather than a code.
  if (!/^[a-z_]+$/.test(String(reason))) return String(reason);
  const key = "popReason_" + String(reason).replace(/[^A-Za-z0-9_]/g, "_");
  const text = t(key);
  return text === key ? t("popReasonOther", reason) : text;
}

async function renderTab() {
  const status = await tabStatus(await targetTab());
  const p = $("#tab-status");
  const paused = store.isPaused(settings);
  p.className = "status " + (status.attached ? (paused ? "paused" : "on") : "off");
  p.textContent = status.attached
    ? t(status.engine === "worker" ? "popAttachedWorker" : "popAttached")
    : t("popNotAttached");
  $("#tab-reason").textContent = status.attached ? (paused ? t("popPausedNote") : "") : reasonText(status.reason);
  return status;
}

async function renderCounts() {
  const c = await store.getCounts();
  $("#count-warned").textContent = c.warned;
  $("#count-blocked").textContent = c.blocked;
  $("#count-overridden").textContent = c.overridden;
}

function renderPause() {
  const paused = store.isPaused(settings);
  const locked = settings.locked.includes("pausedUntil");
  $("#pause-locked").hidden = !locked;
  $("#pause-form").hidden = paused || locked;
  $("#resume-button").hidden = !paused || locked;
  $("#pause-state").textContent = paused
    ? t("popPausedUntil", new Date(settings.pausedUntil).toLocaleTimeString(t.lang ?? "pt-BR", { hour: "2-digit", minute: "2-digit" }))
    : t("popActive");
}

async function engineVersion(status) {
  if (status?.version) return status.version;
  try {
    const mod = await import("../../engine/conforma.js");
    await mod.default({ module_or_path: api.runtime.getURL("engine/conforma_bg.wasm") });
    return mod.version();
  } catch {
    return null;
  }
}

async function start() {
  settings = await store.getSettings();
  t = await loadMessages(settings.language);
  document.documentElement.lang = t.lang ?? "pt-BR";
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const opt of $("#pause-minutes").options) opt.textContent = t("popMinutes", opt.value);
  $("#pause-minutes").value = "15";
  const [status] = await Promise.all([renderTab(), renderCounts()]);
  renderPause();
  const v = await engineVersion(status);
  $("#engine-version").textContent = v ? t("popEngine", v) : t("popEngineMissing");

  $("#pause-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const minutes = Number($("#pause-minutes").value);
    settings = await store.saveSettings({ pausedUntil: Date.now() + minutes * 60000 });
    renderPause();
    await renderTab();
    $("#live").textContent = $("#pause-state").textContent;
    $("#resume-button").focus();
  });
  $("#resume-button").addEventListener("click", async () => {
    settings = await store.saveSettings({ pausedUntil: null });
    renderPause();
    await renderTab();
    $("#live").textContent = t("popResumed");
    $("#pause-minutes").focus();
  });
  $("#open-options").addEventListener("click", () => api.runtime.openOptionsPage());
  store.onSettingsChanged((s) => {
    settings = s;
    renderPause();
  });
  document.querySelector("main").removeAttribute("aria-busy");
  document.body.dataset.ready = "true";
}

start().catch((err) => {
  $("#tab-reason").textContent = String(err?.message ?? err);
  document.querySelector("main").removeAttribute("aria-busy");
});
