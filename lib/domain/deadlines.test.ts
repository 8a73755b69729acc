import { describe, expect, it } from "vitest";
import {
  DUE_SOON_DAYS,
  EMPTY_CALENDAR,
  MAX_EXTENSION_DAYS,
  PERIODS,
  acceptDeadline,
  buildCalendar,
  calendarDaysDeadline,
  deadlineStatus,
  handleDeadline,
  isDueSoon,
  isWorkingDay,
  recheckAnswerDeadline,
  recheckWindow,
  returnDeadline,
  reviewAnswerDeadline,
  reviewWindow,
  rollForwardToWorkingDay,
  routeDeadline,
  workingDaysDeadline,
  type Deadline,
  type DeadlineExplanation,
  type HolidayRow,
} from "./deadlines";

/**
 * Fixture: the real 2026 schedule, as published in 国务院办公厅关于2026年部分节假日安排的通知
 * (国务院办公厅, 2025-11-04, via 新华社) — exactly the rows an admin would enter:
 *   元旦   1月1日(周四)–3日(周六) 放假；1月4日(周日)上班
 *   春节   2月15日(周日)–23日(周一) 放假；2月14日(周六)、2月28日(周六)上班
 *   清明   4月4日(周六)–6日(周一) 放假
 *   劳动节 5月1日(周五)–5日(周二) 放假；5月9日(周六)上班
 *   端午   6月19日(周五)–21日(周日) 放假
 *   中秋   9月25日(周五)–27日(周日) 放假
 *   国庆   10月1日(周四)–7日(周三) 放假；9月20日(周日)、10月10日(周六)上班
 */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
function plusDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
const OFF_2026 = [
  ...range("2026-01-01", "2026-01-03"),
  ...range("2026-02-15", "2026-02-23"),
  ...range("2026-04-04", "2026-04-06"),
  ...range("2026-05-01", "2026-05-05"),
  ...range("2026-06-19", "2026-06-21"),
  ...range("2026-09-25", "2026-09-27"),
  ...range("2026-10-01", "2026-10-07"),
];
const WORKDAYS_2026 = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"];
const ROWS_2026: HolidayRow[] = [
  ...OFF_2026.map((date) => ({ date, kind: "OFF" as const })),
  ...WORKDAYS_2026.map((date) => ({ date, kind: "WORKDAY" as const })),
];
const CAL_2026 = buildCalendar(ROWS_2026);

/** An instant at hh:mm Shanghai time on a civil date. */
function shanghai(date: string, time = "10:00"): Date {
  return new Date(`${date}T${time}:00.000+08:00`);
}

/** The explanation with defaults for "nothing rolled, no extension". */
function explanation(
  e: Partial<DeadlineExplanation> & Pick<DeadlineExplanation, "kind" | "startDate" | "days" | "rawDate">,
): DeadlineExplanation {
  return {
    unit: "calendar",
    rolledTo: null,
    extensionDays: 0,
    extendedRawDate: null,
    extendedRolledTo: null,
    dueDate: e.rolledTo ?? e.rawDate,
    ...e,
  };
}

function expectDueOn(deadline: Deadline, date: string) {
  expect(deadline.dueDate).toBe(date);
  expect(deadline.explanation.dueDate).toBe(date);
  // end of the Shanghai civil day = 15:59:59.999 UTC of the same date
  expect(deadline.dueAt.toISOString()).toBe(`${date}T15:59:59.999Z`);
}

describe("fixture sanity (so the tests below mean what they say)", () => {
  it("has 33 days off and 6 调休 working days", () => {
    expect(OFF_2026).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(CAL_2026.off.size).toBe(33);
    expect(CAL_2026.workdays.size).toBe(6);
  });

  it("every 调休 working day is a Saturday or Sunday", () => {
    for (const d of WORKDAYS_2026) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
  });
});

