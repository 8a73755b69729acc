import "server-only";
import { GENESIS_HASH, canonicalJson, hashEvent, type HashedEventFields, type JsonValue } from "@/lib/domain/chain";
import { EVENT_VISIBILITY, type EventType, type Visibility } from "@/lib/domain/event-types";
import type { PetitionState } from "@/lib/domain/petition-states";
import type { Tx } from "@/lib/db";

export type NewEvent = {
  type: EventType;
  /** Defaults to the type's visibility in lib/domain/event-types.ts. */
  visibility?: Visibility;
  actorType: "PETITIONER" | "STAFF" | "SYSTEM";
  actorId?: string | null;
  unitId?: string | null;
  fromState?: PetitionState | null;
  toState?: PetitionState | null;
  note?: string | null;
  data?: Record<string, JsonValue>;
  occurredAt: Date;
};

/**
 * The only writer of PetitionEvent. Runs inside the transaction of the change it records: assigns the
 * next seq, chains the hash to the case's head, and moves the head. Two writers on one case cannot both
 * succeed: (petitionId, seq) is unique.
 */
export async function appendEvent(tx: Tx, petitionId: string, event: NewEvent): Promise<{ seq: number; hash: string }> {
  const head = await tx.petition.findUniqueOrThrow({ where: { id: petitionId }, select: { headHash: true, eventCount: true } });
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
    data: canonicalJson(event.data ?? {}),
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
