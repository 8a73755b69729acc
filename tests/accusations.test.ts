// 检举控告 on the real database (条例第46条, spec §5): an accusation is never handled, seen or counted by the
// unit it accuses; one against the bureau or the county government starts at the discipline organ; it never
// carries a public progress note; and only an accusation may name an accused unit.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { NewPetition } from "@/lib/data/petitions";
import { registerPetition } from "@/lib/data/register";
import * as A from "@/lib/data/staff-case-actions";
import { findStaffCase, viewerSeesCase } from "@/lib/data/staff-case";
import { countQueueTabs, findQueue } from "@/lib/data/queue";
import { findPublicCase } from "@/lib/data/public-cases";
import { verifyCaseChain } from "@/lib/data/chain";
import { appendEvent } from "@/lib/data/events";
import { ForbiddenError, InvalidReferenceError, RuleError } from "@/lib/data/errors";
import { loadCalendar } from "@/lib/data/calendar";
import { acceptDeadline, returnDeadline } from "@/lib/domain/deadlines";
import { DIRECT_TO_DISCIPLINE, type StaffViewer, type UnitRef } from "@/lib/domain/authority";
import { QUEUE_TABS } from "@/lib/domain/queue";
import { filePetition, makeReferenceData, PERSON, staff, unitRef } from "./factories";

const TAG = `检举测试${randomUUID().slice(0, 6)}`;
const RECEIVED = new Date("2026-03-02T02:00:00Z"); // Monday 10:00 Shanghai

let ref: Awaited<ReturnType<typeof makeReferenceData>>;
let gov: UnitRef; // the county government above the discipline organ
let discipline: UnitRef;
let bureau: UnitRef;
let v: Record<
  "govSupervisor" | "bureauHandler" | "bureauSupervisor" | "jwHandler" | "deptHandler" | "townHandler",
  StaffViewer
>;

beforeAll(async () => {
  ref = await makeReferenceData();
  bureau = unitRef(ref.bureau);
  // createPetition sends to the first active discipline organ by path: use it if another file made one.
  const existing = await db.unit.findFirst({ where: { kind: "DISCIPLINE", active: true }, orderBy: { path: "asc" } });
  if (existing?.parentId) {
    discipline = unitRef(existing);
    gov = unitRef(await db.unit.findUniqueOrThrow({ where: { id: existing.parentId } }));
  } else {
    gov = unitRef(await db.unit.findUniqueOrThrow({ where: { id: ref.department.parentId! } }));
    const id = `jw-${TAG}`;
    discipline = unitRef(
      await db.unit.create({
        data: {
          id,
          code: id,
          name: `纪委监委-${TAG}`,
          kind: "DISCIPLINE",
          parentId: gov.id,
          path: `${gov.path}${id}/`,
        },
      }),
    );
  }
  v = {
    govSupervisor: await staff("supervisor", gov, { name: "gs" }),
    bureauHandler: await staff("handler", bureau, { name: "bh" }),
    bureauSupervisor: await staff("supervisor", bureau, { name: "bs" }),
    jwHandler: await staff("handler", discipline, { name: "jh" }),
    deptHandler: await staff("handler", unitRef(ref.department), { name: "dh" }),
    townHandler: await staff("handler", unitRef(ref.otherTownship), { name: "th" }),
  };
});

function input(over: Partial<NewPetition> = {}): NewPetition {
  return {
    channel: "ONLINE",
    categoryId: ref.categories.accusation.id,
    placeId: ref.township.id,
    title: `${TAG} 检举某单位工作人员`,
    content: "检举某单位工作人员在办理业务时收受好处费，请依法查处。具体情况如下。",
    address: PERSON.address,
    petitionerName: PERSON.name,
    petitionerPhone: PERSON.phone,
    consentPublic: true,
    receivedAt: RECEIVED,
    ...over,
  };
}

const file = (over: Partial<NewPetition> = {}) => filePetition(input(over));
const mine = { title: { startsWith: TAG } };

