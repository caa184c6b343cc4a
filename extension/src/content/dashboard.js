// Other sites the agent added in the options (help desks, CRMs with a chat box). Two presets
// cover most of them; the site's own selectors (from the options) come first in each chain.
import { firstMatch } from "./composer.js";
import { readEditable, readField } from "./text.js";

export const DASHBOARD_PRESETS = {
  textarea: {
    composer: ["textarea[name=reply]", "form textarea", "textarea"],
    send: ["button[type=submit]", "input[type=submit]", "[data-action=send]"],
    // Enter in a <textarea> adds a line; the form is sent by its button.
    enterSends: false,
  },
  contenteditable: {
    composer: ['[contenteditable=true][role=textbox]', '[contenteditable="true"]', '[contenteditable=""]'],
    send: ["button[data-action=send]", "[data-action=send]", "button[type=submit]"],
    // Chat-style boxes send on Enter.
    enterSends: true,
  },
};

/** Whether a URL matches a WebExtension match pattern ("https://desk.example.com/*"). */
export function matchesPattern(pattern, url) {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(String(pattern ?? ""));
  if (!m) return false;
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m;
  if (scheme === "*" ? !/^https?:$/.test(u.protocol) : u.protocol !== scheme + ":") return false;
  const hostOk =
    host === "*" ||
    (host.startsWith("*.") ? u.host === host.slice(2) || u.host.endsWith(host.slice(1)) : u.host === host || u.hostname === host);
  if (!hostOk) return false;
  const re = new RegExp("^" + path.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$");
  return re.test(u.pathname + u.search);
}

/**
 * The adapter of a configured site.
 * @param {{preset: "textarea"|"contenteditable"|"custom", composer?: string, send?: string}} site
 */
export function dashboardAdapter(site) {
  const preset = DASHBOARD_PRESETS[site.preset] ?? DASHBOARD_PRESETS.contenteditable;
  const own = (v) => (typeof v === "string" && v.trim() ? [v.trim()] : []);
  const composerChain = site.preset === "custom" ? own(site.composer) : [...own(site.composer), ...preset.composer];
  const sendChain = site.preset === "custom" ? own(site.send) : [...own(site.send), ...preset.send];
  const isField = (el) => el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
  return {
    kind: "dashboard",
    enterSends: site.preset === "custom" ? true : preset.enterSends,
    findComposer: () => firstMatch(composerChain),
    read: (composer) => (isField(composer) ? readField(composer) : readEditable(composer)),
    findSend(composer) {
      const scope = composer.closest("form") ?? document;
      return firstMatch(sendChain, scope) ?? firstMatch(sendChain);
    },
    isSendTarget(target, composer) {
      if (!(target instanceof Element)) return false;
      const send = this.findSend(composer);
      return !!send && (send === target || send.contains(target));
    },
    triggerSend(composer) {
      const send = this.findSend(composer);
      if (send) {
        send.click();
        return true;
      }
      const form = composer.closest("form");
      if (form) {
        form.requestSubmit();
        return true;
      }
      return false;
    },
    chat: () => null,
    watchInbound: null,
  };
}
