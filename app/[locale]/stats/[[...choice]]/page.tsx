import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { PublicFrame } from "@/components/ui/public-frame";
import { LazyStatsChart } from "@/components/stats/lazy-stats-chart";
import { DataTable } from "@/components/stats/data-table";
import { FigureCards } from "@/components/stats/figure-cards";
import { StatsChoiceForm } from "@/components/stats/stats-choice-form";
import { statsSections } from "@/components/stats/stats-sections";
import { statsMetadata, statsPageData, type StatsPageProps } from "@/components/stats/stats-page-data";
import { getT } from "@/lib/i18n/server";
import { localePath } from "@/lib/i18n/locale-path";
import { STAT_COUNT_KEYS, STAT_RATE_KEYS, STAT_SHARE_KEYS } from "@/lib/domain/statistics";
import { periodText, ratePercentText, yoyText } from "@/lib/i18n/statistics-text";

// 统计 (issue 10): the statistics of a year or quarter, county-wide or for a unit, as figures, charts and the tables
// beneath them, from the figures' summary (lib/data/figures.ts). A cached public page, its choice in its path
// (/stats/2026/q/2/unit/ZJJ); dropped whenever the figures change (lib/http/public-pages.ts), and after a minute.
export const revalidate = 60;

export function generateStaticParams(): { choice: string[] }[] {
  return [];
}

export function generateMetadata(props: StatsPageProps): Promise<Metadata> {
  return statsMetadata("/stats", props);
}

export default async function StatsPage({ params }: StatsPageProps) {
  const page = await statsPageData((await params).choice);
  if (page === null) notFound();
  const { t, locale } = await getT();
  const { data } = page;
  const s = data.statistics;
  const query = data.query;
  const apiParams = new URLSearchParams({ year: String(query.year) });
  if (query.quarter !== null) apiParams.set("quarter", String(query.quarter));
  if (query.unitCode !== null) apiParams.set("unit", query.unitCode);
  const api = `/api/open/stats.json?${apiParams}`;
  return (
    <PublicFrame path={page.path("/stats")}>
      <div className="space-y-8">
        <PageHeader title={t("stats.title")} lead={t("stats.intro")} />
        <StatsChoiceForm t={t} locale={locale} base="/stats" query={query} years={page.years} units={page.units} />
        <h2 className="text-2xl font-semibold" data-testid="stats-scope">
          {t("stats.scopeTitle", { scope: data.scopeName, period: periodText(t, query) })}
        </h2>
        <section aria-labelledby="figures" className="space-y-3">
          <h3 id="figures" className="text-xl font-semibold">
            {t("stats.figures")}
          </h3>
          <FigureCards
            testId="stats-counts"
            cards={STAT_COUNT_KEYS.map((key) => ({
              key,
              name: t(`stats.keys.${key}`),
              value: s.counts[key],
              detail: yoyText(t, s.yoy[key]),
            }))}
          />
        </section>
        <section aria-labelledby="rates" className="space-y-3">
          <h3 id="rates" className="text-xl font-semibold">
            {t("stats.rates")}
          </h3>
          <p className="text-sm text-stone-600">{t("stats.ratesNote")}</p>
          <FigureCards
            testId="stats-rates"
            cards={[
              ...STAT_RATE_KEYS.map((key) => [key, t(`stats.rateNames.${key}`), s.rates[key]] as const),
              ...STAT_SHARE_KEYS.map((key) => [key, t(`stats.shareNames.${key}`), s.shares[key]] as const),
            ].map(([key, name, r]) => ({
              key,
              name,
              value: ratePercentText(r),
              detail: t("stats.rateParts", { num: r.num, den: r.den }),
            }))}
          />
        </section>
        {statsSections(t, data).map((section) => (
          <section
            key={section.id}
            aria-labelledby={`chart-${section.id}`}
            className="space-y-3"
            data-section={section.id}
          >
            <h3 id={`chart-${section.id}`} className="text-xl font-semibold">
              {section.title}
            </h3>
            <LazyStatsChart spec={section.spec} />
            <DataTable caption={section.title} table={section.table} />
          </section>
        ))}
        <section aria-labelledby="definitions" className="space-y-2 text-sm text-stone-700">
          <h3 id="definitions" className="text-lg font-semibold">
            {t("stats.definitions")}
          </h3>
          <p className="max-w-3xl">{t("stats.definitionsText")}</p>
          <p>
            {t("stats.openData")}{" "}
            <a href={api} className="font-mono text-brand-800 underline">
              {api}
            </a>
          </p>
          <p>
            <Link href={localePath(locale, page.path("/report"))} className="text-brand-800 underline">
              {t("stats.report")}
            </Link>
          </p>
        </section>
      </div>
    </PublicFrame>
  );
}
