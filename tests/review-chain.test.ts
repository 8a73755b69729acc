// The chain after the answer on the real database: evaluation (once per answer, inside its window), 复查 and 复核
// requests (windows, reviewable kinds, the body each goes to), the reviewing bodies' answers (outcome and text as
// fields, nothing in the PUBLIC event's note), who may answer (the handling unit no longer sees the case), the
// 重复信访 link — each refusal with its message and nothing written — and what the public and the petitioner see.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { evaluateAnswer, requestRecheck, requestReview } from "@/lib/data/petitioner";
import { linkRepeat, recheckReply, reviewReply } from "@/lib/data/review-actions";
import { findPetitionerChain, findStaffChain } from "@/lib/data/review-view";
import { findPublicCase } from "@/lib/data/public-cases";
import { findStaffCase } from "@/lib/data/staff-case";
import { addInternalNote } from "@/lib/data/staff-case-actions";
import { changeCase } from "@/lib/data/change-case";
import { verifyCaseChain } from "@/lib/data/chain";
import { CaseChangedError, ForbiddenError, RuleError, type RuleKey } from "@/lib/data/errors";
import { closeEffect } from "@/lib/domain/case-effects";
import type { StaffViewer } from "@/lib/domain/authority";
import type { NewPetition } from "@/lib/data/petitions";
import {
  caseAt,
  makeReferenceData,
  onlinePetition,
  staff,
  unit,
  unitRef,
  type CaseStage,
  type ReferenceData,
} from "./factories";

const endOf = (d: string) => new Date(`${d}T15:59:59.999Z`); // 23:59:59.999 Asia/Shanghai
const ms = (d: Date, n: number) => new Date(d.getTime() + n);
const AT = {
  routed: new Date("2026-03-02T03:00:00Z"),
  accepted: new Date("2026-03-02T04:00:00Z"),
  replied: new Date("2026-03-03T02:00:00Z"), // Tue 10:00 → 复查/评价 windows end Thu 2026-04-02
  reviewRequested: new Date("2026-03-10T02:00:00Z"), // → 复查 answer due 2026-04-09
  reviewed: new Date("2026-03-20T02:00:00Z"), // → 复核 window: 2026-04-19 is a Sunday → Monday 2026-04-20
  recheckRequested: new Date("2026-03-25T02:00:00Z"),
  final: new Date("2026-04-01T02:00:00Z"),
};
const REVIEW_WINDOW_END = endOf("2026-04-02");
const RECHECK_WINDOW_END = endOf("2026-04-20");

// Recognisable strings: none may ever reach the public page.
const REVIEW_TEXT = "复查意见秘文甲：经复查，原处理意见事实清楚，予以维持。";
const RECHECK_TEXT = "复核意见秘文乙：经复核，维持复查意见，本意见为最终意见。";
const REASONS = "复查理由秘文丙：路灯修好后一周又坏，答复与事实不符。";
const RECHECK_REASONS = "复核理由秘文丁：复查没有到现场核实，请求复核。";
const COMMENT = "评价意见秘文戊：办事拖拉，态度一般。";

let ref: ReferenceData;
let bureauHandler: StaffViewer;
let deptHandler: StaffViewer;
let townHandler: StaffViewer;
let govHandler: StaffViewer;
let govSupervisor: StaffViewer;
let townSupervisor: StaffViewer;
let legalUnit: { id: string; path: string; kind: string };
let village: { id: string; path: string; kind: string };

beforeAll(async () => {
  ref = await makeReferenceData();
  bureauHandler = await staff("handler", ref.bureau, { name: "bureau" });
  deptHandler = await staff("handler", ref.department, { name: "dept" });
  townHandler = await staff("handler", ref.township, { name: "town" });
  govHandler = await staff("handler", ref.gov, { name: "gov" }); // 县政府: the reviewing body of departments
  govSupervisor = await staff("supervisor", ref.gov, { name: "govSup" });
  townSupervisor = await staff("supervisor", ref.township, { name: "townSup" });
  legalUnit = await unit("court", "LEGAL", ref.gov);
  village = await unit("village", "VILLAGE", ref.township);
});

