// What the public and petitioner timelines may say about an event beyond its type: a few known fields of its
// data, read through the type's schema (readEventData) and nothing else — the 督办 measure (never its message), the
// 包案 office (never a person), the result of a 包案, an approved extension's days and new due date, and which deadline
// passed unmet (an OVERDUE's stage and due date).
import { isLeaderTitle } from "./charge-rule";
import type { LapseStage } from "./lapse-stages";
import { readEventData } from "./event-types";
import { isSupervisionMeasure, type SupervisionMeasure } from "./supervision";

/** Older SUPERVISED records carry the measure's Chinese name instead of its code. */
const LEGACY_MEASURE_NAMES: Readonly<Record<string, SupervisionMeasure>> = {
  催办: "URGE",
  督办函: "LETTER",
  约谈: "INTERVIEW",
  通报: "NOTICE",
  挂牌督办: "LISTED",
};

/** A stored measure as a code: the code itself, or the code of an older record's Chinese name; else null. */
export function measureCode(value: string): SupervisionMeasure | null {
  if (isSupervisionMeasure(value)) return value;
  return LEGACY_MEASURE_NAMES[value] ?? null;
}

export type PublicEventDetail =
  | { kind: "supervised"; measure: SupervisionMeasure }
  | { kind: "charge"; title: string }
  | { kind: "chargeEnded"; resolved: boolean }
  | { kind: "extension"; days: number; dueDate: string | null }
  | { kind: "overdue"; stage: LapseStage; dueDate: string };

/** The detail to show beside an event's label, or null (unknown type, data that does not fit, nothing to add). */
export function publicEventDetail(type: string, json: string | undefined): PublicEventDetail | null {
  if (json === undefined) return null;
  const e = readEventData(type, json);
  if (!e) return null;
  switch (e.type) {
    case "SUPERVISED": {
      const measure = measureCode(e.data.measure);
      return measure ? { kind: "supervised", measure } : null;
    }
    case "LEADER_TOOK_CHARGE":
      // Only an office of the fixed list: whatever else the field might hold is never shown.
      return isLeaderTitle(e.data.title) ? { kind: "charge", title: e.data.title } : null;
    case "LEADER_CHARGE_ENDED":
      return { kind: "chargeEnded", resolved: e.data.resolved };
    case "OVERDUE":
      return { kind: "overdue", stage: e.data.stage, dueDate: e.data.dueDate };
    case "EXTENSION_APPROVED":
      return { kind: "extension", days: e.data.extensionDays, dueDate: e.data.handleDueDate ?? null };
    default:
      return null;
  }
}
