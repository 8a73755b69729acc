// `npm run bench:queue`: how fast the staff queue (工作台, lib/data/queue.ts) is on 100,000 cases.
//
// Builds a throw-away SQLite database (migrated like production, in the system's temp folder), fills it with
// BENCH_CASES petitions, then times, for a handler of an ordinary unit, the handler of the busiest unit and
// the county supervisor (whole tree): each tab's first and last page (count + page query, through
// findQueue) and the six tab counts (countQueueTabs), median of BENCH_RUNS runs, and prints SQLite's
// query plans so one sees the indexes in use. Figures go into docs/performance.md by hand.
//
// The cases: the seed's own generator (prisma/seed/petitions.ts) plays BENCH_BASE_CASES cases through the
// life cycle (states, deadlines, currentDueAt as the app keeps them), and each is copied to reach
// BENCH_CASES with new ids and tracking numbers — the distribution of states, units and deadlines of the
// demo county, scaled up. Events are left out: the queue never reads them. Playing 100,000 cases through
// the full seed takes minutes on two cores; this takes seconds.
//
//   npm run bench:queue                       # 100,000 cases, 7 runs
//   BENCH_CASES=20000 BENCH_RUNS=3 npm run bench:queue
//   BENCH_KEEP=1 …                            # keep the database file (its path is printed)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const BASE_CASES = Math.min(CASES, Number(process.env.BENCH_BASE_CASES ?? 5_000));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SECRET = "bench-queue-secret-not-for-production";

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
  const queue = await import("../lib/data/queue");
  const { QUEUE_TABS } = await import("../lib/domain/queue");
  const { OPEN_STATES } = await import("../lib/domain/petition-states");
  type Viewer = Parameters<typeof queue.findQueue>[0];

  console.log(`# Queue benchmark: ${CASES.toLocaleString("en")} cases, median of ${RUNS} runs\n`);
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
  // Copies in receipt order, numbered per year in the demo series (XFD…), like generated data everywhere.
  const sequence = new Map<number, number>();
  const rows = Array.from({ length: CASES }, (_, i) => {
    const base = cases[i % BASE_CASES]!;
    const copy = Math.floor(i / BASE_CASES);
    return { base, copy };
  })
    .sort((a, b) => a.base.petition.receivedAt.getTime() - b.base.petition.receivedAt.getTime())
    .map(({ base, copy }) => {
      const year = civilYear(base.petition.receivedAt);
      const n = (sequence.get(year) ?? 0) + 1;
      sequence.set(year, n);
      const petition = {
        ...base.petition,
        id: `${base.petition.id}-${copy}`,
        trackingNo: formatDemoTrackingNo(year, n),
        repeatOfId: null,
        isRepeat: false,
      };
      return { petition, representatives: [], events: [], extensionRequests: [], supervisionOrders: [] };
    });
  const seedDb = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) }); // as prisma/seed.ts writes
  await insertReferenceData(seedDb, "not-a-password-hash", new Date(at.getTime() - 800 * 24 * 3600 * 1000));
  await seedDb.$disconnect();
  insertCasesIntoSqliteFile(file, rows);
  console.log(
    `wrote ${CASES.toLocaleString("en")} petitions in ${seconds(t)} (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`,
  );

  // Who: the handler of a unit with a median number of open cases, the handler of the busiest unit, and the
  // county supervisor (every unit).
  const openByUnit = await db.petition.groupBy({
    by: ["currentUnitId"],
    where: { state: { in: [...OPEN_STATES] } },
    _count: { _all: true },
    orderBy: { _count: { currentUnitId: "desc" } },
  });
  const viewerOf = async (role: Viewer["role"], unitId: string) => {
    const u = await db.unit.findUniqueOrThrow({
      where: { id: unitId },
      select: {
        id: true,
        path: true,
        kind: true,
        name: true,
        users: { where: { role }, select: { id: true, username: true }, take: 1 },
      },
    });
    const user = u.users[0] ?? { id: "bench", username: "—" };
    return {
      label: `${role} of ${u.name} (${user.username})`,
      viewer: { userId: user.id, role, unit: { id: u.id, path: u.path, kind: u.kind } } as Viewer,
    };
  };
  const viewers = [
    await viewerOf("handler", openByUnit[Math.floor(openByUnit.length / 2)]!.currentUnitId),
    await viewerOf("handler", openByUnit[0]!.currentUnitId),
    await viewerOf("supervisor", DEMO.gov.id),
  ];

  console.log(`\n## Timings (ms, median of ${RUNS})\n`);
  console.log("| viewer | tab | cases in tab | first page | last page | tab counts |");
  console.log("|---|---|---:|---:|---:|---:|");
  for (const { label, viewer } of viewers) {
    const counts = await queue.countQueueTabs(viewer, {});
    const countsMs = await timed(() => queue.countQueueTabs(viewer, {}));
    for (const [i, tab] of QUEUE_TABS.entries()) {
      const first = await timed(() => queue.findQueue(viewer, { tab, page: 1 }));
      const pages = Math.max(1, Math.ceil(counts[tab] / queue.QUEUE_PAGE_SIZE));
      const last = await timed(() => queue.findQueue(viewer, { tab, page: pages }));
      console.log(
        `| ${i === 0 ? label : ""} | ${tab} | ${counts[tab]} | ${ms(first)} | ${ms(last)} | ${i === 0 ? ms(countsMs) : ""} |`,
      );
    }
  }

  // Filters and search, for the viewer with the most cases.
  const county = viewers[2]!.viewer;
  const someCategory = (await db.category.findFirstOrThrow({ orderBy: { sortOrder: "asc" }, select: { id: true } })).id;
  const someTracking = (
    await db.petition.findFirstOrThrow({ where: { state: "ACCEPTED" }, select: { trackingNo: true } })
  ).trackingNo;
  const toDate = (d: Date) => new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const filtered = [
    { name: "title contains 小区", filters: { q: "小区" } },
    { name: "tracking number", filters: { q: someTracking.toLowerCase() } },
    {
      name: "category + last 90 days",
      filters: {
        categoryId: someCategory,
        receivedFrom: toDate(new Date(at.getTime() - 90 * 24 * 3600 * 1000)),
        receivedTo: toDate(at),
      },
    },
    { name: "channel 来访 + township", filters: { channel: "VISIT" as const, placeId: DEMO.cgz.id } },
  ];
  console.log(`\n## Filters, county supervisor, tab "handling" (ms, median of ${RUNS})\n`);
  console.log("| filter | cases | first page | tab counts |");
  console.log("|---|---:|---:|---:|");
  for (const f of filtered) {
    const page = await queue.findQueue(county, { tab: "handling", page: 1, ...f.filters });
    const first = await timed(() => queue.findQueue(county, { tab: "handling", page: 1, ...f.filters }));
    const counts = await timed(() => queue.countQueueTabs(county, f.filters));
    console.log(`| ${f.name} | ${page.total} | ${ms(first)} | ${ms(counts)} |`);
  }

  // Query plans of the statements findQueue and countQueueTabs send (same builders, same parameters).
  console.log("\n## Query plans (EXPLAIN QUERY PLAN)\n");
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
  for (const { label, viewer } of [viewers[0]!, viewers[2]!]) {
    const scope = await queue.resolveQueueScope(viewer);
    console.log(`### ${label}\n\n\`\`\``);
    for (const tab of ["handling", "dueSoon", "overdue"] as const) {
      const where = queue.queueWhereSql(scope, tab, {}, now());
      await plan(`${tab}: page`, queue.queuePageSql(where, queue.QUEUE_PAGE_SIZE, 0));
      await plan(`${tab}: count`, queue.queueCountSql(where));
    }
    await plan("tab counts", queue.queueTabCountsSql(scope, {}, now()));
    for (const f of filtered.slice(1)) {
      await plan(
        `handling, ${f.name}: page`,
        queue.queuePageSql(queue.queueWhereSql(scope, "handling", f.filters, now()), queue.QUEUE_PAGE_SIZE, 0),
      );
    }
    await plan("tab counts, channel 来访 + township", queue.queueTabCountsSql(scope, filtered[3]!.filters, now()));
    console.log("```\n");
  }
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
