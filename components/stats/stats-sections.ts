import type { PeriodStatistics } from "@/lib/data/figures";
import { percentOneDecimal } from "@/lib/domain/scorecard";
import { STAT_COUNT_KEYS, STAT_RATES, type StatRateKey } from "@/lib/domain/statistics";
import type { MetricTotals } from "@/lib/domain/figures";
import type { Translate } from "@/lib/i18n";
import { ratePercentText, yoyText } from "@/lib/i18n/statistics-text";
import type { ChartRow, ChartSeries, ChartSpec } from "./stats-chart";

// The statistics page's charts, each with the table of the very rows it draws (spec §6, issue 10): monthly volume by
// channel, visits, collective visits, category shares, the rates month by month, and the 同比 comparison.

export type StatsTable = { head: string[]; rows: (string | number)[][] };
export type StatsSection = { id: string; title: string; spec: ChartSpec; table: StatsTable };

const CHANNEL_SERIES = ["ONLINE", "LETTER", "VISIT", "PHONE", "FAX", "HIGHER"] as const;
const MONTHLY_RATES: StatRateKey[] = [
  "timely_acceptance_rate",
  "on_time_completion_rate",
  "completion_rate",
  "satisfaction_rate",
];

const n = (totals: MetricTotals, metric: string) => totals[metric] ?? 0;
const rateOf = (totals: MetricTotals, key: StatRateKey) => {
  const [num, den] = STAT_RATES[key];
  return { num: n(totals, num), den: n(totals, den) };
};

export function statsSections(t: Translate, data: PeriodStatistics): StatsSection[] {
  const { months, statistics: s } = data;
  const channelName = (key: (typeof CHANNEL_SERIES)[number]) =>
    key === "HIGHER" ? t("stats.series.higher") : t(`enums.channel.${key}`);
  const channelSeries: ChartSeries[] = CHANNEL_SERIES.map((key) => ({ key, name: channelName(key) }));
  const monthly: StatsSection = {
    id: "monthly",
    title: t("stats.charts.monthly"),
    spec: {
      kind: "stackedBars",
      series: channelSeries,
      rows: months.map(({ month, totals }) => ({
        label: month,
        ...Object.fromEntries(CHANNEL_SERIES.map((key) => [key, n(totals, key)])),
      })),
    },
    table: {
      head: [t("stats.table.month"), ...channelSeries.map((c) => c.name), t("stats.table.total")],
      rows: months.map(({ month, totals }) => [
        month,
        ...CHANNEL_SERIES.map((key) => n(totals, key)),
        n(totals, "RECEIVED"),
      ]),
    },
  };
  const visitSeries = [
    { key: "batches", name: t("stats.series.batches") },
    { key: "persons", name: t("stats.series.persons") },
  ];
  const visits: StatsSection = {
    id: "visits",
    title: t("stats.charts.visits"),
    spec: {
      kind: "bars",
      series: visitSeries,
      rows: months.map(({ month, totals }) => ({
        label: month,
        batches: n(totals, "VISIT"),
        persons: n(totals, "VISIT_PERSONS"),
      })),
    },
    table: {
      head: [t("stats.table.month"), ...visitSeries.map((v) => v.name)],
      rows: months.map(({ month, totals }) => [month, n(totals, "VISIT"), n(totals, "VISIT_PERSONS")]),
    },
  };
  const collective: StatsSection = {
    id: "collective",
    title: t("stats.charts.collective"),
    spec: {
      kind: "bars",
      series: visitSeries,
      rows: months.map(({ month, totals }) => ({
        label: month,
        batches: n(totals, "COLLECTIVE"),
        persons: n(totals, "COLLECTIVE_PERSONS"),
      })),
    },
    table: {
      head: [
        t("stats.table.month"),
        ...visitSeries.map((v) => v.name),
        t("stats.table.batchShare"),
        t("stats.table.personShare"),
      ],
      rows: [
        ...months.map(({ month, totals }) => [
          month,
          n(totals, "COLLECTIVE"),
          n(totals, "COLLECTIVE_PERSONS"),
          ratePercentText({ num: n(totals, "COLLECTIVE"), den: n(totals, "VISIT") }),
          ratePercentText({ num: n(totals, "COLLECTIVE_PERSONS"), den: n(totals, "VISIT_PERSONS") }),
        ]),
        [
          t("stats.table.total"),
          s.counts.collective_batches,
          s.counts.collective_persons,
          ratePercentText(s.shares.collective_batch_share),
          ratePercentText(s.shares.collective_person_share),
        ],
      ],
    },
  };
  const categoryRows = data.categories;
  const categories: StatsSection = {
    id: "categories",
    title: t("stats.charts.categories"),
    spec: {
      kind: "pie",
      series: [{ key: "count", name: t("stats.table.count") }],
      rows: categoryRows.map((c) => ({ label: c.name, count: c.count })),
    },
    table: {
      head: [t("stats.table.category"), t("stats.table.count"), t("stats.table.share")],
      rows: categoryRows.map((c) => [c.name, c.count, ratePercentText({ num: c.count, den: s.counts.cases })]),
    },
  };
  const rateSeries = MONTHLY_RATES.map((key) => ({ key, name: t(`stats.rateNames.${key}`) }));
  const rates: StatsSection = {
    id: "rates",
    title: t("stats.charts.rates"),
    spec: {
      kind: "lines",
      percent: true,
      series: rateSeries,
      rows: months.map(({ month, totals }): ChartRow => ({
        label: month,
        ...Object.fromEntries(
          MONTHLY_RATES.map((key) => {
            const r = rateOf(totals, key);
            return [key, percentOneDecimal(r.num, r.den)];
          }),
        ),
      })),
    },
    table: {
      head: [t("stats.table.month"), ...rateSeries.map((r) => r.name)],
      rows: months.map(({ month, totals }) => [
        month,
        ...MONTHLY_RATES.map((key) => {
          const r = rateOf(totals, key);
          return r.den === 0 ? "—" : `${ratePercentText(r)} (${r.num}/${r.den})`;
        }),
      ]),
    },
  };
  const yoySeries = [
    { key: "current", name: t("stats.table.current") },
    { key: "previous", name: t("stats.table.previous") },
  ];
  const yoy: StatsSection = {
    id: "yoy",
    title: t("stats.charts.yoy"),
    spec: {
      kind: "bars",
      series: yoySeries,
      rows: STAT_COUNT_KEYS.map((key) => ({
        label: t(`stats.keys.${key}`),
        current: s.counts[key],
        previous: s.previous[key],
      })),
    },
    table: {
      head: [t("stats.table.figure"), ...yoySeries.map((y) => y.name), t("stats.table.change")],
      rows: STAT_COUNT_KEYS.map((key) => [
        t(`stats.keys.${key}`),
        s.counts[key],
        s.previous[key],
        yoyText(t, s.yoy[key]),
      ]),
    },
  };
  return [monthly, visits, collective, categories, rates, yoy];
}
