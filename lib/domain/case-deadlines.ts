// The deadlines that apply to one case, each with how it was computed and whether it was met.
import {
  acceptDeadline,
  deadlineStatus,
  handleDeadline,
  recheckAnswerDeadline,
  reviewAnswerDeadline,
  routeDeadline,
  type DeadlineExplanation,
  type DeadlineKind,
  type DeadlineStatus,
  type HolidayCalendar,
} from "./deadlines";

export type CaseDates = {
  receivedAt: Date;
  routeDueAt: Date | null;
  arrivedAtUnitAt: Date | null;
  acceptDueAt: Date | null;
  decidedAt: Date | null;
  acceptedAt: Date | null;
  handleDueAt: Date | null;
  extensionDays: number;
  repliedAt: Date | null;
  reviewWindowEndsAt: Date | null;
  reviewRequestedAt: Date | null;
  reviewDueAt: Date | null;
  reviewedAt: Date | null;
  recheckDueAt: Date | null;
  recheckRequestedAt: Date | null;
  finalAt: Date | null;
  withdrawnAt: Date | null;
};

export type CaseDeadline = {
  kind: DeadlineKind;
  dueAt: Date;
  doneAt: Date | null;
  explanation: DeadlineExplanation;
  /** `stopped`: the case was withdrawn before this deadline was met; the clock no longer runs. */
  status: DeadlineStatus | { kind: "stopped" };
};

/**
 * Deadlines in the order a case meets them. The stored due date is authoritative (a later change of the
 * holiday calendar does not move a running deadline); the explanation is recomputed from its start.
 * A withdrawn case stops its open clocks at the withdrawal. The petitioner's own request windows
 * (复查/复核) are not the government's deadlines and are not listed here.
 */
export function caseDeadlines(c: CaseDates, cal: HolidayCalendar, now: Date): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  const stop = c.withdrawnAt;
  const add = (
    kind: DeadlineKind,
    dueAt: Date | null,
    start: Date | null,
    doneAt: Date | null,
    compute: (start: Date) => { explanation: DeadlineExplanation },
  ) => {
    if (!dueAt || !start) return;
    const status = !doneAt && stop ? ({ kind: "stopped" } as const) : deadlineStatus(dueAt, doneAt, now);
    out.push({ kind, dueAt, doneAt, explanation: compute(start).explanation, status });
  };
  // Routing is done when the case reaches a unit, or when the bureau decides it itself (e.g. not accepted).
  add("route", c.routeDueAt, c.receivedAt, c.arrivedAtUnitAt ?? c.decidedAt, (s) => routeDeadline(s, cal));
  add("accept", c.acceptDueAt, c.arrivedAtUnitAt, c.decidedAt, (s) => acceptDeadline(s, cal));
  add("handle", c.handleDueAt, c.acceptedAt, c.repliedAt, (s) => handleDeadline(s, cal, c.extensionDays));
  add("reviewAnswer", c.reviewDueAt, c.reviewRequestedAt, c.reviewedAt, (s) => reviewAnswerDeadline(s, cal));
  add("recheckAnswer", c.recheckDueAt, c.recheckRequestedAt, c.finalAt, (s) => recheckAnswerDeadline(s, cal));
  return out;
}
