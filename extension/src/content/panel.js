// The compact findings panel next to the composer: severity (colour and a text label, never
// colour alone), the engine's localized explanation and suggestion, plus notices such as an
// inbound opt-out. Everything is set with textContent: message text never becomes HTML.

const ORDER = { block: 0, warn: 1, info: 2 };

/**
 * @param {ReturnType<import("./overlay.js").createOverlay>} overlay
 * @param {() => (key: string, ...subs: unknown[]) => string} getT current translator
 */
export function createPanel(overlay, getT) {
  const panel = document.createElement("section");
  panel.className = "panel";
  panel.hidden = true;
  panel.setAttribute("role", "region");
  const heading = document.createElement("h2");
  heading.id = "conforma-panel-title";
  const notices = document.createElement("div");
  notices.className = "notices";
  const list = document.createElement("ul");
  panel.append(heading, notices, list);
  overlay.root.append(panel);

  let findings = [];
  let anchor = null;
  let lastKey = "";

  function position() {
    if (!anchor?.isConnected) return;
    const r = anchor.getBoundingClientRect();
    const width = Math.min(Math.max(r.width, 280), 520);
    panel.style.width = `${width}px`;
    panel.style.left = `${Math.max(8, Math.min(r.left, innerWidth - width - 8))}px`;
    // Above the composer (WhatsApp's composer sits at the bottom of the window), or below it
    // when there is not enough room above (a reply box near the top of a dashboard).
    const height = panel.hidden ? 0 : panel.offsetHeight;
    if (r.top - 8 >= Math.min(height, innerHeight * 0.4) + 8 || r.bottom + height + 16 > innerHeight) {
      panel.style.bottom = `${Math.max(8, innerHeight - r.top + 8)}px`;
      panel.style.top = "auto";
    } else {
      panel.style.top = `${r.bottom + 8}px`;
      panel.style.bottom = "auto";
    }
  }

  function render() {
    const t = getT();
    heading.textContent = `${t("panelTitle")} · ${t("panelCount", findings.length)}`;
    panel.setAttribute("aria-label", t("panelLabel"));
    list.replaceChildren(
      ...findings.map((f) => {
        const li = document.createElement("li");
        li.className = "finding";
        li.dataset.severity = f.severity;
        li.dataset.rule = f.rule;
        li.dataset.category = f.category;
        const badge = document.createElement("span");
        badge.className = "badge";
        badge.dataset.severity = f.severity;
        badge.textContent = t(`severity_${f.severity}`);
        const msg = document.createElement("span");
        msg.className = "message";
        msg.textContent = f.message;
        li.append(badge, msg);
        if (!f.spans?.length) {
          const tag = document.createElement("div");
          tag.className = "tag";
          tag.textContent = t("contextNote");
          li.append(tag);
        }
        if (f.suggestion) {
          const s = document.createElement("div");
          s.className = "suggestion";
          s.textContent = `${t("suggestionPrefix")} ${f.suggestion}`;
          li.append(s);
        }
        return li;
      }),
    );
    panel.hidden = findings.length === 0 && notices.childElementCount === 0;
    position();
  }

  return {
    element: panel,
    /** Shows the findings of the current text (sorted, most severe first). */
    show(next, composer) {
      anchor = composer ?? anchor;
      findings = [...next].sort((a, b) => (ORDER[a.severity] ?? 3) - (ORDER[b.severity] ?? 3) || a.start - b.start);
      render();
      // Announce only when the set of rules changes, not on every keystroke.
      const key = findings.map((f) => `${f.rule}:${f.severity}`).join("|");
      if (key !== lastKey) {
        lastKey = key;
        const t = getT();
        overlay.announce(findings.length ? `${t("panelCount", findings.length)}: ${findings.map((f) => f.message).join(" ")}` : t("panelClear"));
      }
    },
    /** A dismissible notice (e.g. an inbound opt-out); `quote` is shown as text. */
    notice(text, quote, kind = "opt_out") {
      const t = getT();
      const box = document.createElement("div");
      box.className = "notice";
      box.dataset.kind = kind;
      box.setAttribute("role", "alert");
      const p = document.createElement("p");
      p.textContent = text;
      if (quote) {
        const q = document.createElement("q");
        q.textContent = quote;
        p.append(q);
      }
      const close = document.createElement("button");
      close.type = "button";
      close.textContent = t("close");
      close.addEventListener("click", () => {
        box.remove();
        render();
      });
      box.append(p, close);
      notices.append(box);
      render();
    },
    /** Drops the notices (they concern the chat that was open). */
    clearNotices() {
      notices.replaceChildren();
      render();
    },
    reposition: position,
    rerender: render,
    clear() {
      findings = [];
      render();
    },
  };
}
