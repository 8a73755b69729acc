"use server";
import { linkRepeat, recheckReply, reviewReply } from "@/lib/data/review-actions";
import { LINK_REPEAT_FIELDS, REVIEW_ANSWER_FIELDS, ZLinkRepeat, ZReviewAnswer } from "@/lib/validation/review";
import type { FormState } from "../form-state";
import { ref, runCaseAction } from "./run-case-action";

// The reviewing bodies' answers (复查, 复核) and the 重复信访 link, from the staff case page. Each: parse → signed-in
// handler/supervisor → the data function, which takes authority from the case row (the petitionId is a lookup key).

/** 复查答复 */
export async function reviewReplyAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(
    form,
    REVIEW_ANSWER_FIELDS,
    ZReviewAnswer,
    (v, i, at) => reviewReply(v, { ...ref(i, at), outcome: i.outcome, text: i.text }),
    (key) => (key === "review.outcome" ? "outcome" : undefined),
  );
}

/** 复核答复 */
export async function recheckReplyAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(
    form,
    REVIEW_ANSWER_FIELDS,
    ZReviewAnswer,
    (v, i, at) => recheckReply(v, { ...ref(i, at), outcome: i.outcome, text: i.text }),
    (key) => (key === "review.outcome" ? "outcome" : undefined),
  );
}

/** 关联重复信访 */
export async function linkRepeatAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(
    form,
    LINK_REPEAT_FIELDS,
    ZLinkRepeat,
    (v, i, at) => linkRepeat(v, { ...ref(i, at), trackingNo: i.trackingNo }),
    (key) => (key.startsWith("repeat.") ? "trackingNo" : undefined),
  );
}
