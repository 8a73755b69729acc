import { describe, expect, it } from "vitest";
import { canRegister, type StaffViewer, type UnitRef } from "./authority";
import { MAX_REPRESENTATIVES } from "./petition-rules";
import {
  REGISTER_CHANNELS,
  checkRegistration,
  isHigherLevel,
  isPhoneRequired,
  isRegisterChannel,
  isValidContactPhone,
  keepApplicable,
  needsFeedbackDeadline,
  type RegistrationFacts,
} from "./registration";

const bureau: UnitRef = { id: "bureau", path: "/gov/bureau/", kind: "BUREAU" };
const gov: UnitRef = { id: "gov", path: "/gov/", kind: "GOVERNMENT" };
const zjj: UnitRef = { id: "zjj", path: "/gov/zjj/", kind: "DEPARTMENT" };
const town: UnitRef = { id: "town", path: "/gov/town/", kind: "TOWNSHIP" };
const v = (role: StaffViewer["role"], unit: UnitRef): StaffViewer => ({ userId: `${role}@${unit.id}`, role, unit });

describe("who registers (登记)", () => {
  it("the bureau's handlers and supervisors", () => {
    expect(canRegister(v("handler", bureau))).toBe(true);
    expect(canRegister(v("supervisor", bureau))).toBe(true);
  });
  it("nobody else: not an admin (even at the bureau), not other units, not the county's supervisor", () => {
    expect(canRegister(v("admin", bureau))).toBe(false);
    expect(canRegister(v("handler", zjj))).toBe(false);
    expect(canRegister(v("handler", town))).toBe(false);
    // The county supervisor's subtree contains the bureau, but registering is the bureau's own work.
    expect(canRegister(v("supervisor", gov))).toBe(false);
    expect(canRegister(v("handler", gov))).toBe(false);
  });
});

describe("channels", () => {
  it("are every channel but 网上", () => {
    expect(REGISTER_CHANNELS).toEqual(["LETTER", "VISIT", "PHONE", "FAX", "HIGHER_TRANSFER", "HIGHER_ASSIGN"]);
    expect(isRegisterChannel("ONLINE")).toBe(false);
    expect(isRegisterChannel("VISIT")).toBe(true);
    expect(isRegisterChannel("visit")).toBe(false);
  });
  it("a phone number is required when the petitioner is on the line or in the room", () => {
    expect(REGISTER_CHANNELS.filter(isPhoneRequired)).toEqual(["VISIT", "PHONE"]);
  });
  it("上级转办/交办 carry a document number; only 交办 a feedback deadline", () => {
    expect(REGISTER_CHANNELS.filter(isHigherLevel)).toEqual(["HIGHER_TRANSFER", "HIGHER_ASSIGN"]);
    expect(REGISTER_CHANNELS.filter(needsFeedbackDeadline)).toEqual(["HIGHER_ASSIGN"]);
  });
});

describe("contact phone numbers", () => {
  it("accepts mobiles and landlines with an area code", () => {
    for (const ok of ["13912345678", "010-12345678", "01012345678", "0571-87654321", "0571-8765432", "021-1234567"])
      expect(isValidContactPhone(ok), ok).toBe(true);
  });
  it("refuses the rest", () => {
    for (const bad of [
      "12345",
      "1391234567",
      "139123456789",
      "12345678",
      "0571-876543",
      "0571-876543210",
      "571-87654321",
      "+8613912345678",
      "abc",
    ]) {
      expect(isValidContactPhone(bad), bad).toBe(false);
    }
  });
});

const NOW = new Date("2026-03-10T04:00:00Z"); // 12:00 Shanghai
const base: RegistrationFacts = {
  channel: "LETTER",
  receivedAt: new Date("2026-03-09T02:00:00Z"),
  personCount: 1,
  representatives: [],
};
const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `代表${i + 1}` }));
const check = (over: Partial<RegistrationFacts>) => checkRegistration(keepApplicable({ ...base, ...over }), NOW);

describe("the received date-time", () => {
  it("may be now or up to a year ago", () => {
    expect(check({ receivedAt: NOW })).toEqual({});
    expect(check({ receivedAt: new Date(NOW.getTime() - 365 * 86_400_000) })).toEqual({});
  });
  it("is not in the future, by even a minute", () => {
    expect(check({ receivedAt: new Date(NOW.getTime() + 60_000) })).toEqual({ receivedAt: "receivedInFuture" });
  });
  it("is not more than a year ago", () => {
    expect(check({ receivedAt: new Date(NOW.getTime() - 365 * 86_400_000 - 60_000) })).toEqual({
      receivedAt: "receivedTooLongAgo",
    });
  });
});

