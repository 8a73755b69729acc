import { describe, expect, it } from "vitest";
import { figureCellsOf, figureDelta, homeFiguresOf, monthOf, windowMonths, type FigureRow } from "./figures";

const d = (s: string) => new Date(s);
const base: FigureRow = {
  categoryKind: "GENERAL",
  state: "SUBMITTED",
  receivedAt: d("2026-03-31T16:30:00Z"), // 2026-04-01 00:30 in Shanghai
  repliedAt: null,
  handleDueAt: null,
  lapsedDueAt: null,
};

describe("figureCellsOf", () => {
  it("counts an open case by its Shanghai month of receipt", () => {
    expect(monthOf(base.receivedAt)).toBe("2026-04");
    expect(figureCellsOf(base)).toEqual([
      { month: "2026-04", metric: "RECEIVED" },
      { month: "2026-04", metric: "OPEN" },
    ]);
  });
  it("counts 涉法涉诉 cases nowhere", () => {
    expect(figureCellsOf({ ...base, categoryKind: "LEGAL" })).toEqual([]);
  });
  it("an answer on time: replied, settled and on time in the deadline's month; no longer open", () => {
    const row = {
      ...base,
      state: "REPLIED" as const,
      handleDueAt: d("2026-06-02T15:59:59Z"),
      repliedAt: d("2026-05-20T02:00:00Z"),
    };
    expect(figureCellsOf(row)).toEqual([
      { month: "2026-04", metric: "RECEIVED" },
      { month: "2026-04", metric: "REPLIED" },
      { month: "2026-06", metric: "DUE_SETTLED" },
      { month: "2026-06", metric: "ON_TIME" },
    ]);
  });
  it("a late answer is settled, not on time; an answer at the deadline's last instant is on time", () => {
    const due = d("2026-06-02T15:59:59.999Z");
    const late = figureCellsOf({ ...base, state: "REPLIED", handleDueAt: due, repliedAt: d("2026-06-02T16:00:00Z") });
    expect(late.map((c) => c.metric)).toEqual(["RECEIVED", "REPLIED", "DUE_SETTLED"]);
    const atDue = figureCellsOf({ ...base, state: "REPLIED", handleDueAt: due, repliedAt: due });
    expect(atDue.map((c) => c.metric)).toContain("ON_TIME");
  });
  it("an open case is settled once the job recorded its handling deadline lapsed, not an earlier stage's", () => {
    const due = d("2026-06-02T15:59:59.999Z");
    expect(figureCellsOf({ ...base, state: "ACCEPTED", handleDueAt: due }).map((c) => c.metric)).toEqual([
      "RECEIVED",
      "OPEN",
    ]);
    const earlier = figureCellsOf({
      ...base,
      state: "ACCEPTED",
      handleDueAt: due,
      lapsedDueAt: d("2026-04-20T15:59:59Z"),
    });
    expect(earlier.map((c) => c.metric)).toEqual(["RECEIVED", "OPEN"]);
    const lapsed = figureCellsOf({ ...base, state: "ACCEPTED", handleDueAt: due, lapsedDueAt: due });
    expect(lapsed.map((c) => c.metric)).toEqual(["RECEIVED", "OPEN", "DUE_SETTLED"]);
  });
});

describe("figureDelta", () => {
  it("a new case adds its cells; no change adds nothing", () => {
    expect(figureDelta(null, base)).toEqual([
      { month: "2026-04", metric: "OPEN", n: 1 },
      { month: "2026-04", metric: "RECEIVED", n: 1 },
    ]);
    expect(figureDelta(base, { ...base })).toEqual([]);
  });
  it("an answer moves the case from open to replied and settles its deadline", () => {
    const due = d("2026-06-02T15:59:59.999Z");
    const before = { ...base, state: "ACCEPTED" as const, handleDueAt: due };
    const after = { ...before, state: "REPLIED" as const, repliedAt: d("2026-05-01T00:00:00Z") };
    expect(figureDelta(before, after)).toEqual([
      { month: "2026-04", metric: "OPEN", n: -1 },
      { month: "2026-04", metric: "REPLIED", n: 1 },
      { month: "2026-06", metric: "DUE_SETTLED", n: 1 },
      { month: "2026-06", metric: "ON_TIME", n: 1 },
    ]);
  });
  it("an extension moves the settled deadline to its new month", () => {
    const r = { ...base, state: "REPLIED" as const, repliedAt: d("2026-07-01T00:00:00Z") };
    const delta = figureDelta(
      { ...r, handleDueAt: d("2026-06-02T15:59:59Z") },
      { ...r, handleDueAt: d("2026-07-02T15:59:59Z") },
    );
    expect(delta).toEqual([
      { month: "2026-06", metric: "DUE_SETTLED", n: -1 },
      { month: "2026-07", metric: "DUE_SETTLED", n: 1 },
      { month: "2026-07", metric: "ON_TIME", n: 1 },
    ]);
  });
});

describe("windowMonths and homeFiguresOf", () => {
  it("the current Shanghai month and the eleven before, across a year boundary", () => {
    const months = windowMonths(d("2026-02-28T16:00:00Z")); // 2026-03-01 in Shanghai
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2025-04");
    expect(months[11]).toBe("2026-03");
    expect(windowMonths(d("2026-01-15T00:00:00Z"), 2)).toEqual(["2025-12", "2026-01"]);
  });
  it("the on-time rate is on time over settled; none settled gives no rate", () => {
    expect(homeFiguresOf({ RECEIVED: 10, REPLIED: 6, OPEN: 4, DUE_SETTLED: 8, ON_TIME: 6 })).toEqual({
      total: 10,
      replied: 6,
      open: 4,
      onTimeRate: 0.75,
    });
    expect(homeFiguresOf({}).onTimeRate).toBeNull();
  });
});
