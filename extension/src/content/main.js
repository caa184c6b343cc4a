// Content script entry: picks the site adapter, loads settings, translations and the engine,
// then for each composer attachment checks on every input, draws highlights and the panel,
// guards sending and feeds page context (time, contact status) to the engine.
// One teardown path: the page-level AbortController, and one per composer attachment.
import { createChecker } from "../lib/engine.js";
import { loadMessages } from "../lib/i18n.js";
import * as store from "../lib/storage.js";
import { initClock, isoWithOffset } from "./clock.js";
import { watchComposer } from "./composer.js";
import { dashboardAdapter, matchesPattern } from "./dashboard.js";
import { installGuard } from "./guard.js";
import { watchInboundMessages } from "./inbound.js";
import { createOverlay } from "./overlay.js";
import { createPanel } from "./panel.js";
import { whatsapp } from "./whatsapp.js";

const api = globalThis.browser ?? globalThis.chrome;

function pickAdapter(settings) {
  if (location.hostname === "web.whatsapp.com") return whatsapp;
  const site = (settings.sites ?? []).find((s) => matchesPattern(s.pattern, location.href));
  return site ? dashboardAdapter(site) : null;
}

export async function start() {
  const page = new AbortController();
  const signal = page.signal;
  let settings = await store.getSettings();
  const adapter = pickAdapter(settings);
  if (!adapter) return; // a site removed from the options since the script was registered
  await initClock(signal);
  let t = await loadMessages(settings.language);

  const overlay = createOverlay(signal);
  const panel = createPanel(overlay, () => t);

  // ---- engine ----
  let checker = null;
  let engineError = null;
  let knownIds;
  let packs = false;
  // Stale rule ids are dropped; custom terms and the allow-list go in once the engine takes packs.
  const engineConfig = () => store.toEngineConfig(settings, { knownIds, packs });
  try {
    checker = await createChecker(engineConfig());
    const catalog = await checker.catalog();
    knownIds = [...new Set([...catalog.rules.flatMap((r) => [r.id, r.category]), ...catalog.categories.map((c) => c.id)])];
    packs = catalog.packs;
    checker.setConfig(engineConfig());
  } catch (err) {
    engineError = String(err?.message || err);
    console.warn("Conforma: the engine cannot run on this page:", engineError);
  }

  const paused = () => store.isPaused(settings, Date.now());
  let lastStatus = null;
  function reportStatus() {
    const state = !checker ? "inactive" : paused() ? "paused" : "active";
    const reason = !checker ? t("reasonEngineLoad", engineError) : checker.configError ? t("reasonConfig", checker.configError) : "";
    const status = {
      state,
      mode: checker?.mode ?? null,
      modeText: checker ? t(checker.mode === "local" ? "modeLocal" : "modeWorker") : null,
      reason,
      error: engineError ?? checker?.configError ?? checker?.localError ?? null,
      site: adapter.kind,
      failMode: settings.failMode,
    };
    lastStatus = status;
    document.documentElement.dataset.conformaState = state;
    api.runtime.sendMessage({ type: "conforma:status", status }).catch(() => {});
  }
  reportStatus();
  // The popup asks the tab directly first (tabs.sendMessage), the background second.
  const onMessage = (msg, _sender, sendResponse) => {
    if (msg?.type !== "conforma:status") return false;
    sendResponse({
      attached: lastStatus?.state === "active" || lastStatus?.state === "paused",
      composer: !!composer,
      state: lastStatus?.state,
      reason: lastStatus?.reason,
      engine: lastStatus?.mode,
      version: checker?.version ?? null,
      error: lastStatus?.error ?? null,
      site: adapter.kind,
    });
    return false;
  };
  api.runtime.onMessage.addListener(onMessage);
  signal.addEventListener("abort", () => api.runtime.onMessage.removeListener(onMessage));

  // ---- chat context ----
  let chat = null;
  let contactCtx = null;
  let contextSeq = 0;
  async function refreshContext() {
    const mine = ++contextSeq;
    const next = adapter.chat?.() ?? null;
    let contact = null;
    if (next && !next.isGroup && (next.phone || next.name)) {
      const entry = await store.findContact({ phone: next.phone, name: next.name }).catch(() => null);
      contact = store.toEngineContact(entry);
      contact.id = store.contactKey({ phone: next.phone, name: next.name });
      const fromPage = next.lastInboundAt ? new Date(next.lastInboundAt).toISOString() : null;
      if (fromPage && (!contact.last_inbound_at || Date.parse(contact.last_inbound_at) < Date.parse(fromPage))) contact.last_inbound_at = fromPage;
    }
    if (mine !== contextSeq) return;
    chat = next;
    contactCtx = contact;
    check();
  }

  // ---- checking ----
  let composer = null;
  let snapshot = null;
  let findings = [];

  function render(list, snap) {
    findings = list;
    panel.show(list, composer);
    overlay.drawHighlights(snap, list, composer);
  }

  function apply(result, snap) {
    if (!result || result.type === "stale") return findings;
    if (result.type !== "success") {
      console.warn("Conforma: check failed:", result.errors);
      render([], snap);
      return [];
    }
    render(result.findings, snap);
    return result.findings;
  }

  // Bulk-send guard: the engine's opaque log of recent sends (when the engine has that API).
  // checkWithLog while typing (would this be a bulk send?), checkAndRecord once it is sent.
  let sendLog = await store.getSendLog().catch(() => null);
  const useLog = () => !!checker?.hasLog && !!contactCtx?.id;
  function outboundOptions() {
    const context = { now: isoWithOffset() };
    if (contactCtx) context.contact = contactCtx;
    return { direction: "outbound", locale: t.lang, context };
  }
  /** Records a message that was just sent in the bulk-send log. */
  async function recordSend(text, options) {
    if (!text || !checker?.hasLog || !options.context?.contact?.id) return;
    try {
      const result = await checker.checkAndRecord(text, options, sendLog);
      if (result?.type === "success" && typeof result.log === "string") {
        sendLog = result.log;
        await store.setSendLog(result.log);
      }
    } catch (err) {
      console.warn("Conforma: could not record the send for the bulk-send guard:", err);
    }
  }

  /** Checks the composer's current text; returns findings when known synchronously. */
  function check() {
    // The extension was updated or removed: this copy can no longer reach its APIs. Remove
    // everything it added rather than leave a stale panel or guard behind.
    if (!api.runtime?.id) {
      page.abort();
      return [];
    }
    if (!composer) return [];
    const snap = adapter.read(composer);
    snapshot = snap;
    if (!checker || paused() || !snap.text.trim()) {
      render([], snap);
      return [];
    }
    const options = outboundOptions();
    const result = useLog() ? checker.checkWithLog(snap.text, options, sendLog) : checker.check(snap.text, options);
    if (result && typeof result.then === "function") {
      result.then((r) => apply(r, snap)).catch((err) => console.warn("Conforma: background check failed:", err));
      return null;
    }
    return apply(result, snap);
  }

  let redrawQueued = false;
  const redraw = () => {
    if (redrawQueued) return;
    redrawQueued = true;
    requestAnimationFrame(() => {
      redrawQueued = false;
      if (composer && snapshot) overlay.drawHighlights(adapter.read(composer), findings, composer);
      panel.reposition();
    });
  };
  addEventListener("scroll", redraw, { capture: true, passive: true, signal });
  addEventListener("resize", redraw, { signal });

  async function record(action, list, reason) {
    const key = chat ? store.contactKey({ phone: chat.phone, name: chat.name }) : null;
    const text = snapshot?.text;
    try {
      for (const f of list) await store.appendAudit({ rule: f.rule, action, contactKey: key, ...(reason ? { reason } : {}), text });
      await store.bumpCount(action);
    } catch (err) {
      console.warn("Conforma: could not write the audit log:", err);
    }
  }

  let pendingSend = null;
  function attach(el, sig) {
    composer = el;
    panel.clearNotices();
    sig.addEventListener("abort", () => {
      if (composer === el) {
        composer = null;
        render([], null);
      }
    });
    el.addEventListener("input", () => check(), { signal: sig });
    // Text changed without an input event (the page cleared it after sending, a template was
    // inserted): catch it from the DOM, after the page's own handlers.
    const mo = new MutationObserver(() => {
      if (adapter.read(el).text !== snapshot?.text) check();
    });
    mo.observe(el, { childList: true, characterData: true, subtree: true });
    sig.addEventListener("abort", () => mo.disconnect());
    const ro = new ResizeObserver(redraw);
    ro.observe(el);
    sig.addEventListener("abort", () => ro.disconnect());

    installGuard({
      composer: el,
      adapter,
      overlay,
      getT: () => t,
      signal: sig,
      evaluate() {
        // Local mode re-checks now so the decision is on the exact text being sent.
        const fresh = checker?.mode === "local" ? check() : null;
        pendingSend = snapshot ? { text: snapshot.text, options: outboundOptions() } : null;
        return {
          paused: paused(),
          inactive: !checker,
          failClosed: settings.failMode === "closed",
          reason: engineError ?? "",
          findings: fresh ?? findings,
        };
      },
      record: (action, list, reason) => void record(action, list, reason),
      afterSend() {
        const sent = pendingSend;
        pendingSend = null;
        if (sent) void recordSend(sent.text, sent.options);
        // Fields cleared by script fire no input event.
        setTimeout(check, 50);
        setTimeout(check, 400);
      },
    });

    if (adapter.kind === "whatsapp") {
      watchInboundMessages({ adapter, getChecker: () => checker, store, panel, getT: () => t, onRegistryChange: refreshContext, signal: sig });
      // Header or rows change (new inbound message, contact renamed): refresh the context.
      const main = document.querySelector("#main");
      if (main) {
        let timer = 0;
        const watch = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            const next = adapter.chat();
            if (next.key !== chat?.key || next.lastInboundAt !== chat?.lastInboundAt) void refreshContext();
          }, 150);
        });
        watch.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ["title"] });
        sig.addEventListener("abort", () => {
          watch.disconnect();
          clearTimeout(timer);
        });
      }
    }
    void refreshContext();
    check();
  }

  watchComposer(adapter.findComposer, attach, signal);

  // ---- settings, registry, pause ----
  let pauseTimer = 0;
  const armPauseTimer = () => {
    clearTimeout(pauseTimer);
    if (paused()) pauseTimer = setTimeout(() => (reportStatus(), check()), Math.min(settings.pausedUntil - Date.now() + 50, 2 ** 31 - 1));
  };
  armPauseTimer();
  const stopSettings = store.onSettingsChanged(async (next) => {
    settings = next;
    t = await loadMessages(settings.language);
    checker?.setConfig(engineConfig());
    armPauseTimer();
    reportStatus();
    panel.rerender();
    check();
  });
  const onStorage = (changes, area) => {
    if (area === "local" && changes.registry) void refreshContext();
    if (area === "local" && changes.sendLog) sendLog = changes.sendLog.newValue ?? null;
    if (area === "local" && changes.conformaTestNow) check();
  };
  api.storage.onChanged.addListener(onStorage);
  signal.addEventListener("abort", () => {
    stopSettings();
    api.storage.onChanged.removeListener(onStorage);
    clearTimeout(pauseTimer);
  });

  // Test/debug hook in the isolated world only (the page cannot reach it).
  globalThis.__conforma = { stop: () => page.abort(), get mode() { return checker?.mode ?? null; } };
}
