// Civil dates ('YYYY-MM-DD') in Asia/Shanghai. China has kept UTC+8 with no daylight saving since 1991,
// so a fixed offset is exact for every date this system handles and needs no time-zone database.

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type CivilDate = string; // 'YYYY-MM-DD'

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCivilDate(value: string): boolean {
  const m = CIVIL_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function assertCivilDate(value: string): void {
  if (!isCivilDate(value)) throw new RangeError(`not a civil date: ${value}`);
}

/** The civil date in Shanghai on which an instant falls. */
export function toCivilDate(instant: Date): CivilDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight at the start of a civil date in Shanghai, as an instant. */
export function startOfCivilDay(date: CivilDate): Date {
  assertCivilDate(date);
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS);
}

/** The last millisecond of a civil date in Shanghai: a deadline on that date is met until then. */
export function endOfCivilDay(date: CivilDate): Date {
  return new Date(startOfCivilDay(date).getTime() + DAY_MS - 1);
}

export function addCivilDays(date: CivilDate, days: number): CivilDate {
  assertCivilDate(date);
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (negative when b is before a). */
export function civilDaysBetween(a: CivilDate, b: CivilDate): number {
  assertCivilDate(a);
  assertCivilDate(b);
  return Math.round((Date.parse(`${b}T00:00:00.000Z`) - Date.parse(`${a}T00:00:00.000Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function civilWeekday(date: CivilDate): number {
  assertCivilDate(date);
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

export function civilYear(instant: Date): number {
  return Number(toCivilDate(instant).slice(0, 4));
}
