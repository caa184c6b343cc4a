// Send guard. A `block` finding stops Enter and the send button (capture phase on window, so we
// run before the page's own handlers) and opens a small dialog: edit, or send anyway with a
// required reason (recorded in the audit log). `warn` findings never block; they are recorded
// as "warned" when the message goes out. Enter is left alone while an IME is composing and
// with Shift (new line).

/**
 * @param {object} ctx
 * @param {Element} ctx.composer
 * @param {{enterSends: boolean, isSendTarget: (el: EventTarget|null, composer: Element) => boolean,
 *   triggerSend: (composer: Element) => boolean}} ctx.adapter
 * @param {() => {paused: boolean, inactive: boolean, failClosed: boolean, reason: string,
 *   findings: any[]}} ctx.evaluate fresh state for the composer's current text
 * @param {(action: "warned"|"blocked"|"overridden", findings: any[], reason?: string) => void} ctx.record
 * @param {ReturnType<import("./overlay.js").createOverlay>} ctx.overlay
 * @param {() => (key: string, ...subs: unknown[]) => string} ctx.getT
 * @param {() => void} [ctx.afterSend] called when a send is let through
 * @param {AbortSignal} ctx.signal
 */
export function installGuard(ctx) {
  const { composer, adapter, signal } = ctx;
  let bypass = false;
  let dialog = null;

  const stop = (event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  /** Returns true when the send may proceed. */
  function decide(event) {
    if (bypass) {
      bypass = false;
      return true;
    }
    if (dialog) {
      stop(event);
      return false;
    }
    const state = ctx.evaluate();
    if (state.paused) return true;
    if (state.inactive) {
      if (!state.failClosed) return true; // fail-open: never break WhatsApp
      stop(event);
      openFailClosed(state.reason);
      return false;
    }
    const blocks = state.findings.filter((f) => f.severity === "block");
    if (blocks.length) {
      stop(event);
      ctx.record("blocked", blocks);
      openDialog(blocks);
      return false;
    }
    const warns = state.findings.filter((f) => f.severity === "warn");
    if (warns.length) ctx.record("warned", warns);
    return true;
  }

  const inComposer = (target) => target instanceof Node && (target === composer || composer.contains(target));

  window.addEventListener(
    "keydown",
    (e) => {
      if (e.key !== "Enter" || e.shiftKey || e.altKey || e.isComposing || e.keyCode === 229) return;
      if (!adapter.enterSends || !inComposer(e.target)) return;
      if (decide(e)) ctx.afterSend?.();
    },
    { capture: true, signal },
  );
  window.addEventListener(
    "click",
    (e) => {
      if (adapter.isSendTarget(e.target, composer) && decide(e)) ctx.afterSend?.();
    },
    { capture: true, signal },
  );
  // Dashboards with a <form>: submitting by other means than the send button.
  window.addEventListener(
    "submit",
    (e) => {
      const form = e.target;
      if (!(form instanceof HTMLFormElement) || !form.contains(composer)) return;
      if (e.submitter && adapter.isSendTarget(e.submitter, composer)) return; // its click was judged
      if (decide(e)) ctx.afterSend?.();
    },
    { capture: true, signal },
  );
  signal.addEventListener("abort", () => closeDialog(false));

  function closeDialog(refocus = true) {
    dialog?.remove();
    dialog = null;
    if (refocus && composer.isConnected) composer.focus();
  }

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    }
    node.append(...children);
    return node;
  }

  /** Modal shell with a focus trap; Escape runs `onEscape`. */
  function shell(titleText, onEscape, ...content) {
    const title = el("h2", { id: "conforma-guard-title", text: titleText });
    const box = el("div", { class: "dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": title.id }, title, ...content);
    const backdrop = el("div", { class: "backdrop", "data-conforma-dialog": "" }, box);
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        onEscape();
      } else if (e.key === "Tab") {
        const items = [...box.querySelectorAll("button, textarea")];
        const first = items[0];
        const last = items[items.length - 1];
        const active = ctx.overlay.root.activeElement;
        if (e.shiftKey && active === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && active === last) {
          e.preventDefault();
          first.focus();
        }
      }
    });
    ctx.overlay.dialogSlot.replaceChildren(backdrop);
    dialog = backdrop;
    return box;
  }

  function openDialog(blocks) {
    const t = ctx.getT();
    const items = blocks.map((f) => el("li", { text: f.suggestion ? `${f.message} ${t("suggestionPrefix")} ${f.suggestion}` : f.message }));
    const intro = el("p", { id: "conforma-guard-desc", text: t("guardIntro") });
    const reason = el("textarea", { id: "conforma-reason", required: "", "aria-required": "true", "aria-describedby": "conforma-reason-error" });
    const error = el("p", { id: "conforma-reason-error", class: "error", role: "alert" });
    const edit = el("button", { type: "button", "data-action": "edit", text: t("guardEdit") });
    const send = el("button", { type: "button", class: "primary", "data-action": "send-anyway", text: t("guardSendAnyway") });
    const box = shell(
      t("guardTitle"),
      () => closeDialog(),
      intro,
      el("ul", {}, ...items),
      el("label", { for: reason.id, text: t("guardReasonLabel") }),
      reason,
      error,
      el("div", { class: "actions" }, edit, send),
    );
    box.setAttribute("aria-describedby", intro.id);
    edit.addEventListener("click", () => closeDialog());
    send.addEventListener("click", () => {
      const why = reason.value.trim();
      if (!why) {
        reason.setAttribute("aria-invalid", "true");
        error.textContent = t("guardReasonRequired");
        reason.focus();
        return;
      }
      closeDialog(false);
      ctx.record("overridden", blocks, why);
      composer.focus();
      bypass = true;
      if (!adapter.triggerSend(composer)) bypass = false;
      // If the page ignored the synthetic send, do not leave a bypass armed.
      setTimeout(() => (bypass = false), 0);
    });
    edit.focus();
  }

  function openFailClosed(reasonText) {
    const t = ctx.getT();
    const close = el("button", { type: "button", "data-action": "close", text: t("close") });
    shell(t("failClosedTitle"), () => closeDialog(), el("p", { text: t("failClosedBody", reasonText) }), el("div", { class: "actions" }, close));
    close.addEventListener("click", () => closeDialog());
    close.focus();
  }

  return { isOpen: () => dialog !== null };
}
