import "server-only";
import { db } from "@/lib/db";
import { caseDeadlines, type CaseDates } from "@/lib/domain/case-deadlines";
import { loadCalendar } from "./calendar";

/** Deadlines of a case with explanations, against the holiday calendar. */
export async function deadlinesOf(c: CaseDates, at: Date) {
  return caseDeadlines(c, await loadCalendar(db), at);
}
