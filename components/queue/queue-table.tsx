import Link from "next/link";
import type { DeadlineStatus } from "@/lib/domain/deadlines";
import { isDueSoon } from "@/lib/domain/deadlines";
import type { PetitionState } from "@/lib/domain/petition-states";
import { StateBadge } from "@/components/petition/state-badge";

export type QueueTableRow = {
  id: string;
  trackingNo: string;
  title: string;
  category: string;
  channel: string;
  deadline: DeadlineStatus | null;
  deadlineText: string;
  assignee: string | null;
  state: PetitionState;
  stateLabel: string;
};

export type QueueTableText = {
  caption: string;
  empty: string;
  unassigned: string;
  columns: {
    trackingNo: string;
    title: string;
    category: string;
    channel: string;
    deadline: string;
    assignee: string;
    state: string;
  };
};

/** Overdue red and bold, due within 3 days amber; the words ("已逾期 5 日") carry the meaning, the colour only helps. */
function deadlineTone(d: DeadlineStatus | null): string {
  if (!d) return "text-stone-500";
  if (d.kind === "overdue") return "font-semibold text-red-800";
  if (isDueSoon(d)) return "font-semibold text-amber-800";
  return "text-stone-800";
}

export function QueueTable({ rows, text }: { rows: readonly QueueTableRow[]; text: QueueTableText }) {
  const th = "border-b-2 border-stone-300 px-3 py-2 font-semibold";
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table className="w-full border-collapse text-left text-sm" data-testid="queue-table">
        <caption className="px-3 py-2 text-left text-base text-stone-700">{text.caption}</caption>
        <thead className="bg-stone-50">
          <tr>
            <th scope="col" className={th}>
              {text.columns.trackingNo}
            </th>
            <th scope="col" className={th}>
              {text.columns.title}
            </th>
            <th scope="col" className={th}>
              {text.columns.category}
            </th>
            <th scope="col" className={th}>
              {text.columns.channel}
            </th>
            <th scope="col" className={th}>
              {text.columns.deadline}
            </th>
            <th scope="col" className={th}>
              {text.columns.assignee}
            </th>
            <th scope="col" className={th}>
              {text.columns.state}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={7} className="px-3 py-6 text-center text-stone-600">
                {text.empty}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr
                key={r.id}
                className="border-b border-stone-200 align-top hover:bg-stone-50"
                data-testid="queue-row"
                data-tracking-no={r.trackingNo}
              >
                <th scope="row" className="whitespace-nowrap px-3 py-2 font-mono font-normal">
                  <Link href={`/staff/cases/${encodeURIComponent(r.id)}`} className="text-blue-800 underline">
                    {r.trackingNo}
                  </Link>
                </th>
                <td className="max-w-md px-3 py-2 break-words">{r.title}</td>
                <td className="whitespace-nowrap px-3 py-2">{r.category}</td>
                <td className="whitespace-nowrap px-3 py-2">{r.channel}</td>
                <td className={`whitespace-nowrap px-3 py-2 ${deadlineTone(r.deadline)}`} data-testid="queue-deadline">
                  {r.deadlineText}
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  {r.assignee ?? <span className="text-stone-600">{text.unassigned}</span>}
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <StateBadge state={r.state} label={r.stateLabel} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
