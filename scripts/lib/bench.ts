// What the benchmarks (scripts/bench-queue.ts, bench-board.ts, bench-scorecard.ts) share: a throw-away SQLite
// database migrated like production, filled with BENCH_CASES petitions copied from BENCH_BASE_CASES cases the
// seed's generator plays through the life cycle; timing (median of BENCH_RUNS runs after a warm-up); and the
// printing of SQLite's query plans.
//
//   BENCH_CASES=20000 BENCH_RUNS=3 npm run bench:…
//   BENCH_KEEP=1 …                            # keep the database file (its path is printed)
//
// Everything that touches lib/db.ts is imported only after DATABASE_URL is set: lib/db.ts opens the database when
// it loads.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { StaffViewer } from "../../lib/domain/authority";
import { civilYear } from "../../lib/domain/civil-date";
import type { HolidayCalendar } from "../../lib/domain/deadlines";
import { formatDemoTrackingNo } from "../../lib/domain/tracking";
import type { BuiltCase } from "../../prisma/seed/case-types";

export type { BuiltCase };

const ROOT = path.resolve(__dirname, "..", "..");
export const CASES = Number(process.env.BENCH_CASES ?? 100_000);
export const BASE_CASES = Math.min(CASES, Number(process.env.BENCH_BASE_CASES ?? 5_000));
export const RUNS = Number(process.env.BENCH_RUNS ?? 7);
export const DAY = 24 * 60 * 60 * 1000;

/** Seconds since `since` (a performance.now() reading), for the set-up's log lines. */
export const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
/** Milliseconds as the tables print them. */
export const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
export const count = (n: number) => n.toLocaleString("en");

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The median time of RUNS calls of `fn`, in ms, after one warm-up call. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: statement preparation, page cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * Runs `bench` on a new database in the system's temp folder, migrated like production (`prisma migrate deploy`),
 * after printing the title; removes the folder afterwards unless BENCH_KEEP=1. Exits with 1 on any error.
 */
