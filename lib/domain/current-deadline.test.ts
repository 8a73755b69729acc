import { describe, expect, it } from "vitest";
import { STATES } from "./petition-states";
import { currentDeadline, type CurrentDeadlineInput } from "./current-deadline";

const d = (n: number) => new Date(Date.UTC(2026, 0, n));
const base: CurrentDeadlineInput = {
  state: "SUBMITTED",
  atBureau: true,
  routeDueAt: d(1),
  acceptDueAt: d(2),
  handleDueAt: d(3),
  reviewDueAt: d(4),
  recheckDueAt: d(5),
};

describe("currentDeadline", () => {
  it("at the bureau a new case runs the routing clock; at a unit, the acceptance clock", () => {
    expect(currentDeadline(base)).toEqual({ kind: "route", dueAt: d(1) });
    expect(currentDeadline({ ...base, atBureau: false })).toEqual({ kind: "accept", dueAt: d(2) });
  });
  it("in handling, review and re-review the answer clock runs", () => {
    expect(currentDeadline({ ...base, state: "ACCEPTED" })).toEqual({ kind: "handle", dueAt: d(3) });
    expect(currentDeadline({ ...base, state: "IN_REVIEW" })).toEqual({ kind: "reviewAnswer", dueAt: d(4) });
    expect(currentDeadline({ ...base, state: "IN_RECHECK" })).toEqual({ kind: "recheckAnswer", dueAt: d(5) });
  });
  it("no clock runs in the answered and ended states", () => {
    for (const state of STATES.filter((s) => !["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"].includes(s))) {
      expect(currentDeadline({ ...base, state }), state).toBeNull();
    }
  });
  it("a missing date means no running deadline rather than a wrong one", () => {
    expect(currentDeadline({ ...base, atBureau: false, acceptDueAt: null })).toBeNull();
  });
});
