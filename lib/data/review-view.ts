import "server-only";
import { db } from "@/lib/db";
import { canSeeCase, type StaffViewer } from "@/lib/domain/authority";
import { evaluationState, type EvaluationState } from "@/lib/domain/evaluation-rule";
import { canTake } from "@/lib/domain/petition-states";
import {
  isReviewable,
  nextHigherBody,
  recheckRequestBlock,
  requestWindows,
  reviewRequestBlock,
  type ChainWindow,
} from "@/lib/domain/review-chain";
import type { Prisma } from "@/generated/prisma/client";
import { loadCalendar } from "./calendar";

// What the petitioner (/track/case) and staff (the case page) see of the chain after the answer: the reply, the
// 复查/复核 requests with their reasons and bodies, the answers (outcome and text, kept as fields), the FINAL notice,
// the request windows and the evaluation — and which of the petitioner's forms the rules allow now
// (lib/domain/review-chain.ts, evaluation-rule.ts: the same rules the data layer refuses by). Never public.

const CHAIN = {
  id: true,
  state: true,
  version: true,
  currentUnitId: true,
  handlingUnitId: true,
  category: { select: { kind: true } },
  repliedAt: true,
  outcome: true,
  replyText: true,
  reviewWindowEndsAt: true,
  reviewRequestedAt: true,
  reviewUnitId: true,
  reviewDueAt: true,
  reviewedAt: true,
  reviewOutcome: true,
  reviewText: true,
  recheckWindowEndsAt: true,
  recheckRequestedAt: true,
  recheckUnitId: true,
  recheckDueAt: true,
  recheckOutcome: true,
  recheckText: true,
  finalAt: true,
  evaluatedAt: true,
  evaluationWindowEndsAt: true,
  evaluationExpiredAt: true,
  unitSatisfaction: true,
  bureauSatisfaction: true,
  isRepeat: true,
  repeatOfId: true,
} satisfies Prisma.PetitionSelect;

type ChainRow = Prisma.PetitionGetPayload<{ select: typeof CHAIN }>;

/** The latest note of each kind of event the chain explains (the petitioner's reasons; for staff, the comment). */
type Notes = { reviewReasons: string | null; recheckReasons: string | null; evaluationComment: string | null };

export type AfterAnswerView = Omit<ChainRow, "category" | "handlingUnitId" | "reviewUnitId" | "recheckUnitId"> &
  Notes & {
    categoryKind: ChainRow["category"]["kind"];
    reviewable: boolean;
    reviewUnitName: string | null;
    recheckUnitName: string | null;
    windows: ChainWindow[];
    evaluation: EvaluationState;
    /** The petitioner's forms the rules allow now, with the body that would answer each request. */
    offers: { evaluate: boolean; requestReview: { unitName: string } | null; requestRecheck: { unitName: string } | null };
  };

async function buildView(row: ChainRow, notes: Notes, at: Date): Promise<AfterAnswerView> {
  const categoryKind = row.category.kind;
  const facts = { ...row, categoryKind };
  const reviewAllowed = canTake(row.state, "requestReview", "petitioner") && reviewRequestBlock(facts, at) === null;
  const recheckAllowed = canTake(row.state, "requestRecheck", "petitioner") && recheckRequestBlock(facts, at) === null;
  // The bodies: those already recorded, and the one a request would go to now (the next-higher body).
  const ownUnitId = row.handlingUnitId ?? row.currentUnitId;
  const baseIds = [ownUnitId, row.reviewUnitId, row.recheckUnitId].filter((v): v is string => !!v);
  const base = await db.unit.findMany({ where: { id: { in: baseIds } }, select: { id: true, name: true, parentId: true } });
  const byId = new Map(base.map((u) => [u.id, u]));
  const nextOf = (id: string | null) => {
    const u = id ? byId.get(id) : undefined;
    return u ? nextHigherBody(u) : null;
  };
  const wanted = [reviewAllowed ? nextOf(ownUnitId) : null, recheckAllowed ? nextOf(row.reviewUnitId) : null];
  const missing = wanted.filter((id): id is string => !!id && !byId.has(id));
  if (missing.length) {
    for (const u of await db.unit.findMany({ where: { id: { in: missing } }, select: { id: true, name: true, parentId: true } }))
      byId.set(u.id, u);
  }
  const nameOf = (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? null) : null);
  const cal = await loadCalendar(db);
  const evaluation = evaluationState(row, at);
  const { category: _c, handlingUnitId: _h, reviewUnitId, recheckUnitId, ...rest } = row;
  void _c;
  void _h;
  return {
    ...rest,
    ...notes,
    categoryKind,
    reviewable: isReviewable(categoryKind),
    reviewUnitName: nameOf(reviewUnitId),
    recheckUnitName: nameOf(recheckUnitId),
    windows: requestWindows(facts, cal, at),
    evaluation,
    offers: {
      evaluate: canTake(row.state, "evaluate", "petitioner") && evaluation === "open",
      requestReview: reviewAllowed && wanted[0] ? { unitName: nameOf(wanted[0]) ?? "" } : null,
      requestRecheck: recheckAllowed && wanted[1] ? { unitName: nameOf(wanted[1]) ?? "" } : null,
    },
  };
}

