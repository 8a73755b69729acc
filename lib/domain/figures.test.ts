import { describe, expect, it } from "vitest";
import {
  NO_FIGURE_DATES,
  categoryMetric,
  figureCellsOf,
  figureDelta,
  homeFiguresOf,
  monthOf,
  tallyCells,
  windowMonths,
  type FigureRow,
} from "./figures";

const d = (s: string) => new Date(s);
const base: FigureRow = {
  ...NO_FIGURE_DATES,
  categoryKind: "APPEAL",
  categoryId: "cat1",
  unitId: "u1",
  channel: "ONLINE",
  personCount: 1,
  isCollective: false,
  isRepeat: false,
  state: "SUBMITTED",
  receivedAt: d("2026-03-31T16:30:00Z"), // 2026-04-01 00:30 in Shanghai
  acceptDueAt: null,
  supervised: false,
};
/** The metrics of a row's cells with their months and amounts, "month metric n". */
const cells = (row: FigureRow) => figureCellsOf(row).map((c) => `${c.month} ${c.metric} ${c.n}`);
const metrics = (row: FigureRow) => figureCellsOf(row).map((c) => c.metric);

describe("figureCellsOf: by the month received", () => {
  it("counts a new online case by its Shanghai month of receipt, for its unit, as a case, a person-time, its channel and category", () => {
    expect(monthOf(base.receivedAt)).toBe("2026-04");
    expect(cells(base)).toEqual([
      "2026-04 RECEIVED 1",
      "2026-04 PERSON_TIMES 1",
      "2026-04 ONLINE 1",
      "2026-04 CATEGORY:cat1 1",
      "2026-04 OPEN 1",
    ]);
    expect(figureCellsOf(base).every((c) => c.unitId === "u1")).toBe(true);
  });
  it("counts 涉法涉诉 cases nowhere", () => {
    expect(figureCellsOf({ ...base, categoryKind: "LEGAL" })).toEqual([]);
  });
  it("a visit counts its persons as person-times and visit persons; a collective visit also as a collective batch", () => {
    const visit = { ...base, channel: "VISIT" as const, personCount: 3 };
    expect(cells(visit)).toEqual(
      expect.arrayContaining(["2026-04 PERSON_TIMES 3", "2026-04 VISIT 1", "2026-04 VISIT_PERSONS 3"]),
    );
    expect(metrics(visit)).not.toContain("COLLECTIVE");
    const collective = { ...visit, personCount: 12, isCollective: true };
    expect(cells(collective)).toEqual(
      expect.arrayContaining(["2026-04 PERSON_TIMES 12", "2026-04 COLLECTIVE 1", "2026-04 COLLECTIVE_PERSONS 12"]),
    );
  });
  it("every other channel counts one person-time whatever its person count, under its own counter", () => {
    const expected = {
      ONLINE: "ONLINE",
      LETTER: "LETTER",
      PHONE: "PHONE",
      FAX: "FAX",
      HIGHER_TRANSFER: "HIGHER",
      HIGHER_ASSIGN: "HIGHER",
    } as const;
    for (const [channel, metric] of Object.entries(expected)) {
      const row = { ...base, channel: channel as FigureRow["channel"], personCount: 4, isCollective: true };
      expect(cells(row)).toContain("2026-04 PERSON_TIMES 1");
      expect(metrics(row)).toContain(metric);
      expect(metrics(row)).not.toContain("VISIT_PERSONS");
      expect(metrics(row)).not.toContain("COLLECTIVE");
    }
  });
  it("a repeat case counts as 重复信访; an accusation counts like any case (anonymous counts)", () => {
    expect(metrics({ ...base, isRepeat: true })).toContain("REPEAT");
    expect(metrics({ ...base, categoryKind: "ACCUSATION" })).toContain("RECEIVED");
  });
  it("a finished case is no longer open; an answered one counts as replied", () => {
    expect(metrics({ ...base, state: "NOT_ACCEPTED", decidedAt: d("2026-04-05T00:00:00Z") })).not.toContain("OPEN");
    expect(metrics({ ...base, state: "REPLIED", repliedAt: d("2026-05-01T00:00:00Z") })).toEqual(
      expect.arrayContaining(["REPLIED", "REPLIED_IN"]),
    );
  });
  it("categoryMetric names each category's counter", () => {
    expect(categoryMetric("abc")).toBe("CATEGORY:abc");
  });
});

