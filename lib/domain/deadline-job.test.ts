import { describe, expect, it } from "vitest";
import { endOfCivilDay, startOfCivilDay } from "./civil-date";
import {
  buildCalendar,
  evaluationWindow,
  handleDeadline,
  recheckAnswerDeadline,
  recheckWindow,
  reviewAnswerDeadline,
  reviewWindow,
  routeDeadline,
  acceptDeadline,
  type HolidayCalendar,
} from "./deadlines";
import {
  evaluationLapsed,
  feedbackLapse,
  isPast,
  opensUrge,
  orderLapse,
  runningLapse,
  windowToClose,
  type FeedbackFacts,
  type OrderLapseFacts,
  type RunningLapseFacts,
  type WindowFacts,
} from "./deadline-job";
import { orderAnswerDeadline } from "./supervision";
import { STATES, type PetitionState } from "./petition-states";

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
};
// 2026: 劳动节 05-01…05-05 (调休: Saturday 05-09 is a working day), 国庆节 10-01…10-07 (调休: Saturday 10-10).
const CAL: HolidayCalendar = buildCalendar([
  ...days("2026-05-01", "2026-05-05").map((date) => ({ date, kind: "OFF" as const })),
  ...days("2026-10-01", "2026-10-07").map((date) => ({ date, kind: "OFF" as const })),
  { date: "2026-05-09", kind: "WORKDAY" },
  { date: "2026-10-10", kind: "WORKDAY" },
]);

/** 09:00 in Shanghai on a civil date. */
const morning = (date: string) => new Date(startOfCivilDay(date).getTime() + 9 * 3600_000);
/** The last millisecond of a due day (not late) and the first one after it (late). */
const lastMs = (date: string) => endOfCivilDay(date);
const nextMs = (date: string) => new Date(endOfCivilDay(date).getTime() + 1);

describe("isPast", () => {
  it("is strictly after: the last millisecond of the due day is on time", () => {
    expect(isPast(lastMs("2026-05-06"), lastMs("2026-05-06"))).toBe(false);
    expect(isPast(lastMs("2026-05-06"), nextMs("2026-05-06"))).toBe(true);
    expect(isPast(lastMs("2026-05-06"), morning("2026-05-06"))).toBe(false);
  });
});

