// Which of the actions a viewer's authority allows (staffActionsFor) may also happen NOW, by the rules that
// depend on the case's facts and the clock. The case page offers exactly these; the data layer checks the same
// rules (return-window.ts, extension-rule.ts, assignee-rule.ts, petition-rules.ts) and refuses the rest.
import { extensionBlock, type ExtensionDecision } from "./extension-rule";
import { approvalBlock, hasPendingExtension } from "./extension-decision";
import { isUnderCharge, type ChargeFacts } from "./charge-rule";
import { mayCarryPublicNotes, type CategoryKind } from "./petition-rules";
import type { PetitionAction, PetitionState } from "./petition-states";
import { mayLinkRepeat } from "./review-chain";
import { isWithinReturnWindow } from "./return-window";

export type CaseFactsNow = {
  categoryKind: CategoryKind;
  returnDueAt: Date | null;
  extensionDays: number;
  extensionRequests: readonly { decision: ExtensionDecision }[];
  /** How many active handlers the case's current unit has (分派 needs at least one). */
  assignableHandlers: number;
  /** 领导包案 as stored; absent: no leader has taken charge. */
  charge?: ChargeFacts;
  /** 重复信访 link (lib/domain/review-chain.ts mayLinkRepeat); absent: not offered. */
  repeat?: { state: PetitionState; isRepeat: boolean };
};

export function mayHappenNow(action: PetitionAction, c: CaseFactsNow, at: Date): boolean {
  switch (action) {
    case "return":
      return isWithinReturnWindow(c.returnDueAt, at);
    case "requestExtension":
      return extensionBlock({ extensionDays: c.extensionDays, requests: c.extensionRequests }) === null;
    case "assign":
      return c.assignableHandlers > 0;
    case "publicNote":
      return mayCarryPublicNotes(c.categoryKind);
    case "linkRepeat":
      return c.repeat !== undefined && mayLinkRepeat(c.repeat);
    // 条例第34条: a decision needs a request waiting for it; an approval also needs the case not yet extended.
    case "approveExtension":
      return approvalBlock({ extensionDays: c.extensionDays, requests: c.extensionRequests }) === null;
    case "rejectExtension":
      return hasPendingExtension({ extensionDays: c.extensionDays, requests: c.extensionRequests });
    // 领导包案: one leader at a time; only a charge in progress can end.
    case "takeCharge":
      return !isUnderCharge(c.charge ?? NO_CHARGE);
    case "endCharge":
      return isUnderCharge(c.charge ?? NO_CHARGE);
    default:
      return true;
  }
}

const NO_CHARGE: ChargeFacts = { leaderTitle: null, leaderEndedAt: null };

export function actionsNow<A extends PetitionAction>(allowed: readonly A[], c: CaseFactsNow, at: Date): A[] {
  return allowed.filter((a) => mayHappenNow(a, c, at));
}

/**
 * The actions that move a case on — 转送, 退回, 受理, 不予受理, 答复, 公开: what a case in its state waits for.
 * The case page shows these first; the others (分派, notes, 要求补充材料, 申请延期) are at hand, folded.
 */
export const AWAITED_ACTIONS: ReadonlySet<PetitionAction> = new Set([
  "route",
  "return",
  "accept",
  "notAccept",
  "reply",
  "publish",
  "reviewReply", // 复查答复 (条例第35条)
  "recheckReply", // 复核答复 (条例第36条)
]);

export function splitAwaited<A extends PetitionAction>(actions: readonly A[]): { awaited: A[]; other: A[] } {
  return {
    awaited: actions.filter((a) => AWAITED_ACTIONS.has(a)),
    other: actions.filter((a) => !AWAITED_ACTIONS.has(a)),
  };
}
