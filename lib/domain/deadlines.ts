// Legal deadlines of the 信访工作条例 (2022) and how each one is computed.
// Periods: the day the period starts is not counted; a period whose last day is a holiday ends on the next
// working day (民法典第201条、第203条). Holidays and 调休 working weekends come from the admins' calendar.
import { addCivilDays, civilDaysBetween, civilWeekday, endOfCivilDay, toCivilDate, type CivilDate } from "./civil-date";

export type HolidayRow = { date: CivilDate; kind: "OFF" | "WORKDAY" };

export type HolidayCalendar = { off: ReadonlySet<CivilDate>; workdays: ReadonlySet<CivilDate> };

export function buildCalendar(rows: readonly HolidayRow[]): HolidayCalendar {
  const off = new Set<CivilDate>();
  const workdays = new Set<CivilDate>();
  for (const row of rows) (row.kind === "OFF" ? off : workdays).add(row.date);
  return { off, workdays };
}

export const EMPTY_CALENDAR: HolidayCalendar = buildCalendar([]);

export function isWorkingDay(date: CivilDate, cal: HolidayCalendar): boolean {
  if (cal.off.has(date)) return false;
  if (cal.workdays.has(date)) return true; // 调休: a weekend made a working day
  const wd = civilWeekday(date);
  return wd !== 0 && wd !== 6;
}

export function rollForwardToWorkingDay(date: CivilDate, cal: HolidayCalendar): CivilDate {
  let d = date;
  // A year never has more than ~10 consecutive days off; the bound only guards a corrupt calendar.
  for (let i = 0; i < 60 && !isWorkingDay(d, cal); i++) d = addCivilDays(d, 1);
  return d;
}

/** The periods the law sets. */
export const PERIODS = {
  route: { days: 15, unit: "calendar" }, // 条例第22条: 信访部门 15 日内转送、交办
  accept: { days: 15, unit: "calendar" }, // 条例第22、23条: 15 日内告知是否受理
  return: { days: 5, unit: "working" }, // 条例第23条: 5 个工作日内提出异议（退回）
  handle: { days: 60, unit: "calendar" }, // 条例第34条: 受理之日起 60 日内办结
  review: { days: 30, unit: "calendar" }, // 条例第35条: 复查 30 日内提出，30 日内答复
  recheck: { days: 30, unit: "calendar" }, // 条例第36条: 复核同上
} as const satisfies Record<string, { days: number; unit: "calendar" | "working" }>;

export const MAX_EXTENSION_DAYS = 30; // 条例第34条

export type DeadlineKind =
  | "route"
  | "accept"
  | "return"
  | "handle"
  | "reviewWindow"
  | "reviewAnswer"
  | "recheckWindow"
  | "recheckAnswer"
  | "evaluationWindow";

/** Everything needed to say how a due date was computed; lib/i18n turns it into a sentence. */
export type DeadlineExplanation = {
  kind: DeadlineKind;
  startDate: CivilDate; // the day the period starts (not counted)
  days: number;
  unit: "calendar" | "working";
  rawDate: CivilDate; // start + days, before any roll-forward
  rolledTo: CivilDate | null; // set when rawDate was not a working day
  extensionDays: number;
  extendedRawDate: CivilDate | null;
  extendedRolledTo: CivilDate | null;
  dueDate: CivilDate;
};

export type Deadline = { dueAt: Date; dueDate: CivilDate; explanation: DeadlineExplanation };

function finish(explanation: DeadlineExplanation): Deadline {
  return { dueAt: endOfCivilDay(explanation.dueDate), dueDate: explanation.dueDate, explanation };
}

/** `days` calendar days after `start`; the last day rolls forward off holidays. */
export function calendarDaysDeadline(
  kind: DeadlineKind,
  start: Date,
  days: number,
  cal: HolidayCalendar,
  extensionDays = 0,
): Deadline {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`invalid period: ${days}`);
  if (!Number.isInteger(extensionDays) || extensionDays < 0 || extensionDays > MAX_EXTENSION_DAYS) {
    throw new RangeError(`invalid extension: ${extensionDays}`);
  }
  const startDate = toCivilDate(start);
  const rawDate = addCivilDays(startDate, days);
  const rolled = rollForwardToWorkingDay(rawDate, cal);
  let dueDate = rolled;
  let extendedRawDate: CivilDate | null = null;
  let extendedRolledTo: CivilDate | null = null;
  if (extensionDays > 0) {
    // The extension runs from the original (rolled) due date, and rolls forward again itself.
    extendedRawDate = addCivilDays(rolled, extensionDays);
    const extendedRolled = rollForwardToWorkingDay(extendedRawDate, cal);
    extendedRolledTo = extendedRolled === extendedRawDate ? null : extendedRolled;
    dueDate = extendedRolled;
  }
  return finish({
    kind,
    startDate,
    days,
    unit: "calendar",
    rawDate,
    rolledTo: rolled === rawDate ? null : rolled,
    extensionDays,
    extendedRawDate,
    extendedRolledTo,
    dueDate,
  });
}

