import { describe, expect, it } from "vitest";
import {
  filtersOfListPath,
  LIST_DEFAULT_PAGE_SIZE,
  LIST_MAX_PAGE_SIZE,
  LIST_PAGE_SIZE,
  listPath,
  parseCaseListQuery,
  wasLate,
} from "./public-case-list";
import { caseDates } from "@/tests/case-dates";

const q = (s: string) => parseCaseListQuery(new URLSearchParams(s));
const refused = (s: string) => {
  const r = q(s);
  return r.ok ? null : r.refusal;
};

describe("the list's parameters", () => {
  it("default to everything, page 1", () => {
    expect(q("")).toEqual({
      ok: true,
      filters: {
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
      },
    });
  });

  it("read every filter", () => {
    const r = q(
      "year=2026&category=A01&channel=VISIT&township=T-01&unit=zjj&state=REPLIED&timeliness=late&page=4&page_size=500",
    );
    expect(r.ok && r.filters).toEqual({
      query: null,
      year: 2026,
      categoryCode: "A01",
      channel: "VISIT",
      townshipCode: "T-01",
      unitCode: "zjj",
      state: "REPLIED",
      timeliness: "late",
      page: 4,
      pageSize: 500,
      after: null,
    });
  });

  it("read `after`, a tracking number as typed (spaces dropped, upper case), for keyset paging", () => {
    const r = q("after=xf 2026000123&page_size=20");
    expect(r.ok && r.filters).toMatchObject({ after: "XF2026000123", page: 1, pageSize: 20 });
    expect(refused("after=nope")).toEqual({ key: "badAfter", param: "after" });
    expect(refused("after=XF2026000000")).toEqual({ key: "badAfter", param: "after" }); // no sequence 0
    expect(refused("after=XF2026000123&page=2")).toEqual({ key: "badAfter", param: "after" }); // not both ways
    expect(q("after=&page=2")).toMatchObject({ ok: true, filters: { after: null, page: 2 } });
  });

  it("refuse what they cannot read, naming the parameter", () => {
    expect(refused("year=26")).toEqual({ key: "badYear", param: "year" });
    expect(refused("year=2026.5")).toEqual({ key: "badYear", param: "year" });
    expect(refused("unit=a%20b")).toEqual({ key: "badCode", param: "unit" });
    expect(refused("category=" + "x".repeat(41))).toEqual({ key: "badCode", param: "category" });
    expect(refused("channel=EMAIL")).toEqual({ key: "badChannel", param: "channel" });
    expect(refused("state=open")).toEqual({ key: "badState", param: "state" });
    expect(refused("timeliness=early")).toEqual({ key: "badTimeliness", param: "timeliness" });
    expect(refused("page=0")).toEqual({ key: "badPage", param: "page", max: 100_000 });
    expect(refused(`page_size=${LIST_MAX_PAGE_SIZE + 1}`)).toEqual({
      key: "badPage",
      param: "page_size",
      max: LIST_MAX_PAGE_SIZE,
    });
  });
});

describe("late", () => {
  const d = (s: string) => new Date(s);
  const base = caseDates({ receivedAt: d("2026-03-02T02:00:00Z"), routeDueAt: d("2026-03-17T15:59:59Z") });
  const routed = { ...base, arrivedAtUnitAt: d("2026-03-03T02:00:00Z"), acceptDueAt: d("2026-03-18T15:59:59Z") };
  const accepted = {
    ...routed,
    decidedAt: d("2026-03-04T02:00:00Z"),
    acceptedAt: d("2026-03-04T02:00:00Z"),
    handleDueAt: d("2026-05-06T15:59:59Z"),
  };

  it("is a deadline met after it passed, or passed unmet", () => {
    expect(wasLate(base, d("2026-03-10T00:00:00Z"))).toBe(false); // routing still runs
    expect(wasLate(base, d("2026-03-20T00:00:00Z"))).toBe(true); // never routed
    expect(wasLate({ ...base, arrivedAtUnitAt: d("2026-03-20T00:00:00Z") }, d("2026-03-21T00:00:00Z"))).toBe(true);
    expect(wasLate(routed, d("2026-03-20T00:00:00Z"))).toBe(true); // not accepted in time
    expect(wasLate(accepted, d("2026-04-01T00:00:00Z"))).toBe(false);
    expect(wasLate({ ...accepted, repliedAt: d("2026-05-07T01:00:00Z") }, d("2026-06-01T00:00:00Z"))).toBe(true);
    expect(wasLate({ ...accepted, repliedAt: d("2026-05-06T15:00:00Z") }, d("2026-06-01T00:00:00Z"))).toBe(false);
  });

  it("is not a clock the petitioner stopped by withdrawing", () => {
    expect(wasLate({ ...routed, withdrawnAt: d("2026-03-05T00:00:00Z") }, d("2026-04-01T00:00:00Z"))).toBe(false);
    // Late before the withdrawal stays late: the acceptance came after its deadline.
    const lateThenWithdrawn = {
      ...routed,
      decidedAt: d("2026-03-25T00:00:00Z"),
      acceptedAt: d("2026-03-25T00:00:00Z"),
      withdrawnAt: d("2026-03-26T00:00:00Z"),
    };
    expect(wasLate(lateThenWithdrawn, d("2026-04-01T00:00:00Z"))).toBe(true);
  });
});

describe("the list page's addresses", () => {
  const parsed = (s: string) => {
    const r = parseCaseListQuery(new URLSearchParams(s));
    if (!r.ok) throw new Error(s);
    return { ...r.filters, pageSize: LIST_PAGE_SIZE };
  };

  it("put the filters in the path, in one order, page 1 and empty filters left out", () => {
    expect(listPath(parsed(""))).toBe("/letters");
    expect(listPath(parsed("state=REPLIED&year=2026&page=1"))).toBe("/letters/year/2026/state/REPLIED");
    expect(listPath(parsed("q=路灯&timeliness=late&page=3"))).toBe(
      `/letters/q/${encodeURIComponent("路灯")}/timeliness/late/page/3`,
    );
    expect(listPath(parsed("year=2026&after=XF2026000123"))).toBe("/letters/year/2026/after/XF2026000123");
  });

  it("read back exactly the filters of the one address, and nothing else", () => {
    for (const query of [
      "",
      "year=2026&state=REPLIED",
      "q=路灯 坏了&category=A01&page=2",
      "township=T1&unit=U2&channel=VISIT",
      "state=REPLIED&after=XF2026000123",
    ]) {
      const filters = parsed(query);
      const segments = listPath(filters).split("/").slice(2).map(decodeURIComponent);
      expect(filtersOfListPath(segments), query).toEqual(filters);
    }
    for (const bad of [
      ["year"], // no value
      ["state", "REPLIED", "year", "2026"], // out of order
      ["year", "2026", "year", "2025"], // repeated
      ["page", "1"], // page 1 has no segment
      ["q", " 路灯"], // not the trimmed form
      ["colour", "red"], // unknown
      ["state", "open"], // refused value
      ["page_size", "500"], // the page's size is fixed
      ["page", "2", "after", "XF2026000123"], // not both ways of paging
      ["after", "xf2026000123"], // not the upper-case form
    ])
      expect(filtersOfListPath(bad), bad.join("/")).toBeNull();
  });
});
