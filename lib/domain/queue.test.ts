import { describe, expect, it } from "vitest";
import { deadlineStatus, isDueSoon } from "./deadlines";
import { dueSoonUntil, isQueueTab, QUEUE_TABS, tabCriteria } from "./queue";

describe("dueSoonUntil", () => {
  it("is the end of the third civil day ahead in Shanghai, not in UTC", () => {
    // 2026-03-12 23:30 in Shanghai (15:30 UTC): today is the 12th, so the window ends with the 15th.
    expect(dueSoonUntil(new Date("2026-03-12T15:30:00Z")).toISOString()).toBe("2026-03-15T15:59:59.999Z");
    // 2026-03-13 00:30 in Shanghai (still the 12th in UTC): today is the 13th.
    expect(dueSoonUntil(new Date("2026-03-12T16:30:00Z")).toISOString()).toBe("2026-03-16T15:59:59.999Z");
  });

  it("agrees with deadlineStatus: due by then means open with at most 3 days left", () => {
    const now = new Date("2026-03-12T04:00:00Z");
    const until = dueSoonUntil(now);
    expect(isDueSoon(deadlineStatus(until, null, now))).toBe(true);
    expect(isDueSoon(deadlineStatus(new Date(until.getTime() + 1), null, now))).toBe(false);
  });
});

describe("tabCriteria", () => {
  const now = new Date("2026-03-12T04:00:00Z");
  it("deadline tabs look at running deadlines only; state tabs have no bounds", () => {
    expect(tabCriteria("overdue", now)).toEqual({
      states: ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"],
      dueBefore: now,
    });
    expect(tabCriteria("dueSoon", now)).toMatchObject({ dueFrom: now, dueUntil: dueSoonUntil(now) });
    expect(tabCriteria("pending", now)).toEqual({ states: ["SUBMITTED"] });
    expect(tabCriteria("replied", now)).toEqual({ states: ["REPLIED", "REVIEWED"] });
  });

  it("knows its tabs", () => {
    expect(QUEUE_TABS.every(isQueueTab)).toBe(true);
    expect(isQueueTab("closed")).toBe(false);
  });
});