describe("buildCalendar / isWorkingDay", () => {
  it("splits rows into days off and 调休 working days", () => {
    const cal = buildCalendar([
      { date: "2026-05-01", kind: "OFF" },
      { date: "2026-05-09", kind: "WORKDAY" },
    ]);
    expect([...cal.off]).toEqual(["2026-05-01"]);
    expect([...cal.workdays]).toEqual(["2026-05-09"]);
  });

  it("an ordinary weekday is a working day; an ordinary weekend is not", () => {
    expect(isWorkingDay("2026-03-02", CAL_2026)).toBe(true); // Mon
    expect(isWorkingDay("2026-03-06", CAL_2026)).toBe(true); // Fri
    expect(isWorkingDay("2026-03-07", CAL_2026)).toBe(false); // Sat
    expect(isWorkingDay("2026-03-08", CAL_2026)).toBe(false); // Sun
  });

  it("a weekday holiday is not a working day (only with the calendar)", () => {
    expect(isWorkingDay("2026-05-04", CAL_2026)).toBe(false); // Mon, 劳动节
    expect(isWorkingDay("2026-05-04", EMPTY_CALENDAR)).toBe(true);
    expect(isWorkingDay("2026-10-01", CAL_2026)).toBe(false); // Thu, 国庆
  });

  it("a 调休 Saturday or Sunday is a working day (only with the calendar)", () => {
    expect(isWorkingDay("2026-05-09", CAL_2026)).toBe(true); // Sat
    expect(isWorkingDay("2026-09-20", CAL_2026)).toBe(true); // Sun
    expect(isWorkingDay("2026-01-04", CAL_2026)).toBe(true); // Sun
    expect(isWorkingDay("2026-05-09", EMPTY_CALENDAR)).toBe(false);
  });

  it("classifies every day of 2026 as the published schedule says", () => {
    const off = new Set(OFF_2026);
    const work = new Set(WORKDAYS_2026);
    let workingDays = 0;
    for (const d of range("2026-01-01", "2026-12-31")) {
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      const expected = off.has(d) ? false : work.has(d) ? true : wd >= 1 && wd <= 5;
      expect(isWorkingDay(d, CAL_2026), d).toBe(expected);
      if (expected) workingDays++;
    }
    // 2026 has 261 weekdays; 19 of them are off (33 days off minus 14 weekend days) and 6 weekend days are
    // worked: 248 = 261 − 13 statutory holiday days (the 调休 swaps cancel out).
    expect(workingDays).toBe(261 - 19 + 6);
    expect(workingDays).toBe(248);
  });
});

describe("rollForwardToWorkingDay", () => {
  it("leaves a working day alone", () => {
    expect(rollForwardToWorkingDay("2026-03-02", CAL_2026)).toBe("2026-03-02");
    expect(rollForwardToWorkingDay("2026-05-09", CAL_2026)).toBe("2026-05-09"); // 调休 Saturday
  });

  it("rolls a weekend to Monday", () => {
    expect(rollForwardToWorkingDay("2026-03-07", CAL_2026)).toBe("2026-03-09");
    expect(rollForwardToWorkingDay("2026-03-08", CAL_2026)).toBe("2026-03-09");
  });

  it("rolls through a whole holiday block", () => {
    expect(rollForwardToWorkingDay("2026-05-01", CAL_2026)).toBe("2026-05-06");
    expect(rollForwardToWorkingDay("2026-02-15", CAL_2026)).toBe("2026-02-24");
    expect(rollForwardToWorkingDay("2026-10-01", CAL_2026)).toBe("2026-10-08");
    // 中秋 (Sep 25–27) ends on Sunday → Monday 28th
    expect(rollForwardToWorkingDay("2026-09-26", CAL_2026)).toBe("2026-09-28");
  });

  it("stops on a 调休 Sunday right after a holiday", () => {
    // 元旦: Jan 1–3 off, Sunday Jan 4 worked
    expect(rollForwardToWorkingDay("2026-01-01", CAL_2026)).toBe("2026-01-04");
  });
});

