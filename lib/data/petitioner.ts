import "server-only";
import { db } from "@/lib/db";
import { visibilitiesFor } from "@/lib/domain/event-types";
import { CASE_DATES } from "./public-cases";
import { changeCase } from "./change-case";
import {
  evaluateEffect,
  recheckRequestEffect,
  reviewRequestEffect,
  withdrawEffect,
  type Satisfaction,
} from "@/lib/domain/case-effects";
import { toCivilDate } from "@/lib/domain/civil-date";
import { evaluationState } from "@/lib/domain/evaluation-rule";
import {
  nextHigherBody,
  recheckRequestBlock,
  reviewRequestBlock,
  type RequestBlock,
  type RequestFacts,
} from "@/lib/domain/review-chain";
import type { Db, Tx } from "@/lib/db";
import { loadCalendar } from "./calendar";
import { CaseChangedError, RuleError } from "./errors";

/** The petitioner's own view: their case's content and reply, and PUBLIC + PETITIONER events. No staff identities. */
export async function findPetitionerCase(petitionId: string) {
  return db.petition.findUnique({
    where: { id: petitionId },
    select: {
      id: true,
      trackingNo: true,
      channel: true,
      state: true,
      version: true,
      title: true,
      content: true,
      outcome: true,
      replyText: true,
      consentPublic: true,
      ...CASE_DATES,
      category: { select: { name: true, kind: true } },
      place: { select: { name: true } },
      currentUnit: { select: { name: true } },
      events: {
        where: { visibility: { in: visibilitiesFor("petitioner") } },
        orderBy: { seq: "asc" },
        // data: read only through readEventData by the timeline (lib/domain/public-event-detail.ts)
        select: { seq: true, type: true, occurredAt: true, fromState: true, toState: true, note: true, data: true, unit: { select: { name: true } } },
      },
    },
  });
}
export type PetitionerCase = NonNullable<Awaited<ReturnType<typeof findPetitionerCase>>>;

/**
 * The petitioner adds material. `sessionCaseId` comes from the signed cookie: the case is the one the
 * query code opened, whatever the form says.
 */
export async function addSupplement(sessionCaseId: string, petitionId: string, expectedVersion: number, text: string, at: Date) {
  return changeCase({
    petitionId,
    expectedVersion,
    role: "petitioner",
    action: "supplement",
    authorize: (row) => row.id === sessionCaseId,
    plan: (row) => ({ event: { type: "SUPPLEMENTED", actorType: "PETITIONER", unitId: row.currentUnitId, note: text, occurredAt: at } }),
  });
}

/** The petitioner withdraws; the case ends (WITHDRAWN) and its open clocks stop. */
export async function withdrawPetition(sessionCaseId: string, petitionId: string, expectedVersion: number, reason: string, at: Date) {
  return changeCase({
    petitionId,
    expectedVersion,
    role: "petitioner",
    action: "withdraw",
    authorize: (row) => row.id === sessionCaseId,
    plan: (row) => ({
      data: withdrawEffect(at),
      // The fact of withdrawal is public; the reason is for the petitioner and staff only.
      event: { type: "WITHDRAWN", actorType: "PETITIONER", unitId: row.currentUnitId, occurredAt: at },
      more: reason ? [{ type: "WITHDRAWAL_REASON", actorType: "PETITIONER", unitId: row.currentUnitId, note: reason, occurredAt: at }] : [],
    }),
  });
}

// ---- After the answer (条例第21、35、36条): evaluation, 复查 and 复核 requests. The rules are those of
// lib/domain/review-chain.ts and lib/domain/evaluation-rule.ts, the same the petitioner's page offers its forms by;
// each is re-checked inside the transaction on the row as stored. A refusal writes nothing.

const CHAIN_ROW = {
  state: true,
  currentUnitId: true,
  handlingUnitId: true,
  reviewUnitId: true,
  reviewWindowEndsAt: true,
  recheckWindowEndsAt: true,
  category: { select: { kind: true } },
} as const;

/** A request block as the refusal the petitioner reads: the rule's message with the date its window closed. */
function refuseRequest(block: RequestBlock | null, windowKey: "review.windowClosed" | "review.recheckWindowClosed") {
  if (!block) return;
  if (block.why === "notReviewable") throw new RuleError("review.notReviewable");
  if (block.why === "windowClosed") throw new RuleError(windowKey, { date: toCivilDate(block.closedAt) });
  throw new CaseChangedError();
}

async function chainFacts(client: Db | Tx, petitionId: string) {
  const c = await client.petition.findUnique({ where: { id: petitionId }, select: CHAIN_ROW });
  return c ? { ...c, categoryKind: c.category.kind } : null;
}

/**
 * Before the transaction: a case the deadline job has already closed after its window answers "closed on
 * {date}" rather than "the case changed". Only ever refuses (a window never reopens); the transaction re-checks.
 */
