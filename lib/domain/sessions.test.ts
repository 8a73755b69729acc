import { describe, expect, it } from "vitest";
import {
  petitionerSessionOpen,
  staffSessionCutoffs,
  staffSessionNeedsTouch,
  staffSessionState,
  STAFF_IDLE_MS,
  STAFF_MAX_AGE_MS,
  STAFF_TOUCH_EVERY_MS,
} from "./sessions";

const T0 = new Date("2026-03-02T01:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

describe("staffSessionState", () => {
  it("is open from sign-in until 30 minutes without a request", () => {
    const row = { createdAt: T0, lastSeenAt: T0, endedAt: null };
    expect(STAFF_IDLE_MS).toBe(30 * MIN);
    expect(staffSessionState(row, T0)).toBe("open");
    expect(staffSessionState(row, at(STAFF_IDLE_MS - 1))).toBe("open");
    expect(staffSessionState(row, at(STAFF_IDLE_MS))).toBe("idle");
  });

  it("stays open while requests keep coming, but never past 10 hours after sign-in", () => {
    expect(STAFF_MAX_AGE_MS).toBe(10 * 60 * MIN);
    const busy = { createdAt: T0, lastSeenAt: at(STAFF_MAX_AGE_MS - MIN), endedAt: null };
    expect(staffSessionState(busy, at(STAFF_MAX_AGE_MS - 1))).toBe("open");
    expect(staffSessionState(busy, at(STAFF_MAX_AGE_MS))).toBe("expired");
  });

  it("is over once signed out, however recent the last request", () => {
    expect(staffSessionState({ createdAt: T0, lastSeenAt: at(MIN), endedAt: at(MIN) }, at(MIN))).toBe("ended");
  });
});

describe("staffSessionNeedsTouch", () => {
  it("writes lastSeenAt at most once a minute", () => {
    const row = { createdAt: T0, lastSeenAt: T0, endedAt: null };
    expect(staffSessionNeedsTouch(row, at(STAFF_TOUCH_EVERY_MS - 1))).toBe(false);
    expect(staffSessionNeedsTouch(row, at(STAFF_TOUCH_EVERY_MS))).toBe(true);
  });
});

describe("staffSessionCutoffs", () => {
  it("puts the bounds 30 minutes and 10 hours back", () => {
    expect(staffSessionCutoffs(at(STAFF_MAX_AGE_MS))).toEqual({
      idleBefore: at(STAFF_MAX_AGE_MS - STAFF_IDLE_MS),
      createdBefore: T0,
    });
  });
});

describe("petitionerSessionOpen", () => {
  it("is open until it expires or is ended", () => {
    expect(petitionerSessionOpen({ expiresAt: at(30 * MIN), endedAt: null }, at(30 * MIN - 1))).toBe(true);
    expect(petitionerSessionOpen({ expiresAt: at(30 * MIN), endedAt: null }, at(30 * MIN))).toBe(false);
    expect(petitionerSessionOpen({ expiresAt: at(30 * MIN), endedAt: T0 }, T0)).toBe(false);
  });
});
