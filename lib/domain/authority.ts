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
  /** 检举控告: the unit accused, if the petitioner or the bureau named one. */
  accusedUnit: UnitRef | null;
};

/** What decides whether a viewer sees a case: where it is now, and the unit it accuses, if any. */
export type CaseForScope = { unit: { id: string; path: string }; accusedUnit: { id: string } | null };

/** A unit is inside another's subtree when its materialised path starts with the other's. */
export function isWithin(unit: { path: string }, ancestor: { path: string }): boolean {
  return unit.path.startsWith(ancestor.path);
}

/**
 * The cases a viewer works, as data: a handler its own unit's, a supervisor its unit's whole subtree — never
 * a case that accuses the viewer's own unit (条例第46条: the accused does not see the accusation, even when
 * it sits in the subtree, e.g. the county government's supervisor and an accusation against the government).
 * An admin manages users, units and settings and sees no case (and no petitioner's data): null.
 * The queue's SQL (lib/data/queue.ts) is built from this, and canSeeCase below reads it, so the page, the
 * actions and every tab, count and search agree.
 */
export type CaseScope = { units: { unitId: string } | { pathPrefix: string }; exceptAccusedUnitId: string };

export function scopeOf(viewer: StaffViewer): CaseScope | null {
  switch (viewer.role) {
    case "handler":
      return { units: { unitId: viewer.unit.id }, exceptAccusedUnitId: viewer.unit.id };
    case "supervisor":
      return { units: { pathPrefix: viewer.unit.path }, exceptAccusedUnitId: viewer.unit.id };
    case "admin":
      return null;
  }
}

export function isInScope(scope: CaseScope, c: CaseForScope): boolean {
  const unitOk =
    "unitId" in scope.units ? c.unit.id === scope.units.unitId : isWithin(c.unit, { path: scope.units.pathPrefix });
  return unitOk && c.accusedUnit?.id !== scope.exceptAccusedUnitId;
}

/** Whether a viewer sees a case (its page, its actions, its row in the queue): scopeOf, applied to one case. */
export function canSeeCase(viewer: StaffViewer, c: CaseForScope): boolean {
  const scope = scopeOf(viewer);
  return scope !== null && isInScope(scope, c);
}

/**
 * 登记 (条例第22条): the petition bureau registers letters, visits, calls and higher-level transfers; its
 * handlers and supervisors do it. Other units receive cases by routing, and an admin handles none.
 */
export function canRegister(viewer: { role: StaffRole; unit: { kind: UnitKind } }): boolean {
  return (viewer.role === "handler" || viewer.role === "supervisor") && viewer.unit.kind === "BUREAU";
}

/**
 * 督办 (条例第39、40条): the supervision board and the unit scorecards are a supervisor's, over its unit's subtree.
 * The pages, the navigation, the CSV route and the data functions all ask this one rule.
 */
export function canSupervise(viewer: { role: StaffRole }): boolean {
  return viewer.role === "supervisor";
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
export function checkStaffAction(
  viewer: StaffViewer,
  action: PetitionAction,
  c: CaseForAuthority,
): { ok: true; to: PetitionState } | { ok: false; why: Refusal } {
  if (!canSeeCase(viewer, c)) return { ok: false, why: "scope" };
  if (!TRANSITIONS[action].roles.includes(viewer.role)) return { ok: false, why: "role" };
  const t = transitionFor(c.state, action, viewer.role);
  if (!t) return { ok: false, why: "state" };
  if (BUREAU_ACTIONS.has(action) && c.unit.kind !== "BUREAU") return { ok: false, why: "unit" };
  if (UNIT_ACTIONS.has(action) && c.unit.kind === "BUREAU") return { ok: false, why: "unit" };
  // An accusation against the bureau or the government never goes back to the bureau (条例第46条).
  if (action === "return" && initialUnitFor(c.categoryKind, c.accusedUnit?.kind ?? null) !== "BUREAU")
    return { ok: false, why: "unit" };
  return { ok: true, to: t.to };
}

export function staffActionsFor(
  viewer: StaffViewer,
  c: CaseForAuthority,
  actions: readonly PetitionAction[],
): PetitionAction[] {
  return actions.filter((a) => checkStaffAction(viewer, a, c).ok);
}

export type RouteRefusal = "sameUnit" | "bureau" | "accused" | "wrongKind" | "inactive";

/**
 * Where the bureau may route a case (条例第22条): to an active unit that is not the bureau itself;
 * 涉法涉诉 only to legal organs; and an accusation never to the unit it accuses nor inside it (第46条).
 */
export function checkRouteTarget(
  c: { unit: UnitRef; categoryKind: CategoryKind; accusedUnit: { path: string } | null },
  target: UnitRef & { active: boolean },
): { ok: true } | { ok: false; why: RouteRefusal } {
  if (!target.active) return { ok: false, why: "inactive" };
  if (target.id === c.unit.id) return { ok: false, why: "sameUnit" };
  if (target.kind === "BUREAU") return { ok: false, why: "bureau" };
  if (c.categoryKind === "LEGAL" && target.kind !== "LEGAL") return { ok: false, why: "wrongKind" };
  if (c.categoryKind !== "LEGAL" && target.kind === "LEGAL") return { ok: false, why: "wrongKind" };
  // The accused unit and anything under it never see the accusation; its superiors may handle it.
  if (c.categoryKind === "ACCUSATION" && c.accusedUnit && isWithin(target, c.accusedUnit)) {
    return { ok: false, why: "accused" };
  }
  return { ok: true };
}

/** Why a case started at the discipline organ: the `reason` in its ROUTED event's data (the staff timeline explains it). */
export const DIRECT_TO_DISCIPLINE = "accusedBureauOrGovernment";

/** Where a new case starts: "BUREAU" (to be routed), or straight at the discipline organ. */
export type InitialUnit = "BUREAU" | "DISCIPLINE";

/**
 * 条例第46条: an accusation is never handled by the unit it accuses. The bureau routes every other case, so an
 * accusation against the bureau itself, or against the county government above it, cannot wait at the bureau:
 * it goes straight to the discipline organ (纪委监委), as if routed there on receipt.
 */
/**
 * Which units an accusation may name here. Every unit of the county but the discipline organ itself: an
 * accusation against 纪委监委 goes to the level above it, outside this county's portal.
 */
export function mayBeAccused(unitKind: UnitKind): boolean {
  return unitKind !== "DISCIPLINE";
}

/** The units the online form offers as accused, in its order (short on purpose; 登记 offers every accusable unit). */
export const ACCUSABLE_ONLINE = [
  "GOVERNMENT",
  "BUREAU",
  "DEPARTMENT",
  "TOWNSHIP",
] as const satisfies readonly UnitKind[];

export function initialUnitFor(categoryKind: CategoryKind, accusedUnitKind: UnitKind | null): InitialUnit {
  if (categoryKind !== "ACCUSATION") return "BUREAU";
  return accusedUnitKind === "BUREAU" || accusedUnitKind === "GOVERNMENT" ? "DISCIPLINE" : "BUREAU";
}
