// The one place the seed chains events (spec §4): seq 1..n, visibility from the event type, canonical
// JSON data checked against its type's schema (lib/domain/event-types.ts, as appendEvent does), prevHash/hash
// from lib/domain/chain.ts starting at GENESIS_HASH.
import {
  canonicalJson,
  chainEvent,
  GENESIS_HASH,
  type HashedEventFields,
  type JsonValue,
} from "../../lib/domain/chain";
import { EVENT_VISIBILITY, eventDataFor, type EventType } from "../../lib/domain/event-types";
import type { ActorType, PetitionState, Prisma } from "../../generated/prisma/client";

export type EventDraft = {
  id: string;
  type: EventType;
  actorType: ActorType;
  actorId: string | null;
  unitId: string | null;
  fromState: PetitionState | null;
  toState: PetitionState | null;
  note: string | null;
  /** Event-specific fields; undefined members are left out of the canonical JSON. */
  data: { [key: string]: JsonValue | undefined };
  occurredAt: Date;
};

export type ChainedRow = Prisma.PetitionEventCreateManyInput & { hash: string };

export function buildChain(
  petitionId: string,
  drafts: readonly EventDraft[],
): { rows: ChainedRow[]; headHash: string } {
  let prevHash = GENESIS_HASH;
  const rows = drafts.map((d, i): ChainedRow => {
    const fields = {
      petitionId,
      seq: i + 1,
      type: d.type,
      visibility: EVENT_VISIBILITY[d.type],
      actorType: d.actorType,
      actorId: d.actorId,
      unitId: d.unitId,
      fromState: d.fromState,
      toState: d.toState,
      note: d.note,
      data: canonicalJson(eventDataFor(d.type, d.data)),
      occurredAt: d.occurredAt,
    } satisfies HashedEventFields;
    const { hash, salt, chainVersion } = chainEvent(prevHash, fields);
    const row = { id: d.id, ...fields, prevHash, hash, salt, chainVersion };
    prevHash = hash;
    return row;
  });
  return { rows, headHash: prevHash };
}