async function refuseClosedWindowEarly(
  sessionCaseId: string,
  petitionId: string,
  rule: (c: RequestFacts, at: Date) => RequestBlock | null,
  windowKey: "review.windowClosed" | "review.recheckWindowClosed",
  at: Date,
) {
  if (petitionId !== sessionCaseId) return;
  const c = await chainFacts(db, petitionId);
  const block = c ? rule(c, at) : null;
  if (block && block.why !== "state") refuseRequest(block, windowKey);
}

/**
 * 评价 (条例第21条): the petitioner rates the latest answer — of the handling unit and of the petition bureau — once,
 * inside its window. The ratings are public (EVALUATED); the comment, if any, is for staff only.
 */
export async function evaluateAnswer(
  sessionCaseId: string,
  petitionId: string,
  expectedVersion: number,
  input: { rating: { unit: Satisfaction; bureau: Satisfaction }; comment: string },
  at: Date,
) {
  return changeCase({
    petitionId,
    expectedVersion,
    role: "petitioner",
    action: "evaluate",
    authorize: (row) => row.id === sessionCaseId,
    plan: async (row, _to, tx) => {
      const facts = await tx.petition.findUniqueOrThrow({
        where: { id: row.id },
        select: {
          repliedAt: true,
          reviewedAt: true,
          finalAt: true,
          evaluatedAt: true,
          evaluationWindowEndsAt: true,
          evaluationExpiredAt: true,
        },
      });
      const state = evaluationState(facts, at);
      if (state === "done") throw new RuleError("evaluation.done");
      if (state === "closed")
        throw new RuleError("evaluation.closed", { date: toCivilDate(facts.evaluationWindowEndsAt as Date) });
      if (state === "none") throw new CaseChangedError();
      const who = { actorType: "PETITIONER" as const, unitId: row.currentUnitId, occurredAt: at };
      return {
        data: evaluateEffect(at, input.rating),
        event: { type: "EVALUATED", ...who, data: input.rating },
        more: input.comment ? [{ type: "EVALUATION_COMMENT", ...who, note: input.comment }] : [],
      };
    },
  });
}

/**
 * 复查 (条例第35条): within 30 days of the reply, with reasons; the case goes to the next-higher body of the unit that
 * handled it (its parent), which answers within 30 days. The request is public, the reasons are not.
 */
export async function requestReview(sessionCaseId: string, petitionId: string, expectedVersion: number, reasons: string, at: Date) {
  await refuseClosedWindowEarly(sessionCaseId, petitionId, reviewRequestBlock, "review.windowClosed", at);
  return changeCase({
    petitionId,
    expectedVersion,
    role: "petitioner",
    action: "requestReview",
    authorize: (row) => row.id === sessionCaseId,
    plan: async (row, _to, tx) => {
      const c = (await chainFacts(tx, row.id))!;
      refuseRequest(reviewRequestBlock(c, at), "review.windowClosed");
      const handling = await tx.unit.findUniqueOrThrow({
        where: { id: c.handlingUnitId ?? c.currentUnitId },
        select: { id: true, parentId: true },
      });
      const to = nextHigherBody(handling);
      const who = { actorType: "PETITIONER" as const, unitId: to, occurredAt: at };
      return {
        data: reviewRequestEffect(to, at, await loadCalendar(tx)),
        event: { type: "REVIEW_REQUESTED", ...who, data: { toUnitId: to } },
        more: [{ type: "REVIEW_REASONS", ...who, note: reasons }],
      };
    },
  });
}

/**
 * 复核 (条例第36条): within 30 days of the 复查 answer, one level above the reviewing body — the top of the portal's
 * tree (the county government) answers itself, as the county's 复查复核 body.
 */
export async function requestRecheck(sessionCaseId: string, petitionId: string, expectedVersion: number, reasons: string, at: Date) {
  await refuseClosedWindowEarly(sessionCaseId, petitionId, recheckRequestBlock, "review.recheckWindowClosed", at);
  return changeCase({
    petitionId,
    expectedVersion,
    role: "petitioner",
    action: "requestRecheck",
    authorize: (row) => row.id === sessionCaseId,
    plan: async (row, _to, tx) => {
      const c = (await chainFacts(tx, row.id))!;
      refuseRequest(recheckRequestBlock(c, at), "review.recheckWindowClosed");
      const reviewing = await tx.unit.findUniqueOrThrow({
        where: { id: c.reviewUnitId ?? c.currentUnitId },
        select: { id: true, parentId: true },
      });
      const to = nextHigherBody(reviewing);
      const who = { actorType: "PETITIONER" as const, unitId: to, occurredAt: at };
      return {
        data: recheckRequestEffect(to, at, await loadCalendar(tx)),
        event: { type: "RECHECK_REQUESTED", ...who, data: { toUnitId: to } },
        more: [{ type: "RECHECK_REASONS", ...who, note: reasons }],
      };
    },
  });
}
