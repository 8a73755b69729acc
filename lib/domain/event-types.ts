// Kinds of timeline events, who may see each (spec §4), and the shape of each one's `data`. The event's
// `note` is shown to that audience only, so a note that must stay internal is never attached to a PUBLIC event.
import { z } from "zod";
import { isCivilDate } from "./civil-date";
import { MAX_EXTENSION_DAYS } from "./deadlines";
import { CHANNELS, OUTCOMES, PROPER_CHANNELS } from "./petition-rules";
import { LAPSE_STAGES } from "./lapse-stages";

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
  SUPERVISED: "PUBLIC", // that supervision was issued, and its measure, is public; its message is an INTERNAL note
  SUPERVISION_ANSWERED: "INTERNAL", // the unit's written answer to an order
  SUPERVISION_OVERDUE: "INTERNAL", // an order's answer deadline passed unanswered (the deadline job)
  OVERDUE: "PUBLIC", // a deadline passed unmet (the deadline job): whether each deadline was met is public (spec §5)
  LEADER_TOOK_CHARGE: "PUBLIC", // 领导包案, with the office title only
  LEADER_CHARGE_ENDED: "PUBLIC",
  EVALUATED: "PUBLIC", // the ratings are public…
  EVALUATION_COMMENT: "INTERNAL", // …the comment is for staff
  EVALUATION_EXPIRED: "INTERNAL",
  REVIEW_REQUESTED: "PUBLIC",
  REVIEW_REASONS: "PETITIONER", // the petitioner's reasons for asking
  REVIEW_REPLIED: "PUBLIC",
  RECHECK_REQUESTED: "PUBLIC",
  RECHECK_REASONS: "PETITIONER",
  RECHECK_REPLIED: "PUBLIC",
  CLOSED: "PUBLIC",
  REPEAT_LINKED: "INTERNAL", // staff linked a new petition to a FINAL case on the same facts (条例第36条)
  IMPORTED: "INTERNAL", // the case came from the previous system (迁移历史数据): who imported it, from which file
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

// ---- Event payloads (documenso packages/lib/types/document-audit-logs.ts): one schema per event type. ----
// appendEvent (lib/data/events.ts) and the seed's chain builder write `data` through these, and every reader
// parses it through them. Schemas are strict, so a misspelt field is refused rather than hashed into the chain.
// The hash covers canonical JSON of exactly what was written: a change here must keep accepting every payload
// already in the chain (add optional fields; never rename or tighten).

const id = z.string().min(1).max(64);
/** An enum value stored as text (a proper channel, a satisfaction, a closing reason). */
const code = z.string().regex(/^[A-Za-z][A-Za-z_]{0,63}$/);
const civilDate = z.string().refine(isCivilDate);
const none = z.strictObject({});
const extensionDays = z.int().min(1).max(MAX_EXTENSION_DAYS); // 条例第34条

