// The one list of open states (petition-states.ts OPEN_STATES): exactly the states in which a deadline runs
// and staff still owe the petitioner something — the queue's deadline tabs and the home page's "open" figure
// both read it, so it must agree with the deadline rule and the terminal states.
import { describe, expect, it } from "vitest";
import { currentDeadline } from "./current-deadline";
import { isOpen, isTerminal, OPEN_STATES, STATES } from "./petition-states";
import { tabCriteria } from "./queue";

const someDate = new Date("2026-03-12T04:00:00.000Z");
const allDeadlines = {
  routeDueAt: someDate,
  acceptDueAt: someDate,
  handleDueAt: someDate,
  reviewDueAt: someDate,
  recheckDueAt: someDate,
};

describe("OPEN_STATES", () => {
  it("is 待受理, 办理中, 复查中, 复核中", () => {
    expect(OPEN_STATES).toEqual(["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"]);
  });

  it("holds exactly the states in which a deadline runs (at the bureau or at a unit)", () => {
    for (const state of STATES) {
      const runs =
        currentDeadline({ state, atBureau: false, ...allDeadlines }) !== null ||
        currentDeadline({ state, atBureau: true, ...allDeadlines }) !== null;
      expect(isOpen(state), state).toBe(runs);
    }
  });

  it("holds no terminal state", () => {
    for (const state of OPEN_STATES) expect(isTerminal(state), state).toBe(false);
  });

  it("is what the queue's deadline tabs filter on", () => {
    expect(tabCriteria("dueSoon", someDate).states).toEqual(OPEN_STATES);
    expect(tabCriteria("overdue", someDate).states).toEqual(OPEN_STATES);
  });
});
