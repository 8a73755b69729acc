import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  ACTOR_ROLES,
  STATES,
  TERMINAL_STATES,
  availableActions,
  canTake,
  isPetitionState,
  isTerminal,
  transitionFor,
  type ActorRole,
  type PetitionAction,
  type PetitionState,
} from "./petition-states";

// The expected table, written by hand from spec §1 and §3 (not from TRANSITIONS):
//   - staff = 经办人 (handler) and 督办员 (supervisor); 管理员 (admin) manages users/units/settings and never
//     acts on a case; `system` (the scheduler) only closes a case once the 30-day window has passed;
//   - 信访人 (petitioner): supplements, withdraws, evaluates, asks for 复查/复核, and may close when satisfied;
//   - 督办 (supervision) and extension approval belong to the supervisor; the extension request to the handler;
//   - "open" states are those where the case is being worked: SUBMITTED, ACCEPTED, IN_REVIEW, IN_RECHECK;
//   - "answered" states are those with a reply that can be published: REPLIED, REVIEWED, FINAL, CLOSED.
type Expected = { states: readonly PetitionState[]; roles: readonly ActorRole[]; to: PetitionState | "same" };
const H_S: readonly ActorRole[] = ["handler", "supervisor"];
const ALL_STATES: readonly PetitionState[] = [
  "SUBMITTED",
  "ACCEPTED",
  "NOT_ACCEPTED",
  "REPLIED",
  "IN_REVIEW",
  "REVIEWED",
  "IN_RECHECK",
  "FINAL",
  "CLOSED",
  "WITHDRAWN",
];

