import "server-only";
import { createHmac } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { FILING_CHALLENGE_TTL_MS, FILING_CHALLENGE_WORK } from "@/lib/domain/filing-limits";
import { appSecret } from "@/lib/secret";
import { hitRateLimit } from "./rate-limit";

// The filing form's proof of work (ALTCHA, self-hosted: the challenge comes from /api/altcha/challenge, the
// widget from our own bundle). Signed with keys derived from APP_SECRET, so nothing is stored when a challenge
// is issued; a solved one is recorded once redeemed, so it buys exactly one filing.

const keyFor = (purpose: string) => createHmac("sha256", appSecret()).update(`altcha:${purpose}`).digest("hex");

export async function createFilingChallenge(at: Date): Promise<Challenge> {
  const { algorithm, cost, counterMin, counterMax } = FILING_CHALLENGE_WORK;
  return createChallenge({
    algorithm,
    cost,
    counter: randomInt(counterMin, counterMax),
    deriveKey,
    expiresAt: new Date(at.getTime() + FILING_CHALLENGE_TTL_MS),
    hmacSignatureSecret: keyFor("challenge"),
    hmacKeySignatureSecret: keyFor("key"),
  });
}

/** The widget's form field: base64 of JSON { challenge, solution }. Anything else is no payload. */
function parsePayload(raw: string): Payload | null {
  try {
    const p: unknown = JSON.parse(Buffer.from(raw, "base64").toString("utf8"));
    if (!p || typeof p !== "object" || !("challenge" in p) || !("solution" in p)) return null;
    const { challenge, solution } = p as Payload;
    if (!challenge?.parameters || typeof challenge.parameters.nonce !== "string" || !solution || typeof solution !== "object") return null;
    return p as Payload;
  } catch {
    return null;
  }
}

/**
 * Whether `raw` is a solved challenge of ours that has not expired and was never redeemed before; redeems it.
 * The challenge's signed nonce is the redemption key, kept (as a keyed hash, in RateLimit) until the challenge
 * would have expired anyway, so the table prunes itself.
 */
export async function redeemFilingChallenge(raw: string | undefined, at: Date): Promise<boolean> {
  if (!raw || raw.length > 4096) return false;
  const payload = parsePayload(raw);
  if (!payload) return false;
  const expiresAtMs = (payload.challenge.parameters.expiresAt ?? 0) * 1000;
  if (expiresAtMs <= at.getTime()) return false;
  let verified = false;
  try {
    const result = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey,
      hmacSignatureSecret: keyFor("challenge"),
      hmacKeySignatureSecret: keyFor("key"),
    });
    verified = result.verified;
  } catch {
    verified = false; // a malformed challenge or solution
  }
  if (!verified) return false;
  // Only after the signature checked out: an unsigned nonce could otherwise fill the table.
  const redemption = await hitRateLimit(`altcha:${payload.challenge.parameters.nonce}`, 1, expiresAtMs - at.getTime(), at);
  return redemption.allowed;
}
