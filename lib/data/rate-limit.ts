import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { appSecret } from "@/lib/secret";

export type RateLimitResult = { allowed: true; count: number } | { allowed: false; retryAfterMs: number };

/**
 * Fixed-window counters kept in the database, so limits survive restarts and hold across processes.
 * Keys are keyed hashes: the table never stores a client address or what was looked up.
 *
 * Every change is ONE statement that changes the row and returns the new value, so hits that arrive at
 * the same moment each get their own count (a read followed by a write would let them overwrite each
 * other). The SQL is written for SQLite and PostgreSQL alike: quoted identifiers, INSERT … ON CONFLICT …
 * RETURNING, and instants passed as parameters (never computed in SQL). On SQLite the driver adapter
 * stores a DateTime as ISO-8601 text in one fixed format ("2026-03-02T02:00:00.000+00:00"), and binds a
 * Date parameter in the same format, so comparing the text compares the instants.
 */
const hashKey = (key: string) => createHmac("sha256", appSecret()).update(`ratelimit:${key}`).digest("hex");

/**
 * Counts one hit on `key` and says whether it is within `limit` for the window: a window that has ended
 * is started afresh by the same statement. A refused hit is counted too (the window's end never moves).
 */
export async function hitRateLimit(key: string, limit: number, windowMs: number, at: Date): Promise<RateLimitResult> {
  const newWindowEndsAt = new Date(at.getTime() + windowMs);
  const [row] = await db.$queryRaw<[{ count: number | bigint; windowEndsAt: Date | string }]>`
    INSERT INTO "RateLimit" ("key", "count", "windowEndsAt") VALUES (${hashKey(key)}, 1, ${newWindowEndsAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowEndsAt" <= ${at} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowEndsAt" = CASE WHEN "RateLimit"."windowEndsAt" <= ${at} THEN ${newWindowEndsAt} ELSE "RateLimit"."windowEndsAt" END
    RETURNING "count", "windowEndsAt"`;
  const count = Number(row.count);
  if (count <= limit) return { allowed: true, count };
  return { allowed: false, retryAfterMs: Math.max(0, new Date(row.windowEndsAt).getTime() - at.getTime()) };
}

/**
 * Gives one hit back (never below zero; nothing when the window has ended): for limits that count
 * failures only, the attempt is reserved by `hitRateLimit` before it is judged and returned when it succeeds.
 */
export async function releaseRateLimit(key: string, at: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimit" SET "count" = "count" - 1
    WHERE "key" = ${hashKey(key)} AND "count" > 0 AND "windowEndsAt" > ${at}`;
}

/** Deletes windows that have ended (called opportunistically; the table stays small). Returns how many. */
export async function pruneRateLimits(at: Date): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { windowEndsAt: { lte: at } } });
  return count;
}

/** Whether `key` is at or over its limit now, without counting this call. */
export async function isRateLimited(key: string, limit: number, at: Date): Promise<boolean> {
  const row = await db.rateLimit.findUnique({ where: { key: hashKey(key) } });
  return !!row && row.windowEndsAt.getTime() > at.getTime() && row.count >= limit;
}
