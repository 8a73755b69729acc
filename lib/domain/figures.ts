// The public figures — the home page's four, the statistics (统计), the open data's stats.json and the annual report —
// as a summary of counters by civil month, unit and metric, kept current by the same transactions that change cases.
// Pure: a case's contribution is a function of its row alone, so a change adds contribution(after) −
// contribution(before) and the summary always equals the sum over all cases (tests/figures.test.ts checks that
// against a full recomputation after every kind of change). Reading any year, quarter or unit sums a few hundred
// counters, whatever the number of cases.
//
// THE COHORTS (spec §6; all exclude 涉法涉诉, category kind LEGAL). A case counts for its handling unit (the
// first-instance unit, kept when 复查/复核 move the case up; the unit it is with while it has none). Each counter
// belongs to the civil month (Asia/Shanghai) of the date that puts the case in its cohort:
//
// - by the month received: 件 (RECEIVED), 件次 (PERSON_TIMES: a visit counts its persons, every other case 1), each
//   channel (来信, 来访 批 and 人次, 集体访 批 and 人次, 网上, 来电, 传真, 上级转交办), 重复信访 (REPEAT), each
//   category (CATEGORY:<id>), answered (REPLIED) and not yet finished (OPEN).
// - 及时受理率: by the month of the acceptance deadline, once it is settled — decided (受理 or 不予受理), or recorded
//   as lapsed by the deadline job; met when decided by it. A case withdrawn undecided before its deadline has no
//   deadline to settle and is in neither.
// - 按期办结率: by the month of the handling deadline (as extended), once settled — answered, or recorded as
//   lapsed; met when answered by it (open overdue cases are in the denominator once the job recorded them).
// - 办结率 and 督办率: by the month accepted — replied (by now) ÷ accepted, supervised (any 督办 order) ÷ accepted.
// - 复查率: by the month replied — 复查 requested ÷ replied.
// - 参评率 and 满意率: by the month the latest answer's evaluation window ends, once settled — evaluated, or its
//   window recorded as closed unused by the job; 满意率 = (满意 + 基本满意) ÷ evaluated, on the handling unit's rating.
//
// A deadline cohort counts a case when its deadline is settled rather than when the deadline's date has passed, so
// that the summary needs no "now": an answer given early counts at once, in the month of its deadline.
import { OPEN_STATES, type PetitionState } from "./petition-states";
import type { Channel } from "./petition-rules";
import { toCivilDate } from "./civil-date";
import { latestAnswerAt } from "./evaluation-rule";

/** The counters; CATEGORY:<categoryId> counts the cases received of each category. */
export const FIGURE_METRICS = [
  "RECEIVED",
  "PERSON_TIMES",
  "LETTER",
  "VISIT",
  "VISIT_PERSONS",
  "COLLECTIVE",
  "COLLECTIVE_PERSONS",
  "ONLINE",
  "PHONE",
  "FAX",
  "HIGHER",
  "REPEAT",
  "REPLIED",
  "OPEN",
  "ACCEPT_DUE",
  "ACCEPT_MET",
  "HANDLE_DUE",
  "HANDLE_MET",
  "ACCEPTED",
  "ACCEPTED_REPLIED",
  "SUPERVISED",
  "REPLIED_IN",
  "REVIEW_REQUESTED",
  "EVAL_DUE",
  "EVALUATED",
  "SATISFIED_OR_BASIC",
  "SATISFIED",
] as const;
export type FigureMetric = (typeof FIGURE_METRICS)[number];
export const CATEGORY_METRIC_PREFIX = "CATEGORY:";
export const categoryMetric = (categoryId: string) => `${CATEGORY_METRIC_PREFIX}${categoryId}`;

/** The fields of a case that its figures depend on. */
export type FigureRow = {
  categoryKind: string;
  categoryId: string;
  /** The handling unit, or the unit the case is with while it has none. */
  unitId: string;
  channel: Channel;
  personCount: number;
  isCollective: boolean;
  isRepeat: boolean;
  state: PetitionState;
  receivedAt: Date;
  acceptDueAt: Date | null;
  decidedAt: Date | null;
  acceptedAt: Date | null;
  handleDueAt: Date | null;
  repliedAt: Date | null;
  /** The running deadline the deadline job last recorded as lapsed (Petition.lapsedDueAt). */
  lapsedDueAt: Date | null;
  reviewRequestedAt: Date | null;
  reviewedAt: Date | null;
  finalAt: Date | null;
  evaluatedAt: Date | null;
  evaluationWindowEndsAt: Date | null;
  evaluationExpiredAt: Date | null;
  unitSatisfaction: "SATISFIED" | "BASIC" | "UNSATISFIED" | null;
  /** Whether any 督办 order was ever issued for the case. */
  supervised: boolean;
};

/** The dates of a case that nothing has happened to yet (a new filing). */
export const NO_FIGURE_DATES = {
  decidedAt: null,
  acceptedAt: null,
  handleDueAt: null,
  repliedAt: null,
  lapsedDueAt: null,
  reviewRequestedAt: null,
  reviewedAt: null,
  finalAt: null,
  evaluatedAt: null,
  evaluationWindowEndsAt: null,
  evaluationExpiredAt: null,
  unitSatisfaction: null,
} as const satisfies Partial<FigureRow>;

/** A counter's key — the civil month ("YYYY-MM"), the unit, the metric — and what a case adds to it. */
export type FigureCell = { month: string; unitId: string; metric: string; n: number };

export const monthOf = (instant: Date): string => toCivilDate(instant).slice(0, 7);

