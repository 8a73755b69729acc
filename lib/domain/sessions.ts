// When a session is open. Pure: the staff session (lib/data/staff-sessions.ts) and the petitioner's
// tracking session (lib/data/petitioner-sessions.ts) both decide here, from their database row.

/** A staff session lapses after this long without a request… */
export const STAFF_IDLE_MS = 30 * 60 * 1000;
/** …and in any case a working day after sign-in (the next-auth token's max age is the same). */
export const STAFF_MAX_AGE_MS = 10 * 60 * 60 * 1000;
/** `lastSeenAt` is written at most this often, so that reading a page rarely writes. */
export const STAFF_TOUCH_EVERY_MS = 60 * 1000;
/** The petitioner's view stays open this long after the right tracking number + query code. */
export const PETITIONER_SESSION_MS = 30 * 60 * 1000;

export type StaffSessionRow = { createdAt: Date; lastSeenAt: Date; endedAt: Date | null };

export type StaffSessionState = "open" | "ended" | "idle" | "expired";

export function staffSessionState(row: StaffSessionRow, at: Date): StaffSessionState {
  if (row.endedAt) return "ended";
  if (at.getTime() >= row.createdAt.getTime() + STAFF_MAX_AGE_MS) return "expired";
  if (at.getTime() >= row.lastSeenAt.getTime() + STAFF_IDLE_MS) return "idle";
  return "open";
}

/** Whether an open session's `lastSeenAt` should be moved to `at` now. */
export function staffSessionNeedsTouch(row: StaffSessionRow, at: Date): boolean {
  return at.getTime() - row.lastSeenAt.getTime() >= STAFF_TOUCH_EVERY_MS;
}

/**
 * The newest `lastSeenAt` and `createdAt` a staff session can have and still be over: rows older than
 * both bounds (or ended) can be deleted.
 */
export function staffSessionCutoffs(at: Date): { idleBefore: Date; createdBefore: Date } {
  return {
    idleBefore: new Date(at.getTime() - STAFF_IDLE_MS),
    createdBefore: new Date(at.getTime() - STAFF_MAX_AGE_MS),
  };
}

export type PetitionerSessionRow = { expiresAt: Date; endedAt: Date | null };

export function petitionerSessionOpen(row: PetitionerSessionRow, at: Date): boolean {
  return !row.endedAt && at.getTime() < row.expiresAt.getTime();
}