describe("calendar-day deadlines roll forward off weekends and holidays", () => {
  it("spec example: 受理 2026-03-02 + 60 日 = 2026-05-01，遇法定节假日顺延至 2026-05-06", () => {
    const d = handleDeadline(shanghai("2026-03-02"), CAL_2026);
    expect(d.explanation).toEqual(
      explanation({ kind: "handle", startDate: "2026-03-02", days: 60, rawDate: "2026-05-01", rolledTo: "2026-05-06" }),
    );
    expectDueOn(d, "2026-05-06");
  });

  it("without the holiday calendar the same deadline is Friday 2026-05-01 (the calendar is what moves it)", () => {
    const d = handleDeadline(shanghai("2026-03-02"), EMPTY_CALENDAR);
    expect(d.explanation.rolledTo).toBeNull();
    expectDueOn(d, "2026-05-01");
  });

  it("a period ending on an ordinary Saturday rolls to Monday", () => {
    // Fri 2026-03-06 + 15 = Sat 2026-03-21
    const d = acceptDeadline(shanghai("2026-03-06"), CAL_2026);
    expect(d.explanation).toEqual(
      explanation({ kind: "accept", startDate: "2026-03-06", days: 15, rawDate: "2026-03-21", rolledTo: "2026-03-23" }),
    );
    expectDueOn(d, "2026-03-23");
  });

  it("a period ending on an ordinary Sunday rolls to Monday", () => {
    // 2026-01-30 + 30 = Sun 2026-03-01 (across the 28-day February)
    const d = reviewWindow(shanghai("2026-01-30"), CAL_2026);
    expect(d.explanation.rawDate).toBe("2026-03-01");
    expect(d.explanation.rolledTo).toBe("2026-03-02");
    expectDueOn(d, "2026-03-02");
  });

  it("a period ending on a 调休 working Saturday does not roll", () => {
    // 2026-02-13 + 15 = Sat 2026-02-28, a working day
    const d = acceptDeadline(shanghai("2026-02-13"), CAL_2026);
    expect(d.explanation).toEqual(
      explanation({ kind: "accept", startDate: "2026-02-13", days: 15, rawDate: "2026-02-28" }),
    );
    expectDueOn(d, "2026-02-28");
    // the same Saturday without the calendar would roll to Monday
    expectDueOn(acceptDeadline(shanghai("2026-02-13"), EMPTY_CALENDAR), "2026-03-02");
  });

  it("a period ending on a 调休 working Saturday after 劳动节 does not roll", () => {
    // 2026-04-24 + 15 = Sat 2026-05-09
    const d = routeDeadline(shanghai("2026-04-24"), CAL_2026);
    expect(d.explanation.rawDate).toBe("2026-05-09");
    expect(d.explanation.rolledTo).toBeNull();
    expectDueOn(d, "2026-05-09");
  });

  it("a period ending on a 调休 working Sunday does not roll", () => {
    // 2026-09-05 + 15 = Sun 2026-09-20
    const d = acceptDeadline(shanghai("2026-09-05"), CAL_2026);
    expect(d.explanation.rolledTo).toBeNull();
    expectDueOn(d, "2026-09-20");
  });

  it("a period ending on a weekday holiday (Monday in 国庆) rolls past the whole holiday", () => {
    // 2026-09-20 + 15 = Mon 2026-10-05, off; Oct 1–7 off → Thu 2026-10-08
    const d = acceptDeadline(shanghai("2026-09-20"), CAL_2026);
    expect(d.explanation).toEqual(
      explanation({ kind: "accept", startDate: "2026-09-20", days: 15, rawDate: "2026-10-05", rolledTo: "2026-10-08" }),
    );
    expectDueOn(d, "2026-10-08");
    expectDueOn(acceptDeadline(shanghai("2026-09-20"), EMPTY_CALENDAR), "2026-10-05");
  });

  it("a period ending on 除夕 (Mon 2026-02-16) rolls to Tue 2026-02-24", () => {
    const d = routeDeadline(shanghai("2026-02-01"), CAL_2026);
    expect(d.explanation.rawDate).toBe("2026-02-16");
    expect(d.explanation.rolledTo).toBe("2026-02-24");
    expectDueOn(d, "2026-02-24");
  });

  it("a period ending on 元旦 rolls onto the 调休 Sunday 2026-01-04", () => {
    // 2025-12-17 + 15 = Thu 2026-01-01
    const d = acceptDeadline(shanghai("2025-12-17"), CAL_2026);
    expect(d.explanation.rawDate).toBe("2026-01-01");
    expect(d.explanation.rolledTo).toBe("2026-01-04");
    expectDueOn(d, "2026-01-04");
  });

  it("crosses a month end into a holiday: 2026-01-31 + 15 = 2026-02-15 (春节) → 2026-02-24", () => {
    const d = routeDeadline(shanghai("2026-01-31"), CAL_2026);
    expect(d.explanation.rawDate).toBe("2026-02-15");
    expectDueOn(d, "2026-02-24");
  });

  it("a period ending on an ordinary weekday does not roll", () => {
    const d = reviewAnswerDeadline(shanghai("2026-03-02"), CAL_2026); // + 30 = Wed 2026-04-01
    expect(d.explanation).toEqual(
      explanation({ kind: "reviewAnswer", startDate: "2026-03-02", days: 30, rawDate: "2026-04-01" }),
    );
    expectDueOn(d, "2026-04-01");
  });
});

