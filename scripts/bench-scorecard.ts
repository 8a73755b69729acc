// `npm run bench:scorecard`: how fast 单位考评 (lib/data/scorecard.ts) is on 100,000 cases.
//
// Builds a throw-away SQLite database like `npm run bench:queue` does (scripts/lib/bench.ts: migrated like
// production, in the system's temp folder; the seed's generator plays BENCH_BASE_CASES cases through the life cycle
// and each is copied to reach BENCH_CASES, with the generator's supervision orders copied too, and an evaluation
// window for each answered case where the generator left none), then times findScorecard — the function the
// page and the CSV call — for the county supervisor (every unit) and a township supervisor, for each named period
// and the whole history, median of BENCH_RUNS runs, and prints SQLite's query plans of every cohort statement.
// Figures go into docs/performance.md by hand.
//
//   npm run bench:scorecard                   # 100,000 cases, 7 runs
//   BENCH_CASES=20000 BENCH_RUNS=3 npm run bench:scorecard
//   BENCH_KEEP=1 …                            # keep the database file (its path is printed)
import {
  CASES,
  copyCases,
  copyOrders,
  count,
  fileSize,
  ms,
  playCases,
  printPlan,
  runBench,
  RUNS,
  seconds,
  supervisorOf,
  timed,
  writeCases,
} from "./lib/bench";

const SECRET = "bench-scorecard-secret-not-for-production";

runBench({ name: "scorecard", title: "Scorecard benchmark", secret: SECRET }, async (file) => {
  // Imported after DATABASE_URL is set: lib/db.ts opens the database when it loads.
  const { evaluationWindow } = await import("../lib/domain/deadlines");
  const { DEMO } = await import("../prisma/seed/units");
  const scorecard = await import("../lib/data/scorecard");
  const { resolvePeriod, SCORECARD_PERIODS } = await import("../lib/domain/scorecard");

  const { at, cal, cases } = await playCases("bench-scorecard", SECRET);
  const t = performance.now();
  let orderCount = 0;
  const rows = copyCases(cases, ({ base, copy, petition }) => {
    const p = base.petition;
    const answeredAt = p.finalAt ?? p.reviewedAt ?? p.repliedAt ?? null;
    // Orders with new ids; an escalation points at its copy.
    const supervisionOrders = copyOrders(base, copy, petition.id);
    orderCount += supervisionOrders.length;
    return {
      petition: {
        ...petition,
        // Where the generator sets no evaluation window, the one the app opens with each answer (30 days).
        evaluationWindowEndsAt:
          p.evaluationWindowEndsAt ?? (answeredAt ? evaluationWindow(answeredAt, 30, cal).dueAt : null),
      },
      representatives: [],
      events: [],
      extensionRequests: [],
      supervisionOrders,
    };
  });
  await writeCases(file, rows, at);
  console.log(
    `wrote ${count(CASES)} petitions and ${count(orderCount)} supervision orders in ${seconds(t)} (${fileSize(file)})`,
  );

  const supervisor = async (unitId: string) => {
    const { unitName, viewer } = await supervisorOf(unitId);
    return { label: `supervisor of ${unitName}`, viewer };
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
        `| ${i === 0 ? label : ""} | ${p.name} | ${sc.rows.length} | ${count(sc.total.received)} | ${count(sc.total.completion.den)} | ${ms(took)} |`,
      );
    }
  }

  console.log("\n## Query plans (EXPLAIN QUERY PLAN), county supervisor, this year\n");
  const { scope } = await scorecard.resolveScorecardScope(viewers[0]!.viewer);
  const statements = scorecard.scorecardStatements(scope, resolvePeriod({ kind: "thisYear" }, at), at);
  console.log("```");
  for (const [name, sql] of Object.entries(statements)) await printPlan(name, sql);
  console.log("```");
});
