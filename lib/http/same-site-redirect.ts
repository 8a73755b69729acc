// Every redirect the portal answers goes through here, so none can leave the site (an open redirect is a
// phishing tool: a link on our domain that lands on a look-alike) and none names the address the server
// is bound to (0.0.0.0:3000 behind a proxy) instead of the one the user visited.
// Pure and free of next/* imports: the sign-in form (a client component) uses safeSitePath too.

const PLACEHOLDER_ORIGIN = "http://placeholder.invalid";
const MAX_LENGTH = 2048;

/**
 * `raw` if it is a path on this site, normalised (dot segments resolved, non-ASCII percent-encoded so it
 * fits in a header); otherwise `fallback`. Refused, because a browser would read them as another host:
 * anything not starting with exactly one "/" ("//host", "https:host", "javascript:"), any backslash
 * (browsers read "\" as "/": "/\host" is "//host"), any control character or whitespace (browsers drop
 * tab and newline: "/\t/host" is "//host"), and a path that becomes "//host", or holds a backslash or a
 * control character, once percent-decoded ("/%2F%2Fhost", "/%5Chost", "/%09/host"), in case anything
 * downstream decodes it again.
 */
export function safeSitePath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\") || /[\s\u0000-\u001f\u007f]/.test(raw))
    return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return fallback; // malformed percent-encoding: no page of ours has such a path
  }
  if (decoded.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(decoded)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export type RedirectStatus = 302 | 303 | 307 | 308;

/**
 * A redirect to `path` (through safeSitePath) with a relative `Location`, so the browser stays on the
 * host it asked (RFC 9110 §10.2.2 allows relative references). `base` makes it absolute on that origin
 * instead; proxy.ts needs that: Next's proxy adapter cannot parse a relative Location, and turns an
 * absolute one on the request's own host back into a path (next/dist/server/web/adapter.js).
 */
export function redirectTo(
  path: string,
  status: RedirectStatus = 303,
  options: { fallback?: string; base?: string | URL } = {},
): Response {
  const target = safeSitePath(path, options.fallback);
  const location = options.base === undefined ? target : new URL(target, options.base).href;
  return new Response(null, { status, headers: { Location: location } });
}
