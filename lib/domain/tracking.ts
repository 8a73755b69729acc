// Tracking numbers and query codes (12 characters shown as XXXX-XXXX-XXXX).
// Real cases: XF + year + 6-digit sequence, from the year's counter (Counter "tracking:<year>").
// Demo and generated cases (seed, tests, benchmarks): XFD + year + 6 digits, a number space of their own
// (counter "demo-tracking:<year>"), so demo data can never collide with or use up the year's real numbers.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const TRACKING_NO = /^XF(D?)(\d{4})(\d{6})$/;
const DEMO_TRACKING_PREFIX = "XFD";

/** The counter a series numbers from, per year. */
export function trackingCounterName(year: number, demo = false): string {
  return `${demo ? "demo-tracking" : "tracking"}:${year}`;
}

function format(prefix: string, year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`invalid year: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new RangeError(`invalid sequence: ${sequence}`);
  return `${prefix}${year}${String(sequence).padStart(6, "0")}`;
}

/** A real case's number (the app's own filing and 登记). */
export function formatTrackingNo(year: number, sequence: number): string {
  return format("XF", year, sequence);
}

/** A demo or generated case's number: never one the real sequence can reach. */
export function formatDemoTrackingNo(year: number, sequence: number): string {
  return format(DEMO_TRACKING_PREFIX, year, sequence);
}

export function parseTrackingNo(value: string): { year: number; sequence: number; demo: boolean } | null {
  const m = TRACKING_NO.exec(value);
  if (!m) return null;
  const year = Number(m[2]);
  const sequence = Number(m[3]);
  // Exactly what formatTrackingNo / formatDemoTrackingNo can issue: no sequence 0, no year before 2000.
  if (year < 2000 || sequence < 1) return null;
  return { year, sequence, demo: m[1] === "D" };
}

/** What a person types: case and spaces do not matter. */
export function normalizeTrackingNo(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}

/** No look-alikes: no 0/O, 1/I/L. 31 symbols → 12 characters ≈ 59 bits. */
export const QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const QUERY_CODE_LENGTH = 12;

/** A uniformly random query code (rejection sampling keeps every symbol equally likely). */
export function generateQueryCode(random: (n: number) => Uint8Array = randomBytes): string {
  const n = QUERY_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = "";
  while (out.length < QUERY_CODE_LENGTH) {
    for (const byte of random(QUERY_CODE_LENGTH * 2)) {
      if (byte < limit && out.length < QUERY_CODE_LENGTH) out += QUERY_CODE_ALPHABET[byte % n];
    }
  }
  return out;
}

/** XXXX-XXXX-XXXX */
export function formatQueryCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** Accepts what a person types (lower case, spaces, dashes); returns the 12 symbols or null. */
export function normalizeQueryCode(input: string): string | null {
  const code = input.replace(/[\s-]+/g, "").toUpperCase();
  if (code.length !== QUERY_CODE_LENGTH) return null;
  for (const ch of code) if (!QUERY_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Stored form: a keyed hash bound to the case, so a leaked table reveals no codes. */
export function hashQueryCode(code: string, trackingNo: string, secret: string): string {
  if (!secret) throw new Error("APP_SECRET is required to hash query codes");
  return createHmac("sha256", secret).update(`${trackingNo}:${code}`).digest("hex");
}

export function queryCodeMatches(code: string, trackingNo: string, storedHash: string, secret: string): boolean {
  const a = Buffer.from(hashQueryCode(code, trackingNo, secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
