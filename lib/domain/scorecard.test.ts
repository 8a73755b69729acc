import { describe, expect, it } from "vitest";
import {
  emptyTally,
  figuresOf,
  medianDays,
  nextSortDirection,
  percentOneDecimal,
  periodDates,
  resolvePeriod,
  sortScorecardRows,
  sumTallies,
  type ScorecardRow,
  type ScorecardTally,
} from "./scorecard";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
// Shanghai is UTC+8: 2026-05-20 10:00 there.
const AT = new Date("2026-05-20T02:00:00.000Z");

describe("percentOneDecimal", () => {
  it("is the fraction in percent with one decimal", () => {
    expect(percentOneDecimal(7, 8)).toBe(87.5);
    expect(percentOneDecimal(1, 3)).toBe(33.3); // 33.33…
    expect(percentOneDecimal(2, 3)).toBe(66.7); // 66.66… rounds up
    expect(percentOneDecimal(3, 3)).toBe(100);
    expect(percentOneDecimal(0, 5)).toBe(0);
  });
  it("rounds half up, exactly (no binary-fraction drift)", () => {
    expect(percentOneDecimal(1, 16)).toBe(6.3); // 6.25
    expect(percentOneDecimal(1, 32)).toBe(3.1); // 3.125
    expect(percentOneDecimal(1, 2000)).toBe(0.1); // 0.05
    expect(percentOneDecimal(1, 2001)).toBe(0); // 0.04998…
    expect(percentOneDecimal(1999, 2000)).toBe(100); // 99.95 → 100.0
    expect(percentOneDecimal(19989, 20000)).toBe(99.9); // 99.945 → 99.9
  });
  it("has no value when there is nothing to divide by — never 0% or 100%", () => {
    expect(percentOneDecimal(0, 0)).toBeNull();
  });
  it("refuses what is not a fraction", () => {
    expect(() => percentOneDecimal(3, 2)).toThrow(RangeError);
    expect(() => percentOneDecimal(-1, 2)).toThrow(RangeError);
    expect(() => percentOneDecimal(0.5, 2)).toThrow(RangeError);
  });
});

describe("medianDays", () => {
  it("is null with no case", () => expect(medianDays([])).toBeNull());
  it("is the middle value of an odd count, in any order", () => {
    expect(medianDays([5 * DAY, 1 * DAY, 3 * DAY])).toBe(3);
  });
  it("is the mean of the two middle values of an even count", () => {
    expect(medianDays([1 * DAY, 2 * DAY, 10 * DAY, 4 * DAY])).toBe(3); // (2 + 4) / 2
    expect(medianDays([1 * DAY, 2 * DAY])).toBe(1.5);
  });
  it("gives days with one decimal, rounded half up", () => {
    expect(medianDays([36 * HOUR])).toBe(1.5);
    expect(medianDays([DAY + 0.05 * DAY])).toBe(1.1); // 1.05 → 1.1
    expect(medianDays([DAY + 0.05 * DAY - 1])).toBe(1); // just under 1.05
    expect(medianDays([2 * HOUR])).toBe(0.1); // 0.083…
    expect(medianDays([1, 2])).toBe(0); // 1.5 ms: a mean ending in .5 is fine
  });
});