describe("leap years and year ends", () => {
  it("accepted 2027-12-31 + 60 days = 2028-02-29 (leap day, a Tuesday)", () => {
    const d = handleDeadline(shanghai("2027-12-31"), EMPTY_CALENDAR);
    expect(d.explanation).toEqual(
      explanation({ kind: "handle", startDate: "2027-12-31", days: 60, rawDate: "2028-02-29" }),
    );
    expectDueOn(d, "2028-02-29");
  });

  it("accepted 2026-12-31 + 60 days = 2027-03-01 (no leap day in 2027)", () => {
    expectDueOn(handleDeadline(shanghai("2026-12-31"), EMPTY_CALENDAR), "2027-03-01");
  });

  it("accepted 2099-12-31 + 60 days = 2100-03-01 (2100 is not a leap year)", () => {
    expect(handleDeadline(shanghai("2099-12-31"), EMPTY_CALENDAR).explanation.rawDate).toBe("2100-03-01");
  });

  it("a deadline can cross into the next year", () => {
    // 2026-12-20 + 15 = Mon 2027-01-04
    expectDueOn(acceptDeadline(shanghai("2026-12-20"), CAL_2026), "2027-01-04");
  });
});

describe("the start day is the Shanghai civil day of the instant", () => {
  it("accepted at 2026-03-02 00:00 Shanghai (2026-03-01T16:00Z, the previous UTC day) counts from 2026-03-02", () => {
    const d = handleDeadline(new Date("2026-03-01T16:00:00.000Z"), CAL_2026);
    expect(d.explanation.startDate).toBe("2026-03-02");
    expect(d.explanation.rawDate).toBe("2026-05-01");
    expectDueOn(d, "2026-05-06");
  });

  it("accepted one millisecond earlier, at 2026-03-01 23:59:59.999 Shanghai, counts from 2026-03-01", () => {
    const d = handleDeadline(new Date("2026-03-01T15:59:59.999Z"), CAL_2026);
    expect(d.explanation.startDate).toBe("2026-03-01");
    expect(d.explanation.rawDate).toBe("2026-04-30"); // Thursday, a working day
    expect(d.explanation.rolledTo).toBeNull();
    expectDueOn(d, "2026-04-30");
  });

  it("accepted at 23:59 Shanghai vs 00:00 the next day changes a working-day deadline too", () => {
    // Thu 2026-03-05 23:59 → Fri 6, Mon 9, Tue 10, Wed 11, Thu 12
    expectDueOn(returnDeadline(new Date("2026-03-05T15:59:00.000Z"), CAL_2026), "2026-03-12");
    // Fri 2026-03-06 00:00 → Mon 9 … Fri 13
    expectDueOn(returnDeadline(new Date("2026-03-05T16:00:00.000Z"), CAL_2026), "2026-03-13");
  });
});

