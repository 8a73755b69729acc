"use server";
import {
  answerSupervision,
  approveExtension,
  endCharge,
  escalateSupervision,
  rejectExtension,
  superviseCase,
  takeCharge,
} from "@/lib/data/supervision-actions";
import {
  SUPERVISION_FORM_FIELDS as F,
  ZAnswerSupervision,
  ZDecideExtension,
  ZEndCharge,
  ZEscalateSupervision,
  ZSupervise,
  ZTakeCharge,
} from "@/lib/validation/supervision";
import type { FormState } from "../form-state";
import { ref, runCaseAction } from "./run-case-action";

// The supervisor's actions (督办, 督办升级, 延期审批, 领导包案) and the unit's written answer to an order, from the case page
// and the supervision board. Each: parse → signed-in handler/supervisor → the data function, which takes authority
// from the case row (the ids in the form are only lookup keys).

/** 督办 */
export async function superviseAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(form, F.supervise, ZSupervise, (v, i, at) =>
    superviseCase(v, { ...ref(i, at), measure: i.measure, message: i.message }),
  );
}

/** 督办升级 */
export async function escalateSupervisionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(
    form,
    F.escalate,
    ZEscalateSupervision,
    (v, i, at) => escalateSupervision(v, { ...ref(i, at), orderId: i.orderId, measure: i.measure, message: i.message }),
    (key) => (key === "supervision.notStronger" ? "measure" : undefined),
  );
}

/** 督办答复 */
export async function answerSupervisionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(form, F.answer, ZAnswerSupervision, (v, i, at) =>
    answerSupervision(v, { ...ref(i, at), orderId: i.orderId, answerText: i.answerText }),
  );
}

/** 批准延期 */
export async function approveExtensionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return decideExtension(form, approveExtension);
}

/** 不批准延期 */
export async function rejectExtensionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return decideExtension(form, rejectExtension);
}

/** Both decisions on an extension request read the same form; only the data function differs. */
function decideExtension(form: FormData, decide: typeof approveExtension | typeof rejectExtension) {
  return runCaseAction(form, F.decideExtension, ZDecideExtension, (v, i, at) =>
    decide(v, { ...ref(i, at), requestId: i.requestId, note: i.note }),
  );
}

/** 领导包案 */
export async function takeChargeAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(
    form,
    F.takeCharge,
    ZTakeCharge,
    (v, i, at) => takeCharge(v, { ...ref(i, at), title: i.title, startDate: i.startDate, targetDate: i.targetDate }),
    (key) =>
      key === "charge.dates"
        ? "targetDate"
        : key === "charge.startInFuture"
          ? "startDate"
          : key === "charge.title"
            ? "title"
            : undefined,
  );
}

/** 包案结束 */
export async function endChargeAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(form, F.endCharge, ZEndCharge, (v, i, at) =>
    endCharge(v, { ...ref(i, at), resolved: i.resolved }),
  );
}
