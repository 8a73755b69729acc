import { describe, expect, it } from "vitest";
import {
  canSeeCase,
  checkRouteTarget,
  checkStaffAction,
  initialUnitFor,
  mayBeAccused,
  ACCUSABLE_ONLINE,
  canSupervise,
  isInScope,
  isWithin,
  scopeOf,
  staffActionsFor,
  type CaseForScope,
  type StaffViewer,
  type UnitRef,
} from "./authority";
import { CATEGORY_KINDS } from "./petition-rules";
import { ACTIONS, STATES } from "./petition-states";

const gov: UnitRef = { id: "gov", path: "/gov/", kind: "GOVERNMENT" };
const bureau: UnitRef = { id: "bureau", path: "/gov/bureau/", kind: "BUREAU" };
const zjj: UnitRef = { id: "zjj", path: "/gov/zjj/", kind: "DEPARTMENT" };
const town: UnitRef = { id: "town", path: "/gov/town/", kind: "TOWNSHIP" };
const village: UnitRef = { id: "village", path: "/gov/town/village/", kind: "VILLAGE" };
const court: UnitRef = { id: "court", path: "/gov/court/", kind: "LEGAL" };
const jw: UnitRef = { id: "jw", path: "/gov/jw/", kind: "DISCIPLINE" };
// A unit whose path merely starts with the same letters is not inside: paths end with "/".
const townish: UnitRef = { id: "town2", path: "/gov/town2/", kind: "TOWNSHIP" };

const v = (role: StaffViewer["role"], unit: UnitRef): StaffViewer => ({ userId: `${role}@${unit.id}`, role, unit });
/** A case at `unit`, accusing `accused` if given. */
const at = (unit: UnitRef, accused: UnitRef | null = null): CaseForScope => ({ unit, accusedUnit: accused });

describe("who sees which case", () => {
  it("a handler sees only its own unit's cases", () => {
    expect(canSeeCase(v("handler", zjj), at(zjj))).toBe(true);
    expect(canSeeCase(v("handler", zjj), at(town))).toBe(false);
    expect(canSeeCase(v("handler", town), at(village))).toBe(false);
    expect(canSeeCase(v("handler", bureau), at(zjj))).toBe(false);
  });
  it("a supervisor sees its unit's whole subtree and nothing beside it", () => {
    expect(canSeeCase(v("supervisor", gov), at(village))).toBe(true);
    expect(canSeeCase(v("supervisor", town), at(village))).toBe(true);
    expect(canSeeCase(v("supervisor", town), at(town))).toBe(true);
    expect(canSeeCase(v("supervisor", town), at(zjj))).toBe(false);
    expect(canSeeCase(v("supervisor", town), at(townish))).toBe(false);
  });
  it("an admin sees no case at all", () => {
    for (const u of [gov, bureau, zjj, town, village]) expect(canSeeCase(v("admin", gov), at(u))).toBe(false);
    expect(scopeOf(v("admin", gov))).toBeNull();
  });

  // 条例第46条: the accused unit's own staff never see the accusation, even where their scope would hold it.
  it("never shows an accusation to the staff of the unit it accuses", () => {
    // The county government accused: the case sits at the discipline organ, inside the government's subtree.
    expect(canSeeCase(v("supervisor", gov), at(jw, gov))).toBe(false);
    expect(canSeeCase(v("supervisor", gov), at(jw, zjj))).toBe(true); // a superior of the accused may
    expect(canSeeCase(v("handler", jw), at(jw, gov))).toBe(true);
    expect(canSeeCase(v("supervisor", jw), at(jw, gov))).toBe(true);
    // The bureau accused: no bureau handler or supervisor, wherever the case is.
    for (const where of [bureau, jw]) {
      expect(canSeeCase(v("handler", bureau), at(where, bureau))).toBe(false);
      expect(canSeeCase(v("supervisor", bureau), at(where, bureau))).toBe(false);
    }
    // A department accused, the case at the department by mistake: its handler still does not see it.
    expect(canSeeCase(v("handler", zjj), at(zjj, zjj))).toBe(false);
    expect(canSeeCase(v("handler", zjj), at(zjj, town))).toBe(true);
  });

  it("canSeeCase is scopeOf applied to one case (the queue's SQL is built from scopeOf)", () => {
    const units = [gov, bureau, zjj, town, village, court, jw, townish];
    for (const role of ["handler", "supervisor", "admin"] as const) {
      for (const home of units) {
        const scope = scopeOf(v(role, home));
        for (const where of units) {
          for (const accused of [null, ...units]) {
            expect(canSeeCase(v(role, home), at(where, accused))).toBe(
              scope !== null && isInScope(scope, at(where, accused)),
            );
          }
        }
      }
    }
    expect(scopeOf(v("handler", zjj))).toEqual({ units: { unitId: "zjj" }, exceptAccusedUnitId: "zjj" });
    expect(scopeOf(v("supervisor", gov))).toEqual({ units: { pathPrefix: "/gov/" }, exceptAccusedUnitId: "gov" });
  });
  it("isWithin uses whole path segments", () => {
    expect(isWithin(village, town)).toBe(true);
    expect(isWithin(townish, town)).toBe(false);
  });
});

