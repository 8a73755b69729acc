"use server";
import { refreshPetitionerView } from "./petitioner-view";
import { now } from "@/lib/clock";
import { evaluateAnswer, requestRecheck, requestReview } from "@/lib/data/petitioner";
import { petitionerCaseId } from "@/lib/petitioner-session";
import { EVALUATE_FIELDS, REQUEST_REVIEW_FIELDS, ZEvaluate, ZRequestReview } from "@/lib/validation/review";
import { fieldErrorsOf, readForm } from "@/lib/validation/fields";
import { invalidInput, PETITIONER_REFUSALS, refused, toFormState, type FormState } from "./form-state";

// The petitioner's actions after the answer. Each only for the case the query code opened (the signed cookie),
// whatever the form says; the rules (window, once per answer, reviewable kinds) are the data layer's.

/** 评价 of the latest answer: the handling unit and the petition bureau, with an optional staff-only comment. */
export async function evaluateAction(_prev: FormState, form: FormData): Promise<FormState> {
  const read = readForm(form, EVALUATE_FIELDS);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const caseId = await petitionerCaseId();
  if (!caseId) return refused(PETITIONER_REFUSALS.forbidden, values);
  const parsed = ZEvaluate.safeParse(values);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error), values);
  const { unit, bureau, comment, version } = parsed.data;
  try {
    await evaluateAnswer(caseId, caseId, version, { rating: { unit, bureau }, comment }, now());
  } catch (e) {
    return toFormState(e, values, { ...PETITIONER_REFUSALS, action: "evaluateAction" });
  }
  refreshPetitionerView();
  return { status: "done", result: undefined };
}

async function request(form: FormData, perform: typeof requestReview, action: string): Promise<FormState> {
  const read = readForm(form, REQUEST_REVIEW_FIELDS);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const caseId = await petitionerCaseId();
  if (!caseId) return refused(PETITIONER_REFUSALS.forbidden, values);
  const parsed = ZRequestReview.safeParse(values);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error), values);
  try {
    await perform(caseId, caseId, parsed.data.version, parsed.data.reasons, now());
  } catch (e) {
    return toFormState(e, values, { ...PETITIONER_REFUSALS, action });
  }
  refreshPetitionerView();
  return { status: "done", result: undefined };
}

/** 申请复查 (条例第35条), with reasons, within 30 days of the reply. */
export async function requestReviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  return request(form, requestReview, "requestReviewAction");
}

/** 申请复核 (条例第36条), with reasons, within 30 days of the 复查 answer. */
export async function requestRecheckAction(_prev: FormState, form: FormData): Promise<FormState> {
  return request(form, requestRecheck, "requestRecheckAction");
}
