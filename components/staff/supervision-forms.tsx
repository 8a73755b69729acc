"use client";
import * as S from "@/lib/actions/staff/supervision-actions";
import { useT } from "@/lib/i18n/client";
import { LEADER_TITLES } from "@/lib/domain/charge-rule";
import { SUPERVISION_MEASURES, type SupervisionMeasure } from "@/lib/domain/supervision";
import { STAFF_LIMITS } from "@/lib/validation/staff-limits";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import { ActionForm, TextArea, type CaseRef, type Helpers } from "./case-action-forms";

// The supervisor's forms (督办, 督办升级, 延期审批, 领导包案) and the unit's written answer to an order. Like every form
// of the case page each posts to its server action with the case id and the version the page showed (it works
// without JavaScript); a refusal comes back with its message and what was typed.

function MeasureSelect({ h, measures }: { h: Helpers; measures: readonly SupervisionMeasure[] }) {
  return (
    <Field
      name={h.fid("measure")}
      label={h.t("supervision.issue.measure")}
      required
      requiredText={h.t("caseStaff.required")}
      error={h.err("measure")}
    >
      {(a) => (
        <select {...a} name="measure" defaultValue={h.v("measure")} className={inputClass}>
          <option value="">{h.t("caseStaff.choose")}</option>
          {measures.map((m) => (
            <option key={m} value={m}>
              {h.t(`supervision.measure.${m}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** 督办: the measure, the message for the unit, and the answer deadline it will get. */
export function SuperviseForm({ caseRef, dueText }: { caseRef: CaseRef; dueText: string }) {
  const t = useT();
  return (
    <ActionForm
      id="supervise"
      title={t("supervision.issue.title")}
      hint={<Notice tone="info">{dueText}</Notice>}
      action={S.superviseAction}
      submitLabel={t("supervision.issue.submit")}
      doneText={t("supervision.issue.done")}
      caseRef={caseRef}
    >
      {(h) => (
        <>
          <MeasureSelect h={h} measures={SUPERVISION_MEASURES} />
          <TextArea
            h={h}
            name="message"
            label={t("supervision.issue.message")}
            hint={t("supervision.issue.messageHint", STAFF_LIMITS.note)}
          />
        </>
      )}
    </ActionForm>
  );
}

/** 督办升级: a stronger measure replaces an order that awaits its answer. */
export function EscalateForm({
  caseRef,
  orderId,
  measure,
  to,
  dueDate,
}: {
  caseRef: CaseRef;
  orderId: string;
  measure: SupervisionMeasure;
  to: readonly SupervisionMeasure[];
  dueDate: string;
}) {
  const t = useT();
  return (
    <ActionForm
      id={`escalate-${orderId}`}
      title={t("supervision.escalate.title", { measure: t(`supervision.measure.${measure}`) })}
      hint={t("supervision.escalate.hint", { date: dueDate })}
      action={S.escalateSupervisionAction}
      submitLabel={t("supervision.escalate.submit")}
      doneText={t("supervision.escalate.done")}
      caseRef={caseRef}
    >
      {(h) => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <MeasureSelect h={h} measures={to} />
          <TextArea
            h={h}
            name="message"
            label={t("supervision.escalate.message")}
            hint={t("caseStaff.textHint", STAFF_LIMITS.note)}
          />
        </>
      )}
    </ActionForm>
  );
}

/** 督办答复: the supervised unit's written answer. */
export function AnswerOrderForm({
  caseRef,
  orderId,
  measure,
  dueDate,
}: {
  caseRef: CaseRef;
  orderId: string;
  measure: SupervisionMeasure;
  dueDate: string;
}) {
  const t = useT();
  return (
    <ActionForm
      id={`answer-${orderId}`}
      title={t("supervision.answer.title", { measure: t(`supervision.measure.${measure}`) })}
      hint={t("supervision.answer.due", { date: dueDate })}
      action={S.answerSupervisionAction}
      submitLabel={t("supervision.answer.submit")}
      doneText={t("supervision.answer.done")}
      caseRef={caseRef}
    >
      {(h) => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <TextArea
            h={h}
            name="answerText"
            label={t("supervision.answer.text")}
            hint={t("caseStaff.textHint", STAFF_LIMITS.note)}
          />
        </>
      )}
    </ActionForm>
  );
}

/**
 * 批准延期 / 不批准延期 of the request waiting (条例第34条). `idPrefix` keeps control ids unique where several cases'
 * forms share a page (the supervision board).
 */
export function ExtensionDecisionForms({
  caseRef,
  requestId,
  reason,
  mayApprove,
  idSuffix = "",
}: {
  caseRef: CaseRef;
  requestId: string;
  reason: string;
  mayApprove: boolean;
  idSuffix?: string;
}) {
  const t = useT();
  return (
    <div className="space-y-4">
      {mayApprove ? (
        <ActionForm
          id={`approveExtension${idSuffix}`}
          title={t("supervision.extension.approveTitle")}
          hint={<Notice tone="info">{t("supervision.extension.approveHint")}</Notice>}
          action={S.approveExtensionAction}
          submitLabel={t("supervision.extension.approveSubmit")}
          doneText={t("supervision.extension.approveDone")}
          caseRef={caseRef}
        >
          {(h) => (
            <>
              <input type="hidden" name="requestId" value={requestId} />
              <TextArea
                h={h}
                name="note"
                label={t("supervision.extension.approveReason")}
                defaultValue={reason}
                rows={3}
              />
            </>
          )}
        </ActionForm>
      ) : (
        <Notice tone="info">{t("supervision.extension.once")}</Notice>
      )}
      <ActionForm
        id={`rejectExtension${idSuffix}`}
        title={t("supervision.extension.rejectTitle")}
        action={S.rejectExtensionAction}
        submitLabel={t("supervision.extension.rejectSubmit")}
        doneText={t("supervision.extension.rejectDone")}
        tone="danger"
        caseRef={caseRef}
      >
        {(h) => (
          <>
            <input type="hidden" name="requestId" value={requestId} />
            <TextArea h={h} name="note" label={t("supervision.extension.rejectReason")} rows={3} />
          </>
        )}
      </ActionForm>
    </div>
  );
}

function DateField({ h, name, label, fallback }: { h: Helpers; name: string; label: string; fallback?: string }) {
  return (
    <Field name={h.fid(name)} label={label} required requiredText={h.t("caseStaff.required")} error={h.err(name)}>
      {(a) => (
        <input {...a} name={name} type="date" defaultValue={h.v(name, fallback)} className={`${inputClass} max-w-48`} />
      )}
    </Field>
  );
}

/** 领导包案: the office from the fixed list (no name can be typed), the start and the target date. */
export function TakeChargeForm({ caseRef, today }: { caseRef: CaseRef; today: string }) {
  const t = useT();
  return (
    <ActionForm
      id="takeCharge"
      title={t("supervision.charge.title")}
      hint={t("supervision.charge.titleHint")}
      action={S.takeChargeAction}
      submitLabel={t("supervision.charge.submit")}
      doneText={t("supervision.charge.done")}
      caseRef={caseRef}
    >
      {(h) => (
        <>
          <Field
            name={h.fid("title")}
            label={t("supervision.charge.leaderTitle")}
            required
            requiredText={t("caseStaff.required")}
            error={h.err("title")}
          >
            {(a) => (
              <select {...a} name="title" defaultValue={h.v("title")} className={inputClass}>
                <option value="">{t("caseStaff.choose")}</option>
                {LEADER_TITLES.map((title) => (
                  <option key={title} value={title}>
                    {title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <DateField h={h} name="startDate" label={t("supervision.charge.startDate")} fallback={today} />
          <DateField h={h} name="targetDate" label={t("supervision.charge.targetDate")} />
        </>
      )}
    </ActionForm>
  );
}

/** 包案结束: resolved (化解) or not. */
export function EndChargeForm({ caseRef, current }: { caseRef: CaseRef; current: string }) {
  const t = useT();
  return (
    <ActionForm
      id="endCharge"
      title={t("supervision.charge.endTitle")}
      hint={current}
      action={S.endChargeAction}
      submitLabel={t("supervision.charge.endSubmit")}
      doneText={t("supervision.charge.endDone")}
      caseRef={caseRef}
    >
      {(h) => {
        const error = h.err("resolved");
        return (
          <fieldset aria-describedby={error ? `${h.fid("resolved")}-error` : undefined}>
            <legend className="font-medium">
              {t("supervision.charge.outcome")} <span className="text-sm text-red-800">*</span>
            </legend>
            {error ? (
              <p id={`${h.fid("resolved")}-error`} className="text-sm font-medium text-red-800">
                {error}
              </p>
            ) : null}
            {(["yes", "no"] as const).map((v) => (
              <label key={v} className="mr-6 inline-flex items-center gap-2">
                <input
                  type="radio"
                  name="resolved"
                  value={v}
                  defaultChecked={h.v("resolved") === v}
                  className="h-4 w-4"
                />
                {t(v === "yes" ? "supervision.charge.resolved" : "supervision.charge.notResolved")}
              </label>
            ))}
          </fieldset>
        );
      }}
    </ActionForm>
  );
}
