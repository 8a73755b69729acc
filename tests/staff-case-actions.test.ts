// The staff case page against a real database: each handling action's happy path, and each rule that
// refuses — with nothing written (no event, no row, no version bump). Then the page's data (scope: 404 for
// everyone outside it) and the server actions' form handling (messages, what was typed kept, nothing written).
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { NewPetition } from "@/lib/data/petitions";
import * as A from "@/lib/data/staff-case-actions";
import { findStaffCase } from "@/lib/data/staff-case";
import { findPublicCase } from "@/lib/data/public-cases";
import { findPetitionerCase } from "@/lib/data/petitioner";
import { verifyCaseChain } from "@/lib/data/chain";
import { CaseChangedError, ForbiddenError, RuleError, type RuleKey } from "@/lib/data/errors";
import { loadCalendar } from "@/lib/data/calendar";
import { handleDeadline } from "@/lib/domain/deadlines";
import { scanPersonalData } from "@/lib/domain/personal-data-scanner";
import type { StaffViewer } from "@/lib/domain/authority";
import type { FormState } from "@/lib/actions/form-state";
import { translator } from "@/lib/i18n";
import {
  advanceCase,
  filePetition,
  makeReferenceData,
  onlinePetition,
  PERSON,
  staff,
  unit,
  unitRef,
} from "./factories";
import { mockStaffSession } from "./staff-session";

const session = mockStaffSession(); // before the server actions are imported
const actions = await import("@/lib/actions/staff/case-actions");

type Unit = { id: string; path: string; kind: StaffViewer["unit"]["kind"] };
const tag = randomUUID().slice(0, 8);
let ref: Awaited<ReturnType<typeof makeReferenceData>>;
let legal: Unit; // 县法院 (LEGAL)
let village: Unit; // a village of ref.township
let inactive: Unit;
let suggestion: { id: string };
let dept: StaffViewer; // handler of ref.department
let dept2Id: string; // a second handler there
let deptSupervisorId: string;
let inactiveHandlerId: string;
let townHandler: StaffViewer; // handler of ref.township
let legalHandler: StaffViewer;
let admin: StaffViewer;
const bureauViewers = new Map<string, StaffViewer>();

const mkUnit = async (
  name: string,
  kind: Unit["kind"],
  parent: { id: string; path: string } | null,
  active = true,
): Promise<Unit> => unitRef(await unit(name, kind, parent, { active, tag: `sc-${tag}` }));
const mkUser = (name: string, role: StaffViewer["role"], of: Unit, active = true) =>
  staff(role, of, { name, displayName: `${name}${tag}`, active });

/** A handler of the bureau the case was filed at (createPetition files at the first bureau by path). */
async function bureauOf(petitionId: string): Promise<StaffViewer> {
  const { currentUnit } = await db.petition.findUniqueOrThrow({
    where: { id: petitionId },
    select: { currentUnit: { select: { id: true, path: true, kind: true } } },
  });
  let v = bureauViewers.get(currentUnit.id);
  if (!v) {
    v = await mkUser(`bureau${bureauViewers.size}`, "handler", unitRef(currentUnit));
    bureauViewers.set(currentUnit.id, v);
  }
  return v;
}

beforeAll(async () => {
  ref = await makeReferenceData();
  legal = await mkUnit("court", "LEGAL", null);
  village = await mkUnit("village", "VILLAGE", ref.township);
  inactive = await mkUnit("closed", "DEPARTMENT", null, false);
  suggestion = await db.category.create({ data: { code: `sc-${tag}-sugg`, name: `sugg-${tag}`, kind: "SUGGESTION" } });
  const department = unitRef(ref.department);
  dept = await mkUser("dept", "handler", department);
  dept2Id = (await mkUser("dept2", "handler", department)).userId;
  deptSupervisorId = (await mkUser("deptSup", "supervisor", department)).userId;
  inactiveHandlerId = (await mkUser("deptGone", "handler", department, false)).userId;
  townHandler = await mkUser("town", "handler", unitRef(ref.township));
  legalHandler = await mkUser("court", "handler", legal);
  admin = await mkUser("admin", "admin", unitRef(ref.bureau));
});

const RECEIVED = new Date("2026-03-02T02:00:00Z"); // Monday 10:00 Shanghai
const ROUTED = new Date("2026-03-03T02:00:00Z");
const day = (n: number) => new Date(ROUTED.getTime() + n * 24 * 60 * 60 * 1000);

