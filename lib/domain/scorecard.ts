// 单位考评 (unit scorecards, docs/product.md §6): the periods a supervisor may choose, the figures of one unit and
// their arithmetic (rates, medians, rounding, the total row), and the order of the rows. Pure: lib/data/scorecard.ts
// counts the cohorts below in SQL — the one implementation of each definition — and hands the tallies here.
//
// THE DEFINITIONS (all exclude 涉法涉诉, category kind LEGAL, and a viewer never counts a case that accuses its own
// unit — 条例第46条, as scopeOf in ./authority.ts). P = [start of the period's first civil day, end of its last civil
// day], Asia/Shanghai; "now" = the instant the scorecard is computed; Pₙ = P cut at now (deadline cohorts only
// count deadlines that have already passed, so an undecided case whose deadline is still ahead is in no
// denominator). A case counts for its handlingUnitId — the first-instance unit, kept when 复查/复核 move the
// case up — except "overdue now", which counts where the case is late now (currentUnitId). A supervision order
// counts for its targetUnitId.
//
// - received (收件): cases whose arrival at the unit falls in P — `arrivedAtUnitAt`, or `receivedAt` for cases
//   handled at the bureau itself (they never arrive anywhere else).
// - pending (待办, now): state SUBMITTED or ACCEPTED (待受理, 办理中), whatever the period.
// - overdue now (当前逾期): an open state (OPEN_STATES) whose running deadline `currentDueAt` is before now — the
//   queue's 已逾期 tab (./queue.ts tabCriteria), counted by the case's current unit.
// - 及时受理率 = decided (受理 or 不予受理) by `acceptDueAt` ÷ cases whose `acceptDueAt` falls in Pₙ. Undecided
//   cases are in the denominator (they are late); a case withdrawn before its deadline without a decision had
//   nothing to decide and is in neither.
// - 按期办结率 = replied by `handleDueAt` (as extended, 条例第34条) ÷ cases whose `handleDueAt` falls in Pₙ; open
//   overdue cases are in the denominator; a case withdrawn before its deadline without a reply is in neither.
// - 办结率 = replied (by now) ÷ accepted, over the cases accepted (`acceptedAt`) in P.
// - 参评率 = evaluated ÷ (evaluated + evaluation window expired), over the answers whose evaluation window
//   (`evaluationWindowEndsAt`) ended in Pₙ; an answer is evaluated when `evaluatedAt` ≥ the latest answer
//   (`finalAt`, `reviewedAt` or `repliedAt`, ./evaluation-rule.ts), otherwise its window expired unused. The row
//   keeps only a case's latest answer, so a case counts once, for the window of its latest answer.
// - 满意率 = (满意 + 基本满意) ÷ evaluated, on the rating of the handling unit (`unitSatisfaction`), same cohort;
//   满意率（仅满意） = 满意 ÷ evaluated.
// - orders received (收到督办): supervision orders issued (`issuedAt`) in P, escalations included (each is an
//   order of its own). answered late (督办逾期答复): of those, the ones not answered by their deadline — answered
//   after `answerDueAt`, or unanswered with `answerDueAt` before now; an order superseded by a stronger one
//   before its deadline was not due any more and is not late (one superseded after its deadline passed is).
// - median days to accept (受理用时中位数): `decidedAt − arrivedAtUnitAt` over the cases accepted in P; median days
//   to reply (答复用时中位数): `repliedAt − acceptedAt` over the cases replied in P. Elapsed time in days of 24 h.
//
// Rates are fractions shown in percent, one decimal, rounded half up; "—" (null) when the denominator is 0 —
// never 0% or 100% by default. Medians: the middle value, or the mean of the two middle values, in days with one
// decimal, rounded half up; null with no case. The total row (合计) adds the counts and the numerators and
// denominators (its rates are not averages of rates) and takes the medians over all units' cases together.
import { addCivilDays, endOfCivilDay, startOfCivilDay, toCivilDate, type CivilDate } from "./civil-date";

const DAY_MS = 24 * 60 * 60 * 1000;

// --- Periods --------------------------------------------------------------------------------------------------

export const SCORECARD_PERIODS = ["thisMonth", "lastMonth", "thisQuarter", "thisYear", "lastYear", "range"] as const;
export type ScorecardPeriodKind = (typeof SCORECARD_PERIODS)[number];
export const DEFAULT_SCORECARD_PERIOD: Exclude<ScorecardPeriodKind, "range"> = "thisMonth";

export type ScorecardPeriodChoice =
  { kind: Exclude<ScorecardPeriodKind, "range"> } | { kind: "range"; from: CivilDate; to: CivilDate };

