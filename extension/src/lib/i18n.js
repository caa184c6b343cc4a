// Runtime translations. The browser's chrome.i18n follows the browser language only, but the
// agent's language setting (pt-BR | es | en | auto) must apply at once, so we read the packaged
// _locales/<lang>/messages.json ourselves (a packaged file: no network).
const api = globalThis.browser ?? globalThis.chrome;

/** Supported UI languages, as engine locale tags. */
export const LANGS = ["pt-BR", "es", "en"];
const DIRS = { "pt-BR": "pt_BR", es: "es", en: "en" };
const cache = new Map();

/**
 * Maps a language setting to a supported tag. `auto` follows the browser UI language;
 * anything unknown falls back to pt-BR (the product's first market).
 * @param {string | undefined | null} lang
 * @returns {"pt-BR" | "es" | "en"}
 */
export function resolveLang(lang) {
  let tag = lang && lang !== "auto" ? lang : (api?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language ?? "pt-BR");
  tag = String(tag).toLowerCase();
  if (tag.startsWith("es")) return "es";
  if (tag.startsWith("en")) return "en";
  return "pt-BR";
}

async function fetchMessages(tag) {
  if (!cache.has(tag)) {
    const url = api.runtime.getURL(`_locales/${DIRS[tag]}/messages.json`);
    cache.set(
      tag,
      fetch(url).then((r) => {
        if (!r.ok) throw new Error(`cannot read ${url}: HTTP ${r.status}`);
        return r.json();
      }),
    );
  }
  return cache.get(tag);
}

/**
 * Loads the messages of a language and returns the translator `t(key, ...substitutions)`.
 * `$1`…`$9` in a message are replaced by the substitutions; Chrome-style named placeholders
 * (`$name$` with `placeholders.name.content = "$1"`) work too. Missing keys fall back to
 * pt-BR, then to the key itself, so a gap never breaks a surface.
 * @param {string} [lang] a language setting (`auto` by default)
 * @returns {Promise<((key: string, ...subs: unknown[]) => string) & {lang: string}>}
 */
export async function loadMessages(lang = "auto") {
  const tag = resolveLang(lang);
  const [messages, fallback] = await Promise.all([
    fetchMessages(tag),
    tag === "pt-BR" ? null : fetchMessages("pt-BR").catch(() => null),
  ]);
  const t = (key, ...subs) => {
    const entry = messages[key] ?? fallback?.[key];
    if (!entry) return key;
    return format(entry, subs);
  };
  t.lang = tag;
  return t;
}

function format(entry, subs) {
  let text = entry.message;
  if (entry.placeholders) {
    text = text.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name) => {
      const ph = entry.placeholders[name] ?? entry.placeholders[name.toLowerCase()];
      return ph ? ph.content : whole;
    });
  }
  return text.replace(/\$(\d)/g, (whole, n) => {
    const value = subs[Number(n) - 1];
    return value === undefined ? whole : String(value);
  });
}