async function file(over: Partial<NewPetition> & { accusedUnitId?: string } = {}) {
  const { accusedUnitId, ...rest } = over;
  const input = onlinePetition(ref, {
    title: `关于${PERSON.name}反映路灯不亮的问题`,
    content: `本人${PERSON.name}，住${PERSON.address}，电话${PERSON.phone}。小区东门路灯已坏三个月，请尽快维修。`,
    receivedAt: RECEIVED,
    ...rest,
  });
  const c = await filePetition(input);
  // Set afterwards, as staff would have recorded it: these accused units keep the case at the bureau anyway.
  if (accusedUnitId) await db.petition.update({ where: { id: c.id }, data: { accusedUnitId } });
  return { ...c, bureau: await bureauOf(c.id) };
}

/** A case routed to `to` (default: the department), optionally accepted there, optionally replied. */
async function caseAt(
  stage: "bureau" | "routed" | "accepted" | "replied",
  over: Parameters<typeof file>[0] = {},
  to: { unit: Unit; handler: StaffViewer } = { unit: unitRef(ref.department), handler: dept },
) {
  const c = await file(over);
  const reply = {
    outcome: over.categoryId === suggestion.id ? "ADOPT" : "SUPPORT",
    replyText: "经核查，路灯已于近日修复。",
  } as const;
  await advanceCase(c.id, stage, {
    bureau: c.bureau,
    to,
    at: { routed: ROUTED, accepted: day(1), replied: day(20) },
    reply,
  });
  return c;
}

/** Everything a refused action must leave untouched. */
async function snapshot(id: string) {
  const [row, events, extensions] = await Promise.all([
    db.petition.findUniqueOrThrow({ where: { id } }),
    db.petitionEvent.count({ where: { petitionId: id } }),
    db.extensionRequest.count({ where: { petitionId: id } }),
  ]);
  return { row, events, extensions };
}

async function expectRefused(
  id: string,
  run: () => Promise<unknown>,
  error: RuleError | typeof CaseChangedError | typeof ForbiddenError,
) {
  const before = await snapshot(id);
  const thrown = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof RuleError) {
    expect(thrown).toBeInstanceOf(RuleError);
    expect((thrown as RuleError).key).toBe(error.key);
  } else expect(thrown).toBeInstanceOf(error);
  expect(await snapshot(id)).toEqual(before);
}

const v = (id: string, version: number, at = day(2)) => ({ petitionId: id, expectedVersion: version, at });
const rule = (key: RuleKey) => new RuleError(key);

async function eventsOf(id: string) {
  return db.petitionEvent.findMany({
    where: { petitionId: id },
    orderBy: { seq: "asc" },
    select: { type: true, visibility: true, note: true, unitId: true, actorId: true, data: true },
  });
}

