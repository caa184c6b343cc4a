// Tiny HTML helpers for the build: everything interpolated into a page goes through `esc`.

/** Escapes text for HTML content and double-quoted attributes. */
export function esc(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** JSON for an inline `<script type="application/json">`: `<` is escaped so `</script>` cannot close it. */
export function inlineJson(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** A code block (escaped), with an accessible label naming its language. */
export function code(text, label = "") {
  const aria = label ? ` aria-label="${esc(label)}"` : "";
  return `<pre class="code"${aria} tabindex="0"><code>${esc(text.replace(/^\n+|\s+$/g, ""))}</code></pre>`;
}
