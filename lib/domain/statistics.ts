// 统计 (spec §6): the figures of a year or a quarter — for the whole county or one unit and the units under it — from
// the summed counters of lib/domain/figures.ts, with their 同比 (year-on-year) change; the open data's stats.json, the
// statistics page and the annual report all read them from here, so the three always agree.
import { CODE_PARAM, wholeParam } from "./query-params";
import { addCivilDays, type CivilDate } from "./civil-date";
import type { MetricTotals } from "./figures";

export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

/** A year, or one quarter of it. */
export type StatsPeriod = { year: number; quarter: Quarter | null };

export const MIN_STATS_YEAR = 1990;
export const MAX_STATS_YEAR = 2100;

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The civil months ("YYYY-MM") of a period, in order. */
export function periodMonths(p: StatsPeriod): string[] {
  const first = p.quarter === null ? 1 : (p.quarter - 1) * 3 + 1;
  const count = p.quarter === null ? 12 : 3;
  return Array.from({ length: count }, (_, i) => `${p.year}-${pad2(first + i)}`);
}

/** A period's first and last civil days. */
export function periodDateRange(p: StatsPeriod): { from: CivilDate; to: CivilDate } {
  const months = periodMonths(p);
  const [y, m] = months.at(-1)!.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${pad2(m + 1)}-01`;
  return { from: `${months[0]}-01`, to: addCivilDays(next, -1) };
}

/** The same period one year earlier (同比). */
export const previousPeriod = (p: StatsPeriod): StatsPeriod => ({ year: p.year - 1, quarter: p.quarter });

/** The counts of stats.json, each with its `<key>_yoy_pct`, and the counter each sums. */
export const STAT_COUNTS = {
  total_person_times: "PERSON_TIMES",
  cases: "RECEIVED",
  letters: "LETTER",
  visit_batches: "VISIT",
  visit_persons: "VISIT_PERSONS",
  collective_batches: "COLLECTIVE",
  collective_persons: "COLLECTIVE_PERSONS",
  online: "ONLINE",
  phone: "PHONE",
  fax: "FAX",
  from_higher: "HIGHER",
} as const;
export type StatCountKey = keyof typeof STAT_COUNTS;
export const STAT_COUNT_KEYS = Object.keys(STAT_COUNTS) as StatCountKey[];

/** The rates of stats.json as numerator ÷ denominator counters. */
export const STAT_RATES = {
  timely_acceptance_rate: ["ACCEPT_MET", "ACCEPT_DUE"],
  on_time_completion_rate: ["HANDLE_MET", "HANDLE_DUE"],
  completion_rate: ["ACCEPTED_REPLIED", "ACCEPTED"],
  participation_rate: ["EVALUATED", "EVAL_DUE"],
  satisfaction_rate: ["SATISFIED_OR_BASIC", "EVALUATED"],
  satisfied_rate: ["SATISFIED", "EVALUATED"],
  repeat_rate: ["REPEAT", "RECEIVED"],
  supervision_rate: ["SUPERVISED", "ACCEPTED"],
  review_rate: ["REVIEW_REQUESTED", "REPLIED_IN"],
} as const;
export type StatRateKey = keyof typeof STAT_RATES;
export const STAT_RATE_KEYS = Object.keys(STAT_RATES) as StatRateKey[];

/** 集体访's share of all visits, by batches and by persons. */
export const STAT_SHARES = {
  collective_batch_share: ["COLLECTIVE", "VISIT"],
  collective_person_share: ["COLLECTIVE_PERSONS", "VISIT_PERSONS"],
} as const;
export type StatShareKey = keyof typeof STAT_SHARES;
export const STAT_SHARE_KEYS = Object.keys(STAT_SHARES) as StatShareKey[];

function checkFraction(num: number, den: number) {
  if (!Number.isInteger(num) || !Number.isInteger(den) || num < 0 || den < 0 || num > den)
    throw new RangeError(`not a fraction: ${num}/${den}`);
}

/** num ÷ den rounded half up to 4 places (integer arithmetic); null when there is nothing to divide by. */
export function fraction4(num: number, den: number): number | null {
  checkFraction(num, den);
  if (den === 0) return null;
  return Math.floor((num * 20000 + den) / (2 * den)) / 10000;
}

/**
 * The change from `previous` to `current` in percent, one decimal, rounded half away from zero (integer
 * arithmetic); null when the previous period had none (no base to compare with).
 */
export function yoyPercent(current: number, previous: number): number | null {
  if (!Number.isInteger(current) || !Number.isInteger(previous) || current < 0 || previous < 0)
    throw new RangeError(`not counts: ${current}, ${previous}`);
  if (previous === 0) return null;
  const diff = current - previous;
  const tenths = Math.floor((Math.abs(diff) * 2000 + previous) / (2 * previous));
  return (diff < 0 ? -tenths : tenths) / 10;
}

export type StatRate = { num: number; den: number; value: number | null };

export type Statistics = {
  counts: Record<StatCountKey, number>;
  /** 同比 in percent, one decimal; null when the previous period had none. */
  yoy: Record<StatCountKey, number | null>;
  /** The previous period's counts (what the 同比 compares with). */
  previous: Record<StatCountKey, number>;
  rates: Record<StatRateKey, StatRate>;
  shares: Record<StatShareKey, StatRate>;
};

const total = (t: MetricTotals, metric: string) => t[metric] ?? 0;

function ratesOf<K extends string>(defs: Record<K, readonly [string, string]>, t: MetricTotals): Record<K, StatRate> {
  const out = {} as Record<K, StatRate>;
  for (const key of Object.keys(defs) as K[]) {
    const [n, d] = defs[key];
    const num = total(t, n);
    const den = total(t, d);
    out[key] = { num, den, value: fraction4(num, den) };
  }
  return out;
}

/** A period's statistics from its summed counters and those of the same period a year earlier. */
export function statisticsOf(current: MetricTotals, previous: MetricTotals): Statistics {
  const counts = {} as Record<StatCountKey, number>;
  const prev = {} as Record<StatCountKey, number>;
  const yoy = {} as Record<StatCountKey, number | null>;
  for (const key of STAT_COUNT_KEYS) {
    counts[key] = total(current, STAT_COUNTS[key]);
    prev[key] = total(previous, STAT_COUNTS[key]);
    yoy[key] = yoyPercent(counts[key], prev[key]);
  }
  return { counts, yoy, previous: prev, rates: ratesOf(STAT_RATES, current), shares: ratesOf(STAT_SHARES, current) };
}

/** stats.json: every count with its `_yoy_pct`, every rate and share as a fraction (4 places) or null. */
export function statsJsonOf(s: Statistics): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const key of STAT_COUNT_KEYS) {
    out[key] = s.counts[key];
    out[`${key}_yoy_pct`] = s.yoy[key];
  }
  for (const key of STAT_RATE_KEYS) out[key] = s.rates[key].value;
  for (const key of STAT_SHARE_KEYS) out[key] = s.shares[key].value;
  return out;
}

// --- The query ------------------------------------------------------------------------------------------------------

export type StatsQuery = StatsPeriod & { unitCode: string | null };
export type StatsRefusal = { key: "badYear" | "badQuarter" | "badCode"; param: string };

/** stats.json's parameters: year (required), quarter (1–4), unit (a unit's code: it and the units under it). */
export function parseStatsQuery(
  params: URLSearchParams,
  defaultYear: number | null,
): { ok: true; query: StatsQuery } | { ok: false; refusal: StatsRefusal } {
  const year = wholeParam(params.get("year"), defaultYear ?? Number.NaN, MIN_STATS_YEAR, MAX_STATS_YEAR);
  if (year === null || Number.isNaN(year)) return { ok: false, refusal: { key: "badYear", param: "year" } };
  const quarter = wholeParam(params.get("quarter"), 0, 1, 4);
  if (quarter === null) return { ok: false, refusal: { key: "badQuarter", param: "quarter" } };
  const unit = params.get("unit");
  if (unit !== null && unit !== "" && !CODE_PARAM.test(unit))
    return { ok: false, refusal: { key: "badCode", param: "unit" } };
  return {
    ok: true,
    query: {
      year,
      quarter: quarter === 0 ? null : (quarter as Quarter),
      unitCode: unit === null || unit === "" ? null : unit,
    },
  };
}

// --- The pages' addresses -------------------------------------------------------------------------------------------
//
// 统计, 年度报告 and 单位 are cached public pages: their choices are in the path — /stats/2026, /stats/2026/q/2,
// /stats/2026/unit/ZJJ, /report/2025/q/4/unit/ZJJ, /units/2026/unit/ZJJ — one address per choice.

/** The pages whose address names a period (and a unit): the statistics, the report and the unit scorecards. */
export type StatsBase = "/stats" | "/report" | "/units";

export function statsPath(base: StatsBase, q: StatsQuery): string {
  let path = `${base}/${q.year}`;
  if (q.quarter !== null) path += `/q/${q.quarter}`;
  if (q.unitCode !== null) path += `/unit/${encodeURIComponent(q.unitCode)}`;
  return path;
}

/** The choice an address's segments (after /stats or /report, decoded) name; null when not the one address of any. */
export function statsQueryOfPath(segments: readonly string[]): StatsQuery | null {
  const [year, ...rest] = segments;
  if (year === undefined) return null;
  const params = new URLSearchParams({ year });
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i] === "q" ? "quarter" : rest[i];
    if ((key !== "quarter" && key !== "unit") || rest[i + 1] === undefined) return null;
    params.set(key, rest[i + 1]!);
  }
  const parsed = parseStatsQuery(params, null);
  if (!parsed.ok) return null;
  const again = statsPath("/stats", parsed.query).split("/").slice(2).map(decodeURIComponent);
  return again.join("/") === segments.join("/") ? parsed.query : null;
}
