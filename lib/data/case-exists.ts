import "server-only";
import { db } from "@/lib/db";

/**
 * Whether a case has this tracking number. proxy.ts asks before the public case page renders, so an
 * unknown number is answered by the not-found page as real HTML (a page calling notFound() in a
 * production build sends an empty body that only JavaScript fills: vercel/next.js#62228). Every case has
 * a public page, so whether one exists is public anyway. One lookup on the unique index.
 */
export async function caseExists(trackingNo: string): Promise<boolean> {
  return (await db.petition.findUnique({ where: { trackingNo }, select: { id: true } })) !== null;
}
