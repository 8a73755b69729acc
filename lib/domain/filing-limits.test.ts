import { describe, expect, it } from "vitest";
import {
  FILING_BUDGETS,
  FILING_CHALLENGE_TTL_MS,
  REGISTRATION_BUDGETS,
  filingCounters,
  registrationCounters,
  retryAfter,
} from "./filing-limits";

const HOUR = 3600_000;

describe("filing budgets", () => {
  it("let a person file several letters a day but not a flood: 20/h per address with a challenge, 3/h without, 5/day per mobile", () => {
    expect(FILING_BUDGETS.address).toEqual({ limit: 20, windowMs: HOUR });
    expect(FILING_BUDGETS.addressWithoutChallenge).toEqual({ limit: 3, windowMs: HOUR });
    expect(FILING_BUDGETS.phone).toEqual({ limit: 5, windowMs: 24 * HOUR });
    // The flood of the issue: 300 filings in 14 s from one client. Not one window lets more than 20 through.
    expect(FILING_BUDGETS.addressWithoutChallenge.limit).toBeLessThan(FILING_BUDGETS.address.limit);
  });

  it("count an unproven filing against the stricter address counter first, then the address, then the mobile number", () => {
    const unproven = filingCounters({ address: "203.0.113.7", phone: "13912345678", solvedChallenge: false });
    expect(unproven.map((c) => c.reason)).toEqual(["addressWithoutChallenge", "address", "phone"]);
    const proven = filingCounters({ address: "203.0.113.7", phone: "13912345678", solvedChallenge: true });
    expect(proven.map((c) => c.reason)).toEqual(["address", "phone"]);
  });

  it("key counters by what they count, so one address and one mobile number never share a counter", () => {
    const [a] = filingCounters({ address: "x", phone: "x", solvedChallenge: true });
    const keys = filingCounters({ address: "x", phone: "x", solvedChallenge: false }).map((c) => c.key);
    expect(new Set(keys).size).toBe(3);
    expect(keys).toContain(a!.key);
    expect(filingCounters({ address: "a", phone: "p", solvedChallenge: true })[0]!.key).not.toBe(
      filingCounters({ address: "b", phone: "p", solvedChallenge: true })[0]!.key,
    );
  });
});

describe("registration budget", () => {
  it("is per staff account, hourly and daily, above a busy desk (one visit every 2 minutes for 8 hours)", () => {
    const busyDesk = { perHour: 30, perDay: 8 * 30 };
    expect(REGISTRATION_BUDGETS.hour.limit).toBeGreaterThan(busyDesk.perHour);
    expect(REGISTRATION_BUDGETS.day.limit).toBeGreaterThan(busyDesk.perDay);
    const keys = registrationCounters("u1").map((c) => c.key);
    expect(keys).toHaveLength(2);
    expect(registrationCounters("u2").map((c) => c.key)).not.toEqual(keys);
  });
});

describe("retry time", () => {
  const at = new Date("2026-03-02T02:00:00Z");
  it("is the instant the window ends, in whole minutes rounded up, at least one", () => {
    expect(retryAfter(at, 61_000)).toEqual({ retryAt: new Date("2026-03-02T02:01:01Z"), minutes: 2 });
    expect(retryAfter(at, 60_000).minutes).toBe(1);
    expect(retryAfter(at, 1).minutes).toBe(1);
    expect(retryAfter(at, 0)).toEqual({ retryAt: at, minutes: 1 });
    expect(retryAfter(at, -5).retryAt).toEqual(at);
  });

  it("a challenge lives 20 minutes", () => {
    expect(FILING_CHALLENGE_TTL_MS).toBe(20 * 60_000);
  });
});
