import { describe, expect, it } from "vitest";
import { canSeeCase, checkRouteTarget, checkStaffAction, isWithin, staffActionsFor, type StaffViewer, type UnitRef } from "./authority";
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

describe("who sees which case", () => {
  it("a handler sees only its own unit's cases", () => {
    expect(canSeeCase(v("handler", zjj), zjj)).toBe(true);
    expect(canSeeCase(v("handler", zjj), town)).toBe(false);
    expect(canSeeCase(v("handler", town), village)).toBe(false);
    expect(canSeeCase(v("handler", bureau), zjj)).toBe(false);
  });
  it("a supervisor sees its unit's whole subtree and nothing beside it", () => {
    expect(canSeeCase(v("supervisor", gov), village)).toBe(true);
    expect(canSeeCase(v("supervisor", town), village)).toBe(true);
    expect(canSeeCase(v("supervisor", town), town)).toBe(true);
    expect(canSeeCase(v("supervisor", town), zjj)).toBe(false);
    expect(canSeeCase(v("supervisor", town), townish)).toBe(false);
  });
  it("an admin sees no case at all", () => {
    for (const u of [gov, bureau, zjj, town, village]) expect(canSeeCase(v("admin", gov), u)).toBe(false);
  });
  it("isWithin uses whole path segments", () => {
    expect(isWithin(village, town)).toBe(true);
    expect(isWithin(townish, town)).toBe(false);
  });
});

describe("checkStaffAction", () => {
  const c = (state: (typeof STATES)[number], unit: UnitRef) => ({ state, unit, categoryKind: "APPEAL" as const, accusedUnitPath: null });

  it("only the bureau routes, and only a receiving unit returns or accepts", () => {
    expect(checkStaffAction(v("handler", bureau), "route", c("SUBMITTED", bureau))).toEqual({ ok: true, to: "SUBMITTED" });
    expect(checkStaffAction(v("handler", zjj), "route", c("SUBMITTED", zjj))).toEqual({ ok: false, why: "unit" });
    expect(checkStaffAction(v("handler", zjj), "return", c("SUBMITTED", zjj))).toEqual({ ok: true, to: "SUBMITTED" });
    expect(checkStaffAction(v("handler", bureau), "return", c("SUBMITTED", bureau))).toEqual({ ok: false, why: "unit" });
    expect(checkStaffAction(v("handler", zjj), "accept", c("SUBMITTED", zjj))).toEqual({ ok: true, to: "ACCEPTED" });
    expect(checkStaffAction(v("handler", bureau), "accept", c("SUBMITTED", bureau))).toEqual({ ok: false, why: "unit" });
    // the bureau may still decide not to accept (e.g. 涉法涉诉 belongs to the courts)
    expect(checkStaffAction(v("handler", bureau), "notAccept", c("SUBMITTED", bureau))).toEqual({ ok: true, to: "NOT_ACCEPTED" });
  });

  it("refuses out of scope first, then a role the table never allows, then a state that moved on", () => {
    expect(checkStaffAction(v("handler", town), "accept", c("SUBMITTED", zjj))).toEqual({ ok: false, why: "scope" });
    expect(checkStaffAction(v("supervisor", gov), "requestExtension", c("ACCEPTED", zjj))).toEqual({ ok: false, why: "role" });
    expect(checkStaffAction(v("handler", zjj), "supplement", c("ACCEPTED", zjj))).toEqual({ ok: false, why: "role" });
    expect(checkStaffAction(v("handler", zjj), "accept", c("ACCEPTED", zjj))).toEqual({ ok: false, why: "state" });
    expect(checkStaffAction(v("admin", gov), "internalNote", c("ACCEPTED", zjj))).toEqual({ ok: false, why: "scope" });
  });

  it("offers a handler at its unit exactly the table's staff actions for the state, less the unit rules", () => {
    expect(staffActionsFor(v("handler", zjj), c("SUBMITTED", zjj), ACTIONS)).toEqual(["return", "accept", "notAccept", "assign", "internalNote", "publicNote", "requestInfo"]);
    expect(staffActionsFor(v("handler", bureau), c("SUBMITTED", bureau), ACTIONS)).toEqual(["route", "notAccept", "assign", "internalNote", "publicNote", "requestInfo"]);
    expect(staffActionsFor(v("handler", zjj), c("ACCEPTED", zjj), ACTIONS)).toEqual(["assign", "internalNote", "publicNote", "requestInfo", "requestExtension", "reply"]);
    expect(staffActionsFor(v("handler", zjj), c("REPLIED", zjj), ACTIONS)).toEqual(["internalNote", "publish"]);
    expect(staffActionsFor(v("handler", town), c("ACCEPTED", zjj), ACTIONS)).toEqual([]);
  });
});

describe("checkRouteTarget", () => {
  const appeal = { unit: bureau, categoryKind: "APPEAL" as const, accusedUnitPath: null };
  const active = (u: UnitRef) => ({ ...u, active: true });

  it("sends ordinary matters to an active unit other than the bureau and the legal organs", () => {
    expect(checkRouteTarget(appeal, active(zjj))).toEqual({ ok: true });
    expect(checkRouteTarget(appeal, active(village))).toEqual({ ok: true });
    expect(checkRouteTarget(appeal, { ...zjj, active: false })).toEqual({ ok: false, why: "inactive" });
    expect(checkRouteTarget(appeal, active(bureau))).toEqual({ ok: false, why: "sameUnit" });
    expect(checkRouteTarget({ ...appeal, unit: zjj }, active({ ...bureau, id: "bureau2" }))).toEqual({ ok: false, why: "bureau" });
    expect(checkRouteTarget(appeal, active(court))).toEqual({ ok: false, why: "wrongKind" });
  });

  it("sends 涉法涉诉 only to legal organs (条例第22条)", () => {
    const legal = { ...appeal, categoryKind: "LEGAL" as const };
    expect(checkRouteTarget(legal, active(court))).toEqual({ ok: true });
    expect(checkRouteTarget(legal, active(zjj))).toEqual({ ok: false, why: "wrongKind" });
  });

  it("never sends an accusation to the unit it accuses or anything under it (条例第46条)", () => {
    const accusation = { unit: bureau, categoryKind: "ACCUSATION" as const, accusedUnitPath: town.path };
    expect(checkRouteTarget(accusation, active(town))).toEqual({ ok: false, why: "accused" });
    expect(checkRouteTarget(accusation, active(village))).toEqual({ ok: false, why: "accused" });
    expect(checkRouteTarget(accusation, active(townish))).toEqual({ ok: true });
    expect(checkRouteTarget(accusation, active(jw))).toEqual({ ok: true });
    expect(checkRouteTarget(accusation, active(gov))).toEqual({ ok: true }); // its superior may handle it
  });
});
