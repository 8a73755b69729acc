import { z } from "zod";
import { isCivilDate, type CivilDate } from "@/lib/domain/civil-date";
import {
  DEFAULT_SCORECARD_PERIOD,
  DEFAULT_SCORECARD_SORT,
  SCORECARD_COLUMNS,
  SCORECARD_PERIODS,
  type ScorecardPeriodChoice,
  type ScorecardSort,
} from "@/lib/domain/scorecard";
import type { MessageKey } from "@/lib/i18n";

// 单位考评's GET form and sort links (the page and the CSV export read the same address): parsed leniently. A value
// that does not parse falls back to its default (this month, by unit) and, for the dates a person types, is
// reported back.

export type ScorecardParams = { period: ScorecardPeriodChoice; sort: ScorecardSort };
export type ScorecardParamProblem = { field: "from" | "to"; key: MessageKey };

const civilDate = z.string().trim().refine(isCivilDate);

const ZScorecardParams = z.object({
  period: z.enum(SCORECARD_PERIODS).catch(DEFAULT_SCORECARD_PERIOD),
  from: civilDate.optional().catch(undefined),
  to: civilDate.optional().catch(undefined),
  sort: z.enum(SCORECARD_COLUMNS).catch(DEFAULT_SCORECARD_SORT.column),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});

type SearchParams = Record<string, string | string[] | undefined>;

function firstValues(sp: SearchParams): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(sp)) {
    const s = Array.isArray(v) ? v[0] : v;
    out[k] = s === undefined || s.trim() === "" ? undefined : s;
  }
  return out;
}

/** The page's parameters; `from`/`to` are kept as typed so the form shows them again. */
export function parseScorecardParams(sp: SearchParams | URLSearchParams): {
  params: ScorecardParams;
  problems: ScorecardParamProblem[];
  typed: { from?: string; to?: string };
} {
  const raw = firstValues(sp instanceof URLSearchParams ? Object.fromEntries(sp) : sp);
  const p = ZScorecardParams.parse(raw);
  const problems: ScorecardParamProblem[] = [];
  const sort: ScorecardSort = {
    column: p.sort,
    dir: p.dir ?? (p.sort === DEFAULT_SCORECARD_SORT.column ? DEFAULT_SCORECARD_SORT.dir : "desc"),
  };
  const typed = { from: raw.from, to: raw.to };
  if (p.period !== "range") return { params: { period: { kind: p.period }, sort }, problems, typed };

  if (raw.from && !p.from) problems.push({ field: "from", key: "scorecard.errors.invalidDate" });
  else if (!raw.from) problems.push({ field: "from", key: "scorecard.errors.dateRequired" });
  if (raw.to && !p.to) problems.push({ field: "to", key: "scorecard.errors.invalidDate" });
  else if (!raw.to) problems.push({ field: "to", key: "scorecard.errors.dateRequired" });
  if (p.from && p.to && p.from > p.to) problems.push({ field: "to", key: "scorecard.errors.dateOrder" });
  if (problems.length > 0) return { params: { period: { kind: DEFAULT_SCORECARD_PERIOD }, sort }, problems, typed };
  return {
    params: { period: { kind: "range", from: p.from as CivilDate, to: p.to as CivilDate }, sort },
    problems,
    typed,
  };
}

/** The query string of a scorecard address (defaults left out), for sort links and the CSV link. */
export function scorecardSearch(params: ScorecardParams): string {
  const qs = new URLSearchParams();
  if (params.period.kind !== DEFAULT_SCORECARD_PERIOD) qs.set("period", params.period.kind);
  if (params.period.kind === "range") {
    qs.set("from", params.period.from);
    qs.set("to", params.period.to);
  }
  if (params.sort.column !== DEFAULT_SCORECARD_SORT.column || params.sort.dir !== DEFAULT_SCORECARD_SORT.dir) {
    qs.set("sort", params.sort.column);
    qs.set("dir", params.sort.dir);
  }
  const s = qs.toString();
  return s ? `?${s}` : "";
}
