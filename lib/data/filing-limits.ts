import "server-only";
import { filingCounters, registrationCounters, type FilingLimitReason, type LimitCounter } from "@/lib/domain/filing-limits";
import { hitRateLimit, pruneRateLimits } from "./rate-limit";

export type LimitRefusal<R extends string> = { allowed: false; reason: R; retryAfterMs: number };
export type LimitCheck<R extends string> = { allowed: true } | LimitRefusal<R>;

/**
 * Takes one unit from each counter in order; stops at the first that is spent (later counters are then not
 * touched). Counters live in the RateLimit table under keyed hashes: no address or number is stored.
 */
async function takeFrom<R extends string>(counters: readonly LimitCounter<R>[], at: Date): Promise<LimitCheck<R>> {
  await pruneOccasionally(at);
  for (const c of counters) {
    const hit = await hitRateLimit(c.key, c.budget.limit, c.budget.windowMs, at);
    if (!hit.allowed) return { allowed: false, reason: c.reason, retryAfterMs: hit.retryAfterMs };
  }
  return { allowed: true };
}

/** 我要写信: per client address (stricter without a solved challenge) and per mobile number. */
export function takeFilingBudget(input: { address: string; phone: string; solvedChallenge: boolean; at: Date }): Promise<LimitCheck<FilingLimitReason>> {
  return takeFrom(filingCounters(input), input.at);
}

/** 登记: per staff account. */
export function takeRegistrationBudget(staffUserId: string, at: Date): Promise<LimitCheck<"registration">> {
  return takeFrom(registrationCounters(staffUserId), at);
}

/** Ended windows are deleted at most once per PRUNE_EVERY_MS per process, on the way of a counted request. */
export const PRUNE_EVERY_MS = 10 * 60 * 1000;
let lastPrunedAt = Number.NEGATIVE_INFINITY;

export async function pruneOccasionally(at: Date): Promise<boolean> {
  if (at.getTime() - lastPrunedAt < PRUNE_EVERY_MS && at.getTime() >= lastPrunedAt) return false;
  lastPrunedAt = at.getTime();
  await pruneRateLimits(at);
  return true;
}
