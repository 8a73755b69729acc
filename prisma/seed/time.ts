// When things happen in demo cases: staff act in office hours on working days, petitioners any day
// from morning to late evening, the scheduler at night. All in Asia/Shanghai civil time.
import { addCivilDays, startOfCivilDay, toCivilDate, type CivilDate } from "../../lib/domain/civil-date";
import { rollForwardToWorkingDay, type HolidayCalendar } from "../../lib/domain/deadlines";
import type { Random } from "./random";

export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export class Timing {
  constructor(
    private readonly rnd: Random,
    readonly cal: HolidayCalendar,
  ) {}

  /** A time in office hours (08:30–17:30) on the first working day on or after `date`. */
  staffOn(date: CivilDate): Date {
    const day = rollForwardToWorkingDay(date, this.cal);
    return new Date(startOfCivilDay(day).getTime() + 8.5 * HOUR + this.rnd.int(0, 9 * 60) * MINUTE);
  }

  /** Staff, `days` calendar days after the civil date of `t`. */
  staffAfter(t: Date, days: number): Date {
    return this.staffOn(addCivilDays(toCivilDate(t), days));
  }

  /** A petitioner's time (07:00–22:59) on `date`, any day of the week. */
  petitionerOn(date: CivilDate): Date {
    return new Date(startOfCivilDay(date).getTime() + 7 * HOUR + this.rnd.int(0, 16 * 60 - 1) * MINUTE);
  }

  petitionerAfter(t: Date, days: number): Date {
    return this.petitionerOn(addCivilDays(toCivilDate(t), days));
  }

  /** The scheduler's nightly run (01:00–01:59) after a deadline has passed. */
  systemAfter(dueAt: Date): Date {
    return new Date(
      startOfCivilDay(addCivilDays(toCivilDate(dueAt), 1)).getTime() + HOUR + this.rnd.int(0, 59) * MINUTE,
    );
  }

  /** A few minutes after `t`, for an action that follows another one directly. */
  soonAfter(t: Date): Date {
    return new Date(t.getTime() + this.rnd.int(1, 20) * MINUTE);
  }
}
