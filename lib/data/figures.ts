import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { touchFigures } from "./public-pages";
import {
  FIGURE_METRICS,
  figureCellsOf,
  figureDelta,
  tallyCells,
  type FigureCell,
  homeFiguresOf,
  windowMonths,
  type FigureDelta,
  type FigureMetric,
  type FigureRow,
  type HomeFigures,
} from "@/lib/domain/figures";

/** The petition columns a case's figures depend on (`FigureRow`), for selects. */
export const FIGURE_SELECT = {
  state: true,
  receivedAt: true,
  repliedAt: true,
  handleDueAt: true,
  lapsedDueAt: true,
  category: { select: { kind: true } },
} as const;

type SelectedFigureRow = Omit<FigureRow, "categoryKind"> & { category: { kind: string } };

export function figureRowOf(row: SelectedFigureRow): FigureRow {
  return {
    categoryKind: row.category.kind,
    state: row.state,
    receivedAt: row.receivedAt,
    repliedAt: row.repliedAt,
    handleDueAt: row.handleDueAt,
    lapsedDueAt: row.lapsedDueAt,
  };
}

/** Rows per statement: far below SQLite's and PostgreSQL's limits on bound parameters (three per row). */
const CELLS_PER_STATEMENT = 500;

async function addToCells(tx: Tx, deltas: FigureDelta[]): Promise<void> {
  // Each counter is an atomic add (concurrent transactions never lose an increment), all of a change's counters in
  // one statement: `deltas` names each (month, metric) once (tallyCells), as ON CONFLICT … DO UPDATE requires.
  for (let i = 0; i < deltas.length; i += CELLS_PER_STATEMENT) {
    const rows = deltas.slice(i, i + CELLS_PER_STATEMENT).map((d) => Prisma.sql`(${d.month}, ${d.metric}, ${d.n})`);
    await tx.$executeRaw`
      INSERT INTO "FigureCell" ("month", "metric", "n") VALUES ${Prisma.join(rows)}
      ON CONFLICT ("month", "metric") DO UPDATE SET "n" = "FigureCell"."n" + excluded."n"`;
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
  const weighted: [FigureCell[], number][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await tx.petition.findMany({
      select: { id: true, ...FIGURE_SELECT },
      orderBy: { id: "asc" },
      take: 5000,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of page) weighted.push([figureCellsOf(figureRowOf(row)), 1]);
    if (page.length < 5000) break;
    cursor = page[page.length - 1]!.id;
  }
  await tx.figureCell.deleteMany({});
  await addToCells(tx, tallyCells(weighted));
}

let ensured: Promise<void> | null = null;

/** A database migrated from before the summary has cases and no counters: rebuild once, then read. */
function ensureFigures(): Promise<void> {
  ensured ??= (async () => {
    const [cells, cases] = await Promise.all([db.figureCell.count(), db.petition.count({ take: 1 })]);
    if (cells === 0 && cases > 0) await db.$transaction((tx) => rebuildFigures(tx), { timeout: 120_000 });
  })().catch((e: unknown) => {
    ensured = null;
    throw e;
  });
  return ensured;
}

/** The home page's figures: the summed counters of the last twelve civil months — a few dozen rows. */
export async function readHomeFigures(at: Date): Promise<HomeFigures> {
  await ensureFigures();
  const rows = await db.figureCell.groupBy({
    by: ["metric"],
    where: { month: { in: windowMonths(at) } },
    _sum: { n: true },
  });
  const totals: Partial<Record<FigureMetric, number>> = {};
  for (const r of rows) {
    if ((FIGURE_METRICS as readonly string[]).includes(r.metric)) totals[r.metric as FigureMetric] = r._sum.n ?? 0;
  }
  return homeFiguresOf(totals);
}
