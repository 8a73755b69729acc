// The supervisor's tools on a real database: 督办 orders (issue, the unit's written answer, escalation), extension
// decisions (条例第34条), 领导包案 — each action's effect and events, each refusal with nothing written, who sees
// what (the public and the petitioner never read an order's message or answer, nor a staff account), and which
// forms the case page offers.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import * as S from "@/lib/data/supervision-actions";
import { requestExtension } from "@/lib/data/staff-case-actions";
import { findStaffCase } from "@/lib/data/staff-case";
import { findCaseSupervision } from "@/lib/data/case-supervision";
import { findPublicCase } from "@/lib/data/public-cases";
import { findPetitionerCase } from "@/lib/data/petitioner";
import { deadlinesOf } from "@/lib/data/case-view";
import { loadCalendar } from "@/lib/data/calendar";
import { verifyCaseChain } from "@/lib/data/chain";
import { CaseChangedError, ForbiddenError, RuleError, type RuleKey } from "@/lib/data/errors";
import { handleDeadline } from "@/lib/domain/deadlines";
import { orderAnswerDeadline } from "@/lib/domain/supervision";
import type { StaffViewer } from "@/lib/domain/authority";
import { translator } from "@/lib/i18n";
import type { FormState } from "@/lib/actions/form-state";
import { Timeline } from "@/components/petition/timeline";
import { caseAt, makeReferenceData, onlinePetition, staff, type ReferenceData } from "./factories";
import { mockStaffSession } from "./staff-session";

const session = mockStaffSession(); // before the server actions are imported
const actions = await import("@/lib/actions/staff/supervision-actions");

const T0 = new Date("2026-03-10T02:00:00Z"); // routed, accepted
const AT = new Date("2026-03-12T02:00:00Z"); // the supervisor acts
const SECRET = `督办要求${randomUUID().slice(0, 6)}`;
const ANSWER = `书面答复${randomUUID().slice(0, 6)}`;

let ref: ReferenceData;
let gov: { id: string; path: string; kind: "GOVERNMENT" };
let bureau: StaffViewer;
let dept: StaffViewer; // handler of the department: the supervised unit
let otherHandler: StaffViewer; // handler of another township
let countySupervisor: StaffViewer;
let townSupervisor: StaffViewer; // supervisor of ref.township's subtree: the department is not in it

beforeAll(async () => {
  setClock(AT);
  ref = await makeReferenceData();
  const g = await db.unit.findUniqueOrThrow({ where: { id: ref.department.parentId! } });
  gov = { id: g.id, path: g.path, kind: "GOVERNMENT" };
  bureau = await staff("handler", ref.bureau);
  dept = await staff("handler", ref.department, { displayName: "部门经办甲" });
  otherHandler = await staff("handler", ref.otherTownship);
  countySupervisor = await staff("supervisor", gov, { displayName: "县督办员乙" });
  townSupervisor = await staff("supervisor", ref.township);
});
afterAll(() => resetClock());

async function accepted() {
  const c = await caseAt("accepted", {
    petition: onlinePetition(ref),
    bureau,
    to: { unit: ref.department, handler: dept },
    at: { routed: T0, accepted: T0 },
  });
  return { id: c.id, trackingNo: c.trackingNo, version: c.version };
}

async function snapshot(id: string) {
  const [row, orders, requests, events] = await Promise.all([
    db.petition.findUniqueOrThrow({ where: { id } }),
    db.supervisionOrder.findMany({ where: { petitionId: id }, orderBy: { id: "asc" } }),
    db.extensionRequest.findMany({ where: { petitionId: id }, orderBy: { id: "asc" } }),
    db.petitionEvent.count({ where: { petitionId: id } }),
  ]);
  return { row, orders, requests, events };
}

async function expectRefused(id: string, run: () => Promise<unknown>, error: unknown, key?: RuleKey) {
  const before = await snapshot(id);
  const p = run();
  await expect(p).rejects.toBeInstanceOf(error as new () => Error);
  if (key) await expect(p).rejects.toMatchObject({ key });
  expect(await snapshot(id)).toEqual(before);
}

/** The fields every action on case `c` takes: its id, its version (after `done` more changes) and the instant. */
const on = (c: { id: string; version: number }, done = 0, at = AT) => ({
  petitionId: c.id,
  expectedVersion: c.version + done,
  at,
});

