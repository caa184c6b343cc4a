// Builds the objects `check` returns. One call from wasm per finding costs less than
// serde-wasm-bindgen's one call per field, and every finding gets the same object shape.
// Key order is the documented one (README, `Finding` in conforma.d.ts).

/** A finding; `spans` is a flat `Uint32Array` view [start, end, start, end, …], read at once. */
export function finding(rule, category, severity, start, end, spans, message, suggestion) {
  const list = [];
  for (let i = 0; i + 1 < spans.length; i += 2) list.push({ start: spans[i], end: spans[i + 1] });
  const f = { rule, category, severity, start, end, spans: list, message };
  if (suggestion !== undefined) f.suggestion = suggestion;
  return f;
}

/** A successful result; `log` only from `checkAndRecord` and `checkWithLog`. */
export function success(findings, log) {
  const r = { type: "success", findings };
  if (log !== undefined) r.log = log;
  return r;
}
