// `npm run bench:queue`: how fast the staff queue (工作台, lib/data/queue.ts) is on 100,000 cases.
//
// Builds a throw-away SQLite database (migrated like production, in the system's temp folder; scripts/lib/bench.ts),
// fills it with BENCH_CASES petitions, then times, for a handler of an ordinary unit, the handler of the busiest unit
// and the county supervisor (whole tree): each tab's first and last page (count + page query, through findQueue)
// and the six tab counts (countQueueTabs), median of BENCH_RUNS runs, and prints SQLite's query plans so one sees
// the indexes in use. Figures go into docs/performance.md by hand.
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
import {
  DAY,
  ms,
  unitsByOpenCases,
  playCases,
  printPlan,
  runBench,
  RUNS,
  timed,
  writePetitionsOnly,
} from "./lib/bench";

const SECRET = "bench-queue-secret-not-for-production";

runBench({ name: "queue", title: "Queue benchmark", secret: SECRET }, async (file) => {
  // Imported after DATABASE_URL is set: lib/db.ts opens the database when it loads.
  const { now } = await import("../lib/clock");
  const { DEMO } = await import("../prisma/seed/units");
  const { db } = await import("../lib/db");
  const queue = await import("../lib/data/queue");
  const { QUEUE_TABS } = await import("../lib/domain/queue");
  type Viewer = Parameters<typeof queue.findQueue>[0];

  const { at, cases } = await playCases("bench-queue", SECRET);
  await writePetitionsOnly(file, cases, at);

  // Who: the handler of a unit with a median number of open cases, the handler of the busiest unit, and the
  // county supervisor (every unit).
  const byOpenCases = await unitsByOpenCases();
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
    await viewerOf("handler", byOpenCases[Math.floor(byOpenCases.length / 2)]!),
    await viewerOf("handler", byOpenCases[0]!),
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
        receivedFrom: toDate(new Date(at.getTime() - 90 * DAY)),
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
  for (const { label, viewer } of [viewers[0]!, viewers[2]!]) {
    const scope = await queue.resolveQueueScope(viewer);
    console.log(`### ${label}\n\n\`\`\``);
    for (const tab of ["handling", "dueSoon", "overdue"] as const) {
      const where = queue.queueWhereSql(scope, tab, {}, now());
      await printPlan(`${tab}: page`, queue.queuePageSql(where, queue.QUEUE_PAGE_SIZE, 0));
      await printPlan(`${tab}: count`, queue.queueCountSql(where));
    }
    await printPlan("tab counts", queue.queueTabCountsSql(scope, {}, now()));
    for (const f of filtered.slice(1)) {
      await printPlan(
        `handling, ${f.name}: page`,
        queue.queuePageSql(queue.queueWhereSql(scope, "handling", f.filters, now()), queue.QUEUE_PAGE_SIZE, 0),
      );
    }
    await printPlan("tab counts, channel 来访 + township", queue.queueTabCountsSql(scope, filtered[3]!.filters, now()));
    console.log("```\n");
  }
});
