// Where to go after signing in. Pure: used by the sign-in page (server and client) and by proxy.ts.

export const STAFF_HOME = "/staff";
export const STAFF_LOGIN = "/staff/login";

const PLACEHOLDER_ORIGIN = "http://placeholder.invalid";

/**
 * A `callbackUrl` is followed only when it is a path on this site: it must start with one "/", and
 * resolve to the same origin (so "//evil.example", "/\evil.example" and "javascript:" are refused — open
 * redirects after sign-in are a phishing tool). The sign-in page itself leads to the workspace instead.
 */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return STAFF_HOME;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\") || /[\u0000-\u001f\u007f]/.test(raw)) return STAFF_HOME;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return STAFF_HOME;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return STAFF_HOME;
  if (url.pathname === STAFF_LOGIN || url.pathname.startsWith(`${STAFF_LOGIN}/`)) return STAFF_HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, asking to come back to `path` afterwards. */
export function loginPathFor(path: string): string {
  const back = safeCallbackPath(path);
  return back === STAFF_HOME ? STAFF_LOGIN : `${STAFF_LOGIN}?${new URLSearchParams({ callbackUrl: back })}`;
}
