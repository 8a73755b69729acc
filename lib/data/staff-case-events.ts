import "server-only";
import { db } from "@/lib/db";
import { DIRECT_TO_DISCIPLINE } from "@/lib/domain/authority";
import { readEventData, type TypedEventData } from "@/lib/domain/event-types";
import type { Outcome } from "@/lib/domain/petition-rules";
import { publicEventDetail, type PublicEventDetail } from "@/lib/domain/public-event-detail";

// The staff timeline's reading of event payloads: each event's `data` parsed through its type's schema
// (lib/domain/event-types.ts), and the ids it carries turned into names.

/** The few fields of the event's data the timeline explains (a unit, a handler, days, an outcome). */
type StaffEventDetails = {
  toUnitName?: string;
  assigneeName?: string;
  extensionDays?: number;
  outcome?: Outcome;
  properChannel?: string;
  /** Routed on receipt to the discipline organ: the bureau or the government is accused (条例第46条). */
  directToDiscipline?: boolean;
};

type StoredEvent = { type: string; data: string; actor: { displayName: string } | null };

export type ExplainedEvent<E extends StoredEvent> = Omit<E, "data" | "actor"> & {
  actorName: string | null;
  details: StaffEventDetails;
  /** What every timeline adds to the label (the 督办 measure, the 包案 office, the passed deadline). */
  detail: PublicEventDetail | null;
};

const toUnitIdOf = (e: TypedEventData | null) => (e && "toUnitId" in e.data ? e.data.toUnitId : undefined);
const assigneeIdOf = (e: TypedEventData | null) => (e?.type === "ASSIGNED" ? e.data.assigneeId : undefined);

function detailsOf(e: TypedEventData | null, unitName: Map<string, string>, userName: Map<string, string>): StaffEventDetails {
  if (!e) return {}; // a payload that does not fit its schema explains nothing (the chain check reports tampering)
  const toUnitId = toUnitIdOf(e);
  const assigneeId = assigneeIdOf(e);
  return {
    toUnitName: toUnitId === undefined ? undefined : unitName.get(toUnitId),
    assigneeName: assigneeId === undefined ? undefined : userName.get(assigneeId),
    extensionDays: "extensionDays" in e.data ? e.data.extensionDays : undefined,
    outcome:
      e.type === "REPLIED" || e.type === "REVIEW_REPLIED" || e.type === "RECHECK_REPLIED" ? e.data.outcome : undefined,
    properChannel: "properChannel" in e.data ? e.data.properChannel : undefined,
    directToDiscipline: e.type === "ROUTED" && e.data.reason === DIRECT_TO_DISCIPLINE ? true : undefined,
  };
}

/** The case's events with their payloads explained for staff; the raw `data` does not leave this module. */
export async function explainStaffEvents<E extends StoredEvent>(events: readonly E[]): Promise<ExplainedEvent<E>[]> {
  const typed = events.map((e) => readEventData(e.type, e.data));
  const unitIds = new Set(typed.map(toUnitIdOf).filter((v): v is string => !!v));
  const userIds = new Set(typed.map(assigneeIdOf).filter((v): v is string => !!v));
  const [units, users] = await Promise.all([
    unitIds.size ? db.unit.findMany({ where: { id: { in: [...unitIds] } }, select: { id: true, name: true } }) : [],
    userIds.size ? db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, displayName: true } }) : [],
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  return events.map(({ data, actor, ...e }, i) => ({
    ...e,
    actorName: actor?.displayName ?? null,
    details: detailsOf(typed[i] ?? null, unitName, userName),
    detail: publicEventDetail(e.type, data),
  }));
}
