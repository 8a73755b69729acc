import { formatDateTime, hasMessage, type Translate } from "@/lib/i18n";
import type { StaffCaseEvent } from "@/lib/data/staff-case";
import { eventLabel } from "@/components/petition/timeline";

const VISIBILITY_TONE = {
  PUBLIC: "border-emerald-300 bg-emerald-50 text-emerald-900",
  PETITIONER: "border-sky-300 bg-sky-50 text-sky-900",
  INTERNAL: "border-amber-500 bg-amber-100 text-amber-950",
} as const;

/**
 * The whole history for staff: every event with who may see it, in words. Internal records carry a visible
 * 内部 mark, so nobody mistakes them for what the petitioner or the public reads. Notes are rendered as text.
 */
export function StaffTimeline({ events, t }: { events: StaffCaseEvent[]; t: Translate }) {
  if (events.length === 0) return <p className="text-stone-600">{t("caseStaff.noEvents")}</p>;
  return (
    <ol className="space-y-4" data-testid="staff-timeline">
      {events.map((e) => {
        const d = e.details;
        const channelKey = `caseStaff.notAccept.channels.${d.properChannel ?? ""}`;
        const details = [
          d.toUnitName ? t("caseStaff.detail.toUnit", { unit: d.toUnitName }) : null,
          d.directToDiscipline ? t("caseStaff.detail.directToDiscipline") : null,
          d.assigneeName ? t("caseStaff.detail.assignee", { name: d.assigneeName }) : null,
          d.extensionDays ? t("caseStaff.detail.days", { days: d.extensionDays }) : null,
          d.outcome ? t("caseStaff.detail.outcome", { outcome: t(`enums.outcome.${d.outcome}`) }) : null,
          hasMessage(channelKey) ? t("caseStaff.detail.properChannel", { channel: t(channelKey) }) : null,
        ].filter((x): x is string => x !== null);
        const internal = e.visibility === "INTERNAL";
        const eventKey = `enums.event.${e.type}`;
        return (
          <li
            key={e.seq}
            data-event-type={e.type}
            data-visibility={e.visibility}
            className={`rounded-md border-l-4 p-3 ${internal ? "border-amber-500 bg-amber-50/60" : "border-stone-300 bg-white"}`}
          >
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              {internal ? (
                <span className="rounded bg-amber-600 px-1.5 py-0.5 text-xs font-bold text-white">
                  {t("caseStaff.internal")}
                </span>
              ) : null}
              <span className="font-semibold">{hasMessage(eventKey) ? eventLabel(e, e.detail, t) : e.type}</span>
              {e.toState ? <span className="text-sm text-stone-700">→ {t(`enums.state.${e.toState}`)}</span> : null}
              <time className="text-sm text-stone-600" dateTime={e.occurredAt.toISOString()}>
                {formatDateTime(e.occurredAt)}
              </time>
              {e.unit ? <span className="text-sm text-stone-600">{e.unit.name}</span> : null}
              <span className="text-sm text-stone-600">
                {t(`caseStaff.actor.${e.actorType}`, { name: e.actorName ?? "—" })}
              </span>
            </div>
            <p
              className={`mt-1 inline-block rounded border px-1.5 py-0.5 text-xs ${VISIBILITY_TONE[e.visibility]}`}
              data-testid="event-visibility"
            >
              {t(`caseStaff.visibility.${e.visibility}`)}
            </p>
            {details.length ? <p className="mt-1 text-sm text-stone-700">{details.join(" · ")}</p> : null}
            {e.note ? <p className="mt-1 whitespace-pre-wrap break-words text-stone-800">{e.note}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
