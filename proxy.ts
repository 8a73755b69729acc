// Next 16's request proxy (formerly middleware). It only redirects: a request for a staff page without a
// next-auth session cookie goes to the sign-in page and comes back afterwards. It decides nothing about
// authority — the cookie is not even verified here; every page, action and data function checks the
// viewer again (a bypassed middleware must not open anything: CVE-2025-29927).
import { NextResponse, type NextRequest } from "next/server";
import { STAFF_LOGIN, loginPathFor } from "@/lib/auth/callback-url";

// next-auth v4's session cookie: "__Secure-" on https, split into ".0", ".1"… when large.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === STAFF_LOGIN || pathname.startsWith(`${STAFF_LOGIN}/`)) return NextResponse.next();
  if (request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name) && c.value !== "")) return NextResponse.next();
  return NextResponse.redirect(new URL(loginPathFor(`${pathname}${search}`), request.url));
}

export const config = {
  matcher: ["/staff", "/staff/:path*"],
};
