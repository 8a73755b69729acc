// 登记 against the real database: each channel, the collective-visit and higher-level rules, forged ids,
// and who may register. Every refusal must leave no row behind — no case, no representative, no event.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerPetition, RegistrationRefusedError, type RegisterPetitionInput } from "@/lib/data/register";
import { findPublicCase } from "@/lib/data/public-cases";
import { verifyCaseChain } from "@/lib/data/chain";
import { ForbiddenError, InvalidReferenceError } from "@/lib/data/errors";
import type { StaffViewer } from "@/lib/domain/authority";
import { makeReferenceData, PERSON, staff } from "./factories";

// Every case of this file carries TAG in its title, so counts see only this file's rows even when another
// test file writes to the same database at the same time.
const TAG = `登记测试${randomUUID().slice(0, 6)}`;
const AT = new Date("2026-03-10T04:00:00Z"); // 2026-03-10 12:00 Shanghai, the moment of registration
const RECEIVED = new Date("2026-03-09T01:30:00Z"); // 2026-03-09 09:30 Shanghai

let ref: Awaited<ReturnType<typeof makeReferenceData>>;
let v: Record<
  "bureauHandler" | "bureauSupervisor" | "bureauAdmin" | "deptHandler" | "countySupervisor" | "inactive",
  StaffViewer
>;
let inactiveUnitId: string;
let inactiveCategoryId: string;

beforeAll(async () => {
  ref = await makeReferenceData();
  const gov = await db.unit.findFirstOrThrow({ where: { id: ref.department.parentId! } });
  v = {
    bureauHandler: await staff("handler", ref.bureau, { name: "bh" }),
    bureauSupervisor: await staff("supervisor", ref.bureau, { name: "bs" }),
    bureauAdmin: await staff("admin", ref.bureau, { name: "ba" }),
    deptHandler: await staff("handler", ref.department, { name: "dh" }),
    countySupervisor: await staff("supervisor", gov, { name: "cs" }),
    inactive: await staff("handler", ref.bureau, { name: "off", active: false }),
  };
  const tag = randomUUID().slice(0, 6);
  inactiveUnitId = (
    await db.unit.create({
      data: {
        id: `r-${tag}-closed`,
        code: `r-${tag}-closed`,
        name: "已撤销单位",
        kind: "DEPARTMENT",
        parentId: gov.id,
        path: `${gov.path}r-${tag}-closed/`,
        active: false,
      },
    })
  ).id;
  inactiveCategoryId = (
    await db.category.create({ data: { code: `r-${tag}-old`, name: "已停用类别", kind: "APPEAL", active: false } })
  ).id;
});

function input(over: Partial<RegisterPetitionInput> = {}): RegisterPetitionInput {
  return {
    channel: "LETTER",
    receivedAt: RECEIVED,
    categoryId: ref.categories.appeal.id,
    placeId: ref.township.id,
    title: `${TAG} 村道损坏无人修`,
    content: "村口到镇上的道路去年汛期被冲坏，至今没有修复，村民出行和运送农产品都很困难。",
    address: PERSON.address,
    name: PERSON.name,
    consentPublic: false,
    personCount: 1,
    representatives: [],
    ...over,
  };
}

const reps = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `代表人${i + 1}`, phone: i === 0 ? "13800000001" : undefined }));

async function counts() {
  const mine = { title: { startsWith: TAG } };
  const [petitions, representatives, events] = await Promise.all([
    db.petition.count({ where: mine }),
    db.representative.count({ where: { petition: mine } }),
    db.petitionEvent.count({ where: { petition: mine } }),
  ]);
  return { petitions, representatives, events };
}

/** Runs a registration that must be refused with `kind`, and checks that it wrote nothing. */
async function expectRefused(run: () => Promise<unknown>, kind: new (...args: never[]) => Error): Promise<Error> {
  const before = await counts();
  const error = await run().then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error).toBeInstanceOf(kind);
  expect(await counts()).toEqual(before);
  return error!;
}

const stored = (trackingNo: string) =>
  db.petition.findUniqueOrThrow({
    where: { trackingNo },
    include: { representatives: { orderBy: { sortOrder: "asc" } }, events: { orderBy: { seq: "asc" } } },
  });

