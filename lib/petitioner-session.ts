import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { appSecret } from "@/lib/secret";
import { now } from "@/lib/clock";

// After a right tracking number + query code, the petitioner's view opens for a limited time through an
// httpOnly cookie, signed and scoped to that one case. Nothing in it is personal data.
export const PETITIONER_COOKIE = "xf_case";
export const PETITIONER_SESSION_MS = 30 * 60 * 1000;

type Payload = { pid: string; exp: number };

function sign(body: string): string {
  return createHmac("sha256", appSecret()).update(`petitioner:${body}`).digest("base64url");
}

export function encodePetitionerToken(petitionId: string, at: Date): string {
  const body = Buffer.from(JSON.stringify({ pid: petitionId, exp: at.getTime() + PETITIONER_SESSION_MS })).toString("base64url");
  return `${body}.${sign(body)}`;
}

export function decodePetitionerToken(token: string | undefined, at: Date): string | null {
  if (!token) return null;
  const [body, mac] = token.split(".");
  if (!body || !mac) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString()) as Payload;
    return typeof payload.pid === "string" && payload.exp > at.getTime() ? payload.pid : null;
  } catch {
    return null;
  }
}

export async function openPetitionerSession(petitionId: string): Promise<void> {
  const at = now();
  (await cookies()).set(PETITIONER_COOKIE, encodePetitionerToken(petitionId, at), {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.COOKIE_SECURE === "1",
    path: "/track",
    maxAge: PETITIONER_SESSION_MS / 1000,
  });
}

/** The case this browser may see as its petitioner, or null. */
export async function petitionerCaseId(): Promise<string | null> {
  return decodePetitionerToken((await cookies()).get(PETITIONER_COOKIE)?.value, now());
}

export async function closePetitionerSession(): Promise<void> {
  (await cookies()).delete({ name: PETITIONER_COOKIE, path: "/track" });
}
