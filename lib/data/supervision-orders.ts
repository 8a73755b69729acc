import "server-only";
import { toCivilDate } from "@/lib/domain/civil-date";
import type { HolidayCalendar } from "@/lib/domain/deadlines";
import { mayEscalate, orderAnswerDeadline, type SupervisionMeasure } from "@/lib/domain/supervision";
import type { Tx } from "@/lib/db";
import type { PlannedEvent } from "./events";
import { RuleError } from "./errors";

// Opening a supervision order (督办, 条例第39、40条) — by a supervisor, by the deadline job (催办 on a lapsed handling
// deadline) or as an escalation — in the transaction of the change that records it (lib/data/change-case.ts). The
// one place that writes a SupervisionOrder row and its events, so all three read the same on the case and board.

export type OpenOrder = {
  petitionId: string;
  /** The unit that must answer: the case's current unit. */
  targetUnitId: string;
  measure: SupervisionMeasure;
  /** What the unit is told; INTERNAL (the public sees only that the case was supervised, and the measure). */
  message: string;
  /** null: the deadline job. */
  issuedById: string | null;
  at: Date;
  answerDays: number;
  cal: HolidayCalendar;
  /** The order this one replaces (an escalation): it must still await its answer, and be of a milder measure. */
  escalates?: { id: string } | null;
};

/** Writes the order (and marks the order it supersedes); returns its id and the events the change must append. */
export async function openOrder(tx: Tx, o: OpenOrder): Promise<{ orderId: string; events: [PlannedEvent, PlannedEvent] }> {
  const due = orderAnswerDeadline(o.at, o.answerDays, o.cal);
  let escalatedFrom: SupervisionMeasure | undefined;
  if (o.escalates) {
    const old = await tx.supervisionOrder.findUnique({
      where: { id: o.escalates.id },
      select: { id: true, petitionId: true, measure: true, answerDueAt: true, answeredAt: true, escalatedAt: true },
    });
    if (!old || old.petitionId !== o.petitionId) throw new RuleError("supervision.notWaiting");
    if (!mayEscalate(old, o.measure)) {
      throw new RuleError(old.answeredAt || old.escalatedAt ? "supervision.notWaiting" : "supervision.notStronger");
    }
    escalatedFrom = old.measure;
  }
  const order = await tx.supervisionOrder.create({
    data: {
      petitionId: o.petitionId,
      measure: o.measure,
      message: o.message,
      issuedById: o.issuedById,
      targetUnitId: o.targetUnitId,
      issuedAt: o.at,
      answerDueAt: due.dueAt,
    },
    select: { id: true },
  });
  if (o.escalates) {
    // Compare-and-set: a concurrent answer or escalation of the old order wins, and this change writes nothing.
    const marked = await tx.supervisionOrder.updateMany({
      where: { id: o.escalates.id, answeredAt: null, escalatedAt: null },
      data: { escalatedAt: o.at, escalatedToId: order.id },
    });
    if (marked.count !== 1) throw new RuleError("supervision.notWaiting");
  }
  const actor = o.issuedById
    ? { actorType: "STAFF" as const, actorId: o.issuedById }
    : { actorType: "SYSTEM" as const, actorId: null };
  const common = { ...actor, unitId: o.targetUnitId, occurredAt: o.at };
  return {
    orderId: order.id,
    events: [
      {
        type: "SUPERVISED",
        ...common,
        data: {
          measure: o.measure,
          answerDueDate: toCivilDate(due.dueAt),
          orderId: order.id,
          ...(escalatedFrom ? { escalatedFrom } : {}),
          ...(o.issuedById === null ? { automatic: true } : {}),
        },
      },
      { type: "NOTE_INTERNAL", ...common, note: o.message },
    ],
  };
}
