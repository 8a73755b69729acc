// 分派: a case is assigned to an active handler of the unit that holds it — not a supervisor, not another
// unit's staff, not a disabled account.
import type { StaffRole } from "./authority";

export type AssigneeCandidate = { unitId: string | null; role: StaffRole; active: boolean };

export function isAssignableHandler(user: AssigneeCandidate, caseUnitId: string): boolean {
  return user.active && user.role === "handler" && user.unitId === caseUnitId;
}