/** `days` working days after `start` (the start day itself is not counted, whatever it is). */
export function workingDaysDeadline(kind: DeadlineKind, start: Date, days: number, cal: HolidayCalendar): Deadline {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`invalid period: ${days}`);
  const startDate = toCivilDate(start);
  let d = startDate;
  for (let counted = 0; counted < days;) {
    d = addCivilDays(d, 1);
    if (isWorkingDay(d, cal)) counted++;
  }
  return finish({
    kind,
    startDate,
    days,
    unit: "working",
    rawDate: d,
    rolledTo: null,
    extensionDays: 0,
    extendedRawDate: null,
    extendedRolledTo: null,
    dueDate: d,
  });
}

/** 信访部门 registers and routes within 15 days of receipt (条例第22条). */
export const routeDeadline = (receivedAt: Date, cal: HolidayCalendar) =>
  calendarDaysDeadline("route", receivedAt, PERIODS.route.days, cal);

/** The receiving unit says within 15 days whether it accepts (条例第22、23条). */
export const acceptDeadline = (arrivedAtUnitAt: Date, cal: HolidayCalendar) =>
  calendarDaysDeadline("accept", arrivedAtUnitAt, PERIODS.accept.days, cal);

/** A misrouted case goes back to the bureau within 5 working days (条例第23条). */
export const returnDeadline = (arrivedAtUnitAt: Date, cal: HolidayCalendar) =>
  workingDaysDeadline("return", arrivedAtUnitAt, PERIODS.return.days, cal);

/** 60 days from acceptance, plus an approved extension of at most 30 days (条例第34条). */
export const handleDeadline = (acceptedAt: Date, cal: HolidayCalendar, extensionDays = 0) =>
  calendarDaysDeadline("handle", acceptedAt, PERIODS.handle.days, cal, extensionDays);

/** The petitioner may ask for 复查 within 30 days of the reply (条例第35条). */
export const reviewWindow = (repliedAt: Date, cal: HolidayCalendar) =>
  calendarDaysDeadline("reviewWindow", repliedAt, PERIODS.review.days, cal);

export const reviewAnswerDeadline = (requestedAt: Date, cal: HolidayCalendar) =>
  calendarDaysDeadline("reviewAnswer", requestedAt, PERIODS.review.days, cal);

/** 复核 within 30 days of the review reply, answered within 30 days (条例第36条). */
export const recheckWindow = (reviewedAt: Date, cal: HolidayCalendar) =>
  calendarDaysDeadline("recheckWindow", reviewedAt, PERIODS.recheck.days, cal);

export const recheckAnswerDeadline = (requestedAt: Date, cal: HolidayCalendar) =>
  calendarDaysDeadline("recheckAnswer", requestedAt, PERIODS.recheck.days, cal);

/** 评价期 (条例第21条): the petitioner may evaluate an answer for `days` days (a setting, default 30). */
export const evaluationWindow = (answeredAt: Date, days: number, cal: HolidayCalendar) =>
  calendarDaysDeadline("evaluationWindow", answeredAt, days, cal);

export type DeadlineStatus =
  | { kind: "met"; daysEarly: number } // done on or before the due date
  | { kind: "missed"; daysLate: number } // done after the due date
  | { kind: "open"; daysLeft: number } // not done, not yet due (0 = due today)
  | { kind: "overdue"; daysOverdue: number }; // not done, past due

export const DUE_SOON_DAYS = 3; // 工作台「即将到期」

/** Whether a deadline was or is being met, in whole civil days. */
export function deadlineStatus(dueAt: Date, doneAt: Date | null, now: Date): DeadlineStatus {
  const due = toCivilDate(dueAt);
  if (doneAt) {
    const diff = civilDaysBetween(toCivilDate(doneAt), due);
    return doneAt.getTime() <= dueAt.getTime()
      ? { kind: "met", daysEarly: Math.max(0, diff) }
      : { kind: "missed", daysLate: Math.max(1, -diff) };
  }
  if (now.getTime() <= dueAt.getTime())
    return { kind: "open", daysLeft: Math.max(0, civilDaysBetween(toCivilDate(now), due)) };
  return { kind: "overdue", daysOverdue: Math.max(1, civilDaysBetween(due, toCivilDate(now))) };
}

export function isDueSoon(status: DeadlineStatus): boolean {
  return status.kind === "open" && status.daysLeft <= DUE_SOON_DAYS;
}
