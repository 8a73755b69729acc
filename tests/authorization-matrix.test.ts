// The authorisation matrix at the data layer: every handling action × every staff role × a case of the
// viewer's own unit / of another unit. What the UI and the server actions do is decided here, so a bug
// here is a cross-unit data breach: each refusal must also leave the case exactly as it was.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import * as A from "@/lib/data/staff-case-actions";
import * as R from "@/lib/data/review-actions";
import { evaluateAnswer, requestRecheck, requestReview } from "@/lib/data/petitioner";
import * as S from "@/lib/data/supervision-actions";
import { CaseChangedError, ForbiddenError, RuleError } from "@/lib/data/errors";
import type { StaffViewer } from "@/lib/domain/authority";
import { caseAt as caseMovedTo, staff, unit, unitRef } from "./factories";

type Unit = { id: string; path: string; kind: StaffViewer["unit"]["kind"] };
let units: Record<"gov" | "bureau" | "a" | "b", Unit>;
let viewers: Record<string, StaffViewer>;
let categoryId: string;
let townshipId: string;
const at = () => now();

beforeAll(async () => {
  const tag = randomUUID().slice(0, 6);
  const gov = unitRef(await unit("gov", "GOVERNMENT", null, { tag }));
  // createPetition files at the first bureau by path; reuse one if another test file made it first.
  const existing = await db.unit.findFirst({
    where: { kind: "BUREAU" },
    orderBy: { path: "asc" },
    select: { id: true, path: true, kind: true },
  });
  const bureau = unitRef(existing ?? (await unit("bureau", "BUREAU", gov, { tag })));
  const a = unitRef(await unit("a", "DEPARTMENT", gov, { tag }));
  const b = unitRef(await unit("b", "TOWNSHIP", gov, { tag }));
  units = { gov, bureau, a, b };
  townshipId = b.id;
  categoryId = (await db.category.create({ data: { code: `m-${tag}`, name: `m-${tag}`, kind: "APPEAL" } })).id;
  viewers = {
    bureauHandler: await staff("handler", bureau, { name: "bureauHandler" }),
    aHandler: await staff("handler", a, { name: "aHandler" }),
    bHandler: await staff("handler", b, { name: "bHandler" }),
    countySupervisor: {
      ...(await staff("supervisor", gov, { name: "countySupervisor" })),
      unit: bureau.path.startsWith(gov.path) ? gov : { ...gov, path: "/" },
    },
    bSupervisor: await staff("supervisor", b, { name: "bSupervisor" }),
    // 县政府's handler: the reviewing body (复查, 复核) of unit A's cases, nothing else.
    govHandler: await staff("handler", gov, { name: "govHandler" }),
    admin: await staff("admin", gov, { name: "admin" }),
  };
  await staff("handler", a, { name: "aHandler2" });
});

const STAGES = {
  bureau: "bureau",
  submittedAtA: "routed",
  acceptedAtA: "accepted",
  repliedAtA: "replied",
  // 复查 and 复核 of A's answer: at the county government (A's parent, and the top).
  inReviewAtGov: "inReview",
  reviewedAtGov: "reviewed",
  inRecheckAtGov: "inRecheck",
  finalAtGov: "final",
} as const;

/** A fresh case at the bureau, optionally routed to unit A and moved on to a state. */
async function caseAt(stage: keyof typeof STAGES) {
  const petition = {
    channel: "ONLINE",
    categoryId,
    placeId: townshipId,
    title: "矩阵测试信件",
    content: "用于授权矩阵测试的信件内容，不少于二十个字符。",
    address: "测试地址一号",
    petitionerName: "矩阵人",
    petitionerPhone: "13900000000",
    consentPublic: true,
    receivedAt: at(),
  } as const;
  const bureauHandler = { userId: viewers.bureauHandler!.userId, role: "handler" as const, unit: units.bureau };
  const to = { unit: units.a, handler: viewers.aHandler! };
  return (
    await caseMovedTo(STAGES[stage], {
      petition,
      bureau: bureauHandler,
      to,
      reply: { outcome: "SUPPORT", replyText: "答复内容" },
      reviewer: viewers.govHandler!,
    })
  ).id;
}

async function snapshot(id: string) {
  const row = await db.petition.findUniqueOrThrow({
    where: { id },
    select: { version: true, state: true, currentUnitId: true, eventCount: true, headHash: true, assigneeId: true },
  });
  return row;
}

