import { describe, expect, it } from "vitest";
import { approvableDays, approvalBlock, hasPendingExtension } from "./extension-decision";
import { mayHappenNow, type CaseFactsNow } from "./offered-actions";

const at = new Date("2026-03-12T02:00:00Z");
const facts = (over: Partial<CaseFactsNow>): CaseFactsNow => ({
  categoryKind: "APPEAL",
  returnDueAt: null,
  extensionDays: 0,
  extensionRequests: [],
  assignableHandlers: 1,
  ...over,
});

describe("the extension decision (条例第34条)", () => {
  it("needs a request waiting for its decision", () => {
    expect(hasPendingExtension({ extensionDays: 0, requests: [] })).toBe(false);
    expect(hasPendingExtension({ extensionDays: 0, requests: [{ decision: "REJECTED" }] })).toBe(false);
    expect(hasPendingExtension({ extensionDays: 0, requests: [{ decision: "REJECTED" }, { decision: null }] })).toBe(
      true,
    );
  });

  it("approves once: not when nothing waits, not when the case was already extended", () => {
    expect(approvalBlock({ extensionDays: 0, requests: [] })).toBe("none");
    expect(approvalBlock({ extensionDays: 0, requests: [{ decision: null }] })).toBeNull();
    expect(approvalBlock({ extensionDays: 0, requests: [{ decision: "REJECTED" }, { decision: null }] })).toBeNull();
    expect(approvalBlock({ extensionDays: 15, requests: [{ decision: null }] })).toBe("once");
    expect(approvalBlock({ extensionDays: 0, requests: [{ decision: "APPROVED" }, { decision: null }] })).toBe("once");
  });

  it("grants the requested days when they are 1–30", () => {
    expect(approvableDays(1)).toBe(1);
    expect(approvableDays(30)).toBe(30);
    expect(approvableDays(31)).toBeNull();
    expect(approvableDays(0)).toBeNull();
  });

  it("offers 批准 and 不批准 exactly when the rule allows them", () => {
    const pending = facts({ extensionRequests: [{ decision: null }] });
    expect(mayHappenNow("approveExtension", pending, at)).toBe(true);
    expect(mayHappenNow("rejectExtension", pending, at)).toBe(true);
    expect(mayHappenNow("approveExtension", facts({}), at)).toBe(false);
    expect(mayHappenNow("rejectExtension", facts({}), at)).toBe(false);
    const extended = facts({ extensionDays: 10, extensionRequests: [{ decision: "APPROVED" }, { decision: null }] });
    expect(mayHappenNow("approveExtension", extended, at)).toBe(false);
    expect(mayHappenNow("rejectExtension", extended, at)).toBe(true);
  });
});
