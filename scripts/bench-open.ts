// `npm run bench:open`: how fast the open data's public case list (cases.json / cases.csv, lib/data/open-cases.ts)
// answers on 100,000 cases — one page and its two counts (the listed cases, the accusations) per call.
//
// Builds the same throw-away database as bench:queue (scripts/lib/bench.ts: the seed's generator plays
// BENCH_BASE_CASES cases through the life cycle, each copied to reach BENCH_CASES; no events: the list reads none),
// then times findOpenCases for the filters a visitor uses, first and last page, median of BENCH_RUNS runs.
//
//   npm run bench:open                        # 100,000 cases, 7 runs
//   BENCH_CASES=20000 BENCH_RUNS=3 npm run bench:open
import { count, ms, playCases, runBench, timed, writePetitionsOnly } from "./lib/bench";

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
  console.log("| list | cases | accusations | first page ms | last page ms |");
  console.log("|---|---:|---:|---:|---:|");
  for (const [label, query] of lists) {
    const parsed = parseCaseListQuery(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(`bad query ${query}`);
    const first = await findOpenCases(parsed.filters, at, "zh-CN");
    const lastPage = Math.max(1, Math.ceil(first.total / parsed.filters.pageSize));
    const firstMs = await timed(() => findOpenCases(parsed.filters, at, "zh-CN"));
    const lastMs = await timed(() => findOpenCases({ ...parsed.filters, page: lastPage }, at, "zh-CN"));
    console.log(`| ${label} | ${count(first.total)} | ${count(first.accusations)} | ${ms(firstMs)} | ${ms(lastMs)} |`);
  }
});
