// 单位考评 as text in the viewer's language: the page's cells and the CSV's records, from the same figures and the
// same column list (lib/domain/scorecard.ts), so the download is the table on the screen. No data access.
import {
  columnKind,
  columnValue,
  FIGURE_COLUMNS,
  type FigureColumn,
  type Rate,
  type ScorecardFigures,
} from "@/lib/domain/scorecard";
import type { CsvCell } from "@/lib/domain/csv";
import type { Translate } from "@/lib/i18n";
import type { ScorecardCell } from "./scorecard-table";

export function columnLabel(t: Translate, column: FigureColumn | "unit"): string {
  return t(`scorecard.columns.${column}`);
}

/** Rates as "87.5%" with "7/8" beneath; medians as "3.5"; counts as they are; "—" (read out as such) when none. */
export function figureCells(t: Translate, f: ScorecardFigures): ScorecardCell[] {
  const none: ScorecardCell = { text: t("scorecard.none"), label: t("scorecard.noneLabel") };
  return FIGURE_COLUMNS.map((column) => {
    const value = columnValue(f, column);
    const kind = columnKind(column);
    if (kind === "count") return { text: String(value) };
    if (kind === "days")
      return value === null ? none : { text: value.toFixed(1), label: t("scorecard.days", { days: value.toFixed(1) }) };
    const r = f[column] as Rate;
    const fraction = { num: r.num, den: r.den };
    return {
      ...(r.percent === null ? none : { text: `${r.percent.toFixed(1)}%` }),
      detail: t("scorecard.fraction", fraction),
      detailLabel: t("scorecard.fractionLabel", fraction),
    };
  });
}

/** The CSV header: each column's label, rates in percent and medians in days said in the header, not the cells. */
export function csvHeader(t: Translate): CsvCell[] {
  return [
    columnLabel(t, "unit"),
    ...FIGURE_COLUMNS.map((column) => {
      const kind = columnKind(column);
      const label = columnLabel(t, column);
      return kind === "rate"
        ? t("scorecard.csv.percent", { column: label })
        : kind === "days"
          ? t("scorecard.csv.days", { column: label })
          : label;
    }),
  ];
}

/** One CSV record: numbers unformatted (a rate in percent with one decimal), an empty cell where the page shows "—". */
export function csvRecord(unit: string, f: ScorecardFigures): CsvCell[] {
  return [unit, ...FIGURE_COLUMNS.map((column) => columnValue(f, column))];
}
