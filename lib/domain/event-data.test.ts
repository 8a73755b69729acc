import { describe, expect, it } from "vitest";
import { canonicalJson } from "./chain";
import { EVENT_DATA, EVENT_TYPES, EventDataError, eventDataFor, readEventData, type EventType } from "./event-types";

// One schema per event type: what the app (lib/data) and the demo seed (prisma/seed) write must pass, and
// pass unchanged — the chain hashes canonical JSON of the payload, so a schema that rewrote it would break
// every stored chain. Junk is refused.

/** Every payload shape the code writes today, per type (lib/data/*, prisma/seed/lifecycle.ts). */
const WRITTEN: Record<EventType, Record<string, unknown>[]> = {
  SUBMITTED: [{ channel: "ONLINE" }],
  REGISTERED: [{ channel: "LETTER" }, { channel: "HIGHER_ASSIGN" }],
  ROUTED: [{ toUnitId: "unit_a" }, { toUnitId: "unit_jw", reason: "accusedBureauOrGovernment" }],
  RETURNED: [{ fromUnitId: "unit_a", toUnitId: "unit_bureau" }, { toUnitId: "unit_bureau" }],
  ACCEPTED: [{}],
  NOT_ACCEPTED: [{ properChannel: "LITIGATION" }, {}],
  NOT_ACCEPTED_REASON: [{ properChannel: "OTHER" }, {}],
  ASSIGNED: [{ assigneeId: "u_handler" }],
  NOTE_INTERNAL: [{}],
  NOTE_PUBLIC: [{}],
  INFO_REQUESTED: [{}],
  SUPPLEMENTED: [{}],
  WITHDRAWN: [{}],
  WITHDRAWAL_REASON: [{}],
  EXTENSION_REQUESTED: [{ extensionDays: 30 }, { extensionDays: 1 }],
  EXTENSION_APPROVED: [{ extensionDays: 15, handleDueDate: "2026-05-20" }, { extensionDays: 15 }],
  EXTENSION_REJECTED: [{ extensionDays: 10 }],
  REPLIED: [{ outcome: "SUPPORT" }, { outcome: "PARTIAL_ADOPT" }],
  PUBLISHED: [{}],
  SUPERVISED: [
    { measure: "督办函", answerDueDate: "2026-04-09" },
    { measure: "LETTER", answerDueDate: "2026-04-09", orderId: "order_1" },
    { measure: "URGE", answerDueDate: "2026-04-09", orderId: "order_2", automatic: true },
    { measure: "INTERVIEW", answerDueDate: "2026-04-09", orderId: "order_3", escalatedFrom: "LETTER" },
  ],
  SUPERVISION_ANSWERED: [{ orderId: "order_1", measure: "LETTER", late: false }],
  SUPERVISION_OVERDUE: [{ orderId: "order_1", measure: "URGE", answerDueDate: "2026-04-09" }],
  OVERDUE: [
    { stage: "handle", dueDate: "2026-05-06" },
    { stage: "feedback", dueDate: "2026-05-06" },
  ],
  LEADER_TOOK_CHARGE: [{ title: "副县长", startDate: "2026-03-02", targetDate: "2026-06-30" }],
  LEADER_CHARGE_ENDED: [{ resolved: true }, { resolved: false }],
  EVALUATED: [{ satisfaction: "BASIC" }, { unit: "UNSATISFIED", bureau: "SATISFIED" }, { unit: "SATISFIED" }],
  EVALUATION_COMMENT: [{}],
  EVALUATION_EXPIRED: [{}],
  REVIEW_REQUESTED: [{ toUnitId: "unit_gov" }],
  REVIEW_REASONS: [{}],
  REVIEW_REPLIED: [{ upheld: false }, { upheld: true, outcome: "EXPLAIN" }],
  RECHECK_REQUESTED: [{ toUnitId: "unit_gov" }],
  RECHECK_REASONS: [{}],
  RECHECK_REPLIED: [{ upheld: true }, { upheld: false, outcome: "SUPPORT" }],
  CLOSED: [{ reason: "PETITIONER_SATISFIED" }, { reason: "REVIEW_WINDOW_PASSED" }, { reason: "RECHECK_WINDOW_PASSED" }],
  REPEAT_LINKED: [{ ofPetitionId: "case_1", ofTrackingNo: "XF2026000123" }],
  IMPORTED: [{ batchId: "batch_1", line: 2, fileSha256: "0".repeat(64) }],
};

