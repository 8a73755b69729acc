// The seed's rows carry what the app keeps on every change: the running deadline (currentDueAt, as
// lib/data/change-case.ts sets it) and an ExtensionRequest beside each extension event. In memory, no database.
import { describe, expect, it } from "vitest";
import { buildTestCase, DEMO } from "@/prisma/seed/factories";

const now = new Date("2026-06-15T04:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

describe("seeded cases", () => {
  it("keep the running deadline of their state", () => {
    const atBureau = buildTestCase({ now, plan: { stopAfter: "RECEIVED" }, expectState: "SUBMITTED" }).petition;
    expect(atBureau.currentDueAt).toEqual(atBureau.routeDueAt);
    const routed = buildTestCase({
      now,
      plan: { routeTo: DEMO.zjj.id, stopAfter: "ROUTED" },
      expectState: "SUBMITTED",
    }).petition;
    expect(routed.currentUnitId).toBe(DEMO.zjj.id);
    expect(routed.currentDueAt).toEqual(routed.acceptDueAt);
    const accepted = buildTestCase({
      now,
      plan: { routeTo: DEMO.zjj.id, stopAfter: "ACCEPTED" },
      expectState: "ACCEPTED",
    }).petition;
    expect(accepted.currentDueAt).toEqual(accepted.handleDueAt);
    const replied = buildTestCase({
      now,
      plan: { routeTo: DEMO.zjj.id, stopAfter: "REPLIED" },
      expectState: "REPLIED",
    }).petition;
    expect(replied.currentDueAt).toBeNull();
  });

  it("record each extension request with the supervisor's decision", () => {
    const plan = {
      routeTo: DEMO.zjj.id,
      pace: "normal",
      replyLate: false,
      lastMinute: false,
      stopAfter: "REPLIED",
    } as const;
    const receivedAt = new Date(now.getTime() - 200 * DAY);
    const approved = buildTestCase({
      now,
      receivedAt,
      plan: { ...plan, extension: { days: 15, approved: true } },
      expectState: "REPLIED",
    });
    expect(approved.extensionRequests).toEqual([
      expect.objectContaining({
        petitionId: approved.id,
        days: 15,
        decision: "APPROVED",
        requestedById: expect.any(String),
        decidedById: expect.any(String),
      }),
    ]);
    expect(approved.petition.extensionDays).toBe(15);
    const rejected = buildTestCase({
      now,
      receivedAt,
      plan: { ...plan, extension: { days: 20, approved: false } },
      expectState: "REPLIED",
    });
    expect(rejected.extensionRequests).toEqual([
      expect.objectContaining({ days: 20, decision: "REJECTED", decisionNote: expect.any(String) }),
    ]);
    expect(rejected.petition.extensionDays ?? 0).toBe(0); // the column default
    const events = rejected.events.map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(["EXTENSION_REQUESTED", "EXTENSION_REJECTED"]));
    expect(buildTestCase({ now, plan: { routeTo: DEMO.zjj.id, stopAfter: "ACCEPTED" } }).extensionRequests).toEqual([]);
  });
});
