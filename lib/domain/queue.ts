// The staff queue (工作台): which cases each tab holds. Pure: lib/data/queue.ts turns a tab's criteria into
// a query on the indexed columns (currentUnitId, state, currentDueAt).
import { addCivilDays, endOfCivilDay, toCivilDate } from "./civil-date";
import { DUE_SOON_DAYS } from "./deadlines";
import { OPEN_STATES, type PetitionState } from "./petition-states";

export const QUEUE_TABS = ["pending", "handling", "dueSoon", "overdue", "review", "replied"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export function isQueueTab(value: unknown): value is QueueTab {
  return typeof value === "string" && (QUEUE_TABS as readonly string[]).includes(value);
}

/** A tab as a filter: its states and, for the deadline tabs, bounds on the running deadline. */
export type TabCriteria = {
  states: readonly PetitionState[];
  /** currentDueAt ≥ dueFrom */
  dueFrom?: Date;
  /** currentDueAt ≤ dueUntil */
  dueUntil?: Date;
  /** currentDueAt < dueBefore */
  dueBefore?: Date;
};

/**
 * The last instant that still counts as 即将到期: the end of the DUE_SOON_DAYS-th civil day after today
 * (Asia/Shanghai). The same cases deadlineStatus() calls open with daysLeft ≤ DUE_SOON_DAYS.
 */
export function dueSoonUntil(now: Date): Date {
  return endOfCivilDay(addCivilDays(toCivilDate(now), DUE_SOON_DAYS));
}

/**
 * 待受理 / 办理中 / 复查复核 / 已答复 by state; 即将到期: a running deadline from now to the end of the third
 * day ahead; 已逾期: a running deadline already passed. A case may sit in two tabs (待受理 and 已逾期).
 */
export function tabCriteria(tab: QueueTab, now: Date): TabCriteria {
  switch (tab) {
    case "pending":
      return { states: ["SUBMITTED"] };
    case "handling":
      return { states: ["ACCEPTED"] };
    case "dueSoon":
      return { states: OPEN_STATES, dueFrom: now, dueUntil: dueSoonUntil(now) };
    case "overdue":
      return { states: OPEN_STATES, dueBefore: now };
    case "review":
      return { states: ["IN_REVIEW", "IN_RECHECK"] }; // 复查中、复核中
    case "replied":
      return { states: ["REPLIED", "REVIEWED"] }; // 已答复、已复查: the petitioner may still ask for a review
  }
}
