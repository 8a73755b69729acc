// 督办 (信访工作条例第39、40条): the measures, from the mildest to the strongest, and the rules every order follows —
// its answer deadline, when it is overdue, which stronger measures may replace it. The board, the case page and the
// deadline job all read these.
import { addCivilDays, endOfCivilDay, toCivilDate, type CivilDate } from "./civil-date";
import { rollForwardToWorkingDay, type HolidayCalendar } from "./deadlines";

/** In order of strength: 催办 < 督办函 < 约谈 < 通报 < 挂牌督办. */
export const SUPERVISION_MEASURES = ["URGE", "LETTER", "INTERVIEW", "NOTICE", "LISTED"] as const;
export type SupervisionMeasure = (typeof SUPERVISION_MEASURES)[number];

export function isSupervisionMeasure(value: unknown): value is SupervisionMeasure {
  return typeof value === "string" && (SUPERVISION_MEASURES as readonly string[]).includes(value);
}

/** The measures stronger than `measure`: what an escalation may choose. */
export function strongerMeasures(measure: SupervisionMeasure): SupervisionMeasure[] {
  return SUPERVISION_MEASURES.slice(SUPERVISION_MEASURES.indexOf(measure) + 1);
}

/** The unit's written answer is due `days` calendar days after the order, the last day rolled to a working day. */
export function orderAnswerDeadline(
  issuedAt: Date,
  days: number,
  cal: HolidayCalendar,
): { dueAt: Date; dueDate: CivilDate } {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`invalid period: ${days}`);
  const dueDate = rollForwardToWorkingDay(addCivilDays(toCivilDate(issuedAt), days), cal);
  return { dueAt: endOfCivilDay(dueDate), dueDate };
}

export type OrderFacts = {
  answerDueAt: Date;
  answeredAt: Date | null;
  escalatedAt: Date | null;
};

/**
 * Where an order stands: `answered` (in writing), `superseded` (escalated to a stronger order, which is the one
 * to answer), `overdue` (unanswered past its deadline), or `open`.
 */
export type OrderStatus = "answered" | "superseded" | "overdue" | "open";

export function orderStatus(o: OrderFacts, at: Date): OrderStatus {
  if (o.answeredAt) return "answered";
  if (o.escalatedAt) return "superseded";
  return at.getTime() > o.answerDueAt.getTime() ? "overdue" : "open";
}

/** An order waits for the unit's answer while it is neither answered nor superseded. */
export function awaitsAnswer(o: OrderFacts): boolean {
  return o.answeredAt === null && o.escalatedAt === null;
}

/** Whether the answer came after the deadline (the scorecard's "answered late"). */
export function answeredLate(o: OrderFacts): boolean {
  return o.answeredAt !== null && o.answeredAt.getTime() > o.answerDueAt.getTime();
}

/** A supervisor may escalate an order that still awaits its answer, to a stronger measure. */
export function mayEscalate(o: OrderFacts & { measure: SupervisionMeasure }, to: SupervisionMeasure): boolean {
  return awaitsAnswer(o) && strongerMeasures(o.measure).includes(to);
}
