import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { touchFigures } from "./public-pages";
import { countyRoot } from "./open-data";
import {
  categoryMetric,
  figureCellsOf,
  figureDelta,
  homeFiguresOf,
  tallyCells,
  windowMonths,
  type FigureCell,
  type FigureRow,
  type HomeFigures,
  type MetricTotals,
} from "@/lib/domain/figures";
import { periodMonths, previousPeriod, statisticsOf, type Statistics, type StatsQuery } from "@/lib/domain/statistics";

/** The petition columns a case's figures depend on (`FigureRow`), for selects. */
export const FIGURE_SELECT = {
  categoryId: true,
  category: { select: { kind: true } },
  handlingUnitId: true,
  currentUnitId: true,
  channel: true,
  personCount: true,
  isCollective: true,
  isRepeat: true,
  state: true,
  receivedAt: true,
  acceptDueAt: true,
  decidedAt: true,
  acceptedAt: true,
  handleDueAt: true,
  repliedAt: true,
  lapsedDueAt: true,
  reviewRequestedAt: true,
  reviewedAt: true,
  finalAt: true,
  evaluatedAt: true,
  evaluationWindowEndsAt: true,
  evaluationExpiredAt: true,
  unitSatisfaction: true,
  _count: { select: { supervisionOrders: true } },
} as const satisfies Prisma.PetitionSelect;

export type SelectedFigureRow = Prisma.PetitionGetPayload<{ select: typeof FIGURE_SELECT }>;

export function figureRowOf(row: SelectedFigureRow): FigureRow {
  const { category, handlingUnitId, currentUnitId, _count, ...rest } = row;
  return {
    ...rest,
    categoryKind: category.kind,
    unitId: handlingUnitId ?? currentUnitId,
    supervised: _count.supervisionOrders > 0,
  };
}

/** Rows per statement: far below SQLite's and PostgreSQL's limits on bound parameters (four per row). */
const CELLS_PER_STATEMENT = 500;

async function addToCells(tx: Tx, deltas: FigureCell[]): Promise<void> {
  // Each counter is an atomic add (concurrent transactions never lose an increment), all of a change's counters in
  // one statement: `deltas` names each (month, unit, metric) once (tallyCells), as ON CONFLICT … DO UPDATE requires.
  for (let i = 0; i < deltas.length; i += CELLS_PER_STATEMENT) {
    const rows = deltas
      .slice(i, i + CELLS_PER_STATEMENT)
      .map((d) => Prisma.sql`(${d.month}, ${d.unitId}, ${d.metric}, ${d.n})`);
    await tx.$executeRaw`
      INSERT INTO "FigureCell" ("month", "unitId", "metric", "n") VALUES ${Prisma.join(rows)}
      ON CONFLICT ("month", "unitId", "metric") DO UPDATE SET "n" = "FigureCell"."n" + excluded."n"`;
  }
}

/** Inside the transaction that creates or changes a case: the summary follows the row. */
export async function applyFigureChange(tx: Tx, before: FigureRow | null, after: FigureRow | null): Promise<void> {
  const delta = figureDelta(before, after);
  if (delta.length > 0) touchFigures(); // the cached home pages are dropped after the commit
  await addToCells(tx, delta);
}

