import "server-only";
import { db } from "@/lib/db";

// The account side of the lockout, as single statements: a read followed by a write would let attempts
// that arrive at the same moment overwrite each other's count (40 parallel guesses once left the count at 1).
// Portable SQL (SQLite and PostgreSQL): quoted identifiers, UPDATE … RETURNING, instants as parameters —
// on SQLite both the stored DateTime and a bound Date are ISO-8601 text in one format, so they compare as
// instants (see lib/data/rate-limit.ts).

/**
 * Counts one attempt on an unlocked, active account before its password is checked; the attempt that
 * reaches `max` locks the account (until `at + lockMs`) in the same statement and starts the count again.
 * False when the account is locked (or deactivated): the attempt must not be checked.
 */
export async function reserveSignInAttempt(userId: string, max: number, lockMs: number, at: Date): Promise<boolean> {
  const lockedUntil = new Date(at.getTime() + lockMs);
  // A lock that has run out is cleared. The branch that yields the column itself gives PostgreSQL the
  // CASE's type (with only a parameter and NULL it would be text, which it will not store as a timestamp).
  const rows = await db.$queryRaw<{ failedLogins: number | bigint }[]>`
    UPDATE "User" SET
      "failedLogins" = CASE WHEN "failedLogins" + 1 >= ${max} THEN 0 ELSE "failedLogins" + 1 END,
      "lockedUntil" = CASE WHEN "failedLogins" + 1 >= ${max} THEN ${lockedUntil} WHEN "lockedUntil" IS NULL THEN "lockedUntil" ELSE NULL END
    WHERE "id" = ${userId} AND "active" = TRUE AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${at})
    RETURNING "failedLogins"`;
  return rows.length === 1;
}

/** A successful sign-in: the failures before it no longer count, and a lock it was let in under is lifted. */
export async function clearFailedSignIns(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { failedLogins: 0, lockedUntil: null } });
}
