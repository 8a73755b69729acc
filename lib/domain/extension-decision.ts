// The supervisor's decision on a 申请延期 (条例第34条): approve — the requested days, at most 30, once per case — or
// deny, with a reason. The case page and the board offer the forms exactly when this allows them; the data layer
// (lib/data/supervision-actions.ts) checks the same rule inside the transaction.
import { isValidExtensionDays, type ExtensionDecision } from "./extension-rule";

/** Why a request cannot be approved now: none waits for a decision, or the case has had its one extension. */
export type ExtensionDecisionBlock = "none" | "once";

export type ExtensionFacts = {
  extensionDays: number;
  requests: readonly { decision: ExtensionDecision }[];
};

/** Whether a request waits for its decision (at most one does: lib/domain/extension-rule.ts). */
export function hasPendingExtension(c: ExtensionFacts): boolean {
  return c.requests.some((r) => r.decision === null);
}

/** 批准延期: a request waits, and no extension was granted before (a second one is neither offered nor accepted). */
export function approvalBlock(c: ExtensionFacts): ExtensionDecisionBlock | null {
  if (!hasPendingExtension(c)) return "none";
  if (c.extensionDays > 0 || c.requests.some((r) => r.decision === "APPROVED")) return "once";
  return null;
}

/** The days an approval grants: those requested, when they are a valid extension (1–30). */
export function approvableDays(days: number): number | null {
  return isValidExtensionDays(days) ? days : null;
}
