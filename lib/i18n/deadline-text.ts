import type { DeadlineExplanation, DeadlineStatus } from "@/lib/domain/deadlines";
import type { Translate } from "./index";

/** "受理 2026-03-02 + 60 日 = 2026-05-01，遇法定节假日顺延至 2026-05-06，延期 15 日至 2026-05-21" */
export function explainDeadline(t: Translate, e: DeadlineExplanation): string {
  let text = t("deadline.explain", {
    start: t(`enums.deadlineStart.${e.kind}`),
    startDate: e.startDate,
    days: e.days,
    unit: t(e.unit === "working" ? "deadline.workingDays" : "deadline.calendarDays"),
    rawDate: e.rawDate,
  });
  if (e.rolledTo) text += t("deadline.rolled", { date: e.rolledTo });
  if (e.extensionDays > 0 && e.extendedRawDate) {
    text += t("deadline.extended", { days: e.extensionDays, date: e.extendedRawDate });
    if (e.extendedRolledTo) text += t("deadline.extendedRolled", { date: e.extendedRolledTo });
  }
  return text;
}

export function deadlineStatusText(t: Translate, s: DeadlineStatus | { kind: "stopped" }): string {
  switch (s.kind) {
    case "stopped":
      return t("deadline.stopped");
    case "met":
      return s.daysEarly > 0 ? t("deadline.met", { days: s.daysEarly }) : t("deadline.metSameDay");
    case "missed":
      return t("deadline.missed", { days: s.daysLate });
    case "open":
      return s.daysLeft === 0 ? t("deadline.dueToday") : t("deadline.open", { days: s.daysLeft });
    case "overdue":
      return t("deadline.overdue", { days: s.daysOverdue });
  }
}