export function runBench(
  /** `method`: how the figures are taken, for the title line (default: the median of BENCH_RUNS runs). */
  opts: { name: string; title: string; secret: string; method?: string },
  bench: (file: string) => Promise<void>,
): void {
  main(opts, bench).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

async function main(
  opts: { name: string; title: string; secret: string; method?: string },
  bench: (file: string) => Promise<void>,
) {
  if (!Number.isInteger(CASES) || CASES < 1 || !Number.isInteger(RUNS) || RUNS < 1)
    throw new Error("BENCH_CASES and BENCH_RUNS must be positive whole numbers");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sunshine-bench-${opts.name}-`));
  const file = path.join(dir, "bench.db");
  process.env.DATABASE_URL = `file:${file}`;
  process.env.APP_SECRET ??= opts.secret;
  try {
    console.log(`# ${opts.title}: ${count(CASES)} cases, ${opts.method ?? `median of ${RUNS} runs`}\n`);
    console.log(`database: ${file}`);
    const t = performance.now();
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      cwd: ROOT,
      env: process.env,
      stdio: "ignore",
    });
    console.log(`migrated in ${seconds(t)}`);
    await bench(file);
    const { db } = await import("../../lib/db");
    await db.$disconnect();
  } finally {
    if (process.env.BENCH_KEEP === "1") console.log(`\nkept ${file}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** BASE_CASES cases played through the life cycle by the seed's generator, at now(). */
export async function playCases(
  seed: string,
  secret: string,
): Promise<{ at: Date; cal: HolidayCalendar; cases: BuiltCase[] }> {
  const { buildCalendar } = await import("../../lib/domain/deadlines");
  const { now } = await import("../../lib/clock");
  const { generateCases } = await import("../../prisma/seed/petitions");
  const { HOLIDAYS } = await import("../../prisma/seed/holidays");
  const { Random } = await import("../../prisma/seed/random");
  const t = performance.now();
  const at = now();
  const cal = buildCalendar(HOLIDAYS);
  const { cases } = generateCases({ now: at, cal, rnd: new Random(seed), secret }, BASE_CASES);
  console.log(`played ${count(BASE_CASES)} cases through the life cycle in ${seconds(t)}`);
  return { at, cal, cases };
}

/** An id of a copy: the base row's id and the copy's number. */
export const copyId = (id: unknown, copy: number) => `${String(id)}-${copy}`;

/**
 * `cases` copied to reach CASES, in receipt order, numbered per year in the demo series (XFD…), like generated data
 * everywhere. `build` makes each copy from its base case, its number and the copied petition (new id and tracking
 * number, no repeat link); the copy's other rows are `build`'s to copy or leave out.
 */
export function copyCases(
  cases: readonly BuiltCase[],
  build: (c: { base: BuiltCase; copy: number; petition: BuiltCase["petition"] }) => BuiltCase,
): BuiltCase[] {
  const sequence = new Map<number, number>();
  return Array.from({ length: CASES }, (_, i) => ({ base: cases[i % BASE_CASES]!, copy: Math.floor(i / BASE_CASES) }))
    .sort((a, b) => a.base.petition.receivedAt.getTime() - b.base.petition.receivedAt.getTime())
    .map(({ base, copy }) => {
      const year = civilYear(base.petition.receivedAt);
      const n = (sequence.get(year) ?? 0) + 1;
      sequence.set(year, n);
      const petition = {
        ...base.petition,
        id: copyId(base.petition.id, copy),
        trackingNo: formatDemoTrackingNo(year, n),
        repeatOfId: null,
        isRepeat: false,
      };
      return build({ base, copy, petition });
    });
}

/** The base case's supervision orders for its copy: new ids, an escalation pointing at its copy. */
export const copyOrders = (base: BuiltCase, copy: number, petitionId: string): BuiltCase["supervisionOrders"] =>
  base.supervisionOrders.map((o) => ({
    ...o,
    id: copyId(o.id, copy),
    petitionId,
    escalatedToId: o.escalatedToId ? copyId(o.escalatedToId, copy) : null,
  }));

/** Writes the reference data (units, staff, categories, holidays) as prisma/seed.ts does, then `rows`. */
export async function writeCases(file: string, rows: readonly BuiltCase[], at: Date): Promise<void> {
  const { insertCasesIntoSqliteFile, insertReferenceData } = await import("../../prisma/seed/insert");
  const { PrismaClient } = await import("../../generated/prisma/client");
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  const seedDb = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  await insertReferenceData(seedDb, "not-a-password-hash", new Date(at.getTime() - 800 * DAY));
  await seedDb.$disconnect();
  insertCasesIntoSqliteFile(file, rows);
}

/** The database file's size, for the "wrote …" line. */
/** The cases copied to BENCH_CASES as petitions alone (no events, orders or requests) and written; logs the time. */
export async function writePetitionsOnly(file: string, cases: readonly BuiltCase[], at: Date): Promise<void> {
  const t = performance.now();
  const rows = copyCases(cases, ({ petition }) => ({
    petition,
    representatives: [],
    events: [],
    extensionRequests: [],
    supervisionOrders: [],
  }));
  await writeCases(file, rows, at);
  console.log(`wrote ${count(CASES)} petitions in ${seconds(t)} (${fileSize(file)})`);
}

export const fileSize = (file: string) => `${(fs.statSync(file).size / 1e6).toFixed(0)} MB`;

/** The ids of the units with open cases, the unit with the most first. */
export async function unitsByOpenCases(): Promise<string[]> {
  const { db } = await import("../../lib/db");
  const { OPEN_STATES } = await import("../../lib/domain/petition-states");
  const groups = await db.petition.groupBy({
    by: ["currentUnitId"],
    where: { state: { in: [...OPEN_STATES] } },
    _count: { _all: true },
    orderBy: { _count: { currentUnitId: "desc" } },
  });
  return groups.map((g) => g.currentUnitId);
}

/** A supervisor of the unit (no account needed: the board and the scorecard scope by unit), with its name. */
export async function supervisorOf(unitId: string): Promise<{ unitName: string; viewer: StaffViewer }> {
  const { db } = await import("../../lib/db");
  const u = await db.unit.findUniqueOrThrow({
    where: { id: unitId },
    select: { id: true, path: true, kind: true, name: true },
  });
  return {
    unitName: u.name,
    viewer: { userId: "bench", role: "supervisor", unit: { id: u.id, path: u.path, kind: u.kind } },
  };
}

/** Prints SQLite's query plan of one statement, indented as a tree. */
export async function printPlan(title: string, sql: { sql: string; values: unknown[] }): Promise<void> {
  const { db } = await import("../../lib/db");
  const rows = await db.$queryRawUnsafe<{ id: number; parent: number; detail: string }[]>(
    `EXPLAIN QUERY PLAN ${sql.sql}`,
    ...sql.values,
  );
  const depth = new Map<number, number>([[0, 0]]);
  console.log(`${title}:`);
  for (const r of rows) {
    const d = (depth.get(Number(r.parent)) ?? 0) + 1;
    depth.set(Number(r.id), d);
    console.log(`${"  ".repeat(d)}${r.detail}`);
  }
}
