"use client";
import { linkRepeatAction, recheckReplyAction, reviewReplyAction } from "@/lib/actions/staff/review-actions";
import { useT } from "@/lib/i18n/client";
import type { Outcome } from "@/lib/domain/petition-rules";
import { REVIEW_LIMITS } from "@/lib/domain/review-chain";
import { Field, inputClass } from "@/components/ui/field";
import { ActionForm, OutcomeSelect, TextArea, type CaseRef } from "./case-action-forms";

// The staff case page's forms of the chain after the answer: 复查答复, 复核答复 (by the reviewing body, whose scope
// holds the case now) and 关联重复信访. In the shell of every case page form (ActionForm): each posts to its server
// action with the case id and the version the page showed (works without JavaScript); a refusal keeps what was typed.

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
    <ActionForm
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
          <OutcomeSelect h={h} label={t(`reviewStaff.${kind}.outcome`)} outcomes={outcomes} />
          <TextArea
            h={h}
            name="text"
            label={t(`reviewStaff.${kind}.text`)}
            hint={t(`reviewStaff.${kind}.textHint`, REVIEW_LIMITS.answerText)}
            rows={6}
          />
        </>
      )}
    </ActionForm>
  );
}

/** 关联重复信访: the tracking number of the FINAL case this one repeats. */
export function LinkRepeatForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useT();
  return (
    <ActionForm
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
    </ActionForm>
  );
}
