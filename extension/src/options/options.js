// Options page: every setting, the opt-in registry, the audit log, import/export.
// Saves each control on change, after validating it locally and with the engine;
// errors show next to the field they name (aria-describedby), saves are announced
// in a live region, managed (admin) values are disabled with a note.
import * as store from "../lib/storage.js";
import { previewCsv } from "../lib/registry.js";
import { auditToCsv } from "../lib/audit.js";
import { loadMessages } from "../lib/i18n.js";

const api = globalThis.browser ?? globalThis.chrome;
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

let t = (key) => key;
let current = null; // merged settings with `locked`
let engine = null; // the packaged engine module, or null when it cannot load
let catalog = []; // engine rules()
let packsSupported = false; // the engine understands custom terms (packs)

const TIMEZONES = [
  "America/Sao_Paulo", "America/Manaus", "America/Belem", "America/Fortaleza", "America/Recife", "America/Cuiaba",
  "America/Porto_Velho", "America/Rio_Branco", "America/Noronha", "America/Argentina/Buenos_Aires", "America/Mexico_City",
  "America/Bogota", "America/Lima", "America/Santiago", "America/Montevideo", "America/Asuncion", "America/Caracas",
  "Europe/Madrid", "Atlantic/Canary", "Europe/Lisbon", "America/New_York", "America/Los_Angeles", "UTC",
];

// ---------------------------------------------------------------------------
// Announcements and errors
// ---------------------------------------------------------------------------

let liveTimer = 0;
function announce(text) {
  const live = $("#live");
  live.textContent = "";
  // A fresh text node each time so screen readers repeat identical messages.
  requestAnimationFrame(() => {
    live.textContent = text;
  });
  clearTimeout(liveTimer);
  liveTimer = setTimeout(() => (live.textContent = ""), 6000);
}

function fieldId(field) {
  return "err-" + String(field).replace(/[^A-Za-z0-9_-]/g, "_");
}

/** The element whose data-field is the longest prefix of `field`. */
function controlFor(field) {
  let best = null;
  for (const el of $$("[data-field]")) {
    const df = el.dataset.field;
    if (field === df || field.startsWith(df + ".") || field.startsWith(df + "[")) {
      if (!best || df.length > best.dataset.field.length) best = el;
    }
  }
  return best;
}

/** Localized text for a validation error `{field, message}`. */
function errorText({ field, message }) {
  if (/administrator/.test(message ?? "")) return t("optLocked");
  const f = String(field);
  const table = [
    [/^language/, "optErrLanguage"],
    [/^timezone/, "optErrTimezone"],
    [/^hours/, "optErrHours"],
    [/^holidays\.dates/, "optErrDate"],
    [/^holidays\.national/, "optErrNational"],
    [/^customTerms/, "optErrTerm"],
    [/^allowList/, "optErrAllow"],
    [/^bulk\.max_contacts/, "optErrBulkMax"],
    [/^bulk\.window_minutes/, "optErrBulkWindow"],
    [/\.pattern$/, "optErrPattern"],
    [/\.(composer|send)$/, "optErrSelector"],
    [/\.name$|^site\.id$/, "optErrRequired"],
    [/^auditRetentionDays/, "optErrRetention"],
    [/^(manual|link)\.phone/, "optErrPhone"],
    [/^(manual|link)\.(name|contact)|^manual\.contact/, "optErrContact"],
  ];
  for (const [re, key] of table) if (re.test(f)) return t(key);
  return t("optErrGeneric", message ?? f);
}

function showErrors(errors, fallbackField) {
  for (const err of errors) {
    const el = controlFor(err.field) ?? (fallbackField ? controlFor(fallbackField) : null);
    if (!el) {
      showLoadError(errorText(err));
      continue;
    }
    setFieldError(el, errorText(err));
  }
}

function setFieldError(el, text) {
  const id = fieldId(el.dataset.field);
  let p = document.getElementById(id);
  if (!p) {
    p = document.createElement("p");
    p.id = id;
    p.className = "error";
    // Inside a group (fieldset/div/list) itself, else right after the control in its .field.
    const anchor = el.matches("fieldset, div, ul") ? el : el.closest(".field") ?? el.parentElement;
    anchor.append(p);
  }
  p.textContent = text;
  el.setAttribute("aria-invalid", "true");
  addDescribedBy(el, id);
}