type Opts = { petition?: Partial<NewPetition>; to?: { id: string; path: string; kind: string }; handler?: StaffViewer };

/** A case moved to `stage` through the app's functions at the AT instants. */
async function chainCase(stage: CaseStage, o: Opts = {}) {
  const to = o.to ?? ref.department;
  const handler = o.handler ?? (o.to ? await staff("handler", unitRef(to)) : deptHandler);
  return caseAt(stage, {
    petition: onlinePetition(ref, o.petition),
    bureau: bureauHandler,
    to: { unit: to, handler },
    at: AT,
    reply: { outcome: "EXPLAIN", replyText: "经核查，路灯线路已更换。" },
    reviewer: govHandler,
  });
}

async function snapshot(id: string) {
  return {
    row: await db.petition.findUniqueOrThrow({ where: { id } }),
    events: await db.petitionEvent.count({ where: { petitionId: id } }),
  };
}

/** Expects a RuleError with this key (and params), and that nothing was written. */
async function refusedWith(id: string, run: () => Promise<unknown>, key: RuleKey, params?: Record<string, string>) {
  const before = await snapshot(id);
  const e = await run().catch((x: unknown) => x);
  expect(e, `expected ${key}`).toBeInstanceOf(RuleError);
  expect((e as RuleError).key).toBe(key);
  if (params) expect((e as RuleError).params).toEqual(params);
  expect(await snapshot(id)).toEqual(before);
}

/** A window's edge: a millisecond after `end` `request` is refused with `key` and the date it closed, nothing
 *  written; at `end` itself it is in time. */
async function expectClosesAt(
  id: string,
  end: Date,
  request: (at: Date) => Promise<unknown>,
  key: RuleKey,
  date: string,
) {
  await refusedWith(id, () => request(ms(end, 1)), key, { date });
  await request(end);
}

const eventsOf = (id: string) =>
  db.petitionEvent.findMany({
    where: { petitionId: id },
    orderBy: { seq: "asc" },
    select: { type: true, visibility: true, note: true, data: true, unitId: true },
  });

describe("评价 (条例第21条): both ratings, once per answer, inside the window", () => {
  it("the reply opens a window of the setting's days; the ratings are PUBLIC, the comment INTERNAL", async () => {
    const c = await chainCase("replied");
    const row = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.evaluationWindowEndsAt).toEqual(REVIEW_WINDOW_END); // default 30 days
    await evaluateAnswer(
      c.id,
      c.id,
      c.version,
      { rating: { unit: "UNSATISFIED", bureau: "BASIC" }, comment: COMMENT },
      ms(AT.replied, 3_600_000),
    );
    const after = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ unitSatisfaction: "UNSATISFIED", bureauSatisfaction: "BASIC", state: "REPLIED" });
    const events = (await eventsOf(c.id)).slice(-2);
    expect(events).toMatchObject([
      {
        type: "EVALUATED",
        visibility: "PUBLIC",
        note: null,
        data: JSON.stringify({ bureau: "BASIC", unit: "UNSATISFIED" }),
      },
      { type: "EVALUATION_COMMENT", visibility: "INTERNAL", note: COMMENT },
    ]);
    // Once per answer.
    await refusedWith(
      c.id,
      () =>
        evaluateAnswer(
          c.id,
          c.id,
          after.version,
          { rating: { unit: "SATISFIED", bureau: "SATISFIED" }, comment: "" },
          ms(AT.replied, 7_200_000),
        ),
      "evaluation.done",
    );
    expect(await verifyCaseChain(c.trackingNo)).toMatchObject({ ok: true });
  });

  it("without a comment, no comment event", async () => {
    const c = await chainCase("replied");
    await evaluateAnswer(
      c.id,
      c.id,
      c.version,
      { rating: { unit: "SATISFIED", bureau: "SATISFIED" }, comment: "" },
      AT.reviewRequested,
    );
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({ type: "EVALUATED" });
  });

  it("is in time at the window's last millisecond, and refused with its date after it", async () => {
    const c = await chainCase("replied");
    const rating = { unit: "BASIC" as const, bureau: "BASIC" as const };
    await expectClosesAt(
      c.id,
      REVIEW_WINDOW_END,
      (at) => evaluateAnswer(c.id, c.id, c.version, { rating, comment: "" }, at),
      "evaluation.closed",
      "2026-04-02",
    );
  });

  it("the window follows the evaluationWindowDays setting", async () => {
    await db.setting.upsert({
      where: { key: "evaluationWindowDays" },
      create: { key: "evaluationWindowDays", value: "10" },
      update: { value: "10" },
    });
    try {
      const c = await chainCase("replied");
      // 2026-03-03 + 10 = 2026-03-13 (a Friday)
      expect((await db.petition.findUniqueOrThrow({ where: { id: c.id } })).evaluationWindowEndsAt).toEqual(
        endOf("2026-03-13"),
      );
    } finally {
      await db.setting.delete({ where: { key: "evaluationWindowDays" } });
    }
  });

  it("only the petitioner of this case, and only once there is an answer", async () => {
    const c = await chainCase("replied");
    const other = await chainCase("accepted");
    const before = await snapshot(c.id);
    await expect(
      evaluateAnswer(
        other.id,
        c.id,
        c.version,
        { rating: { unit: "BASIC", bureau: "BASIC" }, comment: "" },
        AT.reviewRequested,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(c.id)).toEqual(before);
    // Not answered yet: the transition table refuses (办理中).
    await expect(
      evaluateAnswer(
        other.id,
        other.id,
        other.version,
        { rating: { unit: "BASIC", bureau: "BASIC" }, comment: "" },
        AT.reviewRequested,
      ),
    ).rejects.toBeInstanceOf(CaseChangedError);
  });
});

