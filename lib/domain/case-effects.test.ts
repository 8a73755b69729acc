import { describe, expect, it } from "vitest";
import {
  acceptEffect,
  assignEffect,
  closeEffect,
  evaluateEffect,
  extensionApprovedEffect,
  linkRepeatEffect,
  notAcceptEffect,
  publishEffect,
  receiveEffect,
  recheckReplyEffect,
  recheckRequestEffect,
  replyEffect,
  returnEffect,
  reviewReplyEffect,
  reviewRequestEffect,
  routeEffect,
  withdrawEffect,
} from "./case-effects";
import { buildCalendar } from "./deadlines";

// 2026 劳动节: May 1–5 off, Sat May 9 worked.
const cal = buildCalendar([
  ...["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05"].map((date) => ({
    date,
    kind: "OFF" as const,
  })),
  { date: "2026-05-09", kind: "WORKDAY" as const },
]);
const at = new Date("2026-04-28T02:00:00Z"); // Tue 28 April, 10:00 Shanghai
const endOf = (d: string) => new Date(`${d}T15:59:59.999Z`); // 23:59:59.999 Asia/Shanghai

describe("the fields each action sets", () => {
  it("receipt: the 15-day routing clock, rolled past 劳动节 only if it ends there", () => {
    expect(receiveEffect(at, cal)).toEqual({ routeDueAt: endOf("2026-05-13") });
  });

  it("转送: the unit, its arrival, the 15-day acceptance and 5-working-day return clocks; nobody assigned", () => {
    expect(routeEffect("unit-1", at, cal)).toEqual({
      currentUnitId: "unit-1",
      handlingUnitId: "unit-1",
      arrivedAtUnitAt: at,
      acceptDueAt: endOf("2026-05-13"),
      returnDueAt: endOf("2026-05-08"),
      assigneeId: null,
    });
  });

  it("退回: back at the bureau with the unit's clocks cleared", () => {
    expect(returnEffect("bureau")).toEqual({
      currentUnitId: "bureau",
      handlingUnitId: "bureau",
      arrivedAtUnitAt: null,
      acceptDueAt: null,
      returnDueAt: null,
      assigneeId: null,
    });
  });

  it("受理: decided and accepted now, 60 days to handle", () => {
    expect(acceptEffect(at, cal)).toEqual({ decidedAt: at, acceptedAt: at, handleDueAt: endOf("2026-06-29") });
  });

  it("不予受理: decided now, nothing else", () => {
    expect(notAcceptEffect(at)).toEqual({ decidedAt: at });
  });

  it("分派: the assignee", () => {
    expect(assignEffect("u-9")).toEqual({ assigneeId: "u-9" });
  });

  it("延期 approved: the days and the handling deadline counted from acceptance", () => {
    expect(extensionApprovedEffect(at, 30, cal)).toEqual({ extensionDays: 30, handleDueAt: endOf("2026-07-29") });
  });

  it("答复: outcome, reply, the 30-day 复查 window and the evaluation window of the setting's days", () => {
    expect(replyEffect(at, "SUPPORT", "已解决", cal, 30)).toEqual({
      repliedAt: at,
      outcome: "SUPPORT",
      replyText: "已解决",
      reviewWindowEndsAt: endOf("2026-05-28"),
      evaluationWindowEndsAt: endOf("2026-05-28"),
    });
    // 7 days: 2026-05-05, in 劳动节 → the next working day, 2026-05-06
    expect(replyEffect(at, "SUPPORT", "已解决", cal, 7).evaluationWindowEndsAt).toEqual(endOf("2026-05-06"));
  });

  it("公开: the texts, an empty public reply stored as none", () => {
    expect(publishEffect(at, { publicTitle: "T", publicSummary: "S", publicReply: "" })).toEqual({
      publishedAt: at,
      publicTitle: "T",
      publicSummary: "S",
      publicReply: null,
    });
    expect(publishEffect(at, { publicTitle: "T", publicSummary: "S", publicReply: "R" }).publicReply).toBe("R");
  });

  it("复查 and 复核 requests: the reviewing unit and its 30-day answer clock", () => {
    expect(reviewRequestEffect("gov", at, cal)).toEqual({
      currentUnitId: "gov",
      reviewUnitId: "gov",
      assigneeId: null,
      reviewRequestedAt: at,
      reviewDueAt: endOf("2026-05-28"),
    });
    expect(recheckRequestEffect("gov", at, cal)).toEqual({
      currentUnitId: "gov",
      recheckUnitId: "gov",
      assigneeId: null,
      recheckRequestedAt: at,
      recheckDueAt: endOf("2026-05-28"),
    });
  });

  it("the petitioner's and the reviewers' steps: one date each", () => {
    expect(withdrawEffect(at)).toEqual({ withdrawnAt: at });
    expect(evaluateEffect(at, { unit: "BASIC", bureau: "SATISFIED" })).toEqual({
      evaluatedAt: at,
      unitSatisfaction: "BASIC",
      bureauSatisfaction: "SATISFIED",
    });
    expect(closeEffect(at)).toEqual({ closedAt: at });
  });

  it("复查 and 复核 answers: their own outcome and text as fields, the 复核 window, a new evaluation window", () => {
    expect(reviewReplyEffect(at, "EXPLAIN", "维持", cal, 30)).toEqual({
      reviewedAt: at,
      reviewOutcome: "EXPLAIN",
      reviewText: "维持",
      recheckWindowEndsAt: endOf("2026-05-28"),
      evaluationWindowEndsAt: endOf("2026-05-28"),
    });
    expect(recheckReplyEffect(at, "SUPPORT", "终结", cal, 7)).toEqual({
      finalAt: at,
      recheckOutcome: "SUPPORT",
      recheckText: "终结",
      evaluationWindowEndsAt: endOf("2026-05-06"),
    });
    expect(linkRepeatEffect("final-1")).toEqual({ isRepeat: true, repeatOfId: "final-1" });
  });
});