describe("phone", () => {
  it("is required for 来电 and 来访, optional for letters, faxes and higher levels", () => {
    expect(check({ channel: "PHONE" })).toEqual({ phone: "phoneRequired" });
    expect(check({ channel: "VISIT" })).toEqual({ phone: "phoneRequired" });
    expect(check({ channel: "PHONE", phone: "13912345678" })).toEqual({});
    expect(check({ channel: "LETTER" })).toEqual({});
    expect(check({ channel: "FAX" })).toEqual({});
    expect(check({ channel: "HIGHER_TRANSFER", sourceDocNo: "市信转〔2026〕12号" })).toEqual({});
  });
});

describe("visits and collective visits (条例第20条)", () => {
  const visit = (personCount: number, n: number) =>
    check({ channel: "VISIT", phone: "13912345678", personCount, representatives: reps(n) });
  it("4 persons is an ordinary visit: no representatives", () => {
    expect(visit(4, 0)).toEqual({});
    expect(visit(4, 1)).toEqual({ representatives: "representativesNotCollective" });
  });
  it("5 persons is a collective visit: 1 to 5 representatives", () => {
    expect(visit(5, 0)).toEqual({ representatives: "representativesRequired" });
    expect(visit(5, 1)).toEqual({});
    expect(visit(5, MAX_REPRESENTATIVES)).toEqual({});
    expect(visit(5, MAX_REPRESENTATIVES + 1)).toEqual({ representatives: "tooManyRepresentatives" });
    expect(visit(10_000, 2)).toEqual({});
  });
  it("persons from 1 to 10000", () => {
    expect(visit(0, 0)).toEqual({ personCount: "personCountRange" });
    expect(visit(10_001, 2)).toEqual({ personCount: "personCountRange" });
    expect(visit(2.5, 0)).toEqual({ personCount: "personCountRange" });
    expect(visit(1, 0)).toEqual({});
  });
  it("other channels have one petitioner and no representatives, whatever the hidden visit fields held", () => {
    const kept = keepApplicable({ ...base, channel: "LETTER", personCount: 30, representatives: reps(7) });
    expect(kept.personCount).toBe(1);
    expect(kept.representatives).toEqual([]);
    expect(checkRegistration(kept, NOW)).toEqual({});
  });
});

describe("上级转办 / 交办", () => {
  it("require the document number", () => {
    expect(check({ channel: "HIGHER_TRANSFER" })).toEqual({ sourceDocNo: "sourceDocNoRequired" });
    expect(check({ channel: "HIGHER_ASSIGN", feedbackDueDate: "2026-04-09" })).toEqual({
      sourceDocNo: "sourceDocNoRequired",
    });
  });
  it("交办 requires a feedback deadline after the day of receipt", () => {
    const assign = (feedbackDueDate?: string) =>
      check({ channel: "HIGHER_ASSIGN", sourceDocNo: "市信交〔2026〕3号", feedbackDueDate });
    expect(assign(undefined)).toEqual({ feedbackDueDate: "feedbackDueRequired" });
    expect(assign("2026-02-30")).toEqual({ feedbackDueDate: "feedbackDueRequired" });
    expect(assign("2026-03-09")).toEqual({ feedbackDueDate: "feedbackDueNotAfterReceived" }); // the day it came
    expect(assign("2026-03-08")).toEqual({ feedbackDueDate: "feedbackDueNotAfterReceived" });
    expect(assign("2026-03-10")).toEqual({});
  });
  it("the day of receipt is the Shanghai day: 23:30 on the 9th is not the 10th", () => {
    const late = new Date("2026-03-09T15:30:00Z"); // 2026-03-09 23:30 Shanghai
    expect(
      check({ channel: "HIGHER_ASSIGN", sourceDocNo: "x", receivedAt: late, feedbackDueDate: "2026-03-10" }),
    ).toEqual({});
    const afterMidnight = new Date("2026-03-09T16:30:00Z"); // 2026-03-10 00:30 Shanghai
    expect(
      check({ channel: "HIGHER_ASSIGN", sourceDocNo: "x", receivedAt: afterMidnight, feedbackDueDate: "2026-03-10" }),
    ).toEqual({
      feedbackDueDate: "feedbackDueNotAfterReceived",
    });
  });
  it("other channels drop a stale document number and deadline", () => {
    const kept = keepApplicable({ ...base, channel: "FAX", sourceDocNo: "x", feedbackDueDate: "2020-01-01" });
    expect(kept.sourceDocNo).toBeUndefined();
    expect(kept.feedbackDueDate).toBeUndefined();
    const transfer = keepApplicable({
      ...base,
      channel: "HIGHER_TRANSFER",
      sourceDocNo: "x",
      feedbackDueDate: "2020-01-01",
    });
    expect(transfer).toMatchObject({ sourceDocNo: "x", feedbackDueDate: undefined });
  });
});
