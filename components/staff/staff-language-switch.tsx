import type { Locale } from "@/lib/i18n";
import { otherLocale } from "@/lib/i18n/locale-path";

/** The staff area's language: a plain link (no JavaScript) to app/api/locale, which sets the cookie and comes back. */
export function StaffLanguageSwitch({ locale, label, back }: { locale: Locale; label: string; back: string }) {
  const to = otherLocale(locale);
  return (
    <a
      href={`/api/locale?to=${to}&back=${encodeURIComponent(back)}`}
      lang={to}
      className="rounded border border-stone-300 px-2 py-0.5 text-sm hover:bg-stone-100"
      data-testid="language-switch"
    >
      {label}
    </a>
  );
}
