import "server-only";
import { verify } from "@node-rs/argon2";
import { db } from "@/lib/db";
import { hitRateLimit, releaseRateLimit } from "@/lib/data/rate-limit";
import { clearFailedSignIns, reserveSignInAttempt } from "./sign-in-attempts";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MS = 15 * 60 * 1000;
export const SIGN_IN_CLIENT_LIMIT = 20; // failed sign-ins per client address per window, across all accounts
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

// Checked against when the username is unknown, so that an unknown user costs the same time as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$+XAiPK3r2ulwqENEghrG7Q$u9Su/Mu8+P+VTjgqOB4DA6rGuYtNszu90UO/wbKcmVE";

export type SignInResult =
  | {
      ok: true;
      user: {
        id: string;
        username: string;
        displayName: string;
        role: "handler" | "supervisor" | "admin";
        unitId: string;
      };
    }
  | { ok: false; reason: "invalid" | "rateLimited" };

const checkPassword = (hash: string, password: string) => verify(hash, password.slice(0, 256)).catch(() => false);

/**
 * Staff sign-in. Five failures lock the account for 15 minutes; a locked account, an unknown user and a
 * wrong password all answer "invalid", so the answer never tells whether an account exists.
 *
 * Every attempt is counted BEFORE its password is checked, by one statement that returns the new count
 * (for the client address, then for the account), so attempts sent all at once are counted one by one:
 * at most 5 are ever checked against an account per lock, and at most 20 failures per address per window.
 * The address limit counts failures only — a success gives its reservation back — so a whole office
 * signing in behind one address in the morning is never stopped.
 */
export async function verifyStaffCredentials(
  username: string,
  password: string,
  clientKey: string,
  at: Date,
): Promise<SignInResult> {
  const clientLimitKey = `signin:client:${clientKey}`;
  if (!(await hitRateLimit(clientLimitKey, SIGN_IN_CLIENT_LIMIT, SIGN_IN_WINDOW_MS, at)).allowed) {
    // Not judged, so not a failure: the count stays the number of failures.
    await releaseRateLimit(clientLimitKey, at);
    return { ok: false, reason: "rateLimited" };
  }
  const name = username.trim().toLowerCase().slice(0, 64);
  const user = await db.user.findUnique({
    where: { username: name },
    select: { id: true, username: true, displayName: true, role: true, unitId: true, active: true, passwordHash: true },
  });
  const reserved = user?.active ? await reserveSignInAttempt(user.id, MAX_FAILED_SIGN_INS, LOCK_MS, at) : false;
  // An unknown, deactivated or locked account costs the same time as a wrong password.
  const passwordOk = await checkPassword(reserved && user ? user.passwordHash : DUMMY_HASH, password);
  if (!reserved || !user || !passwordOk) return { ok: false, reason: "invalid" };
  await clearFailedSignIns(user.id);
  await releaseRateLimit(clientLimitKey, at);
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId },
  };
}
