import "server-only";
import { db } from "@/lib/db";
import { verifyChain, type ChainVerdict } from "@/lib/domain/chain";

const EVENT_FIELDS = {
  petitionId: true,
  seq: true,
  type: true,
  visibility: true,
  actorType: true,
  actorId: true,
  unitId: true,
  fromState: true,
  toState: true,
  note: true,
  data: true,
  occurredAt: true,
  prevHash: true,
  hash: true,
  chainVersion: true,
  salt: true,
} as const;

/**
 * Recomputes one case's chain on the server. The verdict says nothing but whether the history is intact,
 * its length and head hash — the same head hash the public page shows.
 */
export async function verifyCaseChain(trackingNo: string): Promise<(ChainVerdict & { storedHead: string | null }) | null> {
  const row = await db.petition.findUnique({
    where: { trackingNo },
    select: { headHash: true, events: { orderBy: { seq: "asc" }, select: EVENT_FIELDS } },
  });
  if (!row) return null;
  const verdict = verifyChain(row.events);
  if (verdict.ok && verdict.headHash !== (row.headHash ?? verdict.headHash)) return { ok: false, brokenAtSeq: verdict.length, reason: "hash", storedHead: row.headHash };
  return { ...verdict, storedHead: row.headHash };
}
