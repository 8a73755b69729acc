// China's official holiday schedules (国务院办公厅关于部分节假日安排的通知): days off (OFF) and the
// weekends made working days (调休 WORKDAY). Admins keep this table in the app; these are the defaults.
// 2024–2026 follow the published notices; 2027 is an ESTIMATE made from the lunar calendar and the
// 2025 rules (春节 4 days, 劳动节 2 days) until the notice for 2027 is published — admins correct it then.
import { addCivilDays, type CivilDate } from "../../lib/domain/civil-date";
import type { HolidayRow } from "../../lib/domain/deadlines";

export type HolidayDef = HolidayRow & { name: string };

type Schedule = { name: string; off: [CivilDate, CivilDate]; work?: CivilDate[] };

const SCHEDULES: readonly Schedule[] = [
  // 2024 (国办发明电〔2023〕7号)
  { name: "元旦", off: ["2024-01-01", "2024-01-01"] },
  { name: "春节", off: ["2024-02-10", "2024-02-17"], work: ["2024-02-04", "2024-02-18"] },
  { name: "清明节", off: ["2024-04-04", "2024-04-06"], work: ["2024-04-07"] },
  { name: "劳动节", off: ["2024-05-01", "2024-05-05"], work: ["2024-04-28", "2024-05-11"] },
  { name: "端午节", off: ["2024-06-10", "2024-06-10"] },
  { name: "中秋节", off: ["2024-09-15", "2024-09-17"], work: ["2024-09-14"] },
  { name: "国庆节", off: ["2024-10-01", "2024-10-07"], work: ["2024-09-29", "2024-10-12"] },
  // 2025 (国办发明电〔2024〕12号)
  { name: "元旦", off: ["2025-01-01", "2025-01-01"] },
  { name: "春节", off: ["2025-01-28", "2025-02-04"], work: ["2025-01-26", "2025-02-08"] },
  { name: "清明节", off: ["2025-04-04", "2025-04-06"] },
  { name: "劳动节", off: ["2025-05-01", "2025-05-05"], work: ["2025-04-27"] },
  { name: "端午节", off: ["2025-05-31", "2025-06-02"] },
  { name: "国庆节、中秋节", off: ["2025-10-01", "2025-10-08"], work: ["2025-09-28", "2025-10-11"] },
  // 2026 (国办发明电〔2025〕7号)
  { name: "元旦", off: ["2026-01-01", "2026-01-03"], work: ["2026-01-04"] },
  { name: "春节", off: ["2026-02-15", "2026-02-23"], work: ["2026-02-14", "2026-02-28"] },
  { name: "清明节", off: ["2026-04-04", "2026-04-06"] },
  { name: "劳动节", off: ["2026-05-01", "2026-05-05"], work: ["2026-05-09"] },
  { name: "端午节", off: ["2026-06-19", "2026-06-21"] },
  { name: "中秋节", off: ["2026-09-25", "2026-09-27"] },
  { name: "国庆节", off: ["2026-10-01", "2026-10-07"], work: ["2026-09-20", "2026-10-10"] },
  // 2027 (estimate; see above)
  { name: "元旦", off: ["2027-01-01", "2027-01-03"] },
  { name: "春节", off: ["2027-02-05", "2027-02-12"], work: ["2027-01-31", "2027-02-20"] },
  { name: "清明节", off: ["2027-04-03", "2027-04-05"] },
  { name: "劳动节", off: ["2027-05-01", "2027-05-05"], work: ["2027-05-08"] },
  { name: "端午节", off: ["2027-06-09", "2027-06-09"] },
  { name: "中秋节", off: ["2027-09-15", "2027-09-15"] },
  { name: "国庆节", off: ["2027-10-01", "2027-10-07"], work: ["2027-09-26", "2027-10-09"] },
];

function expand(schedules: readonly Schedule[]): HolidayDef[] {
  const rows: HolidayDef[] = [];
  for (const s of schedules) {
    for (let d = s.off[0]; d <= s.off[1]; d = addCivilDays(d, 1)) rows.push({ date: d, kind: "OFF", name: s.name });
    for (const d of s.work ?? []) rows.push({ date: d, kind: "WORKDAY", name: `${s.name}调休上班` });
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Every holiday row, sorted by date. Pass to buildCalendar() from lib/domain/deadlines.ts. */
export const HOLIDAYS: readonly HolidayDef[] = expand(SCHEDULES);