/** The summary rebuilt from every case, with the same rule (the seed; a database from before the summary). */
export async function rebuildFigures(tx: Tx): Promise<void> {
  // Summed page by page: memory holds the counters (a few per month, unit and metric), never every case's cells.
  let sum: FigureCell[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await tx.petition.findMany({
      select: { id: true, ...FIGURE_SELECT },
      orderBy: { id: "asc" },
      take: 5000,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    sum = tallyCells([[sum, 1], ...page.map((row): [FigureCell[], number] => [figureCellsOf(figureRowOf(row)), 1])]);
    if (page.length < 5000) break;
    cursor = page[page.length - 1]!.id;
  }
  await tx.figureCell.deleteMany({});
  await addToCells(tx, sum);
}

let ensured: Promise<void> | null = null;

/**
 * A database with cases and no counters (migrated from before the summary, or filled by a bulk writer): rebuild once,
 * then read. Several processes may find it so at once: the rebuild's transaction takes the database's write lock
 * first (a statement that writes nothing), then looks again, so one rebuilds and the others find the counters.
 */
function ensureFigures(): Promise<void> {
  ensured ??= (async () => {
    const [cells, cases] = await Promise.all([db.figureCell.count(), db.petition.count({ take: 1 })]);
    if (cells > 0 || cases === 0) return;
    await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`DELETE FROM "FigureCell" WHERE 1 = 0`;
        if ((await tx.figureCell.count()) === 0) await rebuildFigures(tx);
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  })().catch((e: unknown) => {
    ensured = null;
    throw e;
  });
  return ensured;
}

/** Counters summed by month and metric over the given months (and units: all when null). */
async function sumCells(months: string[], unitIds: string[] | null): Promise<Map<string, MetricTotals>> {
  await ensureFigures();
  const byUnit = unitIds === null ? Prisma.empty : Prisma.sql`AND "unitId" IN (${Prisma.join(unitIds)})`;
  const rows = await db.$queryRaw<{ month: string; metric: string; n: bigint | number | null }[]>`
    SELECT "month", "metric", SUM("n") AS "n" FROM "FigureCell"
    WHERE "month" IN (${Prisma.join(months)}) ${byUnit}
    GROUP BY "month", "metric"`;
  const out = new Map<string, MetricTotals>(months.map((m) => [m, {}]));
  for (const r of rows) out.get(r.month)![r.metric] = Number(r.n ?? 0);
  return out;
}

/** The totals of several months' counters. */
export function addMonths(byMonth: Map<string, MetricTotals>, months: readonly string[]): MetricTotals {
  const sum: MetricTotals = {};
  for (const m of months) for (const [metric, n] of Object.entries(byMonth.get(m) ?? {})) sum[metric] = (sum[metric] ?? 0) + (n ?? 0);
  return sum;
}

/** The home page's figures: the summed counters of the last twelve civil months. */
export async function readHomeFigures(at: Date): Promise<HomeFigures> {
  const months = windowMonths(at);
  return homeFiguresOf(addMonths(await sumCells(months, null), months));
}

/** A unit and the units under it (its materialised path) with its name, or null when no unit has the code. */
async function subtreeOf(code: string): Promise<{ name: string; ids: string[] } | null> {
  const unit = await db.unit.findUnique({ where: { code }, select: { name: true, path: true } });
  if (!unit) return null;
  const units = await db.unit.findMany({ where: { path: { startsWith: unit.path } }, select: { id: true } });
  return { name: unit.name, ids: units.map((u) => u.id) };
}


export type PeriodStatistics = {
  query: StatsQuery;
  /** The county's name, or the unit's. */
  scopeName: string;
  statistics: Statistics;
  /** Each month of the period, in order, with its own counters (the charts). */
  months: { month: string; totals: MetricTotals }[];
  /** Cases received by category over the period, most first. */
  categories: { code: string; name: string; count: number }[];
};

/**
 * The statistics of a year or quarter, county-wide or for a unit and the units under it, with their 同比 —
 * one grouped read of the summary for both periods. Null when the unit code names no unit.
 */
export async function readStatistics(query: StatsQuery): Promise<PeriodStatistics | null> {
  const scope = query.unitCode === null ? null : await subtreeOf(query.unitCode);
  if (scope === null && query.unitCode !== null) return null;
  const months = periodMonths(query);
  const before = periodMonths(previousPeriod(query));
  const [byMonth, scopeName, categoryRows] = await Promise.all([
    sumCells([...before, ...months], scope?.ids ?? null),
    scope ? scope.name : countyRoot().then((root) => root?.name ?? ""),
    db.category.findMany({ select: { id: true, code: true, name: true } }),
  ]);
  const current = addMonths(byMonth, months);
  const categories = categoryRows
    .map((c) => ({ code: c.code, name: c.name, count: current[categoryMetric(c.id)] ?? 0 }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return {
    query,
    scopeName,
    statistics: statisticsOf(current, addMonths(byMonth, before)),
    months: months.map((month) => ({ month, totals: byMonth.get(month) ?? {} })),
    categories,
  };
}
