import "server-only";
import { checkStaffAction, type StaffViewer } from "@/lib/domain/authority";
import type { PetitionAction } from "@/lib/domain/petition-states";
import type { Tx } from "@/lib/db";
import { changeCase, type CaseRow, type ChangePlan } from "./change-case";

// The one path of every staff action on a case (staff-case-actions.ts, review-actions.ts, supervision-actions.ts):
// the viewer's authority over the case as it is in the database (scope, unit rules, the transition table's roles),
// the action's own rule checks in `plan`, then the change and its events in one transaction (changeCase). A
// refusal throws and writes nothing.

/** What every staff action is given: the case, the version the page showed, and the moment. */
export type Common = { petitionId: string; expectedVersion: number; at: Date };

export function act(
  viewer: StaffViewer,
  action: PetitionAction,
  c: Common,
  plan: (row: CaseRow, tx: Tx) => ChangePlan | Promise<ChangePlan>,
) {
  return changeCase({
    petitionId: c.petitionId,
    expectedVersion: c.expectedVersion,
    role: viewer.role,
    action,
    // Scope, unit rules and role from the row; a state that no longer fits is reported by changeCase as "changed".
    authorize: (row) => {
      const r = checkStaffAction(viewer, action, {
        state: row.state,
        unit: row.currentUnit,
        categoryKind: row.category.kind,
        accusedUnit: row.accusedUnit,
      });
      return r.ok || r.why === "state";
    },
    plan: (row, _to, tx) => plan(row, tx),
  });
}

/** The actor fields of an event a staff member writes. */
export const staff = (viewer: StaffViewer, unitId: string | null, at: Date) => ({
  actorType: "STAFF" as const,
  actorId: viewer.userId,
  unitId,
  occurredAt: at,
});
