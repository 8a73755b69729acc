import "server-only";
import { db } from "@/lib/db";
import { checkStaffAction, staffActionsFor, type StaffViewer } from "@/lib/domain/authority";
import { chargeStatus, type ChargeStatus } from "@/lib/domain/charge-rule";
import type { CivilDate } from "@/lib/domain/civil-date";
import { handleDeadline } from "@/lib/domain/deadlines";
import type { ExtensionDecision } from "@/lib/domain/extension-rule";
import { actionsNow } from "@/lib/domain/offered-actions";
import type { CategoryKind } from "@/lib/domain/petition-rules";
import type { PetitionState } from "@/lib/domain/petition-states";
import {
  awaitsAnswer,
  orderAnswerDeadline,
  orderStatus,
  strongerMeasures,
  type OrderStatus,
  type SupervisionMeasure,
} from "@/lib/domain/supervision";
import { loadCalendar } from "./calendar";
import { loadSettings } from "./settings";

// The 督办 part of the staff case page: the case's supervision orders, its 领导包案, the extension request waiting
// for a decision — and which of the supervisor's forms (and the unit's answer) this viewer is offered now, by the
// same rules the data layer checks (lib/domain/authority.ts, offered-actions.ts, supervision.ts).

/** The supervisor's case-level actions with a form in the 督办 section. */
export const SUPERVISION_PAGE_ACTIONS = [
  "supervise",
  "approveExtension",
  "rejectExtension",
  "takeCharge",
  "endCharge",
] as const;
export type SupervisionPageAction = (typeof SUPERVISION_PAGE_ACTIONS)[number];

/** What the case page already read of the case (lib/data/staff-case.ts findStaffCase). */
export type CaseForSupervision = {
  id: string;
  state: PetitionState;
  currentUnit: { id: string; name: string; path: string; kind: StaffViewer["unit"]["kind"] };
  category: { kind: CategoryKind };
  accusedUnit: { id: string; path: string; kind: StaffViewer["unit"]["kind"] } | null;
  extensionDays: number;
  acceptedAt: Date | null;
  handleDueAt: Date | null;
  extensionRequests: readonly {
    id: string;
    days: number;
    reason: string;
    requestedAt: Date;
    decision: ExtensionDecision;
  }[];
};

export type CaseOrder = {
  id: string;
  measure: SupervisionMeasure;
  message: string;
  /** The staff member who issued it; null: the deadline job (系统自动催办). */
  issuedByName: string | null;
  targetUnitName: string;
  issuedAt: Date;
  answerDueAt: Date;
  answeredAt: Date | null;
  answerText: string | null;
  answeredByName: string | null;
  late: boolean;
  status: OrderStatus;
  /** The measure of the order this one replaced, if it is an escalation. */
  escalatedFrom: SupervisionMeasure | null;
  /** May this viewer answer it now (staff of the supervised unit, while it awaits the answer)? */
  mayAnswer: boolean;
  /** The measures this viewer may escalate it to now (empty: no escalation offered). */
  escalateTo: SupervisionMeasure[];
};

export type CaseSupervision = {
  orders: CaseOrder[];
  actions: SupervisionPageAction[];
  /** The answer deadline a new order (or an escalation) issued now would get. */
  answerDue: { date: CivilDate; days: number };
  /** The request waiting for its decision, and the handling deadline its approval would give. */
  pendingExtension: { id: string; days: number; reason: string; requestedAt: Date; newHandleDueAt: Date | null } | null;
  currentHandleDueAt: Date | null;
  charge: {
    title: string;
    startAt: Date | null;
    targetAt: Date | null;
    endedAt: Date | null;
    status: ChargeStatus;
  } | null;
};

export async function findCaseSupervision(
  viewer: StaffViewer,
  c: CaseForSupervision,
  at: Date,
): Promise<CaseSupervision> {
  const [row, settings, cal] = await Promise.all([
    db.petition.findUniqueOrThrow({
      where: { id: c.id },
      select: {
        leaderTitle: true,
        leaderStartAt: true,
        leaderTargetAt: true,
        leaderEndedAt: true,
        leaderResolved: true,
        supervisionOrders: {
          orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            measure: true,
            message: true,
            issuedAt: true,
            answerDueAt: true,
            answeredAt: true,
            answerText: true,
            escalatedAt: true,
            escalatedToId: true,
            targetUnitId: true,
            issuedBy: { select: { displayName: true } },
            answeredBy: { select: { displayName: true } },
            targetUnit: { select: { name: true } },
          },
        },
      },
    }),
    loadSettings(db),
    loadCalendar(db),
  ]);
  const authority = { state: c.state, unit: c.currentUnit, categoryKind: c.category.kind, accusedUnit: c.accusedUnit };
  const allowed = staffActionsFor(viewer, authority, SUPERVISION_PAGE_ACTIONS) as SupervisionPageAction[];
  const actions = actionsNow(
    allowed,
    {
      categoryKind: c.category.kind,
      returnDueAt: null,
      extensionDays: c.extensionDays,
      extensionRequests: c.extensionRequests,
      assignableHandlers: 0,
      charge: { leaderTitle: row.leaderTitle, leaderEndedAt: row.leaderEndedAt },
    },
    at,
  );
  const mayAnswerHere = checkStaffAction(viewer, "answerSupervision", authority).ok;
  const mayEscalateHere = checkStaffAction(viewer, "escalateSupervision", authority).ok;
  // An escalation names the measure it replaced in its SUPERVISED event; the order rows link forward only.
  const replacedBy = new Map(row.supervisionOrders.filter((o) => o.escalatedToId).map((o) => [o.escalatedToId!, o.measure]));
  const orders: CaseOrder[] = row.supervisionOrders.map((o) => ({
    id: o.id,
    measure: o.measure,
    message: o.message,
    issuedByName: o.issuedBy?.displayName ?? null,
    targetUnitName: o.targetUnit.name,
    issuedAt: o.issuedAt,
    answerDueAt: o.answerDueAt,
    answeredAt: o.answeredAt,
    answerText: o.answerText,
    answeredByName: o.answeredBy?.displayName ?? null,
    late: o.answeredAt !== null && o.answeredAt.getTime() > o.answerDueAt.getTime(),
    status: orderStatus(o, at),
    escalatedFrom: replacedBy.get(o.id) ?? null,
    mayAnswer: mayAnswerHere && awaitsAnswer(o) && o.targetUnitId === viewer.unit.id,
    escalateTo: mayEscalateHere && awaitsAnswer(o) ? strongerMeasures(o.measure) : [],
  }));

  const pending = c.extensionRequests.find((r) => r.decision === null) ?? null;
  const status = chargeStatus(row);
  return {
    orders,
    actions,
    answerDue: { date: orderAnswerDeadline(at, settings.supervisionAnswerDays, cal).dueDate, days: settings.supervisionAnswerDays },
    currentHandleDueAt: c.handleDueAt,
    pendingExtension: pending
      ? {
          id: pending.id,
          days: pending.days,
          reason: pending.reason,
          requestedAt: pending.requestedAt,
          newHandleDueAt: c.acceptedAt ? handleDeadline(c.acceptedAt, cal, pending.days).dueAt : null,
        }
      : null,
    charge:
      status && row.leaderTitle
        ? {
            title: row.leaderTitle,
            startAt: row.leaderStartAt,
            targetAt: row.leaderTargetAt,
            endedAt: row.leaderEndedAt,
            status,
          }
        : null,
  };
}
