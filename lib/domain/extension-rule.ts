// 申请延期 (条例第34条): at most 30 days, and once per case — a request waiting for its decision, or one
// approved, rules out another; a rejected request does not.
import { MAX_EXTENSION_DAYS } from "./deadlines";

export type ExtensionDecision = "APPROVED" | "REJECTED" | null;

export function isValidExtensionDays(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= MAX_EXTENSION_DAYS;
}

/** Why no further extension may be requested: one waits for its decision, or the case has had its one. */
export type ExtensionBlock = "pending" | "once";

export function extensionBlock(c: {
  extensionDays: number;
  requests: readonly { decision: ExtensionDecision }[];
}): ExtensionBlock | null {
  if (c.requests.some((r) => r.decision === null)) return "pending";
  if (c.extensionDays > 0 || c.requests.some((r) => r.decision === "APPROVED")) return "once";
  return null;
}