describe("working-day deadlines (退回 within 5 working days)", () => {
  it("skip weekends and do not count the start day", () => {
    // from Mon 2026-03-09: Tue 10, Wed 11, Thu 12, Fri 13, Mon 16
    const d = returnDeadline(shanghai("2026-03-09"), CAL_2026);
    expect(d.explanation).toEqual(
      explanation({ kind: "return", unit: "working", startDate: "2026-03-09", days: 5, rawDate: "2026-03-16" }),
    );
    expectDueOn(d, "2026-03-16");
  });

  it("start on a Saturday: counting begins Monday", () => {
    expectDueOn(returnDeadline(shanghai("2026-03-07"), CAL_2026), "2026-03-13");
  });

  it("skip holidays and count the 调休 working Saturday after 劳动节", () => {
    // from Wed 2026-04-29: Thu 30 (1), May 1–5 off, Wed 6 (2), Thu 7 (3), Fri 8 (4), Sat 9 调休 (5)
    const d = returnDeadline(shanghai("2026-04-29"), CAL_2026);
    expectDueOn(d, "2026-05-09");
    expect(d.explanation.rolledTo).toBeNull();
    // without the calendar: Thu 30, Fri 1, Mon 4, Tue 5, Wed 6
    expectDueOn(returnDeadline(shanghai("2026-04-29"), EMPTY_CALENDAR), "2026-05-06");
  });

  it("count the 调休 Saturday before 春节 and skip the 9-day holiday", () => {
    // from Thu 2026-02-12: Fri 13 (1), Sat 14 调休 (2), Feb 15–23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5)
    expectDueOn(returnDeadline(shanghai("2026-02-12"), CAL_2026), "2026-02-26");
  });

  it("count the 调休 Sunday before 国庆 and the 调休 Saturday after it", () => {
    // from Fri 2026-09-18: Sun 20 调休 (1), Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 24 (5)
    expectDueOn(returnDeadline(shanghai("2026-09-18"), CAL_2026), "2026-09-24");
    // from Wed 2026-09-30: Oct 1–7 off, Thu 8 (1), Fri 9 (2), Sat 10 调休 (3), Mon 12 (4), Tue 13 (5)
    expectDueOn(returnDeadline(shanghai("2026-09-30"), CAL_2026), "2026-10-13");
  });

  it("cross a month end", () => {
    // from Wed 2026-03-25: Thu 26, Fri 27, Mon 30, Tue 31, Wed Apr 1
    expectDueOn(returnDeadline(shanghai("2026-03-25"), CAL_2026), "2026-04-01");
  });

  it("reject a period that is not a positive integer", () => {
    for (const days of [0, -1, 1.5, Number.NaN]) {
      expect(() => workingDaysDeadline("return", shanghai("2026-03-09"), days, CAL_2026)).toThrow(RangeError);
    }
  });

  it("every due date is a working day, exactly `days` working days after the start", () => {
    const start = "2025-12-20";
    for (let offset = 0; offset < 380; offset++) {
      const startDate = plusDays(start, offset);
      const d = returnDeadline(shanghai(startDate), CAL_2026);
      expect(isWorkingDay(d.dueDate, CAL_2026)).toBe(true);
      const between = range(startDate, d.dueDate).slice(1); // start day excluded
      expect(between.filter((x) => isWorkingDay(x, CAL_2026))).toHaveLength(5);
    }
  });
});

describe("calendar-day deadline invariants over the whole of 2026", () => {
  it("due date = first working day on or after start + days, and rolledTo is null exactly when no roll happened", () => {
    for (const startDate of range("2025-12-01", "2026-12-31")) {
      for (const [make, days] of [
        [acceptDeadline, 15],
        [handleDeadline, 60],
        [reviewWindow, 30],
      ] as const) {
        const d = make(shanghai(startDate), CAL_2026);
        const raw = plusDays(startDate, days);
        expect(d.explanation.rawDate).toBe(raw);
        expect(isWorkingDay(d.dueDate, CAL_2026)).toBe(true);
        // no working day is skipped between raw and due
        const skipped = range(d.explanation.rawDate, d.dueDate).slice(0, -1);
        expect(skipped.every((x) => !isWorkingDay(x, CAL_2026))).toBe(true);
        expect(d.explanation.rolledTo).toBe(raw === d.dueDate ? null : d.dueDate);
      }
    }
  });
});

