import { describe, expect, it } from "vitest";
import {
  SHANGHAI_OFFSET_MS,
  addCivilDays,
  civilDaysBetween,
  civilWeekday,
  civilYear,
  endOfCivilDay,
  isCivilDate,
  startOfCivilDay,
  toCivilDate,
} from "./civil-date";

// Independent oracle: the platform's IANA time-zone data for Asia/Shanghai (no DST since 1991).
const shanghaiFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
function intlShanghaiDate(instant: Date): string {
  const parts = shanghaiFormatter.formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

// Independent calendar arithmetic written from the Gregorian rules, not from Date.
function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? NaN;
}
function stepDays(date: string, n: number): string {
  let [y, m, d] = date.split("-").map(Number) as [number, number, number];
  for (let i = 0; i < Math.abs(n); i++) {
    if (n > 0) {
      d++;
      if (d > daysInMonth(y, m)) {
        d = 1;
        m++;
        if (m > 12) {
          m = 1;
          y++;
        }
      }
    } else {
      d--;
      if (d < 1) {
        m--;
        if (m < 1) {
          m = 12;
          y--;
        }
        d = daysInMonth(y, m);
      }
    }
  }
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("SHANGHAI_OFFSET_MS", () => {
  it("is UTC+8", () => {
    expect(SHANGHAI_OFFSET_MS).toBe(28_800_000);
  });
});

describe("toCivilDate — Asia/Shanghai day boundaries", () => {
  it("2026-03-01T15:59:59.999Z is 23:59:59.999 on 2026-03-01 in Shanghai", () => {
    expect(toCivilDate(new Date("2026-03-01T15:59:59.999Z"))).toBe("2026-03-01");
  });

  it("2026-03-01T16:00:00.000Z is midnight starting 2026-03-02 in Shanghai", () => {
    expect(toCivilDate(new Date("2026-03-01T16:00:00.000Z"))).toBe("2026-03-02");
  });

  it("a UTC instant maps to the Shanghai date 8 hours later", () => {
    // 2026-03-02T00:00Z is 08:00 in Shanghai on the same date
    expect(toCivilDate(new Date("2026-03-02T00:00:00.000Z"))).toBe("2026-03-02");
    // 2026-03-02T23:59Z is 07:59 on 2026-03-03 in Shanghai
    expect(toCivilDate(new Date("2026-03-02T23:59:00.000Z"))).toBe("2026-03-03");
  });

  it("rolls over the year at 16:00Z on 31 December", () => {
    expect(toCivilDate(new Date("2026-12-31T15:59:59.999Z"))).toBe("2026-12-31");
    expect(toCivilDate(new Date("2026-12-31T16:00:00.000Z"))).toBe("2027-01-01");
  });

  it("reaches 29 February in a leap year and skips it otherwise", () => {
    expect(toCivilDate(new Date("2028-02-28T16:00:00.000Z"))).toBe("2028-02-29");
    expect(toCivilDate(new Date("2028-02-29T16:00:00.000Z"))).toBe("2028-03-01");
    expect(toCivilDate(new Date("2100-02-28T16:00:00.000Z"))).toBe("2100-03-01");
  });

  it("agrees with the IANA Asia/Shanghai zone for 5 000 instants between 2000 and 2100", () => {
    const rnd = mulberry32(20260301);
    const from = Date.UTC(2000, 0, 1);
    const to = Date.UTC(2100, 11, 31);
    for (let i = 0; i < 5000; i++) {
      const t = new Date(from + Math.floor(rnd() * (to - from)));
      expect(toCivilDate(t), t.toISOString()).toBe(intlShanghaiDate(t));
    }
  });

  it("agrees with the IANA zone one millisecond either side of every Shanghai midnight in 2026", () => {
    for (let t = Date.UTC(2025, 11, 31, 16); t <= Date.UTC(2026, 11, 31, 16); t += 86_400_000) {
      for (const ms of [t - 1, t]) {
        const d = new Date(ms);
        expect(toCivilDate(d), d.toISOString()).toBe(intlShanghaiDate(d));
      }
    }
  });
});

describe("startOfCivilDay / endOfCivilDay", () => {
  it("start of 2026-03-02 in Shanghai is 2026-03-01T16:00:00.000Z", () => {
    expect(startOfCivilDay("2026-03-02").toISOString()).toBe("2026-03-01T16:00:00.000Z");
  });

  it("end of 2026-03-02 in Shanghai is 2026-03-02T15:59:59.999Z", () => {
    expect(endOfCivilDay("2026-03-02").toISOString()).toBe("2026-03-02T15:59:59.999Z");
  });

  it("start and end of a day both fall on that day, and one ms outside them does not", () => {
    for (const d of ["2026-01-01", "2026-02-28", "2028-02-29", "2026-12-31", "2100-03-01"]) {
      const start = startOfCivilDay(d);
      const end = endOfCivilDay(d);
      expect(toCivilDate(start)).toBe(d);
      expect(toCivilDate(end)).toBe(d);
      expect(toCivilDate(new Date(start.getTime() - 1))).toBe(stepDays(d, -1));
      expect(toCivilDate(new Date(end.getTime() + 1))).toBe(stepDays(d, 1));
      expect(end.getTime() - start.getTime()).toBe(86_400_000 - 1);
    }
  });

  it("end of the year is 2026-12-31T15:59:59.999Z", () => {
    expect(endOfCivilDay("2026-12-31").toISOString()).toBe("2026-12-31T15:59:59.999Z");
  });

  it("rejects invalid dates", () => {
    expect(() => startOfCivilDay("2026-02-30")).toThrow(RangeError);
    expect(() => endOfCivilDay("2026-02-30")).toThrow(RangeError);
    expect(() => endOfCivilDay("2026-3-2")).toThrow(RangeError);
  });
});

describe("isCivilDate", () => {
  it.each(["2026-03-01", "2026-01-31", "2026-02-28", "2026-12-31", "2028-02-29", "2000-02-29", "2100-02-28"])(
    "accepts %s",
    (d) => {
      expect(isCivilDate(d)).toBe(true);
    },
  );

  it.each([
    "2026-02-29", // 2026 is not a leap year
    "2026-02-30",
    "2100-02-29", // divisible by 100, not by 400: not leap
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-01-32",
    "2026-3-2",
    "20260302",
    "2026/03/02",
    " 2026-03-02",
    "2026-03-02T00:00:00Z",
    "",
    "abcd-ef-gh",
  ])("rejects %j", (d) => {
    expect(isCivilDate(d)).toBe(false);
  });
});

describe("addCivilDays", () => {
  it("crosses month ends of every length", () => {
    expect(addCivilDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addCivilDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addCivilDays("2026-04-30", 1)).toBe("2026-05-01");
    expect(addCivilDays("2026-03-31", -31)).toBe("2026-02-28");
    expect(addCivilDays("2026-01-31", 30)).toBe("2026-03-02");
  });

  it("has 29 February in 2028 and 2000 but not in 2026 or 2100", () => {
    expect(addCivilDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCivilDays("2028-02-29", 1)).toBe("2028-03-01");
    expect(addCivilDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addCivilDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addCivilDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addCivilDays("2027-12-31", 60)).toBe("2028-02-29");
    expect(addCivilDays("2026-12-31", 60)).toBe("2027-03-01");
  });

  it("rolls over the year in both directions", () => {
    expect(addCivilDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCivilDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addCivilDays("2026-01-01", 365)).toBe("2027-01-01");
    expect(addCivilDays("2028-01-01", 365)).toBe("2028-12-31");
  });

  it("adding 0 days returns the same date", () => {
    expect(addCivilDays("2026-03-02", 0)).toBe("2026-03-02");
  });

  it("rejects invalid dates and fractional day counts", () => {
    expect(() => addCivilDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addCivilDays("2026-03-02", 1.5)).toThrow(RangeError);
    expect(() => addCivilDays("2026-03-02", Number.NaN)).toThrow(RangeError);
  });

  it("matches day-by-day Gregorian stepping for 2 000 random (date, n) pairs", () => {
    const rnd = mulberry32(42);
    for (let i = 0; i < 2000; i++) {
      const start = stepDays("2000-01-01", Math.floor(rnd() * 36500));
      const n = Math.floor(rnd() * 801) - 400;
      expect(addCivilDays(start, n), `${start} + ${n}`).toBe(stepDays(start, n));
    }
  });
});

describe("civilDaysBetween", () => {
  it("counts whole days forward, including across February and a year end", () => {
    expect(civilDaysBetween("2026-03-02", "2026-05-01")).toBe(60);
    expect(civilDaysBetween("2027-12-31", "2028-02-29")).toBe(60);
    expect(civilDaysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(civilDaysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(civilDaysBetween("2028-01-01", "2029-01-01")).toBe(366);
    expect(civilDaysBetween("2100-01-01", "2101-01-01")).toBe(365);
  });

  it("is 0 for the same day and negative when b is before a", () => {
    expect(civilDaysBetween("2026-03-02", "2026-03-02")).toBe(0);
    expect(civilDaysBetween("2026-05-01", "2026-03-02")).toBe(-60);
    expect(civilDaysBetween("2027-01-01", "2026-12-31")).toBe(-1);
  });

  it("inverts addCivilDays", () => {
    const rnd = mulberry32(7);
    for (let i = 0; i < 500; i++) {
      const start = stepDays("2020-01-01", Math.floor(rnd() * 3650));
      const n = Math.floor(rnd() * 2001) - 1000;
      expect(civilDaysBetween(start, addCivilDays(start, n))).toBe(n);
    }
  });

  it("rejects invalid dates on either side", () => {
    expect(() => civilDaysBetween("2026-02-30", "2026-03-02")).toThrow(RangeError);
    expect(() => civilDaysBetween("2026-03-02", "2100-02-29")).toThrow(RangeError);
  });
});

describe("civilWeekday", () => {
  it("knows the weekdays of the 2026 calendar", () => {
    expect(civilWeekday("2026-01-01")).toBe(4); // Thursday
    expect(civilWeekday("2026-03-01")).toBe(0); // Sunday
    expect(civilWeekday("2026-03-02")).toBe(1); // Monday
    expect(civilWeekday("2026-05-01")).toBe(5); // Friday
    expect(civilWeekday("2026-05-09")).toBe(6); // Saturday
    expect(civilWeekday("2026-10-01")).toBe(4); // Thursday
    expect(civilWeekday("2028-02-29")).toBe(2); // Tuesday
  });

  it("advances by one each day and wraps after Saturday", () => {
    let d = "2026-02-20";
    let prev = civilWeekday(d);
    for (let i = 0; i < 20; i++) {
      d = addCivilDays(d, 1);
      const wd = civilWeekday(d);
      expect(wd).toBe((prev + 1) % 7);
      prev = wd;
    }
  });

  it("rejects invalid dates", () => {
    expect(() => civilWeekday("2026-02-30")).toThrow(RangeError);
  });
});

describe("civilYear", () => {
  it("is the Shanghai year, which starts 8 hours before the UTC year", () => {
    expect(civilYear(new Date("2026-12-31T15:59:59.999Z"))).toBe(2026);
    expect(civilYear(new Date("2026-12-31T16:00:00.000Z"))).toBe(2027);
    expect(civilYear(new Date("2027-01-01T00:00:00.000Z"))).toBe(2027);
  });
});
