import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { appSecret } from "@/lib/secret";
import { PETITIONER_SESSION_MS } from "@/lib/domain/sessions";
import {
  endPetitionerSession,
  findPetitionerSessionCase,
  startPetitionerSession,
} from "@/lib/data/petitioner-sessions";
import { LOCALES } from "@/lib/i18n/translate";
import { localePath } from "@/lib/i18n/locale-path";

// After a right tracking number + query code, the petitioner's view opens for a limited time through an
// httpOnly cookie scoped to that one case. The cookie carries the id of a session row (signed, so a
// guessed id is refused before the database is asked); the row says which case and whether the session
// is still open, so 退出查询 ends it on the server and a copy of the old cookie opens nothing.
// Nothing in the cookie or the row is personal data.
// One copy per language's tracking pages (/track, /en/track), each under its own name (a response sets one cookie
// per name): the language switch keeps the petitioner's view, and no other page — none of the cached ones — is
// ever sent it. A browser sends a page the one copy its path matches.
const PETITIONER_COOKIES = LOCALES.map((locale) => ({
  name: locale === "zh-CN" ? "xf_case" : `xf_case_${locale}`,
  path: localePath(locale, "/track"),
}));

async function tokenInRequest(): Promise<string | undefined> {
  const jar = await cookies();
  for (const { name } of PETITIONER_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return value;
  }
  return undefined;
}

function sign(id: string): string {
  return createHmac("sha256", appSecret()).update(`petitioner-session:${id}`).digest("base64url");
}

export function signedSessionToken(id: string): string {
  return `${id}.${sign(id)}`;
}

/** The session id in a cookie value, or null when it is missing or its signature is wrong. */
export function sessionIdOfToken(token: string | undefined): string | null {
  if (!token) return null;
  const [id, mac, extra] = token.split(".");
  if (!id || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

export async function openPetitionerSession(petitionId: string): Promise<void> {
  const id = await startPetitionerSession(petitionId);
  const jar = await cookies();
  const token = signedSessionToken(id);
  for (const { name, path } of PETITIONER_COOKIES)
    jar.set(name, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.COOKIE_SECURE === "1",
      path,
      maxAge: PETITIONER_SESSION_MS / 1000,
    });
}

/** The case this browser may see as its petitioner, or null. */
export async function petitionerCaseId(): Promise<string | null> {
  const id = sessionIdOfToken(await tokenInRequest());
  return id ? findPetitionerSessionCase(id) : null;
}

/** 退出查询: ends the session on the server (for every copy of the cookie), then drops the cookie. */
export async function closePetitionerSession(): Promise<void> {
  const jar = await cookies();
  const id = sessionIdOfToken(await tokenInRequest());
  if (id) await endPetitionerSession(id);
  for (const { name, path } of PETITIONER_COOKIES) jar.delete({ name, path });
}
