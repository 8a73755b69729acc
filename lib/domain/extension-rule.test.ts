import { describe, expect, it } from "vitest";
import { extensionBlock, isValidExtensionDays } from "./extension-rule";

describe("申请延期 (条例第34条)", () => {
  it("takes 1 to 30 whole days", () => {
    for (const d of [1, 15, 30]) expect(isValidExtensionDays(d)).toBe(true);
    for (const d of [0, -1, 31, 1.5, Number.NaN]) expect(isValidExtensionDays(d)).toBe(false);
  });

  it("is open on a case without requests, or whose only requests were rejected", () => {
    expect(extensionBlock({ extensionDays: 0, requests: [] })).toBeNull();
    expect(
      extensionBlock({ extensionDays: 0, requests: [{ decision: "REJECTED" }, { decision: "REJECTED" }] }),
    ).toBeNull();
  });

  it("waits while a request is pending", () => {
    expect(extensionBlock({ extensionDays: 0, requests: [{ decision: null }] })).toBe("pending");
    expect(extensionBlock({ extensionDays: 0, requests: [{ decision: "REJECTED" }, { decision: null }] })).toBe(
      "pending",
    );
  });

  it("is once: an approved request, or days already granted, rule out another", () => {
    expect(extensionBlock({ extensionDays: 0, requests: [{ decision: "APPROVED" }] })).toBe("once");
    expect(extensionBlock({ extensionDays: 10, requests: [] })).toBe("once");
  });
});