describe("复查 requests (条例第35条)", () => {
  it("go to the handling unit's parent with the reasons; the request is PUBLIC, the reasons PETITIONER", async () => {
    const c = await chainCase("replied");
    await requestReview(c.id, c.id, c.version, REASONS, AT.reviewRequested);
    const row = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({
      state: "IN_REVIEW",
      currentUnitId: ref.gov.id,
      reviewUnitId: ref.gov.id,
      handlingUnitId: ref.department.id, // kept: the scorecards count the case where it was handled
      assigneeId: null,
      reviewRequestedAt: AT.reviewRequested,
      reviewDueAt: endOf("2026-04-09"),
      currentDueAt: endOf("2026-04-09"),
    });
    expect((await eventsOf(c.id)).slice(-2)).toMatchObject([
      {
        type: "REVIEW_REQUESTED",
        visibility: "PUBLIC",
        note: null,
        unitId: ref.gov.id,
        data: JSON.stringify({ toUnitId: ref.gov.id }),
      },
      { type: "REVIEW_REASONS", visibility: "PETITIONER", note: REASONS },
    ]);
  });

  it("a village's answer is reviewed by its township", async () => {
    const c = await chainCase("inReview", { to: village });
    expect(await db.petition.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      currentUnitId: ref.township.id,
      reviewUnitId: ref.township.id,
    });
  });

  it("in time at the window's last millisecond; after it refused with the date it closed, nothing written", async () => {
    const c = await chainCase("replied");
    await expectClosesAt(
      c.id,
      REVIEW_WINDOW_END,
      (at) => requestReview(c.id, c.id, c.version, REASONS, at),
      "review.windowClosed",
      "2026-04-02",
    );
  });

  it("a case the deadline job closed after the window is refused with the window's date too", async () => {
    const c = await chainCase("replied");
    await changeCase({
      petitionId: c.id,
      expectedVersion: c.version,
      role: "system",
      action: "close",
      authorize: () => true,
      plan: (row) => ({
        data: closeEffect(ms(REVIEW_WINDOW_END, 60_000)),
        event: {
          type: "CLOSED",
          actorType: "SYSTEM",
          unitId: row.currentUnitId,
          occurredAt: ms(REVIEW_WINDOW_END, 60_000),
          data: { reason: "REVIEW_WINDOW_PASSED" },
        },
      }),
    });
    await refusedWith(
      c.id,
      () => requestReview(c.id, c.id, c.version + 1, REASONS, ms(REVIEW_WINDOW_END, 120_000)),
      "review.windowClosed",
      {
        date: "2026-04-02",
      },
    );
  });

  it("涉法涉诉 and 检举控告 may not request 复查: refused with the reason, nothing written, no form offered", async () => {
    const legal = await chainCase("replied", {
      petition: { categoryId: ref.categories.legal.id },
      to: legalUnit,
    });
    await refusedWith(
      legal.id,
      () => requestReview(legal.id, legal.id, legal.version, REASONS, AT.reviewRequested),
      "review.notReviewable",
    );
    const accusation = await chainCase("replied", {
      petition: { categoryId: ref.categories.accusation.id, consentPublic: false },
    });
    await refusedWith(
      accusation.id,
      () => requestReview(accusation.id, accusation.id, accusation.version, REASONS, AT.reviewRequested),
      "review.notReviewable",
    );
    const view = await findPetitionerChain(legal.id, AT.reviewRequested);
    expect(view).toMatchObject({ reviewable: false, windows: [], offers: { requestReview: null, evaluate: true } });
  });
});

