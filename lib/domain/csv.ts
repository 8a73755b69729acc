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