describe("each channel", () => {
  it("来信: at the bureau, SUBMITTED, one REGISTERED event by the staff member, at registration time", async () => {
    const before = await counts();
    const r = await registerPetition(v.bureauHandler, input({ channel: "LETTER" }), AT);
    const row = await stored(r.trackingNo);
    expect(row).toMatchObject({
      channel: "LETTER",
      state: "SUBMITTED",
      currentUnitId: ref.bureau.id,
      petitionerName: PERSON.name,
      petitionerPhone: null, // a letter may come without a number
      personCount: 1,
      isCollective: false,
      sourceDocNo: null,
      feedbackDueAt: null,
      accusedUnitId: null,
      consentPublic: false,
    });
    expect(row.receivedAt.toISOString()).toBe(RECEIVED.toISOString());
    // 条例第22条: received 2026-03-09 + 15 days = 2026-03-24, end of day Shanghai.
    expect(row.routeDueAt?.toISOString()).toBe("2026-03-24T15:59:59.999Z");
    expect(r.routeDueAt.toISOString()).toBe("2026-03-24T15:59:59.999Z");
    expect(row.events).toHaveLength(1);
    expect(row.events[0]).toMatchObject({
      seq: 1,
      type: "REGISTERED",
      visibility: "PUBLIC",
      actorType: "STAFF",
      actorId: v.bureauHandler.userId,
      unitId: ref.bureau.id,
      toState: "SUBMITTED",
    });
    expect(row.events[0]!.occurredAt.toISOString()).toBe(AT.toISOString());
    expect(r).toMatchObject({ channel: "LETTER", unitName: ref.bureau.name, personCount: 1, isCollective: false });
    expect(r.queryCode).toMatch(/^[A-Z2-9]{12}$/);
    expect(await verifyCaseChain(r.trackingNo)).toMatchObject({ ok: true, length: 1 });
    expect(await counts()).toEqual({
      petitions: before.petitions + 1,
      representatives: before.representatives,
      events: before.events + 1,
    });
  });

  it("来访, 来电 and 传真", async () => {
    const visit = await registerPetition(
      v.bureauHandler,
      input({ channel: "VISIT", phone: "13912345678", personCount: 2 }),
      AT,
    );
    expect(await stored(visit.trackingNo)).toMatchObject({
      channel: "VISIT",
      personCount: 2,
      isCollective: false,
      petitionerPhone: "13912345678",
    });
    const call = await registerPetition(v.bureauSupervisor, input({ channel: "PHONE", phone: "0571-87654321" }), AT);
    expect(await stored(call.trackingNo)).toMatchObject({
      channel: "PHONE",
      petitionerPhone: "0571-87654321",
      personCount: 1,
    });
    const fax = await registerPetition(
      v.bureauHandler,
      input({ channel: "FAX", idNumber: PERSON.idNumber, email: PERSON.email, consentPublic: true }),
      AT,
    );
    expect(await stored(fax.trackingNo)).toMatchObject({
      channel: "FAX",
      petitionerIdNumber: PERSON.idNumber,
      petitionerEmail: PERSON.email,
      consentPublic: true,
    });
  });

  it("上级转办 with its document number; 上级交办 also with the feedback deadline (end of that day)", async () => {
    const transfer = await registerPetition(
      v.bureauHandler,
      input({ channel: "HIGHER_TRANSFER", sourceDocNo: "市信转〔2026〕12号" }),
      AT,
    );
    expect(await stored(transfer.trackingNo)).toMatchObject({
      channel: "HIGHER_TRANSFER",
      sourceDocNo: "市信转〔2026〕12号",
      feedbackDueAt: null,
    });
    const assign = await registerPetition(
      v.bureauHandler,
      input({ channel: "HIGHER_ASSIGN", sourceDocNo: "市信交〔2026〕3号", feedbackDueDate: "2026-04-08" }),
      AT,
    );
    const row = await stored(assign.trackingNo);
    expect(row).toMatchObject({ channel: "HIGHER_ASSIGN", sourceDocNo: "市信交〔2026〕3号" });
    expect(row.feedbackDueAt?.toISOString()).toBe("2026-04-08T15:59:59.999Z");
  });

  it("keeps only what belongs to the channel: a letter drops a visit's persons and a stale 来文文号", async () => {
    const r = await registerPetition(
      v.bureauHandler,
      input({ channel: "LETTER", personCount: 40, sourceDocNo: "旧文号", feedbackDueDate: "2026-04-01" }),
      AT,
    );
    expect(await stored(r.trackingNo)).toMatchObject({
      personCount: 1,
      isCollective: false,
      sourceDocNo: null,
      feedbackDueAt: null,
      representatives: [],
    });
  });

  it("the public page shows the channel and none of the petitioner's or representatives' data", async () => {
    const r = await registerPetition(
      v.bureauHandler,
      input({
        channel: "VISIT",
        phone: "13912345678",
        personCount: 6,
        representatives: reps(2),
        idNumber: PERSON.idNumber,
      }),
      AT,
    );
    const pub = await findPublicCase(r.trackingNo);
    expect(pub?.channel).toBe("VISIT");
    const text = JSON.stringify(pub);
    for (const secret of [PERSON.name, PERSON.address, "13912345678", PERSON.idNumber, "代表人1", "13800000001"])
      expect(text).not.toContain(secret);
  });
});

