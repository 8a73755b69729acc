// The one clock. Everything that needs "now" calls now(), so tests can move time:
// - in-process tests call setClock() / resetClock();
// - a server started for end-to-end tests reads APP_CLOCK_OFFSET_MS (milliseconds added to real time).
let override: (() => Date) | null = null;

export function now(): Date {
  if (override) return override();
  const offset = Number(process.env.APP_CLOCK_OFFSET_MS ?? 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}

/** Freeze the clock at an instant, or make it follow a function. */
export function setClock(at: Date | (() => Date)): void {
  override = typeof at === "function" ? at : () => new Date(at.getTime());
}

export function resetClock(): void {
  override = null;
}
