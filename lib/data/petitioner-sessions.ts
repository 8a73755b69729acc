import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { PETITIONER_SESSION_MS, petitionerSessionOpen } from "@/lib/domain/sessions";

// The petitioner's tracking sessions, kept on the server so that 退出查询 ends them for every copy of the
// cookie (lib/petitioner-session.ts carries the id, signed). A row holds a case id and times only.

/** Opens the view of one case for 30 minutes; returns the session id. Prunes old rows. */
export async function startPetitionerSession(petitionId: string): Promise<string> {
  const at = now();
  const id = randomBytes(24).toString("base64url");
  await db.petitionerSession.create({ data: { id, petitionId, createdAt: at, expiresAt: new Date(at.getTime() + PETITIONER_SESSION_MS) } });
  await prunePetitionerSessions(at);
  return id;
}

/** The case an open session may see, or null (unknown, ended or expired). */
export async function findPetitionerSessionCase(id: string): Promise<string | null> {
  const row = await db.petitionerSession.findUnique({ where: { id }, select: { petitionId: true, expiresAt: true, endedAt: true } });
  return row && petitionerSessionOpen(row, now()) ? row.petitionId : null;
}

export async function endPetitionerSession(id: string): Promise<void> {
  await db.petitionerSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: now() } });
}

/** Deletes sessions that are over (ended or expired). Returns how many. */
export async function prunePetitionerSessions(at: Date): Promise<number> {
  const { count } = await db.petitionerSession.deleteMany({ where: { OR: [{ endedAt: { not: null } }, { expiresAt: { lte: at } }] } });
  return count;
}
