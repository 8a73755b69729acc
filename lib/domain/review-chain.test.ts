import { describe, expect, it } from "vitest";
import { buildCalendar, recheckWindow, reviewWindow } from "./deadlines";
import { CATEGORY_KINDS } from "./petition-rules";
import { STATES } from "./petition-states";
import {
  isReviewable,
  isUpheld,
  mayLinkRepeat,
  nextHigherBody,
  recheckRequestBlock,
  requestWindows,
  reviewRequestBlock,
  type ChainFacts,
  type RequestFacts,
} from "./review-chain";

// 2026 劳动节: May 1–5 off, Saturday May 9 a 调休 working day.
const cal = buildCalendar([
  ...["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05"].map((date) => ({
    date,
    kind: "OFF" as const,
  })),
  { date: "2026-05-09", kind: "WORKDAY" as const },
]);
const endOf = (d: string) => new Date(`${d}T15:59:59.999Z`); // 23:59:59.999 Asia/Shanghai
const ms = (d: Date, n: number) => new Date(d.getTime() + n);
const shanghai = (d: string, hhmm = "10:00") => new Date(`${d}T${hhmm}:00+08:00`);

describe("the request windows (30 days, the last day rolled off holidays)", () => {
  it("a window ending in 劳动节 rolls to the next working day", () => {
    // replied 2026-04-03 + 30 = 2026-05-03 (off) → 2026-05-06
    const w = reviewWindow(shanghai("2026-04-03"), cal);
    expect(w.dueAt).toEqual(endOf("2026-05-06"));
    expect(w.explanation).toMatchObject({ rawDate: "2026-05-03", rolledTo: "2026-05-06" });
  });

  it("a window ending on a 调休 working Saturday stays there; an ordinary Saturday rolls to Monday", () => {
    expect(recheckWindow(shanghai("2026-04-09"), cal).dueAt).toEqual(endOf("2026-05-09"));
    // 2026-05-16 is an ordinary Saturday → Monday 2026-05-18
    expect(recheckWindow(shanghai("2026-04-16"), cal).dueAt).toEqual(endOf("2026-05-18"));
  });

  it("the day of the answer is not counted, whatever its hour (23:59 still starts the next day's count)", () => {
    expect(reviewWindow(shanghai("2026-03-02", "23:59"), cal).dueAt).toEqual(endOf("2026-04-01"));
    expect(reviewWindow(shanghai("2026-03-02", "00:00"), cal).dueAt).toEqual(endOf("2026-04-01"));
  });
});

const replied: RequestFacts = {
  state: "REPLIED",
  categoryKind: "APPEAL",
  reviewWindowEndsAt: endOf("2026-05-06"),
  recheckWindowEndsAt: null,
};
const reviewed: RequestFacts = { ...replied, state: "REVIEWED", recheckWindowEndsAt: endOf("2026-05-09") };

describe("复查 requests (条例第35条)", () => {
  it("are in time up to the last millisecond of the closing day, and refused with that day after it", () => {
    const end = endOf("2026-05-06");
    expect(reviewRequestBlock(replied, shanghai("2026-04-04"))).toBeNull();
    expect(reviewRequestBlock(replied, end)).toBeNull();
    expect(reviewRequestBlock(replied, ms(end, 1))).toEqual({ why: "windowClosed", closedAt: end });
    // A holiday in between does not matter: 2026-05-04 is inside the rolled window.
    expect(reviewRequestBlock(replied, shanghai("2026-05-04"))).toBeNull();
  });

  it("a case the deadline job closed after the window says the window closed, with its date", () => {
    const closed = { ...replied, state: "CLOSED" as const };
    expect(reviewRequestBlock(closed, ms(endOf("2026-05-06"), 1))).toEqual({
      why: "windowClosed",
      closedAt: endOf("2026-05-06"),
    });
    // …closed earlier because the petitioner was satisfied: not a window matter
    expect(reviewRequestBlock(closed, shanghai("2026-04-20"))).toEqual({ why: "state" });
  });

  it("only from 已答复", () => {
    for (const state of STATES.filter((s) => s !== "REPLIED" && s !== "CLOSED")) {
      expect(reviewRequestBlock({ ...replied, state }, shanghai("2026-04-04")), state).toEqual({ why: "state" });
    }
    expect(reviewRequestBlock({ ...replied, reviewWindowEndsAt: null }, shanghai("2026-04-04"))).toEqual({
      why: "state",
    });
  });

  it("only for 申诉求决 and 建议意见: 涉法涉诉 and 检举控告 are refused before any window", () => {
    const expected = {
      SUGGESTION: null,
      APPEAL: null,
      LEGAL: { why: "notReviewable" },
      ACCUSATION: { why: "notReviewable" },
    };
    for (const kind of CATEGORY_KINDS) {
      expect(reviewRequestBlock({ ...replied, categoryKind: kind }, shanghai("2026-04-04")), kind).toEqual(
        expected[kind],
      );
      expect(recheckRequestBlock({ ...reviewed, categoryKind: kind }, shanghai("2026-04-20")), kind).toEqual(
        expected[kind],
      );
    }
    expect(isReviewable("APPEAL") && isReviewable("SUGGESTION")).toBe(true);
    expect(isReviewable("LEGAL") || isReviewable("ACCUSATION")).toBe(false);
  });
});

