import { describe, expect, it } from "vitest";
import { buildCalendar, EMPTY_CALENDAR } from "./deadlines";
import { endOfCivilDay, startOfCivilDay } from "./civil-date";
import {
  answeredLate,
  awaitsAnswer,
  isSupervisionMeasure,
  mayEscalate,
  orderAnswerDeadline,
  orderStatus,
  strongerMeasures,
  SUPERVISION_MEASURES,
} from "./supervision";

const at = (d: string, h = 10) => new Date(startOfCivilDay(d).getTime() + h * 3_600_000);

describe("measures", () => {
  it("are the five of 条例第40条, mildest first", () => {
    expect(SUPERVISION_MEASURES).toEqual(["URGE", "LETTER", "INTERVIEW", "NOTICE", "LISTED"]);
    expect(isSupervisionMeasure("LETTER")).toBe(true);
    expect(isSupervisionMeasure("督办函")).toBe(false);
  });

  it("escalate only to stronger ones", () => {
    expect(strongerMeasures("URGE")).toEqual(["LETTER", "INTERVIEW", "NOTICE", "LISTED"]);
    expect(strongerMeasures("NOTICE")).toEqual(["LISTED"]);
    expect(strongerMeasures("LISTED")).toEqual([]);
  });
});

describe("answer deadline", () => {
  it("is N calendar days later, at the end of that day", () => {
    expect(orderAnswerDeadline(at("2026-03-02"), 7, EMPTY_CALENDAR)).toEqual({
      dueAt: endOfCivilDay("2026-03-09"),
      dueDate: "2026-03-09",
    });
  });

  it("rolls off a weekend and a holiday to the next working day, and a 调休 Saturday counts as working", () => {
    // 2026-03-07 is a Saturday → Monday 2026-03-09.
    expect(orderAnswerDeadline(at("2026-02-28"), 7, EMPTY_CALENDAR).dueDate).toBe("2026-03-09");
    const cal = buildCalendar([
      { date: "2026-10-01", kind: "OFF" },
      { date: "2026-10-02", kind: "OFF" },
      { date: "2026-10-10", kind: "WORKDAY" },
    ]);
    expect(orderAnswerDeadline(at("2026-09-24"), 7, cal).dueDate).toBe("2026-10-05");
    expect(orderAnswerDeadline(at("2026-10-03"), 7, cal).dueDate).toBe("2026-10-10");
  });

  it("refuses a period that is not a positive whole number of days", () => {
    expect(() => orderAnswerDeadline(at("2026-03-02"), 0, EMPTY_CALENDAR)).toThrow(RangeError);
    expect(() => orderAnswerDeadline(at("2026-03-02"), 1.5, EMPTY_CALENDAR)).toThrow(RangeError);
  });
});

describe("order status", () => {
  const due = endOfCivilDay("2026-03-09");
  const base = { answerDueAt: due, answeredAt: null, escalatedAt: null };

  it("is open until the end of the due day, overdue after", () => {
    expect(orderStatus(base, due)).toBe("open");
    expect(orderStatus(base, new Date(due.getTime() + 1))).toBe("overdue");
  });

  it("answered and superseded orders no longer wait, whatever the clock", () => {
    const late = new Date(due.getTime() + 86_400_000);
    expect(orderStatus({ ...base, answeredAt: late }, late)).toBe("answered");
    expect(orderStatus({ ...base, escalatedAt: late }, late)).toBe("superseded");
    expect(awaitsAnswer(base)).toBe(true);
    expect(awaitsAnswer({ ...base, answeredAt: late })).toBe(false);
    expect(awaitsAnswer({ ...base, escalatedAt: late })).toBe(false);
  });

  it("knows an answer after the deadline was late", () => {
    expect(answeredLate({ ...base, answeredAt: due })).toBe(false);
    expect(answeredLate({ ...base, answeredAt: new Date(due.getTime() + 1) })).toBe(true);
    expect(answeredLate(base)).toBe(false);
  });

  it("may be escalated only while it waits, and only to a stronger measure", () => {
    const o = { ...base, measure: "LETTER" as const };
    expect(mayEscalate(o, "INTERVIEW")).toBe(true);
    expect(mayEscalate(o, "URGE")).toBe(false);
    expect(mayEscalate(o, "LETTER")).toBe(false);
    expect(mayEscalate({ ...o, answeredAt: due }, "LISTED")).toBe(false);
    expect(mayEscalate({ ...o, escalatedAt: due }, "LISTED")).toBe(false);
  });
});