describe("转送/交办 (route)", () => {
  it("moves the case to the unit, starts its 15-day acceptance and 5-working-day return clocks, keeps the note internal", async () => {
    const c = await file();
    const r = await A.routeCase(c.bureau, {
      ...v(c.id, 1, ROUTED),
      targetUnitId: ref.department.id,
      note: "请依法办理并按期反馈",
    });
    expect(r).toEqual({ state: "SUBMITTED", version: 2 });
    const row = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.currentUnitId).toBe(ref.department.id);
    expect(row.arrivedAtUnitAt?.toISOString()).toBe(ROUTED.toISOString());
    expect(row.acceptDueAt?.toISOString()).toBe("2026-03-18T15:59:59.999Z"); // 03-03 + 15 日
    expect(row.returnDueAt?.toISOString()).toBe("2026-03-10T15:59:59.999Z"); // 03-03 + 5 个工作日
    expect(row.currentDueAt?.toISOString()).toBe(row.acceptDueAt?.toISOString());
    const events = await eventsOf(c.id);
    expect(events.slice(1).map((e) => [e.type, e.visibility, e.note])).toEqual([
      ["ROUTED", "PUBLIC", null],
      ["NOTE_INTERNAL", "INTERNAL", "请依法办理并按期反馈"],
    ]);
    expect(await verifyCaseChain(c.trackingNo)).toMatchObject({ ok: true, length: 3 });
  });

  it("refuses an unknown, inactive, the same or a bureau unit, writing nothing", async () => {
    const c = await file();
    const route = (targetUnitId: string) => () =>
      A.routeCase(c.bureau, { ...v(c.id, 1, ROUTED), targetUnitId, note: "转送" });
    await expectRefused(c.id, route("no-such-unit"), rule("route.unknownUnit"));
    await expectRefused(c.id, route(inactive.id), rule("route.inactive"));
    await expectRefused(c.id, route(c.bureau.unit.id), rule("route.sameUnit"));
  });

  it("sends 涉法涉诉 only to legal organs, and nothing else to them", async () => {
    const legalCase = await file({ categoryId: ref.categories.legal.id });
    await expectRefused(
      legalCase.id,
      () => A.routeCase(legalCase.bureau, { ...v(legalCase.id, 1, ROUTED), targetUnitId: ref.department.id, note: "" }),
      rule("route.wrongKind"),
    );
    await expectRefused(
      legalCase.id,
      () => A.routeCase(legalCase.bureau, { ...v(legalCase.id, 1, ROUTED), targetUnitId: ref.township.id, note: "" }),
      rule("route.wrongKind"),
    );
    await A.routeCase(legalCase.bureau, { ...v(legalCase.id, 1, ROUTED), targetUnitId: legal.id, note: "" });
    expect((await db.petition.findUniqueOrThrow({ where: { id: legalCase.id } })).currentUnitId).toBe(legal.id);

    const appeal = await file();
    await expectRefused(
      appeal.id,
      () => A.routeCase(appeal.bureau, { ...v(appeal.id, 1, ROUTED), targetUnitId: legal.id, note: "" }),
      rule("route.wrongKind"),
    );
  });

  it("never sends an accusation to the accused unit or anything under it (条例第46条), but elsewhere it may go", async () => {
    const c = await file({ categoryId: ref.categories.accusation.id, accusedUnitId: ref.township.id });
    await expectRefused(
      c.id,
      () => A.routeCase(c.bureau, { ...v(c.id, 1, ROUTED), targetUnitId: ref.township.id, note: "" }),
      rule("route.accused"),
    );
    await expectRefused(
      c.id,
      () => A.routeCase(c.bureau, { ...v(c.id, 1, ROUTED), targetUnitId: village.id, note: "" }),
      rule("route.accused"),
    );
    await A.routeCase(c.bureau, { ...v(c.id, 1, ROUTED), targetUnitId: ref.otherTownship.id, note: "" });
    expect((await db.petition.findUniqueOrThrow({ where: { id: c.id } })).currentUnitId).toBe(ref.otherTownship.id);
  });

  it("is the bureau's alone: a unit's handler cannot route a case it holds", async () => {
    const c = await caseAt("routed");
    await expectRefused(
      c.id,
      () => A.routeCase(dept, { ...v(c.id, 2), targetUnitId: ref.township.id, note: "" }),
      ForbiddenError,
    );
  });

  it("refuses a stale version: someone else acted first", async () => {
    const c = await caseAt("routed");
    await expectRefused(c.id, () => A.acceptCase(dept, v(c.id, 1)), CaseChangedError);
  });
});

describe("退回 (return)", () => {
  it("within 5 working days the case goes back to the bureau with the reasons, kept internal", async () => {
    const c = await caseAt("routed");
    await A.returnCase(dept, { ...v(c.id, 2, day(7)), reason: "该事项属于乡镇职责范围" }); // Tue 03-10: the last day
    const row = await db.petition.findUniqueOrThrow({ where: { id: c.id }, include: { currentUnit: true } });
    expect(row.currentUnit.kind).toBe("BUREAU");
    expect([row.arrivedAtUnitAt, row.acceptDueAt, row.returnDueAt]).toEqual([null, null, null]);
    const events = await eventsOf(c.id);
    expect(events.slice(-2).map((e) => [e.type, e.visibility, e.note])).toEqual([
      ["RETURNED", "PUBLIC", null],
      ["NOTE_INTERNAL", "INTERNAL", "该事项属于乡镇职责范围"],
    ]);
  });

  it("after 5 working days is refused and writes nothing", async () => {
    const c = await caseAt("routed");
    await expectRefused(
      c.id,
      () => A.returnCase(dept, { ...v(c.id, 2, day(8)), reason: "不属于本单位职责" }),
      rule("return.tooLate"),
    );
  });
});