/** A chosen period as civil dates (both included) and as instants; `dueUntil` = min(end, now) (Pₙ above). */
export type ResolvedPeriod = {
  kind: ScorecardPeriodKind;
  from: CivilDate;
  to: CivilDate;
  start: Date;
  end: Date;
  dueUntil: Date;
};

const pad2 = (n: number) => String(n).padStart(2, "0");
const firstOfMonth = (year: number, month: number): CivilDate => {
  // month may run past 12 or below 1: normalise through the year.
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${y}-${pad2(m)}-01`;
};
/** The last civil day of the `count` months starting with (year, month). */
const lastDayOfMonths = (year: number, month: number, count: number): CivilDate =>
  addCivilDays(firstOfMonth(year, month + count), -1);

/** The civil dates of a chosen period, seen from `at` (Asia/Shanghai): this month, last month, … or the range. */
export function periodDates(choice: ScorecardPeriodChoice, at: Date): { from: CivilDate; to: CivilDate } {
  const today = toCivilDate(at);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (choice.kind) {
    case "thisMonth":
      return { from: firstOfMonth(year, month), to: lastDayOfMonths(year, month, 1) };
    case "lastMonth":
      return { from: firstOfMonth(year, month - 1), to: lastDayOfMonths(year, month - 1, 1) };
    case "thisQuarter": {
      const first = month - ((month - 1) % 3);
      return { from: firstOfMonth(year, first), to: lastDayOfMonths(year, first, 3) };
    }
    case "thisYear":
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case "lastYear":
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case "range":
      if (choice.from > choice.to) throw new RangeError(`period ends before it starts: ${choice.from} – ${choice.to}`);
      return { from: choice.from, to: choice.to };
  }
}

export function resolvePeriod(choice: ScorecardPeriodChoice, at: Date): ResolvedPeriod {
  const { from, to } = periodDates(choice, at);
  const start = startOfCivilDay(from);
  const end = endOfCivilDay(to);
  return { kind: choice.kind, from, to, start, end, dueUntil: end.getTime() < at.getTime() ? end : at };
}

// --- One unit's tallies and figures ---------------------------------------------------------------------------

/** What the data layer counts for one unit (the numerators and denominators of the definitions above). */
export type ScorecardTally = {
  received: number;
  pending: number;
  overdueNow: number;
  /** 及时受理率: deadlines in Pₙ (the denominator) and decisions by them. */
  acceptDue: number;
  decidedInTime: number;
  /** 按期办结率: deadlines in Pₙ and replies by them. */
  handleDue: number;
  repliedInTime: number;
  /** 办结率: accepted in P, and of those replied. */
  accepted: number;
  acceptedReplied: number;
  /** 参评率 / 满意率: windows ended in Pₙ, evaluated among them, 满意 + 基本满意, 满意. */
  windowsEnded: number;
  evaluated: number;
  satisfiedOrBasic: number;
  satisfied: number;
  ordersReceived: number;
  ordersLate: number;
  /** Durations in milliseconds: decidedAt − arrivedAtUnitAt (accepted in P), repliedAt − acceptedAt (replied in P). */
  acceptDurationsMs: number[];
  replyDurationsMs: number[];
};

export function emptyTally(): ScorecardTally {
  return {
    received: 0,
    pending: 0,
    overdueNow: 0,
    acceptDue: 0,
    decidedInTime: 0,
    handleDue: 0,
    repliedInTime: 0,
    accepted: 0,
    acceptedReplied: 0,
    windowsEnded: 0,
    evaluated: 0,
    satisfiedOrBasic: 0,
    satisfied: 0,
    ordersReceived: 0,
    ordersLate: 0,
    acceptDurationsMs: [],
    replyDurationsMs: [],
  };
}

/** The total row's tally: counts, numerators and denominators added; durations pooled. */
export function sumTallies(tallies: readonly ScorecardTally[]): ScorecardTally {
  const total = emptyTally();
  for (const t of tallies) {
    for (const key of Object.keys(total) as (keyof ScorecardTally)[]) {
      const value = t[key];
      if (Array.isArray(value)) (total[key] as number[]).push(...value);
      else (total[key] as number) += value;
    }
  }
  return total;
}

/** A rate with what it is made of: `percent` null when there is nothing to divide by. */
export type Rate = { num: number; den: number; percent: number | null };

/** num ÷ den in percent, one decimal, rounded half up (integer arithmetic: no 0.1 + 0.2 surprises); null if den = 0. */
export function percentOneDecimal(num: number, den: number): number | null {
  if (!Number.isInteger(num) || !Number.isInteger(den) || num < 0 || den < 0 || num > den)
    throw new RangeError(`not a fraction: ${num}/${den}`);
  if (den === 0) return null;
  // Tenths of a percent: floor((num·1000 + den/2) / den), exact on integers.
  return Math.floor((num * 2000 + den) / (2 * den)) / 10;
}

export function rate(num: number, den: number): Rate {
  return { num, den, percent: percentOneDecimal(num, den) };
}

/** The median of durations (ms) in days, one decimal, rounded half up; null when there are none. */
export function medianDays(durationsMs: readonly number[]): number | null {
  if (durationsMs.length === 0) return null;
  const s = [...durationsMs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const ms = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  // Tenths of a day: floor((ms·10 + DAY/2) / DAY), kept in integers (ms may end in .5 as a mean of two).
  return Math.floor((ms * 20 + DAY_MS) / (2 * DAY_MS)) / 10;
}

export type ScorecardFigures = {
  received: number;
  pending: number;
  overdueNow: number;
  timelyAcceptance: Rate;
  onTimeCompletion: Rate;
  completion: Rate;
  participation: Rate;
  satisfaction: Rate;
  satisfied: Rate;
  ordersReceived: number;
  ordersLate: number;
  medianAcceptDays: number | null;
  medianReplyDays: number | null;
};

export function figuresOf(t: ScorecardTally): ScorecardFigures {
  return {
    received: t.received,
    pending: t.pending,
    overdueNow: t.overdueNow,
    timelyAcceptance: rate(t.decidedInTime, t.acceptDue),
    onTimeCompletion: rate(t.repliedInTime, t.handleDue),
    completion: rate(t.acceptedReplied, t.accepted),
    participation: rate(t.evaluated, t.windowsEnded),
    satisfaction: rate(t.satisfiedOrBasic, t.evaluated),
    satisfied: rate(t.satisfied, t.evaluated),
    ordersReceived: t.ordersReceived,
    ordersLate: t.ordersLate,
    medianAcceptDays: medianDays(t.acceptDurationsMs),
    medianReplyDays: medianDays(t.replyDurationsMs),
  };
}

// --- Columns and order ----------------------------------------------------------------------------------------

/** The table's columns in their order (the page, its sort links and the CSV all follow this list). */
export const SCORECARD_COLUMNS = [
  "unit",
  "received",
  "pending",
  "overdueNow",
  "timelyAcceptance",
  "onTimeCompletion",
  "completion",
  "participation",
  "satisfaction",
  "satisfied",
  "ordersReceived",
  "ordersLate",
  "medianAcceptDays",
  "medianReplyDays",
] as const;
export type ScorecardColumn = (typeof SCORECARD_COLUMNS)[number];
export type FigureColumn = Exclude<ScorecardColumn, "unit">;
export const FIGURE_COLUMNS = SCORECARD_COLUMNS.filter((c): c is FigureColumn => c !== "unit");

export type ColumnKind = "count" | "rate" | "days";
export function columnKind(column: FigureColumn): ColumnKind {
  switch (column) {
    case "timelyAcceptance":
    case "onTimeCompletion":
    case "completion":
    case "participation":
    case "satisfaction":
    case "satisfied":
      return "rate";
    case "medianAcceptDays":
    case "medianReplyDays":
      return "days";
    default:
      return "count";
  }
}

/** A column's value as a number (a rate in percent), null for "—". */
export function columnValue(f: ScorecardFigures, column: FigureColumn): number | null {
  const v = f[column];
  return typeof v === "object" && v !== null ? v.percent : v;
}

export type SortDirection = "asc" | "desc";
export type ScorecardSort = { column: ScorecardColumn; dir: SortDirection };
export const DEFAULT_SCORECARD_SORT: ScorecardSort = { column: "unit", dir: "asc" };

/** A unit's row; `order` is its place in the unit tree (the "unit" column sorts by it). */
export type ScorecardRow = {
  unitId: string;
  unitCode: string;
  unitName: string;
  order: number;
  figures: ScorecardFigures;
};

/**
 * Rows by a column: the unit column by the tree's order, a figure by its value — rows showing "—" last in
 * either direction (they have no value to compare) — ties in the tree's order. Returns a new array.
 */
export function sortScorecardRows(rows: readonly ScorecardRow[], sort: ScorecardSort): ScorecardRow[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.column !== "unit") {
      const va = columnValue(a.figures, sort.column);
      const vb = columnValue(b.figures, sort.column);
      if (va === null && vb !== null) return 1;
      if (vb === null && va !== null) return -1;
      if (va !== null && vb !== null && va !== vb) return sign * (va - vb);
      return a.order - b.order;
    }
    return sign * (a.order - b.order);
  });
}

/** The direction a column's sort link offers: the other one when it is the current column, else its natural one. */
export function nextSortDirection(current: ScorecardSort, column: ScorecardColumn): SortDirection {
  if (current.column === column) return current.dir === "asc" ? "desc" : "asc";
  return column === "unit" ? "asc" : "desc";
}
