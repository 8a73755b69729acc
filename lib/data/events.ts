import "server-only";
import { GENESIS_HASH, canonicalJson, chainEvent, type HashedEventFields } from "@/lib/domain/chain";
import { EVENT_DATA, EVENT_VISIBILITY, eventDataFor, type EventType, type Visibility } from "@/lib/domain/event-types";
import type { z } from "zod";
import type { PetitionState } from "@/lib/domain/petition-states";
import { touchCase } from "./public-pages";
import type { Tx } from "@/lib/db";
import { NotFoundError } from "./errors";
import { insertRow, newId } from "./insert-row";

/** A case's chain head as appendEvent reads it (a count comes back as a bigint on some drivers). */
export type HeadRow = { headHash: string | null; eventCount: number | bigint; trackingNo: string; publishedAt: unknown };

type EventFields = {
  /** Defaults to the type's visibility in lib/domain/event-types.ts. */
  visibility?: Visibility;
  actorType: "PETITIONER" | "STAFF" | "SYSTEM";
  actorId?: string | null;
  unitId?: string | null;
  note?: string | null;
  occurredAt: Date;
};

/** An event's type with its `data`, typed by that type's schema (lib/domain/event-types.ts EVENT_DATA). */
type EventPayload = { [T in EventType]: { type: T; data?: z.input<(typeof EVENT_DATA)[T]> } }[EventType];

/** An event as a change plans it (lib/data/change-case.ts adds the states it moves between). */
export type PlannedEvent = EventFields & EventPayload;

export type NewEvent = PlannedEvent & { fromState?: PetitionState | null; toState?: PetitionState | null };

/**
 * The only writer of PetitionEvent. Runs inside the transaction of the change it records: assigns the
 * next seq, chains the hash to the case's head, and moves the head. Two writers on one case cannot both
 * succeed: (petitionId, seq) is unique. The payload is checked against its type's schema before it is hashed:
 * a payload that does not fit throws EventDataError and the transaction writes nothing.
 */
export async function appendEvent(
  tx: Tx,
  petitionId: string,
  event: NewEvent,
  /** The head, when the caller wrote the case itself in this transaction (createPetition): not read again. */
  knownHead?: HeadRow,
): Promise<{ seq: number; hash: string }> {
  const data = canonicalJson(eventDataFor(event.type, event.data));
  // The head, the event and the move below are plain statements: every change of every case passes here, and
  // Prisma's query layer costs more than the writes themselves (docs/performance.md).
  const [head] = knownHead
    ? [knownHead]
    : await tx.$queryRaw<[HeadRow?]>`
    SELECT "headHash", "eventCount", "trackingNo", "publishedAt" FROM "Petition" WHERE "id" = ${petitionId}`;
  if (!head) throw new NotFoundError();
  touchCase(head.trackingNo, head.publishedAt !== null); // its cached public page is dropped after the commit
  const eventCount = Number(head.eventCount);
  const seq = eventCount + 1;
  const prevHash = head.headHash ?? GENESIS_HASH;
  const fields: HashedEventFields = {
    petitionId,
    seq,
    type: event.type,
    visibility: event.visibility ?? EVENT_VISIBILITY[event.type],
    actorType: event.actorType,
    actorId: event.actorId ?? null,
    unitId: event.unitId ?? null,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    note: event.note ?? null,
    data,
    occurredAt: event.occurredAt,
  };
  const { hash, salt, chainVersion } = chainEvent(prevHash, fields);
  await insertRow(tx, "PetitionEvent", {
    id: newId(),
    ...fields,
    salt,
    chainVersion,
    visibility: fields.visibility as Visibility,
    actorType: event.actorType,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    prevHash,
    hash,
  });
  // Compare-and-set on the head: a concurrent append that read the same head loses here.
  const moved = await tx.$executeRaw`
    UPDATE "Petition" SET "headHash" = ${hash}, "eventCount" = ${seq}, "updatedAt" = ${new Date()}
    WHERE "id" = ${petitionId} AND "eventCount" = ${eventCount}`;
  if (moved !== 1) throw new Error("concurrent event append");
  return { seq, hash };
}