describe("复核 requests (条例第36条)", () => {
  it("only from 已复查, until the recheck window's last millisecond (a 调休 Saturday here)", () => {
    const end = endOf("2026-05-09");
    expect(recheckRequestBlock(reviewed, end)).toBeNull();
    expect(recheckRequestBlock(reviewed, ms(end, 1))).toEqual({ why: "windowClosed", closedAt: end });
    expect(recheckRequestBlock(replied, shanghai("2026-04-04"))).toEqual({ why: "state" });
    expect(recheckRequestBlock({ ...reviewed, state: "IN_RECHECK" }, shanghai("2026-04-20"))).toEqual({
      why: "state",
    });
    expect(recheckRequestBlock({ ...reviewed, state: "FINAL" }, ms(end, 1))).toEqual({ why: "state" });
  });

  it("a case closed before any 复查 has no 复核 window to speak of", () => {
    expect(recheckRequestBlock({ ...replied, state: "CLOSED" }, ms(endOf("2026-05-06"), 1))).toEqual({
      why: "state",
    });
  });
});

describe("the bodies that answer", () => {
  it("复查 by the handling unit's parent, 复核 by the reviewing body's parent; the top answers itself", () => {
    const gov = { id: "gov", parentId: null };
    const town = { id: "town", parentId: "gov" };
    const village = { id: "village", parentId: "town" };
    expect(nextHigherBody(village)).toBe("town"); // 复查 of a village's answer: the township
    expect(nextHigherBody(town)).toBe("gov"); // …its 复核: the county government
    expect(nextHigherBody({ id: "dept", parentId: "gov" })).toBe("gov"); // 复查 of a department: the government
    expect(nextHigherBody(gov)).toBe("gov"); // …its 复核: the government again, the top of the portal
  });

  it("an answer upholds when it keeps the outcome under review", () => {
    expect(isUpheld("EXPLAIN", "EXPLAIN")).toBe(true);
    expect(isUpheld("SUPPORT", "EXPLAIN")).toBe(false);
    expect(isUpheld("SUPPORT", null)).toBe(false);
  });
});

describe("the windows the petitioner is shown", () => {
  const facts: ChainFacts = {
    ...replied,
    repliedAt: shanghai("2026-04-03"),
    reviewRequestedAt: null,
    reviewedAt: null,
    recheckRequestedAt: null,
  };

  it("open, then closed after its last instant, with the explanation of its date", () => {
    const [w] = requestWindows(facts, cal, endOf("2026-05-06"));
    expect(w).toMatchObject({ kind: "reviewWindow", status: "open", endsAt: endOf("2026-05-06") });
    expect(w!.explanation).toMatchObject({ startDate: "2026-04-03", rolledTo: "2026-05-06" });
    expect(requestWindows(facts, cal, ms(endOf("2026-05-06"), 1))[0]!.status).toBe("closed");
  });

  it("used once requested; the 复核 window appears with the 复查 answer", () => {
    const chain = {
      ...facts,
      state: "REVIEWED" as const,
      reviewRequestedAt: shanghai("2026-04-10"),
      reviewedAt: shanghai("2026-04-09"),
      recheckWindowEndsAt: endOf("2026-05-09"),
    };
    expect(requestWindows(chain, cal, shanghai("2026-04-20")).map((w) => [w.kind, w.status])).toEqual([
      ["reviewWindow", "used"],
      ["recheckWindow", "open"],
    ]);
  });

  it("none for a matter that is not reviewable", () => {
    expect(requestWindows({ ...facts, categoryKind: "LEGAL" }, cal, shanghai("2026-04-04"))).toEqual([]);
  });
});

describe("重复信访 links", () => {
  it("once, while the new case is 待受理 or 办理中", () => {
    const allowed = STATES.filter((state) => mayLinkRepeat({ state, isRepeat: false }));
    expect(allowed).toEqual(["SUBMITTED", "ACCEPTED"]);
    expect(mayLinkRepeat({ state: "SUBMITTED", isRepeat: true })).toBe(false);
  });
});
