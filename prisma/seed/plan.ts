// What will happen to a demo case, decided up front. The simulation (lifecycle.ts) plays a plan out
// until the case is done or the next step would lie after "now"; tests and demo cases override parts.
import type { Outcome, Satisfaction } from "../../generated/prisma/client";
import { mayCarryPublicNotes, mayPublishContent, outcomesFor } from "../../lib/domain/petition-rules";
import type { CategoryDef } from "./categories";
import type { Random } from "./random";
import { UNITS } from "./units";

/** Stages after which a plan may stop on purpose (the state the case is left in). */
export type Stage =
  "RECEIVED" | "ROUTED" | "ACCEPTED" | "REPLIED" | "PUBLISHED" | "EVALUATED" | "IN_REVIEW" | "REVIEWED" | "IN_RECHECK";

export type Plan = {
  /** 涉法涉诉 the bureau itself turns away, pointing to the courts (条例第31条). */
  bureauNotAccept: boolean;
  routeTo: string;
  /** Routed here first by mistake and returned within 5 working days (条例第23条). */
  misrouteTo: string | null;
  routeLate: boolean;
  routingNote: boolean;
  decision: "accept" | "notAccept" | "withdraw";
  acceptLate: boolean;
  /** The unit acts in the last days allowed (on time): keeps the 即将到期 queue filled near "now". */
  lastMinute: boolean;
  assign: boolean;
  publicNotes: number;
  internalNotes: number;
  infoRequest: boolean;
  supplementAnswers: boolean;
  extension: { days: number; approved: boolean } | null;
  withdrawWhileHandling: boolean;
  replyLate: boolean;
  outcome: Outcome;
  publish: boolean;
  /** The rating of the handling unit; the bureau's follows from it (no draw, so the demo's sequence stays the same). */
  evaluation: Satisfaction | null;
  bureauEvaluation: Satisfaction;
  closeWhenSatisfied: boolean;
  review: boolean;
  reviewUpheld: boolean;
  reviewLate: boolean;
  recheck: boolean;
  /** Whether a supervisor issues 督办 when a deadline is missed by more than a few days. */
  superviseWhenLate: boolean;
  stopAfter: Stage | null;
  /** "fast": every step after one or two working days (demo cases that must reach a state by now). */
  pace: "normal" | "fast";
};

const COUNTY_DEPARTMENTS = UNITS.filter((u) => u.kind === "DEPARTMENT").map((u) => u.id);

function satisfactionFor(rnd: Random, outcome: Outcome): Satisfaction {
  if (outcome === "SUPPORT" || outcome === "ADOPT") return rnd.weighted({ SATISFIED: 75, BASIC: 18, UNSATISFIED: 7 });
  if (outcome === "EXPLAIN" || outcome === "PARTIAL_ADOPT")
    return rnd.weighted({ SATISFIED: 48, BASIC: 34, UNSATISFIED: 18 });
  return rnd.weighted({ SATISFIED: 15, BASIC: 35, UNSATISFIED: 50 });
}

export function randomPlan(
  rnd: Random,
  category: CategoryDef,
  townshipId: string,
  consentPublic: boolean,
  lastMinuteShare = 0.04,
): Plan {
  const kind = category.kind;
  const routeTo = rnd.chance(category.township) ? townshipId : `u-${rnd.pick(category.units)}`;
  const misroute = kind !== "ACCUSATION" && rnd.chance(0.04);
  const outcomes = outcomesFor(kind);
  const outcome =
    kind === "SUGGESTION"
      ? rnd.weighted({ ADOPT: 30, PARTIAL_ADOPT: 45, NOT_ADOPT: 25 })
      : rnd.weighted({ SUPPORT: 42, EXPLAIN: 40, NOT_SUPPORT: 18 });
  if (!outcomes.includes(outcome)) throw new Error(`outcome ${outcome} not allowed for ${kind}`);
  const notAcceptShare = kind === "LEGAL" ? 0.3 : kind === "APPEAL" ? 0.045 : 0.03;
  const evaluation = rnd.chance(0.72) ? satisfactionFor(rnd, outcome) : null;
  const closeWhenSatisfied = evaluation === "SATISFIED" && rnd.chance(0.4);
  // 复查/复核 by the next-higher administrative body: not for courts, procuratorates or discipline organs.
  const reviewable = kind === "APPEAL" || kind === "SUGGESTION";
  const review = reviewable && !closeWhenSatisfied && rnd.chance(evaluation === "UNSATISFIED" ? 0.4 : 0.03);
  const extension = rnd.chance(0.08) ? { days: rnd.int(2, 6) * 5, approved: rnd.chance(0.85) } : null;
  return {
    bureauNotAccept: kind === "LEGAL" && rnd.chance(0.35),
    routeTo,
    misrouteTo: misroute ? rnd.pick(COUNTY_DEPARTMENTS.filter((id) => id !== routeTo)) : null,
    routeLate: rnd.chance(0.04),
    routingNote: rnd.chance(0.3),
    decision: rnd.chance(0.015) ? "withdraw" : rnd.chance(notAcceptShare) ? "notAccept" : "accept",
    acceptLate: rnd.chance(0.06),
    lastMinute: rnd.chance(lastMinuteShare),
    assign: rnd.chance(0.6),
    // Drawn for every case so the demo's random sequence stays the same; an accusation keeps none (条例第46条).
    publicNotes: (rnd.chance(0.5) ? 0 : rnd.chance(0.7) ? 1 : 2) * (mayCarryPublicNotes(kind) ? 1 : 0),
    internalNotes: rnd.chance(0.4) ? rnd.int(1, 2) : 0,
    infoRequest: rnd.chance(0.1),
    supplementAnswers: rnd.chance(0.85),
    extension,
    withdrawWhileHandling: rnd.chance(0.015),
    replyLate: rnd.chance(extension?.approved ? 0.04 : 0.1),
    outcome,
    publish: mayPublishContent(kind, consentPublic) && rnd.chance(0.7),
    evaluation,
    bureauEvaluation: evaluation === "UNSATISFIED" ? "BASIC" : "SATISFIED",
    closeWhenSatisfied,
    review,
    reviewUpheld: rnd.chance(0.85),
    reviewLate: rnd.chance(0.08),
    recheck: review && rnd.chance(0.25),
    superviseWhenLate: rnd.chance(0.8),
    stopAfter: null,
    pace: "normal",
  };
}

/** Everything quiet and quick: no notes, no lateness, no review; each step a working day after the last. */
export const CALM_PLAN: Omit<Plan, "routeTo" | "outcome"> = {
  bureauNotAccept: false,
  misrouteTo: null,
  routeLate: false,
  routingNote: false,
  decision: "accept",
  acceptLate: false,
  lastMinute: false,
  assign: false,
  publicNotes: 0,
  internalNotes: 0,
  infoRequest: false,
  supplementAnswers: false,
  extension: null,
  withdrawWhileHandling: false,
  replyLate: false,
  publish: false,
  evaluation: null,
  bureauEvaluation: "SATISFIED",
  closeWhenSatisfied: false,
  review: false,
  reviewUpheld: true,
  reviewLate: false,
  recheck: false,
  superviseWhenLate: false,
  stopAfter: null,
  pace: "fast",
};
