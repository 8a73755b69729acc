import type { Locale } from "@/lib/i18n";

/** A plain link: works without JavaScript. Goes back to the home page (pages keep no state worth losing). */
export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
  const to = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <a
      href={`/api/locale?to=${to}&back=/`}
      lang={to}
      className="rounded border border-stone-300 px-2 py-0.5 text-sm hover:bg-stone-100"
    >
      {label}
    </a>
  );
}
