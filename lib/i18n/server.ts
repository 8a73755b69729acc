import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, translator, type Locale, type Translate } from "./index";

export const LOCALE_COOKIE = "locale";

async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getT(): Promise<{ t: Translate; locale: Locale }> {
  const locale = await getLocale();
  return { t: translator(locale), locale };
}