describe("runningLapse", () => {
  const base: RunningLapseFacts = {
    state: "SUBMITTED",
    atBureau: true,
    routeDueAt: null,
    acceptDueAt: null,
    handleDueAt: null,
    reviewDueAt: null,
    recheckDueAt: null,
    lapsedDueAt: null,
  };

  it("a handling deadline that falls on 劳动节 rolls to 05-06: late only from 05-07 00:00", () => {
    const handle = handleDeadline(morning("2026-03-02"), CAL); // + 60 = 05-01 (holiday) → 05-06
    expect(handle.dueDate).toBe("2026-05-06");
    const c = { ...base, state: "ACCEPTED" as const, atBureau: false, handleDueAt: handle.dueAt };
    expect(runningLapse(c, morning("2026-05-02"))).toBeNull(); // the raw date has passed, the rolled one has not
    expect(runningLapse(c, lastMs("2026-05-06"))).toBeNull();
    expect(runningLapse(c, nextMs("2026-05-06"))).toEqual({ stage: "handle", dueAt: handle.dueAt });
  });

  it("a routing deadline on a 调休 working Saturday stays on that Saturday", () => {
    const route = routeDeadline(morning("2026-04-24"), CAL); // + 15 = Sat 05-09, a working day
    expect(route.dueDate).toBe("2026-05-09");
    const c = { ...base, routeDueAt: route.dueAt };
    expect(runningLapse(c, lastMs("2026-05-09"))).toBeNull();
    expect(runningLapse(c, nextMs("2026-05-09"))).toEqual({ stage: "route", dueAt: route.dueAt });
  });

  it("is recorded once per deadline: the same lapsed deadline is never recorded again", () => {
    const route = routeDeadline(morning("2026-04-24"), CAL);
    const c = { ...base, routeDueAt: route.dueAt, lapsedDueAt: route.dueAt };
    expect(runningLapse(c, morning("2026-06-01"))).toBeNull();
  });

  it("an approved extension is a new deadline that may lapse once itself", () => {
    const accepted = morning("2026-03-02");
    const first = handleDeadline(accepted, CAL);
    const extended = handleDeadline(accepted, CAL, 15); // 05-06 + 15 = 05-21 (Thursday)
    expect(extended.dueDate).toBe("2026-05-21");
    const c = { ...base, state: "ACCEPTED" as const, atBureau: false, handleDueAt: extended.dueAt };
    // The first deadline lapsed and was recorded before the extension was approved.
    const recorded = { ...c, lapsedDueAt: first.dueAt };
    expect(runningLapse(recorded, morning("2026-05-15"))).toBeNull();
    expect(runningLapse(recorded, lastMs("2026-05-21"))).toBeNull();
    expect(runningLapse(recorded, nextMs("2026-05-21"))).toEqual({ stage: "handle", dueAt: extended.dueAt });
    expect(runningLapse({ ...recorded, lapsedDueAt: extended.dueAt }, morning("2026-07-01"))).toBeNull();
  });

  it("an extension that ends on a holiday rolls forward again", () => {
    // Accepted 07-21: + 60 = 09-19 (Sat) → Mon 09-21; + 10 = 10-01 (国庆) → 10-08.
    const extended = handleDeadline(morning("2026-07-21"), CAL, 10);
    expect(extended.dueDate).toBe("2026-10-08");
    const c = { ...base, state: "ACCEPTED" as const, atBureau: false, handleDueAt: extended.dueAt };
    expect(runningLapse(c, morning("2026-10-02"))).toBeNull();
    expect(runningLapse(c, nextMs("2026-10-08"))).toEqual({ stage: "handle", dueAt: extended.dueAt });
  });

  it("a case routed again gets a new acceptance deadline", () => {
    const first = acceptDeadline(morning("2026-03-02"), CAL);
    const second = acceptDeadline(morning("2026-03-20"), CAL);
    const c = { ...base, atBureau: false, acceptDueAt: second.dueAt, lapsedDueAt: first.dueAt };
    expect(runningLapse(c, nextMs(second.dueDate))).toEqual({ stage: "accept", dueAt: second.dueAt });
  });

  it("review and re-review answers are stages of their own; a case back at the bureau runs the routing clock", () => {
    const review = reviewAnswerDeadline(morning("2026-04-06"), CAL); // + 30 = 05-06
    const recheck = recheckAnswerDeadline(morning("2026-09-01"), CAL); // + 30 = 10-01 → 10-08
    expect(recheck.dueDate).toBe("2026-10-08");
    const handle = handleDeadline(morning("2026-01-05"), CAL);
    expect(
      runningLapse(
        { ...base, state: "IN_REVIEW", reviewDueAt: review.dueAt, lapsedDueAt: handle.dueAt },
        nextMs(review.dueDate),
      ),
    ).toEqual({ stage: "reviewAnswer", dueAt: review.dueAt });
    expect(
      runningLapse({ ...base, state: "IN_RECHECK", recheckDueAt: recheck.dueAt }, lastMs("2026-10-08")),
    ).toBeNull();
    expect(runningLapse({ ...base, state: "IN_RECHECK", recheckDueAt: recheck.dueAt }, nextMs("2026-10-08"))).toEqual({
      stage: "recheckAnswer",
      dueAt: recheck.dueAt,
    });
  });

  it("no deadline runs in an answered or ended state", () => {
    const past = lastMs("2026-01-05");
    const all = { routeDueAt: past, acceptDueAt: past, handleDueAt: past, reviewDueAt: past, recheckDueAt: past };
    const open: PetitionState[] = ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"];
    for (const state of STATES) {
      const lapse = runningLapse({ ...base, ...all, state }, morning("2026-06-01"));
      expect(lapse !== null, state).toBe(open.includes(state));
    }
  });
});

describe("opensUrge", () => {
  it("催办 follows a lapsed handling deadline only, and only when the setting is on", () => {
    expect(opensUrge("handle", true)).toBe(true);
    expect(opensUrge("handle", false)).toBe(false);
    for (const stage of ["route", "accept", "reviewAnswer", "recheckAnswer"] as const)
      expect(opensUrge(stage, true)).toBe(false);
  });
});

describe("feedbackLapse", () => {
  const due = lastMs("2026-05-06");
  const c: FeedbackFacts = {
    channel: "HIGHER_ASSIGN",
    state: "ACCEPTED",
    feedbackDueAt: due,
    feedbackLapsedAt: null,
    repliedAt: null,
  };

  it("上级交办 feedback lapses once, strictly after its day", () => {
    expect(feedbackLapse(c, lastMs("2026-05-06"))).toBeNull();
    expect(feedbackLapse(c, nextMs("2026-05-06"))).toEqual({ stage: "feedback", dueAt: due });
    expect(feedbackLapse({ ...c, feedbackLapsedAt: nextMs("2026-05-06") }, morning("2026-06-01"))).toBeNull();
  });

  it("only while the case is unanswered, and only for 上级交办", () => {
    const late = morning("2026-06-01");
    expect(feedbackLapse({ ...c, state: "SUBMITTED" }, late)).not.toBeNull();
    expect(feedbackLapse({ ...c, state: "REPLIED", repliedAt: morning("2026-05-01") }, late)).toBeNull();
    expect(feedbackLapse({ ...c, state: "NOT_ACCEPTED" }, late)).toBeNull();
    expect(feedbackLapse({ ...c, state: "WITHDRAWN" }, late)).toBeNull();
    expect(feedbackLapse({ ...c, channel: "HIGHER_TRANSFER" }, late)).toBeNull();
    expect(feedbackLapse({ ...c, feedbackDueAt: null }, late)).toBeNull();
  });
});