function clearErrors(prefix) {
  for (const el of $$("[data-field]")) {
    const df = el.dataset.field;
    if (prefix && !(df === prefix || df.startsWith(prefix + ".") || df.startsWith(prefix + "[") || prefix.startsWith(df + ".") )) continue;
    const id = fieldId(df);
    document.getElementById(id)?.remove();
    el.removeAttribute("aria-invalid");
    removeDescribedBy(el, id);
  }
}

function addDescribedBy(el, id) {
  const ids = new Set((el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean));
  ids.add(id);
  el.setAttribute("aria-describedby", [...ids].join(" "));
}

function removeDescribedBy(el, id) {
  const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((x) => x && x !== id);
  if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
  else el.removeAttribute("aria-describedby");
}

function showLoadError(text) {
  const p = $("#load-error");
  p.textContent = text;
  p.hidden = false;
}

// ---------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------

/** Engine validation of settings merged with `partial`: `[{field, message}]` in settings paths. */
function engineErrors(partial) {
  if (!engine?.validateConfig) return [];
  const candidate = { ...current, ...partial };
  // Unknown (stale) rule ids are dropped the same way the content script drops them.
  const knownIds = [...catalog.map((r) => r.id), ...(engine.categories?.() ?? []).map((c) => c.id)];
  const config = store.toEngineConfig(candidate, { uiLanguage: api?.i18n?.getUILanguage?.(), knownIds, packs: packsSupported });
  let res;
  try {
    res = engine.validateConfig(config);
  } catch (err) {
    return [{ field: "settings", message: String(err?.message ?? err) }];
  }
  return res?.type === "failure" ? res.errors.map((e) => ({ field: store.engineFieldToSetting(e.field) ?? "settings", message: e.message })) : [];
}

