// Next.js instrumentation hook: runs once when a server process starts (`npm start`, `npm run dev` and the e2e server
// all serve through scripts/server.mjs, whose app.prepare() calls it). It makes the database connection sync every
// commit (lib/db.ts, syncEveryCommit) and starts the deadline job's schedule
// (lib/jobs/scheduler.ts) and the signed checkpoints' (lib/jobs/checkpoint-scheduler.ts) in the Node.js runtime only — never in the edge runtime, never during `next build` — and
// not at all with DEADLINE_JOB=off.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { syncEveryCommit } = await import("./lib/db");
  await syncEveryCommit();
  // The gauge of cases overdue now (scripts/lib/observe.mjs), counted at each scrape: the queue's 已逾期 over all units.
  const [{ measureOverdue }, { countOverdueNow }] = await Promise.all([
    import("./lib/metrics"),
    import("./lib/data/queue"),
  ]);
  measureOverdue(countOverdueNow);
  const { startCheckpointScheduler } = await import("./lib/jobs/checkpoint-scheduler");
  startCheckpointScheduler();
  if (process.env.DEADLINE_JOB === "off") return;
  const { startDeadlineScheduler } = await import("./lib/jobs/scheduler");
  startDeadlineScheduler();
}