describe("orderLapse", () => {
  // Issued Tue 04-28: + 7 = 05-05 (劳动节) → 05-06.
  const due = orderAnswerDeadline(morning("2026-04-28"), 7, CAL);
  const o: OrderLapseFacts = { answerDueAt: due.dueAt, answeredAt: null, escalatedAt: null, overdueAt: null };

  it("an order's answer deadline that falls on a holiday rolls forward; overdue strictly after it", () => {
    expect(due.dueDate).toBe("2026-05-06");
    expect(orderLapse(o, lastMs("2026-05-06"))).toBeNull();
    expect(orderLapse(o, nextMs("2026-05-06"))).toEqual({ dueAt: due.dueAt });
  });

  it("is marked once, and never for an answered or superseded order", () => {
    const late = morning("2026-06-01");
    expect(orderLapse({ ...o, overdueAt: nextMs("2026-05-06") }, late)).toBeNull();
    expect(orderLapse({ ...o, answeredAt: morning("2026-05-08") }, late)).toBeNull(); // answered late: no longer waiting
    expect(orderLapse({ ...o, escalatedAt: morning("2026-05-04") }, late)).toBeNull();
  });
});

describe("windowToClose", () => {
  const c: WindowFacts = { state: "REPLIED", reviewWindowEndsAt: null, recheckWindowEndsAt: null };

  it("a 复查 window that ends on 国庆 closes only after 10-08", () => {
    const window = reviewWindow(morning("2026-09-01"), CAL); // + 30 = 10-01 → 10-08
    expect(window.dueDate).toBe("2026-10-08");
    const replied = { ...c, reviewWindowEndsAt: window.dueAt };
    expect(windowToClose(replied, morning("2026-10-02"))).toBeNull();
    expect(windowToClose(replied, lastMs("2026-10-08"))).toBeNull();
    expect(windowToClose(replied, nextMs("2026-10-08"))).toEqual({
      reason: "REVIEW_WINDOW_PASSED",
      endsAt: window.dueAt,
    });
  });

  it("a 复核 window closes an 已复查 case; other states are never closed by the job", () => {
    const window = recheckWindow(morning("2026-04-06"), CAL); // + 30 = 05-06
    const reviewed = {
      ...c,
      state: "REVIEWED" as const,
      reviewWindowEndsAt: lastMs("2026-03-01"),
      recheckWindowEndsAt: window.dueAt,
    };
    expect(windowToClose(reviewed, lastMs("2026-05-06"))).toBeNull();
    expect(windowToClose(reviewed, nextMs("2026-05-06"))).toEqual({
      reason: "RECHECK_WINDOW_PASSED",
      endsAt: window.dueAt,
    });
    const late = morning("2026-12-01");
    for (const state of STATES.filter((s) => s !== "REPLIED" && s !== "REVIEWED"))
      expect(windowToClose({ ...reviewed, state }, late), state).toBeNull();
    expect(windowToClose({ ...c, state: "REVIEWED", reviewWindowEndsAt: lastMs("2026-03-01") }, late)).toBeNull();
  });
});

describe("evaluationLapsed (the job expires a window once per answer)", () => {
  const replied = morning("2026-04-01");
  const window = evaluationWindow(replied, 30, CAL); // + 30 = 05-01 (劳动节) → 05-06
  const facts = {
    repliedAt: replied,
    reviewedAt: null,
    finalAt: null,
    evaluatedAt: null,
    evaluationWindowEndsAt: window.dueAt,
    evaluationExpiredAt: null,
  };

  it("closes after the rolled-forward last day, once", () => {
    expect(window.dueDate).toBe("2026-05-06");
    expect(evaluationLapsed(facts, lastMs("2026-05-06"))).toBe(false);
    expect(evaluationLapsed(facts, nextMs("2026-05-06"))).toBe(true);
    expect(evaluationLapsed({ ...facts, evaluationExpiredAt: nextMs("2026-05-06") }, morning("2026-06-01"))).toBe(
      false,
    );
  });

  it("not when the answer was rated; again for a later answer's window", () => {
    expect(evaluationLapsed({ ...facts, evaluatedAt: morning("2026-04-03") }, morning("2026-06-01"))).toBe(false);
    const reviewedAt = morning("2026-06-01");
    const second = evaluationWindow(reviewedAt, 30, CAL);
    const later = {
      ...facts,
      reviewedAt,
      evaluatedAt: morning("2026-04-03"),
      evaluationWindowEndsAt: second.dueAt,
      evaluationExpiredAt: null,
    };
    expect(evaluationLapsed(later, nextMs(second.dueDate))).toBe(true);
    expect(
      evaluationLapsed(
        { ...later, evaluatedAt: null, evaluationExpiredAt: nextMs("2026-05-06") },
        nextMs(second.dueDate),
      ),
    ).toBe(true);
  });
});
