// 申请延期 records (条例第34条) for a seeded case, read off its events the way the app writes both: a request
// creates an ExtensionRequest beside its EXTENSION_REQUESTED event, and the supervisor's approval or
// rejection decides the open request. Ids are derived from the case id, so the seed stays deterministic.
import type { Prisma } from "../../generated/prisma/client";
import { readEventData } from "../../lib/domain/event-types";
import type { ChainedRow } from "./chain-builder";

type EventRow = Pick<ChainedRow, "type" | "actorId" | "note" | "data" | "occurredAt">;

/** The days an EXTENSION_REQUESTED event asked for, read through its schema (lib/domain/event-types.ts). */
function extensionDays(e: EventRow): number {
  const read = readEventData(e.type, e.data ?? "{}");
  if (read?.type !== "EXTENSION_REQUESTED") throw new Error(`${e.type} without extensionDays`);
  return read.data.extensionDays;
}

export function extensionRequestRows(
  petitionId: string,
  events: readonly EventRow[],
): Prisma.ExtensionRequestCreateManyInput[] {
  const rows: Prisma.ExtensionRequestCreateManyInput[] = [];
  for (const e of events) {
    if (e.type === "EXTENSION_REQUESTED") {
      rows.push({
        id: `${petitionId}-x${rows.length + 1}`,
        petitionId,
        days: extensionDays(e),
        reason: e.note ?? "",
        requestedById: e.actorId ?? null,
        requestedAt: e.occurredAt,
      });
    } else if (e.type === "EXTENSION_APPROVED" || e.type === "EXTENSION_REJECTED") {
      const open = rows.findLast((r) => !r.decision);
      if (!open) throw new Error(`${petitionId}: ${e.type} without an open extension request`);
      Object.assign(open, {
        decision: e.type === "EXTENSION_APPROVED" ? "APPROVED" : "REJECTED",
        decidedById: e.actorId ?? null,
        decidedAt: e.occurredAt,
        // An approval repeats the request's reason (told to the petitioner); a rejection gives its own.
        decisionNote: e.type === "EXTENSION_REJECTED" ? (e.note ?? null) : null,
      } satisfies Partial<Prisma.ExtensionRequestCreateManyInput>);
    }
  }
  return rows;
}