describe("复查 answers: by the reviewing body only", () => {
  it("the handling unit no longer sees the case; other units' staff cannot answer; the reviewing body and its supervisors can", async () => {
    const c = await chainCase("inReview");
    expect(await findStaffCase(deptHandler, c.id, AT.reviewRequested)).toBeNull();
    expect(await findStaffChain(deptHandler, c.id, AT.reviewRequested)).toBeNull();
    const before = await snapshot(c.id);
    for (const v of [deptHandler, townHandler, townSupervisor, bureauHandler]) {
      await expect(
        reviewReply(v, {
          petitionId: c.id,
          expectedVersion: c.version,
          at: AT.reviewed,
          outcome: "SUPPORT",
          text: REVIEW_TEXT,
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        addInternalNote(v, { petitionId: c.id, expectedVersion: c.version, at: AT.reviewed, text: "越权" }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshot(c.id)).toEqual(before);
    const page = await findStaffCase(govHandler, c.id, AT.reviewRequested);
    expect(page?.actions).toContain("reviewReply");
    expect((await findStaffCase(govSupervisor, c.id, AT.reviewRequested))?.actions).toContain("reviewReply");
  });

  it("keeps its own outcome and text as fields; the PUBLIC event has no note; the 复核 and a new evaluation window open", async () => {
    const c = await chainCase("inReview");
    await refusedWith(
      c.id,
      () =>
        reviewReply(govHandler, {
          petitionId: c.id,
          expectedVersion: c.version,
          at: AT.reviewed,
          outcome: "ADOPT",
          text: REVIEW_TEXT,
        }),
      "review.outcome",
    );
    await reviewReply(govHandler, {
      petitionId: c.id,
      expectedVersion: c.version,
      at: AT.reviewed,
      outcome: "SUPPORT",
      text: REVIEW_TEXT,
    });
    const row = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({
      state: "REVIEWED",
      reviewedAt: AT.reviewed,
      reviewOutcome: "SUPPORT",
      reviewText: REVIEW_TEXT,
      outcome: "EXPLAIN", // the reply's own outcome stays
      recheckWindowEndsAt: RECHECK_WINDOW_END, // 2026-04-19 is a Sunday
      evaluationWindowEndsAt: RECHECK_WINDOW_END,
      currentDueAt: null,
    });
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({
      type: "REVIEW_REPLIED",
      visibility: "PUBLIC",
      note: null,
      data: JSON.stringify({ outcome: "SUPPORT", upheld: false }),
    });
  });

  it("upheld when it keeps the reply's outcome", async () => {
    const c = await chainCase("reviewed"); // the factory's reviewer keeps the outcome (EXPLAIN)
    expect((await eventsOf(c.id)).find((e) => e.type === "REVIEW_REPLIED")?.data).toBe(
      JSON.stringify({ outcome: "EXPLAIN", upheld: true }),
    );
  });

  it("the new answer may be evaluated again: one evaluation per answer", async () => {
    const c = await chainCase("replied");
    await evaluateAnswer(
      c.id,
      c.id,
      c.version,
      { rating: { unit: "UNSATISFIED", bureau: "BASIC" }, comment: "" },
      ms(AT.replied, 1000),
    );
    await requestReview(c.id, c.id, c.version + 1, REASONS, AT.reviewRequested);
    await reviewReply(govHandler, {
      petitionId: c.id,
      expectedVersion: c.version + 2,
      at: AT.reviewed,
      outcome: "EXPLAIN",
      text: REVIEW_TEXT,
    });
    expect((await findPetitionerChain(c.id, ms(AT.reviewed, 1000)))?.offers.evaluate).toBe(true);
    await evaluateAnswer(
      c.id,
      c.id,
      c.version + 3,
      { rating: { unit: "BASIC", bureau: "SATISFIED" }, comment: "" },
      ms(AT.reviewed, 1000),
    );
    expect(await db.petition.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      unitSatisfaction: "BASIC",
      bureauSatisfaction: "SATISFIED",
    });
    expect((await findPetitionerChain(c.id, ms(AT.reviewed, 2000)))?.offers.evaluate).toBe(false);
  });
});

describe("复核 (条例第36条)", () => {
  it("goes one level above the reviewing body; the county government, the top, answers itself", async () => {
    const c = await chainCase("reviewed");
    await requestRecheck(c.id, c.id, c.version, RECHECK_REASONS, AT.recheckRequested);
    expect(await db.petition.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      state: "IN_RECHECK",
      currentUnitId: ref.gov.id,
      recheckUnitId: ref.gov.id,
      recheckDueAt: endOf("2026-04-24"),
    });
    expect((await eventsOf(c.id)).slice(-2)).toMatchObject([
      { type: "RECHECK_REQUESTED", visibility: "PUBLIC", note: null },
      { type: "RECHECK_REASONS", visibility: "PETITIONER", note: RECHECK_REASONS },
    ]);
  });

  it("a village's 复查 at the township, its 复核 at the county government", async () => {
    const townReviewer = await staff("handler", ref.township, { name: "townReviewer" });
    const c = await caseAt("inRecheck", {
      petition: onlinePetition(ref),
      bureau: bureauHandler,
      to: { unit: village, handler: await staff("handler", unitRef(village)) },
      at: AT,
      reply: { outcome: "EXPLAIN", replyText: "经核查，路灯线路已更换。" },
      reviewer: townReviewer,
    });
    expect(await db.petition.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      reviewUnitId: ref.township.id,
      recheckUnitId: ref.gov.id,
      currentUnitId: ref.gov.id,
    });
  });

  it("after its window: refused with the date it closed (a Sunday rolled to Monday), nothing written", async () => {
    const c = await chainCase("reviewed");
    await expectClosesAt(
      c.id,
      RECHECK_WINDOW_END,
      (at) => requestRecheck(c.id, c.id, c.version, RECHECK_REASONS, at),
      "review.recheckWindowClosed",
      "2026-04-20",
    );
  });

  it("the answer makes the case FINAL, with its outcome and text as fields; nothing more may be requested", async () => {
    const c = await chainCase("inRecheck");
    await recheckReply(govSupervisor, {
      petitionId: c.id,
      expectedVersion: c.version,
      at: AT.final,
      outcome: "EXPLAIN",
      text: RECHECK_TEXT,
    });
    const row = await db.petition.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({
      state: "FINAL",
      finalAt: AT.final,
      recheckOutcome: "EXPLAIN",
      recheckText: RECHECK_TEXT,
      currentDueAt: null,
    });
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({
      type: "RECHECK_REPLIED",
      visibility: "PUBLIC",
      note: null,
      data: JSON.stringify({ outcome: "EXPLAIN", upheld: true }),
    });
    const view = await findPetitionerChain(c.id, ms(AT.final, 1000));
    expect(view?.offers).toEqual({ evaluate: true, requestReview: null, requestRecheck: null });
    await expect(requestRecheck(c.id, c.id, row.version, RECHECK_REASONS, ms(AT.final, 1000))).rejects.toBeInstanceOf(
      CaseChangedError,
    );
  });
});

describe("what each audience sees", () => {
  let c: Awaited<ReturnType<typeof chainCase>>;
  beforeAll(async () => {
    c = await chainCase("replied");
    let v = c.version;
    await evaluateAnswer(
      c.id,
      c.id,
      v++,
      { rating: { unit: "UNSATISFIED", bureau: "BASIC" }, comment: COMMENT },
      ms(AT.replied, 1000),
    );
    await requestReview(c.id, c.id, v++, REASONS, AT.reviewRequested);
    await reviewReply(govHandler, {
      petitionId: c.id,
      expectedVersion: v++,
      at: AT.reviewed,
      outcome: "EXPLAIN",
      text: REVIEW_TEXT,
    });
    await requestRecheck(c.id, c.id, v++, RECHECK_REASONS, AT.recheckRequested);
    await recheckReply(govHandler, {
      petitionId: c.id,
      expectedVersion: v++,
      at: AT.final,
      outcome: "EXPLAIN",
      text: RECHECK_TEXT,
    });
  });

  it("the public page: ratings, state, the chain's events — never a text, a reason or the comment", async () => {
    const pub = await findPublicCase(c.trackingNo);
    expect(pub).toMatchObject({ state: "FINAL", unitSatisfaction: "UNSATISFIED", bureauSatisfaction: "BASIC" });
    expect(pub!.events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        "EVALUATED",
        "REVIEW_REQUESTED",
        "REVIEW_REPLIED",
        "RECHECK_REQUESTED",
        "RECHECK_REPLIED",
      ]),
    );
    const text = JSON.stringify(pub);
    for (const secret of [REVIEW_TEXT, RECHECK_TEXT, REASONS, RECHECK_REASONS, COMMENT, "秘文"])
      expect(text).not.toContain(secret);
    expect(pub!.events.map((e) => e.type)).not.toContain("REVIEW_REASONS");
  });

  it("the petitioner: every step with its texts and their own reasons, not the staff-only comment", async () => {
    const view = await findPetitionerChain(c.id, ms(AT.final, 1000));
    expect(view).toMatchObject({
      state: "FINAL",
      reviewText: REVIEW_TEXT,
      recheckText: RECHECK_TEXT,
      reviewReasons: REASONS,
      recheckReasons: RECHECK_REASONS,
      evaluationComment: null,
      reviewUnitName: ref.gov.name,
      recheckUnitName: ref.gov.name,
    });
    expect(view!.windows.map((w) => [w.kind, w.status])).toEqual([
      ["reviewWindow", "used"],
      ["recheckWindow", "used"],
    ]);
    expect(JSON.stringify(view)).not.toContain(COMMENT);
  });

  it("staff of the reviewing body: the comment too", async () => {
    expect((await findStaffChain(govHandler, c.id, ms(AT.final, 1000)))?.evaluationComment).toBe(COMMENT);
  });
});