const NOTE_TYPES = { petitioner: ["REVIEW_REASONS", "RECHECK_REASONS"], staff: ["REVIEW_REASONS", "RECHECK_REASONS", "EVALUATION_COMMENT"] } as const;

async function notesOf(petitionId: string, audience: keyof typeof NOTE_TYPES): Promise<Notes> {
  // A handful of events per case at most, read by the (petitionId, seq) key.
  const events = await db.petitionEvent.findMany({
    where: { petitionId, type: { in: [...NOTE_TYPES[audience]] } },
    orderBy: { seq: "asc" },
    select: { type: true, note: true, occurredAt: true },
  });
  const latest = (type: string) => events.filter((e) => e.type === type).at(-1) ?? null;
  const comment = latest("EVALUATION_COMMENT");
  return {
    reviewReasons: latest("REVIEW_REASONS")?.note ?? null,
    recheckReasons: latest("RECHECK_REASONS")?.note ?? null,
    evaluationComment: comment?.note ?? null,
  };
}

/** The petitioner's chain view of the case the query code opened (`petitionId` comes from the signed cookie). */
export async function findPetitionerChain(petitionId: string, at: Date): Promise<AfterAnswerView | null> {
  const row = await db.petition.findUnique({ where: { id: petitionId }, select: CHAIN });
  return row ? buildView(row, await notesOf(petitionId, "petitioner"), at) : null;
}

export type StaffChainView = AfterAnswerView & {
  /** 重复信访: the FINAL case this one repeats, and whether this viewer may open its staff page. */
  repeatOf: { trackingNo: string; id: string; visible: boolean } | null;
};

/** The chain for staff, with the evaluation comment; null outside the viewer's scope (as the case page is). */
export async function findStaffChain(viewer: StaffViewer, petitionId: string, at: Date): Promise<StaffChainView | null> {
  const scope = await db.petition.findUnique({
    where: { id: petitionId },
    select: { currentUnit: { select: { id: true, path: true } }, accusedUnit: { select: { id: true } } },
  });
  if (!scope || !canSeeCase(viewer, { unit: scope.currentUnit, accusedUnit: scope.accusedUnit })) return null;
  const row = await db.petition.findUnique({ where: { id: petitionId }, select: CHAIN });
  if (!row) return null;
  const view = await buildView(row, await notesOf(petitionId, "staff"), at);
  let repeatOf: StaffChainView["repeatOf"] = null;
  if (row.repeatOfId) {
    const original = await db.petition.findUnique({
      where: { id: row.repeatOfId },
      select: { id: true, trackingNo: true, currentUnit: { select: { id: true, path: true } }, accusedUnit: { select: { id: true } } },
    });
    if (original)
      repeatOf = {
        id: original.id,
        trackingNo: original.trackingNo,
        visible: canSeeCase(viewer, { unit: original.currentUnit, accusedUnit: original.accusedUnit }),
      };
  }
  return { ...view, repeatOf };
}
