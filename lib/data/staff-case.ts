import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { canSeeCase, checkRouteTarget, staffActionsFor, type StaffViewer, type UnitKind } from "@/lib/domain/authority";
import { caseDeadlines, type CaseDeadline } from "@/lib/domain/case-deadlines";
import { currentDeadline, type CurrentDeadlineKind } from "@/lib/domain/current-deadline";
import { deadlineStatus, returnDeadline, type DeadlineStatus } from "@/lib/domain/deadlines";
import type { PetitionAction } from "@/lib/domain/petition-states";
import { mayPublishContent, outcomesFor, type Outcome } from "@/lib/domain/petition-rules";
import { isAssignableHandler } from "@/lib/domain/assignee-rule";
import { extensionBlock, type ExtensionBlock } from "@/lib/domain/extension-rule";
import { actionsNow } from "@/lib/domain/offered-actions";
import { maskFreeText } from "@/lib/domain/masking";
import { knownPersonalDataOf } from "@/lib/domain/personal-data-scanner";
import type { Prisma } from "@/generated/prisma/client";
import { loadCalendar } from "./calendar";
import { explainStaffEvents, type ExplainedEvent } from "./staff-case-events";
import { CASE_DATES } from "./public-cases";

// The staff case page (工作人员办件页): everything about one case, personal data included, for the staff
// whose scope holds the case's current unit — and the choices its action forms offer.

const STAFF_CASE = {
  id: true,
  trackingNo: true,
  version: true,
  state: true,
  channel: true,
  title: true,
  content: true,
  petitionerName: true,
  petitionerPhone: true,
  petitionerIdNumber: true,
  petitionerEmail: true,
  address: true,
  consentPublic: true,
  personCount: true,
  isCollective: true,
  sourceDocNo: true,
  feedbackDueAt: true,
  outcome: true,
  replyText: true,
  publishedAt: true,
  publicTitle: true,
  publicSummary: true,
  publicReply: true,
  returnDueAt: true,
  currentDueAt: true,
  isRepeat: true,
  unitSatisfaction: true,
  bureauSatisfaction: true,
  ...CASE_DATES,
  category: { select: { name: true, kind: true } },
  place: { select: { name: true } },
  currentUnit: { select: { id: true, name: true, path: true, kind: true } },
  accusedUnit: { select: { id: true, name: true, path: true, kind: true } },
  assignee: { select: { id: true, displayName: true } },
  representatives: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, phone: true, idNumber: true } },
  events: {
    orderBy: { seq: "asc" },
    select: {
      seq: true,
      type: true,
      visibility: true,
      actorType: true,
      occurredAt: true,
      fromState: true,
      toState: true,
      note: true,
      data: true,
      actor: { select: { displayName: true } },
      unit: { select: { name: true } },
    },
  },
  extensionRequests: {
    orderBy: { requestedAt: "asc" },
    select: { id: true, days: true, reason: true, requestedAt: true, decision: true, decidedAt: true, decisionNote: true },
  },
} satisfies Prisma.PetitionSelect;

type Row = Prisma.PetitionGetPayload<{ select: typeof STAFF_CASE }>;

/** The actions the staff case page has forms for; supervisor-only decisions come with the supervision board. */
export const CASE_PAGE_ACTIONS = [
  "route",
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
  "reviewReply", // 复查答复 (lib/data/review-actions.ts)
  "recheckReply", // 复核答复
  "linkRepeat", // 关联重复信访
] as const satisfies readonly PetitionAction[];
export type CasePageAction = (typeof CASE_PAGE_ACTIONS)[number];

export type StaffCaseEvent = ExplainedEvent<Row["events"][number]>;

export type RouteTargetGroup = { kind: UnitKind; units: { id: string; name: string }[] };

export type StaffCase = Omit<Row, "events"> & {
  events: StaffCaseEvent[];
  deadlines: CaseDeadline[];
  /** The deadline that runs now, and whether it is being met. */
  running: { kind: CurrentDeadlineKind; dueAt: Date; status: DeadlineStatus } | null;
  /** The actions this viewer may take now, in CASE_PAGE_ACTIONS order; `awaited` are the ones the case waits for. */
  actions: CasePageAction[];
  forms: {
    handlers: { id: string; name: string }[];
    routeTargets: RouteTargetGroup[];
    outcomes: readonly Outcome[];
    mayPublish: boolean;
    /** Why 申请延期, which this viewer could take, is not offered now (条例第34条: once), for a notice instead. */
    extensionBlocked: ExtensionBlock | null;
    /** The public texts for review: what was published, else the case's texts with personal data masked. */
    publishDraft: { title: string; summary: string; reply: string };
  };
};

const ROUTE_GROUP_ORDER: readonly UnitKind[] = ["DEPARTMENT", "TOWNSHIP", "VILLAGE", "LEGAL", "DISCIPLINE", "GOVERNMENT"];

