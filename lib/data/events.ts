import "server-only";
import { GENESIS_HASH, canonicalJson, hashEvent, type HashedEventFields } from "@/lib/domain/chain";
import { EVENT_DATA, EVENT_VISIBILITY, eventDataFor, type EventType, type Visibility } from "@/lib/domain/event-types";
import type { z } from "zod";
import type { PetitionState } from "@/lib/domain/petition-states";
import { touchCase } from "./public-pages";
import type { Tx } from "@/lib/db";

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
export async function appendEvent(tx: Tx, petitionId: string, event: NewEvent): Promise<{ seq: number; hash: string }> {
  const data = canonicalJson(eventDataFor(event.type, event.data));
  const head = await tx.petition.findUniqueOrThrow({
    where: { id: petitionId },
    select: { headHash: true, eventCount: true, trackingNo: true, publishedAt: true },
  });
  touchCase(head.trackingNo, head.publishedAt !== null); // its cached public page is dropped after the commit
  const seq = head.eventCount + 1;
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
  const hash = hashEvent(prevHash, fields);
  await tx.petitionEvent.create({
    data: {
      ...fields,
      visibility: fields.visibility as Visibility,
      actorType: event.actorType,
      fromState: event.fromState ?? null,
      toState: event.toState ?? null,
      prevHash,
      hash,
    },
  });
  // Compare-and-set on the head: a concurrent append that read the same head loses here.
  const moved = await tx.petition.updateMany({
    where: { id: petitionId, eventCount: head.eventCount },
    data: { headHash: hash, eventCount: seq },
  });
  if (moved.count !== 1) throw new Error("concurrent event append");
  return { seq, hash };
}
