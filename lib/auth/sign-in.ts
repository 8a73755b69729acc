import "server-only";
import { verify } from "@node-rs/argon2";
import { db } from "@/lib/db";
import { hitRateLimit, isRateLimited } from "@/lib/data/rate-limit";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MS = 15 * 60 * 1000;
export const SIGN_IN_CLIENT_LIMIT = 20; // failed sign-ins per client address per window, across all accounts
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

// Checked against when the username is unknown, so that an unknown user costs the same time as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$+XAiPK3r2ulwqENEghrG7Q$u9Su/Mu8+P+VTjgqOB4DA6rGuYtNszu90UO/wbKcmVE";

export type SignInResult =
  | { ok: true; user: { id: string; username: string; displayName: string; role: "handler" | "supervisor" | "admin"; unitId: string } }
  | { ok: false; reason: "invalid" | "rateLimited" };

/**
 * Staff sign-in. Five failures lock the account for 15 minutes; a locked account, an unknown user and a
 * wrong password all answer "invalid", so the answer never tells whether an account exists.
 */
export async function verifyStaffCredentials(username: string, password: string, clientKey: string, at: Date): Promise<SignInResult> {
  // Only failures count, so a whole office signing in behind one address in the morning is never stopped.
  const clientLimitKey = `signin:client:${clientKey}`;
  if (await isRateLimited(clientLimitKey, SIGN_IN_CLIENT_LIMIT, at)) return { ok: false, reason: "rateLimited" };
  const refuse = async (): Promise<SignInResult> => {
    await hitRateLimit(clientLimitKey, SIGN_IN_CLIENT_LIMIT, SIGN_IN_WINDOW_MS, at);
    return { ok: false, reason: "invalid" };
  };
  const name = username.trim().toLowerCase().slice(0, 64);
  const user = await db.user.findUnique({
    where: { username: name },
    select: { id: true, username: true, displayName: true, role: true, unitId: true, active: true, failedLogins: true, lockedUntil: true, passwordHash: true },
  });
  const passwordOk = await verify(user?.passwordHash ?? DUMMY_HASH, password.slice(0, 256)).catch(() => false);
  if (!user || !user.active) return refuse();
  if (user.lockedUntil && user.lockedUntil.getTime() > at.getTime()) return refuse();
  if (!passwordOk) {
    const failed = user.failedLogins + 1;
    await db.user.update({
      where: { id: user.id },
      data: failed >= MAX_FAILED_SIGN_INS ? { failedLogins: 0, lockedUntil: new Date(at.getTime() + LOCK_MS) } : { failedLogins: failed },
    });
    return refuse();
  }
  if (user.failedLogins > 0 || user.lockedUntil) await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  return { ok: true, user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId } };
}
