// Event payloads are written through their type's schema (lib/domain/event-types.ts EVENT_DATA): appendEvent
// refuses a payload that does not fit before anything is written, stores the canonical JSON of one that does,
// and what the app writes reads back through the same schemas.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendEvent, type NewEvent } from "@/lib/data/events";
import { EventDataError, readEventData } from "@/lib/domain/event-types";
import { fileOnline, makeReferenceData, type ReferenceData } from "./factories";

let ref: ReferenceData;
beforeAll(async () => {
  ref = await makeReferenceData();
});

const at = new Date("2026-03-03T02:00:00Z");
const head = (id: string) =>
  db.petition.findUniqueOrThrow({ where: { id }, select: { headHash: true, eventCount: true } });
const events = (id: string) =>
  db.petitionEvent.findMany({ where: { petitionId: id }, orderBy: { seq: "asc" }, select: { type: true, data: true } });

describe("appendEvent writes data through its type's schema", () => {
  it("refuses a payload that does not fit, and writes nothing", async () => {
    const c = await fileOnline(ref);
    const before = await head(c.id);
    const misfits = [
      { type: "ROUTED", actorType: "SYSTEM", occurredAt: at }, // toUnitId missing
      { type: "ASSIGNED", actorType: "SYSTEM", data: { assigneeId: 42 }, occurredAt: at },
      { type: "NOTE_INTERNAL", actorType: "SYSTEM", note: "备注", data: { phone: "13912345678" }, occurredAt: at },
    ] as unknown as NewEvent[];
    for (const e of misfits) {
      await expect(
        db.$transaction((tx) => appendEvent(tx, c.id, e)),
        e.type,
      ).rejects.toBeInstanceOf(EventDataError);
    }
    expect(await head(c.id)).toEqual(before);
    expect((await events(c.id)).map((e) => e.type)).toEqual(["SUBMITTED"]);
  });

  it("stores the canonical JSON of a payload that fits, and reads it back typed", async () => {
    const c = await fileOnline(ref);
    await db.$transaction((tx) =>
      appendEvent(tx, c.id, {
        type: "EXTENSION_REQUESTED",
        actorType: "SYSTEM",
        note: "需要现场核查",
        data: { extensionDays: 20 },
        occurredAt: at,
      }),
    );
    const [submitted, requested] = await events(c.id);
    expect(submitted!.data).toBe('{"channel":"ONLINE"}');
    expect(requested!.data).toBe('{"extensionDays":20}');
    expect(readEventData(requested!.type, requested!.data)).toEqual({
      type: "EXTENSION_REQUESTED",
      data: { extensionDays: 20 },
    });
  });
});
