// The site's only script: loads the Conforma wasm engine from this origin and wires the
// compose boxes (home hero, demo) and the demo's context controls. Text never leaves the
// page: there is no fetch here besides the engine's own wasm file at load.
//
// User text is only ever written with textContent / text nodes, never innerHTML.

import init, { Engine, version } from "../pkg/conforma.js";

const ui = JSON.parse(document.getElementById("ui")?.textContent ?? "{}");
const S = ui.strings ?? {};
const LOCALE = ui.locale ?? document.documentElement.lang;
const SEVERITY_RANK = { info: 0, warn: 1, block: 2 };
const MINUTE = 60_000;

const fmt = (template, vars) => template.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

// ---------------------------------------------------------------- time zones

/** Offset of `tz` at instant `ms`, in minutes east of UTC (from the browser's tz data). */
function offsetMinutes(ms, tz) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);
}

/** The instant of wall-clock time `local` ("2026-03-15T10:00") in `tz`. */
function wallToInstant(local, tz) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let ms = guess - offsetMinutes(guess, tz) * MINUTE;
  ms = guess - offsetMinutes(ms, tz) * MINUTE;
  return ms;
}

const pad = (n) => String(n).padStart(2, "0");

/** RFC 3339 with the zone's offset, as the engine expects (`2026-03-15T10:00:00-03:00`). */
function rfc3339(ms, tz) {
  const off = offsetMinutes(ms, tz);
  const d = new Date(ms + off * MINUTE);
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
  );
}

/** Wall-clock value for a datetime-local input, for instant `ms` in `tz`. */
function instantToWall(ms, tz) {
  return rfc3339(ms, tz).slice(0, 16);
}

// ---------------------------------------------------------------- rendering

/**
 * Draws `<mark>`s behind the textarea, exactly over each finding span: the first span
 * of a finding is the offending text (filled), the others are evidence (dotted), as in
 * the extension.
 */
function renderHighlights(layer, text, findings) {
  const spans = [];
  for (const f of findings) {
    (f.spans ?? []).forEach((s, i) => {
      const start = Math.max(0, Math.min(text.length, s.start));
      const end = Math.max(0, Math.min(text.length, s.end));
      if (end > start) spans.push({ start, end, f, main: i === 0 });
    });
  }
  const cuts = new Set([0, text.length]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = text.slice(a, b);
    const cover = spans.filter((s) => s.start <= a && s.end >= b);
    if (cover.length === 0) {
      frag.append(piece);
      continue;
    }
    const main = cover.filter((s) => s.main);
    const shown = main.length ? main : cover;
    const sev = shown.reduce((m, s) => (SEVERITY_RANK[s.f.severity] > SEVERITY_RANK[m] ? s.f.severity : m), "info");
    const mark = el("mark", main.length ? `hl hl-${sev}` : `ev ev-${sev}`, piece);
    mark.dataset.rules = [...new Set(cover.map((s) => s.f.rule))].join(" ");
    mark.dataset.start = String(a);
    frag.append(mark);
  }
  // A trailing newline needs content after it to get its line box, as in the textarea.
  frag.append("\u200b");
  layer.replaceChildren(frag);
}

function categoryLabel(id) {
  return S.categoryNames?.[id] ?? id;
}

/** One finding as a list item. `onSelect(start, end)` selects its text in the box. */
function findingItem(f, text, onSelect) {
  const li = el("li", `finding sev-${f.severity}`);
  li.dataset.rule = f.rule;
  li.dataset.category = f.category;
  const head = el("p", "finding-head");
  head.append(el("span", `badge badge-${f.severity}`, S.severityNames?.[f.severity] ?? f.severity), " ");
  head.append(el("strong", "finding-cat", categoryLabel(f.category)), " ");
  head.append(el("code", "finding-rule", f.rule));
  li.append(head);
  if (f.spans?.length && f.end > f.start) {
    const quote = el("p", "finding-quote");
    const btn = el("button", "quote-btn");
    btn.type = "button";
    btn.append(el("span", "visually-hidden", `${S.showInText} `), `“${text.slice(f.start, f.end)}”`);
    btn.addEventListener("click", () => onSelect(f.start, f.end));
    quote.append(btn);
    li.append(quote);
  } else {
    li.append(el("p", "finding-context", S.contextFinding));
  }
  li.append(el("p", "finding-msg", f.message));
  if (f.suggestion) {
    const tip = el("p", "finding-tip");
    tip.append(el("span", "tip-label", S.suggestion), " ", f.suggestion);
    li.append(tip);
  }
  return li;
}

