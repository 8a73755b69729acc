import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { staffSessionCutoffs, staffSessionNeedsTouch, staffSessionState } from "@/lib/domain/sessions";

// Staff sessions that end on the server. next-auth's JWT only says who signed in and which session row
// (`sid`) that was; the row decides whether the session is still open (lib/domain/sessions.ts). So signing
// out, 30 minutes without a request and the 10-hour limit hold even for a copy of the cookie.

const USER_SELECT = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  unit: { select: { id: true, path: true, kind: true, name: true } },
} as const;

/** Opens a session for a user who has just signed in; returns its id for the token. Prunes old rows. */
export async function openStaffSession(userId: string): Promise<string> {
  const at = now();
  const id = randomBytes(24).toString("base64url");
  await db.staffSession.create({ data: { id, userId, createdAt: at, lastSeenAt: at } });
  await pruneStaffSessions(at);
  return id;
}

/**
 * The active user behind an open session `sid` of user `uid`, or null: unknown, another user's, ended,
 * idle or too old — or the user has been deactivated. Records the request (at most once a minute).
 */
export async function findStaffSessionUser(uid: string, sid: string) {
  const at = now();
  const row = await db.staffSession.findUnique({
    where: { id: sid },
    select: { userId: true, createdAt: true, lastSeenAt: true, endedAt: true, user: { select: USER_SELECT } },
  });
  if (!row || row.userId !== uid || staffSessionState(row, at) !== "open" || !row.user.active) return null;
  if (staffSessionNeedsTouch(row, at)) {
    // Only an open row is moved: a sign-out that lands in between is never undone.
    await db.staffSession.updateMany({ where: { id: sid, endedAt: null, lastSeenAt: { lt: at } }, data: { lastSeenAt: at } });
  }
  return row.user;
}

/** Signing out: the session is over for every copy of its cookie. */
export async function endStaffSession(sid: string): Promise<void> {
  await db.staffSession.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: now() } });
}

/** Deletes sessions that are over (ended, idle or too old). Returns how many. */
export async function pruneStaffSessions(at: Date): Promise<number> {
  const { idleBefore, createdBefore } = staffSessionCutoffs(at);
  const { count } = await db.staffSession.deleteMany({
    where: { OR: [{ endedAt: { not: null } }, { lastSeenAt: { lte: idleBefore } }, { createdAt: { lte: createdBefore } }] },
  });
  return count;
}
