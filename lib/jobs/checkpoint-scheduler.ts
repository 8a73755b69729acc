import "server-only";
import { countMetric } from "@/lib/metrics";
import { db } from "@/lib/db";
import { loadSettings } from "@/lib/data/settings";
import { buildCheckpoint } from "@/lib/data/checkpoints";

// Signed checkpoints inside a running server (instrumentation.ts starts it, beside the deadline job): the first
// shortly after start — so a new portal publishes one at once — then every `checkpointIntervalMinutes` (a setting,
// default 60), each only when a case's chain grew. Builders take the database's write lock, so two processes never
// append the same leaves. CHECKPOINTS=off disables it (the end-to-end server: its tests make checkpoints themselves).

const FIRST_DELAY_MS = 20_000;
const MINUTE = 60_000;
const state = globalThis as unknown as { checkpointScheduler?: { stop: () => void } };

export function startCheckpointScheduler(opts: { firstDelayMs?: number } = {}) {
  if (process.env.CHECKPOINTS === "off" || state.checkpointScheduler) return state.checkpointScheduler ?? null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = async () => {
    try {
      const { checkpoint, added } = await buildCheckpoint();
      if (added > 0) countMetric("checkpoints");
      if (added > 0) console.log(`[checkpoints] #${checkpoint.seq}: ${checkpoint.treeSize} leaves (+${added})`);
    } catch (err) {
      console.error("[checkpoints] failed:", err instanceof Error ? err.name : "unknown");
    }
    let minutes = 60;
    try {
      minutes = (await loadSettings(db)).checkpointIntervalMinutes;
    } catch {
      // the default interval
    }
    schedule(minutes * MINUTE);
  };
  state.checkpointScheduler = {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      state.checkpointScheduler = undefined;
    },
  };
  schedule(opts.firstDelayMs ?? FIRST_DELAY_MS);
  return state.checkpointScheduler;
}
