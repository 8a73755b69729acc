// 复查 and 复核 (条例第35、36条): who may ask, until when, and which body answers. The petitioner's page offers the
// request forms by these rules and the data layer (lib/data/petitioner.ts) refuses by the same ones, so a form
// that is shown can be sent, and one that is not shown would be refused.
//
// The windows themselves are stored when the answer is given (replyEffect → reviewWindowEndsAt,
// reviewReplyEffect → recheckWindowEndsAt, both from lib/domain/deadlines.ts: 30 calendar days, the last day
// rolled forward off holidays, ending at 23:59:59.999 Asia/Shanghai). A request is in time up to and including
// that instant.
import { recheckWindow, reviewWindow, type DeadlineExplanation, type HolidayCalendar } from "./deadlines";
import type { CategoryKind, Outcome } from "./petition-rules";
import type { PetitionState } from "./petition-states";

/**
 * 复查/复核 by the next-higher administrative body exists for 申诉求决 and 建议意见 only. 涉法涉诉 matters belong to the
 * legal procedures (litigation, arbitration, administrative review: 条例第31条), and 检举控告 to the discipline
 * organs' own procedures — neither is reviewed by a government body through this portal.
 */
export function isReviewable(kind: CategoryKind): boolean {
  return kind === "APPEAL" || kind === "SUGGESTION";
}

/** The next-higher body of a unit: its parent; the top of the portal's tree (the county government) is its own. */
export function nextHigherBody(unit: { id: string; parentId: string | null }): string {
  return unit.parentId ?? unit.id;
}

export type RequestFacts = {
  state: PetitionState;
  categoryKind: CategoryKind;
  reviewWindowEndsAt: Date | null;
  recheckWindowEndsAt: Date | null;
};

/** Why a request may not be made now: not reviewable, its window closed (and when), or the case is not there. */
export type RequestBlock = { why: "notReviewable" } | { why: "windowClosed"; closedAt: Date } | { why: "state" };

function block(c: RequestFacts, state: PetitionState, endsAt: Date | null, at: Date): RequestBlock | null {
  if (!isReviewable(c.categoryKind)) return { why: "notReviewable" };
  // Closed by the deadline job after the window passed: still "the window closed", with its date.
  if (endsAt && at.getTime() > endsAt.getTime() && (c.state === state || c.state === "CLOSED"))
    return { why: "windowClosed", closedAt: endsAt };
  if (c.state !== state || !endsAt) return { why: "state" };
  return null;
}

/** 复查 (条例第35条): from an answered case (已答复), within 30 days of the reply. */
export function reviewRequestBlock(c: RequestFacts, at: Date): RequestBlock | null {
  return block(c, "REPLIED", c.reviewWindowEndsAt, at);
}

/** 复核 (条例第36条): from a reviewed case (已复查), within 30 days of the 复查 answer. */
export function recheckRequestBlock(c: RequestFacts, at: Date): RequestBlock | null {
  return block(c, "REVIEWED", c.recheckWindowEndsAt, at);
}

export type ChainWindow = {
  kind: "reviewWindow" | "recheckWindow";
  endsAt: Date;
  /** `open`: may be used now; `used`: the request was made; `closed`: it passed unused. */
  status: "open" | "used" | "closed";
  explanation: DeadlineExplanation;
};

export type ChainFacts = RequestFacts & {
  repliedAt: Date | null;
  reviewRequestedAt: Date | null;
  reviewedAt: Date | null;
  recheckRequestedAt: Date | null;
};

/**
 * The request windows the petitioner sees ("可在 2026-05-06 前申请复查"), with how each was computed. None for a
 * matter that is not reviewable. The stored end is authoritative; the explanation is recomputed from its start.
 */
export function requestWindows(c: ChainFacts, cal: HolidayCalendar, at: Date): ChainWindow[] {
  if (!isReviewable(c.categoryKind)) return [];
  const out: ChainWindow[] = [];
  const status = (endsAt: Date, requestedAt: Date | null): ChainWindow["status"] =>
    requestedAt ? "used" : at.getTime() > endsAt.getTime() ? "closed" : "open";
  if (c.repliedAt && c.reviewWindowEndsAt)
    out.push({
      kind: "reviewWindow",
      endsAt: c.reviewWindowEndsAt,
      status: status(c.reviewWindowEndsAt, c.reviewRequestedAt),
      explanation: reviewWindow(c.repliedAt, cal).explanation,
    });
  if (c.reviewedAt && c.recheckWindowEndsAt)
    out.push({
      kind: "recheckWindow",
      endsAt: c.recheckWindowEndsAt,
      status: status(c.recheckWindowEndsAt, c.recheckRequestedAt),
      explanation: recheckWindow(c.reviewedAt, cal).explanation,
    });
  return out;
}

/**
 * Whether a 复查/复核 answer keeps the decision under review: the same outcome as the reply (复查) or as the
 * 复查 answer (复核). Recorded as `upheld` in the PUBLIC answer event; the text stays in the case's fields.
 */
export function isUpheld(outcome: Outcome, decisionUnderReview: Outcome | null): boolean {
  return decisionUnderReview !== null && outcome === decisionUnderReview;
}

/**
 * 重复信访 (条例第36条: a final matter is not accepted again on the same facts and reasons): staff link a new case
 * to the FINAL one, once, while the new case is at its first instance (待受理 or 办理中).
 */
export function mayLinkRepeat(c: { state: PetitionState; isRepeat: boolean }): boolean {
  return !c.isRepeat && (c.state === "SUBMITTED" || c.state === "ACCEPTED");
}

/** Lengths of what the petitioner and the reviewing body write (characters as a person counts them). */
export const REVIEW_LIMITS = {
  reasons: { min: 10, max: 3000 },
  comment: { min: 0 as const, max: 500 },
  answerText: { min: 10, max: 5000 },
  trackingNo: { min: 1, max: 32 },
} as const;