describe("periodDates (Asia/Shanghai civil dates)", () => {
  it("resolves each named period from the civil date in Shanghai", () => {
    expect(periodDates({ kind: "thisMonth" }, AT)).toEqual({ from: "2026-05-01", to: "2026-05-31" });
    expect(periodDates({ kind: "lastMonth" }, AT)).toEqual({ from: "2026-04-01", to: "2026-04-30" });
    expect(periodDates({ kind: "thisQuarter" }, AT)).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(periodDates({ kind: "thisYear" }, AT)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodDates({ kind: "lastYear" }, AT)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(periodDates({ kind: "range", from: "2026-02-03", to: "2026-02-03" }, AT)).toEqual({
      from: "2026-02-03",
      to: "2026-02-03",
    });
  });
  it("crosses year ends and knows February", () => {
    const jan = new Date("2026-01-15T04:00:00Z");
    expect(periodDates({ kind: "lastMonth" }, jan)).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(periodDates({ kind: "thisQuarter" }, jan)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(periodDates({ kind: "lastMonth" }, new Date("2028-03-10T04:00:00Z"))).toEqual({
      from: "2028-02-01",
      to: "2028-02-29", // leap year
    });
    expect(periodDates({ kind: "thisQuarter" }, new Date("2026-12-31T04:00:00Z"))).toEqual({
      from: "2026-10-01",
      to: "2026-12-31",
    });
  });
  it("takes the date in Shanghai, not in UTC: 2026-05-31 20:00 UTC is already June", () => {
    const lateUtc = new Date("2026-05-31T16:00:00.000Z"); // 2026-06-01 00:00 in Shanghai
    expect(periodDates({ kind: "thisMonth" }, lateUtc)).toEqual({ from: "2026-06-01", to: "2026-06-30" });
    const justBefore = new Date("2026-05-31T15:59:59.999Z"); // 23:59:59.999 on 05-31
    expect(periodDates({ kind: "thisMonth" }, justBefore)).toEqual({ from: "2026-05-01", to: "2026-05-31" });
  });
  it("refuses a range that ends before it starts", () => {
    expect(() => periodDates({ kind: "range", from: "2026-03-02", to: "2026-03-01" }, AT)).toThrow(RangeError);
  });
});

describe("resolvePeriod", () => {
  it("spans midnight of the first day to the last millisecond of the last, Shanghai time", () => {
    const p = resolvePeriod({ kind: "range", from: "2026-03-01", to: "2026-03-31" }, AT);
    expect(p.start.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-03-31T15:59:59.999Z");
    expect(p.dueUntil).toEqual(p.end); // the period is over: every deadline in it has passed
  });
  it("cuts the deadline cohorts at now while the period runs", () => {
    const p = resolvePeriod({ kind: "thisMonth" }, AT);
    expect(p.end.toISOString()).toBe("2026-05-31T15:59:59.999Z");
    expect(p.dueUntil).toEqual(AT);
  });
  it("has no passed deadline in a period still to come", () => {
    const p = resolvePeriod({ kind: "range", from: "2026-06-01", to: "2026-06-30" }, AT);
    expect(p.dueUntil.getTime()).toBeLessThan(p.start.getTime());
  });
});

const tally = (over: Partial<ScorecardTally>): ScorecardTally => ({ ...emptyTally(), ...over });

describe("figuresOf: every rate from its numerator and denominator", () => {
  const f = figuresOf(
    tally({
      received: 9,
      pending: 4,
      overdueNow: 2,
      acceptDue: 8,
      decidedInTime: 7,
      handleDue: 3,
      repliedInTime: 2,
      accepted: 6,
      acceptedReplied: 3,
      windowsEnded: 4,
      evaluated: 3,
      satisfiedOrBasic: 2,
      satisfied: 1,
      ordersReceived: 5,
      ordersLate: 2,
      acceptDurationsMs: [2 * DAY, 4 * DAY],
      replyDurationsMs: [10 * DAY],
    }),
  );
  it("counts as they are", () => {
    expect([f.received, f.pending, f.overdueNow, f.ordersReceived, f.ordersLate]).toEqual([9, 4, 2, 5, 2]);
  });
  it("及时受理率, 按期办结率, 办结率, 参评率, 满意率, 满意", () => {
    expect(f.timelyAcceptance).toEqual({ num: 7, den: 8, percent: 87.5 });
    expect(f.onTimeCompletion).toEqual({ num: 2, den: 3, percent: 66.7 });
    expect(f.completion).toEqual({ num: 3, den: 6, percent: 50 });
    expect(f.participation).toEqual({ num: 3, den: 4, percent: 75 });
    expect(f.satisfaction).toEqual({ num: 2, den: 3, percent: 66.7 });
    expect(f.satisfied).toEqual({ num: 1, den: 3, percent: 33.3 });
  });
  it("medians", () => {
    expect(f.medianAcceptDays).toBe(3);
    expect(f.medianReplyDays).toBe(10);
  });
  it("a unit with nothing in a cohort shows no rate and no median, not 0", () => {
    const e = figuresOf(emptyTally());
    for (const r of [
      e.timelyAcceptance,
      e.onTimeCompletion,
      e.completion,
      e.participation,
      e.satisfaction,
      e.satisfied,
    ])
      expect(r.percent).toBeNull();
    expect(e.medianAcceptDays).toBeNull();
    expect(e.medianReplyDays).toBeNull();
  });
  it("no evaluation: 满意率 has no value even when windows expired (参评率 0%)", () => {
    const g = figuresOf(tally({ windowsEnded: 2, evaluated: 0 }));
    expect(g.participation.percent).toBe(0);
    expect(g.satisfaction.percent).toBeNull();
  });
});

describe("sumTallies: the total row", () => {
  it("adds numerators and denominators (not rates) and pools the durations", () => {
    const a = tally({ acceptDue: 1, decidedInTime: 1, acceptDurationsMs: [1 * DAY], received: 2 });
    const b = tally({ acceptDue: 3, decidedInTime: 0, acceptDurationsMs: [5 * DAY, 9 * DAY], received: 1 });
    const total = figuresOf(sumTallies([a, b]));
    expect(total.received).toBe(3);
    // Not the mean of 100% and 0%: 1 of 4.
    expect(total.timelyAcceptance).toEqual({ num: 1, den: 4, percent: 25 });
    // The median of 1, 5, 9 — not the median of the medians (1 and 7).
    expect(total.medianAcceptDays).toBe(5);
    expect(a.acceptDurationsMs).toEqual([1 * DAY]); // the inputs are left alone
  });
  it("of nothing is empty", () => expect(sumTallies([])).toEqual(emptyTally()));
});

describe("sortScorecardRows", () => {
  const row = (name: string, order: number, over: Partial<ScorecardTally>): ScorecardRow => ({
    unitId: name,
    unitCode: name,
    unitName: name,
    order,
    figures: figuresOf(tally(over)),
  });
  const rows = [
    row("a", 0, { received: 5, acceptDue: 2, decidedInTime: 1 }), // 50%
    row("b", 1, { received: 9 }), // —
    row("c", 2, { received: 5, acceptDue: 4, decidedInTime: 4 }), // 100%
    row("d", 3, { received: 1, acceptDue: 5, decidedInTime: 0 }), // 0%
  ];
  const names = (r: ScorecardRow[]) => r.map((x) => x.unitName);
  it("by the unit tree's order, either way", () => {
    expect(names(sortScorecardRows([...rows].reverse(), { column: "unit", dir: "asc" }))).toEqual(["a", "b", "c", "d"]);
    expect(names(sortScorecardRows(rows, { column: "unit", dir: "desc" }))).toEqual(["d", "c", "b", "a"]);
  });
  it("by a count, ties in the tree's order", () => {
    expect(names(sortScorecardRows(rows, { column: "received", dir: "desc" }))).toEqual(["b", "a", "c", "d"]);
    expect(names(sortScorecardRows(rows, { column: "received", dir: "asc" }))).toEqual(["d", "a", "c", "b"]);
  });
  it("by a rate, rows without a value last in both directions", () => {
    expect(names(sortScorecardRows(rows, { column: "timelyAcceptance", dir: "desc" }))).toEqual(["c", "a", "d", "b"]);
    expect(names(sortScorecardRows(rows, { column: "timelyAcceptance", dir: "asc" }))).toEqual(["d", "a", "c", "b"]);
  });
  it("returns a new array", () => {
    const copy = [...rows];
    sortScorecardRows(rows, { column: "received", dir: "desc" });
    expect(rows).toEqual(copy);
  });
});

describe("nextSortDirection", () => {
  it("flips the current column; another column starts with its natural direction", () => {
    expect(nextSortDirection({ column: "received", dir: "desc" }, "received")).toBe("asc");
    expect(nextSortDirection({ column: "received", dir: "asc" }, "received")).toBe("desc");
    expect(nextSortDirection({ column: "unit", dir: "asc" }, "received")).toBe("desc");
    expect(nextSortDirection({ column: "received", dir: "asc" }, "unit")).toBe("asc");
    expect(nextSortDirection({ column: "unit", dir: "asc" }, "unit")).toBe("desc");
  });
});
