import "server-only";
import { db } from "@/lib/db";

// Numbers known to exist, kept by each process: a case is never deleted (withdrawn and closed cases keep their
// public page), so a number once found stays found, and a cached case page costs the proxy no query. A number not
// found is asked again next time (it may be filed a moment later). Bounded: the oldest entries go first.
const KNOWN_LIMIT = 200_000;
const known = new Set<string>();

/**
 * Whether a case has this tracking number. proxy.ts asks before the public case page renders, so an
 * unknown number is answered by the not-found page as real HTML (a page calling notFound() in a
 * production build sends an empty body that only JavaScript fills: vercel/next.js#62228). Every case has
 * a public page, so whether one exists is public anyway. One lookup on the unique index, the first time.
 */
export async function caseExists(trackingNo: string): Promise<boolean> {
  if (known.has(trackingNo)) return true;
  const found = (await db.petition.findUnique({ where: { trackingNo }, select: { id: true } })) !== null;
  if (found) {
    if (known.size >= KNOWN_LIMIT) known.delete(known.values().next().value as string);
    known.add(trackingNo);
  }
  return found;
}
