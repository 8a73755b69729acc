import { describe, expect, it } from "vitest";
import { buildCalendar, EMPTY_CALENDAR, returnDeadline } from "./deadlines";
import { isWithinReturnWindow } from "./return-window";

// 2026 劳动节: May 1–5 off, Sat May 9 worked.
const cal = buildCalendar([
  ...["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05"].map((date) => ({
    date,
    kind: "OFF" as const,
  })),
  { date: "2026-05-09", kind: "WORKDAY" as const },
]);
const at = (s: string) => new Date(s);

describe("退回 within 5 working days of arrival (条例第23条)", () => {
  it("is allowed through the end of the fifth working day and refused from the next instant", () => {
    // Arrived Tue 2026-03-10: working days 11, 12, 13, 16, 17 → due Tue 17 March, 23:59:59.999 Shanghai.
    const due = returnDeadline(at("2026-03-10T02:00:00Z"), EMPTY_CALENDAR);
    expect(due.dueDate).toBe("2026-03-17");
    expect(isWithinReturnWindow(due.dueAt, at("2026-03-17T15:59:59.999Z"))).toBe(true);
    expect(isWithinReturnWindow(due.dueAt, at("2026-03-17T16:00:00.000Z"))).toBe(false);
    expect(isWithinReturnWindow(due.dueAt, at("2026-03-18T02:00:00Z"))).toBe(false);
  });

  it("skips holidays: arrived before 劳动节, the window runs to 8 May, not 5 May", () => {
    const due = returnDeadline(at("2026-04-28T02:00:00Z"), cal);
    expect(due.dueDate).toBe("2026-05-08");
    expect(isWithinReturnWindow(due.dueAt, at("2026-05-05T08:00:00Z"))).toBe(true);
    expect(isWithinReturnWindow(due.dueAt, at("2026-05-08T15:59:59.999Z"))).toBe(true);
    expect(isWithinReturnWindow(due.dueAt, at("2026-05-08T16:00:00.000Z"))).toBe(false);
  });

  it("does not limit a case that has no return deadline", () => {
    expect(isWithinReturnWindow(null, at("2030-01-01T00:00:00Z"))).toBe(true);
  });
});
