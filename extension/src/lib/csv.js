// CSV parsing and writing (RFC 4180 plus what spreadsheets really produce):
// quoted fields with commas, quotes and newlines, CRLF or LF, a UTF-8 BOM, and
// ";" as the separator (Excel in Brazil/Spain writes it). Pure; runs in Node.

/** Guesses the separator from the first line outside quotes: ";" or "," (also tab). */
export function detectDelimiter(text) {
  let inQuotes = false;
  const counts = { ",": 0, ";": 0, "\t": 0 };
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && ch in counts) counts[ch]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

/**
 * Parses CSV text into rows of string cells.
 * @param {string} text
 * @param {{delimiter?: string}} [options] separator; detected when omitted
 * @returns {string[][]}
 */
export function parseCsv(text, { delimiter } = {}) {
  let s = String(text ?? "");
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  const sep = delimiter ?? detectDelimiter(s);
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current cell started with a quote
  let i = 0;
  const endCell = () => {
    row.push(unguard(cell));
    cell = "";
    wasQuoted = false;
  };
  while (i < s.length) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (ch === sep) {
      endCell();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i += ch === "\r" && s[i + 1] === "\n" ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== "" || wasQuoted || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

// Cells that a spreadsheet would run as a formula get a leading "'" on export
// (CSV injection). Phone numbers such as "+5511…" are not formulas, so they are
// left alone; see `guard`.
const FORMULA = /^(?:[=@\t\r]|[+-](?![\d\s(]))/;

function guard(value) {
  return FORMULA.test(value) ? "'" + value : value;
}

function unguard(value) {
  return value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Writes rows as CSV: "," separator, CRLF line ends, quotes only where needed,
 * formula-looking cells neutralized.
 * @param {Array<Array<string|number|null|undefined>>} rows
 * @param {{bom?: boolean}} [options] bom: prefix a UTF-8 BOM (helps Excel read accents)
 */
export function toCsv(rows, { bom = false } = {}) {
  const out = rows
    .map((r) =>
      r
        .map((v) => {
          const s = guard(v == null ? "" : String(v));
          return /[",\r\n;]/.test(s) || /^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
        })
        .join(","),
    )
    .join("\r\n");
  return (bom ? "\ufeff" : "") + out + "\r\n";
}
