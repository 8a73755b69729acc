// Where each language lives in the URL (issue 9): Chinese at the plain paths (/, /cases/XF…), English under
// /en/…. Next renders every public page under app/[locale]/, so proxy.ts maps the plain paths onto /zh-CN/…
// internally and sends an outside request for /zh-CN/… to its plain path (one address per page and language).
// The staff area keeps its plain paths and the language cookie. Pure: the proxy, the pages and the links share it.
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./translate";

/** The URL prefix of a locale: none for Chinese, "/en" for English. */
const PREFIX: Record<Locale, string> = { "zh-CN": "", en: "/en" };

/** The address of a public page (a path starting with "/", with or without a query) in a language. */
export function localePath(locale: Locale, path: string): string {
  const prefix = PREFIX[locale];
  if (prefix === "") return path;
  if (path === "/") return prefix;
  if (path.startsWith("/?")) return `${prefix}${path.slice(1)}`;
  return `${prefix}${path}`;
}

/** The same page in the other language. */
export function otherLocale(locale: Locale): Locale {
  return locale === "zh-CN" ? "en" : "zh-CN";
}

/** A pathname's explicit language prefix (/en/…, /zh-CN/…) and the page path after it. */
export function splitLocale(pathname: string): { locale: Locale | null; path: string } {
  for (const locale of LOCALES) {
    const segment = `/${locale}`;
    if (pathname === segment) return { locale, path: "/" };
    if (pathname.startsWith(`${segment}/`)) return { locale, path: pathname.slice(segment.length) };
  }
  return { locale: null, path: pathname };
}

/** The path under app/[locale]/ that renders a public page (the route Next sees). */
export function internalPath(locale: Locale, path: string): string {
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

function isStaffPath(path: string): boolean {
  return path === "/staff" || path.startsWith("/staff/");
}

export type LocaleRoute =
  /** Serve as asked: an English page, an API route, or a path the proxy itself rewrote. */
  | { kind: "pass"; locale: Locale | null }
  /** Render `to` (the page under app/[locale]/) for this address. */
  | { kind: "rewrite"; locale: Locale; to: string }
  /** This page's one address is `to` (a 308): /zh-CN/… and a language-prefixed staff path. */
  | { kind: "redirect"; to: string };

/**
 * What the proxy does with a page request's pathname. `passThrough` paths (the not-found rewrite target) and
 * the staff area are served as they are; the staff area reads the language cookie itself.
 */
export function routeLocale(pathname: string, passThrough: readonly string[] = []): LocaleRoute {
  if (passThrough.includes(pathname)) return { kind: "pass", locale: null };
  const { locale, path } = splitLocale(pathname);
  if (locale === null) {
    if (isStaffPath(path)) return { kind: "pass", locale: null };
    return { kind: "rewrite", locale: DEFAULT_LOCALE, to: internalPath(DEFAULT_LOCALE, path) };
  }
  if (isStaffPath(path) || locale === DEFAULT_LOCALE) return { kind: "redirect", to: path };
  return { kind: "pass", locale };
}

/** A page's canonical address and its hreflang alternates (relative; the layout's metadataBase makes them absolute). */
export function languageAlternates(locale: Locale, path: string) {
  return {
    canonical: localePath(locale, path),
    languages: Object.fromEntries([
      ...LOCALES.map((l) => [l, localePath(l, path)] as const),
      ["x-default", localePath(DEFAULT_LOCALE, path)] as const,
    ]),
  };
}

/** The staff area's language switch: app/api/locale sets the staff cookie to the other language and goes `back`. */
export function staffSwitchHref(locale: Locale, back: string): string {
  return `/api/locale?to=${otherLocale(locale)}&back=${encodeURIComponent(back)}`;
}
