// Next 16's request proxy (formerly middleware; it runs in the Node.js runtime). For every page it:
// - puts the language in the URL (lib/i18n/locale-path.ts): a plain public path is rendered as its Chinese page
//   under app/[locale] (/cases/XF… → /zh-CN/cases/XF…), /en/… is served as it is, and /zh-CN/… from outside is
//   sent to its plain address; the staff area keeps its paths and its language cookie;
// - answers a URL no page can serve (malformed percent-encoding, a public case page for a number that is
//   not a tracking number or names no case) with the not-found page, status 404, as real HTML — a page
//   that calls notFound() sends an empty body in a production build (vercel/next.js#62228), an unmatched
//   path does not, so the request is rewritten to one;
// - sends a signed-out request for a staff page to the sign-in page (and back afterwards). The cookie is
//   not even verified here: every page, action and data function checks the viewer again (a bypassed
//   proxy must not open anything: CVE-2025-29927);
// - sets the Content-Security-Policy — with a fresh nonce, except on the cached public pages, which are one
//   document for everyone (lib/http/security-headers.ts) — and HSTS over HTTPS.
import { NextResponse, type NextRequest } from "next/server";
import { STAFF_LOGIN, loginPathFor } from "@/lib/auth/callback-url";
import { caseExists } from "@/lib/data/case-exists";
import { redirectTo } from "@/lib/http/same-site-redirect";
import { classifyRequestPath } from "@/lib/http/request-path";
import { NOT_FOUND_OF_HEADER, NOT_FOUND_PATH, PAGE_LOCALE_HEADER, type NotFoundOf } from "@/lib/http/not-found";
import { isCachedPage } from "@/lib/http/public-pages";
import { routeLocale, splitLocale } from "@/lib/i18n/locale-path";
import {
  NONCE_HEADER,
  STRICT_TRANSPORT_SECURITY,
  contentSecurityPolicy,
  newNonce,
  servedOverHttps,
} from "@/lib/http/security-headers";

// next-auth v4's session cookie: "__Secure-" on https, split into ".0", ".1"… when large.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

function isStaffPage(pathname: string): boolean {
  return (
    (pathname === "/staff" || pathname.startsWith("/staff/")) &&
    pathname !== STAFF_LOGIN &&
    !pathname.startsWith(`${STAFF_LOGIN}/`)
  );
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name) && c.value !== "");
}

/** What is missing, when no page can answer: the not-found page says so. Null: the page renders. */
async function missingFor(pathname: string): Promise<NotFoundOf | null> {
  const path = classifyRequestPath(pathname);
  if (path.kind === "malformed") return "page";
  if (path.kind === "publicCase" && (path.trackingNo === null || !(await caseExists(path.trackingNo)))) return "case";
  return null;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    // Route handlers need no CSP; a malformed path would make Next answer 500 while decoding its params.
    return classifyRequestPath(pathname).kind === "malformed"
      ? Response.json({ error: "not found" }, { status: 404 })
      : NextResponse.next();
  }

  const route = routeLocale(pathname, [NOT_FOUND_PATH]);
  if (route.kind === "redirect") return redirectTo(`${route.to}${search}`, 308, { base: request.url });
  // The page Next renders: the internal path under app/[locale] for a plain public path.
  const target = route.kind === "rewrite" ? route.to : pathname;
  const missing = await missingFor(splitLocale(target).path);
  const cached = missing === null && isCachedPage(target);

  const nonce = cached ? null : newNonce();
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: servedOverHttps(request.nextUrl.protocol),
  });
  // Next.js reads the nonce from the request's CSP header; pages may read x-nonce. Neither is taken from
  // the client. The not-found marker is kept only on the rewrite target, which the proxy sees again when
  // Next renders it (it only chooses the not-found page's wording); the language header only tells the global
  // not-found page the language of the address asked for. A cached page reads none of them.
  const headers = new Headers(request.headers);
  if (pathname !== NOT_FOUND_PATH) {
    headers.delete(NOT_FOUND_OF_HEADER);
    headers.delete(PAGE_LOCALE_HEADER);
  }
  headers.delete(NONCE_HEADER);
  headers.delete("Content-Security-Policy");
  if (nonce !== null) {
    headers.set(NONCE_HEADER, nonce);
    headers.set("Content-Security-Policy", csp);
  }
  if (route.locale !== null) headers.set(PAGE_LOCALE_HEADER, route.locale);

  let response: Response;
  if (missing !== null) {
    headers.set(NOT_FOUND_OF_HEADER, missing);
    response = NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers } });
  } else if (isStaffPage(pathname) && !hasSessionCookie(request)) {
    response = redirectTo(loginPathFor(`${pathname}${search}`), 307, { base: request.url });
  } else if (route.kind === "rewrite") {
    response = NextResponse.rewrite(new URL(`${route.to}${search}`, request.url), { request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(request.nextUrl.protocol))
    response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Every page and route handler; not the build's static files, image optimisation or the favicon.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