export const EVENT_DATA = {
  SUBMITTED: z.strictObject({ channel: z.enum(CHANNELS) }),
  REGISTERED: z.strictObject({ channel: z.enum(CHANNELS) }),
  /** `reason` marks a case routed on receipt to the discipline organ (authority.ts DIRECT_TO_DISCIPLINE). */
  ROUTED: z.strictObject({ toUnitId: id, reason: code.optional() }),
  RETURNED: z.strictObject({ fromUnitId: id.optional(), toUnitId: id }),
  ACCEPTED: none,
  NOT_ACCEPTED: z.strictObject({ properChannel: z.enum(PROPER_CHANNELS).optional() }),
  NOT_ACCEPTED_REASON: z.strictObject({ properChannel: z.enum(PROPER_CHANNELS).optional() }),
  ASSIGNED: z.strictObject({ assigneeId: id }),
  NOTE_INTERNAL: none,
  NOTE_PUBLIC: none,
  INFO_REQUESTED: none,
  SUPPLEMENTED: none,
  WITHDRAWN: none,
  WITHDRAWAL_REASON: none,
  EXTENSION_REQUESTED: z.strictObject({ extensionDays: extensionDays }),
  EXTENSION_APPROVED: z.strictObject({ extensionDays: extensionDays, handleDueDate: civilDate.optional() }),
  EXTENSION_REJECTED: z.strictObject({ extensionDays: extensionDays }),
  REPLIED: z.strictObject({ outcome: z.enum(OUTCOMES) }),
  PUBLISHED: none,
  /**
   * `measure` is the 督办 form: a SupervisionMeasure code (URGE, LETTER…; older records carry its Chinese name).
   * `orderId` names the SupervisionOrder; `escalatedFrom` the measure it replaced; `automatic` marks the 催办 the
   * deadline job opens when a handling deadline passes.
   */
  SUPERVISED: z.strictObject({
    measure: z.string().min(1).max(32),
    answerDueDate: civilDate,
    orderId: id.optional(),
    escalatedFrom: code.optional(),
    automatic: z.boolean().optional(),
  }),
  SUPERVISION_ANSWERED: z.strictObject({ orderId: id, measure: code, late: z.boolean() }),
  SUPERVISION_OVERDUE: z.strictObject({ orderId: id, measure: code, answerDueDate: civilDate }),
  OVERDUE: z.strictObject({ stage: z.enum(LAPSE_STAGES), dueDate: civilDate }),
  LEADER_TOOK_CHARGE: z.strictObject({ title: z.string().min(1).max(32), startDate: civilDate, targetDate: civilDate }),
  LEADER_CHARGE_ENDED: z.strictObject({ resolved: z.boolean() }),
  /** `satisfaction` alone: older records (one rating); now `unit` and `bureau` (满意 / 基本满意 / 不满意 codes). */
  EVALUATED: z.strictObject({ satisfaction: code.optional(), unit: code.optional(), bureau: code.optional() }),
  EVALUATION_COMMENT: none,
  EVALUATION_EXPIRED: none,
  REVIEW_REQUESTED: z.strictObject({ toUnitId: id }),
  REVIEW_REASONS: none,
  REVIEW_REPLIED: z.strictObject({ upheld: z.boolean(), outcome: z.enum(OUTCOMES).optional() }),
  RECHECK_REQUESTED: z.strictObject({ toUnitId: id }),
  RECHECK_REASONS: none,
  RECHECK_REPLIED: z.strictObject({ upheld: z.boolean(), outcome: z.enum(OUTCOMES).optional() }),
  CLOSED: z.strictObject({ reason: code }),
  REPEAT_LINKED: z.strictObject({ ofPetitionId: id, ofTrackingNo: z.string().min(1).max(32) }),
  /** The import's batch (one file), the case's line in it, and the file's SHA-256 (lib/data/case-import.ts). */
  IMPORTED: z.strictObject({ batchId: id, line: z.int().min(2), fileSha256: z.string().regex(/^[0-9a-f]{64}$/) }),
} as const satisfies { [T in EventType]: z.ZodType<Record<string, unknown>> };

/** What an event of type T carries in `data`. */
export type EventData<T extends EventType = EventType> = z.output<(typeof EVENT_DATA)[T]>;

/** An event's type with its data, narrowed together: `switch (e.type)` types `e.data`. */
export type TypedEventData = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];

/** A payload that does not fit its type's schema: a bug in the writer, never the user's input. */
export class EventDataError extends Error {
  override name = "EventDataError"; // the kind is what an action's log shows (lib/actions/form-state.ts)
  constructor(readonly type: string) {
    super(`event data does not fit ${type}`);
  }
}

function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_VISIBILITY, type);
}

/** The payload to write for an event, checked against its type's schema; throws EventDataError (naming the type only). */
export function eventDataFor<T extends EventType>(type: T, data: unknown): EventData<T> {
  const parsed = EVENT_DATA[type].safeParse(data ?? {});
  if (!parsed.success) throw new EventDataError(type);
  return parsed.data as EventData<T>;
}

/** An event's stored `data` (canonical JSON) read through its type's schema; null when it does not fit. */
export function readEventData(type: string, json: string): TypedEventData | null {
  if (!isEventType(type)) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = EVENT_DATA[type].safeParse(value);
  return parsed.success ? ({ type, data: parsed.data } as TypedEventData) : null;
}
