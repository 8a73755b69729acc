// The authorisation matrix at the data layer: every handling action × every staff role × a case of the
// viewer's own unit / of another unit. What the UI and the server actions do is decided here, so a bug
// here is a cross-unit data breach: each refusal must also leave the case exactly as it was.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import * as A from "@/lib/data/staff-case-actions";
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
    admin: await staff("admin", gov, { name: "admin" }),
  };
  await staff("handler", a, { name: "aHandler2" });
});

const STAGES = { bureau: "bureau", submittedAtA: "routed", acceptedAtA: "accepted", repliedAtA: "replied" } as const;

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
  run: (v: StaffViewer, id: string, version: number) => Promise<unknown>;
};
const handlerAtA = async () =>
  (await db.user.findFirstOrThrow({ where: { displayName: "aHandler2", unitId: units.a.id } })).id;

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
];

// Who may: the bureau routes; unit A's handler does everything else on A's cases (extension requests are
// the handler's alone); the county supervisor may act across the county except requesting an extension.
// A handler of another unit, a supervisor of another subtree, and the admin may do nothing.
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
  ]),
  bSupervisor: new Set(),
  admin: new Set(),
};

describe("authorisation matrix (data layer)", () => {
  for (const c of CASES) {
    for (const who of Object.keys(ALLOWED)) {
      const allowed = ALLOWED[who]!.has(c.action);
      it(`${c.action} by ${who}: ${allowed ? "allowed" : "refused, nothing written"}`, async () => {
        const id = await caseAt(c.stage);
        const before = await snapshot(id);
        const run = c.run(viewers[who]!, id, before.version);
        if (allowed) {
          await run;
          const after = await snapshot(id);
          expect(after.version).toBe(before.version + 1);
          expect(after.eventCount).toBeGreaterThan(before.eventCount);
        } else {
          await expect(run).rejects.toBeInstanceOf(ForbiddenError);
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
