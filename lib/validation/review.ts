import { z } from "zod";
import { OUTCOMES } from "@/lib/domain/petition-rules";
import { REVIEW_LIMITS } from "@/lib/domain/review-chain";
import { choiceId, text } from "./fields";

// The forms after the answer: the petitioner's evaluation and 复查/复核 requests (the case is the one the query
// code opened: no id in these forms), and the reviewing body's answers and the 重复信访 link on the staff case page.
// Messages are catalog keys.

export const SATISFACTIONS = ["SATISFIED", "BASIC", "UNSATISFIED"] as const;

const version = z.coerce.number().int().positive();
const rating = z.enum(SATISFACTIONS, { message: "afterAnswer.evaluation.choose" });

/** 评价: both ratings are required, the comment is optional (staff only). */
export const ZEvaluate = z.object({
  unit: rating,
  bureau: rating,
  comment: z.preprocess((v) => v ?? "", text(REVIEW_LIMITS.comment)),
  version,
});
export const EVALUATE_FIELDS = ["unit", "bureau", "comment", "version"] as const;

/** 申请复查 / 申请复核: the reasons are required (条例第35、36条: the petitioner says why). */
export const ZRequestReview = z.object({ reasons: text(REVIEW_LIMITS.reasons), version });
export const REQUEST_REVIEW_FIELDS = ["reasons", "version"] as const;

const caseRef = {
  petitionId: choiceId,
  version: z.coerce
    .number({ message: "caseStaff.errors.changed" })
    .int("caseStaff.errors.changed")
    .positive("caseStaff.errors.changed"),
};

/** 复查答复 / 复核答复: the body's own outcome (checked against the category kind by the data layer) and its text. */
export const ZReviewAnswer = z.object({
  ...caseRef,
  outcome: z.enum(OUTCOMES, { message: "reviewStaff.errors.chooseOutcome" }),
  text: text(REVIEW_LIMITS.answerText),
});
export const REVIEW_ANSWER_FIELDS = ["petitionId", "version", "outcome", "text"] as const;

/** 关联重复信访: the FINAL case's tracking number (whether it exists and is final is the data layer's check). */
export const ZLinkRepeat = z.object({ ...caseRef, trackingNo: text(REVIEW_LIMITS.trackingNo) });
export const LINK_REPEAT_FIELDS = ["petitionId", "version", "trackingNo"] as const;