describe("受理 / 不予受理", () => {
  it("accepting starts the 60-day handling clock", async () => {
    const c = await caseAt("routed");
    expect(await A.acceptCase(dept, v(c.id, 2, day(1)))).toEqual({ state: "ACCEPTED", version: 3 });
    const row = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.acceptedAt?.toISOString()).toBe(day(1).toISOString());
    expect(row.handleDueAt).toEqual(handleDeadline(day(1), await loadCalendar(db)).dueAt); // 受理 + 60 日 (条例第34条)
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({ type: "ACCEPTED", visibility: "PUBLIC" });
  });

  it("not accepting: the decision public, the reason and channel for the petitioner only", async () => {
    const c = await caseAt("routed");
    await A.notAcceptCase(dept, { ...v(c.id, 2), reason: "该事项已进入诉讼程序", properChannel: "LITIGATION" });
    const events = await eventsOf(c.id);
    expect(events.slice(-2).map((e) => [e.type, e.visibility, e.note])).toEqual([
      ["NOT_ACCEPTED", "PUBLIC", null],
      ["NOT_ACCEPTED_REASON", "PETITIONER", "该事项已进入诉讼程序"],
    ]);
    expect((await findPublicCase(c.trackingNo))?.events.map((e) => e.type)).toEqual([
      "SUBMITTED",
      "ROUTED",
      "NOT_ACCEPTED",
    ]);
    expect((await findPetitionerCase(c.id))?.events.map((e) => e.type)).toContain("NOT_ACCEPTED_REASON");
  });
});

describe("分派 (assign)", () => {
  it("assigns an active handler of the case's unit", async () => {
    const c = await caseAt("accepted");
    await A.assignCase(dept, { ...v(c.id, 3), assigneeId: dept2Id });
    expect((await db.petition.findUniqueOrThrow({ where: { id: c.id } })).assigneeId).toBe(dept2Id);
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({ type: "ASSIGNED", visibility: "INTERNAL" });
  });

  it("refuses a handler of another unit, a supervisor, an inactive handler, an unknown id", async () => {
    const c = await caseAt("accepted");
    for (const assigneeId of [townHandler.userId, deptSupervisorId, inactiveHandlerId, "forged-user-id"]) {
      await expectRefused(c.id, () => A.assignCase(dept, { ...v(c.id, 3), assigneeId }), rule("assign.notInUnit"));
    }
  });
});

describe("notes and requests", () => {
  it("an internal note is INTERNAL, a progress note PUBLIC, a request for material PETITIONER", async () => {
    const c = await caseAt("accepted");
    await A.addInternalNote(dept, { ...v(c.id, 3), text: "已联系物业核实" });
    await A.addPublicNote(dept, { ...v(c.id, 4), text: "已安排人员现场查看" });
    await A.requestInfo(dept, { ...v(c.id, 5), text: "请补充路灯位置照片" });
    expect((await eventsOf(c.id)).slice(-3).map((e) => [e.type, e.visibility, e.note])).toEqual([
      ["NOTE_INTERNAL", "INTERNAL", "已联系物业核实"],
      ["NOTE_PUBLIC", "PUBLIC", "已安排人员现场查看"],
      ["INFO_REQUESTED", "PETITIONER", "请补充路灯位置照片"],
    ]);
    const pub = JSON.stringify(await findPublicCase(c.trackingNo));
    expect(pub).toContain("已安排人员现场查看");
    expect(pub).not.toContain("已联系物业核实");
    expect(pub).not.toContain("请补充路灯位置照片");
  });

  it("a public progress note with personal data is refused and writes nothing", async () => {
    const c = await caseAt("accepted");
    for (const text of [
      `已电话联系${PERSON.name}`,
      "请拨打 13800138000 联系",
      `地址：${PERSON.address}`,
      "身份证 11010519491231002X",
    ]) {
      await expectRefused(c.id, () => A.addPublicNote(dept, { ...v(c.id, 3), text }), rule("publish.personalData"));
    }
  });
});

describe("申请延期 (extension request)", () => {
  it("records a pending request of at most 30 days, INTERNAL until a supervisor decides; the deadline stays", async () => {
    const c = await caseAt("accepted");
    const before = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    await A.requestExtension(dept, { ...v(c.id, 3), days: 30, reason: "需委托第三方检测" });
    const after = await db.petition.findUniqueOrThrow({ where: { id: c.id }, include: { extensionRequests: true } });
    expect(after.extensionRequests).toMatchObject([
      { days: 30, reason: "需委托第三方检测", decision: null, requestedById: dept.userId },
    ]);
    expect(after.handleDueAt).toEqual(before.handleDueAt);
    expect(after.extensionDays).toBe(0);
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({ type: "EXTENSION_REQUESTED", visibility: "INTERNAL" });
  });

  it("refuses 0, 31 or fractional days, and a second request, writing nothing", async () => {
    const c = await caseAt("accepted");
    for (const days of [0, 31, 2.5, -3]) {
      await expectRefused(
        c.id,
        () => A.requestExtension(dept, { ...v(c.id, 3), days, reason: "理由" }),
        rule("extension.days"),
      );
    }
    await A.requestExtension(dept, { ...v(c.id, 3), days: 10, reason: "第一次申请" });
    await expectRefused(
      c.id,
      () => A.requestExtension(dept, { ...v(c.id, 4), days: 5, reason: "第二次申请" }),
      rule("extension.once"),
    );
  });

  it("is refused once an extension was approved", async () => {
    const c = await caseAt("accepted");
    await db.petition.update({ where: { id: c.id }, data: { extensionDays: 15 } });
    await expectRefused(
      c.id,
      () => A.requestExtension(dept, { ...v(c.id, 3), days: 5, reason: "再延期" }),
      rule("extension.once"),
    );
  });
});

