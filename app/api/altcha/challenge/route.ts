import { now } from "@/lib/clock";
import { createFilingChallenge } from "@/lib/data/filing-challenge";

export const dynamic = "force-dynamic";

/** A fresh proof-of-work challenge for the filing form's widget. Signed, not stored; never cached. */
export async function GET() {
  const challenge = await createFilingChallenge(now());
  return Response.json(challenge, { headers: { "Cache-Control": "no-store, max-age=0" } });
}
