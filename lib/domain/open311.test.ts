import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, open311Status, parseRequestsQuery, toServiceRequest } from "./open311";
import { OPEN_STATES, STATES } from "./petition-states";

const NOW = new Date("2026-12-03T04:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const q = (s: string) => parseRequestsQuery(new URLSearchParams(s), NOW);

describe("Open311 status", () => {
  it("is open exactly in the open states, closed in every other", () => {
    for (const state of STATES)
      expect(open311Status(state), state).toBe(OPEN_STATES.includes(state) ? "open" : "closed");
  });
});

describe("the requests query", () => {
  it("defaults to the 90 days up to now, any status, any service, page 1 of 50", () => {
    expect(q("")).toEqual({
      ok: true,
      query: {
        start: new Date(NOW.getTime() - 90 * DAY),
        end: NOW,
        status: null,
        serviceCodes: [],
        page: 1,
        pageSize: DEFAULT_PAGE_SIZE,
      },
    });
  });

  it("reads W3C datetimes and plain dates (civil dates in Asia/Shanghai); one bound gives a 90-day window", () => {
    const both = q("start_date=2026-01-01&end_date=2026-03-31T23:59:59%2B08:00");
    expect(both.ok && both.query.start.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(both.ok && both.query.end.toISOString()).toBe("2026-03-31T15:59:59.000Z");
    const from = q("start_date=2026-01-01T00:00:00Z");
    expect(from.ok && from.query.end.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    const to = q("end_date=2026-04-01T00:00:00Z");
    expect(to.ok && to.query.start.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("reads status, service codes and pages", () => {
    const r = q("status=closed&service_code=A01,B02,A01&page=3&page_size=200");
    expect(r.ok && r.query).toMatchObject({ status: "closed", serviceCodes: ["A01", "B02"], page: 3, pageSize: 200 });
    // Both statuses are no filter.
    const both = q("status=open,closed");
    expect(both.ok && both.query.status).toBeNull();
  });

  it("refuses what it cannot read, naming the parameter", () => {
    const refused = (s: string) => {
      const r = q(s);
      return r.ok ? null : r.refusal;
    };
    expect(refused("start_date=yesterday")).toEqual({ key: "badDate", param: "start_date" });
    expect(refused("end_date=2026-02-30T10:00:00Z")).toEqual({ key: "badDate", param: "end_date" });
    expect(refused("end_date=2026-02-30")).toEqual({ key: "badDate", param: "end_date" });
    expect(refused("end_date=2026-02-03T25:00:00Z")).toEqual({ key: "badDate", param: "end_date" });
    // An unencoded "+" of an offset arrives as a space: refused, not misread.
    expect(refused("end_date=2026-03-31T23:59:59+08:00")).toEqual({ key: "badDate", param: "end_date" });
    expect(refused("start_date=2026-03-01&end_date=2026-02-01")).toEqual({ key: "badRange", param: "end_date" });
    expect(refused("status=pending")).toEqual({ key: "badStatus", param: "status" });
    expect(refused("service_code=a%20b")).toEqual({ key: "badServiceCode", param: "service_code" });
    expect(refused("page=0")).toEqual({ key: "badPage", param: "page", max: 100_000 });
    expect(refused("page=-1")).toEqual({ key: "badPage", param: "page", max: 100_000 });
    expect(refused(`page_size=${MAX_PAGE_SIZE + 1}`)).toEqual({
      key: "badPage",
      param: "page_size",
      max: MAX_PAGE_SIZE,
    });
    expect(refused("page_size=1.5")).toEqual({ key: "badPage", param: "page_size", max: MAX_PAGE_SIZE });
  });
});

describe("a service request", () => {
  const row = {
    trackingNo: "XF2026000123",
    state: "ACCEPTED" as const,
    stateLabel: "办理中",
    categoryCode: "A01",
    categoryName: "城乡建设",
    summary: null,
    unitName: "县住建局",
    townshipName: "城关镇",
    receivedAt: new Date("2026-11-01T02:00:00Z"),
    updatedAt: new Date("2026-11-02T02:00:00Z"),
    runningDueAt: new Date("2026-12-01T15:59:59Z"),
  };

  it("carries GeoReport v2's fields, our state in status_notes, the township as its address and no coordinates", () => {
    expect(toServiceRequest(row)).toEqual({
      service_request_id: "XF2026000123",
      status: "open",
      status_notes: "ACCEPTED · 办理中",
      service_name: "城乡建设",
      service_code: "A01",
      description: null,
      agency_responsible: "县住建局",
      service_notice: null,
      requested_datetime: "2026-11-01T02:00:00.000Z",
      updated_datetime: "2026-11-02T02:00:00.000Z",
      expected_datetime: "2026-12-01T15:59:59.000Z",
      address: "城关镇",
      address_id: null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    });
  });

  it("expects nothing of a closed case", () => {
    expect(toServiceRequest({ ...row, state: "CLOSED", stateLabel: "已办结" }).expected_datetime).toBeNull();
  });
});