describe("collective visits (条例第20条)", () => {
  const visit = (personCount: number, representatives: RegisterPetitionInput["representatives"]) =>
    registerPetition(
      v.bureauHandler,
      input({ channel: "VISIT", phone: "13912345678", personCount, representatives }),
      AT,
    );

  it("4 persons is an ordinary visit", async () => {
    const r = await visit(4, []);
    expect(await stored(r.trackingNo)).toMatchObject({ personCount: 4, isCollective: false, representatives: [] });
    expect(r.isCollective).toBe(false);
  });

  it("5 persons is a collective visit, stored with its representatives in order", async () => {
    const r = await visit(5, reps(2));
    const row = await stored(r.trackingNo);
    expect(row).toMatchObject({ personCount: 5, isCollective: true });
    expect(row.representatives.map((x) => [x.name, x.phone, x.sortOrder])).toEqual([
      ["代表人1", "13800000001", 0],
      ["代表人2", null, 1],
    ]);
    expect(r.isCollective).toBe(true);
  });

  it("five representatives at most", async () => {
    const r = await visit(300, reps(5));
    expect((await stored(r.trackingNo)).representatives).toHaveLength(5);
    const e = await expectRefused(() => visit(300, reps(6)), RegistrationRefusedError);
    expect((e as RegistrationRefusedError).problems).toEqual({ representatives: "tooManyRepresentatives" });
  });

  it("a collective visit needs at least one representative", async () => {
    const e = await expectRefused(() => visit(5, []), RegistrationRefusedError);
    expect((e as RegistrationRefusedError).problems).toEqual({ representatives: "representativesRequired" });
  });

  it("an ordinary visit has no representatives, and persons are 1–10000", async () => {
    expect(
      ((await expectRefused(() => visit(4, reps(1)), RegistrationRefusedError)) as RegistrationRefusedError).problems,
    ).toEqual({ representatives: "representativesNotCollective" });
    expect(
      ((await expectRefused(() => visit(0, []), RegistrationRefusedError)) as RegistrationRefusedError).problems,
    ).toEqual({ personCount: "personCountRange" });
    expect(
      ((await expectRefused(() => visit(10_001, reps(1)), RegistrationRefusedError)) as RegistrationRefusedError)
        .problems,
    ).toEqual({ personCount: "personCountRange" });
  });
});

