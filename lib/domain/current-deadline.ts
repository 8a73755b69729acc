// The one deadline that runs for a case now. Queues sort by it and the 即将到期 / 已逾期 tabs filter on it.
import type { PetitionState } from "./petition-states";

export type CurrentDeadlineInput = {
  state: PetitionState;
  atBureau: boolean; // the case's current unit is the petition bureau
  routeDueAt: Date | null;
  acceptDueAt: Date | null;
  handleDueAt: Date | null;
  reviewDueAt: Date | null;
  recheckDueAt: Date | null;
};

export type CurrentDeadlineKind = "route" | "accept" | "handle" | "reviewAnswer" | "recheckAnswer";

/**
 * 待受理 at the bureau: the 15-day routing deadline; at a unit: the 15-day acceptance deadline;
 * 办理中: the handling deadline (with any approved extension); 复查中 / 复核中: the answer deadline.
 * Every other state has no running deadline.
 */
export function currentDeadline(c: CurrentDeadlineInput): { kind: CurrentDeadlineKind; dueAt: Date } | null {
  const pick = (kind: CurrentDeadlineKind, dueAt: Date | null) => (dueAt ? { kind, dueAt } : null);
  switch (c.state) {
    case "SUBMITTED":
      return c.atBureau ? pick("route", c.routeDueAt) : pick("accept", c.acceptDueAt);
    case "ACCEPTED":
      return pick("handle", c.handleDueAt);
    case "IN_REVIEW":
      return pick("reviewAnswer", c.reviewDueAt);
    case "IN_RECHECK":
      return pick("recheckAnswer", c.recheckDueAt);
    default:
      return null;
  }
}
