import { describe, expect, it } from "vitest";
import {
  STAT_COUNT_KEYS,
  STAT_RATE_KEYS,
  fraction4,
  parseStatsQuery,
  periodDateRange,
  periodMonths,
  previousPeriod,
  statisticsOf,
  statsJsonOf,
  statsPath,
  statsQueryOfPath,
  yoyPercent,
} from "./statistics";

describe("periods", () => {
  it("a year has its twelve months, a quarter its three; the previous period is the same one a year earlier", () => {
    expect(periodMonths({ year: 2025, quarter: null })).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
    ]);
    expect(periodMonths({ year: 2025, quarter: 1 })).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(periodMonths({ year: 2025, quarter: 4 })).toEqual(["2025-10", "2025-11", "2025-12"]);
    expect(previousPeriod({ year: 2025, quarter: 3 })).toEqual({ year: 2024, quarter: 3 });
  });
  it("a period's first and last days: a leap February, a quarter, a year's end", () => {
    expect(periodDateRange({ year: 2024, quarter: 1 })).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(periodDateRange({ year: 2025, quarter: 2 })).toEqual({ from: "2025-04-01", to: "2025-06-30" });
    expect(periodDateRange({ year: 2025, quarter: 4 })).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(periodDateRange({ year: 2024, quarter: null })).toEqual({ from: "2024-01-01", to: "2024-12-31" });
  });
});

describe("fraction4 and yoyPercent", () => {
  it("rounds fractions half up to four places, exactly; nothing to divide by gives null", () => {
    expect(fraction4(1, 3)).toBe(0.3333);
    expect(fraction4(2, 3)).toBe(0.6667);
    expect(fraction4(1, 8)).toBe(0.125);
    expect(fraction4(1, 20000 * 2)).toBe(0); // 0.000025 → 0.0000 (half of the last place is 0.00005)
    expect(fraction4(1, 20000)).toBe(0.0001); // 0.00005 rounds up
    expect(fraction4(5, 5)).toBe(1);
    expect(fraction4(0, 0)).toBeNull();
    expect(() => fraction4(3, 2)).toThrow(RangeError);
    expect(() => fraction4(-1, 2)).toThrow(RangeError);
  });
  it("the change in percent with one decimal, half away from zero; null without a previous figure", () => {
    expect(yoyPercent(1628, 1374)).toBe(18.5); // 18.486…
    expect(yoyPercent(50, 108)).toBe(-53.7); // −53.703…
    expect(yoyPercent(3, 2)).toBe(50);
    expect(yoyPercent(1, 8)).toBe(-87.5);
    expect(yoyPercent(2001, 2000)).toBe(0.1); // 0.05 → 0.1
    expect(yoyPercent(1999, 2000)).toBe(-0.1); // −0.05 → −0.1
    expect(yoyPercent(7, 7)).toBe(0);
    expect(yoyPercent(0, 4)).toBe(-100);
    expect(yoyPercent(5, 0)).toBeNull();
    expect(yoyPercent(0, 0)).toBeNull();
    expect(() => yoyPercent(1.5, 2)).toThrow(RangeError);
  });
});

