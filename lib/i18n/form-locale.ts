// The language a public form was filled in, for the address an action sends the browser to next. Server actions
// cannot read the page's URL (next/root-params is not available in them), so each public form that redirects
// carries it in a hidden field (LOCALE_FIELD). Anything else is the default language: it only picks an address.
import { DEFAULT_LOCALE, isLocale, type Locale } from "./translate";

export const LOCALE_FIELD = "locale";

export function formLocale(form: unknown): Locale {
  const value = form instanceof FormData ? form.get(LOCALE_FIELD) : null;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