describe("figureCellsOf: the deadline cohorts", () => {
  const acceptDueAt = d("2026-04-20T15:59:59.999Z");
  it("an acceptance deadline counts once decided — met when decided by it, late after — in the deadline's month", () => {
    const row = { ...base, acceptDueAt };
    expect(metrics(row)).not.toContain("ACCEPT_DUE");
    expect(cells({ ...row, state: "ACCEPTED", decidedAt: acceptDueAt, acceptedAt: acceptDueAt })).toEqual(
      expect.arrayContaining(["2026-04 ACCEPT_DUE 1", "2026-04 ACCEPT_MET 1"]),
    );
    const late = { ...row, state: "NOT_ACCEPTED" as const, decidedAt: d("2026-04-20T16:00:00Z") };
    expect(metrics(late)).toContain("ACCEPT_DUE");
    expect(metrics(late)).not.toContain("ACCEPT_MET");
  });
  it("an undecided acceptance deadline counts as late once the job recorded it (or a later deadline) lapsed, not before", () => {
    expect(metrics({ ...base, acceptDueAt, lapsedDueAt: d("2026-04-10T00:00:00Z") })).not.toContain("ACCEPT_DUE");
    const lapsed = metrics({ ...base, acceptDueAt, lapsedDueAt: acceptDueAt });
    expect(lapsed).toContain("ACCEPT_DUE");
    expect(lapsed).not.toContain("ACCEPT_MET");
  });
  it("a handling deadline: settled and on time in the deadline's month when answered by it; at its last instant is on time", () => {
    const due = d("2026-06-02T15:59:59.999Z");
    const row = { ...base, state: "REPLIED" as const, handleDueAt: due, repliedAt: d("2026-05-20T02:00:00Z") };
    expect(cells(row)).toEqual(expect.arrayContaining(["2026-06 HANDLE_DUE 1", "2026-06 HANDLE_MET 1"]));
    expect(metrics({ ...row, repliedAt: due })).toContain("HANDLE_MET");
    const late = metrics({ ...row, repliedAt: d("2026-06-02T16:00:00Z") });
    expect(late).toContain("HANDLE_DUE");
    expect(late).not.toContain("HANDLE_MET");
  });
  it("an open case's handling deadline is settled once the job recorded it lapsed, not an earlier stage's", () => {
    const due = d("2026-06-02T15:59:59.999Z");
    const open = { ...base, state: "ACCEPTED" as const, handleDueAt: due };
    expect(metrics(open)).not.toContain("HANDLE_DUE");
    expect(metrics({ ...open, lapsedDueAt: d("2026-04-20T15:59:59Z") })).not.toContain("HANDLE_DUE");
    expect(metrics({ ...open, lapsedDueAt: due })).toContain("HANDLE_DUE");
    expect(metrics({ ...open, lapsedDueAt: due })).not.toContain("HANDLE_MET");
  });
  it("accepted cases by the month accepted: replied and supervised among them", () => {
    const accepted = { ...base, state: "ACCEPTED" as const, acceptedAt: d("2026-05-03T01:00:00Z") };
    expect(cells(accepted)).toContain("2026-05 ACCEPTED 1");
    expect(metrics(accepted)).not.toContain("ACCEPTED_REPLIED");
    expect(metrics(accepted)).not.toContain("SUPERVISED");
    expect(cells({ ...accepted, supervised: true })).toContain("2026-05 SUPERVISED 1");
    const replied = { ...accepted, state: "REPLIED" as const, repliedAt: d("2026-07-01T01:00:00Z") };
    expect(cells(replied)).toEqual(expect.arrayContaining(["2026-05 ACCEPTED_REPLIED 1", "2026-07 REPLIED_IN 1"]));
    // A supervised case that was never accepted is in no 督办率 cohort.
    expect(metrics({ ...base, supervised: true })).not.toContain("SUPERVISED");
  });
  it("复查 requests by the month replied", () => {
    const replied = { ...base, state: "IN_REVIEW" as const, repliedAt: d("2026-07-01T01:00:00Z") };
    expect(metrics(replied)).not.toContain("REVIEW_REQUESTED");
    expect(cells({ ...replied, reviewRequestedAt: d("2026-08-03T01:00:00Z") })).toContain("2026-07 REVIEW_REQUESTED 1");
  });
});