/**
 * One case for a staff member, or null — also when the case exists but lies outside the viewer's scope, so
 * that the page answers 404 and does not reveal that it exists. Admins see no case.
 */
export async function findStaffCase(viewer: StaffViewer, id: string, at: Date = now()): Promise<StaffCase | null> {
  if (typeof id !== "string" || id.length === 0 || id.length > 64) return null;
  const row = await db.petition.findUnique({ where: { id }, select: STAFF_CASE });
  if (!row) return null;
  const caseForAuthority = { state: row.state, unit: row.currentUnit, categoryKind: row.category.kind, accusedUnit: row.accusedUnit };
  if (!canSeeCase(viewer, caseForAuthority)) return null;

  // Who may act on this case (authority), then which of those actions may happen now (lib/domain/offered-actions):
  // the same rules the data layer checks, so the page offers no form that is bound to be refused.
  const allowed = staffActionsFor(viewer, caseForAuthority, CASE_PAGE_ACTIONS) as CasePageAction[];
  const [unitStaff, routeTargets] = await Promise.all([
    allowed.includes("assign")
      ? db.user.findMany({ where: { unitId: row.currentUnit.id }, orderBy: { username: "asc" }, select: { id: true, displayName: true, unitId: true, role: true, active: true } })
      : [],
    allowed.includes("route") ? findRouteTargets(caseForAuthority) : [],
  ]);
  const handlers = unitStaff.filter((u) => isAssignableHandler(u, row.currentUnit.id));
  const extension = { extensionDays: row.extensionDays, requests: row.extensionRequests };
  const actions = actionsNow(
    allowed,
    {
      categoryKind: row.category.kind,
      returnDueAt: row.returnDueAt,
      extensionDays: row.extensionDays,
      extensionRequests: row.extensionRequests,
      assignableHandlers: handlers.length,
      repeat: { state: row.state, isRepeat: row.isRepeat },
    },
    at,
  );

  const cal = await loadCalendar(db);
  const deadlines = caseDeadlines(row, cal, at);
  // 退回异议期限 (条例第23条): staff-only, while a routed case waits for the unit's decision.
  if (row.state === "SUBMITTED" && row.currentUnit.kind !== "BUREAU" && row.returnDueAt && row.arrivedAtUnitAt) {
    const i = deadlines.findIndex((d) => d.kind === "accept");
    deadlines.splice(i < 0 ? deadlines.length : i + 1, 0, {
      kind: "return",
      dueAt: row.returnDueAt,
      doneAt: null,
      explanation: returnDeadline(row.arrivedAtUnitAt, cal).explanation,
      status: deadlineStatus(row.returnDueAt, null, at),
    });
  }
  const cur = currentDeadline({ ...row, atBureau: row.currentUnit.kind === "BUREAU" });
  const running = cur ? { kind: cur.kind, dueAt: cur.dueAt, status: deadlineStatus(cur.dueAt, null, at) } : null;

  // Each event's data read through its type's schema; the ids it carries as names.
  const events: StaffCaseEvent[] = await explainStaffEvents(row.events);

  const known = knownPersonalDataOf(row);
  const publishDraft = row.publishedAt
    ? { title: row.publicTitle ?? "", summary: row.publicSummary ?? "", reply: row.publicReply ?? "" }
    : { title: maskFreeText(row.title, known), summary: maskFreeText(row.content, known), reply: maskFreeText(row.replyText ?? "", known) };

  const { events: _events, ...rest } = row;
  void _events;
  return {
    ...rest,
    events,
    deadlines,
    running,
    actions,
    forms: {
      handlers: handlers.map((h) => ({ id: h.id, name: h.displayName })),
      routeTargets,
      outcomes: outcomesFor(row.category.kind),
      mayPublish: mayPublishContent(row.category.kind, row.consentPublic),
      publishDraft,
      extensionBlocked: allowed.includes("requestExtension") ? extensionBlock(extension) : null,
    },
  };
}

/** Whether the viewer still sees a case (after routing or returning it, its own staff no longer do). */
export async function viewerSeesCase(viewer: StaffViewer, id: string): Promise<boolean> {
  const row = await db.petition.findUnique({ where: { id }, select: { currentUnit: { select: { id: true, path: true } }, accusedUnit: { select: { id: true } } } });
  return !!row && canSeeCase(viewer, { unit: row.currentUnit, accusedUnit: row.accusedUnit });
}

/** The units the bureau may route this case to (checkRouteTarget), grouped by kind for the select. */
async function findRouteTargets(c: Parameters<typeof checkRouteTarget>[0]): Promise<RouteTargetGroup[]> {
  const units = await db.unit.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, path: true, kind: true, active: true } });
  const allowed = units.filter((u) => checkRouteTarget(c, u).ok);
  return ROUTE_GROUP_ORDER.map((kind) => ({ kind, units: allowed.filter((u) => u.kind === kind).map((u) => ({ id: u.id, name: u.name })) })).filter((g) => g.units.length > 0);
}