describe("statisticsOf and statsJsonOf", () => {
  const current = {
    RECEIVED: 10,
    PERSON_TIMES: 25,
    LETTER: 2,
    VISIT: 4,
    VISIT_PERSONS: 19,
    COLLECTIVE: 1,
    COLLECTIVE_PERSONS: 12,
    ONLINE: 2,
    PHONE: 1,
    FAX: 0,
    HIGHER: 1,
    REPEAT: 1,
    ACCEPT_DUE: 8,
    ACCEPT_MET: 7,
    HANDLE_DUE: 6,
    HANDLE_MET: 4,
    ACCEPTED: 7,
    ACCEPTED_REPLIED: 5,
    SUPERVISED: 2,
    REPLIED_IN: 6,
    REVIEW_REQUESTED: 1,
    EVAL_DUE: 5,
    EVALUATED: 4,
    SATISFIED_OR_BASIC: 3,
    SATISFIED: 2,
  };
  const previous = { RECEIVED: 8, PERSON_TIMES: 8, LETTER: 4, ONLINE: 4 };
  const s = statisticsOf(current, previous);
  it("counts each key from its counter and compares it with the previous period", () => {
    expect(s.counts.total_person_times).toBe(25);
    expect(s.counts.from_higher).toBe(1);
    expect(s.yoy.cases).toBe(25);
    expect(s.yoy.total_person_times).toBe(212.5);
    expect(s.yoy.letters).toBe(-50);
    expect(s.yoy.visit_batches).toBeNull();
    expect(s.previous.letters).toBe(4);
  });
  it("rates are numerator ÷ denominator with both kept; shares of all visits", () => {
    expect(s.rates.timely_acceptance_rate).toEqual({ num: 7, den: 8, value: 0.875 });
    expect(s.rates.on_time_completion_rate.value).toBe(0.6667);
    expect(s.rates.completion_rate.value).toBe(0.7143);
    expect(s.rates.participation_rate.value).toBe(0.8);
    expect(s.rates.satisfaction_rate.value).toBe(0.75);
    expect(s.rates.satisfied_rate.value).toBe(0.5);
    expect(s.rates.repeat_rate.value).toBe(0.1);
    expect(s.rates.supervision_rate.value).toBe(0.2857);
    expect(s.rates.review_rate.value).toBe(0.1667);
    expect(s.shares.collective_batch_share.value).toBe(0.25);
    expect(s.shares.collective_person_share.value).toBe(0.6316);
  });
  it("stats.json carries every count with its _yoy_pct, and every rate; an empty period has nulls, never 0%", () => {
    const json = statsJsonOf(s);
    for (const k of STAT_COUNT_KEYS) {
      expect(json).toHaveProperty(k);
      expect(json).toHaveProperty(`${k}_yoy_pct`);
    }
    for (const k of STAT_RATE_KEYS) expect(json).toHaveProperty(k);
    expect(json.fax).toBe(0);
    expect(json.fax_yoy_pct).toBeNull();
    const empty = statsJsonOf(statisticsOf({}, {}));
    expect(empty.cases).toBe(0);
    for (const k of STAT_RATE_KEYS) expect(empty[k]).toBeNull();
  });
});

describe("parseStatsQuery", () => {
  const parse = (q: string, def: number | null = null) => parseStatsQuery(new URLSearchParams(q), def);
  it("takes a year, a quarter and a unit code", () => {
    expect(parse("year=2025&quarter=2&unit=ZJJ")).toEqual({
      ok: true,
      query: { year: 2025, quarter: 2, unitCode: "ZJJ" },
    });
    expect(parse("year=2025")).toEqual({ ok: true, query: { year: 2025, quarter: null, unitCode: null } });
    expect(parse("year=2025&quarter=&unit=")).toEqual({
      ok: true,
      query: { year: 2025, quarter: null, unitCode: null },
    });
    expect(parse("", 2026)).toEqual({ ok: true, query: { year: 2026, quarter: null, unitCode: null } });
  });
  it("refuses a missing or bad year, a bad quarter, a bad code", () => {
    expect(parse("")).toEqual({ ok: false, refusal: { key: "badYear", param: "year" } });
    for (const y of ["1989", "2101", "20x5", "-2025", "2025.0"])
      expect(parse(`year=${y}`)).toMatchObject({ ok: false, refusal: { key: "badYear" } });
    for (const q of ["0", "5", "q1", "1.5"])
      expect(parse(`year=2025&quarter=${q}`)).toMatchObject({ ok: false, refusal: { key: "badQuarter" } });
    expect(parse("year=2025&unit=a%20b")).toMatchObject({ ok: false, refusal: { key: "badCode", param: "unit" } });
  });
});

describe("statsPath and statsQueryOfPath", () => {
  it("one address per choice, both ways", () => {
    const choices = [
      { year: 2025, quarter: null, unitCode: null },
      { year: 2025, quarter: 3 as const, unitCode: null },
      { year: 2026, quarter: null, unitCode: "ZJJ" },
      { year: 2026, quarter: 1 as const, unitCode: "T-01" },
    ];
    for (const q of choices) {
      const path = statsPath("/stats", q);
      expect(statsQueryOfPath(path.split("/").slice(2))).toEqual(q);
      expect(statsPath("/report", q).replace("/report", "/stats")).toBe(path);
    }
    expect(statsPath("/stats", choices[3]!)).toBe("/stats/2026/q/1/unit/T-01");
  });
  it("any other form is no address", () => {
    for (const segs of [
      [],
      ["x"],
      ["2025", "q"],
      ["2025", "q", "5"],
      ["2025", "unit", "A", "q", "1"],
      ["2025", "q", "01"],
      ["2025", "year", "2025"],
      ["02025"],
    ])
      expect(statsQueryOfPath(segs)).toBeNull();
  });
});
