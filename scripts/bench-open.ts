// `npm run bench:open`: how fast the open data's public case list (cases.json / cases.csv, lib/data/open-cases.ts)
// answers on 100,000 cases — one page and its two counts (the listed cases, the accusations) per call — and the
// statistics (stats.json, the statistics page, the report: lib/data/figures.ts readStatistics) for a year, a
// quarter and a unit, read from the figures' summary after it is rebuilt from every case (its time printed too).
//
// Builds the same throw-away database as bench:queue (scripts/lib/bench.ts: the seed's generator plays
// BENCH_BASE_CASES cases through the life cycle, each copied to reach BENCH_CASES; no events: the list reads none),
// then times findOpenCases for the filters a visitor uses, first and last page, median of BENCH_RUNS runs.
//
//   npm run bench:open                        # 100,000 cases, 7 runs
//   BENCH_CASES=20000 BENCH_RUNS=3 npm run bench:open
import { CASES, count, ms, playCases, runBench, timed, writePetitionsOnly } from "./lib/bench";

const SECRET = "bench-open-secret-not-for-production";

runBench({ name: "open", title: "Open data: the public case list", secret: SECRET }, async (file) => {
  // Imported after DATABASE_URL is set: lib/db.ts opens the database when it loads.
  const { db } = await import("../lib/db");
  const { findOpenCases } = await import("../lib/data/open-cases");
  const { parseCaseListQuery } = await import("../lib/domain/public-case-list");

  const { at, cases } = await playCases("bench-open", SECRET);
  await writePetitionsOnly(file, cases, at);

  const year = Number(at.toISOString().slice(0, 4));
  const township = await db.unit.findFirstOrThrow({ where: { kind: "TOWNSHIP" }, orderBy: { path: "asc" } });
  const busiest = await db.petition.groupBy({
    by: ["currentUnitId"],
    _count: true,
    orderBy: { _count: { currentUnitId: "desc" } },
    take: 1,
  });
  const unit = await db.unit.findUniqueOrThrow({ where: { id: busiest[0]!.currentUnitId! } });
  const category = await db.category.findFirstOrThrow({ where: { kind: "APPEAL" }, orderBy: { code: "asc" } });

  const lists: [string, string][] = [
    ["everything", ""],
    [`year ${year}`, `year=${year}`],
    [`year ${year - 1}, replied`, `year=${year - 1}&state=REPLIED`],
    [`township ${township.name}`, `township=${township.code}`],
    [`unit ${unit.name} (most cases)`, `unit=${unit.code}`],
    [`category ${category.name}`, `category=${category.code}`],
    ["channel 来访", "channel=VISIT"],
    ["late", "timeliness=late"],
    ["on time", "timeliness=onTime"],
    [`late, year ${year - 1}`, `year=${year - 1}&timeliness=late`],
  ];
  console.log("| list | cases | accusations | first page ms | last page by number ms | last page by `after` ms |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const [label, query] of lists) {
    const parsed = parseCaseListQuery(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(`bad query ${query}`);
    const first = await findOpenCases(parsed.filters, at, "zh-CN");
    const total = first.total ?? 0; // a first page is counted
    const lastPage = Math.max(1, Math.ceil(total / parsed.filters.pageSize));
    const firstMs = await timed(() => findOpenCases(parsed.filters, at, "zh-CN"));
    const lastMs = await timed(() => findOpenCases({ ...parsed.filters, page: lastPage }, at, "zh-CN"));
    // The same page by keyset: the cases after the last one of the page before it (found once, not timed).
    const before = lastPage > 1 ? await findOpenCases({ ...parsed.filters, page: lastPage - 1 }, at, "zh-CN") : null;
    const after = before?.cases.at(-1)?.tracking_no ?? null;
    const keysetMs = await timed(() => findOpenCases({ ...parsed.filters, after }, at, "zh-CN"));
    console.log(
      `| ${label} | ${count(total)} | ${count(first.accusations ?? 0)} | ${ms(firstMs)} | ${ms(lastMs)} | ${ms(keysetMs)} |`,
    );
  }

  // The statistics: the summary is rebuilt from every case (the bulk writer above keeps none), then read.
  const { readStatistics, rebuildFigures } = await import("../lib/data/figures");
  const t = performance.now();
  await db.$transaction((tx) => rebuildFigures(tx), { timeout: 3_600_000 });
  const cells = await db.figureCell.count();
  console.log(
    `\nsummary rebuilt from ${count(CASES)} cases in ${((performance.now() - t) / 1000).toFixed(1)} s: ${count(cells)} counters\n`,
  );
  const stats: [string, { year: number; quarter: 1 | 2 | 3 | 4 | null; unitCode: string | null }][] = [
    [`year ${year}, county`, { year, quarter: null, unitCode: null }],
    [`year ${year - 1}, county`, { year: year - 1, quarter: null, unitCode: null }],
    [`Q1 ${year}, county`, { year, quarter: 1, unitCode: null }],
    [`year ${year}, ${unit.name}`, { year, quarter: null, unitCode: unit.code }],
    [`year ${year}, ${township.name} and its villages`, { year, quarter: null, unitCode: township.code }],
  ];
  console.log("| statistics | cases | person-times | ms |");
  console.log("|---|---:|---:|---:|");
  for (const [label, query] of stats) {
    const read = await readStatistics(query);
    const took = await timed(() => readStatistics(query));
    console.log(
      `| ${label} | ${count(read!.statistics.counts.cases)} | ${count(read!.statistics.counts.total_person_times)} | ${ms(took)} |`,
    );
  }
});
