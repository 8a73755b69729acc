// `npm run bench:scorecard`: how fast 单位考评 (lib/data/scorecard.ts) is on 100,000 cases.
//
// Builds a throw-away SQLite database like `npm run bench:queue` does (migrated like production, in the system's
// temp folder; the seed's generator plays BENCH_BASE_CASES cases through the life cycle and each is copied to reach
// BENCH_CASES, with the generator's supervision orders copied too, and an evaluation window for each answered case
// where the generator left none), then times findScorecard — the function the
// page and the CSV call — for the county supervisor (every unit) and a township supervisor, for each named period
// and the whole history, median of BENCH_RUNS runs, and prints SQLite's query plans of every cohort statement.
// Figures go into docs/performance.md by hand.
//
//   npm run bench:scorecard                   # 100,000 cases, 7 runs
//   BENCH_CASES=20000 BENCH_RUNS=3 npm run bench:scorecard
//   BENCH_KEEP=1 …                            # keep the database file (its path is printed)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const BASE_CASES = Math.min(CASES, Number(process.env.BENCH_BASE_CASES ?? 5_000));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SECRET = "bench-scorecard-secret-not-for-production";
const DAY = 24 * 60 * 60 * 1000;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: statement preparation, page cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function main() {
  if (!Number.isInteger(CASES) || CASES < 1 || !Number.isInteger(RUNS) || RUNS < 1)
    throw new Error("BENCH_CASES and BENCH_RUNS must be positive whole numbers");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sunshine-bench-"));
  const file = path.join(dir, "bench.db");
  process.env.DATABASE_URL = `file:${file}`;
  process.env.APP_SECRET ??= SECRET;
  try {
    await run(file);
  } finally {
    if (process.env.BENCH_KEEP === "1") console.log(`\nkept ${file}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function run(file: string) {
  // Imported after DATABASE_URL is set: lib/db.ts opens the database when it loads.
  const { buildCalendar, evaluationWindow } = await import("../lib/domain/deadlines");
  const { formatDemoTrackingNo } = await import("../lib/domain/tracking");
  const { civilYear } = await import("../lib/domain/civil-date");
  const { now } = await import("../lib/clock");
  const { generateCases } = await import("../prisma/seed/petitions");
  const { HOLIDAYS } = await import("../prisma/seed/holidays");
  const { Random } = await import("../prisma/seed/random");
  const { insertCasesIntoSqliteFile, insertReferenceData } = await import("../prisma/seed/insert");
  const { DEMO } = await import("../prisma/seed/units");
  const { PrismaClient } = await import("../generated/prisma/client");
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  const { db } = await import("../lib/db");
  const scorecard = await import("../lib/data/scorecard");
  const { resolvePeriod, SCORECARD_PERIODS } = await import("../lib/domain/scorecard");
  type Viewer = Parameters<typeof scorecard.findScorecard>[0];

  console.log(`# Scorecard benchmark: ${CASES.toLocaleString("en")} cases, median of ${RUNS} runs\n`);
  console.log(`database: ${file}`);
  let t = performance.now();
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: ROOT,
    env: process.env,
    stdio: "ignore",
  });
  console.log(`migrated in ${seconds(t)}`);

  t = performance.now();
  const at = now();
  const cal = buildCalendar(HOLIDAYS);
  const { cases } = generateCases({ now: at, cal, rnd: new Random("bench-scorecard"), secret: SECRET }, BASE_CASES);
  console.log(`played ${BASE_CASES.toLocaleString("en")} cases through the life cycle in ${seconds(t)}`);

  t = performance.now();
  const sequence = new Map<number, number>();
  let orderCount = 0;
  const rows = Array.from({ length: CASES }, (_, i) => ({
    base: cases[i % BASE_CASES]!,
    copy: Math.floor(i / BASE_CASES),
  }))
    .sort((a, b) => a.base.petition.receivedAt.getTime() - b.base.petition.receivedAt.getTime())
    .map(({ base, copy }) => {
      const year = civilYear(base.petition.receivedAt);
      const n = (sequence.get(year) ?? 0) + 1;
      sequence.set(year, n);
      const p = base.petition;
      const answeredAt = p.finalAt ?? p.reviewedAt ?? p.repliedAt ?? null;
      const petition = {
        ...p,
        id: `${p.id}-${copy}`,
        trackingNo: formatDemoTrackingNo(year, n),
        repeatOfId: null,
        isRepeat: false,
        // Where the generator sets no evaluation window, the one the app opens with each answer (30 days).
        evaluationWindowEndsAt:
          p.evaluationWindowEndsAt ?? (answeredAt ? evaluationWindow(answeredAt, 30, cal).dueAt : null),
      };
      // Orders with new ids; an escalation points at its copy.
      const supervisionOrders = base.supervisionOrders.map((o) => ({
        ...o,
        id: `${o.id}-${copy}`,
        petitionId: petition.id,
        escalatedToId: o.escalatedToId ? `${o.escalatedToId}-${copy}` : null,
      }));
      orderCount += supervisionOrders.length;
      return { petition, representatives: [], events: [], extensionRequests: [], supervisionOrders };
    });
  const seedDb = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  await insertReferenceData(seedDb, "not-a-password-hash", new Date(at.getTime() - 800 * DAY));
  await seedDb.$disconnect();
  insertCasesIntoSqliteFile(file, rows);
  console.log(
    `wrote ${CASES.toLocaleString("en")} petitions and ${orderCount.toLocaleString("en")} supervision orders in ${seconds(t)} (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`,
  );

  const supervisor = async (unitId: string): Promise<{ label: string; viewer: Viewer }> => {
    const u = await db.unit.findUniqueOrThrow({
      where: { id: unitId },
      select: { id: true, path: true, kind: true, name: true },
    });
    return {
      label: `supervisor of ${u.name}`,
      viewer: { userId: "bench", role: "supervisor", unit: { id: u.id, path: u.path, kind: u.kind } },
    };
  };
  const viewers = [await supervisor(DEMO.gov.id), await supervisor(DEMO.cgz.id)];
  const sort = { column: "unit" as const, dir: "asc" as const };
  const periods = [
    ...SCORECARD_PERIODS.filter((p) => p !== "range").map((kind) => ({ name: kind, period: { kind } as const })),
    { name: "whole history", period: { kind: "range" as const, from: "2000-01-01", to: "2099-12-31" } },
  ];

  console.log(`\n## Timings (ms, median of ${RUNS}; one findScorecard call: scope, nine statements, arithmetic)\n`);
  console.log("| viewer | period | units | received | accepted | ms |");
  console.log("|---|---|---:|---:|---:|---:|");
  for (const { label, viewer } of viewers) {
    for (const [i, p] of periods.entries()) {
      const params = { period: p.period, sort } as Parameters<typeof scorecard.findScorecard>[1];
      const sc = await scorecard.findScorecard(viewer, params);
      const took = await timed(() => scorecard.findScorecard(viewer, params));
      console.log(
        `| ${i === 0 ? label : ""} | ${p.name} | ${sc.rows.length} | ${sc.total.received.toLocaleString("en")} | ${sc.total.completion.den.toLocaleString("en")} | ${ms(took)} |`,
      );
    }
  }

  console.log("\n## Query plans (EXPLAIN QUERY PLAN), county supervisor, this year\n");
  const plan = async (title: string, sql: { sql: string; values: unknown[] }) => {
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
  };
  const { scope } = await scorecard.resolveScorecardScope(viewers[0]!.viewer);
  const statements = scorecard.scorecardStatements(scope, resolvePeriod({ kind: "thisYear" }, at), at);
  console.log("```");
  for (const [name, sql] of Object.entries(statements)) await plan(name, sql);
  console.log("```");
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
