import type { MessageKey } from "@/lib/i18n";

/**
 * A next-auth error code (from `signIn()` or the `?error=` that next-auth puts on the sign-in page) → the
 * message shown. Every refusal but the per-address limit reads the same, so the page never tells whether
 * an account exists, is locked or is deactivated.
 */
export function signInMessageKey(error: string | null | undefined): MessageKey | null {
  if (!error) return null;
  return error === "rateLimited" ? "staffAuth.rateLimited" : "staffAuth.invalid";
}
