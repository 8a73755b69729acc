import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { isLocale } from "@/lib/i18n";
import { LOCALE_COOKIE } from "@/lib/i18n/server";
import { redirectTo } from "@/lib/http/same-site-redirect";

/**
 * Switches the interface language with a plain link (works without JavaScript), then goes back — to a
 * path on this site only, as a relative Location (the host the user visited, not the bind address).
 */
export async function GET(request: NextRequest) {
  const to = request.nextUrl.searchParams.get("to");
  if (isLocale(to)) {
    (await cookies()).set(LOCALE_COOKIE, to, {
      path: "/",
      sameSite: "lax",
      maxAge: 365 * 24 * 3600,
      secure: process.env.COOKIE_SECURE === "1",
    });
  }
  return redirectTo(request.nextUrl.searchParams.get("back") ?? "/", 303);
}