/** Per type, payloads that must be refused: a missing or mistyped field, a value outside its set. */
const JUNK: Partial<Record<EventType, unknown[]>> = {
  SUBMITTED: [{}, { channel: "CARRIER_PIGEON" }, { channel: 1 }],
  ROUTED: [{}, { toUnitId: "" }, { toUnitId: 7 }, { toUnitId: "u", reason: "no spaces allowed" }],
  ASSIGNED: [{}, { assigneeId: null }],
  EXTENSION_REQUESTED: [
    {},
    { extensionDays: 0 },
    { extensionDays: 31 },
    { extensionDays: 2.5 },
    { extensionDays: "10" },
  ],
  EXTENSION_APPROVED: [
    { extensionDays: 10, handleDueDate: "2026-02-30" },
    { extensionDays: 10, handleDueDate: "20.5.2026" },
  ],
  REPLIED: [{}, { outcome: "MAYBE" }],
  SUPERVISED: [{ measure: "督办函" }, { measure: "", answerDueDate: "2026-04-09" }],
  REVIEW_REPLIED: [{}, { upheld: "yes" }],
  CLOSED: [{}, { reason: "" }],
  IMPORTED: [
    {},
    { batchId: "b", line: 1, fileSha256: "0".repeat(64) },
    { batchId: "b", line: 2, fileSha256: "not-a-sha" },
    { batchId: "b", line: 2.5, fileSha256: "0".repeat(64) },
  ],
  OVERDUE: [{}, { stage: "lunch", dueDate: "2026-05-06" }, { stage: "handle" }],
  SUPERVISION_ANSWERED: [
    { orderId: "o", measure: "LETTER" },
    { orderId: "o", measure: "LETTER", late: "no" },
  ],
  LEADER_TOOK_CHARGE: [{ title: "", startDate: "2026-03-02", targetDate: "2026-06-30" }],
  EVALUATED: [{ unit: "very happy" }],
};

describe("EVENT_DATA: one schema per event type", () => {
  it("covers every event type, and nothing else", () => {
    expect(Object.keys(EVENT_DATA).sort()).toEqual([...EVENT_TYPES].sort());
  });

  for (const type of EVENT_TYPES) {
    it(`${type}: accepts what the code writes, without changing its canonical JSON`, () => {
      for (const data of WRITTEN[type]) {
        expect(canonicalJson(eventDataFor(type, data)), JSON.stringify(data)).toBe(canonicalJson(data));
      }
    });

    it(`${type}: refuses an unknown field and a non-object`, () => {
      const base = WRITTEN[type][0]!;
      expect(() => eventDataFor(type, { ...base, name: "张三" })).toThrow(EventDataError);
      for (const junk of [[], "x", 3, true])
        expect(() => eventDataFor(type, junk), JSON.stringify(junk)).toThrow(EventDataError);
    });
  }

  for (const [type, junks] of Object.entries(JUNK) as [EventType, unknown[]][]) {
    it(`${type}: refuses missing and mistyped fields`, () => {
      for (const junk of junks) expect(() => eventDataFor(type, junk), JSON.stringify(junk)).toThrow(EventDataError);
    });
  }

  it("treats absent data as the empty payload: fine where nothing is required, refused where something is", () => {
    expect(eventDataFor("ACCEPTED", undefined)).toEqual({});
    expect(() => eventDataFor("ROUTED", undefined)).toThrow(EventDataError);
  });

  it("names only the event type in its error, never the payload (it could hold personal data)", () => {
    try {
      eventDataFor("NOTE_INTERNAL", { phone: "13912345678" });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe("event data does not fit NOTE_INTERNAL");
      expect(String(e)).not.toContain("1391");
    }
  });
});

describe("readEventData: the stored JSON read through its type's schema", () => {
  it("gives back each written payload with its type", () => {
    for (const type of EVENT_TYPES) {
      for (const data of WRITTEN[type]) expect(readEventData(type, canonicalJson(data))).toEqual({ type, data });
    }
  });

  it("narrows data by type", () => {
    const e = readEventData("EXTENSION_REQUESTED", '{"extensionDays":12}');
    expect(e?.type === "EXTENSION_REQUESTED" ? e.data.extensionDays : null).toBe(12);
  });

  it("is null for an unknown type, broken JSON, or a payload that does not fit", () => {
    expect(readEventData("TELEPORTED", "{}")).toBeNull();
    expect(readEventData("ROUTED", "{not json")).toBeNull();
    expect(readEventData("ROUTED", "null")).toBeNull();
    expect(readEventData("ROUTED", '{"toUnitId":1}')).toBeNull();
    expect(readEventData("ACCEPTED", '{"extra":true}')).toBeNull();
  });
});
