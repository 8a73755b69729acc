// The public record of every case as a list (公开信件; the open data's cases.json and cases.csv): its filters, and
// when a case counts as late. Pure: lib/data/open-cases.ts turns the filters into one query — its "late" condition is
// the SQL form of `wasLate` below, and tests/open-cases.test.ts checks the two agree case by case.
//
// Accusations (检举控告) are never listed, only counted (spec §5: the accuser is protected; their number and category
// alone would tell the accused unit someone complained).
import { caseDeadlines, type CaseDates } from "./case-deadlines";
import { EMPTY_CALENDAR } from "./deadlines";
import { CODE_PARAM, MAX_PAGE, wholeParam } from "./query-params";
import { CHANNELS, type Channel } from "./petition-rules";
import { STATES, type PetitionState } from "./petition-states";
import { normalizeTrackingNo, parseTrackingNo } from "./tracking";

export const TIMELINESS = ["onTime", "late"] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const LIST_DEFAULT_PAGE_SIZE = 50;
export const LIST_MAX_PAGE_SIZE = 500;

/**
 * Late: a government deadline of the case — routing, acceptance, handling, the 复查 or 复核 answer — was met only
 * after it passed, or has passed unmet (lib/domain/case-deadlines.ts: `missed` or `overdue`). A deadline whose
 * clock stopped because the petitioner withdrew is not late. On time: every other case.
 */
export function wasLate(c: CaseDates, now: Date): boolean {
  // The status of a deadline does not depend on the calendar (only its explanation does).
  return caseDeadlines(c, EMPTY_CALENDAR, now).some((d) => d.status.kind === "missed" || d.status.kind === "overdue");
}

export type CaseListFilters = {
  /** A tracking number, or words of a published case's title. */
  query: string | null;
  year: number | null;
  categoryCode: string | null;
  channel: Channel | null;
  townshipCode: string | null;
  unitCode: string | null;
  state: PetitionState | null;
  timeliness: Timeliness | null;
  page: number;
  pageSize: number;
  /**
   * Keyset paging: the cases after this one (a tracking number) in the list's order — newest first, then by tracking
   * number — which is as fast on the last page as on the first; `page` is then 1.
   */
  after: string | null;
};

/** The whole list, its first page: no filter. */
export const NO_LIST_FILTERS: CaseListFilters = {
  query: null,
  year: null,
  categoryCode: null,
  channel: null,
  townshipCode: null,
  unitCode: null,
  state: null,
  timeliness: null,
  page: 1,
  pageSize: LIST_DEFAULT_PAGE_SIZE,
  after: null,
};