describe("答复 (reply)", () => {
  it("records the outcome and the reply and opens the 30-day review window", async () => {
    const c = await caseAt("accepted");
    expect(
      await A.replyCase(dept, {
        ...v(c.id, 3, day(30)),
        outcome: "EXPLAIN",
        replyText: "经调查，该路段已列入改造计划。",
      }),
    ).toEqual({ state: "REPLIED", version: 4 });
    const row = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ outcome: "EXPLAIN", replyText: "经调查，该路段已列入改造计划。", currentDueAt: null });
    expect(row.reviewWindowEndsAt).not.toBeNull();
  });

  it("refuses an outcome that does not fit the category kind (条例第29、32条)", async () => {
    const appeal = await caseAt("accepted");
    await expectRefused(
      appeal.id,
      () => A.replyCase(dept, { ...v(appeal.id, 3), outcome: "ADOPT", replyText: "采纳" }),
      rule("reply.outcome"),
    );
    const sugg = await caseAt("accepted", { categoryId: suggestion.id });
    await expectRefused(
      sugg.id,
      () => A.replyCase(dept, { ...v(sugg.id, 3), outcome: "SUPPORT", replyText: "支持" }),
      rule("reply.outcome"),
    );
    await A.replyCase(dept, { ...v(sugg.id, 3), outcome: "PARTIAL_ADOPT", replyText: "部分采纳您的建议。" });
  });
});

describe("公开 (publish)", () => {
  const texts = {
    publicTitle: "关于小区路灯不亮的问题",
    publicSummary: "信访人反映小区东门路灯已坏三个月。",
    publicReply: "经核查，路灯已修复。",
  };

  it("publishes the reviewed text; the public page then shows it", async () => {
    const c = await caseAt("replied");
    await A.publishCase(dept, { ...v(c.id, 4, day(21)), ...texts });
    const pub = await findPublicCase(c.trackingNo);
    expect(pub).toMatchObject({
      publicTitle: texts.publicTitle,
      publicSummary: texts.publicSummary,
      publicReply: texts.publicReply,
    });
    expect(pub?.events.at(-1)?.type).toBe("PUBLISHED");
  });

  it("refuses text that still holds the petitioner's name, address, phone, e-mail or ID number", async () => {
    const c = await caseAt("replied");
    const leaks = [
      { publicTitle: `${PERSON.name}反映路灯问题` },
      { publicSummary: `信访人住${PERSON.address}，反映路灯不亮。` },
      { publicReply: `已电话 ${PERSON.phone} 告知信访人。` },
      { publicSummary: `信访人邮箱 ${PERSON.email}，反映路灯不亮。` },
      { publicReply: `身份证号 ${PERSON.idNumber} 已核实。` },
    ];
    for (const leak of leaks)
      await expectRefused(
        c.id,
        () => A.publishCase(dept, { ...v(c.id, 4), ...texts, ...leak }),
        rule("publish.personalData"),
      );
  });

  it("is refused without consent, and for an accusation even with consent", async () => {
    const noConsent = await caseAt("replied", { consentPublic: false });
    await expectRefused(
      noConsent.id,
      () => A.publishCase(dept, { ...v(noConsent.id, 4), ...texts }),
      rule("publish.notAllowed"),
    );
    const accusation = await caseAt("replied", {
      categoryId: ref.categories.accusation.id,
      accusedUnitId: ref.township.id,
    });
    await expectRefused(
      accusation.id,
      () => A.publishCase(dept, { ...v(accusation.id, 4), ...texts }),
      rule("publish.notAllowed"),
    );
  });

  it("the page's masked draft passes the scanner and can be published as it is", async () => {
    const c = await caseAt("replied");
    const page = await findStaffCase(dept, c.id, day(21));
    const draft = page!.forms.publishDraft;
    const known = { names: [PERSON.name], addresses: [PERSON.address] };
    for (const text of [draft.title, draft.summary, draft.reply]) expect(scanPersonalData(text, known)).toEqual([]);
    expect(draft.summary).not.toContain(PERSON.phone);
    await A.publishCase(dept, {
      ...v(c.id, 4, day(21)),
      publicTitle: draft.title,
      publicSummary: draft.summary,
      publicReply: draft.reply,
    });
    expect(await verifyCaseChain(c.trackingNo)).toMatchObject({ ok: true });
  });
});