/** An accepted case with one order the county supervisor issued; its version after the order. */
async function supervised(measure: "URGE" | "LETTER" = "LETTER", message = SECRET) {
  const c = await accepted();
  await S.superviseCase(countySupervisor, { ...on(c), measure, message });
  const order = await db.supervisionOrder.findFirstOrThrow({ where: { petitionId: c.id } });
  return { ...c, version: c.version + 1, order };
}

/** The 领导包案 a test records unless it says otherwise. */
const CHARGE = { title: "副县长", startDate: "2026-03-12", targetDate: "2026-06-30" };

const lastEvents = async (id: string, n: number) =>
  (await db.petitionEvent.findMany({ where: { petitionId: id }, orderBy: { seq: "desc" }, take: n })).reverse();

describe("督办: issuing an order", () => {
  it("writes the order for the case's unit, due by the setting's days, with a PUBLIC measure and an INTERNAL message", async () => {
    const c = await accepted();
    await S.superviseCase(countySupervisor, { ...on(c), measure: "LETTER", message: SECRET });
    const [order] = await db.supervisionOrder.findMany({ where: { petitionId: c.id } });
    const due = orderAnswerDeadline(AT, 7, await loadCalendar(db));
    expect(order).toMatchObject({
      measure: "LETTER",
      message: SECRET,
      issuedById: countySupervisor.userId,
      targetUnitId: ref.department.id,
      issuedAt: AT,
      answerDueAt: due.dueAt,
      answeredAt: null,
    });
    const [supervised, note] = await lastEvents(c.id, 2);
    expect(supervised).toMatchObject({
      type: "SUPERVISED",
      visibility: "PUBLIC",
      note: null,
      actorId: countySupervisor.userId,
    });
    expect(JSON.parse(supervised!.data)).toEqual({ measure: "LETTER", answerDueDate: due.dueDate, orderId: order!.id });
    expect(note).toMatchObject({ type: "NOTE_INTERNAL", visibility: "INTERNAL", note: SECRET });
    expect((await db.petition.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(c.version + 1);
    expect((await verifyCaseChain(c.trackingNo))?.ok).toBe(true);
  });

  it("is refused to a handler, to a supervisor of another subtree, on a replied case and on a stale page; nothing written", async () => {
    const c = await accepted();
    const run =
      (v: StaffViewer, version = c.version) =>
      () =>
        S.superviseCase(v, {
          petitionId: c.id,
          expectedVersion: version,
          at: AT,
          measure: "URGE",
          message: "请加快办理",
        });
    await expectRefused(c.id, run(dept), ForbiddenError);
    await expectRefused(c.id, run(otherHandler), ForbiddenError);
    await expectRefused(c.id, run(townSupervisor), ForbiddenError);
    await expectRefused(c.id, run(countySupervisor, c.version - 1), CaseChangedError);
    const replied = await caseAt("replied", {
      petition: onlinePetition(ref),
      bureau,
      to: { unit: ref.department, handler: dept },
      at: { routed: T0, accepted: T0, replied: T0 },
    });
    await expectRefused(
      replied.id,
      () => S.superviseCase(countySupervisor, { ...on(replied), measure: "URGE", message: "请加快办理" }),
      CaseChangedError,
    );
  });
});

describe("督办: the unit's written answer", () => {
  it("is recorded once, by the supervised unit's staff, INTERNAL, with the answer and whether it came late", async () => {
    const c = await supervised();
    await S.answerSupervision(dept, { ...on(c), orderId: c.order.id, answerText: ANSWER });
    const order = await db.supervisionOrder.findUniqueOrThrow({ where: { id: c.order.id } });
    expect(order).toMatchObject({ answeredAt: AT, answerText: ANSWER, answeredById: dept.userId });
    const [e] = await lastEvents(c.id, 1);
    expect(e).toMatchObject({
      type: "SUPERVISION_ANSWERED",
      visibility: "INTERNAL",
      note: ANSWER,
      unitId: ref.department.id,
    });
    expect(JSON.parse(e!.data)).toEqual({ orderId: c.order.id, measure: "LETTER", late: false });
    // A second answer: the order no longer waits.
    await expectRefused(
      c.id,
      () => S.answerSupervision(dept, { ...on(c, 1), orderId: c.order.id, answerText: "再次答复" }),
      RuleError,
      "supervision.notWaiting",
    );
  });

  it("after its deadline is recorded as late", async () => {
    const c = await supervised();
    const late = new Date(c.order.answerDueAt.getTime() + 1);
    await S.answerSupervision(dept, { ...on(c, 0, late), orderId: c.order.id, answerText: ANSWER });
    const [e] = await lastEvents(c.id, 1);
    expect(JSON.parse(e!.data)).toMatchObject({ late: true });
  });

  it("is refused to staff of any other unit — the county supervisor included — and for an order of another case; nothing written", async () => {
    const c = await supervised();
    const answer =
      (v: StaffViewer, orderId = c.order.id) =>
      () =>
        S.answerSupervision(v, { ...on(c), orderId, answerText: ANSWER });
    await expectRefused(c.id, answer(countySupervisor), RuleError, "supervision.notYourUnit");
    await expectRefused(c.id, answer(otherHandler), ForbiddenError);
    await expectRefused(c.id, answer(townSupervisor), ForbiddenError);
    const other = await supervised();
    await expectRefused(c.id, answer(dept, other.order.id), RuleError, "supervision.notWaiting");
    await expectRefused(c.id, answer(dept, "no-such-order"), RuleError, "supervision.notWaiting");
  });
});

describe("督办: escalation", () => {
  it("replaces an order that awaits its answer by a stronger one; the old one is superseded and can no longer be answered", async () => {
    const c = await supervised("URGE", "请加快办理");
    const old = c.order;
    const later = new Date(AT.getTime() + 3 * 24 * 3600 * 1000);
    await S.escalateSupervision(countySupervisor, {
      ...on(c, 0, later),
      orderId: old.id,
      measure: "INTERVIEW",
      message: SECRET,
    });
    const orders = await db.supervisionOrder.findMany({ where: { petitionId: c.id }, orderBy: { issuedAt: "asc" } });
    expect(orders).toHaveLength(2);
    expect(orders[0]).toMatchObject({ id: old.id, escalatedAt: later, escalatedToId: orders[1]!.id });
    expect(orders[1]).toMatchObject({
      measure: "INTERVIEW",
      message: SECRET,
      targetUnitId: ref.department.id,
      escalatedAt: null,
    });
    const [escalated] = await lastEvents(c.id, 2);
    expect(JSON.parse(escalated!.data)).toMatchObject({
      measure: "INTERVIEW",
      escalatedFrom: "URGE",
      orderId: orders[1]!.id,
    });
    await expectRefused(
      c.id,
      () => S.answerSupervision(dept, { ...on(c, 1, later), orderId: old.id, answerText: ANSWER }),
      RuleError,
      "supervision.notWaiting",
    );
  });

  it("is refused to a milder or equal measure, for an answered order, to a handler and outside the subtree; nothing written", async () => {
    const c = await supervised("LETTER", "请加快办理");
    const { order } = c;
    const escalate = (who: StaffViewer, measure: "URGE" | "LETTER" | "LISTED") => () =>
      S.escalateSupervision(who, { ...on(c), orderId: order.id, measure, message: "升级" });
    await expectRefused(c.id, escalate(countySupervisor, "URGE"), RuleError, "supervision.notStronger");
    await expectRefused(c.id, escalate(countySupervisor, "LETTER"), RuleError, "supervision.notStronger");
    await expectRefused(c.id, escalate(dept, "LISTED"), ForbiddenError);
    await expectRefused(c.id, escalate(townSupervisor, "LISTED"), ForbiddenError);
    await S.answerSupervision(dept, { ...on(c), orderId: order.id, answerText: ANSWER });
    await expectRefused(
      c.id,
      () =>
        S.escalateSupervision(countySupervisor, { ...on(c, 1), orderId: order.id, measure: "LISTED", message: "升级" }),
      RuleError,
      "supervision.notWaiting",
    );
  });
});

describe("延期审批 (条例第34条)", () => {
  async function withRequest(days = 15) {
    const c = await accepted();
    await requestExtension(dept, { ...on(c), days, reason: "需要协调多个部门现场核查" });
    const request = await db.extensionRequest.findFirstOrThrow({ where: { petitionId: c.id } });
    return { ...c, version: c.version + 1, request };
  }

  it("approval moves the handling deadline by the requested days and tells the petitioner why and until when", async () => {
    const c = await withRequest(15);
    const reason = "需要协调住建、交通两个部门现场核查";
    await S.approveExtension(countySupervisor, { ...on(c), requestId: c.request.id, note: reason });
    const due = handleDeadline(T0, await loadCalendar(db), 15);
    const row = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ extensionDays: 15, handleDueAt: due.dueAt, currentDueAt: due.dueAt });
    expect(await db.extensionRequest.findUniqueOrThrow({ where: { id: c.request.id } })).toMatchObject({
      decision: "APPROVED",
      decidedById: countySupervisor.userId,
      decidedAt: AT,
      decisionNote: reason,
    });
    const [e] = await lastEvents(c.id, 1);
    expect(e).toMatchObject({ type: "EXTENSION_APPROVED", visibility: "PETITIONER", note: reason });
    expect(JSON.parse(e!.data)).toEqual({ extensionDays: 15, handleDueDate: due.dueDate });

    // The petitioner reads it; the public does not. The explanation of the due date says 延期 15 日 everywhere.
    const petitioner = (await findPetitionerCase(c.id))!;
    expect(petitioner.events.map((x) => x.type)).toContain("EXTENSION_APPROVED");
    const pub = (await findPublicCase(c.trackingNo))!;
    expect(pub.events.map((x) => x.type)).not.toContain("EXTENSION_APPROVED");
    const handleOf = (ds: { kind: string; explanation: { extensionDays: number; dueDate: string } | null }[]) =>
      ds.find((d) => d.kind === "handle")!.explanation;
    expect(handleOf((await findStaffCase(countySupervisor, c.id, AT))!.deadlines)).toMatchObject({
      extensionDays: 15,
      dueDate: due.dueDate,
    });
    expect(handleOf(await deadlinesOf(pub, AT))).toMatchObject({ extensionDays: 15, dueDate: due.dueDate });
    expect(handleOf(await deadlinesOf(petitioner, AT))).toMatchObject({ extensionDays: 15 });

    // Once: no second request is accepted, and nothing is left to approve.
    await expectRefused(
      c.id,
      () => requestExtension(dept, { ...on(c, 1), days: 5, reason: "再次延期" }),
      RuleError,
      "extension.once",
    );
    await expectRefused(
      c.id,
      () => S.approveExtension(countySupervisor, { ...on(c, 1), requestId: c.request.id, note: reason }),
      RuleError,
      "extension.none",
    );
  });

  it("denial keeps the deadline, INTERNAL; the unit may then ask again, and that request may be approved", async () => {
    const c = await withRequest(10);
    const before = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    await S.rejectExtension(countySupervisor, { ...on(c), requestId: c.request.id, note: "理由不充分" });
    const after = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({
      extensionDays: 0,
      handleDueAt: before.handleDueAt,
      currentDueAt: before.currentDueAt,
    });
    const [e] = await lastEvents(c.id, 1);
    expect(e).toMatchObject({ type: "EXTENSION_REJECTED", visibility: "INTERNAL", note: "理由不充分" });
    expect(JSON.parse(e!.data)).toEqual({ extensionDays: 10 });
    await requestExtension(dept, { ...on(c, 1), days: 20, reason: "补充理由后再次申请" });
    const second = await db.extensionRequest.findFirstOrThrow({ where: { petitionId: c.id, decision: null } });
    await S.approveExtension(countySupervisor, { ...on(c, 2), requestId: second.id, note: "同意" });
    expect((await db.petition.findUniqueOrThrow({ where: { id: c.id } })).extensionDays).toBe(20);
  });

  it("is refused to handlers, outside the subtree, without a waiting request, and for another case's request; nothing written", async () => {
    const c = await withRequest();
    const decide =
      (fn: typeof S.approveExtension, v: StaffViewer, requestId = c.request.id) =>
      () =>
        fn(v, { ...on(c), requestId, note: "决定" });
    for (const fn of [S.approveExtension, S.rejectExtension]) {
      await expectRefused(c.id, decide(fn, dept), ForbiddenError);
      await expectRefused(c.id, decide(fn, otherHandler), ForbiddenError);
      await expectRefused(c.id, decide(fn, townSupervisor), ForbiddenError);
      await expectRefused(c.id, decide(fn, countySupervisor, "no-such-request"), RuleError, "extension.none");
    }
    const other = await withRequest();
    await expectRefused(
      c.id,
      decide(S.approveExtension, countySupervisor, other.request.id),
      RuleError,
      "extension.none",
    );
    const none = await accepted();
    await expectRefused(
      none.id,
      () => S.rejectExtension(countySupervisor, { ...on(none), requestId: c.request.id, note: "决定" }),
      RuleError,
      "extension.none",
    );
  });
});

