import "server-only";
import { countMetric } from "@/lib/metrics";
import { db } from "@/lib/db";
import { loadSettings } from "@/lib/data/settings";
import { runDeadlinePassOnce, type PassSummary } from "@/lib/data/deadline-pass";

// The deadline job inside a running server (instrumentation.ts starts it): a first pass shortly after start, then
// one every `jobIntervalMinutes` (a setting, read again after each pass). One pass at a time per process; passes
// are idempotent, and one process at a time runs one across every process on the database (the lease
// "deadline-pass", lib/data/job-lease.ts): another server's pass or `npm run jobs` at the same moment waits its turn.
// DEADLINE_JOB=off disables it (the end-to-end server: its tests run the job themselves, at the instant they choose).

const FIRST_PASS_DELAY_MS = 15_000;
const MINUTE = 60_000;

type Scheduler = { stop: () => void };

// One scheduler per process, even if the module is loaded twice (development reloads).
const state = globalThis as unknown as { deadlineScheduler?: Scheduler };

export function deadlineJobEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DEADLINE_JOB !== "off";
}

export function startDeadlineScheduler(opts: { firstDelayMs?: number } = {}): Scheduler | null {
  if (!deadlineJobEnabled()) return null;
  if (state.deadlineScheduler) return state.deadlineScheduler;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let stopped = false;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(tick, delayMs);
    timer.unref(); // never keeps the process alive on its own
  };

  const tick = async () => {
    if (running) return; // one pass at a time
    running = true;
    let intervalMinutes = 5;
    try {
      // Another app process on the database running its pass: this one waits for the next interval.
      const summary = await runDeadlinePassOnce();
      if (summary) report(summary);
      countMetric("deadlinePasses", { result: summary ? "done" : "another process" });
    } catch (err) {
      countMetric("deadlinePasses", { result: "failed" });
      console.error("[jobs] deadline pass failed:", err instanceof Error ? err.name : "unknown");
    } finally {
      running = false;
    }
    try {
      intervalMinutes = (await loadSettings(db)).jobIntervalMinutes;
    } catch {
      // the default interval
    }
    schedule(intervalMinutes * MINUTE);
  };

  const scheduler: Scheduler = {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      state.deadlineScheduler = undefined;
    },
  };
  state.deadlineScheduler = scheduler;
  schedule(opts.firstDelayMs ?? FIRST_PASS_DELAY_MS);
  return scheduler;
}

/** A line per pass that wrote or failed something (counts only); quiet passes stay quiet. */
function report(s: PassSummary) {
  const written = Object.entries(s.written).filter(([, n]) => n > 0);
  const failed = Object.entries(s.failed).filter(([, n]) => n > 0);
  if (written.length === 0 && failed.length === 0) return;
  const list = (rows: [string, number][]) => rows.map(([k, n]) => `${k} ${n}`).join(", ") || "none";
  console.log(`[jobs] deadline pass: wrote ${list(written)}; failed ${list(failed)}; ${s.ms} ms`);
}
