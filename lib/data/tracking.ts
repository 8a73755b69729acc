import "server-only";
import { db } from "@/lib/db";
import { normalizeQueryCode, normalizeTrackingNo, parseTrackingNo, queryCodeMatches } from "@/lib/domain/tracking";
import { appSecret } from "@/lib/secret";
import { hitRateLimit } from "./rate-limit";

export const LOOKUP_LIMIT = 10;
const LOOKUP_WINDOW_MS = 15 * 60 * 1000;

export type LookupResult = { ok: true; petitionId: string } | { ok: false; reason: "wrongPair" } | { ok: false; reason: "rateLimited"; retryAfterMs: number };

/**
 * 查询: tracking number + query code. Limited per client address and per tracking number; a wrong
 * number, a wrong code and an unknown case all give the same answer. A number or code that cannot exist
 * is refused before any counter is touched: it probes nothing, and must not make rows (one per junk number).
 */
export async function lookUpCase(input: { trackingNo: string; queryCode: string; clientKey: string; at: Date }): Promise<LookupResult> {
  const trackingNo = normalizeTrackingNo(input.trackingNo);
  const code = normalizeQueryCode(input.queryCode);
  if (!code || !parseTrackingNo(trackingNo)) return { ok: false, reason: "wrongPair" };
  for (const key of [`lookup:client:${input.clientKey}`, `lookup:case:${trackingNo}`]) {
    const hit = await hitRateLimit(key, LOOKUP_LIMIT, LOOKUP_WINDOW_MS, input.at);
    if (!hit.allowed) return { ok: false, reason: "rateLimited", retryAfterMs: hit.retryAfterMs };
  }
  const row = await db.petition.findUnique({ where: { trackingNo }, select: { id: true, queryCodeHash: true } });
  if (!row || !queryCodeMatches(code, trackingNo, row.queryCodeHash, appSecret())) return { ok: false, reason: "wrongPair" };
  return { ok: true, petitionId: row.id };
}
