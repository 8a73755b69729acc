import { describe, expect, it } from "vitest";
import { parseShanghaiDateTime, toShanghaiDateTime } from "./civil-time";

describe("datetime-local values in Shanghai time", () => {
  it("reads the wall clock as UTC+8, whatever zone the test machine is in", () => {
    expect(parseShanghaiDateTime("2026-03-02T10:05")?.toISOString()).toBe("2026-03-02T02:05:00.000Z");
    // Just after midnight in Shanghai is still the previous day in UTC.
    expect(parseShanghaiDateTime("2026-01-01T00:30")?.toISOString()).toBe("2025-12-31T16:30:00.000Z");
    // Browsers may send seconds (step < 60) and milliseconds.
    expect(parseShanghaiDateTime("2026-03-02T10:05:30")?.toISOString()).toBe("2026-03-02T02:05:30.000Z");
    expect(parseShanghaiDateTime("2026-03-02T10:05:30.250")?.toISOString()).toBe("2026-03-02T02:05:30.000Z");
  });

  it("refuses what is not a real date-time", () => {
    for (const bad of [
      "",
      "2026-03-02",
      "2026-02-30T10:00",
      "2026-03-02T24:00",
      "2026-03-02T10:60",
      "2026-03-02 10:05",
      "02/03/2026 10:05",
      "2026-03-02T10:05Z",
      "2026-03-02T10:05+08:00",
    ]) {
      expect(parseShanghaiDateTime(bad), bad).toBeNull();
    }
    expect(parseShanghaiDateTime("2028-02-29T12:00")).not.toBeNull(); // a leap day
    expect(parseShanghaiDateTime("2027-02-29T12:00")).toBeNull();
  });

  it("formats an instant for the input, to the minute, never rounding up", () => {
    expect(toShanghaiDateTime(new Date("2026-03-02T02:05:59.999Z"))).toBe("2026-03-02T10:05");
    expect(toShanghaiDateTime(new Date("2025-12-31T16:30:00Z"))).toBe("2026-01-01T00:30");
  });

  it("round-trips", () => {
    const at = new Date("2026-07-15T09:41:00Z");
    expect(parseShanghaiDateTime(toShanghaiDateTime(at))?.getTime()).toBe(at.getTime());
  });
});