describe("the staff case page's data (findStaffCase)", () => {
  it("shows the case's unit everything, personal data and internal events included", async () => {
    const c = await caseAt("routed");
    await A.addInternalNote(dept, { ...v(c.id, 2), text: "仅内部可见的备注" });
    const page = await findStaffCase(dept, c.id, day(1));
    expect(page).toMatchObject({
      petitionerName: PERSON.name,
      petitionerPhone: PERSON.phone,
      petitionerIdNumber: PERSON.idNumber,
      petitionerEmail: PERSON.email,
      address: PERSON.address,
    });
    expect(page!.events.map((e) => [e.type, e.visibility])).toEqual([
      ["SUBMITTED", "PUBLIC"],
      ["ROUTED", "PUBLIC"],
      ["NOTE_INTERNAL", "INTERNAL"],
    ]);
    expect(page!.events[1]?.details.toUnitName).toBe(ref.department.name);
    expect(page!.events[2]?.actorName).toBe(`dept${tag}`);
    expect(page!.actions).toEqual([
      "return",
      "accept",
      "notAccept",
      "assign",
      "internalNote",
      "publicNote",
      "requestInfo",
      "linkRepeat",
    ]);
    expect(page!.deadlines.map((d) => d.kind)).toEqual(["route", "accept", "return"]);
    expect(page!.running?.kind).toBe("accept");
  });

  it("is null — a 404, not a 403 — for another unit's handler, the bureau once routed, and any admin", async () => {
    const c = await caseAt("routed");
    expect(await findStaffCase(townHandler, c.id)).toBeNull();
    expect(await findStaffCase(c.bureau, c.id)).toBeNull();
    expect(await findStaffCase(admin, c.id)).toBeNull();
    expect(await findStaffCase(dept, "no-such-case")).toBeNull();
  });

  it("offers the bureau only the units it may route to, grouped by kind; the handlers of the unit only", async () => {
    const c = await file({ categoryId: ref.categories.accusation.id, accusedUnitId: ref.township.id });
    const page = await findStaffCase(c.bureau, c.id);
    const offered = page!.forms.routeTargets.flatMap((g) => g.units.map((u) => u.id));
    expect(offered).toContain(ref.otherTownship.id);
    expect(offered).toContain(ref.department.id);
    for (const refused of [ref.township.id, village.id, legal.id, inactive.id, c.bureau.unit.id])
      expect(offered).not.toContain(refused);
    // An accusation carries no public progress notes (条例第46条): the form is not offered.
    expect(page!.actions).toEqual(["route", "notAccept", "assign", "internalNote", "requestInfo", "linkRepeat"]);

    const legalCase = await file({ categoryId: ref.categories.legal.id });
    const legalPage = await findStaffCase(legalCase.bureau, legalCase.id);
    expect(legalPage!.forms.routeTargets.map((g) => g.kind)).toEqual(["LEGAL"]);

    const accepted = await caseAt("accepted");
    const handlers = (await findStaffCase(dept, accepted.id))!.forms.handlers.map((h) => h.id);
    expect(handlers.sort()).toEqual([dept.userId, dept2Id].sort());
  });

  it("a legal organ's handler sees its own legal cases", async () => {
    const c = await caseAt("routed", { categoryId: ref.categories.legal.id }, { unit: legal, handler: legalHandler });
    expect((await findStaffCase(legalHandler, c.id))?.forms.outcomes).toEqual(["SUPPORT", "EXPLAIN", "NOT_SUPPORT"]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The server actions: form parsing, the viewer, and the messages the page shows.

const t = translator("zh-CN");
const form = (fields: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, val] of Object.entries(fields)) f.set(k, String(val));
  return f;
};
const IDLE: FormState = { status: "idle" };
const messageOf = (s: FormState) => (s.status === "error" ? t(s.message.key, s.message.params) : s.status);
const fieldMessage = (s: FormState, field: string) => {
  const e = s.status === "error" ? s.fieldErrors[field] : undefined;
  return e ? t(e.key, e.params) : undefined;
};
const as = (viewer: StaffViewer) => {
  session.viewer = { ...viewer, username: "u", displayName: "d", unitName: "n" };
};

describe("the server actions", () => {
  beforeEach(() => {
    session.viewer = null;
  });

  it("bad input on every form: a clear Chinese message at the field, what was typed kept, nothing written", async () => {
    const routed = await caseAt("routed");
    const accepted = await caseAt("accepted");
    const replied = await caseAt("replied");
    const bureauCase = await file();
    const cases: {
      name: string;
      id: string;
      viewer: StaffViewer;
      run: (f: FormData) => Promise<FormState>;
      fields: Record<string, string>;
      field: string;
      message: string;
    }[] = [
      {
        name: "route",
        id: bureauCase.id,
        viewer: bureauCase.bureau,
        run: (f) => actions.routeCaseAction(IDLE, f),
        fields: { targetUnitId: "", note: "请办理" },
        field: "targetUnitId",
        message: "请选择承办单位。",
      },
      {
        name: "return",
        id: routed.id,
        viewer: dept,
        run: (f) => actions.returnCaseAction(IDLE, f),
        fields: { reason: "" },
        field: "reason",
        message: "请填写此项。",
      },
      {
        name: "accept",
        id: routed.id,
        viewer: dept,
        run: (f) => actions.acceptCaseAction(IDLE, f),
        fields: {},
        field: "confirm",
        message: "请勾选确认。",
      },
      {
        name: "notAccept",
        id: routed.id,
        viewer: dept,
        run: (f) => actions.notAcceptCaseAction(IDLE, f),
        fields: { reason: "已进入诉讼程序", properChannel: "" },
        field: "properChannel",
        message: "请选择告知信访人的法定途径。",
      },
      {
        name: "notAccept other",
        id: routed.id,
        viewer: dept,
        run: (f) => actions.notAcceptCaseAction(IDLE, f),
        fields: { reason: "已进入诉讼程序", properChannel: "OTHER", channelDetail: "" },
        field: "channelDetail",
        message: "选择“其他法定途径”时，请写明具体途径。",
      },
      {
        name: "assign",
        id: accepted.id,
        viewer: dept,
        run: (f) => actions.assignCaseAction(IDLE, f),
        fields: { assigneeId: "" },
        field: "assigneeId",
        message: "请选择经办人。",
      },
      {
        name: "internalNote",
        id: accepted.id,
        viewer: dept,
        run: (f) => actions.addInternalNoteAction(IDLE, f),
        fields: { text: "x" },
        field: "text",
        message: "至少 2 个字。",
      },
      {
        name: "publicNote",
        id: accepted.id,
        viewer: dept,
        run: (f) => actions.addPublicNoteAction(IDLE, f),
        fields: { text: "   " },
        field: "text",
        message: "请填写此项。",
      },
      {
        name: "requestInfo",
        id: accepted.id,
        viewer: dept,
        run: (f) => actions.requestInfoAction(IDLE, f),
        fields: { text: "材".repeat(2001) },
        field: "text",
        message: "最多 2000 个字。",
      },
      {
        name: "extension",
        id: accepted.id,
        viewer: dept,
        run: (f) => actions.requestExtensionAction(IDLE, f),
        fields: { days: "31", reason: "需要检测" },
        field: "days",
        message: "延期天数须为 1 至 30 日之间的整数（《信访工作条例》第34条）。",
      },
      {
        name: "extension text",
        id: accepted.id,
        viewer: dept,
        run: (f) => actions.requestExtensionAction(IDLE, f),
        fields: { days: "十五", reason: "需要检测" },
        field: "days",
        message: "延期天数须为 1 至 30 日之间的整数（《信访工作条例》第34条）。",
      },
      {
        name: "reply",
        id: accepted.id,
        viewer: dept,
        run: (f) => actions.replyCaseAction(IDLE, f),
        fields: { outcome: "", replyText: "经核查，已经修复完毕。" },
        field: "outcome",
        message: "请选择处理结果。",
      },
      {
        name: "publish",
        id: replied.id,
        viewer: dept,
        run: (f) => actions.publishCaseAction(IDLE, f),
        fields: { publicTitle: "", publicSummary: "信访人反映路灯不亮的问题。", publicReply: "" },
        field: "publicTitle",
        message: "请填写此项。",
      },
    ];
    for (const c of cases) {
      as(c.viewer);
      const before = await snapshot(c.id);
      const version = before.row.version;
      const state = await c.run(form({ petitionId: c.id, version, ...c.fields }));
      expect(messageOf(state), c.name).toBe("提交失败，请检查标出的项目。");
      expect(fieldMessage(state, c.field), c.name).toBe(c.message);
      if (state.status === "error")
        for (const [k, val] of Object.entries(c.fields)) expect(state.values[k], c.name).toBe(val);
      expect(await snapshot(c.id), c.name).toEqual(before);
    }
  });

  it("a valid form does the action; a rule refusal comes back as its Chinese message at the field", async () => {
    const c = await file({ categoryId: ref.categories.accusation.id, accusedUnitId: ref.township.id });
    as(c.bureau);
    const refused = await actions.routeCaseAction(
      IDLE,
      form({ petitionId: c.id, version: 1, targetUnitId: ref.township.id, note: "转送" }),
    );
    expect(messageOf(refused)).toBe("检举控告事项不得转送被检举控告的单位或其下属单位（《信访工作条例》第46条）。");
    expect(fieldMessage(refused, "targetUnitId")).toBe(messageOf(refused));
    // Routed on, the case leaves the bureau handler's scope: back to the queue rather than onto a 404.
    await expect(
      actions.routeCaseAction(
        IDLE,
        form({ petitionId: c.id, version: 1, targetUnitId: ref.otherTownship.id, note: "转送" }),
      ),
    ).rejects.toMatchObject({ redirectTo: "/staff" });
    expect((await db.petition.findUniqueOrThrow({ where: { id: c.id } })).currentUnitId).toBe(ref.otherTownship.id);
    // A case that stays in scope: the form says it is done.
    const accepted = await caseAt("accepted");
    as(dept);
    expect(
      await actions.requestInfoAction(IDLE, form({ petitionId: accepted.id, version: 3, text: "请补充照片" })),
    ).toEqual({ status: "done", result: undefined });
    expect((await eventsOf(accepted.id)).at(-1)).toMatchObject({
      type: "INFO_REQUESTED",
      note: "请补充照片",
      actorId: dept.userId,
    });
  });

  it("a case changed meanwhile: told to reload, with the typed text given back", async () => {
    const c = await caseAt("accepted");
    as(dept);
    const text = "这段很长的内部备注不应丢失";
    const state = await actions.addInternalNoteAction(IDLE, form({ petitionId: c.id, version: 2, text }));
    expect(messageOf(state)).toBe("信件已被他人处理或状态已变化，请刷新页面后重试。");
    expect(state.status === "error" && state.values.text).toBe(text);
    const broken = await actions.addInternalNoteAction(IDLE, form({ petitionId: c.id, version: "abc", text }));
    expect(messageOf(broken)).toBe("信件已被他人处理或状态已变化，请刷新页面后重试。");
  });

  it("not accepting tells the petitioner the proper channel in the reason", async () => {
    const c = await caseAt("routed");
    as(dept);
    await actions.notAcceptCaseAction(
      IDLE,
      form({
        petitionId: c.id,
        version: 2,
        reason: "该事项属于劳动争议",
        properChannel: "ARBITRATION",
        channelDetail: "县劳动人事争议仲裁委员会",
      }),
    );
    const reason = (await eventsOf(c.id)).at(-1)!;
    expect(reason).toMatchObject({ type: "NOT_ACCEPTED_REASON", visibility: "PETITIONER" });
    expect(reason.note).toBe("该事项属于劳动争议\n可通过以下途径解决：仲裁（县劳动人事争议仲裁委员会）");
    expect(JSON.parse(reason.data)).toEqual({ properChannel: "ARBITRATION" });
  });

  it("signed out, an admin, or a forged case id of another unit: 无权进行此操作, nothing written", async () => {
    const c = await caseAt("accepted");
    const fields = { petitionId: c.id, version: 3, text: "越权备注" };
    const before = await snapshot(c.id);
    for (const viewer of [null, admin, townHandler]) {
      session.viewer = viewer ? { ...viewer, username: "u", displayName: "d", unitName: "n" } : null;
      expect(messageOf(await actions.addInternalNoteAction(IDLE, form(fields)))).toBe("无权进行此操作。");
    }
    expect(await snapshot(c.id)).toEqual(before);
  });
});
