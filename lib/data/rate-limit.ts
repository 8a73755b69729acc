import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { appSecret } from "@/lib/secret";

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Fixed-window counter kept in the database, so limits survive restarts and hold across processes.
 * Keys are keyed hashes: the table never stores a client address or what was looked up.
 */
const hashKey = (key: string) => createHmac("sha256", appSecret()).update(`ratelimit:${key}`).digest("hex");

export async function hitRateLimit(key: string, limit: number, windowMs: number, at: Date): Promise<RateLimitResult> {
  const hashed = hashKey(key);
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key: hashed } });
    if (!row || row.windowEndsAt.getTime() <= at.getTime()) {
      await tx.rateLimit.upsert({
        where: { key: hashed },
        create: { key: hashed, count: 1, windowEndsAt: new Date(at.getTime() + windowMs) },
        update: { count: 1, windowEndsAt: new Date(at.getTime() + windowMs) },
      });
      return { allowed: true } as const;
    }
    if (row.count >= limit) return { allowed: false, retryAfterMs: row.windowEndsAt.getTime() - at.getTime() } as const;
    await tx.rateLimit.update({ where: { key: hashed }, data: { count: { increment: 1 } } });
    return { allowed: true } as const;
  });
}

/** Removes windows that ended (called opportunistically; the table stays small). */
export async function pruneRateLimits(at: Date): Promise<void> {
  await db.rateLimit.deleteMany({ where: { windowEndsAt: { lt: at } } });
}

/** Whether `key` is over its limit now, without counting this call (for limits that count failures only). */
export async function isRateLimited(key: string, limit: number, at: Date): Promise<boolean> {
  const row = await db.rateLimit.findUnique({ where: { key: hashKey(key) } });
  return !!row && row.windowEndsAt.getTime() > at.getTime() && row.count >= limit;
}
