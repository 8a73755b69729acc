// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), read side: how a case's public record maps onto a
// service request, and what the requests endpoint accepts. Pure: lib/data/open-data.ts reads the rows and
// app/api/open311/v2 serves them.
//
// The mapping: a category is a service (service_code = the category's code); a case is a service request
// (service_request_id = its tracking number); `status` is "open" while the case waits for staff (OPEN_STATES: 待受理,
// 办理中, 复查中, 复核中) and "closed" otherwise, with our own state in `status_notes`; `agency_responsible` is the
// handling unit, `address` the township (the only place the public sees), `expected_datetime` the running deadline.
// `description` is the published summary — only with the petitioner's consent and staff approval, never for an
// accusation. Accusations (检举控告) are not listed at all: their number and category alone would tell the accused
// unit's staff that someone complained; they appear only as counts in the statistics. No coordinates, no media.
import { isCivilDate } from "./civil-date";
import { CODE_PARAM, MAX_PAGE, wholeParam } from "./query-params";
import { isOpen, type PetitionState } from "./petition-states";

export type Open311Status = "open" | "closed";

export function open311Status(state: PetitionState): Open311Status {
  return isOpen(state) ? "open" : "closed";
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Without start_date and end_date, the spec's default window: the last 90 days. */
export const DEFAULT_WINDOW_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export type RequestsQuery = {
  start: Date;
  end: Date;
  status: Open311Status | null;
  serviceCodes: string[];
  page: number;
  pageSize: number;
};

/** A refusal of the query: the catalog key of its message (openData.errors.*) and the parameter it is about. */
export type QueryRefusal = {
  key: "badDate" | "badRange" | "badStatus" | "badPage" | "badServiceCode";
  param: string;
  /** badPage: the largest value allowed. */
  max?: number;
};

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function instant(raw: string): Date | null {
  // The calendar date must exist (no 2 月 30 日), whether alone or with a time.
  if (!W3C_DATETIME.test(raw) || !isCivilDate(raw.slice(0, 10))) return null;
  // A date alone is a civil date in Asia/Shanghai, as every date the portal shows.
  const d = new Date(raw.length === 10 ? `${raw}T00:00:00+08:00` : raw);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The requests endpoint's parameters: start_date / end_date (W3C datetimes, or dates), status (open or closed),
 * service_code (comma-separated), and this portal's page / page_size (1–200, default 50). Without dates, the 90
 * days up to `now`; with only one of them, 90 days from or up to it.
 */
export function parseRequestsQuery(
  params: URLSearchParams,
  now: Date,
): { ok: true; query: RequestsQuery } | { ok: false; refusal: QueryRefusal } {
  const rawStart = params.get("start_date");
  const rawEnd = params.get("end_date");
  const start = rawStart ? instant(rawStart) : undefined;
  const end = rawEnd ? instant(rawEnd) : undefined;
  if (start === null) return { ok: false, refusal: { key: "badDate", param: "start_date" } };
  if (end === null) return { ok: false, refusal: { key: "badDate", param: "end_date" } };
  const to = end ?? (start ? new Date(start.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (from.getTime() > to.getTime()) return { ok: false, refusal: { key: "badRange", param: "end_date" } };

  const rawStatus = params.get("status");
  let status: Open311Status | null = null;
  if (rawStatus) {
    const wanted = new Set(rawStatus.split(",").map((s) => s.trim()));
    if (![...wanted].every((s) => s === "open" || s === "closed"))
      return { ok: false, refusal: { key: "badStatus", param: "status" } };
    status = wanted.size === 1 ? ([...wanted][0] as Open311Status) : null;
  }

  const rawCodes = params.get("service_code");
  const serviceCodes = rawCodes ? [...new Set(rawCodes.split(",").map((s) => s.trim()))] : [];
  if (!serviceCodes.every((c) => CODE_PARAM.test(c)))
    return { ok: false, refusal: { key: "badServiceCode", param: "service_code" } };

  const page = wholeParam(params.get("page"), 1, 1, MAX_PAGE);
  const pageSize = wholeParam(params.get("page_size"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  if (page === null) return { ok: false, refusal: { key: "badPage", param: "page", max: MAX_PAGE } };
  if (pageSize === null) return { ok: false, refusal: { key: "badPage", param: "page_size", max: MAX_PAGE_SIZE } };
  return { ok: true, query: { start: from, end: to, status, serviceCodes, page, pageSize } };
}

/** What a service request is made of, as the data layer reads it (public fields only). */
export type PublicRequestRow = {
  trackingNo: string;
  state: PetitionState;
  stateLabel: string;
  categoryCode: string;
  categoryName: string;
  /** The published summary, or null (lib/data/open-data.ts applies the publication rule). */
  summary: string | null;
  unitName: string | null;
  townshipName: string | null;
  receivedAt: Date;
  updatedAt: Date;
  runningDueAt: Date | null;
};

/** One service request in GeoReport v2's fields. */
export function toServiceRequest(row: PublicRequestRow) {
  const status = open311Status(row.state);
  return {
    service_request_id: row.trackingNo,
    status,
    status_notes: `${row.state} · ${row.stateLabel}`,
    service_name: row.categoryName,
    service_code: row.categoryCode,
    description: row.summary,
    agency_responsible: row.unitName,
    service_notice: null,
    requested_datetime: row.receivedAt.toISOString(),
    updated_datetime: row.updatedAt.toISOString(),
    expected_datetime: status === "open" && row.runningDueAt ? row.runningDueAt.toISOString() : null,
    address: row.townshipName,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}
