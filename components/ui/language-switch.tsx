import type { Locale } from "@/lib/i18n";
import { localePath, otherLocale } from "@/lib/i18n/locale-path";

/** A plain link to the same page in the other language (works without JavaScript; sets nothing). */
export function LanguageSwitch({ locale, path, label }: { locale: Locale; path: string; label: string }) {
  const to = otherLocale(locale);
  return (
    <a
      href={localePath(to, path)}
      hrefLang={to}
      lang={to}
      className="rounded border border-stone-300 px-2 py-0.5 text-sm hover:bg-stone-100"
      data-testid="language-switch"
    >
      {label}
    </a>
  );
}
