import type { Locale } from "@/lib/i18n";
import { otherLocale } from "@/lib/i18n/locale-path";

/** A plain link to the other language (works without JavaScript): on a public page the same page's address in that
 *  language (`localePath`), in the staff area app/api/locale, which sets the staff cookie and comes back. */
export function LanguageSwitch({ locale, href, label }: { locale: Locale; href: string; label: string }) {
  const to = otherLocale(locale);
  return (
    <a
      href={href}
      hrefLang={to}
      lang={to}
      className="rounded border border-stone-300 px-2 py-0.5 text-sm hover:bg-stone-100"
      data-testid="language-switch"
    >
      {label}
    </a>
  );
}
