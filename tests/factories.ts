// Test factories for integration tests on the real (SQLite) database: units, staff, and a case in any state
// reached through the app's own data functions (createPetition, then routeCase, acceptCase, replyCase … each at
// the time the test says), never rows written with hand-set dates. Every call makes new rows with unique ids and
// codes, so test files can share one database without seeing each other's data.
//
//   const ref = await makeReferenceData();                       // a county: bureau, townships, a department
//   const handler = await staff("handler", ref.department);        // a StaffViewer of that unit
//   const c = await caseAt("accepted", { petition: onlinePetition(ref), to: { unit: ref.department, handler } });
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { createPetition, type NewPetition } from "@/lib/data/petitions";
import { acceptCase, replyCase, routeCase } from "@/lib/data/staff-case-actions";
import { requestRecheck, requestReview } from "@/lib/data/petitioner";
import { recheckReply, reviewReply } from "@/lib/data/review-actions";
import type { StaffViewer, UnitKind, UnitRef } from "@/lib/domain/authority";
import type { Outcome } from "@/lib/domain/petition-rules";

const newTag = () => randomUUID().slice(0, 8);

/** A unit row under `parent` (a root when none), its materialised path built as the app keeps it. */
export async function unit(
  name: string,
  kind: UnitKind,
  parent?: { id: string; path: string } | null,
  opts: { active?: boolean; tag?: string } = {},
) {
  const tag = opts.tag ?? newTag();
  const id = `u-${tag}-${name}`;
  return db.unit.create({
    data: {
      id,
      code: `${tag}-${name}`,
      name: `${name}-${tag}`,
      kind,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? "/"}${id}/`,
      active: opts.active ?? true,
    },
  });
}

/** A staff user of `unit` and the viewer the data functions take. `displayName` defaults to `name`. */
export async function staff(
  role: StaffViewer["role"],
  of: { id: string; path: string; kind: UnitKind },
  opts: { name?: string; displayName?: string; active?: boolean } = {},
): Promise<StaffViewer> {
  const name = opts.name ?? role;
  const row = await db.user.create({
    data: {
      username: `${name}-${newTag()}`,
      displayName: opts.displayName ?? name,
      passwordHash: "x",
      role,
      unitId: of.id,
      active: opts.active ?? true,
    },
  });
  return { userId: row.id, role, unit: unitRef(of) };
}

/** The unit as the authority rules read it (id, path, kind), without the row's other columns. */
export const unitRef = (u: { id: string; path: string; kind: UnitKind | string }): UnitRef => ({
  id: u.id,
  path: u.path,
  kind: u.kind as UnitKind,
});

/**
 * Minimal reference rows: a county government with two townships and a department, three categories, and the
 * petition bureau — the existing first one by path if another test file made it (createPetition files at it).
 */
export async function makeReferenceData() {
  const tag = newTag();
  const gov = await unit("gov", "GOVERNMENT", null, { tag });
  const bureau =
    (await db.unit.findFirst({ where: { kind: "BUREAU" }, orderBy: { path: "asc" } })) ??
    (await unit("bureau", "BUREAU", gov, { tag }));
  const township = await unit("town", "TOWNSHIP", gov, { tag });
  const otherTownship = await unit("town2", "TOWNSHIP", gov, { tag });
  const department = await unit("dept", "DEPARTMENT", gov, { tag });
  const cat = (name: string, kind: "APPEAL" | "ACCUSATION" | "LEGAL") =>
    db.category.create({ data: { code: `${tag}-${name}`, name: `${name}-${tag}`, kind } });
  const [appeal, accusation, legal] = [
    await cat("appeal", "APPEAL"),
    await cat("accusation", "ACCUSATION"),
    await cat("legal", "LEGAL"),
  ];
  return { gov, bureau, township, otherTownship, department, categories: { appeal, accusation, legal } };
}

export type ReferenceData = Awaited<ReturnType<typeof makeReferenceData>>;

export const PERSON = {
  name: "测试人甲",
  phone: "13912345678",
  idNumber: "11010519491231002X",
  email: "tester@example.com",
  address: "示例县城关镇幸福路88号",
} as const;

/** An online petition (an appeal about street lights from PERSON), with any field overridden. */
export function onlinePetition(ref: ReferenceData, over: Partial<NewPetition> = {}): NewPetition {
  return {
    channel: "ONLINE",
    categoryId: ref.categories.appeal.id,
    placeId: ref.township.id,
    title: "关于小区路灯长期不亮的问题",
    content: "小区东门到菜市场一段路灯已经坏了三个月，晚上出行很不安全，请有关部门尽快维修。",
    address: PERSON.address,
    petitionerName: PERSON.name,
    petitionerPhone: PERSON.phone,
    petitionerIdNumber: PERSON.idNumber,
    petitionerEmail: PERSON.email,
    consentPublic: true,
    receivedAt: new Date("2026-03-02T02:00:00Z"),
    ...over,
  };
}

/** Files a petition as its petitioner would, in one transaction. */
export function filePetition(input: NewPetition) {
  return db.$transaction((tx) => createPetition(tx, input, { type: "PETITIONER" }));
}

/** Files `onlinePetition(ref, over)` as its petitioner would, in one transaction. */
export function fileOnline(ref: ReferenceData, over: Partial<NewPetition> = {}) {
  return filePetition(onlinePetition(ref, over));
}

/**
 * How far a case has come: at the bureau (待受理), routed to a unit (待受理 there), 办理中, 已答复; then 复查中 (at the
 * handling unit's parent), 已复查, 复核中, 已终结 — the petitioner's requests and the reviewing body's answers.
 */
export type CaseStage = "bureau" | "routed" | "accepted" | "replied" | "inReview" | "reviewed" | "inRecheck" | "final";

export type CaseAtOptions = {
  petition: NewPetition;
  /** Who routes it: a handler of the bureau the case was filed at. */
  bureau?: StaffViewer;
  /** Where it is routed and who accepts and replies there (for every stage after "bureau"). */
  to?: { unit: { id: string }; handler: StaffViewer };
  /** When each step happens (default: "now" by lib/clock, which tests freeze with setClock). */
  at?: {
    routed?: Date;
    accepted?: Date;
    replied?: Date;
    reviewRequested?: Date;
    reviewed?: Date;
    recheckRequested?: Date;
    final?: Date;
  };
  reply?: { outcome: Outcome; replyText: string };
  /** Who answers 复查 and 复核 (staff of the reviewing body: the handling unit's parent), for stages after "inReview". */
  reviewer?: StaffViewer;
};

/**
 * A case moved to `stage` through the data functions the staff case page calls, each at its time; returns what
 * createPetition returns and the case's version now (for the next action's expectedVersion).
 */
export async function caseAt(stage: CaseStage, opts: CaseAtOptions) {
  const created = await filePetition(opts.petition);
  return { ...created, version: await advanceCase(created.id, stage, opts) };
}

/** Moves a case just filed (version 1, at the bureau) on to `stage`; returns its version then. */
export async function advanceCase(
  petitionId: string,
  stage: CaseStage,
  opts: Omit<CaseAtOptions, "petition">,
): Promise<number> {
  if (stage === "bureau") return 1;
  if (!opts.bureau || !opts.to)
    throw new Error(`advanceCase("${stage}") needs the bureau's handler and the unit it is routed to`);
  const at = (step: keyof NonNullable<CaseAtOptions["at"]>) => opts.at?.[step] ?? now();
  await routeCase(opts.bureau, {
    petitionId,
    expectedVersion: 1,
    at: at("routed"),
    targetUnitId: opts.to.unit.id,
    note: "",
  });
  if (stage === "routed") return 2;
  await acceptCase(opts.to.handler, { petitionId, expectedVersion: 2, at: at("accepted") });
  if (stage === "accepted") return 3;
  const reply = opts.reply ?? { outcome: "SUPPORT", replyText: "经核查，路灯已于近日修复。" };
  await replyCase(opts.to.handler, { petitionId, expectedVersion: 3, at: at("replied"), ...reply });
  if (stage === "replied") return 4;
  // The petitioner's own requests: the query-code session is for this very case.
  await requestReview(
    petitionId,
    petitionId,
    4,
    "对答复不满意：路灯修复后又坏了，请上级机关复查。",
    at("reviewRequested"),
  );
  if (stage === "inReview") return 5;
  if (!opts.reviewer) throw new Error(`advanceCase("${stage}") needs the reviewing body's staff (reviewer)`);
  const answer = { outcome: reply.outcome, text: "经复查，原处理意见认定事实清楚，予以维持。" };
  await reviewReply(opts.reviewer, { petitionId, expectedVersion: 5, at: at("reviewed"), ...answer });
  if (stage === "reviewed") return 6;
  await requestRecheck(petitionId, petitionId, 6, "对复查意见不服，请求复核：问题仍未解决。", at("recheckRequested"));
  if (stage === "inRecheck") return 7;
  await recheckReply(opts.reviewer, {
    petitionId,
    expectedVersion: 7,
    at: at("final"),
    ...answer,
    text: "经复核，维持复查意见。本复核意见为最终意见。",
  });
  return 8;
}
