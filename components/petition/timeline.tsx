import { formatDateTime, type Translate } from "@/lib/i18n";
import type { PetitionState } from "@/lib/domain/petition-states";
import type { EventType } from "@/lib/domain/event-types";
import { publicEventDetail, type PublicEventDetail } from "@/lib/domain/public-event-detail";

export type TimelineEvent = {
  seq: number;
  type: string;
  occurredAt: Date;
  toState: PetitionState | null;
  note: string | null;
  unit: { name: string } | null;
  /** The event's stored data: only the few known fields of publicEventDetail are ever shown. */
  data?: string;
};

/**
 * An event's label, with the 督办 measure, the 包案 office or the passed deadline where it has one ("已督办 · 督办函",
 * "已逾期 · 办理期限（2026-05-06）"). The public, petitioner and staff timelines all label events with it.
 */
export function eventLabel(e: { type: string }, d: PublicEventDetail | null, t: Translate): string {
  const base = t(`enums.event.${e.type as EventType}`);
  switch (d?.kind) {
    case "supervised":
      return t("supervision.public.supervised", { measure: t(`supervision.measure.${d.measure}`) });
    case "charge":
      return t("supervision.public.charge", { title: d.title });
    case "overdue": {
      const deadline =
        d.stage === "feedback" ? t("supervision.public.feedbackDeadline") : t(`enums.deadline.${d.stage}`);
      return t("supervision.public.overdue", { deadline, date: d.dueDate });
    }
    case "chargeEnded":
      return `${base} · ${t(d.resolved ? "supervision.public.chargeResolved" : "supervision.public.chargeUnresolved")}`;
    default:
      return base;
  }
}

/** A case's history as an ordered list. Notes are rendered as text: React escapes them, nothing in them runs. */
export function Timeline({ events, t, emptyText }: { events: TimelineEvent[]; t: Translate; emptyText: string }) {
  if (events.length === 0) return <p className="text-stone-600">{emptyText}</p>;
  return (
    <ol className="relative space-y-4 border-l-2 border-stone-200 pl-5" data-testid="timeline">
      {events.map((e) => {
        const d = publicEventDetail(e.type, e.data);
        return (
          <li key={e.seq} className="relative" data-event-type={e.type}>
            <span
              className="absolute -left-[27px] top-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-600"
              aria-hidden="true"
            />
            <div className="flex flex-wrap items-baseline gap-x-3">
              <span className="font-semibold">{eventLabel(e, d, t)}</span>
              {e.toState ? <span className="text-sm text-stone-700">→ {t(`enums.state.${e.toState}`)}</span> : null}
              <time className="text-sm text-stone-600" dateTime={e.occurredAt.toISOString()}>
                {formatDateTime(e.occurredAt)}
              </time>
              {e.unit ? <span className="text-sm text-stone-600">{e.unit.name}</span> : null}
            </div>
            {d?.kind === "extension" && d.dueDate ? (
              <p className="mt-1 text-stone-800">
                {t("supervision.public.extensionApproved", { days: d.days, date: d.dueDate })}
              </p>
            ) : null}
            {e.note ? <p className="mt-1 whitespace-pre-wrap break-words text-stone-800">{e.note}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
