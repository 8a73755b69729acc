import "server-only";
import { acceptEffect, assignEffect, notAcceptEffect, publishEffect, replyEffect, returnEffect, routeEffect } from "@/lib/domain/case-effects";
import { isAssignableHandler } from "@/lib/domain/assignee-rule";
import { extensionBlock, isValidExtensionDays } from "@/lib/domain/extension-rule";
import { isWithinReturnWindow } from "@/lib/domain/return-window";
import { checkRouteTarget, type StaffViewer } from "@/lib/domain/authority";
import { mayCarryPublicNotes, mayPublishContent, outcomesFor, type Outcome, type ProperChannel } from "@/lib/domain/petition-rules";
import { scanPersonalData } from "@/lib/domain/personal-data-scanner";
import { loadCalendar } from "./calendar";
import { loadSettings } from "./settings";
import { findKnownPersonalData } from "./case-personal-data";
import { RuleError } from "./errors";
import { act, staff, type Common } from "./staff-act";

// Every handling action of the staff case page. Each one: the viewer's authority over the case as it is in
// the database (scope, unit rules, transition table), its own rule checks, then the change and its events in
// one transaction (changeCase, through act() in staff-act.ts). A refusal throws and writes nothing.

/** 转送/交办 (条例第22条): the bureau sends the case to the unit with power to handle it; its 15-day clock starts. */
export function routeCase(viewer: StaffViewer, c: Common & { targetUnitId: string; note: string }) {
  return act(viewer, "route", c, async (row, tx) => {
    const target = await tx.unit.findUnique({ where: { id: c.targetUnitId }, select: { id: true, path: true, kind: true, active: true } });
    if (!target) throw new RuleError("route.unknownUnit");
    const ok = checkRouteTarget({ unit: row.currentUnit, categoryKind: row.category.kind, accusedUnit: row.accusedUnit }, target);
    if (!ok.ok) throw new RuleError(`route.${ok.why}`);
    const cal = await loadCalendar(tx);
    return {
      data: routeEffect(target.id, c.at, cal),
      event: { type: "ROUTED", ...staff(viewer, target.id, c.at), data: { toUnitId: target.id } },
      more: c.note ? [{ type: "NOTE_INTERNAL", ...staff(viewer, target.id, c.at), note: c.note }] : [],
    };
  });
}

/** 退回 (条例第23条): a misrouted case goes back to the bureau within 5 working days, with the reasons. */
export function returnCase(viewer: StaffViewer, c: Common & { reason: string }) {
  return act(viewer, "return", c, async (row, tx) => {
    if (!isWithinReturnWindow(row.returnDueAt, c.at)) throw new RuleError("return.tooLate");
    const bureau = await tx.unit.findFirst({ where: { kind: "BUREAU", active: true }, orderBy: { path: "asc" }, select: { id: true } });
    if (!bureau) throw new RuleError("route.unknownUnit");
    return {
      data: returnEffect(bureau.id),
      event: { type: "RETURNED", ...staff(viewer, bureau.id, c.at), data: { fromUnitId: row.currentUnitId, toUnitId: bureau.id } },
      more: [{ type: "NOTE_INTERNAL", ...staff(viewer, bureau.id, c.at), note: c.reason }],
    };
  });
}

/** 受理: the handling clock starts, 60 days (条例第34条). */
export function acceptCase(viewer: StaffViewer, c: Common) {
  return act(viewer, "accept", c, async (row, tx) => {
    const cal = await loadCalendar(tx);
    return {
      data: acceptEffect(c.at, cal),
      event: { type: "ACCEPTED", ...staff(viewer, row.currentUnitId, c.at) },
    };
  });
}

/** 不予受理: the decision is public; the reason and the proper channel go to the petitioner. */
export function notAcceptCase(viewer: StaffViewer, c: Common & { reason: string; properChannel: ProperChannel }) {
  return act(viewer, "notAccept", c, (row) => ({
    data: notAcceptEffect(c.at),
    event: { type: "NOT_ACCEPTED", ...staff(viewer, row.currentUnitId, c.at), data: { properChannel: c.properChannel } },
    more: [{ type: "NOT_ACCEPTED_REASON", ...staff(viewer, row.currentUnitId, c.at), note: c.reason, data: { properChannel: c.properChannel } }],
  }));
}