export type ListRefusal = {
  key: "badQuery" | "badYear" | "badCode" | "badChannel" | "badState" | "badTimeliness" | "badPage" | "badAfter";
  param: string;
  /** badPage: the largest value allowed. */
  max?: number;
};

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | null | undefined {
  if (raw === null || raw === "") return null;
  return (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

export const MAX_QUERY_LENGTH = 40;

/**
 * The list's parameters: q (a tracking number, or words of a published title; at most 40 characters), year (received in that civil year), category, township and unit (by code: the unit the
 * case is with now), channel, state, timeliness (onTime / late), page (from 1) or after (a tracking number: the
 * cases after it, keyset paging) and page_size (1–500, default 50).
 */
export function parseCaseListQuery(
  params: URLSearchParams,
): { ok: true; filters: CaseListFilters } | { ok: false; refusal: ListRefusal } {
  const rawQuery = (params.get("q") ?? "").trim().replace(/\s+/g, " ");
  if (rawQuery.length > MAX_QUERY_LENGTH || /[\u0000-\u001f\u007f]/.test(rawQuery))
    return { ok: false, refusal: { key: "badQuery", param: "q" } };
  const year = wholeParam(params.get("year"), Number.NaN, 1990, 2100);
  if (year === null) return { ok: false, refusal: { key: "badYear", param: "year" } };
  const codes: Record<"category" | "township" | "unit", string | null> = { category: null, township: null, unit: null };
  for (const name of ["category", "township", "unit"] as const) {
    const raw = params.get(name);
    if (raw === null || raw === "") continue;
    if (!CODE_PARAM.test(raw)) return { ok: false, refusal: { key: "badCode", param: name } };
    codes[name] = raw;
  }
  const channel = oneOf(CHANNELS, params.get("channel"));
  if (channel === undefined) return { ok: false, refusal: { key: "badChannel", param: "channel" } };
  const state = oneOf(STATES, params.get("state"));
  if (state === undefined) return { ok: false, refusal: { key: "badState", param: "state" } };
  const timeliness = oneOf(TIMELINESS, params.get("timeliness"));
  if (timeliness === undefined) return { ok: false, refusal: { key: "badTimeliness", param: "timeliness" } };
  const page = wholeParam(params.get("page"), 1, 1, MAX_PAGE);
  if (page === null) return { ok: false, refusal: { key: "badPage", param: "page", max: MAX_PAGE } };
  const pageSize = wholeParam(params.get("page_size"), LIST_DEFAULT_PAGE_SIZE, 1, LIST_MAX_PAGE_SIZE);
  if (pageSize === null) return { ok: false, refusal: { key: "badPage", param: "page_size", max: LIST_MAX_PAGE_SIZE } };
  // A case's tracking number, never with a page number (the two ways of paging do not combine).
  const rawAfter = (params.get("after") ?? "").trim();
  const after = rawAfter === "" ? null : normalizeTrackingNo(rawAfter);
  if (after !== null && (parseTrackingNo(after) === null || page > 1))
    return { ok: false, refusal: { key: "badAfter", param: "after" } };
  return {
    ok: true,
    filters: {
      query: rawQuery === "" ? null : rawQuery,
      year: Number.isNaN(year) ? null : year,
      categoryCode: codes.category,
      channel,
      townshipCode: codes.township,
      unitCode: codes.unit,
      state,
      timeliness,
      page,
      pageSize,
      after,
    },
  };
}

// --- The page's addresses -----------------------------------------------------------------------------------------
//
// 公开信件 is a cached public page, so its filters are in its path, not in a query string (which would make Next render
// it on every request): /letters, /letters/year/2026/state/REPLIED, /letters/q/路灯/page/2 — a key and its value per
// pair of segments, in this order, page 1 and empty filters left out. Each address has one form; any other is not a
// page (404). The filter form (GET, no JavaScript needed) goes to /letters/go, which sends the browser on to the
// address of what was chosen.

/** The page shows this many cases. */
export const LIST_PAGE_SIZE = 20;
const PATH_KEYS = [
  "q",
  "year",
  "category",
  "channel",
  "township",
  "unit",
  "state",
  "timeliness",
  "page",
  "after",
] as const;

function pathValue(f: CaseListFilters, key: (typeof PATH_KEYS)[number]): string | null {
  switch (key) {
    case "q":
      return f.query;
    case "year":
      return f.year === null ? null : String(f.year);
    case "category":
      return f.categoryCode;
    case "channel":
      return f.channel;
    case "township":
      return f.townshipCode;
    case "unit":
      return f.unitCode;
    case "state":
      return f.state;
    case "timeliness":
      return f.timeliness;
    case "page":
      return f.page > 1 ? String(f.page) : null;
    case "after":
      return f.after;
  }
}

/** The page's address (without the language) for these filters. */
export function listPath(f: CaseListFilters): string {
  let path = "/letters";
  for (const key of PATH_KEYS) {
    const value = pathValue(f, key);
    if (value !== null) path += `/${key}/${encodeURIComponent(value)}`;
  }
  return path;
}

/** The filters an address's segments (after /letters, decoded) name, or null when it is not the one address of any. */
export function filtersOfListPath(segments: readonly string[]): CaseListFilters | null {
  if (segments.length % 2 !== 0) return null;
  const params = new URLSearchParams();
  let last = -1;
  for (let i = 0; i < segments.length; i += 2) {
    const index = (PATH_KEYS as readonly string[]).indexOf(segments[i]!);
    if (index <= last) return null; // unknown, repeated or out of order
    last = index;
    params.set(segments[i]!, segments[i + 1]!);
  }
  params.set("page_size", String(LIST_PAGE_SIZE));
  const parsed = parseCaseListQuery(params);
  if (!parsed.ok) return null;
  // The one form: what was parsed must give back the very same segments (no "page/1", no "q/ 路灯 ").
  const again = listPath(parsed.filters).split("/").slice(2).map(decodeURIComponent);
  return again.join("/") === segments.join("/") ? parsed.filters : null;
}