describe("checkStaffAction", () => {
  const c = (state: (typeof STATES)[number], unit: UnitRef) => ({
    state,
    unit,
    categoryKind: "APPEAL" as const,
    accusedUnit: null,
  });

  it("only the bureau routes, and only a receiving unit returns or accepts", () => {
    expect(checkStaffAction(v("handler", bureau), "route", c("SUBMITTED", bureau))).toEqual({
      ok: true,
      to: "SUBMITTED",
    });
    expect(checkStaffAction(v("handler", zjj), "route", c("SUBMITTED", zjj))).toEqual({ ok: false, why: "unit" });
    expect(checkStaffAction(v("handler", zjj), "return", c("SUBMITTED", zjj))).toEqual({ ok: true, to: "SUBMITTED" });
    expect(checkStaffAction(v("handler", bureau), "return", c("SUBMITTED", bureau))).toEqual({
      ok: false,
      why: "unit",
    });
    expect(checkStaffAction(v("handler", zjj), "accept", c("SUBMITTED", zjj))).toEqual({ ok: true, to: "ACCEPTED" });
    expect(checkStaffAction(v("handler", bureau), "accept", c("SUBMITTED", bureau))).toEqual({
      ok: false,
      why: "unit",
    });
    // the bureau may still decide not to accept (e.g. 涉法涉诉 belongs to the courts)
    expect(checkStaffAction(v("handler", bureau), "notAccept", c("SUBMITTED", bureau))).toEqual({
      ok: true,
      to: "NOT_ACCEPTED",
    });
  });

  it("refuses out of scope first, then a role the table never allows, then a state that moved on", () => {
    expect(checkStaffAction(v("handler", town), "accept", c("SUBMITTED", zjj))).toEqual({ ok: false, why: "scope" });
    expect(checkStaffAction(v("supervisor", gov), "requestExtension", c("ACCEPTED", zjj))).toEqual({
      ok: false,
      why: "role",
    });
    expect(checkStaffAction(v("handler", zjj), "supplement", c("ACCEPTED", zjj))).toEqual({ ok: false, why: "role" });
    expect(checkStaffAction(v("handler", zjj), "accept", c("ACCEPTED", zjj))).toEqual({ ok: false, why: "state" });
    expect(checkStaffAction(v("admin", gov), "internalNote", c("ACCEPTED", zjj))).toEqual({ ok: false, why: "scope" });
  });

  it("offers a handler at its unit exactly the table's staff actions for the state, less the unit rules", () => {
    expect(staffActionsFor(v("handler", zjj), c("SUBMITTED", zjj), ACTIONS)).toEqual([
      "return",
      "accept",
      "notAccept",
      "assign",
      "internalNote",
      "publicNote",
      "requestInfo",
      "answerSupervision",
      "linkRepeat",
    ]);
    expect(staffActionsFor(v("handler", bureau), c("SUBMITTED", bureau), ACTIONS)).toEqual([
      "route",
      "notAccept",
      "assign",
      "internalNote",
      "publicNote",
      "requestInfo",
      "answerSupervision",
      "linkRepeat",
    ]);
    expect(staffActionsFor(v("handler", zjj), c("ACCEPTED", zjj), ACTIONS)).toEqual([
      "assign",
      "internalNote",
      "publicNote",
      "requestInfo",
      "requestExtension",
      "reply",
      "answerSupervision",
      "linkRepeat",
    ]);
    expect(staffActionsFor(v("handler", zjj), c("REPLIED", zjj), ACTIONS)).toEqual([
      "internalNote",
      "publish",
      "answerSupervision",
      "linkRepeat",
    ]);
    expect(staffActionsFor(v("handler", town), c("ACCEPTED", zjj), ACTIONS)).toEqual([]);
  });

  it("refuses every action to the accused unit's staff, and 退回 of an accusation against the bureau or the government", () => {
    const accusing = (accused: UnitRef) => ({
      state: "SUBMITTED" as const,
      unit: jw,
      categoryKind: "ACCUSATION" as const,
      accusedUnit: accused,
    });
    expect(staffActionsFor(v("supervisor", gov), accusing(gov), ACTIONS)).toEqual([]);
    expect(checkStaffAction(v("supervisor", gov), "internalNote", accusing(gov))).toEqual({ ok: false, why: "scope" });
    // At the discipline organ it may be accepted or refused, never sent back to the bureau it accuses.
    for (const accused of [bureau, gov]) {
      expect(checkStaffAction(v("handler", jw), "return", accusing(accused))).toEqual({ ok: false, why: "unit" });
      expect(checkStaffAction(v("handler", jw), "accept", accusing(accused))).toEqual({ ok: true, to: "ACCEPTED" });
    }
    expect(checkStaffAction(v("handler", jw), "return", accusing(zjj))).toEqual({ ok: true, to: "SUBMITTED" });
  });
});

