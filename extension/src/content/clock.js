// The time the context rules see. Tests freeze it through chrome.storage.local key
// "conformaTestNow" (an ISO time; only the extension can write that storage), because a page
// cannot change the content script's own Date (isolated world).
const api = globalThis.browser ?? globalThis.chrome;
export const TEST_NOW_KEY = "conformaTestNow";
let frozen = null;

/** Reads the frozen test time once and follows its changes. */
export async function initClock(signal) {
  try {
    const got = await api.storage.local.get(TEST_NOW_KEY);
    frozen = parse(got?.[TEST_NOW_KEY]);
  } catch {
    frozen = null;
  }
  const onChange = (changes, area) => {
    if (area === "local" && TEST_NOW_KEY in changes) frozen = parse(changes[TEST_NOW_KEY].newValue);
  };
  api.storage.onChanged.addListener(onChange);
  signal?.addEventListener("abort", () => api.storage.onChanged.removeListener(onChange));
}

function parse(value) {
  const ms = typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

/** Current time (epoch ms). */
export function nowMs() {
  return frozen ?? Date.now();
}

/** RFC 3339 with the browser's UTC offset, e.g. 2026-03-13T18:00:00-03:00. */
export function isoWithOffset(ms = nowMs()) {
  const d = new Date(ms);
  const pad = (n) => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "-";
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(off / 60)}:${pad(off % 60)}`
  );
}