describe("领导包案", () => {
  it("records the office and dates (PUBLIC, title only), one leader at a time, and its end with whether it was resolved", async () => {
    const c = await accepted();
    await S.takeCharge(countySupervisor, { ...on(c), ...CHARGE });
    expect(await db.petition.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      leaderTitle: "副县长",
      leaderStartAt: new Date("2026-03-11T16:00:00Z"),
      leaderTargetAt: new Date("2026-06-30T15:59:59.999Z"),
      leaderEndedAt: null,
    });
    const [took] = await lastEvents(c.id, 1);
    expect(took).toMatchObject({ type: "LEADER_TOOK_CHARGE", visibility: "PUBLIC", note: null });
    expect(JSON.parse(took!.data)).toEqual(CHARGE);
    await expectRefused(
      c.id,
      () => S.takeCharge(countySupervisor, { ...on(c, 1), ...CHARGE, title: "县长" }),
      RuleError,
      "charge.already",
    );

    const pub = (await findPublicCase(c.trackingNo))!;
    expect(pub).toMatchObject({ leaderTitle: "副县长", leaderEndedAt: null });

    await S.endCharge(countySupervisor, { ...on(c, 1), resolved: true });
    expect(await db.petition.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      leaderEndedAt: AT,
      leaderResolved: true,
    });
    const [ended] = await lastEvents(c.id, 1);
    expect(ended).toMatchObject({ type: "LEADER_CHARGE_ENDED", visibility: "PUBLIC" });
    expect(JSON.parse(ended!.data)).toEqual({ resolved: true });
    await expectRefused(
      c.id,
      () => S.endCharge(countySupervisor, { ...on(c, 2), resolved: false }),
      RuleError,
      "charge.notInCharge",
    );
  });

  it("is refused for an office not on the list, a target not after the start, a start in the future, to handlers and outside the subtree", async () => {
    const c = await accepted();
    const take = (v: StaffViewer, over: Partial<typeof CHARGE>) => () =>
      S.takeCharge(v, { ...on(c), ...CHARGE, ...over });
    await expectRefused(c.id, take(countySupervisor, { title: "张三" }), RuleError, "charge.title");
    await expectRefused(c.id, take(countySupervisor, { targetDate: "2026-03-12" }), RuleError, "charge.dates");
    await expectRefused(c.id, take(countySupervisor, { startDate: "2026-03-13" }), RuleError, "charge.startInFuture");
    await expectRefused(c.id, take(dept, {}), ForbiddenError);
    await expectRefused(c.id, take(townSupervisor, {}), ForbiddenError);
    await expectRefused(
      c.id,
      () => S.endCharge(countySupervisor, { ...on(c), resolved: true }),
      RuleError,
      "charge.notInCharge",
    );
  });
});

