import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { canSupervise } from "@/lib/domain/authority";
import { requireViewerPage } from "@/lib/auth/viewer";
import { findScorecard } from "@/lib/data/scorecard";
import {
  DEFAULT_SCORECARD_SORT,
  nextSortDirection,
  SCORECARD_COLUMNS,
  SCORECARD_PERIODS,
  type ScorecardColumn,
} from "@/lib/domain/scorecard";
import { formatDateTime } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { parseScorecardParams, scorecardSearch } from "@/lib/validation/scorecard";
import { Card, Notice } from "@/components/ui/card";
import { ScorecardPeriodForm } from "@/components/scorecard/scorecard-period-form";
import { ScorecardTable } from "@/components/scorecard/scorecard-table";
import { columnLabel, figureCells } from "@/components/scorecard/scorecard-cells";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("scorecard.title"), robots: { index: false } };
}

/**
 * 单位考评 (docs/product.md §6): supervisors only — for anyone else the page does not exist. Server-rendered: the
 * period is a GET form, each column header a sort link, the CSV a link to ./export with the same parameters.
 */
export default async function ScorecardsPage({ searchParams }: Props) {
  const viewer = await requireViewerPage();
  if (!canSupervise(viewer)) notFound();
  const { params, problems, typed } = parseScorecardParams(await searchParams);
  const [{ t }, sc] = await Promise.all([getT(), findScorecard(viewer, params)]);

  const search = scorecardSearch(params);
  const sortHref = (column: ScorecardColumn) =>
    `/staff/scorecards${scorecardSearch({ ...params, sort: { column, dir: nextSortDirection(params.sort, column) } })}`;
  const errorText = (field: "from" | "to") => {
    const p = problems.find((x) => x.field === field);
    return p ? t(p.key) : undefined;
  };
  const shown = { from: sc.period.from, to: sc.period.to };

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{t("scorecard.title")}</h1>
        <p className="max-w-4xl text-stone-700">{t("scorecard.lead", { unit: sc.rootUnitName })}</p>
        <p className="text-sm text-stone-600">{t("scorecard.asOf", { time: formatDateTime(sc.at) })}</p>
      </header>

      {problems.length > 0 ? (
        <Notice tone="warning" role="status">
          {t("scorecard.ignored")} {problems.map((p) => t(p.key)).join(" ")}
        </Notice>
      ) : null}

      <ScorecardPeriodForm
        values={{
          period: problems.length > 0 ? "range" : params.period.kind,
          from: params.period.kind === "range" ? params.period.from : typed.from,
          to: params.period.kind === "range" ? params.period.to : typed.to,
        }}
        sort={
          params.sort.column === DEFAULT_SCORECARD_SORT.column && params.sort.dir === DEFAULT_SCORECARD_SORT.dir
            ? null
            : params.sort
        }
        periods={SCORECARD_PERIODS.map((p) => ({ value: p, label: t(`scorecard.periods.${p}`) }))}
        errors={{ from: errorText("from"), to: errorText("to") }}
        text={{
          legend: t("scorecard.periodLegend"),
          period: t("scorecard.period"),
          from: t("scorecard.from"),
          to: t("scorecard.to"),
          rangeHint: t("scorecard.rangeHint"),
          apply: t("scorecard.apply"),
        }}
      />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="font-medium" data-testid="scorecard-shown">
          {t("scorecard.shown", shown)}
        </p>
        <p className="text-sm text-stone-700">
          <a
            href={`/staff/scorecards/export${search}`}
            download
            className="mr-2 inline-flex items-center rounded-md border border-brand-700 px-4 py-1.5 font-semibold text-brand-800 hover:bg-brand-50"
            data-testid="scorecard-export"
          >
            {t("scorecard.exportCsv")}
          </a>
          {t("scorecard.exportHint")}
        </p>
      </div>

      <ScorecardTable
        caption={t("scorecard.caption", { ...shown, count: sc.rows.length })}
        columns={SCORECARD_COLUMNS.map((column) => {
          const label = columnLabel(t, column);
          const current = params.sort.column === column;
          return {
            key: column,
            label,
            href: sortHref(column),
            sortLabel: t("scorecard.sortBy", { column: label }),
            sorted: current ? (params.sort.dir === "asc" ? "ascending" : "descending") : null,
            sortedText: t(params.sort.dir === "asc" ? "scorecard.sortedAscending" : "scorecard.sortedDescending"),
          };
        })}
        rows={sc.rows.map((r) => ({ key: r.unitId, unit: r.unitName, cells: figureCells(t, r.figures) }))}
        total={{ key: "total", unit: t("scorecard.total"), cells: figureCells(t, sc.total) }}
      />

      <Card title={t("scorecard.definitionsTitle")}>
        <ul className="list-disc space-y-1 pl-5 text-sm text-stone-800" data-testid="scorecard-definitions">
          {DEFINITIONS.map((key) => (
            <li key={key}>{t(`scorecard.definitions.${key}`)}</li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

const DEFINITIONS = [
  "received",
  "pending",
  "overdueNow",
  "timelyAcceptance",
  "onTimeCompletion",
  "completion",
  "participation",
  "satisfaction",
  "orders",
  "medians",
  "rates",
] as const;
