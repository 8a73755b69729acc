import "server-only";
import type { StaffViewer } from "@/lib/domain/authority";
import { endChargeEffect, extensionApprovedEffect, takeChargeEffect } from "@/lib/domain/case-effects";
import { checkTakeCharge, isUnderCharge } from "@/lib/domain/charge-rule";
import { endOfCivilDay, startOfCivilDay, toCivilDate, type CivilDate } from "@/lib/domain/civil-date";
import { approvableDays, approvalBlock } from "@/lib/domain/extension-decision";
import { answeredLate, awaitsAnswer, type SupervisionMeasure } from "@/lib/domain/supervision";
import type { Tx } from "@/lib/db";
import type { CaseRow } from "./change-case";
import { loadCalendar } from "./calendar";
import { RuleError } from "./errors";
import { loadSettings } from "./settings";
import { act, staff, type Common } from "./staff-act";
import { openOrder } from "./supervision-orders";

// The supervisor's actions on a case (督办, 条例第39、40条; 延期审批, 第34条; 领导包案) and the unit's written answer to
// an order. Each goes through changeCase: the viewer's authority over the case as stored (scope, the transition
// table's roles), the rule re-checked inside the transaction, then the change and its events — or nothing.

/** 督办: an order to the case's current unit, answered in writing within the `supervisionAnswerDays` setting. */
export function superviseCase(viewer: StaffViewer, c: Common & { measure: SupervisionMeasure; message: string }) {
  return issueOrder(viewer, "supervise", c, null);
}

/** 督办升级: a stronger measure replaces an order that still awaits its answer (openOrder checks both). */
export function escalateSupervision(
  viewer: StaffViewer,
  c: Common & { orderId: string; measure: SupervisionMeasure; message: string },
) {
  return issueOrder(viewer, "escalateSupervision", c, { id: c.orderId });
}

/** 督办 and 督办升级 alike: the order (and its events) from openOrder, with the answer days of the settings. */
function issueOrder(
  viewer: StaffViewer,
  action: "supervise" | "escalateSupervision",
  c: Common & { measure: SupervisionMeasure; message: string },
  escalates: { id: string } | null,
) {
  return act(viewer, action, c, async (row, tx) => {
    const [settings, cal] = await Promise.all([loadSettings(tx), loadCalendar(tx)]);
    const { events } = await openOrder(tx, {
      petitionId: row.id,
      targetUnitId: row.currentUnitId,
      measure: c.measure,
      message: c.message,
      issuedById: viewer.userId,
      at: c.at,
      answerDays: settings.supervisionAnswerDays,
      cal,
      escalates,
    });
    return { event: events[0], more: [events[1]] };
  });
}

/**
 * 督办答复: the supervised unit answers in writing — only its own staff, and only while the order awaits the answer
 * (compare-and-set on answeredAt, so two answers or an answer racing an escalation cannot both win). Whether the
 * answer came late is recorded with it (the scorecard counts late answers).
 */
export function answerSupervision(viewer: StaffViewer, c: Common & { orderId: string; answerText: string }) {
  return act(viewer, "answerSupervision", c, async (row, tx) => {
    const order = await tx.supervisionOrder.findUnique({
      where: { id: c.orderId },
      select: {
        id: true,
        petitionId: true,
        targetUnitId: true,
        measure: true,
        answerDueAt: true,
        answeredAt: true,
        escalatedAt: true,
      },
    });
    if (!order || order.petitionId !== row.id) throw new RuleError("supervision.notWaiting");
    if (order.targetUnitId !== viewer.unit.id) throw new RuleError("supervision.notYourUnit");
    if (!awaitsAnswer(order)) throw new RuleError("supervision.notWaiting");
    const marked = await tx.supervisionOrder.updateMany({
      where: { id: order.id, answeredAt: null, escalatedAt: null },
      data: { answeredAt: c.at, answerText: c.answerText, answeredById: viewer.userId },
    });
    if (marked.count !== 1) throw new RuleError("supervision.notWaiting");
    return {
      event: {
        type: "SUPERVISION_ANSWERED",
        ...staff(viewer, order.targetUnitId, c.at),
        note: c.answerText,
        data: { orderId: order.id, measure: order.measure, late: answeredLate({ ...order, answeredAt: c.at }) },
      },
    };
  });
}

