"use client";
import { useActionState } from "react";
import { linkRepeatAction, recheckReplyAction, reviewReplyAction } from "@/lib/actions/staff/review-actions";
import type { FormState } from "@/lib/actions/form-state";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { useT } from "@/lib/i18n/client";
import type { Outcome } from "@/lib/domain/petition-rules";
import { REVIEW_LIMITS } from "@/lib/domain/review-chain";
import { Field, SubmitButton, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";

// The staff case page's forms of the chain after the answer: 复查答复, 复核答复 (by the reviewing body, whose scope
// holds the case now) and 关联重复信访. Like components/staff/case-action-forms.tsx: each posts to its server action
// with the case id and the version the page showed (works without JavaScript); a refusal keeps what was typed.

type Action = (s: FormState, f: FormData) => Promise<FormState>;
type CaseRef = { locale: Locale; petitionId: string; version: number };
type Helpers = {
  t: Translate;
  err: (name: string) => string | undefined;
  v: (name: string) => string;
  fid: (name: string) => string;
};

function ReviewActionForm({
  id,
  title,
  hint,
  action,
  submitLabel,
  doneText,
  caseRef,
  children,
}: {
  id: string;
  title: string;
  hint: React.ReactNode;
  action: Action;
  submitLabel: string;
  doneText: string;
  caseRef: CaseRef;
  children: (h: Helpers) => React.ReactNode;
}) {
  const t = useT();
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, { status: "idle" });
  const h: Helpers = {
    t,
    err: (name) => {
      const e = state.status === "error" ? state.fieldErrors[name] : undefined;
      return e ? t(e.key, e.params) : undefined;
    },
    v: (name) => (state.status === "error" ? (state.values[name] ?? "") : ""),
    fid: (name) => `${id}-${name}`,
  };
  const headingId = `${id}-title`;
  const formKey = state.status === "error" ? JSON.stringify(state.values) : state.status;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`action-${id}`}
      className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
    >
      <h3 id={headingId} className="mb-2 text-base font-semibold text-stone-900">
        {title}
      </h3>
      <form action={formAction} noValidate className="space-y-3" key={formKey}>
        {state.status === "error" ? (
          <Notice tone="error" role="alert">
            {t(state.message.key, state.message.params)}
          </Notice>
        ) : null}
        {state.status === "done" ? (
          <Notice tone="success" role="status">
            {doneText}
          </Notice>
        ) : null}
        <div className="text-sm text-stone-700">{hint}</div>
        <input type="hidden" name="petitionId" value={caseRef.petitionId} />
        <input type="hidden" name="version" value={caseRef.version} />
        {children(h)}
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </form>
    </section>
  );
}

/**
 * 复查答复 (条例第35条) / 复核答复 (第36条): the body's own outcome and text. The text goes to the petitioner through
 * the case's fields; the public sees only that the answer was given (and whether it upheld the outcome).
 */
export function ReviewAnswerForm({
  caseRef,
  kind,
  outcomes,
  underReview,
}: {
  caseRef: CaseRef;
  kind: "reviewReply" | "recheckReply";
  outcomes: readonly Outcome[];
  /** The outcome being reviewed: the reply's (复查) or the 复查 answer's (复核). */
  underReview: Outcome | null;
}) {
  const t = useT();
  return (
    <ReviewActionForm
      id={kind}
      title={t(`reviewStaff.${kind}.title`)}
      hint={t(`reviewStaff.${kind}.hint`, { outcome: underReview ? t(`enums.outcome.${underReview}`) : "—" })}
      action={kind === "reviewReply" ? reviewReplyAction : recheckReplyAction}
      submitLabel={t(`reviewStaff.${kind}.submit`)}
      doneText={t(`reviewStaff.${kind}.done`)}
      caseRef={caseRef}
    >
      {(h) => (
        <>
          <Field
            name={h.fid("outcome")}
            label={t(`reviewStaff.${kind}.outcome`)}
            required
            requiredText={t("caseStaff.required")}
            error={h.err("outcome")}
          >
            {(a) => (
              <select {...a} name="outcome" defaultValue={h.v("outcome")} className={inputClass}>
                <option value="">{t("caseStaff.choose")}</option>
                {outcomes.map((o) => (
                  <option key={o} value={o}>
                    {t(`enums.outcome.${o}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name={h.fid("text")}
            label={t(`reviewStaff.${kind}.text`)}
            hint={t(`reviewStaff.${kind}.textHint`, REVIEW_LIMITS.answerText)}
            required
            requiredText={t("caseStaff.required")}
            error={h.err("text")}
          >
            {(a) => <textarea {...a} name="text" rows={6} defaultValue={h.v("text")} className={inputClass} />}
          </Field>
        </>
      )}
    </ReviewActionForm>
  );
}

/** 关联重复信访: the tracking number of the FINAL case this one repeats. */
export function LinkRepeatForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useT();
  return (
    <ReviewActionForm
      id="linkRepeat"
      title={t("reviewStaff.linkRepeat.title")}
      hint={t("reviewStaff.linkRepeat.hint")}
      action={linkRepeatAction}
      submitLabel={t("reviewStaff.linkRepeat.submit")}
      doneText={t("reviewStaff.linkRepeat.done")}
      caseRef={caseRef}
    >
      {(h) => (
        <Field
          name={h.fid("trackingNo")}
          label={t("reviewStaff.linkRepeat.trackingNo")}
          required
          requiredText={t("caseStaff.required")}
          error={h.err("trackingNo")}
        >
          {(a) => (
            <input
              {...a}
              name="trackingNo"
              type="text"
              autoComplete="off"
              defaultValue={h.v("trackingNo")}
              className={`${inputClass} font-mono`}
            />
          )}
        </Field>
      )}
    </ReviewActionForm>
  );
}
