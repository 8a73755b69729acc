// 评价 (条例第21条): the petitioner rates the latest answer — the reply, the 复查 answer or the 复核 answer — of the
// handling unit and of the petition bureau, inside the window that answer opened (a setting, default 30 days).
// One evaluation per answer; a window that closes unused is recorded once by the deadline job (参评率, spec §6).

export type EvaluationFacts = {
  repliedAt: Date | null;
  reviewedAt: Date | null;
  finalAt: Date | null;
  evaluatedAt: Date | null;
  evaluationWindowEndsAt: Date | null;
  evaluationExpiredAt: Date | null;
};

/** The answer an evaluation now rates: the latest of reply, 复查 answer, 复核 answer. */
export function latestAnswerAt(c: Pick<EvaluationFacts, "repliedAt" | "reviewedAt" | "finalAt">): Date | null {
  return c.finalAt ?? c.reviewedAt ?? c.repliedAt;
}

/**
 * `none`: nothing answered yet; `done`: the latest answer is evaluated; `closed`: its window passed unused;
 * `open`: the petitioner may evaluate now (until `evaluationWindowEndsAt`, inclusive).
 */
export type EvaluationState = "none" | "open" | "done" | "closed";

export function evaluationState(c: EvaluationFacts, at: Date): EvaluationState {
  const answered = latestAnswerAt(c);
  if (!answered || !c.evaluationWindowEndsAt) return "none";
  if (c.evaluatedAt && c.evaluatedAt.getTime() >= answered.getTime()) return "done";
  return at.getTime() > c.evaluationWindowEndsAt.getTime() ? "closed" : "open";
}

/** Whether the deadline job must record that this answer's window closed unused (once per answer). */
export function evaluationLapsed(c: EvaluationFacts, at: Date): boolean {
  if (evaluationState(c, at) !== "closed") return false;
  const answered = latestAnswerAt(c) as Date;
  return c.evaluationExpiredAt === null || c.evaluationExpiredAt.getTime() < answered.getTime();
}
