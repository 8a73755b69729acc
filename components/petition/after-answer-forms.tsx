"use client";
import { evaluateAction, requestRecheckAction, requestReviewAction } from "@/lib/actions/after-answer";
import { REVIEW_LIMITS } from "@/lib/domain/review-chain";
import { Field, SubmitButton, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import { usePetitionerForm } from "./use-petitioner-form";

// The petitioner's forms after the answer: 评价, 申请复查, 申请复核. The page shows each only when the rules allow it
// (lib/data/review-view.ts); each posts to its server action, so it works without JavaScript, and a refusal comes
// back with its message and what was typed.

const RATINGS = ["SATISFIED", "BASIC", "UNSATISFIED"] as const;

function RatingGroup({
  name,
  legend,
  error,
  value,
  label,
  requiredText,
}: {
  name: "unit" | "bureau";
  legend: string;
  error?: string;
  value: string;
  label: (r: (typeof RATINGS)[number]) => string;
  requiredText: string;
}) {
  const errorId = `f-${name}-error`;
  return (
    <fieldset className="space-y-1" aria-describedby={error ? errorId : undefined} data-testid={`rating-${name}`}>
      <legend className="font-medium text-stone-800">
        {legend}
        <span className="ml-1 text-red-700" aria-hidden="true">
          *
        </span>
        <span className="sr-only">（{requiredText}）</span>
      </legend>
      <div className="flex flex-wrap gap-4">
        {RATINGS.map((r) => (
          <label key={r} className="flex items-center gap-2" htmlFor={`f-${name}-${r}`}>
            <input
              id={`f-${name}-${r}`}
              type="radio"
              name={name}
              value={r}
              defaultChecked={value === r}
              className="h-5 w-5"
            />
            {label(r)}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** 评价 of the latest answer: the handling unit and the petition bureau, each 满意 / 基本满意 / 不满意. */
export function EvaluateForm({ version, hint }: { version: number; hint: string }) {
  const { t, state, formAction, pending, err, v, notice, key } = usePetitionerForm(evaluateAction);
  if (state.status === "done")
    return (
      <Notice tone="success" role="status">
        {t("afterAnswer.evaluation.done")}
      </Notice>
    );
  const label = (r: (typeof RATINGS)[number]) => t(`enums.satisfaction.${r}`);
  return (
    <form action={formAction} noValidate className="space-y-4" key={key} data-testid="evaluate-form">
      {notice}
      <p className="text-sm text-stone-700">{hint}</p>
      <input type="hidden" name="version" value={version} />
      <RatingGroup
        name="unit"
        legend={t("afterAnswer.evaluation.unitRating")}
        error={err("unit")}
        value={v("unit")}
        label={label}
        requiredText={t("file.required")}
      />
      <RatingGroup
        name="bureau"
        legend={t("afterAnswer.evaluation.bureauRating")}
        error={err("bureau")}
        value={v("bureau")}
        label={label}
        requiredText={t("file.required")}
      />
      <Field
        name="comment"
        label={t("afterAnswer.evaluation.comment")}
        hint={t("afterAnswer.evaluation.commentHint", { max: REVIEW_LIMITS.comment.max })}
        error={err("comment")}
      >
        {(a) => <textarea {...a} name="comment" rows={3} defaultValue={v("comment")} className={inputClass} />}
      </Field>
      <SubmitButton pending={pending}>{t("afterAnswer.evaluation.submit")}</SubmitButton>
    </form>
  );
}

/** 申请复查 (条例第35条) or 申请复核 (第36条): the reasons, required. */
export function RequestReviewForm({
  version,
  kind,
  unitName,
}: {
  version: number;
  kind: "review" | "recheck";
  unitName: string;
}) {
  const { t, state, formAction, pending, err, v, notice, key } = usePetitionerForm(
    kind === "review" ? requestReviewAction : requestRecheckAction,
  );
  const ns = kind === "review" ? "reviewForm" : "recheckForm";
  if (state.status === "done")
    return (
      <Notice tone="success" role="status">
        {t(`afterAnswer.${ns}.done`)}
      </Notice>
    );
  return (
    <form action={formAction} noValidate className="space-y-3" key={key} data-testid={`${kind}-request-form`}>
      {notice}
      <p className="text-sm text-stone-700">{t(`afterAnswer.${ns}.hint`, { unit: unitName })}</p>
      <input type="hidden" name="version" value={version} />
      <Field
        name={`${kind}-reasons`}
        label={t(`afterAnswer.${ns}.reasons`)}
        required
        requiredText={t("file.required")}
        hint={t(`afterAnswer.${ns}.reasonsHint`, REVIEW_LIMITS.reasons)}
        error={err("reasons")}
      >
        {(a) => <textarea {...a} name="reasons" rows={5} defaultValue={v("reasons")} className={inputClass} />}
      </Field>
      <SubmitButton pending={pending}>{t(`afterAnswer.${ns}.submit`)}</SubmitButton>
    </form>
  );
}
