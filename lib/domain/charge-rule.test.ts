import { describe, expect, it } from "vitest";
import { chargeStatus, checkTakeCharge, isLeaderTitle, isUnderCharge, LEADER_TITLES } from "./charge-rule";
import { endChargeEffect, takeChargeEffect } from "./case-effects";
import { mayHappenNow, type CaseFactsNow } from "./offered-actions";

const none = { leaderTitle: null, leaderEndedAt: null };
const inCharge = { leaderTitle: "副县长", leaderEndedAt: null };
const ended = { leaderTitle: "副县长", leaderEndedAt: new Date("2026-04-01T02:00:00Z") };
const today = "2026-03-12";

describe("领导包案", () => {
  it("offers the ten county offices, and nothing else counts as one (no personal name can be recorded)", () => {
    expect(LEADER_TITLES).toHaveLength(10);
    expect(LEADER_TITLES).toContain("副县长");
    expect(LEADER_TITLES).toContain("县政协副主席");
    expect(isLeaderTitle("副县长")).toBe(true);
    expect(isLeaderTitle("张三")).toBe(false);
    expect(isLeaderTitle("副县长张三")).toBe(false);
    expect(isLeaderTitle(undefined)).toBe(false);
  });

  it("is in progress from the charge until it ends", () => {
    expect(isUnderCharge(none)).toBe(false);
    expect(isUnderCharge(inCharge)).toBe(true);
    expect(isUnderCharge(ended)).toBe(false);
  });

  it("accepts a listed office, a start not after today and a target after the start", () => {
    expect(checkTakeCharge(none, { title: "副县长", startDate: today, targetDate: "2026-03-13" }, today)).toBeNull();
    expect(
      checkTakeCharge(none, { title: "县长", startDate: "2026-03-01", targetDate: "2026-06-30" }, today),
    ).toBeNull();
    // a charge that ended may be followed by another
    expect(checkTakeCharge(ended, { title: "县长", startDate: today, targetDate: "2026-06-30" }, today)).toBeNull();
  });

  it("refuses a second leader while one is in charge, an unlisted title, a start in the future, a target not after the start", () => {
    const ok = { title: "副县长", startDate: today, targetDate: "2026-04-01" };
    expect(checkTakeCharge(inCharge, ok, today)).toBe("already");
    expect(checkTakeCharge(none, { ...ok, title: "王副县长" }, today)).toBe("title");
    expect(checkTakeCharge(none, { ...ok, startDate: "2026-03-13" }, today)).toBe("startInFuture");
    expect(checkTakeCharge(none, { ...ok, targetDate: today }, today)).toBe("dates");
    expect(checkTakeCharge(none, { ...ok, targetDate: "2026-03-11" }, today)).toBe("dates");
    expect(checkTakeCharge(none, { ...ok, startDate: "2026-02-30" }, today)).toBe("dates");
  });

  it("has a status for the pages: in charge, resolved (化解) or not", () => {
    expect(chargeStatus({ ...none, leaderResolved: null })).toBeNull();
    expect(chargeStatus({ ...inCharge, leaderResolved: null })).toBe("inCharge");
    expect(chargeStatus({ ...ended, leaderResolved: true })).toBe("resolved");
    expect(chargeStatus({ ...ended, leaderResolved: false })).toBe("unresolved");
  });

  it("sets the office and dates, and clears an earlier end; ending sets when and whether resolved", () => {
    const start = new Date("2026-03-11T16:00:00Z");
    const target = new Date("2026-06-30T15:59:59.999Z");
    expect(takeChargeEffect("副县长", start, target)).toEqual({
      leaderTitle: "副县长",
      leaderStartAt: start,
      leaderTargetAt: target,
      leaderEndedAt: null,
      leaderResolved: null,
    });
    expect(endChargeEffect(start, true)).toEqual({ leaderEndedAt: start, leaderResolved: true });
  });

  it("decides which 包案 form the case page offers", () => {
    const facts = (charge?: CaseFactsNow["charge"]): CaseFactsNow => ({
      categoryKind: "APPEAL",
      returnDueAt: null,
      extensionDays: 0,
      extensionRequests: [],
      assignableHandlers: 1,
      charge,
    });
    const at = new Date("2026-03-12T02:00:00Z");
    expect(mayHappenNow("takeCharge", facts(), at)).toBe(true);
    expect(mayHappenNow("takeCharge", facts(none), at)).toBe(true);
    expect(mayHappenNow("takeCharge", facts(inCharge), at)).toBe(false);
    expect(mayHappenNow("takeCharge", facts(ended), at)).toBe(true);
    expect(mayHappenNow("endCharge", facts(), at)).toBe(false);
    expect(mayHappenNow("endCharge", facts(inCharge), at)).toBe(true);
    expect(mayHappenNow("endCharge", facts(ended), at)).toBe(false);
  });
});