describe("重复信访: a new petition linked to a FINAL case on the same facts", () => {
  let finalCase: Awaited<ReturnType<typeof chainCase>>;
  beforeAll(async () => {
    finalCase = await chainCase("final");
  });

  it("by its tracking number (as typed: spaces, lower case); INTERNAL; shown to staff, never to the public", async () => {
    const c = await chainCase("bureau");
    const typed = ` ${finalCase.trackingNo.toLowerCase().replace(/(\d{4})/, "$1 ")} `;
    await linkRepeat(bureauHandler, { petitionId: c.id, expectedVersion: c.version, at: AT.routed, trackingNo: typed });
    expect(await db.petition.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      isRepeat: true,
      repeatOfId: finalCase.id,
    });
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({
      type: "REPEAT_LINKED",
      visibility: "INTERNAL",
      data: JSON.stringify({ ofPetitionId: finalCase.id, ofTrackingNo: finalCase.trackingNo }),
    });
    const staffView = await findStaffChain(bureauHandler, c.id, AT.routed);
    expect(staffView?.repeatOf).toEqual({ id: finalCase.id, trackingNo: finalCase.trackingNo, visible: false });
    expect(JSON.stringify(await findPublicCase(c.trackingNo))).not.toContain(finalCase.trackingNo);
    // Once: the form is no longer offered, and a second link is refused.
    expect((await findStaffCase(bureauHandler, c.id, AT.routed))?.actions).not.toContain("linkRepeat");
    await refusedWith(
      c.id,
      () =>
        linkRepeat(bureauHandler, {
          petitionId: c.id,
          expectedVersion: c.version + 1,
          at: AT.routed,
          trackingNo: finalCase.trackingNo,
        }),
      "repeat.already",
    );
  });

  it("refuses an unknown number, a case that is not final, and a case past its first instance — nothing written", async () => {
    const c = await chainCase("bureau");
    expect((await findStaffCase(bureauHandler, c.id, AT.routed))?.actions).toContain("linkRepeat");
    const notFinal = await chainCase("replied");
    const link = (trackingNo: string) => () =>
      linkRepeat(bureauHandler, { petitionId: c.id, expectedVersion: c.version, at: AT.routed, trackingNo });
    await refusedWith(c.id, link("XF2099999999"), "repeat.unknown");
    await refusedWith(c.id, link("不是编号"), "repeat.unknown");
    await refusedWith(c.id, link(notFinal.trackingNo), "repeat.notFinal");
    await refusedWith(
      notFinal.id,
      () =>
        linkRepeat(deptHandler, {
          petitionId: notFinal.id,
          expectedVersion: notFinal.version,
          at: AT.reviewRequested,
          trackingNo: finalCase.trackingNo,
        }),
      "repeat.notNow",
    );
  });

  it("staff outside the case's scope cannot link it", async () => {
    const c = await chainCase("accepted");
    const before = await snapshot(c.id);
    await expect(
      linkRepeat(townHandler, {
        petitionId: c.id,
        expectedVersion: c.version,
        at: AT.reviewRequested,
        trackingNo: finalCase.trackingNo,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(c.id)).toEqual(before);
    await linkRepeat(deptHandler, {
      petitionId: c.id,
      expectedVersion: c.version,
      at: AT.reviewRequested,
      trackingNo: finalCase.trackingNo,
    });
  });
});

describe("the demo seed plays 复查 and 复核 through the same effects", () => {
  it("keeps the answers' texts in the fields, never in a PUBLIC note, and sets the bodies and windows", async () => {
    const { buildTestCase, DEMO } = await import("@/prisma/seed/factories");
    const now = new Date("2026-06-15T04:00:00Z");
    const built = buildTestCase({
      now,
      receivedAt: new Date("2026-01-05T02:00:00Z"),
      plan: {
        routeTo: DEMO.zjj.id,
        outcome: "EXPLAIN",
        evaluation: "UNSATISFIED",
        review: true,
        reviewUpheld: false,
        recheck: true,
      },
      expectState: "FINAL",
    });
    const p = built.petition;
    expect(p).toMatchObject({
      reviewUnitId: DEMO.gov.id,
      recheckUnitId: DEMO.gov.id,
      reviewOutcome: "SUPPORT", // not upheld: another outcome of the kind
      recheckOutcome: "SUPPORT",
    });
    expect(p.reviewText).toContain("经复查");
    expect(p.recheckText).toContain("经复核");
    expect(p.recheckWindowEndsAt).toBeInstanceOf(Date);
    expect(p.evaluationWindowEndsAt).toBeInstanceOf(Date);
    for (const e of built.events.filter((x) => x.visibility === "PUBLIC"))
      expect(e.note ?? "", e.type).not.toMatch(/经复[查核]/);
    expect(built.events.find((e) => e.type === "REVIEW_REPLIED")).toMatchObject({
      note: null,
      data: JSON.stringify({ outcome: "SUPPORT", upheld: false }),
    });
  });
});
