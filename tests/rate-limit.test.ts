// The database's fixed-window counters (lib/data/rate-limit.ts) on the real SQLite file: every hit counted
// once however many arrive together, a new window when the old one ended, give-backs, pruning, hashed keys.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hitRateLimit, isRateLimited, pruneRateLimits, releaseRateLimit } from "@/lib/data/rate-limit";

const AT = new Date("2026-03-02T02:00:00Z");
const WINDOW = 15 * 60 * 1000;
const later = (ms: number) => new Date(AT.getTime() + ms);
const key = () => `test:${randomUUID()}`;

describe("hitRateLimit", () => {
  it("counts 40 hits sent at once one by one: exactly the limit is allowed", async () => {
    const k = key();
    const results = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(k, 10, WINDOW, AT)));
    const allowed = results.filter((r) => r.allowed);
    expect(allowed).toHaveLength(10);
    expect(allowed.map((r) => (r.allowed ? r.count : 0)).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(results.filter((r) => !r.allowed)).toEqual(Array(30).fill({ allowed: false, retryAfterMs: WINDOW }));
  });

  it("says how long until the window ends, and starts a new window when it has", async () => {
    const k = key();
    for (let i = 1; i <= 3; i++)
      expect(await hitRateLimit(k, 3, WINDOW, later(i === 1 ? 0 : i * 1000))).toEqual({ allowed: true, count: i });
    expect(await hitRateLimit(k, 3, WINDOW, later(60_000))).toEqual({ allowed: false, retryAfterMs: WINDOW - 60_000 });
    // The window does not move with the hits: it ends WINDOW after the first.
    expect(await isRateLimited(k, 3, later(WINDOW - 1))).toBe(true);
    expect(await isRateLimited(k, 3, later(WINDOW))).toBe(false);
    expect(await hitRateLimit(k, 3, WINDOW, later(WINDOW))).toEqual({ allowed: true, count: 1 });
    expect(await hitRateLimit(k, 3, WINDOW, later(WINDOW + 1))).toEqual({ allowed: true, count: 2 });
  });

  it("keeps keyed hashes only: the table never holds the key it was given", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    await hitRateLimit(`signin:client:${address}`, 5, WINDOW, AT);
    const rows = await db.rateLimit.findMany({ select: { key: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).toMatch(/^[0-9a-f]{64}$/);
      expect(row.key).not.toContain(address);
    }
  });
});

describe("releaseRateLimit", () => {
  it("gives one hit back, never below zero", async () => {
    const k = key();
    await hitRateLimit(k, 2, WINDOW, AT);
    await hitRateLimit(k, 2, WINDOW, AT);
    expect(await isRateLimited(k, 2, AT)).toBe(true);
    await releaseRateLimit(k, AT);
    expect(await isRateLimited(k, 2, AT)).toBe(false);
    await releaseRateLimit(k, AT);
    await releaseRateLimit(k, AT);
    expect(await hitRateLimit(k, 2, WINDOW, AT)).toEqual({ allowed: true, count: 1 });
  });

  it("gives back all of a parallel burst", async () => {
    const k = key();
    await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(k, 100, WINDOW, AT)));
    await Promise.all(Array.from({ length: 15 }, () => releaseRateLimit(k, AT)));
    expect(await hitRateLimit(k, 100, WINDOW, AT)).toEqual({ allowed: true, count: 6 });
  });

  it("does nothing to a window that has ended, or to a key never hit", async () => {
    const k = key();
    await hitRateLimit(k, 5, WINDOW, AT);
    await releaseRateLimit(k, later(WINDOW));
    await releaseRateLimit(key(), AT);
    expect(await hitRateLimit(k, 5, WINDOW, later(1))).toEqual({ allowed: true, count: 2 });
  });
});

describe("pruneRateLimits", () => {
  it("deletes the windows that have ended, and only those", async () => {
    const base = later(100 * WINDOW); // later than every other test's windows
    const [ended, running] = [key(), key()];
    await hitRateLimit(ended, 5, WINDOW, base);
    await hitRateLimit(running, 5, 2 * WINDOW, base);
    expect(await pruneRateLimits(new Date(base.getTime() + WINDOW))).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimit.count({ where: { windowEndsAt: { lte: new Date(base.getTime() + WINDOW) } } })).toBe(0);
    // The running window keeps its count.
    expect(await hitRateLimit(running, 5, WINDOW, new Date(base.getTime() + WINDOW))).toEqual({
      allowed: true,
      count: 2,
    });
    expect(await hitRateLimit(ended, 5, WINDOW, new Date(base.getTime() + WINDOW))).toEqual({
      allowed: true,
      count: 1,
    });
    expect(await pruneRateLimits(new Date(base.getTime() + WINDOW))).toBe(0);
  });
});