describe("checkRouteTarget", () => {
  const appeal = { unit: bureau, categoryKind: "APPEAL" as const, accusedUnit: null };
  const active = (u: UnitRef) => ({ ...u, active: true });

  it("sends ordinary matters to an active unit other than the bureau and the legal organs", () => {
    expect(checkRouteTarget(appeal, active(zjj))).toEqual({ ok: true });
    expect(checkRouteTarget(appeal, active(village))).toEqual({ ok: true });
    expect(checkRouteTarget(appeal, { ...zjj, active: false })).toEqual({ ok: false, why: "inactive" });
    expect(checkRouteTarget(appeal, active(bureau))).toEqual({ ok: false, why: "sameUnit" });
    expect(checkRouteTarget({ ...appeal, unit: zjj }, active({ ...bureau, id: "bureau2" }))).toEqual({
      ok: false,
      why: "bureau",
    });
    expect(checkRouteTarget(appeal, active(court))).toEqual({ ok: false, why: "wrongKind" });
  });

  it("sends 涉法涉诉 only to legal organs (条例第22条)", () => {
    const legal = { ...appeal, categoryKind: "LEGAL" as const };
    expect(checkRouteTarget(legal, active(court))).toEqual({ ok: true });
    expect(checkRouteTarget(legal, active(zjj))).toEqual({ ok: false, why: "wrongKind" });
  });

  it("never sends an accusation to the unit it accuses or anything under it (条例第46条)", () => {
    const accusation = { unit: bureau, categoryKind: "ACCUSATION" as const, accusedUnit: town };
    expect(checkRouteTarget(accusation, active(town))).toEqual({ ok: false, why: "accused" });
    expect(checkRouteTarget(accusation, active(village))).toEqual({ ok: false, why: "accused" });
    expect(checkRouteTarget(accusation, active(townish))).toEqual({ ok: true });
    expect(checkRouteTarget(accusation, active(jw))).toEqual({ ok: true });
    expect(checkRouteTarget(accusation, active(gov))).toEqual({ ok: true }); // its superior may handle it
  });
});

describe("initialUnitFor (条例第46条)", () => {
  it("starts an accusation against the bureau or the county government at the discipline organ", () => {
    expect(initialUnitFor("ACCUSATION", "BUREAU")).toBe("DISCIPLINE");
    expect(initialUnitFor("ACCUSATION", "GOVERNMENT")).toBe("DISCIPLINE");
  });

  it("starts everything else at the bureau, to be routed", () => {
    for (const kind of ["DEPARTMENT", "TOWNSHIP", "VILLAGE", "LEGAL", "DISCIPLINE", null] as const)
      expect(initialUnitFor("ACCUSATION", kind)).toBe("BUREAU");
    for (const category of CATEGORY_KINDS.filter((k) => k !== "ACCUSATION")) {
      for (const kind of ["BUREAU", "GOVERNMENT", null] as const) expect(initialUnitFor(category, kind)).toBe("BUREAU");
    }
  });
});

describe("mayBeAccused and the online list", () => {
  it("every unit of the county may be named but the discipline organ itself (accused to the level above)", () => {
    for (const kind of ["GOVERNMENT", "BUREAU", "DEPARTMENT", "TOWNSHIP", "VILLAGE", "LEGAL"] as const)
      expect(mayBeAccused(kind)).toBe(true);
    expect(mayBeAccused("DISCIPLINE")).toBe(false);
  });

  it("the online form offers only units that may be accused", () => {
    expect(ACCUSABLE_ONLINE.every(mayBeAccused)).toBe(true);
  });
});

describe("canSupervise", () => {
  it("is a supervisor's alone: the board and the scorecards", () => {
    expect(canSupervise({ role: "supervisor" })).toBe(true);
    expect(canSupervise({ role: "handler" })).toBe(false);
    expect(canSupervise({ role: "admin" })).toBe(false);
  });
});
