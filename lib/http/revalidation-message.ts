// The message a process that changed cases outside a request (the deadline job in the server, `npm run jobs`)
// sends to each server so that it drops the stale pages from its cache: POST /api/internal/revalidate with the
// pages and the instant, signed with an HMAC of the app secret. Only a holder of the secret can make a server
// re-render, and a message older than MAX_AGE_MS is refused (a replay costs at most one re-render per page).
import { createHmac, timingSafeEqual } from "node:crypto";
import { isRevalidatablePage } from "./public-pages";

export const REVALIDATE_ROUTE = "/api/internal/revalidate";
export const SIGNATURE_HEADER = "x-sunshine-signature";
export const MAX_AGE_MS = 5 * 60_000;

export type RevalidationMessage = { pages: string[]; at: number };

function mac(secret: string, body: string): string {
  return createHmac("sha256", secret).update(`revalidate:${body}`).digest("base64url");
}

export function signedRevalidation(secret: string, message: RevalidationMessage): { body: string; signature: string } {
  const body = JSON.stringify(message);
  return { body, signature: mac(secret, body) };
}

/** The pages of a well-signed, recent message; null for anything else. */
export function readRevalidation(
  secret: string,
  body: string,
  signature: string | null,
  nowMs: number,
): string[] | null {
  if (!signature) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof message !== "object" || message === null) return null;
  const { pages, at } = message as Partial<RevalidationMessage>;
  if (typeof at !== "number" || Math.abs(nowMs - at) > MAX_AGE_MS) return null;
  if (!Array.isArray(pages) || pages.length > 10_000 || !pages.every(isRevalidatablePage)) return null;
  return pages;
}
