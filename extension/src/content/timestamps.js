// Parses WhatsApp Web's `data-pre-plain-text` prefix, e.g. "[13:52, 22/03/2026] Ana: " or
// "[1:52 PM, 3/22/2026] +55 11 90000-0001: ". Clock (12/24 h) and date order follow the
// user's locale, so the order is taken from the numbers when they decide it (a part > 12 is
// the day) and from the locale otherwise (month first only for en-US style locales).
// Pure: no DOM, no browser API (tested under Node).

const PREFIX =
  /^\s*\[\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([ap])?\.?\s*(?:m\.?)?\s*,\s*(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})\s*\]\s*(.*?)\s*:\s*$/i;

/** Locales that write dates month first. */
const MONTH_FIRST = /^(en-us|en-ph|en-ca|fil|en$)/i;

/**
 * @param {string} value the attribute value
 * @param {string} [locale] the page/user locale (e.g. "pt-BR", "en-US")
 * @returns {{ year: number, month: number, day: number, hour: number, minute: number, author: string } | null}
 */
export function parsePrePlainText(value, locale = "pt-BR") {
  const m = PREFIX.exec(String(value ?? ""));
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const ampm = m[4]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    if (ampm === "p" && hour !== 12) hour += 12;
    if (ampm === "a" && hour === 12) hour = 0;
  }
  let [a, b, c] = [m[5], m[6], m[7]];
  let year, month, day;
  if (a.length === 4) {
    // ISO-like order: year/month/day.
    [year, month, day] = [Number(a), Number(b), Number(c)];
  } else {
    const x = Number(a);
    const y = Number(b);
    year = Number(c);
    if (c.length <= 2) year += 2000;
    const monthFirst = x > 12 ? false : y > 12 ? true : MONTH_FIRST.test(locale);
    [month, day] = monthFirst ? [x, y] : [y, x];
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute, author: m[8] };
}

/**
 * The parsed time as epoch ms, read as wall-clock time of the browser's time zone
 * (WhatsApp prints it in the user's local time).
 */
export function toEpochMs(parsed) {
  if (!parsed) return null;
  const d = new Date(parsed.year, parsed.month - 1, parsed.day, parsed.hour, parsed.minute);
  return Number.isNaN(d.getTime()) ? null : d.getTime();
}
