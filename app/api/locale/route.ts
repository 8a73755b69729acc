import { NextResponse, type NextRequest } from "next/server";
import { isLocale } from "@/lib/i18n";
import { LOCALE_COOKIE } from "@/lib/i18n/server";

/** Switches the interface language with a plain link (works without JavaScript), then goes back. */
export async function GET(request: NextRequest) {
  const to = request.nextUrl.searchParams.get("to");
  const back = request.nextUrl.searchParams.get("back") ?? "/";
  // Only same-site paths: never an open redirect.
  const target = back.startsWith("/") && !back.startsWith("//") ? back : "/";
  const response = NextResponse.redirect(new URL(target, request.nextUrl.origin), 303);
  if (isLocale(to)) response.cookies.set(LOCALE_COOKIE, to, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return response;
}
