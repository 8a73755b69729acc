// Dates and ratios as every page shows them; no catalog needed, so client components may use it.
import { toCivilDate, SHANGHAI_OFFSET_MS } from "@/lib/domain/civil-date";

/** 2026-03-02 */
export function formatDate(instant: Date): string {
  return toCivilDate(instant);
}

/** 2026-03-02 14:05 (Asia/Shanghai) */
export function formatDateTime(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** 14:05 (Asia/Shanghai) */
export function formatTime(instant: Date): string {
  return formatDateTime(instant).slice(11);
}

export function formatPercent(ratio: number | null): string {
  return ratio === null ? "—" : `${(ratio * 100).toFixed(1)}%`;
}