/** 分派: to an active handler of the case's own unit. */
export function assignCase(viewer: StaffViewer, c: Common & { assigneeId: string }) {
  return act(viewer, "assign", c, async (row, tx) => {
    const assignee = await tx.user.findUnique({ where: { id: c.assigneeId }, select: { id: true, unitId: true, role: true, active: true } });
    if (!assignee || !isAssignableHandler(assignee, row.currentUnitId)) throw new RuleError("assign.notInUnit");
    return {
      data: assignEffect(assignee.id),
      event: { type: "ASSIGNED", ...staff(viewer, row.currentUnitId, c.at), data: { assigneeId: assignee.id } },
    };
  });
}

export function addInternalNote(viewer: StaffViewer, c: Common & { text: string }) {
  return act(viewer, "internalNote", c, (row) => ({ event: { type: "NOTE_INTERNAL", ...staff(viewer, row.currentUnitId, c.at), note: c.text } }));
}

/**
 * 公开进展: shown to everyone, so never on an accusation (条例第46条), and never with personal data — none of
 * the shapes the scanner knows, and none of the values the case records (representatives included).
 */
export function addPublicNote(viewer: StaffViewer, c: Common & { text: string }) {
  return act(viewer, "publicNote", c, async (row, tx) => {
    if (!mayCarryPublicNotes(row.category.kind)) throw new RuleError("publicNote.confidential");
    if (scanPersonalData(c.text, await findKnownPersonalData(tx, row.id)).length > 0) throw new RuleError("publish.personalData");
    return { event: { type: "NOTE_PUBLIC", ...staff(viewer, row.currentUnitId, c.at), note: c.text } };
  });
}

/** 要求补充材料: the petitioner sees the request in their view. */
export function requestInfo(viewer: StaffViewer, c: Common & { text: string }) {
  return act(viewer, "requestInfo", c, (row) => ({ event: { type: "INFO_REQUESTED", ...staff(viewer, row.currentUnitId, c.at), note: c.text } }));
}

/** 申请延期 (条例第34条): at most 30 days, once; waits for a supervisor's approval. */
export function requestExtension(viewer: StaffViewer, c: Common & { days: number; reason: string }) {
  return act(viewer, "requestExtension", c, async (row, tx) => {
    if (!isValidExtensionDays(c.days)) throw new RuleError("extension.days");
    const requests = await tx.extensionRequest.findMany({ where: { petitionId: row.id }, select: { decision: true } });
    // A pending request and an approved one both make this the second: the same refusal as before.
    if (extensionBlock({ extensionDays: row.extensionDays, requests }) !== null) throw new RuleError("extension.once");
    await tx.extensionRequest.create({ data: { petitionId: row.id, days: c.days, reason: c.reason, requestedById: viewer.userId, requestedAt: c.at } });
    return { event: { type: "EXTENSION_REQUESTED", ...staff(viewer, row.currentUnitId, c.at), note: c.reason, data: { extensionDays: c.days } } };
  });
}

/**
 * 答复: outcome by category kind (条例第29、32条) and the reply for the petitioner; the 复查 window opens, and the
 * evaluation window of the setting's days (评价期, lib/data/settings.ts).
 */
export function replyCase(viewer: StaffViewer, c: Common & { outcome: Outcome; replyText: string }) {
  return act(viewer, "reply", c, async (row, tx) => {
    if (!outcomesFor(row.category.kind).includes(c.outcome)) throw new RuleError("reply.outcome");
    const [cal, settings] = await Promise.all([loadCalendar(tx), loadSettings(tx)]);
    return {
      data: replyEffect(c.at, c.outcome, c.replyText, cal, settings.evaluationWindowDays),
      event: { type: "REPLIED", ...staff(viewer, row.currentUnitId, c.at), data: { outcome: c.outcome } },
    };
  });
}

/**
 * 公开: the reviewed, redacted title, summary and reply. Only with the petitioner's consent, never for an
 * accusation, and never while the scanner still finds personal data in the text.
 */
export function publishCase(viewer: StaffViewer, c: Common & { publicTitle: string; publicSummary: string; publicReply: string }) {
  return act(viewer, "publish", c, async (row, tx) => {
    if (!mayPublishContent(row.category.kind, row.consentPublic)) throw new RuleError("publish.notAllowed");
    const known = await findKnownPersonalData(tx, row.id);
    for (const text of [c.publicTitle, c.publicSummary, c.publicReply]) {
      if (scanPersonalData(text, known).length > 0) throw new RuleError("publish.personalData");
    }
    return {
      data: publishEffect(c.at, c),
      event: { type: "PUBLISHED", ...staff(viewer, row.currentUnitId, c.at) },
    };
  });
}
