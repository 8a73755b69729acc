// 督办 orders (条例第39、40条) of a seeded case, read off its events the way the app writes both
// (lib/data/supervision-orders.ts openOrder): a SUPERVISED event (measure code, answer date, orderId) with the
// INTERNAL note beside it carrying the message creates the order; SUPERVISION_ANSWERED records the unit's written
// answer; SUPERVISION_OVERDUE the deadline job's mark. Ids come from the events, so the seed stays deterministic.
import type { Prisma } from "../../generated/prisma/client";
import { endOfCivilDay } from "../../lib/domain/civil-date";
import { readEventData } from "../../lib/domain/event-types";
import type { ChainedRow } from "./chain-builder";

type EventRow = Pick<ChainedRow, "type" | "actorType" | "actorId" | "unitId" | "note" | "data" | "occurredAt">;

export function supervisionOrderRows(
  petitionId: string,
  events: readonly EventRow[],
): Prisma.SupervisionOrderCreateManyInput[] {
  const rows = new Map<string, Prisma.SupervisionOrderCreateManyInput>();
  const order = (id: string, type: string) => {
    const row = rows.get(id);
    if (!row) throw new Error(`${petitionId}: ${type} for an unknown order`);
    return row;
  };
  for (const [i, e] of events.entries()) {
    const read = readEventData(e.type, e.data ?? "{}");
    if (!read) continue;
    if (read.type === "SUPERVISED") {
      const { orderId, measure, answerDueDate } = read.data;
      if (!orderId) throw new Error(`${petitionId}: SUPERVISED without an orderId`);
      const note = events[i + 1];
      if (note?.type !== "NOTE_INTERNAL" || !note.note)
        throw new Error(`${petitionId}: order ${orderId} without a message`);
      if (!e.unitId) throw new Error(`${petitionId}: order ${orderId} without a unit`);
      rows.set(orderId, {
        id: orderId,
        petitionId,
        measure: measure as Prisma.SupervisionOrderCreateManyInput["measure"],
        message: note.note,
        issuedById: e.actorType === "STAFF" ? (e.actorId ?? null) : null,
        targetUnitId: e.unitId,
        issuedAt: e.occurredAt,
        answerDueAt: endOfCivilDay(answerDueDate),
      });
    } else if (read.type === "SUPERVISION_ANSWERED") {
      Object.assign(order(read.data.orderId, e.type), {
        answeredAt: e.occurredAt,
        answerText: e.note ?? "",
        answeredById: e.actorId ?? null,
      } satisfies Partial<Prisma.SupervisionOrderCreateManyInput>);
    } else if (read.type === "SUPERVISION_OVERDUE") {
      Object.assign(order(read.data.orderId, e.type), { overdueAt: e.occurredAt });
    }
  }
  return [...rows.values()];
}