// ---------------------------------------------------------------- compose box

class Composer {
  /**
   * @param {HTMLElement} root `[data-composer]`
   * @param {{ options: () => object, onResult?: (findings: object[], text: string) => void }} hooks
   */
  constructor(root, hooks) {
    this.root = root;
    this.hooks = hooks;
    this.engine = null;
    this.input = root.querySelector(".compose-input");
    this.backdrop = root.querySelector(".compose-backdrop");
    this.layer = root.querySelector(".compose-layer");
    this.summary = root.querySelector(".summary");
    this.list = root.querySelector(".finding-list");
    this.sendNote = root.querySelector(".send-note");
    this.sendBtn = root.querySelector(".send-btn");
    this.chat = root.querySelector(".chat-body");
    this.findings = [];
    this.armed = false; // a blocking message needs a second press to send
    this.input.addEventListener("input", () => {
      this.armed = false;
      this.update();
    });
    this.input.addEventListener("scroll", () => this.syncScroll());
    new ResizeObserver(() => this.syncScroll()).observe(this.input);
    this.sendBtn?.addEventListener("click", () => this.send());
    this.autoGrow();
  }

  setEngine(engine) {
    this.engine = engine;
    this.update();
  }

  setText(text) {
    this.input.value = text;
    this.armed = false;
    this.update();
  }

