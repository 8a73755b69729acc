import "server-only";
import { buildCalendar, type HolidayCalendar } from "@/lib/domain/deadlines";
import type { Db, Tx } from "@/lib/db";

/** The admins' holiday calendar (法定节假日 and 调休 working weekends). A few hundred rows: read whole. */
export async function loadCalendar(client: Db | Tx): Promise<HolidayCalendar> {
  const rows = await client.holiday.findMany({ select: { date: true, kind: true } });
  return buildCalendar(rows);
}