describe("rules that refuse and write nothing", () => {
  const refused = async (over: Partial<RegisterPetitionInput>, at = AT) =>
    (
      (await expectRefused(
        () => registerPetition(v.bureauHandler, input(over), at),
        RegistrationRefusedError,
      )) as RegistrationRefusedError
    ).problems;

  it("上级转办/交办 without their fields", async () => {
    expect(await refused({ channel: "HIGHER_TRANSFER" })).toEqual({ sourceDocNo: "sourceDocNoRequired" });
    expect(await refused({ channel: "HIGHER_ASSIGN", sourceDocNo: "市信交〔2026〕3号" })).toEqual({
      feedbackDueDate: "feedbackDueRequired",
    });
    expect(
      await refused({ channel: "HIGHER_ASSIGN", sourceDocNo: "市信交〔2026〕3号", feedbackDueDate: "2026-03-09" }),
    ).toEqual({ feedbackDueDate: "feedbackDueNotAfterReceived" });
  });

  it("a received time in the future, or more than a year back", async () => {
    expect(await refused({ receivedAt: new Date(AT.getTime() + 60_000) })).toEqual({ receivedAt: "receivedInFuture" });
    expect(await refused({ receivedAt: new Date("2025-03-09T03:59:00Z") })).toEqual({
      receivedAt: "receivedTooLongAgo",
    });
  });

  it("a call or a visit without a phone number", async () => {
    expect(await refused({ channel: "PHONE" })).toEqual({ phone: "phoneRequired" });
    expect(await refused({ channel: "VISIT", personCount: 1 })).toEqual({ phone: "phoneRequired" });
  });
});

describe("one transaction", () => {
  it("a failure after the case row is written (a representative the database refuses) leaves nothing behind", async () => {
    const broken = [{ name: null as unknown as string }];
    const before = await counts();
    await expect(
      registerPetition(
        v.bureauHandler,
        input({ channel: "VISIT", phone: "13912345678", personCount: 9, representatives: broken }),
        AT,
      ),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});

describe("references are checked against the database", () => {
  const forged = (over: Partial<RegisterPetitionInput>) =>
    expectRefused(() => registerPetition(v.bureauHandler, input(over), AT), InvalidReferenceError);

  it("a forged or retired category", async () => {
    expect(((await forged({ categoryId: "forged-category" })) as InvalidReferenceError).field).toBe("categoryId");
    expect(((await forged({ categoryId: inactiveCategoryId })) as InvalidReferenceError).field).toBe("categoryId");
  });

  it("a forged township, or a unit that is not a township", async () => {
    expect(((await forged({ placeId: "forged-township" })) as InvalidReferenceError).field).toBe("placeId");
    expect(((await forged({ placeId: ref.department.id })) as InvalidReferenceError).field).toBe("placeId");
  });

  it("an accusation names a real, active unit as the accused", async () => {
    const accusation = { categoryId: ref.categories.accusation.id };
    expect(((await forged({ ...accusation, accusedUnitId: "forged-unit" })) as InvalidReferenceError).field).toBe(
      "accusedUnitId",
    );
    expect(((await forged({ ...accusation, accusedUnitId: inactiveUnitId })) as InvalidReferenceError).field).toBe(
      "accusedUnitId",
    );
    const r = await registerPetition(v.bureauHandler, input({ ...accusation, accusedUnitId: ref.department.id }), AT);
    expect((await stored(r.trackingNo)).accusedUnitId).toBe(ref.department.id);
  });

  it("another category drops a stale accused unit instead of storing it", async () => {
    const r = await registerPetition(v.bureauHandler, input({ accusedUnitId: ref.department.id }), AT);
    expect((await stored(r.trackingNo)).accusedUnitId).toBeNull();
  });
});

describe("who may register", () => {
  const attempt = (viewer: StaffViewer) =>
    expectRefused(
      () =>
        registerPetition(
          viewer,
          input({ channel: "VISIT", phone: "13912345678", personCount: 8, representatives: reps(3) }),
          AT,
        ),
      ForbiddenError,
    );

  it("nobody outside the bureau's handlers and supervisors: a department handler, the county supervisor, an admin", async () => {
    await attempt(v.deptHandler);
    await attempt(v.countySupervisor);
    await attempt(v.bureauAdmin);
  });

  it("the database decides, not the caller's copy: a department handler claiming the bureau's unit, a deactivated account", async () => {
    // The viewer object says "bureau", the user row says "department": refused (a forged or stale viewer).
    await attempt({ ...v.deptHandler, unit: { ...v.bureauHandler.unit } });
    await attempt({
      ...v.deptHandler,
      role: "handler",
      userId: v.deptHandler.userId,
      unit: { id: ref.bureau.id, path: ref.bureau.path, kind: "BUREAU" },
    });
    await attempt(v.inactive);
    await attempt({ ...v.bureauHandler, userId: "no-such-user" });
  });
});