describe("what the public and the petitioner see of supervision", () => {
  it("the public timeline says 已督办 · 督办函 and 领导包案 · 副县长 — never the message, the answer, a denial's reason or a staff account", async () => {
    const c = await accepted();
    let v = c.version;
    await S.superviseCase(countySupervisor, {
      petitionId: c.id,
      expectedVersion: v++,
      at: AT,
      measure: "LETTER",
      message: SECRET,
    });
    const order = await db.supervisionOrder.findFirstOrThrow({ where: { petitionId: c.id } });
    await S.answerSupervision(dept, {
      petitionId: c.id,
      expectedVersion: v++,
      at: AT,
      orderId: order.id,
      answerText: ANSWER,
    });
    await requestExtension(dept, {
      petitionId: c.id,
      expectedVersion: v++,
      at: AT,
      days: 5,
      reason: "请求延期的内部理由",
    });
    const request = await db.extensionRequest.findFirstOrThrow({ where: { petitionId: c.id } });
    await S.rejectExtension(countySupervisor, {
      petitionId: c.id,
      expectedVersion: v++,
      at: AT,
      requestId: request.id,
      note: "不批准的内部理由",
    });
    await S.takeCharge(countySupervisor, { petitionId: c.id, expectedVersion: v++, at: AT, ...CHARGE });

    const pub = (await findPublicCase(c.trackingNo))!;
    const petitioner = (await findPetitionerCase(c.id))!;
    const t = translator("zh-CN");
    const html = renderToStaticMarkup(createElement(Timeline, { events: pub.events, t, emptyText: "" }));
    expect(html).toContain("已督办 · 督办函");
    expect(html).toContain("领导包案 · 副县长");
    const petitionerHtml = renderToStaticMarkup(
      createElement(Timeline, { events: petitioner.events, t, emptyText: "" }),
    );
    expect(petitionerHtml).toContain("已督办 · 督办函");
    for (const text of [JSON.stringify(pub), html, JSON.stringify(petitioner.events), petitionerHtml]) {
      for (const secret of [
        SECRET,
        ANSWER,
        "不批准的内部理由",
        "请求延期的内部理由",
        "县督办员乙",
        "部门经办甲",
        countySupervisor.userId,
        dept.userId,
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});

describe("the case page's 督办 part offers exactly what the rules allow", () => {
  it("the supervisor: 督办 and 包案 while open, 延期审批 while a request waits, 升级 of a waiting order; the unit: its answer only", async () => {
    const c = await accepted();
    const page = async (v: StaffViewer) => findCaseSupervision(v, (await findStaffCase(v, c.id, AT))!, AT);
    expect((await page(countySupervisor)).actions).toEqual(["supervise", "takeCharge"]);
    expect((await page(dept)).actions).toEqual([]);
    await S.superviseCase(countySupervisor, { ...on(c), measure: "NOTICE", message: SECRET });
    await requestExtension(dept, { ...on(c, 1), days: 7, reason: "需要检测" });
    const sup = await page(countySupervisor);
    expect(sup.actions).toEqual(["supervise", "approveExtension", "rejectExtension", "takeCharge"]);
    expect(sup.orders).toHaveLength(1);
    expect(sup.orders[0]).toMatchObject({
      measure: "NOTICE",
      status: "open",
      issuedByName: "县督办员乙",
      mayAnswer: false,
      escalateTo: ["LISTED"],
    });
    expect(sup.pendingExtension).toMatchObject({
      days: 7,
      newHandleDueAt: handleDeadline(T0, await loadCalendar(db), 7).dueAt,
    });
    const unit = await page(dept);
    expect(unit.actions).toEqual([]);
    expect(unit.orders[0]).toMatchObject({ mayAnswer: true, escalateTo: [] });
    // Overdue once its deadline passed.
    const late = new Date(unit.orders[0]!.answerDueAt.getTime() + 1);
    expect((await findCaseSupervision(dept, (await findStaffCase(dept, c.id, late))!, late)).orders[0]!.status).toBe(
      "overdue",
    );
  });
});

describe("the server actions", () => {
  const viewerOf = (v: StaffViewer) => ({ ...v, username: "u", displayName: "县督办员乙", unitName: "县" });
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };

  it("refuse an empty message or a measure not on the list with the field's message, keeping what was typed; nothing written", async () => {
    const c = await accepted();
    session.viewer = viewerOf(countySupervisor);
    const before = await snapshot(c.id);
    const r = (await actions.superviseAction(
      { status: "idle" },
      form({ petitionId: c.id, version: String(c.version), measure: "SHOUT", message: "" }),
    )) as FormState;
    expect(r).toMatchObject({
      status: "error",
      fieldErrors: { measure: { key: "supervision.errors.chooseMeasure" }, message: { key: "errors.required" } },
      values: { measure: "SHOUT" },
    });
    const title = (await actions.takeChargeAction(
      { status: "idle" },
      form({
        petitionId: c.id,
        version: String(c.version),
        title: "王县长",
        startDate: "2026-03-12",
        targetDate: "2026-06-30",
      }),
    )) as FormState;
    expect(title).toMatchObject({ status: "error", fieldErrors: { title: { key: "supervision.errors.chooseTitle" } } });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("act for the supervisor, and refuse a handler with the forbidden message", async () => {
    const c = await accepted();
    session.viewer = viewerOf(dept);
    const fields = { petitionId: c.id, version: String(c.version), measure: "LETTER", message: SECRET };
    expect(await actions.superviseAction({ status: "idle" }, form(fields))).toMatchObject({
      status: "error",
      message: { key: "errors.forbidden" },
    });
    session.viewer = viewerOf(countySupervisor);
    expect(await actions.superviseAction({ status: "idle" }, form(fields))).toEqual({
      status: "done",
      result: undefined,
    });
    expect(await db.supervisionOrder.count({ where: { petitionId: c.id } })).toBe(1);
    const dates = await actions.takeChargeAction(
      { status: "idle" },
      form({
        petitionId: c.id,
        version: String(c.version + 1),
        title: "县长",
        startDate: "2026-03-12",
        targetDate: "2026-03-01",
      }),
    );
    expect(dates).toMatchObject({
      status: "error",
      message: { key: "rules.charge.dates" },
      fieldErrors: { targetDate: { key: "rules.charge.dates" } },
    });
  });
});
