import { describe, expect, it } from "vitest";
import { parseScorecardParams, scorecardSearch } from "./scorecard";

describe("parseScorecardParams", () => {
  it("defaults to this month by unit", () => {
    expect(parseScorecardParams({})).toEqual({
      params: { period: { kind: "thisMonth" }, sort: { column: "unit", dir: "asc" } },
      problems: [],
      typed: { from: undefined, to: undefined },
    });
  });
  it("reads a named period, a range and a sort (a figure column sorts largest first by default)", () => {
    expect(parseScorecardParams({ period: "lastYear", sort: "received" }).params).toEqual({
      period: { kind: "lastYear" },
      sort: { column: "received", dir: "desc" },
    });
    expect(
      parseScorecardParams(new URLSearchParams("period=range&from=2026-04-01&to=2026-04-30&sort=completion&dir=asc"))
        .params,
    ).toEqual({
      period: { kind: "range", from: "2026-04-01", to: "2026-04-30" },
      sort: { column: "completion", dir: "asc" },
    });
  });
  it("drops what does not parse, and reports the dates a person typed", () => {
    expect(parseScorecardParams({ period: "decade", sort: "DROP TABLE", dir: "up" }).params).toEqual({
      period: { kind: "thisMonth" },
      sort: { column: "unit", dir: "asc" },
    });
    const bad = parseScorecardParams({ period: "range", from: "2026-02-30", to: "" });
    expect(bad.params.period).toEqual({ kind: "thisMonth" });
    expect(bad.problems).toEqual([
      { field: "from", key: "scorecard.errors.invalidDate" },
      { field: "to", key: "scorecard.errors.dateRequired" },
    ]);
    expect(bad.typed.from).toBe("2026-02-30");
    expect(parseScorecardParams({ period: "range", from: "2026-05-02", to: "2026-05-01" }).problems).toEqual([
      { field: "to", key: "scorecard.errors.dateOrder" },
    ]);
  });
});

describe("scorecardSearch", () => {
  it("leaves the defaults out and round-trips", () => {
    expect(scorecardSearch({ period: { kind: "thisMonth" }, sort: { column: "unit", dir: "asc" } })).toBe("");
    const params = {
      period: { kind: "range" as const, from: "2026-04-01", to: "2026-04-30" },
      sort: { column: "ordersLate" as const, dir: "desc" as const },
    };
    const qs = scorecardSearch(params);
    expect(qs).toBe("?period=range&from=2026-04-01&to=2026-04-30&sort=ordersLate&dir=desc");
    expect(parseScorecardParams(new URLSearchParams(qs.slice(1))).params).toEqual(params);
  });
});
