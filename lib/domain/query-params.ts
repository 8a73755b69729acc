// What the open data's query parameters share (lib/domain/open311.ts, lib/domain/public-case-list.ts).

/** The deepest page a list serves. */
export const MAX_PAGE = 100_000;

/** A code of a unit or a category as a parameter names it. */
export const CODE_PARAM = /^[A-Za-z0-9_-]{1,40}$/;

/** A whole number parameter from `min` to `max`: `fallback` when absent or empty, null when anything else. */
export function wholeParam(raw: string | null, fallback: number, min: number, max: number): number | null {
  if (raw === null || raw === "") return fallback;
  if (!/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}
