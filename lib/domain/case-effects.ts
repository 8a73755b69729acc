// What each action does to a case's own fields: which dates and units it sets. The data layer
// (lib/data/staff-case-actions.ts, petitions.ts) writes exactly these through changeCase or createPetition,
// and the demo seed (prisma/seed/lifecycle.ts) applies the same functions — so a date is computed in one place.
// Pure: the calendar and the instant come from the caller.
import {
  acceptDeadline,
  evaluationWindow,
  handleDeadline,
  recheckAnswerDeadline,
  recheckWindow,
  returnDeadline,
  reviewAnswerDeadline,
  reviewWindow,
  routeDeadline,
  type HolidayCalendar,
} from "./deadlines";
import type { Outcome } from "./petition-rules";

/** Receipt (登记 or online filing): the bureau's 15-day routing clock starts (条例第22条). */
export const receiveEffect = (receivedAt: Date, cal: HolidayCalendar) => ({
  routeDueAt: routeDeadline(receivedAt, cal).dueAt,
});

/**
 * 转送/交办 (条例第22、23条): the case arrives at the unit, its 15-day acceptance and 5-working-day return clocks
 * start, and nobody there is assigned yet. Also the routing on receipt to the discipline organ.
 */
export const routeEffect = (toUnitId: string, at: Date, cal: HolidayCalendar) => ({
  currentUnitId: toUnitId,
  handlingUnitId: toUnitId,
  arrivedAtUnitAt: at,
  acceptDueAt: acceptDeadline(at, cal).dueAt,
  returnDueAt: returnDeadline(at, cal).dueAt,
  assigneeId: null,
});

/** 退回 (条例第23条): back at the bureau, the unit's clocks cleared. */
export const returnEffect = (bureauId: string) => ({
  currentUnitId: bureauId,
  handlingUnitId: bureauId,
  arrivedAtUnitAt: null,
  acceptDueAt: null,
  returnDueAt: null,
  assigneeId: null,
});

/** 受理: decided, and the 60-day handling clock starts (条例第34条). */
export const acceptEffect = (at: Date, cal: HolidayCalendar) => ({
  decidedAt: at,
  acceptedAt: at,
  handleDueAt: handleDeadline(at, cal).dueAt,
});

/** 不予受理: decided; no clock runs after it. */
export const notAcceptEffect = (at: Date) => ({ decidedAt: at });

/** 分派: the handler (checked by isAssignableHandler first). */
export const assignEffect = (assigneeId: string) => ({ assigneeId });

/** 延期 approved (条例第34条): the handling deadline moves by the approved days, counted from acceptance. */
export const extensionApprovedEffect = (acceptedAt: Date, days: number, cal: HolidayCalendar) => ({
  extensionDays: days,
  handleDueAt: handleDeadline(acceptedAt, cal, days).dueAt,
});

/** 领导包案: the office title (lib/domain/charge-rule.ts), from the start of its start date to the end of its target date. */
export const takeChargeEffect = (title: string, start: Date, target: Date) => ({
  leaderTitle: title,
  leaderStartAt: start,
  leaderTargetAt: target,
  leaderEndedAt: null,
  leaderResolved: null,
});

/** 包案结束: when, and whether the case was resolved (化解). */
export const endChargeEffect = (at: Date, resolved: boolean) => ({ leaderEndedAt: at, leaderResolved: resolved });

/**
 * 答复 (条例第32条): the outcome and reply; the petitioner's 30-day 复查 window opens (第35条), and the evaluation
 * window (`evaluationDays`: the setting evaluationWindowDays, lib/data/settings.ts) for this answer.
 */
export const replyEffect = (
  at: Date,
  outcome: Outcome,
  replyText: string,
  cal: HolidayCalendar,
  evaluationDays: number,
) => ({
  repliedAt: at,
  outcome,
  replyText,
  reviewWindowEndsAt: reviewWindow(at, cal).dueAt,
  evaluationWindowEndsAt: evaluationWindow(at, evaluationDays, cal).dueAt,
});

/** 公开: the reviewed public texts; an empty public reply is stored as none. */
export const publishEffect = (
  at: Date,
  texts: { publicTitle: string; publicSummary: string; publicReply: string },
) => ({
  publishedAt: at,
  publicTitle: texts.publicTitle,
  publicSummary: texts.publicSummary,
  publicReply: texts.publicReply || null,
});

/**
 * 复查申请 (条例第35条): the case goes to the reviewing body (lib/domain/review-chain.ts nextHigherBody of the handling
 * unit), which answers within 30 days; nobody there is assigned yet. `handlingUnitId` stays (scorecards).
 */
export const reviewRequestEffect = (toUnitId: string, at: Date, cal: HolidayCalendar) => ({
  currentUnitId: toUnitId,
  reviewUnitId: toUnitId,
  assigneeId: null,
  reviewRequestedAt: at,
  reviewDueAt: reviewAnswerDeadline(at, cal).dueAt,
});

/** 复核申请 (条例第36条): one level up again (the top unit answers itself), answered within 30 days. */
export const recheckRequestEffect = (toUnitId: string, at: Date, cal: HolidayCalendar) => ({
  currentUnitId: toUnitId,
  recheckUnitId: toUnitId,
  assigneeId: null,
  recheckRequestedAt: at,
  recheckDueAt: recheckAnswerDeadline(at, cal).dueAt,
});

/** 撤回 by the petitioner: the case ends; its clocks stop with the state. */
export const withdrawEffect = (at: Date) => ({ withdrawnAt: at });

/** 评价 (条例第21条): 满意 / 基本满意 / 不满意 of the handling unit and of the petition bureau, inside the window. */
export type Satisfaction = "SATISFIED" | "BASIC" | "UNSATISFIED";
export const evaluateEffect = (at: Date, rating: { unit: Satisfaction; bureau: Satisfaction }) => ({
  evaluatedAt: at,
  unitSatisfaction: rating.unit,
  bureauSatisfaction: rating.bureau,
});

/** 办结: the petitioner is satisfied, or a review window passed. */
export const closeEffect = (at: Date) => ({ closedAt: at });

/**
 * 复查答复 (条例第35条): the reviewing body's own outcome and text, kept as fields (the PUBLIC event carries neither
 * text nor reasons); the 30-day 复核 window (第36条) and this answer's evaluation window open.
 */
export const reviewReplyEffect = (
  at: Date,
  outcome: Outcome,
  text: string,
  cal: HolidayCalendar,
  evaluationDays: number,
) => ({
  reviewedAt: at,
  reviewOutcome: outcome,
  reviewText: text,
  recheckWindowEndsAt: recheckWindow(at, cal).dueAt,
  evaluationWindowEndsAt: evaluationWindow(at, evaluationDays, cal).dueAt,
});

/** 复核答复 (条例第36条): the matter is final; its answer may still be evaluated in its own window. */
export const recheckReplyEffect = (
  at: Date,
  outcome: Outcome,
  text: string,
  cal: HolidayCalendar,
  evaluationDays: number,
) => ({
  finalAt: at,
  recheckOutcome: outcome,
  recheckText: text,
  evaluationWindowEndsAt: evaluationWindow(at, evaluationDays, cal).dueAt,
});

/** 重复信访 (条例第36条): the new case is linked to the FINAL case on the same facts. */
export const linkRepeatEffect = (finalCaseId: string) => ({ isRepeat: true, repeatOfId: finalCaseId });