describe("extensions (条例第34条: at most 30 days, once)", () => {
  it("MAX_EXTENSION_DAYS is 30", () => {
    expect(MAX_EXTENSION_DAYS).toBe(30);
  });

  it("an extension of 0 is the same as none", () => {
    const d = handleDeadline(shanghai("2026-03-02"), CAL_2026, 0);
    expect(d).toEqual(handleDeadline(shanghai("2026-03-02"), CAL_2026));
    expect(d.explanation.extendedRawDate).toBeNull();
    expect(d.explanation.extendedRolledTo).toBeNull();
  });

  it("spec example: …顺延至 2026-05-06，延期 15 日 → 2026-05-21", () => {
    const d = handleDeadline(shanghai("2026-03-02"), CAL_2026, 15);
    expect(d.explanation).toEqual({
      kind: "handle",
      startDate: "2026-03-02",
      days: 60,
      unit: "calendar",
      rawDate: "2026-05-01",
      rolledTo: "2026-05-06",
      extensionDays: 15,
      extendedRawDate: "2026-05-21",
      extendedRolledTo: null,
      dueDate: "2026-05-21",
    });
    expectDueOn(d, "2026-05-21");
  });

  it("30 days is allowed", () => {
    const d = handleDeadline(shanghai("2026-03-02"), CAL_2026, 30);
    expect(d.explanation.extendedRawDate).toBe("2026-06-05"); // Fri
    expectDueOn(d, "2026-06-05");
  });

  it("runs from the rolled due date, and rolls again off a holiday", () => {
    // accepted 2026-07-28 + 60 = Sat 2026-09-26 (中秋) → Mon 2026-09-28;
    // + 3 days = Thu 2026-10-01 (国庆) → Thu 2026-10-08.
    // (From the raw date it would have been Tue 2026-09-29 — a different answer.)
    const d = handleDeadline(shanghai("2026-07-28"), CAL_2026, 3);
    expect(d.explanation).toEqual({
      kind: "handle",
      startDate: "2026-07-28",
      days: 60,
      unit: "calendar",
      rawDate: "2026-09-26",
      rolledTo: "2026-09-28",
      extensionDays: 3,
      extendedRawDate: "2026-10-01",
      extendedRolledTo: "2026-10-08",
      dueDate: "2026-10-08",
    });
    expectDueOn(d, "2026-10-08");
  });

  it("an extension ending on a 调休 Saturday does not roll", () => {
    // 2026-03-02 → due 2026-05-06; + 3 = Sat 2026-05-09, a working day
    const d = handleDeadline(shanghai("2026-03-02"), CAL_2026, 3);
    expect(d.explanation.extendedRawDate).toBe("2026-05-09");
    expect(d.explanation.extendedRolledTo).toBeNull();
    expectDueOn(d, "2026-05-09");
  });

  it("an extension ending on an ordinary weekend rolls to Monday", () => {
    // 2026-03-02 → 2026-05-06; + 4 = Sun 2026-05-10 → Mon 2026-05-11
    const d = handleDeadline(shanghai("2026-03-02"), CAL_2026, 4);
    expect(d.explanation.extendedRawDate).toBe("2026-05-10");
    expect(d.explanation.extendedRolledTo).toBe("2026-05-11");
    expectDueOn(d, "2026-05-11");
  });

  it.each([31, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects an extension of %s days", (ext) => {
    expect(() => handleDeadline(shanghai("2026-03-02"), CAL_2026, ext)).toThrow(RangeError);
  });

  it("calendarDaysDeadline rejects negative and fractional periods but allows 0", () => {
    expect(() => calendarDaysDeadline("handle", shanghai("2026-03-02"), -1, CAL_2026)).toThrow(RangeError);
    expect(() => calendarDaysDeadline("handle", shanghai("2026-03-02"), 2.5, CAL_2026)).toThrow(RangeError);
    expectDueOn(calendarDaysDeadline("handle", shanghai("2026-03-02"), 0, CAL_2026), "2026-03-02");
    // 0 days from a holiday still rolls
    expectDueOn(calendarDaysDeadline("handle", shanghai("2026-05-02"), 0, CAL_2026), "2026-05-06");
  });
});

describe("each named deadline uses the period the law sets", () => {
  // Written from 条例 §22, 23, 34, 35, 36 (spec §2), not from PERIODS.
  const LAW = {
    route: { days: 15, unit: "calendar" },
    accept: { days: 15, unit: "calendar" },
    return: { days: 5, unit: "working" },
    handle: { days: 60, unit: "calendar" },
    review: { days: 30, unit: "calendar" },
    recheck: { days: 30, unit: "calendar" },
  };

  it("PERIODS matches the law", () => {
    expect(PERIODS).toEqual(LAW);
  });

  // Start Mon 2026-03-02 with no holidays: all raw dates below are weekdays.
  const start = shanghai("2026-03-02", "09:30");
  const cases = [
    ["route", routeDeadline, 15, "calendar", "2026-03-17"],
    ["accept", acceptDeadline, 15, "calendar", "2026-03-17"],
    ["return", returnDeadline, 5, "working", "2026-03-09"],
    ["handle", handleDeadline, 60, "calendar", "2026-05-01"],
    ["reviewWindow", reviewWindow, 30, "calendar", "2026-04-01"],
    ["reviewAnswer", reviewAnswerDeadline, 30, "calendar", "2026-04-01"],
    ["recheckWindow", recheckWindow, 30, "calendar", "2026-04-01"],
    ["recheckAnswer", recheckAnswerDeadline, 30, "calendar", "2026-04-01"],
  ] as const;

  it.each(cases)("%s: %i %s days", (kind, fn, days, unit, due) => {
    const d = fn(start, EMPTY_CALENDAR);
    expect(d.explanation.kind).toBe(kind);
    expect(d.explanation.days).toBe(days);
    expect(d.explanation.unit).toBe(unit);
    expect(d.explanation.startDate).toBe("2026-03-02");
    expect(d.explanation.extensionDays).toBe(0);
    expectDueOn(d, due);
  });
});

