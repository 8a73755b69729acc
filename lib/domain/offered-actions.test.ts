import { describe, expect, it } from "vitest";
import { actionsNow, mayHappenNow, splitAwaited, type CaseFactsNow } from "./offered-actions";

const at = new Date("2026-03-12T02:00:00Z");
const facts = (over: Partial<CaseFactsNow> = {}): CaseFactsNow => ({
  categoryKind: "APPEAL",
  returnDueAt: new Date("2026-03-17T15:59:59.999Z"),
  extensionDays: 0,
  extensionRequests: [],
  assignableHandlers: 1,
  ...over,
});

describe("the actions that may happen now", () => {
  it("keeps every allowed action while no rule stands against it", () => {
    const all = [
      "return",
      "accept",
      "notAccept",
      "assign",
      "internalNote",
      "publicNote",
      "requestInfo",
      "requestExtension",
    ] as const;
    expect(actionsNow(all, facts(), at)).toEqual([...all]);
  });

  it("drops 退回 after its window, and only then", () => {
    expect(mayHappenNow("return", facts({ returnDueAt: new Date("2026-03-12T02:00:00Z") }), at)).toBe(true);
    expect(mayHappenNow("return", facts({ returnDueAt: new Date("2026-03-11T15:59:59.999Z") }), at)).toBe(false);
  });

  it("drops a second 申请延期, pending or approved, but not after a rejection", () => {
    expect(mayHappenNow("requestExtension", facts({ extensionRequests: [{ decision: null }] }), at)).toBe(false);
    expect(
      mayHappenNow("requestExtension", facts({ extensionRequests: [{ decision: "APPROVED" }], extensionDays: 15 }), at),
    ).toBe(false);
    expect(mayHappenNow("requestExtension", facts({ extensionRequests: [{ decision: "REJECTED" }] }), at)).toBe(true);
  });

  it("drops 分派 when the unit has no active handler", () => {
    expect(mayHappenNow("assign", facts({ assignableHandlers: 0 }), at)).toBe(false);
  });

  it("drops public progress notes on an accusation (条例第46条)", () => {
    expect(mayHappenNow("publicNote", facts({ categoryKind: "ACCUSATION" }), at)).toBe(false);
    expect(mayHappenNow("internalNote", facts({ categoryKind: "ACCUSATION" }), at)).toBe(true);
  });

  it("puts first what the case waits for: at the bureau 转送; at a unit 受理 / 不予受理 / 退回; then 答复, 公开", () => {
    expect(splitAwaited(["route", "notAccept", "assign", "internalNote", "publicNote", "requestInfo"])).toEqual({
      awaited: ["route", "notAccept"],
      other: ["assign", "internalNote", "publicNote", "requestInfo"],
    });
    expect(splitAwaited(["return", "accept", "notAccept", "assign"]).awaited).toEqual([
      "return",
      "accept",
      "notAccept",
    ]);
    expect(splitAwaited(["assign", "internalNote", "requestExtension", "reply"])).toEqual({
      awaited: ["reply"],
      other: ["assign", "internalNote", "requestExtension"],
    });
    expect(splitAwaited(["publish", "internalNote"]).awaited).toEqual(["publish"]);
    expect(splitAwaited(["reviewReply", "assign", "linkRepeat"]).awaited).toEqual(["reviewReply"]);
    expect(splitAwaited(["recheckReply", "internalNote"]).awaited).toEqual(["recheckReply"]);
  });

  it("offers the 重复信访 link once, at the first instance, and only when the page passes its facts", () => {
    expect(mayHappenNow("linkRepeat", facts({ repeat: { state: "SUBMITTED", isRepeat: false } }), at)).toBe(true);
    expect(mayHappenNow("linkRepeat", facts({ repeat: { state: "ACCEPTED", isRepeat: true } }), at)).toBe(false);
    expect(mayHappenNow("linkRepeat", facts({ repeat: { state: "REPLIED", isRepeat: false } }), at)).toBe(false);
    expect(mayHappenNow("linkRepeat", facts({}), at)).toBe(false);
  });
});
