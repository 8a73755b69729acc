import type { CaseDeadline } from "@/lib/domain/case-deadlines";
import { formatDate, type Translate } from "@/lib/i18n";
import { deadlineStatusText, explainDeadline } from "@/lib/i18n/deadline-text";

const TONE = {
  met: "text-emerald-800",
  missed: "text-red-800",
  open: "text-stone-800",
  overdue: "text-red-800 font-semibold",
  stopped: "text-stone-600",
} as const;

/** Each deadline: its date, whether it was met (in words, not colour alone), and how it was computed. */
export function DeadlineList({ deadlines, t }: { deadlines: CaseDeadline[]; t: Translate }) {
  if (deadlines.length === 0) return <p className="text-stone-600">{t("deadline.notApplicable")}</p>;
  return (
    <dl className="space-y-3" data-testid="deadlines">
      {deadlines.map((d) => (
        <div key={d.kind} className="rounded border border-stone-200 p-3">
          <dt className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="font-medium">{t(`enums.deadline.${d.kind}`)}</span>
            <span className={TONE[d.status.kind]}>
              {formatDate(d.dueAt)} · {deadlineStatusText(t, d.status)}
            </span>
          </dt>
          <dd className="mt-1 text-sm text-stone-600">{explainDeadline(t, d.explanation)}</dd>
        </div>
      ))}
    </dl>
  );
}
