import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CaseChangedError,
  FieldsRefusedError,
  ForbiddenError,
  InvalidReferenceError,
  NotFoundError,
  RuleError,
} from "@/lib/data/errors";
import { RegistrationRefusedError } from "@/lib/data/register";
import { EventDataError } from "@/lib/domain/event-types";
import { hasMessage, translator } from "@/lib/i18n";
import { invalidInput, PETITIONER_REFUSALS, refused, STAFF_REFUSALS, toFormState } from "./form-state";

// The one error path of every action: each expected refusal of the data layer becomes its message, with what
// was typed given back; anything else is logged by kind only and gets the generic message.

const values = { text: "我的电话是13912345678", version: "3" };
const staff = { ...STAFF_REFUSALS, action: "staff case action" };
const petitioner = { ...PETITIONER_REFUSALS, action: "addSupplementAction" };

afterEach(() => vi.restoreAllMocks());

describe("toFormState", () => {
  it("a changed case: the audience's 'reload' message", () => {
    expect(toFormState(new CaseChangedError(), values, staff)).toEqual({
      status: "error",
      message: { key: "caseStaff.errors.changed" },
      fieldErrors: {},
      values,
    });
    expect(toFormState(new CaseChangedError(), values, petitioner)).toEqual({
      status: "error",
      message: { key: "errors.stateChanged" },
      fieldErrors: {},
      values,
    });
  });

  it("forbidden and not found read the same, so a refusal never tells whether the case exists", () => {
    for (const e of [new ForbiddenError(), new NotFoundError()]) {
      expect(toFormState(e, values, staff)).toEqual({
        status: "error",
        message: { key: "errors.forbidden" },
        fieldErrors: {},
        values,
      });
      expect(toFormState(e, values, petitioner)).toEqual({
        status: "error",
        message: { key: "track.expired" },
        fieldErrors: {},
        values,
      });
    }
  });

  it("a rule: its message under rules., beside the field it is about when the action names one", () => {
    const ruleField = (key: string) => (key.startsWith("route.") ? "targetUnitId" : undefined);
    expect(toFormState(new RuleError("route.accused"), values, { ...staff, ruleField })).toEqual({
      status: "error",
      message: { key: "rules.route.accused" },
      fieldErrors: { targetUnitId: { key: "rules.route.accused" } },
      values,
    });
    expect(toFormState(new RuleError("return.tooLate"), values, { ...staff, ruleField })).toEqual({
      status: "error",
      message: { key: "rules.return.tooLate" },
      fieldErrors: {},
      values,
    });
  });

  it("every rule key has a message in both catalogs (the type makes a missing one a compile error)", () => {
    const e = new RuleError("extension.once");
    expect(hasMessage(e.messageKey)).toBe(true);
    expect(translator("en")(e.messageKey)).not.toBe(e.messageKey);
    // @ts-expect-error — a rule without a message under `rules.` in the catalog does not compile
    void new RuleError("extension.twice");
  });

  it("refused fields: the general hint on top, each field's message beside it", () => {
    expect(toFormState(new InvalidReferenceError("categoryId"), values, petitioner)).toEqual({
      status: "error",
      message: { key: "errors.generic" },
      fieldErrors: { categoryId: { key: "errors.invalidChoice" } },
      values,
    });
    expect(
      toFormState(new InvalidReferenceError("accusedUnitId", "errors.accusedUnitOnlyAccusation"), values, petitioner),
    ).toMatchObject({
      fieldErrors: { accusedUnitId: { key: "errors.accusedUnitOnlyAccusation" } },
    });
    expect(
      toFormState(
        new RegistrationRefusedError({ representatives: "tooManyRepresentatives", personCount: "personCountRange" }),
        values,
        staff,
      ),
    ).toEqual({
      status: "error",
      message: { key: "errors.generic" },
      fieldErrors: {
        representatives: { key: "register.errors.tooManyRepresentatives" },
        personCount: { key: "register.errors.personCount" },
      },
      values,
    });
    expect(new RegistrationRefusedError({ phone: "phoneRequired" })).toBeInstanceOf(FieldsRefusedError);
  });

  it("anything else: the generic message, and a log line with the action and the error's kind only", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const leak = new Error("UNIQUE constraint failed: 13912345678 张三");
    expect(toFormState(leak, values, staff)).toEqual({
      status: "error",
      message: { key: "errors.unexpected" },
      fieldErrors: {},
      values,
    });
    expect(toFormState(new EventDataError("ROUTED"), values, petitioner)).toEqual({
      status: "error",
      message: { key: "errors.unexpected" },
      fieldErrors: {},
      values,
    });
    expect(toFormState("a string", values, staff).status).toBe("error");
    expect(log.mock.calls).toEqual([
      ["staff case action failed:", "Error"],
      ["addSupplementAction failed:", "EventDataError"],
      ["staff case action failed:", "unknown"],
    ]);
    expect(JSON.stringify(log.mock.calls)).not.toMatch(/1391|张三/);
  });
});

describe("refused / invalidInput", () => {
  it("build the error state, with params only when given", () => {
    expect(refused("track.wrongPair", { trackingNo: "X" })).toEqual({
      status: "error",
      message: { key: "track.wrongPair" },
      fieldErrors: {},
      values: { trackingNo: "X" },
    });
    expect(refused("track.rateLimited", {}, { minutes: 5 })).toEqual({
      status: "error",
      message: { key: "track.rateLimited", params: { minutes: 5 } },
      fieldErrors: {},
      values: {},
    });
    expect(invalidInput({ text: { key: "errors.required" } }, values)).toEqual({
      status: "error",
      message: { key: "errors.generic" },
      fieldErrors: { text: { key: "errors.required" } },
      values,
    });
  });
});
