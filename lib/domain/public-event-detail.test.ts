import { describe, expect, it } from "vitest";
import { measureCode, publicEventDetail } from "./public-event-detail";

describe("what the public timeline says beyond an event's type", () => {
  it("the 督办 measure, by code or by an older record's Chinese name — never anything else of the data", () => {
    expect(publicEventDetail("SUPERVISED", JSON.stringify({ measure: "LETTER", answerDueDate: "2026-03-20" }))).toEqual(
      {
        kind: "supervised",
        measure: "LETTER",
      },
    );
    expect(
      publicEventDetail("SUPERVISED", JSON.stringify({ measure: "挂牌督办", answerDueDate: "2026-03-20" })),
    ).toEqual({
      kind: "supervised",
      measure: "LISTED",
    });
    expect(
      publicEventDetail("SUPERVISED", JSON.stringify({ measure: "请张三处理", answerDueDate: "2026-03-20" })),
    ).toBeNull();
    expect(measureCode("催办")).toBe("URGE");
    expect(measureCode("URGE")).toBe("URGE");
    expect(measureCode("urge")).toBeNull();
  });

  it("the 包案 office only when it is one of the list; the end's result", () => {
    const took = (title: string) =>
      publicEventDetail(
        "LEADER_TOOK_CHARGE",
        JSON.stringify({ title, startDate: "2026-03-01", targetDate: "2026-06-30" }),
      );
    expect(took("副县长")).toEqual({ kind: "charge", title: "副县长" });
    expect(took("李四")).toBeNull();
    expect(publicEventDetail("LEADER_CHARGE_ENDED", JSON.stringify({ resolved: true }))).toEqual({
      kind: "chargeEnded",
      resolved: true,
    });
  });

  it("an approved extension's days and new due date", () => {
    expect(
      publicEventDetail("EXTENSION_APPROVED", JSON.stringify({ extensionDays: 15, handleDueDate: "2026-06-15" })),
    ).toEqual({ kind: "extension", days: 15, dueDate: "2026-06-15" });
  });

  it("which deadline an OVERDUE records as passed, and its due date", () => {
    expect(publicEventDetail("OVERDUE", JSON.stringify({ stage: "handle", dueDate: "2026-05-06" }))).toEqual({
      kind: "overdue",
      stage: "handle",
      dueDate: "2026-05-06",
    });
    expect(publicEventDetail("OVERDUE", JSON.stringify({ stage: "feedback", dueDate: "2026-05-06" }))).toMatchObject({
      stage: "feedback",
    });
    expect(publicEventDetail("OVERDUE", JSON.stringify({ stage: "lunch", dueDate: "2026-05-06" }))).toBeNull();
  });

  it("nothing for data that does not fit its schema, unknown types, or no data", () => {
    expect(publicEventDetail("SUPERVISED", "{not json")).toBeNull();
    expect(
      publicEventDetail("SUPERVISED", JSON.stringify({ measure: "LETTER", answerDueDate: "x", message: "m" })),
    ).toBeNull();
    expect(publicEventDetail("NO_SUCH_TYPE", "{}")).toBeNull();
    expect(publicEventDetail("ACCEPTED", "{}")).toBeNull();
    expect(publicEventDetail("SUPERVISED", undefined)).toBeNull();
  });
});
