// The Content-Security-Policy and Strict-Transport-Security that proxy.ts puts on every page. Pure.
// The CSP follows the Next.js App Router guide (node_modules/next/dist/docs/01-app/02-guides/
// content-security-policy.md): a fresh nonce per request, which Next.js reads from the request's CSP
// header and puts on its own scripts; 'strict-dynamic' lets those load the page's chunks. No
// 'unsafe-inline' for scripts: an injected <script> without the nonce does not run.
//
// Cached public pages (issue 9) are one HTML document for every visitor, so they cannot carry a per-request nonce:
// a nonce in the request makes Next render the page for that request alone. Their policy (nonce: null) allows the
// site's own scripts and Next's inline bootstrap scripts ('self' 'unsafe-inline', no 'strict-dynamic'), and still
// no eval, no foreign script, no plugin, no framing, no foreign form. What stands between them and injected script
// is React's escaping of every text they show: they render no HTML from anyone (docs/security.md).

export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64 (the guide's `Buffer.from(crypto.randomUUID())` carries fewer). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy({
  nonce,
  dev,
  https,
}: {
  /** null: a cached page, the same for everyone (see above). */
  nonce: string | null;
  dev: boolean;
  https: boolean;
}): string {
  const eval_ = dev ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    // 'unsafe-eval' only for `next dev`: React rebuilds server error stacks in the browser with eval.
    nonce === null
      ? `script-src 'self' 'unsafe-inline'${eval_}`
      : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${eval_}`,
    // Tailwind's CSS is a file; the server-rendered markup has no style attributes. `next dev` injects styles.
    `style-src 'self'${dev ? " 'unsafe-inline'" : nonce === null ? "" : ` 'nonce-${nonce}'`}`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    // The filing form's proof of work (components/petition/filing-challenge.tsx) runs in a worker loaded
    // from our own bundle: no blob: worker, no eval, no WebAssembly.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** One year, subdomains included: a browser that has seen the portal over HTTPS never tries plain HTTP. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * Whether the request reached us over HTTPS: COOKIE_SECURE=1 says the portal is served over HTTPS (its
 * cookies already depend on that), else the protocol Next.js saw (TLS, or X-Forwarded-Proto: https from
 * the proxy in front). A client that fakes X-Forwarded-Proto over plain HTTP gains nothing: browsers
 * ignore HSTS received over HTTP (RFC 6797 §8.1).
 */
export function servedOverHttps(protocol: string, cookieSecure = process.env.COOKIE_SECURE): boolean {
  return cookieSecure === "1" || protocol === "https:";
}
