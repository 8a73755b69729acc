// Civil date-times in Asia/Shanghai as an HTML `datetime-local` input carries them ('YYYY-MM-DDTHH:mm').
// The browser sends the wall-clock time the staff member typed, with no zone; the county's civil time is
// Shanghai time, whatever zone the browser's machine is set to. Fixed UTC+8: see civil-date.ts.
import { SHANGHAI_OFFSET_MS, isCivilDate } from "./civil-date";

export type CivilDateTime = string; // 'YYYY-MM-DDTHH:mm'

const LOCAL = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?$/;

/** '2026-03-02T10:05' (Shanghai wall clock) → the instant; null for anything that is not a real date-time. */
export function parseShanghaiDateTime(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m || !isCivilDate(m[1]!)) return null;
  const seconds = m[4] ? Number(m[4]) : 0;
  return new Date(Date.parse(`${m[1]}T${m[2]}:${m[3]}:${String(seconds).padStart(2, "0")}.000Z`) - SHANGHAI_OFFSET_MS);
}

/** The instant as a `datetime-local` value in Shanghai, to the minute (seconds dropped, never rounded up). */
export function toShanghaiDateTime(instant: Date): CivilDateTime {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}
