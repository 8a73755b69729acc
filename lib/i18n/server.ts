import "server-only";
import { cookies } from "next/headers";
import { locale as rootLocale } from "next/root-params";
import { DEFAULT_LOCALE, isLocale, translator, type Locale, type Translate } from "./index";

/** The staff area's language (set by app/api/locale); public pages never read it. */
export const LOCALE_COOKIE = "locale";

/** The staff area's language, from its cookie. Route handlers call this (they have no root params). */
export async function cookieLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/**
 * The page's language: a public page's from its URL (app/[locale], read through next/root-params, so the page
 * reads no cookie or header and can be rendered once and cached); a staff page's (under the other root layout,
 * where there is no [locale]) from the cookie.
 */
export async function pageLocale(): Promise<Locale> {
  const fromUrl: unknown = await rootLocale();
  if (fromUrl === undefined) return cookieLocale(); // the staff area: no [locale] in its root layout
  return isLocale(fromUrl) ? fromUrl : DEFAULT_LOCALE; // never the cookie on a public page
}

/** The page's translator — or, given a language (route handlers, the global not-found page), that language's. */
export async function getT(given?: Locale): Promise<{ t: Translate; locale: Locale }> {
  const locale = given ?? (await pageLocale());
  return { t: translator(locale), locale };
}