const rootKey = (field) => String(field).split(/[.[]/)[0];

/**
 * Validates and saves some settings; `field` is the control's data-field for
 * errors that name no field of their own.
 * @returns {Promise<boolean>} saved or not
 */
async function commit(partial, field) {
  const keys = Object.keys(partial);
  for (const k of keys) clearErrors(k === "sites" ? "sites" : k);
  // Engine errors about other settings (e.g. an imported time zone the engine does not
  // know) are shown where they belong but do not block saving this change.
  const fromEngine = engineErrors(partial);
  const errors = [...store.validateSettings(partial), ...fromEngine.filter((e) => keys.includes(rootKey(e.field)))];
  const elsewhere = fromEngine.filter((e) => !keys.includes(rootKey(e.field)));
  if (elsewhere.length) showErrors(elsewhere);
  if (errors.length) {
    showErrors(errors, field);
    announce(t("optNotSaved"));
    return false;
  }
  try {
    current = await store.saveSettings(partial);
  } catch (err) {
    showErrors(err.errors ?? [{ field: field ?? keys[0], message: String(err?.message ?? err) }], field);
    announce(t("optNotSaved"));
    return false;
  }
  if ("language" in partial) {
    t = await loadMessages(current.language);
    applyI18n();
    await renderAll();
    $("#language").focus();
  }
  announce(t("optSaved"));
  return true;
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

function applyI18n() {
  document.documentElement.lang = t.lang ?? "pt-BR";
  for (const el of $$("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  document.title = t("optTitle");
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

const DAY_KEYS = { mon: "dayMon", tue: "dayTue", wed: "dayWed", thu: "dayThu", fri: "dayFri", sat: "daySat", sun: "daySun" };
const COUNTRY_KEYS = { BR: "countryBR", ES: "countryES", AR: "countryAR", MX: "countryMX" };

function severityOptions(select, value, withDefault) {
  select.replaceChildren();
  if (withDefault) select.append(el("option", { value: "", text: t("optSeverityDefault", t("severity_" + withDefault)) }));
  for (const s of store.SEVERITIES) select.append(el("option", { value: s, text: t("severity_" + s) }));
  select.value = value ?? "";
}

function renderGeneral() {
  $("#language").value = current.language;
  for (const r of $$("input[name=surface]")) r.checked = r.value === current.surface;
  for (const r of $$("input[name=failMode]")) r.checked = r.value === current.failMode;
}

function renderHours() {
  $("#timezone").value = current.timezone;
  const list = $("#tz-list");
  if (!list.children.length) for (const z of TIMEZONES) list.append(el("option", { value: z }));
  const box = $("#hours-days");
  box.replaceChildren();
  for (const day of store.DAYS) {
    const id = "hours-" + day;
    box.append(
      el("div", { class: "field" },
        el("label", { for: id, text: t(DAY_KEYS[day]) }),
        el("input", { id, value: (current.hours[day] ?? []).join(", "), spellcheck: "false", "aria-describedby": "hours-hint", dataset: { field: "hours." + day, day }, onchange: saveHours })),
    );
  }
  const nat = $("#national-list");
  nat.replaceChildren();
  for (const code of store.NATIONAL_HOLIDAYS) {
    const id = "nat-" + code;
    nat.append(el("label", { for: id }, el("input", { type: "checkbox", id, value: code, checked: current.holidays.national.includes(code), onchange: saveHolidays }), " " + t(COUNTRY_KEYS[code])));
  }
  $("#holiday-dates").value = (current.holidays.dates ?? []).join("\n");
}

function saveHours() {
  const hours = {};
  for (const day of store.DAYS) {
    hours[day] = $("#hours-" + day).value.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean);
  }
  return commit({ hours }, "hours");
}

function saveHolidays() {
  const national = $$("#national-list input:checked").map((i) => i.value);
  const dates = $("#holiday-dates").value.split(/\s*[\n,;]\s*/).map((s) => s.trim()).filter(Boolean);
  return commit({ holidays: { dates, national } }, "holidays");
}

function ruleLocked(id) {
  return current.locked.includes("rules." + id) || current.locked.includes("rules");
}

function renderRules() {
  const box = $("#rules-list");
  box.replaceChildren();
  if (!catalog.length) {
    box.append(el("p", { class: "error", text: t("optEngineMissing") }));
    return;
  }
  const lang = t.lang ?? "pt-BR";
  const byCat = new Map();
  for (const r of catalog) {
    if (!byCat.has(r.category)) byCat.set(r.category, []);
    byCat.get(r.category).push(r);
  }
  for (const [cat, rules] of byCat) {
    const catOv = current.rules[cat] ?? {};
    const catOn = catOv.enabled !== false;
    const catId = "cat-" + cat.replace(/\W/g, "_");
    const fs = el("fieldset", { class: "field rule-cat", dataset: { field: "rules." + cat } });
    fs.append(el("legend", {}, el("input", { type: "checkbox", id: catId, checked: catOn, disabled: ruleLocked(cat), dataset: { cat }, onchange: (e) => saveRule(cat, { enabled: e.target.checked ? undefined : false }) }), " ", el("label", { for: catId, text: catName(cat) })));
    if (ruleLocked(cat)) lockNote(fs, "rules." + cat);
    for (const r of rules) {
      const ov = current.rules[r.id] ?? {};
      const rid = "rule-" + r.id.replace(/\W/g, "_");
      const enabled = ov.enabled ?? r.enabled;
      const row = el("div", { class: "rule", dataset: { field: "rules." + r.id } });
      const locked = ruleLocked(r.id) || ruleLocked(cat);
      const check = el("input", { type: "checkbox", id: rid, checked: enabled, disabled: locked || !catOn, dataset: { rule: r.id }, "aria-describedby": rid + "-policy", onchange: (e) => saveRule(r.id, { enabled: e.target.checked === r.enabled ? undefined : e.target.checked }) });
      const sel = el("select", { id: rid + "-sev", disabled: locked || !catOn, dataset: { ruleSeverity: r.id }, onchange: (e) => saveRule(r.id, { severity: e.target.value || undefined }) });
      severityOptions(sel, ov.severity, r.severity);
      row.append(
        el("div", { class: "check" }, check, el("label", { for: rid }, el("code", { text: r.id }))),
        el("div", { class: "field" }, el("label", { for: rid + "-sev", text: t("optSeverityOf", r.id) }), sel),
        el("p", { class: "hint", id: rid + "-policy", text: r.policy?.[lang] ?? r.policy?.en ?? "" }),
      );
      if (locked) lockNote(row, "rules." + r.id);
      fs.append(row);
    }
    box.append(fs);
  }
}

function saveRule(id, change) {
  const rules = structuredClone(current.rules);
  const next = { ...(rules[id] ?? {}), ...change };
  for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
  if (Object.keys(next).length) rules[id] = next;
  else delete rules[id];
  // Locked rule entries come from the admin; never write them into the user's settings.
  for (const key of Object.keys(rules)) if (ruleLocked(key)) delete rules[key];
  return commit({ rules }, "rules." + id).then((ok) => {
    renderRules();
    if (!ok) {
      const target = controlFor("rules." + id);
      if (target) setFieldError(target, t("optNotSaved"));
    }
    $(`[data-rule="${CSS.escape(id)}"], [data-cat="${CSS.escape(id)}"]`)?.focus();
    return ok;
  });
}

/** Localized name of a category id (the id itself when unknown). */
function catName(id) {
  const key = "cat_" + String(id).replace(/\./g, "_");
  const text = t(key);
  return text === key ? id : text;
}

function renderTerms() {
  const body = $("#terms-body");
  body.replaceChildren();
  severityOptions($("#term-sev"), "warn");
  const cats = $("#term-cat");
  const keep = cats.value || "custom";
  cats.replaceChildren(el("option", { value: "custom", text: t("cat_custom") }));
  for (const c of engine?.categories?.() ?? []) {
    if (c.group === "commerce" || c.group === "conduct") cats.append(el("option", { value: c.id, text: catName(c.id) }));
  }
  cats.value = keep;
  current.customTerms.forEach((term, i) => {
    body.append(
      el("tr", {},
        el("td", { text: term.term }),
        el("td", { text: catName(term.category ?? "custom") }),
        el("td", { text: (term.category ?? "custom") === "custom" ? t("severity_" + (term.severity ?? "warn")) : "—" }),
        el("td", { text: term.note ?? "" }),
        el("td", {}, el("button", { type: "button", class: "secondary", "aria-label": t("optRemoveNamed", term.term), text: t("optRemove"), disabled: current.locked.includes("customTerms"), onclick: () => {
          const customTerms = current.customTerms.filter((_, j) => j !== i);
          commit({ customTerms }, "customTerms").then(() => {
            renderTerms();
            $("#term-new").focus();
          });
        } })),
      ),
    );
  });
  $("#allow-list").value = current.allowList.join("\n");
}

function renderBulk() {
  $("#bulk-max").value = current.bulk.max_contacts;
  $("#bulk-window").value = current.bulk.window_minutes;
}

function renderSites() {
  const list = $("#sites-list");
  list.replaceChildren();
  for (const site of current.sites) {
    list.append(
      el("li", {},
        el("strong", { text: site.name }), " ",
        el("code", { text: site.pattern }),
        el("p", { class: "hint", text: t("optSiteSummary", t(site.preset === "custom" ? "optPresetCustom" : site.preset === "textarea" ? "optPresetTextarea" : "optPresetEditable"), site.composer, site.send) }),
        el("button", { type: "button", class: "secondary", "aria-label": t("optRemoveNamed", site.name), text: t("optRemove"), disabled: current.locked.includes("sites"), onclick: () => removeSite(site) }),
      ),
    );
  }
  if (!current.sites.length) list.append(el("li", { class: "muted", text: t("optSitesEmpty") }));
}

function applyPreset() {
  const preset = $("#site-preset").value;
  const p = store.PRESETS[preset];
  const custom = preset === "custom";
  for (const id of ["#site-composer", "#site-send"]) $(id).readOnly = !custom;
  if (p) {
    $("#site-composer").value = p.composer;
    $("#site-send").value = p.send;
  }
}

/** Host permission origins of a match pattern (the path does not matter for permissions). */
function originOf(pattern) {
  const m = pattern.match(/^(https?:\/\/[^/]+)\//i);
  return m ? m[1].replace(/:\d+$/, "") + "/*" : pattern;
}

async function addSite(ev) {
  ev.preventDefault();
  clearErrors("site");
  const site = {
    id: "site-" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6),
    name: $("#site-name").value.trim(),
    pattern: $("#site-pattern").value.trim(),
    preset: $("#site-preset").value,
    composer: $("#site-composer").value.trim(),
    send: $("#site-send").value.trim(),
  };
  const errors = store.validateSite(site, "site");
  if (errors.length) {
    showErrors(errors);
    announce(t("optNotSaved"));
    controlFor(errors[0].field)?.focus();
    return;
  }
  let granted = false;
  try {
    // Must run inside the click: browsers only show the prompt for a user gesture.
    granted = await api.permissions.request({ origins: [originOf(site.pattern)] });
  } catch (err) {
    showErrors([{ field: "site.pattern", message: String(err?.message ?? err) }]);
    announce(t("optNotSaved"));
    return;
  }
  if (!granted) {
    setFieldError(controlFor("site.pattern"), t("optPermissionDenied"));
    announce(t("optPermissionDenied"));
    return;
  }
  if (await commit({ sites: [...current.sites, site] }, "site.pattern")) {
    $("#site-form").reset();
    applyPreset();
    renderSites();
  }
}

async function removeSite(site) {
  if (await commit({ sites: current.sites.filter((s) => s.id !== site.id) }, "sites")) {
    // Drop the host permission unless another site still needs the same origin.
    const origin = originOf(site.pattern);
    if (!current.sites.some((s) => originOf(s.pattern) === origin)) api.permissions?.remove?.({ origins: [origin] }).catch?.(() => {});
    renderSites();
    $("#site-name").focus();
  }
}

// ---------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------

const fmt = (iso) => {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(t.lang ?? "pt-BR", { dateStyle: "short", timeStyle: "short" });
};

const REGISTRY_SHOWN = 500;

async function renderRegistry() {
  const entries = await store.listRegistry();
  const body = $("#registry-body");
  body.replaceChildren();
  const q = $("#registry-filter").value.trim().toLowerCase();
  const digits = q.replace(/\D/g, "");
  const shown = q ? entries.filter((e) => (e.name ?? "").toLowerCase().includes(q) || (digits && (e.phone ?? "").includes(digits))) : entries;
  for (const e of shown.slice(0, REGISTRY_SHOWN)) {
    const who = e.name || e.phone;
    body.append(
      el("tr", { dataset: { key: e.key } },
        el("td", { text: e.name ?? "—" }),
        el("td", { text: e.phone ?? "—" }),
        el("td", { text: t("status_" + e.status) }),
        el("td", {}, el("time", { datetime: e.at, text: fmt(e.at) })),
        el("td", { text: t("source_" + e.source) }),
        el("td", { text: fmt(e.lastInboundAt) }),
        el("td", { class: "actions" },
          el("button", { type: "button", class: "secondary", text: t("status_opt_in"), "aria-label": t("optMarkIn", who), disabled: e.status === "opt_in", onclick: () => mark(e, "opt_in") }),
          el("button", { type: "button", class: "secondary", text: t("status_opt_out"), "aria-label": t("optMarkOut", who), disabled: e.status === "opt_out", onclick: () => mark(e, "opt_out") }),
          el("button", { type: "button", class: "secondary", text: t("optRemove"), "aria-label": t("optRemoveNamed", who), onclick: async () => {
            await store.removeContact(e.key);
            announce(t("optRemoved", who));
            await renderRegistry();
            $("#man-phone").focus();
          } }),
        ),
      ),
    );
  }
  if (shown.length > REGISTRY_SHOWN) body.append(el("tr", {}, el("td", { colspan: "7", class: "muted", text: t("optRegistryMore", shown.length - REGISTRY_SHOWN) })));
  $("#registry-empty").hidden = shown.length > 0;
  $("#registry-empty").textContent = entries.length ? t("optRegistryNoMatch") : t("optRegistryEmpty");
  $("#registry-table").hidden = shown.length === 0;
  const names = $("#name-list");
  names.replaceChildren(...entries.filter((e) => !e.phone && e.name).map((e) => el("option", { value: e.name })));
}

async function mark(entry, status) {
  await store.setContactStatus({ phone: entry.phone, name: entry.name }, status, "manual");
  announce(t(status === "opt_in" ? "optMarkedIn" : "optMarkedOut", entry.name || entry.phone));
  await renderRegistry();
  $(`#registry-body tr[data-key="${CSS.escape(entry.key)}"] button:not([disabled])`)?.focus();
}

async function manualSubmit(ev) {
  ev.preventDefault();
  clearErrors("manual");
  const phone = $("#man-phone").value.trim();
  const name = $("#man-name").value.trim();
  const status = $("input[name=man-status]:checked").value;
  if (phone && !store.normalizePhone(phone)) {
    setFieldError(controlFor("manual.phone"), t("optErrPhone"));
    $("#man-phone").focus();
    return announce(t("optNotSaved"));
  }
  try {
    const entry = await store.setContactStatus({ phone: phone || null, name: name || null }, status, "manual");
    announce(t(status === "opt_in" ? "optMarkedIn" : "optMarkedOut", entry?.name || entry?.phone));
    $("#manual-form").reset();
    await renderRegistry();
  } catch (err) {
    setFieldError(controlFor("manual." + (err.field === "contact" ? "phone" : err.field ?? "phone")), errorText({ field: "manual." + (err.field ?? "contact"), message: err.message }));
    announce(t("optNotSaved"));
  }
}

async function linkSubmit(ev) {
  ev.preventDefault();
  clearErrors("link");
  const name = $("#link-name").value.trim();
  const phone = $("#link-phone").value.trim();
  try {
    const entry = await store.linkContact(name, phone);
    if (!entry) {
      setFieldError(controlFor("link.name"), t("optLinkNone"));
      return announce(t("optLinkNone"));
    }
    announce(t("optLinked", name, entry.phone));
    $("#link-form").reset();
    await renderRegistry();
  } catch (err) {
    setFieldError(controlFor("link." + (err.field ?? "phone")), errorText({ field: "link." + (err.field ?? "phone"), message: err.message }));
    announce(t("optNotSaved"));
  }
}

let pendingPreview = null;

async function csvChosen() {
  const file = $("#csv-file").files?.[0];
  if (!file) return;
  const preview = previewCsv(await file.text(), { region: $("#csv-region").value });
  pendingPreview = preview;
  const valid = preview.rows.filter((r) => !r.errors.length).length;
  const bad = preview.rows.length - valid;
  $("#csv-summary").textContent = t("optCsvSummary", valid, bad);
  $("#csv-file-errors").replaceChildren(...preview.fileErrors.map((e) => el("li", { class: "error", text: t("csvErr_" + e.code) })));
  const body = $("#csv-body");
  body.replaceChildren();
  for (const row of preview.rows) {
    const result = row.errors.length ? row.errors.map((e) => t("csvErr_" + e.code, e.value ?? "")).join(" ") : t("optCsvOk");
    body.append(
      el("tr", { class: row.errors.length ? "bad" : "", dataset: { line: String(row.line) } },
        el("td", { text: String(row.line) }),
        el("td", { text: row.name ?? "—" }),
        el("td", { text: row.phone ?? "—" }),
        el("td", { text: row.status ? t("status_" + row.status) : "—" }),
        el("td", { class: row.errors.length ? "error" : "", text: result }),
      ),
    );
  }
  const apply = $("#csv-apply");
  apply.textContent = t("optCsvApply", valid);
  apply.disabled = valid === 0;
  $("#csv-preview").hidden = false;
  $("#csv-preview-title").focus();
  announce($("#csv-summary").textContent);
}

async function csvApply() {
  if (!pendingPreview) return;
  const n = await store.importRegistryCsv(pendingPreview);
  pendingPreview = null;
  $("#csv-preview").hidden = true;
  $("#csv-file").value = "";
  await renderRegistry();
  announce(t("optCsvImported", n));
  $("#csv-file").focus();
}

function csvCancel() {
  pendingPreview = null;
  $("#csv-preview").hidden = true;
  $("#csv-file").value = "";
  $("#csv-file").focus();
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const today = () => store.dayOf();

// ---------------------------------------------------------------------------
// Audit
// ---------------------------------------------------------------------------

async function renderAudit() {
  $("#audit-text").checked = current.auditText;
  $("#audit-days").value = current.auditRetentionDays;
  const list = await store.listAudit();
  const body = $("#audit-body");
  body.replaceChildren();
  for (const e of list.slice(-100).reverse()) {
    body.append(
      el("tr", {},
        el("td", {}, el("time", { datetime: e.ts, text: fmt(e.ts) })),
        el("td", {}, el("code", { text: e.rule })),
        el("td", { text: t("action_" + e.action) }),
        el("td", { text: e.reason ?? "" }),
        el("td", {}, el("code", { title: e.contact ?? "", text: e.contact ? e.contact.slice(0, 12) + "…" : "—" })),
      ),
    );
  }
  $("#audit-empty").hidden = list.length > 0;
  $("#audit-table").hidden = list.length === 0;
}

let clearArmed = false;
async function auditClear() {
  const btn = $("#audit-clear");
  if (!clearArmed) {
    clearArmed = true;
    btn.textContent = t("optAuditClearConfirm");
    announce(t("optAuditClearConfirm"));
    setTimeout(() => {
      clearArmed = false;
      btn.textContent = t("optAuditClear");
    }, 5000);
    return;
  }
  clearArmed = false;
  await store.clearAudit();
  btn.textContent = t("optAuditClear");
  await renderAudit();
  announce(t("optAuditCleared"));
}

// ---------------------------------------------------------------------------
// JSON import / export
// ---------------------------------------------------------------------------

async function jsonChosen() {
  const input = $("#json-file");
  const file = input.files?.[0];
  const list = $("#json-errors");
  list.replaceChildren();
  input.removeAttribute("aria-invalid");
  if (!file) return;
  try {
    const summary = await store.importAll(await file.text());
    current = await store.getSettings();
    t = await loadMessages(current.language);
    applyI18n();
    await renderAll();
    announce(t("optJsonImported", summary.contacts, summary.audit));
  } catch (err) {
    const errors = err.errors ?? [{ field: "file", message: String(err?.message ?? err) }];
    list.replaceChildren(el("li", { class: "error", text: t("optJsonErrors") }), ...errors.map((e) => el("li", { class: "error" }, el("code", { text: e.field }), " — " + e.message)));
    input.setAttribute("aria-invalid", "true");
    announce(t("optJsonErrors"));
  }
  input.value = "";
}

// ---------------------------------------------------------------------------
// Locks (managed settings)
// ---------------------------------------------------------------------------

function lockNote(container, key) {
  const id = "lock-" + key.replace(/[^A-Za-z0-9_-]/g, "_");
  if (document.getElementById(id)) return;
  container.append(el("p", { class: "locked-note", id, text: t("optLocked") }));
  for (const c of $$("input, select, textarea, button", container)) addDescribedBy(c, id);
}

function applyLocks() {
  $$(".locked-note").forEach((n) => n.remove());
  const anyLocked = current.locked.length > 0;
  $("#managed-banner").hidden = !anyLocked;
  for (const box of $$("[data-setting]")) {
    const key = box.dataset.setting;
    const locked = current.locked.includes(key);
    const controls = box.matches("input, select, textarea") ? [box] : $$("input, select, textarea, button", box);
    for (const c of controls) {
      if (locked) c.disabled = true;
      else if (c.dataset.lockedByAdmin) c.disabled = false;
      if (locked) c.dataset.lockedByAdmin = "1";
      else delete c.dataset.lockedByAdmin;
    }
    if (locked) lockNote(box.matches("input, select, textarea") ? box.closest(".field") : box, key);
  }
  renderRules();
}

// ---------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------

async function renderAll() {
  renderGeneral();
  renderHours();
  renderTerms();
  renderBulk();
  renderSites();
  applyPreset();
  applyLocks();
  await Promise.all([renderRegistry(), renderAudit()]);
}

function wire() {
  $("#language").addEventListener("change", (e) => commit({ language: e.target.value }, "language"));
  for (const r of $$("input[name=surface]")) r.addEventListener("change", (e) => commit({ surface: e.target.value }, "surface"));
  for (const r of $$("input[name=failMode]")) r.addEventListener("change", (e) => commit({ failMode: e.target.value }, "failMode"));
  $("#timezone").addEventListener("change", (e) => commit({ timezone: e.target.value.trim() }, "timezone"));
  $("#holiday-dates").addEventListener("change", saveHolidays);
  $("#term-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    clearErrors("customTerms.new");
    const term = $("#term-new").value.trim();
    if (!term) {
      setFieldError(controlFor("customTerms.new"), t("optErrTerm"));
      return $("#term-new").focus();
    }
    const entry = { term, category: $("#term-cat").value || "custom", severity: $("#term-sev").value };
    const note = $("#term-note").value.trim();
    if (note) entry.note = note;
    if (await commit({ customTerms: [...current.customTerms, entry] }, "customTerms.new")) {
      $("#term-form").reset();
      renderTerms();
      $("#term-new").focus();
    }
  });
  $("#allow-list").addEventListener("change", (e) => commit({ allowList: e.target.value.split("\n").map((s) => s.trim()).filter(Boolean) }, "allowList"));
  const bulk = () => commit({ bulk: { max_contacts: Number($("#bulk-max").value), window_minutes: Number($("#bulk-window").value) } }, "bulk");
  $("#bulk-max").addEventListener("change", bulk);
  $("#bulk-window").addEventListener("change", bulk);
  $("#site-preset").addEventListener("change", applyPreset);
  $("#site-form").addEventListener("submit", addSite);
  $("#manual-form").addEventListener("submit", manualSubmit);
  $("#link-form").addEventListener("submit", linkSubmit);
  let filterTimer = 0;
  $("#registry-filter").addEventListener("input", () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(renderRegistry, 150);
  });
  $("#csv-file").addEventListener("change", csvChosen);
  $("#csv-apply").addEventListener("click", csvApply);
  $("#csv-cancel").addEventListener("click", csvCancel);
  $("#csv-export").addEventListener("click", async () => {
    download(`conforma-optin-${today()}.csv`, await store.exportRegistryCsv(), "text/csv;charset=utf-8");
    announce(t("optExported"));
  });
  $("#audit-text").addEventListener("change", (e) => commit({ auditText: e.target.checked }, "auditText"));
  $("#audit-days").addEventListener("change", async (e) => {
    if (await commit({ auditRetentionDays: Number(e.target.value) }, "auditRetentionDays")) {
      await store.pruneStoredAudit();
      await renderAudit();
    }
  });
  $("#audit-export").addEventListener("click", async () => {
    download(`conforma-audit-${today()}.csv`, auditToCsv(await store.listAudit()), "text/csv;charset=utf-8");
    announce(t("optExported"));
  });
  $("#audit-clear").addEventListener("click", auditClear);
  $("#json-export").addEventListener("click", async () => {
    download(`conforma-${today()}.json`, JSON.stringify(await store.exportAll(), null, 2), "application/json");
    announce(t("optExported"));
  });
  $("#json-file").addEventListener("change", jsonChosen);
  // Contacts and audit entries also arrive from WhatsApp tabs while this page is open.
  let tablesTimer = 0;
  api.storage?.onChanged?.addListener((changes, area) => {
    if (area !== "local" || !(changes.registry || changes.audit)) return;
    clearTimeout(tablesTimer);
    tablesTimer = setTimeout(() => {
      if (changes.registry && !document.activeElement?.closest("#registry-table")) renderRegistry();
      if (changes.audit) renderAudit();
    }, 300);
  });
  store.onSettingsChanged((s) => {
    const lockChanged = JSON.stringify(s.locked) !== JSON.stringify(current?.locked);
    current = s;
    if (lockChanged) renderAll();
  });
}

async function start() {
  try {
    current = await store.getSettings();
    t = await loadMessages(current.language);
    applyI18n();
    try {
      engine = await import("../../engine/conforma.js");
      await engine.default({ module_or_path: api.runtime.getURL("engine/conforma_bg.wasm") });
      catalog = engine.rules().filter((r) => !r.id.startsWith("custom."));
      packsSupported = store.supportsPacks(engine);
      $("#packs-note").hidden = packsSupported;
      $("#engine-line").textContent = t("optEngineVersion", engine.version());
    } catch (err) {
      engine = null;
      $("#engine-line").textContent = t("optEngineMissing");
      console.error("conforma: engine", err);
    }
    wire();
    await renderAll();
    document.body.dataset.ready = "true";
  } catch (err) {
    showLoadError(String(err?.message ?? err));
    console.error(err);
  } finally {
    $("#main").removeAttribute("aria-busy");
  }
}

start();
