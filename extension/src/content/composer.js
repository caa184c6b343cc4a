// Finds the composer with a chain of selectors and re-attaches whenever the page re-renders it
// (WhatsApp replaces the footer when the chat changes). Each attachment gets its own
// AbortController: aborting it removes every listener, observer and drawing of that attachment.

/** First element matched by a chain of selectors (invalid selectors are skipped). */
export function firstMatch(selectors, root = document) {
  for (const sel of selectors) {
    try {
      const el = root.querySelector(sel);
      if (el) return el;
    } catch {
      // A user-supplied selector may be invalid; try the next one.
    }
  }
  return null;
}

/**
 * Calls `onAttach(composer, signal)` for the current composer and again for each new one.
 * @param {() => Element | null} find
 * @param {(composer: Element, signal: AbortSignal) => void} onAttach
 * @param {AbortSignal} signal stops watching (and detaches)
 */
export function watchComposer(find, onAttach, signal) {
  let current = null;
  let controller = null;
  let scheduled = false;

  const sync = () => {
    scheduled = false;
    if (signal.aborted) return;
    const next = find();
    if (next === current && current?.isConnected) return;
    controller?.abort();
    controller = null;
    current = next;
    if (next) {
      controller = new AbortController();
      onAttach(next, controller.signal);
    }
  };
  const observer = new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(sync);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener("abort", () => {
    observer.disconnect();
    controller?.abort();
  });
  sync();
}
