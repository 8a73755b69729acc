// `npm run bench:board`: how fast the supervision board (督办, lib/data/supervision-board.ts) is on 100,000 cases.
//
// The same throw-away database as `npm run bench:queue` (scripts/lib/bench.ts): migrated like production, the
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
import {
  CASES,
  copyCases,
  copyId,
  copyOrders,
  count,
  DAY,
  fileSize,
  ms,
  unitsByOpenCases,
  playCases,
  printPlan,
  runBench,
  RUNS,
  seconds,
  supervisorOf,
  timed,
  writeCases,
} from "./lib/bench";

const SECRET = "bench-board-secret-not-for-production";

runBench({ name: "board", title: "Supervision board benchmark", secret: SECRET }, async (file) => {
  // Imported after DATABASE_URL is set: lib/db.ts opens the database when it loads.
  const { DEMO } = await import("../prisma/seed/units");
  const { db } = await import("../lib/db");
  const board = await import("../lib/data/supervision-board");
  const { BOARD_LISTS } = await import("../lib/validation/supervision");
  const { OPEN_STATES } = await import("../lib/domain/petition-states");

  const { at, cases } = await playCases("bench-queue", SECRET);
  const t = performance.now();
  let openSeen = 0;
  const rows = copyCases(cases, ({ base, copy, petition }) => {
    const open = (OPEN_STATES as readonly string[]).includes(base.petition.state as string);
    // A 领导包案 on every 250th open case: the demo seed records none, the board must still list them fast.
    const charge =
      open && ++openSeen % 250 === 0
        ? {
            leaderTitle: "副县长",
            leaderStartAt: base.petition.receivedAt,
            leaderTargetAt: new Date(at.getTime() + 30 * DAY),
          }
        : {};
    return {
      petition: { ...petition, ...charge },
      representatives: [],
      events: [],
      extensionRequests: base.extensionRequests.map((x) => ({ ...x, id: copyId(x.id, copy), petitionId: petition.id })),
      supervisionOrders: copyOrders(base, copy, petition.id),
    };
  });
  await writeCases(file, rows, at);
  const [orders, requests] = await Promise.all([db.supervisionOrder.count(), db.extensionRequest.count()]);
  console.log(
    `wrote ${count(CASES)} petitions, ${count(orders)} supervision orders, ${count(requests)} extension requests in ${seconds(t)} (${fileSize(file)})`,
  );

  const viewerOf = async (unitId: string, label: string) => {
    const { unitName, viewer } = await supervisorOf(unitId);
    return { label: `${label} (${unitName})`, viewer };
  };
  const busiest = (await unitsByOpenCases())[0]!;
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
  const scope = await board.resolveBoardScope(county.viewer);
  for (const list of BOARD_LISTS) {
    const q = board.boardListQuery(list, scope, at);
    await printPlan(`${list}: page`, board.boardPageSql(q, "due", "asc", board.BOARD_PAGE_SIZE, 0));
    await printPlan(`${list}: count`, board.boardCountSql(q));
  }
  console.log("```");
});
