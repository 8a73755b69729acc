import { describe, expect, it } from "vitest";
import {
  normalizeContactPhone,
  registerFieldErrors,
  registerPetitionSchema,
  representativeRows,
  REGISTER_PETITION_FIELDS,
} from "./register";

// The form as the browser posts it (strings), 2026-03-10 12:00 Shanghai.
const NOW = new Date("2026-03-10T04:00:00Z");
// As formValues gives them: every field present, an unticked checkbox as undefined.
const form = (over: Record<string, string> = {}): Record<string, string | undefined> => ({
  channel: "LETTER",
  receivedAt: "2026-03-09T09:30",
  categoryId: "cat-1",
  title: "村道损坏无人修",
  content: "村口到镇上的道路去年汛期被冲坏，至今没有修复，村民出行困难。",
  placeId: "town-1",
  address: "示例县城关镇幸福路88号",
  name: "测试人甲",
  phone: "",
  idNumber: "",
  email: "",
  personCount: "1",
  sourceDocNo: "",
  feedbackDueDate: "",
  accusedUnitId: "",
  consentPublic: undefined,
  ...over,
});
const noRows = () => Array.from({ length: 5 }, () => ({ name: "", phone: "", idNumber: "" }));
const parse = (over: Record<string, string> = {}, representatives = noRows()) =>
  registerPetitionSchema(NOW).safeParse({ ...form(over), representatives });
const errorsOf = (over: Record<string, string> = {}, representatives = noRows()) => {
  const r = parse(over, representatives);
  return r.success ? {} : Object.fromEntries(Object.entries(registerFieldErrors(r.error)).map(([k, e]) => [k, e?.key]));
};

describe("the 登记 form's schema", () => {
  it("parses a letter: Shanghai time, no phone, one person, nothing of the other channels", () => {
    const r = parse({ personCount: "7", sourceDocNo: "旧文号" });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data).toMatchObject({
      channel: "LETTER",
      personCount: 1,
      representatives: [],
      sourceDocNo: undefined,
      phone: undefined,
      consentPublic: false,
    });
    expect(r.data.receivedAt.toISOString()).toBe("2026-03-09T01:30:00.000Z");
  });

  it("an empty form: a message at every required field at once", () => {
    const empty = Object.fromEntries(REGISTER_PETITION_FIELDS.map((f) => [f, ""]));
    expect(errorsOf(empty)).toEqual({
      channel: "errors.invalidChoice",
      receivedAt: "errors.required",
      categoryId: "errors.invalidChoice",
      title: "errors.required",
      content: "errors.required",
      placeId: "errors.invalidChoice",
      address: "errors.required",
      name: "errors.required",
    });
  });

  it("channel rules come together with the field errors, so one round shows everything", () => {
    expect(errorsOf({ channel: "PHONE", title: "" })).toEqual({
      title: "errors.required",
      phone: "register.errors.phoneRequired",
    });
    expect(errorsOf({ channel: "HIGHER_ASSIGN", receivedAt: "2026-03-11T09:00" })).toEqual({
      receivedAt: "register.errors.receivedInFuture",
      sourceDocNo: "register.errors.sourceDocNoRequired",
      feedbackDueDate: "errors.required",
    });
    expect(errorsOf({ channel: "HIGHER_ASSIGN", sourceDocNo: "x", feedbackDueDate: "2026-02-30" })).toEqual({
      feedbackDueDate: "register.errors.invalidDate",
    });
    expect(errorsOf({ channel: "HIGHER_ASSIGN", sourceDocNo: "x", feedbackDueDate: "2026-03-09" })).toEqual({
      feedbackDueDate: "register.errors.feedbackDueNotAfterReceived",
    });
  });

  it("refuses a channel that is not registered by staff, and a time that is not one", () => {
    expect(errorsOf({ channel: "ONLINE" })).toEqual({ channel: "errors.invalidChoice" });
    expect(errorsOf({ receivedAt: "2026-03-09" })).toEqual({ receivedAt: "register.errors.invalidDateTime" });
    expect(errorsOf({ receivedAt: "2025-03-09T11:59" })).toEqual({ receivedAt: "register.errors.receivedTooLongAgo" });
  });

  it("visits: persons as a whole number; representatives keyed by their row", () => {
    expect(errorsOf({ channel: "VISIT", phone: "13912345678", personCount: "" })).toEqual({
      personCount: "errors.required",
    });
    expect(errorsOf({ channel: "VISIT", phone: "13912345678", personCount: "2.5" })).toEqual({
      personCount: "register.errors.personCount",
    });
    expect(errorsOf({ channel: "VISIT", phone: "13912345678", personCount: "0" })).toEqual({
      personCount: "register.errors.personCount",
    });
    expect(errorsOf({ channel: "VISIT", phone: "13912345678", personCount: "5" })).toEqual({
      representatives: "register.errors.representativesRequired",
    });
    const rows = noRows();
    rows[2] = { name: "", phone: "12345", idNumber: "" };
    expect(errorsOf({ channel: "VISIT", phone: "13912345678", personCount: "5" }, rows)).toEqual({
      rep2Name: "errors.required",
      rep2Phone: "register.errors.invalidPhone",
    });
    rows[2] = { name: "王代表", phone: "", idNumber: "110105194912310021" };
    expect(errorsOf({ channel: "VISIT", phone: "13912345678", personCount: "5" }, rows)).toEqual({
      rep2IdNumber: "errors.invalidIdNumber",
    });
    rows[2] = { name: "王代表", phone: "139 1234 5678", idNumber: "11010519491231002x" };
    const r = parse({ channel: "VISIT", phone: "13912345678", personCount: " 5 " }, rows);
    expect(r.success && r.data).toMatchObject({
      personCount: 5,
      representatives: [{ name: "王代表", phone: "13912345678", idNumber: "11010519491231002X" }],
    });
  });

  it("a sixth representative sent by a forged form is refused, not dropped", () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i + 1}`, phone: "", idNumber: "" }));
    expect(errorsOf({ channel: "VISIT", phone: "13912345678", personCount: "50" }, six)).toEqual({
      representatives: "register.errors.tooManyRepresentatives",
    });
  });

  it("reads representative rows beyond the five the page shows", () => {
    const fd = new FormData();
    fd.set("rep0Name", "甲");
    fd.set("rep7Name", "乙");
    const rows = representativeRows(fd);
    expect(rows[0]?.name).toBe("甲");
    expect(rows[7]?.name).toBe("乙");
  });

  it("phones: a landline keeps its area-code dash, a mobile loses its separators", () => {
    expect(normalizeContactPhone(" 139-1234-5678 ")).toBe("13912345678");
    expect(normalizeContactPhone("0571 - 87654321")).toBe("0571-87654321");
    expect(errorsOf({ phone: "0571-87654321" })).toEqual({});
    expect(errorsOf({ phone: "87654321" })).toEqual({ phone: "register.errors.invalidPhone" });
  });
});

describe("sections of other channels", () => {
  it("a stale, invalid representative row left in the hidden visit section does not block a letter", () => {
    const rows = noRows();
    rows[1] = { name: "", phone: "13800001111", idNumber: "bad" };
    const r = parse({ channel: "LETTER" }, rows);
    expect(r.success && r.data.representatives).toEqual([]);
  });
});
