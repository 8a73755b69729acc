import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { STAFF_LOGIN } from "@/lib/auth/callback-url";
import { localePath, otherLocale } from "@/lib/i18n/locale-path";

/** The citizen pages' header, navigation and footer, drawn by each public page (and the not-found page) with
 *  its own path — the language switch leads to that path in the other language — so every page, a 404 too,
 *  leads somewhere without JavaScript. `locale` is given where no URL names it (the global not-found page). */
export async function PublicFrame({
  path,
  locale: given,
  children,
}: {
  path: string;
  locale?: Locale;
  children: React.ReactNode;
}) {
  const { t, locale } = await getT(given);
  const to = (p: string) => localePath(locale, p);
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
      >
        {t("site.skip")}
      </a>
      <header className="no-print border-b-4 border-brand-700 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href={to("/")} className="flex items-baseline gap-2 text-brand-800">
            <span className="text-2xl font-bold">{t("site.name")}</span>
            <span className="text-sm text-stone-600">{t("site.county")}</span>
          </Link>
          <nav aria-label={t("nav.main")}>
            <ul className="flex flex-wrap items-center gap-4 text-base">
              <li>
                <Link href={to("/")} className="hover:underline">
                  {t("nav.home")}
                </Link>
              </li>
              <li>
                <Link href={to("/file")} className="hover:underline">
                  {t("nav.file")}
                </Link>
              </li>
              <li>
                <Link href={to("/track")} className="hover:underline">
                  {t("nav.track")}
                </Link>
              </li>
              <li>
                <Link href={to("/letters")} className="hover:underline">
                  {t("nav.letters")}
                </Link>
              </li>
              <li>
                <Link href={to("/units")} className="hover:underline">
                  {t("nav.units")}
                </Link>
              </li>
              <li>
                <Link href={to("/stats")} className="hover:underline">
                  {t("nav.stats")}
                </Link>
              </li>
              <li>
                <Link href={to("/report")} className="hover:underline">
                  {t("nav.report")}
                </Link>
              </li>
              <li>
                <LanguageSwitch
                  locale={locale}
                  href={localePath(otherLocale(locale), path)}
                  label={t("site.switchLang")}
                />
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <footer className="no-print border-t border-stone-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-sm text-stone-600">
          <span>{t("site.footer")}</span>
          {/* As government portals do: staff reach their sign-in from the public site's footer. */}
          <a href={STAFF_LOGIN} className="underline hover:text-stone-900">
            {t("nav.staff")}
          </a>
        </div>
      </footer>
    </>
  );
}
