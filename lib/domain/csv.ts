// CSV for spreadsheet programs (RFC 4180): fields separated by commas, records by CRLF, a field quoted when it
// holds a comma, a quote or a line break (quotes doubled). Text that a spreadsheet would read as a formula — a
// cell starting with = + - @, or a tab or carriage return before one (OWASP "CSV injection") — is prefixed with
// an apostrophe, so it is shown, never run. The byte-order mark makes Excel read UTF-8 (the Chinese unit names).

export const UTF8_BOM = "\uFEFF";

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are, null as an empty cell, text made safe for spreadsheets and quoted if needed. */
export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : value;
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The records as one CSV text (with the byte-order mark and a final CRLF). */
export function toCsv(records: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + records.map((r) => r.map(csvCell).join(",") + "\r\n").join("");
}

/** `Content-Disposition` for a download named `filename` (RFC 6266/5987): an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

// ---- Reading (the import of historical cases, lib/domain/case-import.ts) ----

/** One record of a CSV text and the line it starts on (1 = the first line; a quoted line break spans lines). */
export type CsvRecord = { line: number; fields: string[] };

export type CsvParse =
  | { ok: true; records: CsvRecord[] }
  /** `unclosedQuote`: a quoted field never ends; `strayQuote`: a closing quote followed by more than a comma. */
  | { ok: false; line: number; problem: "unclosedQuote" | "strayQuote" };

/**
 * RFC 4180 text as records: fields separated by commas, records by CRLF, LF or CR; a field in double quotes may hold
 * commas, quotes (doubled) and line breaks. A leading byte-order mark is dropped, and so are blank lines (a
 * spreadsheet's trailing ones). Fields are returned exactly as written: no trimming, and an apostrophe that a
 * spreadsheet export put before a formula is kept (it is the sender's text).
 */
export function parseCsv(input: string): CsvParse {
  const text = input.startsWith(UTF8_BOM) ? input.slice(1) : input;
  const n = text.length;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false; // the current field was written in quotes (so `""` is a field, not a blank line)
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = "";
    quoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === "" && !quoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && field === "" && !quoted) {
      // A quoted field: up to the quote that is not doubled.
      quoted = true;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) return { ok: false, line: recordLine, problem: "unclosedQuote" };
        const chunk = text.slice(i, q);
        field += chunk;
        line += countLineBreaks(chunk);
        if (text.charCodeAt(q + 1) !== QUOTE) {
          i = q + 1;
          break;
        }
        field += '"';
        i = q + 2;
      }
      const next = text.charCodeAt(i);
      if (i < n && next !== COMMA && next !== LF && next !== CR) return { ok: false, line, problem: "strayQuote" };
    } else if (c === COMMA) {
      endField();
      i++;
    } else if (c === LF || c === CR) {
      endRecord();
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      // Plain text up to the next comma or line break, in one slice (a quote inside it is kept as it is).
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === COMMA || d === LF || d === CR) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (fields.length > 0 || field !== "" || quoted) endRecord();
  return { ok: true, records };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

function countLineBreaks(s: string): number {
  let count = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(k + 1) !== LF) count++;
  }
  return count;
}