/** The one request of this case that waits for its decision, claimed by compare-and-set on `decision`. */
async function decideRequest(
  tx: Tx,
  viewer: StaffViewer,
  row: CaseRow,
  c: Common & { requestId: string; note: string },
  decision: "APPROVED" | "REJECTED",
) {
  const requests = await tx.extensionRequest.findMany({
    where: { petitionId: row.id },
    select: { id: true, days: true, decision: true },
  });
  const request = requests.find((r) => r.id === c.requestId && r.decision === null);
  if (!request) throw new RuleError("extension.none");
  if (decision === "APPROVED" && approvalBlock({ extensionDays: row.extensionDays, requests }) !== null)
    throw new RuleError("extension.alreadyExtended");
  const claimed = await tx.extensionRequest.updateMany({
    where: { id: request.id, decision: null },
    data: { decision, decidedById: viewer.userId, decidedAt: c.at, decisionNote: c.note },
  });
  if (claimed.count !== 1) throw new RuleError("extension.none");
  return request;
}

/**
 * 批准延期 (条例第34条): the requested days (at most 30, once per case) are added to the handling deadline, counted
 * from acceptance; the petitioner is told why (the reason as the event's note) and the new due date.
 */
export function approveExtension(viewer: StaffViewer, c: Common & { requestId: string; note: string }) {
  return act(viewer, "approveExtension", c, async (row, tx) => {
    const request = await decideRequest(tx, viewer, row, c, "APPROVED");
    const days = approvableDays(request.days);
    if (days === null || !row.acceptedAt) throw new RuleError("extension.days");
    const effect = extensionApprovedEffect(row.acceptedAt, days, await loadCalendar(tx));
    return {
      data: effect,
      event: {
        type: "EXTENSION_APPROVED",
        ...staff(viewer, row.currentUnitId, c.at),
        note: c.note,
        data: { extensionDays: days, handleDueDate: toCivilDate(effect.handleDueAt) },
      },
    };
  });
}

/** 不批准延期: the deadline stays; the reason is for staff. */
export function rejectExtension(viewer: StaffViewer, c: Common & { requestId: string; note: string }) {
  return act(viewer, "rejectExtension", c, async (row, tx) => {
    const request = await decideRequest(tx, viewer, row, c, "REJECTED");
    return {
      event: {
        type: "EXTENSION_REJECTED",
        ...staff(viewer, row.currentUnitId, c.at),
        note: c.note,
        data: { extensionDays: request.days },
      },
    };
  });
}

const CHARGE = { leaderTitle: true, leaderEndedAt: true } as const;

/** 领导包案: the office (never a name), the start and the target date; public with the title only. */
export function takeCharge(
  viewer: StaffViewer,
  c: Common & { title: string; startDate: CivilDate; targetDate: CivilDate },
) {
  return act(viewer, "takeCharge", c, async (row, tx) => {
    const charge = await tx.petition.findUniqueOrThrow({ where: { id: row.id }, select: CHARGE });
    const refusal = checkTakeCharge(charge, c, toCivilDate(c.at));
    if (refusal) throw new RuleError(`charge.${refusal}`);
    return {
      data: takeChargeEffect(c.title, startOfCivilDay(c.startDate), endOfCivilDay(c.targetDate)),
      event: {
        type: "LEADER_TOOK_CHARGE",
        ...staff(viewer, row.currentUnitId, c.at),
        data: { title: c.title, startDate: c.startDate, targetDate: c.targetDate },
      },
    };
  });
}

/** 包案结束: whether the case was resolved (化解); public. */
export function endCharge(viewer: StaffViewer, c: Common & { resolved: boolean }) {
  return act(viewer, "endCharge", c, async (row, tx) => {
    const charge = await tx.petition.findUniqueOrThrow({ where: { id: row.id }, select: CHARGE });
    if (!isUnderCharge(charge)) throw new RuleError("charge.notInCharge");
    return {
      data: endChargeEffect(c.at, c.resolved),
      event: {
        type: "LEADER_CHARGE_ENDED",
        ...staff(viewer, row.currentUnitId, c.at),
        data: { resolved: c.resolved },
      },
    };
  });
}