describe("deadlineStatus and isDueSoon", () => {
  const due = handleDeadline(shanghai("2026-03-02"), CAL_2026).dueAt; // 2026-05-06T15:59:59.999Z
  const ms = (iso: string) => new Date(iso);
  const plus = (d: Date, n: number) => new Date(d.getTime() + n);

  it("the fixture due instant is the end of 2026-05-06 in Shanghai", () => {
    expect(due.toISOString()).toBe("2026-05-06T15:59:59.999Z");
  });

  it("done at the last millisecond is met; one millisecond later is missed by 1 day", () => {
    expect(deadlineStatus(due, due, ms("2026-06-01T00:00:00Z"))).toEqual({ kind: "met", daysEarly: 0 });
    expect(deadlineStatus(due, plus(due, 1), ms("2026-06-01T00:00:00Z"))).toEqual({ kind: "missed", daysLate: 1 });
  });

  it("done early counts whole Shanghai days early; done late counts days late", () => {
    expect(deadlineStatus(due, shanghai("2026-05-04", "09:00"), due)).toEqual({ kind: "met", daysEarly: 2 });
    // 2026-05-05T16:30Z is already 2026-05-06 00:30 in Shanghai: the due day itself
    expect(deadlineStatus(due, ms("2026-05-05T16:30:00Z"), due)).toEqual({ kind: "met", daysEarly: 0 });
    expect(deadlineStatus(due, shanghai("2026-05-09", "09:00"), due)).toEqual({ kind: "missed", daysLate: 3 });
  });

  it("a done deadline's status does not depend on now", () => {
    const done = shanghai("2026-05-04");
    expect(deadlineStatus(due, done, ms("2030-01-01T00:00:00Z"))).toEqual(
      deadlineStatus(due, done, ms("2026-01-01T00:00:00Z")),
    );
  });

  it("not done at the last millisecond is open with 0 days left; one millisecond later is overdue by 1", () => {
    expect(deadlineStatus(due, null, due)).toEqual({ kind: "open", daysLeft: 0 });
    expect(deadlineStatus(due, null, plus(due, 1))).toEqual({ kind: "overdue", daysOverdue: 1 });
  });

  it("open days left change at Shanghai midnight, not UTC midnight", () => {
    // 2026-05-05T15:59:59.999Z = 2026-05-05 23:59:59.999 Shanghai → 1 day left
    expect(deadlineStatus(due, null, ms("2026-05-05T15:59:59.999Z"))).toEqual({ kind: "open", daysLeft: 1 });
    // 2026-05-05T16:00Z = 2026-05-06 00:00 Shanghai → due today
    expect(deadlineStatus(due, null, ms("2026-05-05T16:00:00.000Z"))).toEqual({ kind: "open", daysLeft: 0 });
  });

  it("overdue counts whole Shanghai days", () => {
    expect(deadlineStatus(due, null, shanghai("2026-05-07", "00:00"))).toEqual({ kind: "overdue", daysOverdue: 1 });
    expect(deadlineStatus(due, null, shanghai("2026-05-16", "12:00"))).toEqual({ kind: "overdue", daysOverdue: 10 });
  });

  it("DUE_SOON_DAYS is 3", () => {
    expect(DUE_SOON_DAYS).toBe(3);
  });

  it.each([
    [0, true],
    [1, true],
    [2, true],
    [3, true],
    [4, false],
    [10, false],
  ])("open with %i days left: due soon = %s", (daysBefore, soon) => {
    const now = shanghai(plusDays("2026-05-06", -daysBefore), "08:00");
    const status = deadlineStatus(due, null, now);
    expect(status).toEqual({ kind: "open", daysLeft: daysBefore });
    expect(isDueSoon(status)).toBe(soon);
  });

  it("overdue, met and missed deadlines are never 'due soon'", () => {
    expect(isDueSoon(deadlineStatus(due, null, plus(due, 1)))).toBe(false);
    expect(isDueSoon(deadlineStatus(due, due, due))).toBe(false);
    expect(isDueSoon(deadlineStatus(due, plus(due, 1), due))).toBe(false);
  });
});
