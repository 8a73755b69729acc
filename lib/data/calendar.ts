import "server-only";
import { buildCalendar, type HolidayCalendar, type HolidayRow } from "@/lib/domain/deadlines";
import type { Db, Tx } from "@/lib/db";

/**
 * The admins' holiday calendar (法定节假日 and 调休 working weekends). A few hundred rows: read whole, by one plain
 * statement (it is read by every filing, every deadline-moving change and every uncached case page; Prisma's query
 * layer costs more than the read itself — docs/performance.md).
 */
export async function loadCalendar(client: Db | Tx): Promise<HolidayCalendar> {
  const rows = await client.$queryRaw<HolidayRow[]>`SELECT "date", "kind" FROM "Holiday"`;
  return buildCalendar(rows);
}
