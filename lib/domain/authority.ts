// Who may see and act on which case (issue: staff workspace). Pure: the data layer passes the viewer and
// the case's unit as read from the database, never ids sent by a form.
import { TRANSITIONS, transitionFor, type PetitionAction, type PetitionState } from "./petition-states";
import type { CategoryKind } from "./petition-rules";

export type StaffRole = "handler" | "supervisor" | "admin";

export type UnitRef = { id: string; path: string; kind: UnitKind };
export type UnitKind = "GOVERNMENT" | "BUREAU" | "DEPARTMENT" | "TOWNSHIP" | "VILLAGE" | "LEGAL" | "DISCIPLINE";

export type StaffViewer = { userId: string; role: StaffRole; unit: UnitRef };

export type CaseForAuthority = {
  state: PetitionState;
  unit: UnitRef; // the case's current unit
  categoryKind: CategoryKind;
  accusedUnitPath: string | null;
};

/** A unit is inside another's subtree when its materialised path starts with the other's. */
export function isWithin(unit: { path: string }, ancestor: { path: string }): boolean {
  return unit.path.startsWith(ancestor.path);
}

/**
 * Which cases a viewer sees: a handler its own unit's, a supervisor its unit's whole subtree.
 * An admin manages users, units and settings and sees no case (and no petitioner's data).
 */
export function canSeeCase(viewer: StaffViewer, caseUnit: { id: string; path: string }): boolean {
  switch (viewer.role) {
    case "handler":
      return caseUnit.id === viewer.unit.id;
    case "supervisor":
      return isWithin(caseUnit, viewer.unit);
    case "admin":
      return false;
  }
}

/**
 * 登记 (条例第22条): the petition bureau registers letters, visits, calls and higher-level transfers; its
 * handlers and supervisors do it. Other units receive cases by routing, and an admin handles none.
 */
export function canRegister(viewer: { role: StaffRole; unit: { kind: UnitKind } }): boolean {
  return (viewer.role === "handler" || viewer.role === "supervisor") && viewer.unit.kind === "BUREAU";
}

/** Actions that only the petition bureau takes (转送/交办, 登记). */
const BUREAU_ACTIONS: ReadonlySet<PetitionAction> = new Set(["route"]);
/** Actions a receiving unit takes on a case routed to it; the bureau routes instead (it may still 不予受理). */
const UNIT_ACTIONS: ReadonlySet<PetitionAction> = new Set(["return", "accept"]);

export type Refusal = "scope" | "role" | "state" | "unit";

/**
 * Whether a viewer may take an action on a case now: the viewer's scope, the role the transition table
 * allows for the action, the state it allows it in ("state": the case moved on — tell the user to reload),
 * and the unit rules — only the bureau routes; only a receiving unit returns a case to the bureau.
 */
export function checkStaffAction(viewer: StaffViewer, action: PetitionAction, c: CaseForAuthority): { ok: true; to: PetitionState } | { ok: false; why: Refusal } {
  if (!canSeeCase(viewer, c.unit)) return { ok: false, why: "scope" };
  if (!TRANSITIONS[action].roles.includes(viewer.role)) return { ok: false, why: "role" };
  const t = transitionFor(c.state, action, viewer.role);
  if (!t) return { ok: false, why: "state" };
  if (BUREAU_ACTIONS.has(action) && c.unit.kind !== "BUREAU") return { ok: false, why: "unit" };
  if (UNIT_ACTIONS.has(action) && c.unit.kind === "BUREAU") return { ok: false, why: "unit" };
  return { ok: true, to: t.to };
}

export function staffActionsFor(viewer: StaffViewer, c: CaseForAuthority, actions: readonly PetitionAction[]): PetitionAction[] {
  return actions.filter((a) => checkStaffAction(viewer, a, c).ok);
}

export type RouteRefusal = "sameUnit" | "bureau" | "accused" | "wrongKind" | "inactive";

/**
 * Where the bureau may route a case (条例第22条): to an active unit that is not the bureau itself;
 * 涉法涉诉 only to legal organs; and an accusation never to the unit it accuses nor inside it (第46条).
 */
export function checkRouteTarget(
  c: { unit: UnitRef; categoryKind: CategoryKind; accusedUnitPath: string | null },
  target: UnitRef & { active: boolean },
): { ok: true } | { ok: false; why: RouteRefusal } {
  if (!target.active) return { ok: false, why: "inactive" };
  if (target.id === c.unit.id) return { ok: false, why: "sameUnit" };
  if (target.kind === "BUREAU") return { ok: false, why: "bureau" };
  if (c.categoryKind === "LEGAL" && target.kind !== "LEGAL") return { ok: false, why: "wrongKind" };
  if (c.categoryKind !== "LEGAL" && target.kind === "LEGAL") return { ok: false, why: "wrongKind" };
  // The accused unit and anything under it never see the accusation; its superiors may handle it.
  if (c.categoryKind === "ACCUSATION" && c.accusedUnitPath && isWithin(target, { path: c.accusedUnitPath })) {
    return { ok: false, why: "accused" };
  }
  return { ok: true };
}