  autoGrow() {
    this.input.style.height = "auto";
    const max = Math.max(160, Math.round(window.innerHeight * 0.4));
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, max)}px`;
  }

  syncScroll() {
    this.backdrop.scrollTop = this.input.scrollTop;
    this.backdrop.scrollLeft = this.input.scrollLeft;
  }

  update() {
    const text = this.input.value;
    this.autoGrow();
    if (!this.engine) {
      renderHighlights(this.layer, text, []);
      return;
    }
    let result;
    try {
      result = this.engine.check(text, this.hooks.options());
    } catch (err) {
      result = { type: "failure", errors: [{ message: String(err?.message ?? err) }] };
    }
    if (result.type !== "success") {
      this.findings = [];
      renderHighlights(this.layer, text, []);
      this.list.replaceChildren();
      this.setSummary(`${S.inputError} ${result.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join("; ")}`, "error");
      this.hooks.onResult?.([], text);
      return;
    }
    const findings = result.findings;
    this.findings = findings;
    renderHighlights(this.layer, text, findings);
    this.syncScroll();
    this.list.replaceChildren(...findings.map((f) => findingItem(f, text, (s, e) => this.select(s, e))));
    if (this.hooks.summary) this.setSummary(...this.hooks.summary(findings, text));
    else if (!text.trim() && findings.length === 0) this.setSummary(S.empty, "empty");
    else if (findings.length === 0) this.setSummary(S.clean, "clean");
    else this.setSummary(findings.length === 1 ? S.countOne : fmt(S.countMany, { n: findings.length }), "found");
    if (this.sendNote && !findings.some((f) => f.severity === "block")) this.sendNote.hidden = true;
    this.hooks.onResult?.(findings, text);
  }

  setSummary(text, state) {
    // Only touch the live region when the message changes, so typing is not read out per key.
    if (this.summary.textContent !== text) this.summary.textContent = text;
    this.summary.dataset.state = state;
  }

  select(start, end) {
    this.input.focus();
    this.input.setSelectionRange(start, end);
  }

  send() {
    const text = this.input.value;
    if (!text.trim() || !this.chat) return;
    if (this.findings.some((f) => f.severity === "block") && !this.armed) {
      this.armed = true;
      this.sendNote.textContent = S.confirmBlock;
      this.sendNote.hidden = false;
      return;
    }
    this.armed = false;
    this.sendNote.hidden = true;
    const bubble = el("p", "bubble out", text);
    const now = new Date();
    bubble.append(el("span", "bubble-time", `${pad(now.getHours())}:${pad(now.getMinutes())} ✓`));
    bubble.append(el("span", "visually-hidden", ` · ${S.sent}`));
    this.chat.append(bubble);
    this.chat.scrollTop = this.chat.scrollHeight;
    this.setText("");
    this.input.focus();
  }
}

// ---------------------------------------------------------------- demo controls

const $ = (id) => document.getElementById(id);

/** The demo's context controls → engine config and check options. */
class ContextControls {
  constructor(onChange) {
    this.onChange = onChange;
    this.now = $("ctx-now");
    this.tz = $("ctx-tz");
    this.weekday = $("ctx-weekday");
    this.status = $("config-status");
    this.setClock("now");
    for (const b of document.querySelectorAll("[data-clock]")) {
      b.addEventListener("click", () => {
        this.setClock(b.dataset.clock);
        this.changed(false);
      });
    }
    const configIds = ["ctx-tz", "ctx-holidays", "ctx-app", "ctx-platform"];
    for (const k of ["weekdays", "sat", "sun"]) configIds.push(`h-${k}-open`, `h-${k}-from`, `h-${k}-to`);
    for (const id of configIds) $(id).addEventListener("change", () => this.changed(true));
    for (const id of ["ctx-now", "ctx-optin", "ctx-optedout", "ctx-inbound"]) {
      $(id).addEventListener("change", () => this.changed(false));
      $(id).addEventListener("input", () => this.changed(false));
    }
    this.showWeekday();
  }

  changed(configChanged) {
    this.showWeekday();
    this.onChange(configChanged);
  }

  /** Sets the clock to now or to the next given weekday and time. */
  setClock(key) {
    const tz = this.tz.value;
    const nowMs = Date.now();
    if (key === "now") {
      this.now.value = instantToWall(nowMs, tz);
      return;
    }
    const target = { tue10: [2, "10:00"], tue21: [2, "21:30"], sat15: [6, "15:00"], sun10: [0, "10:00"] }[key];
    if (!target) return;
    const today = instantToWall(nowMs, tz).slice(0, 10);
    const d = new Date(`${today}T00:00:00Z`);
    const ahead = (target[0] - d.getUTCDay() + 7) % 7 || 7;
    d.setUTCDate(d.getUTCDate() + ahead);
    this.now.value = `${d.toISOString().slice(0, 10)}T${target[1]}`;
  }

  showWeekday() {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(this.now.value);
    this.weekday.textContent = m
      ? new Intl.DateTimeFormat(LOCALE, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])))
      : "";
  }

  config() {
    const span = (k) => ($(`h-${k}-open`).checked ? [`${$(`h-${k}-from`).value}-${$(`h-${k}-to`).value}`] : []);
    const weekdays = span("weekdays");
    return {
      locale: LOCALE,
      timezone: this.tz.value,
      hours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: span("sat"), sun: span("sun") },
      holidays: { dates: [], national: $("ctx-holidays").checked ? ["BR"] : [] },
      surface: $("ctx-platform").checked ? "platform" : "app",
    };
  }

  /** Check options for an outbound message, or null while the clock is empty. */
  options() {
    const tz = this.tz.value;
    const nowMs = wallToInstant(this.now.value, tz) ?? Date.now();
    const optIn = $("ctx-optin").value;
    const inbound = $("ctx-inbound").value;
    return {
      direction: "outbound",
      locale: LOCALE,
      context: {
        now: rfc3339(nowMs, tz),
        contact: {
          opt_in: optIn,
          opt_in_at: optIn === "granted" ? rfc3339(nowMs - 30 * 24 * 60 * MINUTE, tz) : null,
          opted_out_at: $("ctx-optedout").checked ? rfc3339(nowMs - 60 * MINUTE, tz) : null,
          last_inbound_at: inbound === "never" ? null : rfc3339(nowMs - Number(inbound) * MINUTE, tz),
        },
      },
    };
  }

  /** Applies an example's context preset on top of the defaults. */
  apply(preset) {
    $("ctx-optin").value = preset.optIn ?? "granted";
    $("ctx-optedout").checked = Boolean(preset.optedOut);
    $("ctx-inbound").value = preset.lastInbound ?? "10";
    const platform = preset.surface === "platform";
    $("ctx-platform").checked = platform;
    $("ctx-app").checked = !platform;
    this.setClock(preset.clock ?? "tue10");
    this.changed(true);
  }
}

// ---------------------------------------------------------------- pages

async function loadEngine() {
  const t0 = performance.now();
  await init();
  return { ms: Math.round(performance.now() - t0), version: version() };
}

function failAll(composers) {
  for (const c of composers) c.setSummary(S.loadFailed, "error");
}

async function home() {
  const root = document.querySelector('[data-composer="hero"]');
  if (!root) return;
  const composer = new Composer(root, { options: () => ({ direction: "outbound", locale: LOCALE }) });
  try {
    await loadEngine();
    composer.setEngine(new Engine({ locale: LOCALE }));
  } catch (err) {
    console.error(err);
    failAll([composer]);
  }
}

async function demo() {
  let engine = null;
  const controls = new ContextControls((configChanged) => {
    if (configChanged) rebuild();
    outbound.update();
  });
  const outbound = new Composer(document.querySelector('[data-composer="demo"]'), { options: () => controls.options() });

  const applyBtn = $("inbound-apply");
  let pendingApply = null;
  const inbound = new Composer(document.querySelector('[data-composer="inbound"]'), {
    options: () => ({ direction: "inbound", locale: LOCALE }),
    summary: (findings, text) => {
      const cats = new Set(findings.map((f) => f.category));
      const kind = cats.has("opt_out") ? "opt_out" : cats.has("opt_in") ? "opt_in" : text.trim() ? "none" : "empty";
      inbound.summary.dataset.classification = kind;
      pendingApply = kind === "opt_out" || kind === "opt_in" ? kind : null;
      applyBtn.hidden = !pendingApply;
      if (pendingApply) applyBtn.textContent = kind === "opt_out" ? S.applyOptOut : S.applyOptIn;
      const label = { opt_out: S.inboundOptOut, opt_in: S.inboundOptIn, none: S.inboundNone, empty: S.inboundEmpty }[kind];
      return [label, kind];
    },
  });
  applyBtn.addEventListener("click", () => {
    if (pendingApply === "opt_out") {
      $("ctx-optedout").checked = true;
    } else if (pendingApply === "opt_in") {
      $("ctx-optin").value = "granted";
      $("ctx-optedout").checked = false;
    }
    controls.status.textContent = S.applied;
    outbound.update();
  });

  function rebuild() {
    let next;
    try {
      next = new Engine(controls.config());
    } catch (err) {
      controls.status.textContent = `${S.configError} ${err?.message ?? err}`;
      controls.status.dataset.state = "error";
      return;
    }
    engine?.free();
    engine = next;
    controls.status.textContent = S.configOk;
    controls.status.dataset.state = "ok";
    outbound.setEngine(engine);
    inbound.setEngine(engine);
  }

  // Examples: one click loads a message (and its context preset) into the right box.
  for (const btn of document.querySelectorAll("[data-example]")) {
    btn.addEventListener("click", () => {
      const ex = ui.examples[Number(btn.dataset.example)];
      if (!ex) return;
      if (ex.context) controls.apply(ex.context);
      const target = ex.direction === "inbound" ? inbound : outbound;
      target.setText(ex.text);
      target.input.focus();
    });
  }

  // `?text=` (links from the rule catalog) preloads the compose box.
  const preset = new URLSearchParams(location.search).get("text");
  if (preset) outbound.input.value = preset;

  try {
    const info = await loadEngine();
    $("engine-status").textContent = fmt(S.engineReady, { v: info.version, ms: info.ms });
    rebuild();
    if (!engine) engine = new Engine({ locale: LOCALE });
    outbound.setEngine(engine);
    inbound.setEngine(engine);
  } catch (err) {
    console.error(err);
    failAll([outbound, inbound]);
  }
}

if (ui.page === "home") home();
else if (ui.page === "demo") demo();
