// Where to go after signing in. Pure: used by the sign-in page (server and client) and by proxy.ts.
import { safeSitePath } from "@/lib/http/same-site-redirect";

const STAFF_HOME = "/staff";
export const STAFF_LOGIN = "/staff/login";

/**
 * A `callbackUrl` is followed only when it is a path on this site (safeSitePath: "//evil.example",
 * "/\evil.example", "javascript:"… are refused — open redirects after sign-in are a phishing tool).
 * The sign-in page itself leads to the workspace instead.
 */
export function safeCallbackPath(raw: string | null | undefined): string {
  const path = safeSitePath(raw, STAFF_HOME);
  const pathname = path.split(/[?#]/, 1)[0] ?? path;
  return pathname === STAFF_LOGIN || pathname.startsWith(`${STAFF_LOGIN}/`) ? STAFF_HOME : path;
}

/** The sign-in page, asking to come back to `path` afterwards. */
export function loginPathFor(path: string): string {
  const back = safeCallbackPath(path);
  return back === STAFF_HOME ? STAFF_LOGIN : `${STAFF_LOGIN}?${new URLSearchParams({ callbackUrl: back })}`;
}
