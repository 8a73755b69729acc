"use server";
import {
  acceptCase,
  addInternalNote,
  addPublicNote,
  assignCase,
  notAcceptCase,
  publishCase,
  replyCase,
  requestExtension,
  requestInfo,
  returnCase,
  routeCase,
} from "@/lib/data/staff-case-actions";
import { translator } from "@/lib/i18n";
import {
  STAFF_FORM_FIELDS as F,
  ZAcceptCase,
  ZAssignCase,
  ZCaseText,
  ZNotAcceptCase,
  ZPublishCase,
  ZReplyCase,
  ZRequestExtension,
  ZReturnCase,
  ZRouteCase,
} from "@/lib/validation/staff";
import type { FormState } from "../form-state";
import { ref, runCaseAction } from "./run-case-action";

// The actions of the staff case page (工作人员办件). Each: parse → signed-in handler/supervisor → the data
// function, which takes authority from the case row (the petitionId in the form is only a lookup key).

/** 转送/交办 */
export async function routeCaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(
    form,
    F.route,
    ZRouteCase,
    (v, i, at) => routeCase(v, { ...ref(i, at), targetUnitId: i.targetUnitId, note: i.note }),
    (key) => (key.startsWith("route.") ? "targetUnitId" : undefined),
  );
}

/** 退回 */
export async function returnCaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(form, F.return, ZReturnCase, (v, i, at) => returnCase(v, { ...ref(i, at), reason: i.reason }));
}

/** 受理 */
export async function acceptCaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(form, F.accept, ZAcceptCase, (v, i, at) => acceptCase(v, ref(i, at)));
}

/**
 * 不予受理: the petitioner reads the reason and the proper channel in one note, written in the record's
 * language (zh-CN); the channel's code is kept in the event's data.
 */
export async function notAcceptCaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(form, F.notAccept, ZNotAcceptCase, (v, i, at) => {
    const t = translator("zh-CN");
    const label = t(`caseStaff.notAccept.channels.${i.properChannel}`);
    const channel = i.channelDetail ? `${label}（${i.channelDetail}）` : label;
    const reason = `${i.reason}\n${t("caseStaff.notAccept.noteChannel", { channel })}`;
    return notAcceptCase(v, { ...ref(i, at), reason, properChannel: i.properChannel });
  });
}

/** 分派 */
export async function assignCaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(
    form,
    F.assign,
    ZAssignCase,
    (v, i, at) => assignCase(v, { ...ref(i, at), assigneeId: i.assigneeId }),
    (key) => (key.startsWith("assign.") ? "assigneeId" : undefined),
  );
}

/** 内部备注: staff only. */
export async function addInternalNoteAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(form, F.text, ZCaseText, (v, i, at) => addInternalNote(v, { ...ref(i, at), text: i.text }));
}

/** 公开进展: public; refused while it holds personal data. */
export async function addPublicNoteAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(
    form,
    F.text,
    ZCaseText,
    (v, i, at) => addPublicNote(v, { ...ref(i, at), text: i.text }),
    (key) => (key === "publish.personalData" ? "text" : undefined),
  );
}

/** 要求补充材料: the petitioner sees it. */
export async function requestInfoAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(form, F.text, ZCaseText, (v, i, at) => requestInfo(v, { ...ref(i, at), text: i.text }));
}

/** 申请延期: recorded now, decided by a supervisor. */
export async function requestExtensionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(
    form,
    F.requestExtension,
    ZRequestExtension,
    (v, i, at) => requestExtension(v, { ...ref(i, at), days: i.days, reason: i.reason }),
    (key) => (key.startsWith("extension.") ? "days" : undefined),
  );
}

/** 答复 */
export async function replyCaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(
    form,
    F.reply,
    ZReplyCase,
    (v, i, at) => replyCase(v, { ...ref(i, at), outcome: i.outcome, replyText: i.replyText }),
    (key) => (key === "reply.outcome" ? "outcome" : undefined),
  );
}

/** 公开: the reviewed texts; the data layer refuses any that still hold personal data. */
export async function publishCaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCaseAction(form, F.publish, ZPublishCase, (v, i, at) =>
    publishCase(v, {
      ...ref(i, at),
      publicTitle: i.publicTitle,
      publicSummary: i.publicSummary,
      publicReply: i.publicReply,
    }),
  );
}