describe("an accusation against the bureau or the county government (条例第46条)", () => {
  it("filed online against the bureau, starts at the discipline organ as if routed on receipt", async () => {
    const c = await file({ accusedUnitId: bureau.id });
    const row = await db.petition.findUniqueOrThrow({
      where: { id: c.id },
      include: { events: { orderBy: { seq: "asc" } } },
    });
    const cal = await loadCalendar(db);
    expect(row).toMatchObject({
      state: "SUBMITTED",
      currentUnitId: discipline.id,
      accusedUnitId: bureau.id,
      arrivedAtUnitAt: RECEIVED,
      acceptDueAt: acceptDeadline(RECEIVED, cal).dueAt,
      returnDueAt: returnDeadline(RECEIVED, cal).dueAt,
      currentDueAt: acceptDeadline(RECEIVED, cal).dueAt, // the discipline organ's acceptance clock runs
    });
    expect(row.events.map((e) => [e.type, e.visibility, e.actorType, e.unitId, JSON.parse(e.data)])).toEqual([
      ["SUBMITTED", "PUBLIC", "PETITIONER", bureau.id, { channel: "ONLINE" }],
      ["ROUTED", "PUBLIC", "SYSTEM", discipline.id, { reason: DIRECT_TO_DISCIPLINE, toUnitId: discipline.id }],
    ]);
    expect(await verifyCaseChain(c.trackingNo)).toMatchObject({ ok: true, length: 2 });
    // The public page shows the routing, never the accusation's title or content.
    const pub = JSON.stringify(await findPublicCase(c.trackingNo));
    expect(pub).toContain("ROUTED");
    for (const secret of ["检举某单位工作人员", "收受好处费"]) expect(pub).not.toContain(secret);
    // The staff timeline explains why.
    const page = await findStaffCase(v.jwHandler, c.id);
    expect(page!.events[1]?.details).toMatchObject({ toUnitName: expect.any(String), directToDiscipline: true });
  });

  it("registered against the county government, goes the same way; the receipt names the discipline organ", async () => {
    const at = new Date("2026-03-03T04:00:00Z");
    const r = await registerPetition(
      v.bureauHandler,
      {
        channel: "LETTER",
        receivedAt: RECEIVED,
        categoryId: ref.categories.accusation.id,
        placeId: ref.township.id,
        title: `${TAG} 来信检举县政府`,
        content: "来信检举县人民政府有关工作人员违规审批，请依法调查处理。",
        address: PERSON.address,
        name: PERSON.name,
        consentPublic: false,
        accusedUnitId: gov.id,
        personCount: 1,
        representatives: [],
      },
      at,
    );
    const row = await db.petition.findUniqueOrThrow({
      where: { trackingNo: r.trackingNo },
      include: { currentUnit: true },
    });
    expect(row.currentUnitId).toBe(discipline.id);
    expect(r.unitName).toBe(row.currentUnit.name);
    expect(row.arrivedAtUnitAt).toEqual(at); // routed when registered, not when the letter arrived
  });

  it("an accusation against a department or a township still waits at the bureau to be routed", async () => {
    for (const accused of [ref.department.id, ref.township.id]) {
      const c = await file({ accusedUnitId: accused });
      expect(
        await db.petition.findUniqueOrThrow({
          where: { id: c.id },
          select: { currentUnitId: true, arrivedAtUnitAt: true },
        }),
      ).toEqual({ currentUnitId: bureau.id, arrivedAtUnitAt: null });
    }
  });

  it("naming the discipline organ itself is refused at filing, and writes nothing", async () => {
    const before = await db.petition.count();
    await expect(file({ accusedUnitId: discipline.id })).rejects.toBeInstanceOf(InvalidReferenceError);
    expect(await db.petition.count()).toBe(before);
  });

  it("cannot be sent back to the bureau it accuses: 退回 is refused and not offered", async () => {
    const c = await file({ accusedUnitId: bureau.id });
    const before = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    await expect(
      A.returnCase(v.jwHandler, {
        petitionId: c.id,
        expectedVersion: before.version,
        at: new Date("2026-03-03T02:00:00Z"),
        reason: "不属本单位",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.petition.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before);
    const page = await findStaffCase(v.jwHandler, c.id);
    expect(page!.actions).not.toContain("return");
    expect(page!.actions).toContain("accept");
  });
});

describe("only an accusation names an accused unit", () => {
  it("refuses one on another category with its own message, and writes nothing", async () => {
    const before = await db.petition.count({ where: mine });
    const e = await file({ categoryId: ref.categories.appeal.id, accusedUnitId: ref.department.id }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(InvalidReferenceError);
    expect(e).toMatchObject({ field: "accusedUnitId", key: "errors.accusedUnitOnlyAccusation" });
    const forged = await file({ accusedUnitId: "no-such-unit" }).catch((x: unknown) => x);
    expect(forged).toMatchObject({ field: "accusedUnitId", key: "errors.invalidChoice" });
    expect(await db.petition.count({ where: mine })).toBe(before);
  });
});

describe("the accused unit's staff never see the accusation: page, queue tabs, counts, search", () => {
  const everywhere = async (viewer: StaffViewer, c: { id: string; trackingNo: string }) => {
    const tabs = await Promise.all(QUEUE_TABS.map((tab) => findQueue(viewer, { tab, page: 1 }, 500)));
    const search = await Promise.all(QUEUE_TABS.map((tab) => findQueue(viewer, { tab, page: 1, q: c.trackingNo })));
    return {
      page: (await findStaffCase(viewer, c.id)) !== null,
      sees: await viewerSeesCase(viewer, c.id),
      inTabs: tabs.some((p) => p.rows.some((r) => r.id === c.id)),
      found: search.some((p) => p.total > 0),
    };
  };
  const nowhere = { page: false, sees: false, inTabs: false, found: false };
  const counts = (viewer: StaffViewer) => countQueueTabs(viewer, {});

  it("the county government accused: its supervisor sees the case nowhere, the discipline organ everywhere", async () => {
    const [govBefore, jwBefore] = [await counts(v.govSupervisor), await counts(v.jwHandler)];
    const c = await file({ accusedUnitId: gov.id });
    expect(await everywhere(v.govSupervisor, c)).toEqual(nowhere);
    expect(await counts(v.govSupervisor)).toEqual(govBefore);
    expect(await everywhere(v.jwHandler, c)).toEqual({ page: true, sees: true, inTabs: true, found: true });
    expect((await counts(v.jwHandler)).pending).toBe(jwBefore.pending + 1);
  });

  it("the bureau accused: no bureau handler or supervisor sees it, even while it sits at the bureau", async () => {
    const before = { handler: await counts(v.bureauHandler), supervisor: await counts(v.bureauSupervisor) };
    // A case recorded at the bureau before it was known to accuse the bureau (e.g. a corrected record).
    const c = await file({ accusedUnitId: ref.department.id });
    expect(await everywhere(v.bureauHandler, c)).toEqual({ page: true, sees: true, inTabs: true, found: true });
    expect(await counts(v.bureauHandler)).not.toEqual(before.handler);
    await db.petition.update({ where: { id: c.id }, data: { accusedUnitId: bureau.id } });
    expect(await everywhere(v.bureauHandler, c)).toEqual(nowhere);
    expect(await everywhere(v.bureauSupervisor, c)).toEqual(nowhere);
    expect(await counts(v.bureauHandler)).toEqual(before.handler);
    expect(await counts(v.bureauSupervisor)).toEqual(before.supervisor);
    // …and no action goes through, however it is sent.
    await expect(
      A.addInternalNote(v.bureauHandler, { petitionId: c.id, expectedVersion: 1, at: new Date(), text: "越权备注" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a department accused, the case wrongly at that department: its handler does not see it; a superior does", async () => {
    const c = await file({ accusedUnitId: ref.otherTownship.id });
    await A.routeCase(v.bureauHandler, {
      petitionId: c.id,
      expectedVersion: 1,
      at: new Date("2026-03-03T02:00:00Z"),
      targetUnitId: ref.department.id,
      note: "",
    });
    expect(await everywhere(v.deptHandler, c)).toMatchObject({ page: true, inTabs: true });
    await db.petition.update({ where: { id: c.id }, data: { accusedUnitId: ref.department.id } });
    expect(await everywhere(v.deptHandler, c)).toEqual(nowhere);
    const above = await staff(
      "supervisor",
      unitRef(await db.unit.findUniqueOrThrow({ where: { id: ref.department.parentId! } })),
      { name: "above" },
    );
    expect(await everywhere(above, c)).toEqual({ page: true, sees: true, inTabs: true, found: true });
  });
});

describe("公开进展 on an accusation", () => {
  it("is refused in the data layer, writes nothing, and is not offered on the page", async () => {
    const c = await file({ accusedUnitId: ref.department.id });
    await A.routeCase(v.bureauHandler, {
      petitionId: c.id,
      expectedVersion: 1,
      at: new Date("2026-03-03T02:00:00Z"),
      targetUnitId: ref.otherTownship.id,
      note: "",
    });
    await A.acceptCase(v.townHandler, { petitionId: c.id, expectedVersion: 2, at: new Date("2026-03-04T02:00:00Z") });
    const before = {
      row: await db.petition.findUniqueOrThrow({ where: { id: c.id } }),
      events: await db.petitionEvent.count({ where: { petitionId: c.id } }),
    };
    const refused = await A.addPublicNote(v.townHandler, {
      petitionId: c.id,
      expectedVersion: 3,
      at: new Date("2026-03-05T02:00:00Z"),
      text: "已安排人员核查",
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RuleError);
    expect((refused as RuleError).key).toBe("publicNote.confidential");
    expect(await db.petition.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before.row);
    expect(await db.petitionEvent.count({ where: { petitionId: c.id } })).toBe(before.events);
    expect(JSON.stringify(await findPublicCase(c.trackingNo))).not.toContain("已安排人员核查");

    const page = await findStaffCase(v.townHandler, c.id);
    expect(page!.actions).not.toContain("publicNote");
    expect(page!.actions).toContain("internalNote");
  });
  it("written before the rule (an older database): the public page shows the event, never its note", async () => {
    const c = await file({ accusedUnitId: ref.department.id });
    await db.$transaction((tx) =>
      appendEvent(tx, c.id, {
        type: "NOTE_PUBLIC",
        actorType: "STAFF",
        unitId: ref.bureau.id,
        note: "旧进展：已约谈被检举人",
        occurredAt: new Date("2026-03-03T02:00:00Z"),
      }),
    );
    const pub = await findPublicCase(c.trackingNo);
    expect(pub!.events.map((e) => e.type)).toContain("NOTE_PUBLIC");
    expect(JSON.stringify(pub)).not.toContain("旧进展");
  });
});
