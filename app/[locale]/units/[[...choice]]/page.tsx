import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { PublicFrame } from "@/components/ui/public-frame";
import { StateBadge } from "@/components/petition/state-badge";
import { ScorecardTable } from "@/components/scorecard/scorecard-table";
import { columnLabel, figureCells } from "@/components/scorecard/scorecard-cells";
import { StatsChoiceForm } from "@/components/stats/stats-choice-form";
import { choiceOf, statsMetadata, unitChoices, type StatsPageProps } from "@/components/stats/stats-page-data";
import { now } from "@/lib/clock";
import { findPublicScorecard } from "@/lib/data/scorecard";
import { findOpenCases } from "@/lib/data/open-cases";
import { FIGURE_COLUMNS } from "@/lib/domain/scorecard";
import { periodDateRange, statsPath } from "@/lib/domain/statistics";
import { listPath, NO_LIST_FILTERS } from "@/lib/domain/public-case-list";
import { formatDate, formatDateTime } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { localePath } from "@/lib/i18n/locale-path";
import { periodText } from "@/lib/i18n/statistics-text";

// 单位 (issue 10): every unit's scorecard for a year or a quarter, side by side with each rate's numerator and
// denominator (lib/domain/scorecard.ts, the supervisors' definitions), and for one unit its figures and its recent
// public cases. A cached public page, the choice in its path (/units/2026/q/2, /units/2026/unit/ZJJ); dropped
// whenever the figures change (lib/http/public-pages.ts), and after a minute.
export const revalidate = 60;

export function generateStaticParams(): { choice: string[] }[] {
  return [];
}

export function generateMetadata(props: StatsPageProps): Promise<Metadata> {
  return statsMetadata("/units", props);
}

const RECENT = 10;
/** A unit's recent public cases: the list's first page, filtered by the unit. */
const RECENT_LIST = { ...NO_LIST_FILTERS, pageSize: RECENT };

export default async function UnitsPage({ params }: StatsPageProps) {
  const segments = (await params).choice;
  const at = now();
  const query = choiceOf(segments, at);
  if (query === null) notFound();
  const [{ t, locale }, choices, scorecard] = await Promise.all([
    getT(),
    unitChoices(at, query),
    findPublicScorecard({ kind: "range", ...periodDateRange(query) }),
  ]);
  const path = segments?.length ? statsPath("/units", query) : "/units";
  const periodName = periodText(t, query);
  const one = query.unitCode === null ? null : scorecard.rows.find((r) => r.unitCode === query.unitCode);
  if (one === undefined) notFound();
  const columns = (["unit", ...FIGURE_COLUMNS] as const).map((c) => ({
    key: c,
    label: columnLabel(t, c),
    sorted: null,
    sortedText: "",
  }));
  const unitPath = (unitCode: string | null) => localePath(locale, statsPath("/units", { ...query, unitCode }));
  const rowOf = (r: (typeof scorecard.rows)[number]) => ({
    key: r.unitCode,
    unit: r.unitName,
    cells: figureCells(t, r.figures),
    href: one ? undefined : unitPath(r.unitCode),
  });
  const recent = one ? await findOpenCases({ ...RECENT_LIST, unitCode: one.unitCode }, at, locale) : null;
  return (
    <PublicFrame path={path}>
      <div className="space-y-6">
        <PageHeader title={one ? one.unitName : t("units.title")} lead={t("units.intro")} />
        <StatsChoiceForm
          t={t}
          locale={locale}
          base="/units"
          query={query}
          years={choices.years}
          units={choices.units}
        />
        <ScorecardTable
          columns={columns}
          rows={(one ? [one] : scorecard.rows).map(rowOf)}
          total={one ? undefined : { key: "total", unit: t("scorecard.total"), cells: figureCells(t, scorecard.total) }}
          caption={
            one
              ? t("units.unitCaption", { unit: one.unitName, period: periodName })
              : t("units.caption", { period: periodName })
          }
        />
        <p className="text-sm text-stone-600">{t("units.asOf", { at: formatDateTime(scorecard.at) })}</p>
        {one && recent ? (
          <section aria-labelledby="recent" className="space-y-3">
            <h2 id="recent" className="text-xl font-semibold">
              {t("units.recent")}
            </h2>
            {recent.cases.length === 0 ? (
              <p>{t("units.noLetters")}</p>
            ) : (
              <ul
                className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
                data-testid="unit-letters"
              >
                {recent.cases.map((c) => (
                  <li key={c.tracking_no} className="flex flex-wrap items-center gap-3 px-3 py-2">
                    <Link href={localePath(locale, c.url)} className="font-mono text-brand-800 underline">
                      {c.tracking_no}
                    </Link>
                    <span className="text-sm text-stone-600">{formatDate(new Date(c.received_at))}</span>
                    <span className="min-w-0 flex-1">{c.public_title ?? c.category_name}</span>
                    <StateBadge state={c.state} label={c.state_name} />
                  </li>
                ))}
              </ul>
            )}
            <p className="flex flex-wrap gap-4">
              <Link
                href={localePath(locale, listPath({ ...RECENT_LIST, unitCode: one.unitCode }))}
                className="text-brand-800 underline"
              >
                {t("units.moreLetters")}
              </Link>
              <Link href={localePath(locale, statsPath("/stats", query))} className="text-brand-800 underline">
                {t("units.stats")}
              </Link>
              <Link href={unitPath(null)} className="text-brand-800 underline">
                {t("units.back")}
              </Link>
            </p>
          </section>
        ) : null}
      </div>
    </PublicFrame>
  );
}
