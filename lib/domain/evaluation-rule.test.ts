import { describe, expect, it } from "vitest";
import { evaluationLapsed, evaluationState, latestAnswerAt, type EvaluationFacts } from "./evaluation-rule";

const d = (iso: string) => new Date(iso);
const none: EvaluationFacts = {
  repliedAt: null,
  reviewedAt: null,
  finalAt: null,
  evaluatedAt: null,
  evaluationWindowEndsAt: null,
  evaluationExpiredAt: null,
};
const replied: EvaluationFacts = {
  ...none,
  repliedAt: d("2026-03-02T02:00:00Z"),
  evaluationWindowEndsAt: d("2026-04-01T15:59:59.999Z"),
};

describe("the answer being rated", () => {
  it("is the latest of reply, 复查 answer and 复核 answer", () => {
    expect(latestAnswerAt(none)).toBeNull();
    expect(latestAnswerAt(replied)).toEqual(replied.repliedAt);
    expect(latestAnswerAt({ ...replied, reviewedAt: d("2026-04-10T00:00:00Z") })).toEqual(d("2026-04-10T00:00:00Z"));
    expect(
      latestAnswerAt({ ...replied, reviewedAt: d("2026-04-10T00:00:00Z"), finalAt: d("2026-05-10T00:00:00Z") }),
    ).toEqual(d("2026-05-10T00:00:00Z"));
  });
});

describe("evaluation state", () => {
  it("is none before any answer", () => {
    expect(evaluationState(none, d("2026-03-01T00:00:00Z"))).toBe("none");
  });

  it("is open through the last instant of the window, closed after", () => {
    expect(evaluationState(replied, replied.evaluationWindowEndsAt as Date)).toBe("open");
    expect(evaluationState(replied, d("2026-04-01T16:00:00Z"))).toBe("closed");
  });

  it("is done once the latest answer is rated, and open again for a later answer", () => {
    const rated = { ...replied, evaluatedAt: d("2026-03-05T00:00:00Z") };
    expect(evaluationState(rated, d("2026-03-06T00:00:00Z"))).toBe("done");
    const reviewed = {
      ...rated,
      reviewedAt: d("2026-04-20T00:00:00Z"),
      evaluationWindowEndsAt: d("2026-05-20T15:59:59.999Z"),
    };
    expect(evaluationState(reviewed, d("2026-04-21T00:00:00Z"))).toBe("open");
  });
});

describe("a window closing unused", () => {
  const after = d("2026-04-02T00:00:00Z");

  it("is recorded once per answer", () => {
    expect(evaluationLapsed(replied, d("2026-03-10T00:00:00Z"))).toBe(false);
    expect(evaluationLapsed(replied, after)).toBe(true);
    expect(evaluationLapsed({ ...replied, evaluationExpiredAt: after }, after)).toBe(false);
  });

  it("is not recorded when the answer was rated", () => {
    expect(evaluationLapsed({ ...replied, evaluatedAt: d("2026-03-05T00:00:00Z") }, after)).toBe(false);
  });

  it("is recorded again for a later answer whose own window closed", () => {
    const reviewed = {
      ...replied,
      evaluationExpiredAt: after,
      reviewedAt: d("2026-04-20T00:00:00Z"),
      evaluationWindowEndsAt: d("2026-05-20T15:59:59.999Z"),
    };
    expect(evaluationLapsed(reviewed, d("2026-05-01T00:00:00Z"))).toBe(false);
    expect(evaluationLapsed(reviewed, d("2026-05-21T00:00:00Z"))).toBe(true);
  });
});