type Case = {
  action: string;
  stage: Parameters<typeof caseAt>[0];
  /** What the action needs first (an order, a request, a 包案), made by those allowed to make it. */
  prepare?: (id: string) => Promise<unknown>;
  run: (v: StaffViewer, id: string, version: number) => Promise<unknown>;
  /** Refusals that are a rule's, not the scope's or the role's (a supervisor in scope, not of the supervised unit). */
  refusedWith?: Partial<Record<string, new (...args: never[]) => Error>>;
};
const handlerAtA = async () =>
  (await db.user.findFirstOrThrow({ where: { displayName: "aHandler2", unitId: units.a.id } })).id;

// The supervisor's tools (督办, 延期审批, 领导包案) and the unit's answer to an order: what each needs is made first.
const versionOf = async (id: string) =>
  (await db.petition.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const orderOf = async (id: string) => (await db.supervisionOrder.findFirstOrThrow({ where: { petitionId: id } })).id;
const requestOf = async (id: string) =>
  (await db.extensionRequest.findFirstOrThrow({ where: { petitionId: id, decision: null } })).id;
const issueOrder = async (id: string) =>
  S.superviseCase(viewers.countySupervisor!, {
    petitionId: id,
    expectedVersion: await versionOf(id),
    at: at(),
    measure: "URGE",
    message: "请加快办理",
  });
const askExtension = async (id: string) =>
  A.requestExtension(viewers.aHandler!, {
    petitionId: id,
    expectedVersion: await versionOf(id),
    at: at(),
    days: 10,
    reason: "需要现场测量",
  });
const today = () => new Date(at().getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const chargeTaken = async (id: string) =>
  S.takeCharge(viewers.countySupervisor!, {
    petitionId: id,
    expectedVersion: await versionOf(id),
    at: at(),
    title: "副县长",
    startDate: today(),
    targetDate: "2099-12-31",
  });

const SUPERVISION_CASES: Case[] = [
  {
    action: "supervise",
    stage: "acceptedAtA",
    run: (v, id, version) =>
      S.superviseCase(v, { petitionId: id, expectedVersion: version, at: at(), measure: "LETTER", message: "督办" }),
  },
  {
    action: "escalateSupervision",
    stage: "acceptedAtA",
    prepare: issueOrder,
    run: async (v, id, version) =>
      S.escalateSupervision(v, {
        petitionId: id,
        expectedVersion: version,
        at: at(),
        orderId: await orderOf(id),
        measure: "LISTED",
        message: "升级",
      }),
  },
  {
    action: "answerSupervision",
    stage: "acceptedAtA",
    prepare: issueOrder,
    run: async (v, id, version) =>
      S.answerSupervision(v, {
        petitionId: id,
        expectedVersion: version,
        at: at(),
        orderId: await orderOf(id),
        answerText: "已书面答复",
      }),
    // In scope, but not of the supervised unit: the rule refuses (rules.supervision.notYourUnit).
    refusedWith: { countySupervisor: RuleError },
  },
  {
    action: "approveExtension",
    stage: "acceptedAtA",
    prepare: askExtension,
    run: async (v, id, version) =>
      S.approveExtension(v, {
        petitionId: id,
        expectedVersion: version,
        at: at(),
        requestId: await requestOf(id),
        note: "同意",
      }),
  },
  {
    action: "rejectExtension",
    stage: "acceptedAtA",
    prepare: askExtension,
    run: async (v, id, version) =>
      S.rejectExtension(v, {
        petitionId: id,
        expectedVersion: version,
        at: at(),
        requestId: await requestOf(id),
        note: "不同意",
      }),
  },
  {
    action: "takeCharge",
    stage: "acceptedAtA",
    run: (v, id, version) =>
      S.takeCharge(v, {
        petitionId: id,
        expectedVersion: version,
        at: at(),
        title: "副县长",
        startDate: today(),
        targetDate: "2099-12-31",
      }),
  },
  {
    action: "endCharge",
    stage: "acceptedAtA",
    prepare: chargeTaken,
    run: (v, id, version) => S.endCharge(v, { petitionId: id, expectedVersion: version, at: at(), resolved: true }),
  },
];

// 复查/复核 answers and the 重复信访 link (lib/data/review-actions.ts). The link needs a FINAL case to point at.
let finalTrackingNo: string | null = null;
const finalCase = async () =>
  (finalTrackingNo ??= (await db.petition.findUniqueOrThrow({ where: { id: await caseAt("finalAtGov") } })).trackingNo);

const REVIEW_CASES: Case[] = [
  {
    action: "reviewReply",
    stage: "inReviewAtGov",
    run: (v, id, version) =>
      R.reviewReply(v, {
        petitionId: id,
        expectedVersion: version,
        at: at(),
        outcome: "EXPLAIN",
        text: "经复查，维持原处理意见。",
      }),
  },
  {
    action: "recheckReply",
    stage: "inRecheckAtGov",
    run: (v, id, version) =>
      R.recheckReply(v, {
        petitionId: id,
        expectedVersion: version,
        at: at(),
        outcome: "EXPLAIN",
        text: "经复核，维持复查意见。",
      }),
  },
  {
    action: "linkRepeat",
    stage: "acceptedAtA",
    run: async (v, id, version) =>
      R.linkRepeat(v, { petitionId: id, expectedVersion: version, at: at(), trackingNo: await finalCase() }),
  },
];

const CASES: Case[] = [
  {
    action: "route",
    stage: "bureau",
    run: (v, id, version) =>
      A.routeCase(v, { petitionId: id, expectedVersion: version, at: at(), targetUnitId: units.a.id, note: "转送" }),
  },
  {
    action: "return",
    stage: "submittedAtA",
    run: (v, id, version) =>
      A.returnCase(v, { petitionId: id, expectedVersion: version, at: at(), reason: "不属于本单位职责" }),
  },
  {
    action: "accept",
    stage: "submittedAtA",
    run: (v, id, version) => A.acceptCase(v, { petitionId: id, expectedVersion: version, at: at() }),
  },
  {
    action: "notAccept",
    stage: "submittedAtA",
    run: (v, id, version) =>
      A.notAcceptCase(v, {
        petitionId: id,
        expectedVersion: version,
        at: at(),
        reason: "已进入诉讼程序",
        properChannel: "LITIGATION",
      }),
  },
  {
    action: "assign",
    stage: "acceptedAtA",
    run: async (v, id, version) =>
      A.assignCase(v, { petitionId: id, expectedVersion: version, at: at(), assigneeId: await handlerAtA() }),
  },
  {
    action: "internalNote",
    stage: "acceptedAtA",
    run: (v, id, version) =>
      A.addInternalNote(v, { petitionId: id, expectedVersion: version, at: at(), text: "内部备注" }),
  },
  {
    action: "publicNote",
    stage: "acceptedAtA",
    run: (v, id, version) =>
      A.addPublicNote(v, { petitionId: id, expectedVersion: version, at: at(), text: "已现场查看" }),
  },
  {
    action: "requestInfo",
    stage: "acceptedAtA",
    run: (v, id, version) =>
      A.requestInfo(v, { petitionId: id, expectedVersion: version, at: at(), text: "请补充照片" }),
  },
  {
    action: "requestExtension",
    stage: "acceptedAtA",
    run: (v, id, version) =>
      A.requestExtension(v, { petitionId: id, expectedVersion: version, at: at(), days: 15, reason: "需要现场测量" }),
  },
  {
    action: "reply",
    stage: "acceptedAtA",
    run: (v, id, version) =>
      A.replyCase(v, { petitionId: id, expectedVersion: version, at: at(), outcome: "EXPLAIN", replyText: "答复" }),
  },
  {
    action: "publish",
    stage: "repliedAtA",
    run: (v, id, version) =>
      A.publishCase(v, {
        petitionId: id,
        expectedVersion: version,
        at: at(),
        publicTitle: "公开标题",
        publicSummary: "公开摘要",
        publicReply: "公开答复",
      }),
  },
  ...SUPERVISION_CASES,
  ...REVIEW_CASES,
];

// Who may: the bureau routes; unit A's handler does everything else on A's cases (extension requests are
// the handler's alone); the county supervisor may act across the county except requesting an extension.
// A handler of another unit, a supervisor of another subtree, and the admin may do nothing.
// The supervisor's tools (督办, 升级, 延期审批, 领导包案) are the county supervisor's alone; an order is answered only by
// staff of the unit it was issued to (unit A's handler) — the county supervisor, in scope, is refused by that rule.
const ALLOWED: Record<string, ReadonlySet<string>> = {
  bureauHandler: new Set(["route"]),
  aHandler: new Set([
    "return",
    "accept",
    "notAccept",
    "assign",
    "internalNote",
    "publicNote",
    "requestInfo",
    "requestExtension",
    "reply",
    "publish",
    "answerSupervision", // the supervised unit's own answer
    "linkRepeat",
  ]),
  bHandler: new Set(),
  countySupervisor: new Set([
    "route",
    "return",
    "accept",
    "notAccept",
    "assign",
    "internalNote",
    "publicNote",
    "requestInfo",
    "reply",
    "publish",
    "supervise",
    "escalateSupervision",
    "approveExtension",
    "rejectExtension",
    "takeCharge",
    "endCharge",
    "reviewReply",
    "recheckReply",
    "linkRepeat",
  ]),
  // Unit A's own handler no longer holds a case in 复查/复核: only the reviewing body (and supervisors above) answer.
  govHandler: new Set(["reviewReply", "recheckReply"]),
  bSupervisor: new Set(),
  admin: new Set(),
};

describe("authorisation matrix (data layer)", () => {
  for (const c of CASES) {
    for (const who of Object.keys(ALLOWED)) {
      const allowed = ALLOWED[who]!.has(c.action);
      it(`${c.action} by ${who}: ${allowed ? "allowed" : "refused, nothing written"}`, async () => {
        const id = await caseAt(c.stage);
        await c.prepare?.(id);
        const before = await snapshot(id);
        const run = c.run(viewers[who]!, id, before.version);
        if (allowed) {
          await run;
          const after = await snapshot(id);
          expect(after.version).toBe(before.version + 1);
          expect(after.eventCount).toBeGreaterThan(before.eventCount);
        } else {
          await expect(run).rejects.toBeInstanceOf(c.refusedWith?.[who] ?? ForbiddenError);
          expect(await snapshot(id)).toEqual(before);
        }
      });
    }
  }
});

describe("forged ids in the form change nothing", () => {
  it("routing to a unit id that does not exist is refused", async () => {
    const id = await caseAt("bureau");
    const before = await snapshot(id);
    await expect(
      A.routeCase(viewers.bureauHandler!, {
        petitionId: id,
        expectedVersion: before.version,
        at: at(),
        targetUnitId: "forged-unit",
        note: "",
      }),
    ).rejects.toBeInstanceOf(RuleError);
    expect(await snapshot(id)).toEqual(before);
  });

  it("assigning a handler of another unit is refused", async () => {
    const id = await caseAt("acceptedAtA");
    const before = await snapshot(id);
    await expect(
      A.assignCase(viewers.aHandler!, {
        petitionId: id,
        expectedVersion: before.version,
        at: at(),
        assigneeId: viewers.bHandler!.userId,
      }),
    ).rejects.toBeInstanceOf(RuleError);
    expect(await snapshot(id)).toEqual(before);
  });

  it("a viewer object claiming another unit does not help: scope comes from the case row, checked against the viewer's real unit", async () => {
    // The action layer re-reads the viewer from the database; here a handler of B names unit A's case.
    const id = await caseAt("acceptedAtA");
    const before = await snapshot(id);
    await expect(
      A.addInternalNote(viewers.bHandler!, { petitionId: id, expectedVersion: before.version, at: at(), text: "越权" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(id)).toEqual(before);
  });

  it("a stale version is told the case changed, and writes nothing", async () => {
    const id = await caseAt("acceptedAtA");
    const before = await snapshot(id);
    await expect(
      A.addInternalNote(viewers.aHandler!, {
        petitionId: id,
        expectedVersion: before.version - 1,
        at: at(),
        text: "旧页面",
      }),
    ).rejects.toBeInstanceOf(CaseChangedError);
    expect(await snapshot(id)).toEqual(before);
  });
});

describe("the petitioner's actions after the answer need the query-code session of this very case", () => {
  const ACTIONS = {
    evaluate: {
      stage: "repliedAtA",
      run: (session: string, id: string, version: number) =>
        evaluateAnswer(session, id, version, { rating: { unit: "BASIC", bureau: "BASIC" }, comment: "" }, at()),
    },
    requestReview: {
      stage: "repliedAtA",
      run: (session: string, id: string, version: number) =>
        requestReview(session, id, version, "对答复不满意，请求复查。", at()),
    },
    requestRecheck: {
      stage: "reviewedAtGov",
      run: (session: string, id: string, version: number) =>
        requestRecheck(session, id, version, "对复查意见不服，请求复核。", at()),
    },
  } as const;
  for (const [action, c] of Object.entries(ACTIONS)) {
    it(`${action}: another case's session is refused and writes nothing; its own session is allowed`, async () => {
      const id = await caseAt(c.stage);
      const other = await caseAt("repliedAtA");
      const before = await snapshot(id);
      await expect(c.run(other, id, before.version)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await snapshot(id)).toEqual(before);
      await c.run(id, id, before.version);
      expect((await snapshot(id)).version).toBe(before.version + 1);
    });
  }
});
