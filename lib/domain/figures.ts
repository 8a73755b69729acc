// The public figures (home page; later the statistics) as a summary of monthly counters, kept current by
// the same transactions that change cases. Pure: a case's contribution is a function of its row alone, so
// a change adds contribution(after) − contribution(before) and the summary always equals the sum over all
// cases (tests/figures.test.ts checks that against a full recomputation in SQL).
import { OPEN_STATES, type PetitionState } from "./petition-states";
import { toCivilDate } from "./civil-date";

export const FIGURE_METRICS = ["RECEIVED", "REPLIED", "OPEN", "DUE_SETTLED", "ON_TIME"] as const;
export type FigureMetric = (typeof FIGURE_METRICS)[number];

/** The fields of a case that its figures depend on. */
export type FigureRow = {
  categoryKind: string;
  state: PetitionState;
  receivedAt: Date;
  repliedAt: Date | null;
  handleDueAt: Date | null;
  /** The running deadline the deadline job last recorded as lapsed (Petition.lapsedDueAt). */
  lapsedDueAt: Date | null;
};

/** A counter's key: the civil month (Asia/Shanghai, "YYYY-MM") and the metric. */
export type FigureCell = { month: string; metric: FigureMetric };
export type FigureDelta = FigureCell & { n: number };

export const monthOf = (instant: Date): string => toCivilDate(instant).slice(0, 7);

const OPEN = new Set<PetitionState>(OPEN_STATES);

/**
 * The counters one case adds to. 涉法涉诉 (LEGAL) cases are not petitions under the 条例 and count nowhere.
 * By the month received: RECEIVED, REPLIED (answered), OPEN (not yet finished). By the month its handling
 * deadline falls in: DUE_SETTLED — the deadline is decided, because the case was answered or the job recorded
 * the handling deadline passing — and ON_TIME, answered on or before it (按期办结).
 */
export function figureCellsOf(row: FigureRow): FigureCell[] {
  if (row.categoryKind === "LEGAL") return [];
  const received = monthOf(row.receivedAt);
  const cells: FigureCell[] = [{ month: received, metric: "RECEIVED" }];
  if (row.repliedAt) cells.push({ month: received, metric: "REPLIED" });
  if (OPEN.has(row.state)) cells.push({ month: received, metric: "OPEN" });
  if (row.handleDueAt) {
    const due = row.handleDueAt.getTime();
    const lapsed = row.lapsedDueAt !== null && row.lapsedDueAt.getTime() >= due;
    if (row.repliedAt || lapsed) {
      const month = monthOf(row.handleDueAt);
      cells.push({ month, metric: "DUE_SETTLED" });
      if (row.repliedAt && row.repliedAt.getTime() <= due) cells.push({ month, metric: "ON_TIME" });
    }
  }
  return cells;
}

const keyOf = (c: FigureCell) => `${c.month}|${c.metric}`;

/** Counters summed over cases, each case's cells weighted (+1 added, −1 removed); cells that sum to 0 dropped. */
export function tallyCells(weighted: Iterable<[cells: FigureCell[], weight: number]>): FigureDelta[] {
  const sum = new Map<string, FigureDelta>();
  for (const [cells, weight] of weighted) {
    for (const c of cells) {
      const d = sum.get(keyOf(c)) ?? { ...c, n: 0 };
      d.n += weight;
      sum.set(keyOf(c), d);
    }
  }
  return [...sum.values()].filter((d) => d.n !== 0).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/** What a change adds to the summary: +1 for each new cell, −1 for each lost one; nothing for the rest. */
export function figureDelta(before: FigureRow | null, after: FigureRow | null): FigureDelta[] {
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

export type HomeFigures = { total: number; replied: number; open: number; onTimeRate: number | null };

/** The four home figures from the summed counters of the window. */
export function homeFiguresOf(totals: Partial<Record<FigureMetric, number>>): HomeFigures {
  const settled = totals.DUE_SETTLED ?? 0;
  return {
    total: totals.RECEIVED ?? 0,
    replied: totals.REPLIED ?? 0,
    open: totals.OPEN ?? 0,
    onTimeRate: settled ? (totals.ON_TIME ?? 0) / settled : null,
  };
}
