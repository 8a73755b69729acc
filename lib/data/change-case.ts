import "server-only";
import type { Tx } from "@/lib/db";
import { transitionFor, type ActorRole, type PetitionAction, type PetitionState } from "@/lib/domain/petition-states";
import { currentDeadline } from "@/lib/domain/current-deadline";
import type { Prisma } from "@/generated/prisma/client";
import { appendEvent, type PlannedEvent } from "./events";
import { applyFigureChange, FIGURE_SELECT, figureRowOf } from "./figures";
import { caseTransaction } from "./public-pages";
import { updateLateFrom } from "./late-from";
import { CaseChangedError, ForbiddenError, NotFoundError } from "./errors";

const CASE_ROW = {
  // What the figures depend on (the summary follows the row); the fields below repeat some of it for the plans.
  ...FIGURE_SELECT,
  id: true,
  trackingNo: true,
  state: true,
  version: true,
  channel: true,
  title: true,
  content: true,
  petitionerName: true,
  address: true,
  currentUnitId: true,
  currentUnit: { select: { id: true, path: true, kind: true } },
  categoryId: true,
  category: { select: { kind: true } },
  accusedUnitId: true,
  accusedUnit: { select: { id: true, path: true, kind: true } },
  assigneeId: true,
  consentPublic: true,
  receivedAt: true,
  routeDueAt: true,
  arrivedAtUnitAt: true,
  acceptDueAt: true,
  returnDueAt: true,
  acceptedAt: true,
  handleDueAt: true,
  extensionDays: true,
  repliedAt: true,
  replyText: true,
  reviewDueAt: true,
  recheckDueAt: true,
  lapsedDueAt: true,
} satisfies Prisma.PetitionSelect;
export type CaseRow = Prisma.PetitionGetPayload<{ select: typeof CASE_ROW }>;

export type ChangePlan = {
  data?: Omit<Prisma.PetitionUncheckedUpdateManyInput, "state" | "version" | "currentDueAt">;
  event: PlannedEvent;
  /** Further events in the same transaction (e.g. an INTERNAL note beside a PUBLIC routing event). */
  more?: PlannedEvent[];
};

const asDate = (v: unknown, fallback: Date | null): Date | null => (v === undefined ? fallback : v instanceof Date ? v : v === null ? null : fallback);

/**
 * Every mutation of a case goes through here: scoped lookup → permission → transition check →
 * optimistic version check → the change and its events in one transaction.
 * `authorize` sees the row from the database, never ids sent by a form. `plan` may throw to refuse.
 */
export async function changeCase(args: {
  petitionId: string;
  /** The version the actor saw; a different current version means someone else acted first. */
  expectedVersion: number | null;
  role: ActorRole;
  action: PetitionAction;
  authorize: (row: CaseRow) => boolean;
  plan: (row: CaseRow, to: PetitionState, tx: Tx) => ChangePlan | Promise<ChangePlan>;
}): Promise<{ state: PetitionState; version: number }> {
  // Once committed, the cached public pages showing the case (and the figures) are dropped.
  return caseTransaction(async (tx) => {
    const row = await tx.petition.findUnique({ where: { id: args.petitionId }, select: CASE_ROW });
    if (!row) throw new NotFoundError();
    if (!args.authorize(row)) throw new ForbiddenError();
    if (args.expectedVersion !== null && row.version !== args.expectedVersion) throw new CaseChangedError();
    const transition = transitionFor(row.state, args.action, args.role);
    if (!transition) throw new CaseChangedError();
    const plan = await args.plan(row, transition.to, tx);
    const data = plan.data ?? {};
    // The running deadline follows from the state and dates after the change.
    let atBureau = row.currentUnit.kind === "BUREAU";
    if (typeof data.currentUnitId === "string" && data.currentUnitId !== row.currentUnitId) {
      const unit = await tx.unit.findUniqueOrThrow({ where: { id: data.currentUnitId }, select: { kind: true } });
      atBureau = unit.kind === "BUREAU";
    }
    const running = currentDeadline({
      state: transition.to,
      atBureau,
      routeDueAt: asDate(data.routeDueAt, row.routeDueAt),
      acceptDueAt: asDate(data.acceptDueAt, row.acceptDueAt),
      handleDueAt: asDate(data.handleDueAt, row.handleDueAt),
      reviewDueAt: asDate(data.reviewDueAt, row.reviewDueAt),
      recheckDueAt: asDate(data.recheckDueAt, row.recheckDueAt),
    });
    const updated = await tx.petition.updateMany({
      where: { id: row.id, version: row.version },
      data: { ...data, state: transition.to, version: { increment: 1 }, currentDueAt: running?.dueAt ?? null },
    });
    if (updated.count !== 1) throw new CaseChangedError();
    // The public figures follow the row in the same transaction (lib/domain/figures.ts): the row as it is now,
    // with whatever the plan wrote beside it (a 督办 order), read back rather than rebuilt from the change.
    await updateLateFrom(tx, [row.id]);
    const after = await tx.petition.findUniqueOrThrow({ where: { id: row.id }, select: FIGURE_SELECT });
    await applyFigureChange(tx, figureRowOf(row), figureRowOf(after));
    const changed = transition.to !== row.state;
    await appendEvent(tx, row.id, { ...plan.event, fromState: changed ? row.state : null, toState: changed ? transition.to : null });
    for (const more of plan.more ?? []) await appendEvent(tx, row.id, more);
    return { state: transition.to, version: row.version + 1 };
  });
}
