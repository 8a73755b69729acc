// The app's side of the metrics (scripts/lib/observe.mjs makes them, in the server process, before the app): counting
// goes through globalThis, as Next bundles its own copies of modules. Without the portal's server (tests, scripts)
// nothing is counted.
const METRICS_KEY = Symbol.for("sunshine.metrics");

type Shared = {
  count: (name: "filings" | "deadlinePasses" | "checkpoints", labels?: Record<string, string>) => void;
  overdueNow: (() => Promise<number>) | null;
};

const shared = () => (globalThis as { [METRICS_KEY]?: Shared })[METRICS_KEY];

export function countMetric(name: "filings" | "deadlinePasses" | "checkpoints", labels: Record<string, string> = {}) {
  shared()?.count(name, labels);
}

/** Registers how the gauge of cases overdue now is counted at each scrape. */
export function measureOverdue(count: () => Promise<number>) {
  const s = shared();
  if (s) s.overdueNow = count;
}