const EXPECTED: Record<PetitionAction, Expected> = {
  // at the bureau / receiving unit, before acceptance
  route: { states: ["SUBMITTED"], roles: H_S, to: "same" }, // "SUBMITTED ──route──▶ (same state, at another unit)"
  return: { states: ["SUBMITTED"], roles: H_S, to: "same" }, // "◀──return── (unit objects ≤ 5 working days)"
  accept: { states: ["SUBMITTED"], roles: H_S, to: "ACCEPTED" },
  notAccept: { states: ["SUBMITTED"], roles: H_S, to: "NOT_ACCEPTED" },
  // work on an open case
  assign: { states: ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"], roles: H_S, to: "same" },
  internalNote: { states: ALL_STATES, roles: H_S, to: "same" }, // staff may annotate any case, even a closed one
  publicNote: { states: ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"], roles: H_S, to: "same" },
  requestInfo: { states: ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"], roles: H_S, to: "same" },
  // the petitioner can answer an information request wherever staff can make one
  supplement: { states: ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"], roles: ["petitioner"], to: "same" },
  withdraw: { states: ["SUBMITTED", "ACCEPTED"], roles: ["petitioner"], to: "WITHDRAWN" },
  // 条例第34条 extension: handler asks, supervisor decides; only while handling
  requestExtension: { states: ["ACCEPTED"], roles: ["handler"], to: "same" },
  approveExtension: { states: ["ACCEPTED"], roles: ["supervisor"], to: "same" },
  rejectExtension: { states: ["ACCEPTED"], roles: ["supervisor"], to: "same" },
  reply: { states: ["ACCEPTED"], roles: H_S, to: "REPLIED" },
  publish: { states: ["REPLIED", "REVIEWED", "FINAL", "CLOSED"], roles: H_S, to: "same" },
  supervise: { states: ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"], roles: ["supervisor"], to: "same" },
  // 条例第39、40条: the unit answers an order in writing whatever the case's state; supervisors escalate while open
  answerSupervision: { states: ALL_STATES, roles: H_S, to: "same" },
  escalateSupervision: {
    states: ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"],
    roles: ["supervisor"],
    to: "same",
  },
  takeCharge: { states: ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"], roles: ["supervisor"], to: "same" },
  endCharge: { states: ALL_STATES, roles: ["supervisor"], to: "same" },
  // evaluation of an answer, inside its window (a closed case keeps the window its answer opened)
  evaluate: { states: ["REPLIED", "REVIEWED", "FINAL", "CLOSED"], roles: ["petitioner"], to: "same" },
  requestReview: { states: ["REPLIED"], roles: ["petitioner"], to: "IN_REVIEW" },
  reviewReply: { states: ["IN_REVIEW"], roles: H_S, to: "REVIEWED" },
  requestRecheck: { states: ["REVIEWED"], roles: ["petitioner"], to: "IN_RECHECK" },
  recheckReply: { states: ["IN_RECHECK"], roles: H_S, to: "FINAL" },
  // "(30 d pass / petitioner satisfied) ──▶ CLOSED"
  close: { states: ["REPLIED", "REVIEWED"], roles: ["system", "petitioner"], to: "CLOSED" },
  linkRepeat: { states: ALL_STATES, roles: H_S, to: "same" },
  // the deadline job's records, system only
  markOverdue: { states: ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"], roles: ["system"], to: "same" },
  markOrderOverdue: { states: ALL_STATES, roles: ["system"], to: "same" },
  expireEvaluation: {
    states: ["REPLIED", "IN_REVIEW", "REVIEWED", "IN_RECHECK", "FINAL", "CLOSED"],
    roles: ["system"],
    to: "same",
  },
};

function expectedTo(state: PetitionState, action: PetitionAction, role: ActorRole): PetitionState | null {
  const e = EXPECTED[action];
  if (!e.states.includes(state) || !e.roles.includes(role)) return null;
  return e.to === "same" ? state : e.to;
}

describe("vocabulary", () => {
  it("has the 10 states of spec §3", () => {
    expect([...STATES].sort()).toEqual([...ALL_STATES].sort());
  });

  it("has 30 distinct actions, exactly those of the expected table", () => {
    expect(new Set(ACTIONS).size).toBe(30);
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("has the 5 actor roles", () => {
    expect([...ACTOR_ROLES].sort()).toEqual(["admin", "handler", "petitioner", "supervisor", "system"]);
  });
});

describe("the full state × action × role matrix (10 × 30 × 5 = 1500 cells)", () => {
  const cells: [PetitionState, PetitionAction, ActorRole][] = [];
  for (const s of ALL_STATES) for (const a of ACTIONS) for (const r of ACTOR_ROLES) cells.push([s, a, r]);

  it("covers 1500 cells", () => {
    expect(cells).toHaveLength(1500);
  });

  it("transitionFor and canTake agree with the expected table in every cell", () => {
    const mismatches: string[] = [];
    for (const [s, a, r] of cells) {
      const want = expectedTo(s, a, r);
      const got = transitionFor(s, a, r);
      if ((got?.to ?? null) !== want) mismatches.push(`${s} × ${a} × ${r}: expected ${want}, got ${got?.to ?? null}`);
      if (canTake(s, a, r) !== (want !== null)) mismatches.push(`${s} × ${a} × ${r}: canTake ${canTake(s, a, r)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("availableActions lists exactly the allowed actions, in ACTIONS order, for all 50 state × role pairs", () => {
    for (const s of ALL_STATES) {
      for (const r of ACTOR_ROLES) {
        const want = ACTIONS.filter((a) => expectedTo(s, a, r) !== null);
        expect(availableActions(s, r), `${s} / ${r}`).toEqual(want);
      }
    }
  });
});

describe("what each person sees (hand-written button lists)", () => {
  it("a handler on a new case", () => {
    expect(availableActions("SUBMITTED", "handler")).toEqual([
      "route",
      "return",
      "accept",
      "notAccept",
      "assign",
      "internalNote",
      "publicNote",
      "requestInfo",
      "answerSupervision",
      "linkRepeat",
    ]);
  });

  it("a handler on an accepted case", () => {
    expect(availableActions("ACCEPTED", "handler")).toEqual([
      "assign",
      "internalNote",
      "publicNote",
      "requestInfo",
      "requestExtension",
      "reply",
      "answerSupervision",
      "linkRepeat",
    ]);
  });

  it("a supervisor on an accepted case", () => {
    expect(availableActions("ACCEPTED", "supervisor")).toEqual([
      "assign",
      "internalNote",
      "publicNote",
      "requestInfo",
      "approveExtension",
      "rejectExtension",
      "reply",
      "supervise",
      "answerSupervision",
      "escalateSupervision",
      "takeCharge",
      "endCharge",
      "linkRepeat",
    ]);
  });

  it("the petitioner at each stage", () => {
    expect(availableActions("SUBMITTED", "petitioner")).toEqual(["supplement", "withdraw"]);
    expect(availableActions("ACCEPTED", "petitioner")).toEqual(["supplement", "withdraw"]);
    expect(availableActions("REPLIED", "petitioner")).toEqual(["evaluate", "requestReview", "close"]);
    expect(availableActions("IN_REVIEW", "petitioner")).toEqual(["supplement"]);
    expect(availableActions("REVIEWED", "petitioner")).toEqual(["evaluate", "requestRecheck", "close"]);
    expect(availableActions("IN_RECHECK", "petitioner")).toEqual(["supplement"]);
    expect(availableActions("FINAL", "petitioner")).toEqual(["evaluate"]);
    expect(availableActions("CLOSED", "petitioner")).toEqual(["evaluate"]);
    expect(availableActions("WITHDRAWN", "petitioner")).toEqual([]);
    expect(availableActions("NOT_ACCEPTED", "petitioner")).toEqual([]);
  });

  it("the scheduler closes answered cases and records lapses, nothing else", () => {
    const open = ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"];
    for (const s of ALL_STATES) {
      const want = [
        ...(s === "REPLIED" || s === "REVIEWED" ? ["close"] : []),
        ...(open.includes(s) ? ["markOverdue"] : []),
        "markOrderOverdue",
        ...(["REPLIED", "IN_REVIEW", "REVIEWED", "IN_RECHECK", "FINAL", "CLOSED"].includes(s)
          ? ["expireEvaluation"]
          : []),
      ];
      expect(availableActions(s, "system"), s).toEqual(want);
    }
  });
});

describe("roles that must never act", () => {
  it("an admin can never act on a case, in any state", () => {
    for (const s of ALL_STATES) {
      expect(availableActions(s, "admin")).toEqual([]);
      for (const a of ACTIONS) expect(transitionFor(s, a, "admin")).toBeNull();
    }
  });

  it("staff can never act for the petitioner (supplement, withdraw, evaluate, review/recheck requests)", () => {
    const petitionerOnly: PetitionAction[] = ["supplement", "withdraw", "evaluate", "requestReview", "requestRecheck"];
    for (const s of ALL_STATES)
      for (const a of petitionerOnly)
        for (const r of ["handler", "supervisor", "admin", "system"] as const) {
          expect(canTake(s, a, r), `${s} ${a} ${r}`).toBe(false);
        }
  });

  it("the petitioner can never take a staff decision", () => {
    const staffOnly: PetitionAction[] = [
      "route",
      "return",
      "accept",
      "notAccept",
      "reply",
      "reviewReply",
      "recheckReply",
      "publish",
      "supervise",
    ];
    for (const s of ALL_STATES) for (const a of staffOnly) expect(canTake(s, a, "petitioner"), `${s} ${a}`).toBe(false);
  });

  it("a handler cannot approve its own extension", () => {
    expect(canTake("ACCEPTED", "approveExtension", "handler")).toBe(false);
    expect(canTake("ACCEPTED", "requestExtension", "handler")).toBe(true);
  });
});

describe("terminal states", () => {
  it("are NOT_ACCEPTED, FINAL, CLOSED and WITHDRAWN", () => {
    expect([...TERMINAL_STATES].sort()).toEqual(["CLOSED", "FINAL", "NOT_ACCEPTED", "WITHDRAWN"]);
    for (const s of ALL_STATES) {
      expect(isTerminal(s)).toBe(["NOT_ACCEPTED", "FINAL", "CLOSED", "WITHDRAWN"].includes(s));
    }
  });

  it("allow only records (notes, publication, evaluation, supervision answers, 包案 end, links), none changing the state", () => {
    // Whatever the state, a unit still owes the written answer to an order, a 包案 may end, staff may link a repeat.
    const always: PetitionAction[] = [
      "internalNote",
      "answerSupervision",
      "endCharge",
      "linkRepeat",
      "markOrderOverdue",
    ];
    const answered: PetitionAction[] = [...always, "publish", "evaluate", "expireEvaluation"];
    const allowedHere: Record<"NOT_ACCEPTED" | "FINAL" | "CLOSED" | "WITHDRAWN", PetitionAction[]> = {
      NOT_ACCEPTED: always,
      FINAL: answered,
      CLOSED: answered,
      WITHDRAWN: always,
    };
    for (const [s, actions] of Object.entries(allowedHere) as [PetitionState, PetitionAction[]][]) {
      const any = new Set(ACTOR_ROLES.flatMap((r) => availableActions(s, r)));
      expect([...any].sort(), s).toEqual([...actions].sort());
      for (const a of ACTIONS)
        for (const r of ACTOR_ROLES) {
          const t = transitionFor(s, a, r);
          if (t) expect(t.to, `${s} ${a} ${r}`).toBe(s);
        }
    }
  });

  it("a final case (复核 answered) cannot be reviewed, rechecked or reopened", () => {
    for (const a of [
      "requestReview",
      "requestRecheck",
      "accept",
      "reply",
      "reviewReply",
      "recheckReply",
      "close",
    ] as const) {
      for (const r of ACTOR_ROLES) expect(canTake("FINAL", a, r)).toBe(false);
    }
  });
});

describe("life-cycle shape", () => {
  it("every non-terminal state has a way out to another state", () => {
    for (const s of ALL_STATES.filter((x) => !isTerminal(x))) {
      const exits = ACTIONS.flatMap((a) => ACTOR_ROLES.map((r) => transitionFor(s, a, r)?.to)).filter(
        (to) => to && to !== s,
      );
      expect(exits.length, s).toBeGreaterThan(0);
    }
  });

  it("every state is reachable from SUBMITTED", () => {
    const seen = new Set<PetitionState>(["SUBMITTED"]);
    const queue: PetitionState[] = ["SUBMITTED"];
    while (queue.length) {
      const s = queue.shift()!;
      for (const a of ACTIONS)
        for (const r of ACTOR_ROLES) {
          const to = transitionFor(s, a, r)?.to;
          if (to && !seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
    }
    expect([...seen].sort()).toEqual([...ALL_STATES].sort());
  });

  it("walks the full path SUBMITTED → … → FINAL as spec §3 draws it", () => {
    const path: [PetitionAction, ActorRole, PetitionState][] = [
      ["accept", "handler", "ACCEPTED"],
      ["reply", "handler", "REPLIED"],
      ["requestReview", "petitioner", "IN_REVIEW"],
      ["reviewReply", "supervisor", "REVIEWED"],
      ["requestRecheck", "petitioner", "IN_RECHECK"],
      ["recheckReply", "handler", "FINAL"],
    ];
    let s: PetitionState = "SUBMITTED";
    for (const [a, r, to] of path) {
      const t = transitionFor(s, a, r);
      expect(t, `${s} ${a} ${r}`).toEqual({ to });
      s = to;
    }
  });

  it("route and return keep the case in SUBMITTED (it moves between units, not states)", () => {
    expect(transitionFor("SUBMITTED", "route", "handler")).toEqual({ to: "SUBMITTED" });
    expect(transitionFor("SUBMITTED", "return", "supervisor")).toEqual({ to: "SUBMITTED" });
    expect(transitionFor("ACCEPTED", "route", "handler")).toBeNull();
    expect(transitionFor("ACCEPTED", "return", "handler")).toBeNull();
  });

  it("closing happens after a reply or review reply, not from an open or final case", () => {
    expect(transitionFor("REPLIED", "close", "system")).toEqual({ to: "CLOSED" });
    expect(transitionFor("REVIEWED", "close", "petitioner")).toEqual({ to: "CLOSED" });
    for (const s of ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK", "FINAL"] as const) {
      expect(transitionFor(s, "close", "system")).toBeNull();
    }
  });

  it("withdrawal is possible before the reply only", () => {
    expect(transitionFor("SUBMITTED", "withdraw", "petitioner")).toEqual({ to: "WITHDRAWN" });
    expect(transitionFor("ACCEPTED", "withdraw", "petitioner")).toEqual({ to: "WITHDRAWN" });
    for (const s of [
      "REPLIED",
      "IN_REVIEW",
      "REVIEWED",
      "IN_RECHECK",
      "FINAL",
      "CLOSED",
      "NOT_ACCEPTED",
      "WITHDRAWN",
    ] as const) {
      expect(transitionFor(s, "withdraw", "petitioner")).toBeNull();
    }
  });
});

describe("isPetitionState", () => {
  it.each(ALL_STATES)("accepts %s", (s) => {
    expect(isPetitionState(s)).toBe(true);
  });

  it.each([
    ["submitted"],
    ["Submitted"],
    [""],
    ["DELETED"],
    [" SUBMITTED"],
    ["toString"],
    [null],
    [undefined],
    [1],
    [{}],
    [["SUBMITTED"]],
  ])("rejects %j", (v) => {
    expect(isPetitionState(v)).toBe(false);
  });
});
