import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { languageAlternates, localePath } from "@/lib/i18n/locale-path";
import { PublicFrame } from "@/components/ui/public-frame";
import { formatDate, formatPercent, messageList } from "@/lib/i18n";
import { now } from "@/lib/clock";
import { findHomeFigures, findRecentlyPublished } from "@/lib/data/public-cases";
import { Card } from "@/components/ui/card";
import { StateBadge } from "@/components/petition/state-badge";

// A cached public page (issue 9): rendered once per language, revalidated when what it shows changes
// (lib/data/public-pages.ts), and after a minute at the latest.
export const revalidate = 60;

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await getT();
  return { alternates: languageAlternates(locale, "/") };
}

export default async function HomePage() {
  const at = now();
  const [{ t, locale }, figures, recent] = await Promise.all([getT(), findHomeFigures(at), findRecentlyPublished(6)]);
  const stats = [
    { label: t("home.figureTotal"), value: figures.total.toLocaleString(locale) },
    { label: t("home.figureReplied"), value: figures.replied.toLocaleString(locale) },
    { label: t("home.figureOpen"), value: figures.open.toLocaleString(locale) },
    { label: t("home.figureOnTime"), value: formatPercent(figures.onTimeRate) },
  ];
  return (
    <PublicFrame path="/">
      <div className="space-y-8">
        <section className="space-y-4 rounded-lg bg-brand-700 p-8 text-white">
          <h1 className="text-3xl font-bold">{t("home.title")}</h1>
          <p className="max-w-3xl text-lg leading-relaxed">{t("home.intro")}</p>
          <div className="flex flex-wrap gap-3">
            <Link
              href={localePath(locale, "/file")}
              className="rounded-md bg-white px-5 py-2.5 font-semibold text-brand-800 hover:bg-brand-50"
            >
              {t("home.fileCta")}
            </Link>
            <Link
              href={localePath(locale, "/track")}
              className="rounded-md border-2 border-white px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
            >
              {t("home.trackCta")}
            </Link>
          </div>
        </section>
        <section aria-labelledby="figures">
          <h2 id="figures" className="mb-3 text-xl font-semibold">
            {t("home.figuresTitle")}
          </h2>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="figures">
            {stats.map((s) => (
              <div key={s.label} className="rounded-lg border border-stone-200 bg-white p-4">
                <dt className="text-sm text-stone-600">{s.label}</dt>
                <dd className="text-3xl font-bold text-brand-800">{s.value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <div className="grid gap-6 md:grid-cols-2">
          <Card title={t("home.fileTitle")}>
            <ol className="list-decimal space-y-2 pl-5">
              {messageList(locale, "home.fileSteps").map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </Card>
          <Card title={t("home.trackTitle")}>
            <p>{t("home.trackText")}</p>
            <p className="mt-3 text-sm text-stone-600">{t("home.lawNote")}</p>
          </Card>
        </div>
        {recent.length > 0 ? (
          <Card title={t("home.recentTitle")}>
            <ul className="divide-y divide-stone-200">
              {recent.map((r) => (
                <li key={r.trackingNo} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link href={localePath(locale, `/cases/${r.trackingNo}`)} className="text-blue-800 underline">
                    {r.publicTitle ?? r.trackingNo}
                  </Link>
                  <span className="flex items-center gap-2 text-sm text-stone-600">
                    {r.currentUnit.name} · {r.publishedAt ? formatDate(r.publishedAt) : ""}
                    <StateBadge state={r.state} label={t(`enums.state.${r.state}`)} />
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-3">
              <Link href={localePath(locale, "/letters")} className="text-blue-800 underline">
                {t("home.allLetters")}
              </Link>
            </p>
          </Card>
        ) : null}
      </div>
    </PublicFrame>
  );
}