describe("figureCellsOf: evaluation", () => {
  const answered = {
    ...base,
    state: "REPLIED" as const,
    repliedAt: d("2026-07-01T01:00:00Z"),
    evaluationWindowEndsAt: d("2026-07-31T15:59:59.999Z"),
  };
  it("an open window counts nowhere; an expired one (recorded by the job) counts as due, not evaluated", () => {
    expect(metrics(answered).filter((m) => m.startsWith("EVAL"))).toEqual([]);
    const expired = metrics({ ...answered, evaluationExpiredAt: d("2026-08-01T00:00:00Z") });
    expect(expired).toContain("EVAL_DUE");
    expect(expired).not.toContain("EVALUATED");
  });
  it("an evaluation of the latest answer counts in the window's month, with its rating", () => {
    const evaluated = { ...answered, evaluatedAt: d("2026-07-10T00:00:00Z") };
    expect(cells({ ...evaluated, unitSatisfaction: "SATISFIED" })).toEqual(
      expect.arrayContaining([
        "2026-07 EVAL_DUE 1",
        "2026-07 EVALUATED 1",
        "2026-07 SATISFIED_OR_BASIC 1",
        "2026-07 SATISFIED 1",
      ]),
    );
    const basic = metrics({ ...evaluated, unitSatisfaction: "BASIC" });
    expect(basic).toContain("SATISFIED_OR_BASIC");
    expect(basic).not.toContain("SATISFIED");
    const not = metrics({ ...evaluated, unitSatisfaction: "UNSATISFIED" });
    expect(not).toContain("EVALUATED");
    expect(not).not.toContain("SATISFIED_OR_BASIC");
  });
  it("an evaluation or an expiry of an earlier answer does not count for a later one (复查 answered since)", () => {
    const reviewed = {
      ...answered,
      state: "REVIEWED" as const,
      reviewedAt: d("2026-09-01T00:00:00Z"),
      evaluationWindowEndsAt: d("2026-10-01T15:59:59.999Z"),
      evaluatedAt: d("2026-07-10T00:00:00Z"),
      evaluationExpiredAt: d("2026-08-20T00:00:00Z"),
      unitSatisfaction: "UNSATISFIED" as const,
    };
    expect(metrics(reviewed).filter((m) => m.startsWith("EVAL"))).toEqual([]);
  });
});

describe("tallyCells and figureDelta", () => {
  it("sums amounts times weights, drops what sums to zero, and keeps units apart", () => {
    const a = { month: "2026-04", unitId: "u1", metric: "VISIT_PERSONS", n: 3 };
    const b = { ...a, unitId: "u2" };
    expect(
      tallyCells([
        [[a, b], 1],
        [[a], 1],
        [[b], -1],
      ]),
    ).toEqual([{ ...a, n: 6 }]);
  });
  it("a new case adds its cells; no change adds nothing", () => {
    expect(
      figureDelta(null, base)
        .map((c) => c.metric)
        .sort(),
    ).toEqual(metrics(base).sort());
    expect(figureDelta(base, { ...base })).toEqual([]);
  });
  it("an answer moves the case from open to replied and settles its deadline", () => {
    const due = d("2026-06-02T15:59:59.999Z");
    const before = { ...base, state: "ACCEPTED" as const, handleDueAt: due };
    const after = { ...before, state: "REPLIED" as const, repliedAt: d("2026-05-01T00:00:00Z") };
    expect(figureDelta(before, after).map((c) => `${c.month} ${c.metric} ${c.n}`)).toEqual([
      "2026-04 OPEN -1",
      "2026-04 REPLIED 1",
      "2026-05 REPLIED_IN 1",
      "2026-06 HANDLE_DUE 1",
      "2026-06 HANDLE_MET 1",
    ]);
  });
  it("an extension moves the settled deadline to its new month", () => {
    const r = { ...base, state: "REPLIED" as const, repliedAt: d("2026-07-01T00:00:00Z") };
    const delta = figureDelta(
      { ...r, handleDueAt: d("2026-06-02T15:59:59Z") },
      { ...r, handleDueAt: d("2026-07-02T15:59:59Z") },
    );
    expect(delta.map((c) => `${c.month} ${c.metric} ${c.n}`)).toEqual([
      "2026-06 HANDLE_DUE -1",
      "2026-07 HANDLE_DUE 1",
      "2026-07 HANDLE_MET 1",
    ]);
  });
  it("a case moving to another handling unit moves all its counters there", () => {
    const delta = figureDelta(base, { ...base, unitId: "u2" });
    expect(delta.filter((c) => c.unitId === "u1").every((c) => c.n === -1)).toBe(true);
    expect(delta.filter((c) => c.unitId === "u2").every((c) => c.n === 1)).toBe(true);
    expect(delta).toHaveLength(2 * figureCellsOf(base).length);
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
    expect(homeFiguresOf({ RECEIVED: 10, REPLIED: 6, OPEN: 4, HANDLE_DUE: 8, HANDLE_MET: 6 })).toEqual({
      total: 10,
      replied: 6,
      open: 4,
      onTimeRate: 0.75,
    });
    expect(homeFiguresOf({}).onTimeRate).toBeNull();
  });
});