const OPEN = new Set<PetitionState>(OPEN_STATES);
const CHANNEL_METRIC: Record<Channel, FigureMetric> = {
  ONLINE: "ONLINE",
  LETTER: "LETTER",
  VISIT: "VISIT",
  PHONE: "PHONE",
  FAX: "FAX",
  HIGHER_TRANSFER: "HIGHER",
  HIGHER_ASSIGN: "HIGHER",
};

const atOrBefore = (a: Date, b: Date) => a.getTime() <= b.getTime();
/** The job recorded a running deadline at or after `due` as lapsed: `due` itself has passed unmet. */
const lapsedBy = (row: FigureRow, due: Date) => row.lapsedDueAt !== null && row.lapsedDueAt.getTime() >= due.getTime();

/** The counters one case adds to (see the cohorts above). 涉法涉诉 cases count nowhere. */
export function figureCellsOf(row: FigureRow): FigureCell[] {
  if (row.categoryKind === "LEGAL") return [];
  const cells: FigureCell[] = [];
  const add = (instant: Date, metric: string, n = 1) =>
    cells.push({ month: monthOf(instant), unitId: row.unitId, metric, n });
  const received = row.receivedAt;
  const isVisit = row.channel === "VISIT";
  add(received, "RECEIVED");
  add(received, "PERSON_TIMES", isVisit ? row.personCount : 1);
  add(received, CHANNEL_METRIC[row.channel]);
  if (isVisit) add(received, "VISIT_PERSONS", row.personCount);
  if (isVisit && row.isCollective) {
    add(received, "COLLECTIVE");
    add(received, "COLLECTIVE_PERSONS", row.personCount);
  }
  if (row.isRepeat) add(received, "REPEAT");
  add(received, categoryMetric(row.categoryId));
  if (row.repliedAt) add(received, "REPLIED");
  if (OPEN.has(row.state)) add(received, "OPEN");

  if (row.acceptDueAt && (row.decidedAt || lapsedBy(row, row.acceptDueAt))) {
    add(row.acceptDueAt, "ACCEPT_DUE");
    if (row.decidedAt && atOrBefore(row.decidedAt, row.acceptDueAt)) add(row.acceptDueAt, "ACCEPT_MET");
  }
  if (row.handleDueAt && (row.repliedAt || lapsedBy(row, row.handleDueAt))) {
    add(row.handleDueAt, "HANDLE_DUE");
    if (row.repliedAt && atOrBefore(row.repliedAt, row.handleDueAt)) add(row.handleDueAt, "HANDLE_MET");
  }
  if (row.acceptedAt) {
    add(row.acceptedAt, "ACCEPTED");
    if (row.repliedAt) add(row.acceptedAt, "ACCEPTED_REPLIED");
    if (row.supervised) add(row.acceptedAt, "SUPERVISED");
  }
  if (row.repliedAt) {
    add(row.repliedAt, "REPLIED_IN");
    if (row.reviewRequestedAt) add(row.repliedAt, "REVIEW_REQUESTED");
  }
  const answered = latestAnswerAt(row);
  if (answered && row.evaluationWindowEndsAt) {
    const evaluated = row.evaluatedAt !== null && row.evaluatedAt.getTime() >= answered.getTime();
    const expired = row.evaluationExpiredAt !== null && row.evaluationExpiredAt.getTime() >= answered.getTime();
    if (evaluated || expired) {
      const month = row.evaluationWindowEndsAt;
      add(month, "EVAL_DUE");
      if (evaluated) {
        add(month, "EVALUATED");
        if (row.unitSatisfaction === "SATISFIED" || row.unitSatisfaction === "BASIC") add(month, "SATISFIED_OR_BASIC");
        if (row.unitSatisfaction === "SATISFIED") add(month, "SATISFIED");
      }
    }
  }
  return cells;
}

const keyOf = (c: Omit<FigureCell, "n">) => `${c.month}|${c.unitId}|${c.metric}`;

/** Counters summed over cases, each case's cells weighted (+1 added, −1 removed); cells that sum to 0 dropped. */
export function tallyCells(weighted: Iterable<[cells: FigureCell[], weight: number]>): FigureCell[] {
  const sum = new Map<string, FigureCell>();
  for (const [cells, weight] of weighted) {
    for (const c of cells) {
      const key = keyOf(c);
      const d = sum.get(key) ?? { month: c.month, unitId: c.unitId, metric: c.metric, n: 0 };
      d.n += weight * c.n;
      sum.set(key, d);
    }
  }
  return [...sum.values()].filter((d) => d.n !== 0).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/** What a change adds to the summary: each counter's new contribution minus its old one; nothing for the rest. */
export function figureDelta(before: FigureRow | null, after: FigureRow | null): FigureCell[] {
  return tallyCells([
    [before ? figureCellsOf(before) : [], -1],
    [after ? figureCellsOf(after) : [], 1],
  ]);
}

/** The home page's window: the current civil month and the eleven before it, oldest first. */
export function windowMonths(at: Date, count = 12): string[] {
  const [y, m] = monthOf(at).split("-").map(Number) as [number, number];
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    months.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}

/** Counters summed over some months and units, by metric. */
export type MetricTotals = Partial<Record<string, number>>;

export type HomeFigures = { total: number; replied: number; open: number; onTimeRate: number | null };

/** The four home figures from the summed counters of the window. */
export function homeFiguresOf(totals: MetricTotals): HomeFigures {
  const settled = totals.HANDLE_DUE ?? 0;
  return {
    total: totals.RECEIVED ?? 0,
    replied: totals.REPLIED ?? 0,
    open: totals.OPEN ?? 0,
    onTimeRate: settled ? (totals.HANDLE_MET ?? 0) / settled : null,
  };
}
