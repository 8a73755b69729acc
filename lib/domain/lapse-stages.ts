// The deadlines whose passing the deadline job records (one OVERDUE event each) and the supervision board lists.
// The five running deadlines of lib/domain/current-deadline.ts, and the feedback a 上级交办 case owes the body
// that assigned it (Petition.feedbackDueAt).
import type { CurrentDeadlineKind } from "./current-deadline";

export const LAPSE_STAGES = ["route", "accept", "handle", "reviewAnswer", "recheckAnswer", "feedback"] as const;
export type LapseStage = (typeof LAPSE_STAGES)[number];

/** The running deadline kinds are stages; `feedback` runs beside them. */
export const RUNNING_STAGES = [
  "route",
  "accept",
  "handle",
  "reviewAnswer",
  "recheckAnswer",
] as const satisfies readonly (CurrentDeadlineKind | LapseStage)[];
