// The deadline job's decisions (lib/data/deadline-pass.ts): what is due when, and which window closes when. Each
// rule reads plain facts of one case or one order at an instant and says whether the job must record something —
// so the pass, the demo seed (prisma/seed/deadline-shadow.ts) and the tests decide alike. A pass re-checks the rule
// inside the transaction of each change: a concurrent pass, or a staff action in between, makes it a no-op.
//
// Every stored due instant is the last millisecond of its (already rolled-forward) due day, 23:59:59.999 Asia/
// Shanghai (lib/domain/deadlines.ts): a deadline has lapsed only once the instant is strictly after it.
import { currentDeadline, type CurrentDeadlineInput, type CurrentDeadlineKind } from "./current-deadline";
import { awaitsAnswer, type OrderFacts } from "./supervision";
import type { PetitionState } from "./petition-states";

/** Strictly after: the last millisecond of the due day is not late, the next one is. */
export function isPast(dueAt: Date, at: Date): boolean {
  return at.getTime() > dueAt.getTime();
}

export type RunningLapseFacts = CurrentDeadlineInput & {
  /** The running deadline the job last recorded as lapsed (Petition.lapsedDueAt). */
  lapsedDueAt: Date | null;
};

/**
 * The running deadline (route / accept / handle / reviewAnswer / recheckAnswer, lib/domain/current-deadline.ts)
 * when it has passed and is not yet recorded: one OVERDUE event per deadline. A later deadline — an approved
 * extension, a case routed again, a review requested — is a new deadline that may lapse once itself.
 */
export function runningLapse(c: RunningLapseFacts, at: Date): { stage: CurrentDeadlineKind; dueAt: Date } | null {
  const running = currentDeadline(c);
  if (!running || !isPast(running.dueAt, at)) return null;
  if (c.lapsedDueAt && c.lapsedDueAt.getTime() >= running.dueAt.getTime()) return null;
  return { stage: running.kind, dueAt: running.dueAt };
}

/** 催办 opens automatically when the handling deadline lapses (条例第39条), if the setting says so. */
export function opensUrge(stage: CurrentDeadlineKind, autoUrgeOnHandleLapse: boolean): boolean {
  return stage === "handle" && autoUrgeOnHandleLapse;
}

export type FeedbackFacts = {
  channel: string;
  state: PetitionState;
  feedbackDueAt: Date | null;
  feedbackLapsedAt: Date | null;
  repliedAt: Date | null;
};

/** States in which a 上级交办 case still owes its answer (not replied, not 不予受理, not withdrawn). */
const UNANSWERED: readonly PetitionState[] = ["SUBMITTED", "ACCEPTED"];

/**
 * 上级交办: the feedback owed to the body that assigned the case, when its deadline passed before the case was
 * answered — recorded once (Petition.feedbackLapsedAt).
 */
export function feedbackLapse(c: FeedbackFacts, at: Date): { stage: "feedback"; dueAt: Date } | null {
  if (c.channel !== "HIGHER_ASSIGN" || !c.feedbackDueAt || c.feedbackLapsedAt) return null;
  if (c.repliedAt || !UNANSWERED.includes(c.state)) return null;
  return isPast(c.feedbackDueAt, at) ? { stage: "feedback", dueAt: c.feedbackDueAt } : null;
}

export type OrderLapseFacts = OrderFacts & { overdueAt: Date | null };

/** A supervision order still awaiting its answer past its answer deadline, not yet marked overdue. */
export function orderLapse(o: OrderLapseFacts, at: Date): { dueAt: Date } | null {
  if (!awaitsAnswer(o) || o.overdueAt) return null;
  return isPast(o.answerDueAt, at) ? { dueAt: o.answerDueAt } : null;
}

export type WindowFacts = {
  state: PetitionState;
  reviewWindowEndsAt: Date | null;
  recheckWindowEndsAt: Date | null;
};

export type WindowClosing = { reason: "REVIEW_WINDOW_PASSED" | "RECHECK_WINDOW_PASSED"; endsAt: Date };

/**
 * 已答复 whose 复查 window (条例第35条) passed unused, 已复查 whose 复核 window (第36条) passed unused: the case is
 * closed (办结) by the job.
 */
export function windowToClose(c: WindowFacts, at: Date): WindowClosing | null {
  if (c.state === "REPLIED" && c.reviewWindowEndsAt && isPast(c.reviewWindowEndsAt, at))
    return { reason: "REVIEW_WINDOW_PASSED", endsAt: c.reviewWindowEndsAt };
  if (c.state === "REVIEWED" && c.recheckWindowEndsAt && isPast(c.recheckWindowEndsAt, at))
    return { reason: "RECHECK_WINDOW_PASSED", endsAt: c.recheckWindowEndsAt };
  return null;
}

export { evaluationLapsed } from "./evaluation-rule";
