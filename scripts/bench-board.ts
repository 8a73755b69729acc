// `npm run bench:board`: how fast the supervision board (督办, lib/data/supervision-board.ts) is on 100,000 cases.
//
// The same throw-away database as `npm run bench:queue` (scripts/bench-queue.ts): migrated like production, the
// seed's generator plays BENCH_BASE_CASES cases through the life cycle and each is copied to reach BENCH_CASES —
// here with their extension requests and supervision orders copied too (new ids), and a 领导包案 on every 250th
// open case (the demo seed records none). Then, for the county supervisor (every unit), a township supervisor and
// the county supervisor filtered to the busiest unit: every list's count (one statement), and each list's first and
// last page, median of BENCH_RUNS runs; then SQLite's query plans of every statement. Figures go into
// docs/performance.md by hand.
//
//   npm run bench:board                        # 100,000 cases, 7 runs
//   BENCH_CASES=20000 BENCH_RUNS=3 npm run bench:board
//   BENCH_KEEP=1 …                             # keep the database file (its path is printed)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const BASE_CASES = Math.min(CASES, Number(process.env.BENCH_BASE_CASES ?? 5_000));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SECRET = "bench-board-secret-not-for-production";

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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sunshine-bench-board-"));
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
  const { buildCalendar } = await import("../lib/domain/deadlines");
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
  const board = await import("../lib/data/supervision-board");
  const { BOARD_LISTS } = await import("../lib/validation/supervision");
  const { OPEN_STATES } = await import("../lib/domain/petition-states");
  type Viewer = Parameters<typeof board.findBoard>[0];
  type Built = Parameters<typeof insertCasesIntoSqliteFile>[1][number];

  console.log(`# Supervision board benchmark: ${CASES.toLocaleString("en")} cases, median of ${RUNS} runs\n`);
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
  const { cases } = generateCases(
    { now: at, cal: buildCalendar(HOLIDAYS), rnd: new Random("bench-queue"), secret: SECRET },
    BASE_CASES,
  );
  console.log(`played ${BASE_CASES.toLocaleString("en")} cases through the life cycle in ${seconds(t)}`);

  t = performance.now();
  const sequence = new Map<number, number>();
  let openSeen = 0;
  const rows: Built[] = Array.from({ length: CASES }, (_, i) => ({
    base: cases[i % BASE_CASES]!,
    copy: Math.floor(i / BASE_CASES),
  }))
    .sort((a, b) => a.base.petition.receivedAt.getTime() - b.base.petition.receivedAt.getTime())
    .map(({ base, copy }) => {
      const year = civilYear(base.petition.receivedAt);
      const n = (sequence.get(year) ?? 0) + 1;
      sequence.set(year, n);
      const id = `${base.petition.id}-${copy}`;
      const open = (OPEN_STATES as readonly string[]).includes(base.petition.state as string);
      // A 领导包案 on every 250th open case: the demo seed records none, the board must still list them fast.
      const charge =
        open && ++openSeen % 250 === 0
          ? {
              leaderTitle: "副县长",
              leaderStartAt: base.petition.receivedAt,
              leaderTargetAt: new Date(at.getTime() + 30 * 24 * 3600 * 1000),
            }
          : {};
      const sfx = (v: string) => `${v}-${copy}`;
      return {
        petition: {
          ...base.petition,
          ...charge,
          id,
          trackingNo: formatDemoTrackingNo(year, n),
          repeatOfId: null,
          isRepeat: false,
        },
        representatives: [],
        events: [],
        extensionRequests: base.extensionRequests.map((x) => ({ ...x, id: sfx(String(x.id)), petitionId: id })),
        supervisionOrders: (base.supervisionOrders ?? []).map((o) => ({
          ...o,
          id: sfx(String(o.id)),
          petitionId: id,
          escalatedToId: o.escalatedToId ? sfx(o.escalatedToId) : null,
        })),
      } as Built;
    });
  const seedDb = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  await insertReferenceData(seedDb, "not-a-password-hash", new Date(at.getTime() - 800 * 24 * 3600 * 1000));
  await seedDb.$disconnect();
  insertCasesIntoSqliteFile(file, rows);
  const [orders, requests] = await Promise.all([db.supervisionOrder.count(), db.extensionRequest.count()]);
  console.log(
    `wrote ${CASES.toLocaleString("en")} petitions, ${orders.toLocaleString("en")} supervision orders, ${requests.toLocaleString("en")} extension requests in ${seconds(t)} (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`,
  );

  const viewerOf = async (unitId: string, label: string): Promise<{ label: string; viewer: Viewer }> => {
    const u = await db.unit.findUniqueOrThrow({
      where: { id: unitId },
      select: { id: true, path: true, kind: true, name: true },
    });
    return {
      label: `${label} (${u.name})`,
      viewer: { userId: "bench", role: "supervisor", unit: { id: u.id, path: u.path, kind: u.kind } },
    };
  };
  const busiest = (
    await db.petition.groupBy({
      by: ["currentUnitId"],
      where: { state: { in: [...OPEN_STATES] } },
      _count: { _all: true },
      orderBy: { _count: { currentUnitId: "desc" } },
    })
  )[0]!.currentUnitId;
  const busiestName = (await db.unit.findUniqueOrThrow({ where: { id: busiest }, select: { name: true } })).name;
  const county = await viewerOf(DEMO.gov.id, "county supervisor");
  const viewers = [
    { ...county, unitId: undefined as string | undefined },
    { ...(await viewerOf(DEMO.cgz.id, "township supervisor")), unitId: undefined },
    { label: `county supervisor, unit filter ${busiestName}`, viewer: county.viewer, unitId: busiest },
  ];

  console.log(`\n## Timings (ms, median of ${RUNS}; "page" = the list's count + one page, as the page calls it)\n`);
  console.log("| viewer | list | rows | first page | last page | all 11 counts |");
  console.log("|---|---|---:|---:|---:|---:|");
  for (const { label, viewer, unitId } of viewers) {
    const scope = await board.resolveBoardScope(viewer, unitId);
    const counts = await board.countBoard(scope, at);
    const countsMs = await timed(() => board.countBoard(scope, at));
    for (const [i, list] of BOARD_LISTS.entries()) {
      const params = { list, sort: "due" as const, dir: "asc" as const, unitId, page: 1 };
      const first = await timed(() => board.findBoardPage(scope, params, at));
      const pages = Math.max(1, Math.ceil(counts[list] / board.BOARD_PAGE_SIZE));
      const last = await timed(() => board.findBoardPage(scope, { ...params, page: pages }, at));
      console.log(
        `| ${i === 0 ? label : ""} | ${list} | ${counts[list]} | ${ms(first)} | ${ms(last)} | ${i === 0 ? ms(countsMs) : ""} |`,
      );
    }
    const whole = await timed(() =>
      board.findBoard(viewer, { list: "overdueHandle", sort: "due", dir: "asc", unitId, page: 1 }),
    );
    console.log(`| | whole page (scope + counts + 办理逾期 page) | | ${ms(whole)} | | |`);
  }

  console.log("\n## Query plans, county supervisor (EXPLAIN QUERY PLAN)\n\n```");
  const plan = async (title: string, sql: { sql: string; values: unknown[] }) => {
    const rowsOut = await db.$queryRawUnsafe<{ id: number; parent: number; detail: string }[]>(
      `EXPLAIN QUERY PLAN ${sql.sql}`,
      ...sql.values,
    );
    const depth = new Map<number, number>([[0, 0]]);
    console.log(`${title}:`);
    for (const r of rowsOut) {
      const d = (depth.get(Number(r.parent)) ?? 0) + 1;
      depth.set(Number(r.id), d);
      console.log(`${"  ".repeat(d)}${r.detail}`);
    }
  };
  const scope = await board.resolveBoardScope(county.viewer);
  for (const list of BOARD_LISTS) {
    const q = board.boardListQuery(list, scope, at);
    await plan(`${list}: page`, board.boardPageSql(q, "due", "asc", board.BOARD_PAGE_SIZE, 0));
    await plan(`${list}: count`, board.boardCountSql(q));
  }
  console.log("```");
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
