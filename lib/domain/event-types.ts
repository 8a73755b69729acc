// Kinds of timeline events and who may see each (spec §4). The event's `note` is shown to that audience
// only, so a note that must stay internal is never attached to a PUBLIC event.

export type Visibility = "PUBLIC" | "PETITIONER" | "INTERNAL";

export const EVENT_VISIBILITY = {
  SUBMITTED: "PUBLIC", // 网上提交
  REGISTERED: "PUBLIC", // 来信/来访/来电登记
  ROUTED: "PUBLIC", // 转送/交办 (the unit is public, the routing note is internal: a second INTERNAL event if any)
  RETURNED: "PUBLIC", // 退回
  ACCEPTED: "PUBLIC",
  NOT_ACCEPTED: "PUBLIC", // the decision is public…
  NOT_ACCEPTED_REASON: "PETITIONER", // …its reason and the proper channel go to the petitioner
  ASSIGNED: "INTERNAL",
  NOTE_INTERNAL: "INTERNAL",
  NOTE_PUBLIC: "PUBLIC",
  INFO_REQUESTED: "PETITIONER",
  SUPPLEMENTED: "PETITIONER",
  WITHDRAWN: "PUBLIC",
  WITHDRAWAL_REASON: "PETITIONER", // the reason stays between the petitioner and staff
  EXTENSION_REQUESTED: "INTERNAL",
  EXTENSION_APPROVED: "PETITIONER", // 条例第34条: the reason is told to the petitioner
  EXTENSION_REJECTED: "INTERNAL",
  REPLIED: "PUBLIC",
  PUBLISHED: "PUBLIC",
  SUPERVISED: "PUBLIC", // that supervision was issued is public; its content is internal
  EVALUATED: "PUBLIC",
  REVIEW_REQUESTED: "PUBLIC",
  REVIEW_REPLIED: "PUBLIC",
  RECHECK_REQUESTED: "PUBLIC",
  RECHECK_REPLIED: "PUBLIC",
  CLOSED: "PUBLIC",
} as const satisfies Record<string, Visibility>;

export type EventType = keyof typeof EVENT_VISIBILITY;

export const EVENT_TYPES = Object.keys(EVENT_VISIBILITY) as EventType[];

/** Which audiences may see an event of a given visibility. */
export function visibleTo(visibility: Visibility, audience: "public" | "petitioner" | "staff"): boolean {
  if (audience === "staff") return true;
  if (audience === "petitioner") return visibility !== "INTERNAL";
  return visibility === "PUBLIC";
}

export function visibilitiesFor(audience: "public" | "petitioner" | "staff"): Visibility[] {
  return (["PUBLIC", "PETITIONER", "INTERNAL"] as const).filter((v) => visibleTo(v, audience));
}
