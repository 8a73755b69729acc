"use client";
import { addSupplementAction } from "@/lib/actions/add-supplement";
import { withdrawPetitionAction } from "@/lib/actions/withdraw-petition";
import { LIMITS } from "@/lib/domain/petition-rules";
import { CheckboxField, Field, SubmitButton, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import { usePetitionerForm } from "./use-petitioner-form";

/** 补充材料. `version` is the case version the petitioner saw: if staff acted meanwhile, they are told. */
export function SupplementForm({ version }: { version: number }) {
  const { t, state, formAction, pending, err, v, notice, key } = usePetitionerForm(addSupplementAction);
  return (
    <form action={formAction} className="space-y-3" key={key}>
      {notice}
      {state.status === "done" ? (
        <Notice tone="success" role="status">
          {t("view.supplementDone")}
        </Notice>
      ) : null}
      <input type="hidden" name="version" value={version} />
      <Field
        name="text"
        label={t("view.supplementTitle")}
        required
        requiredText={t("file.required")}
        hint={t("view.supplementHint", LIMITS.supplement)}
        error={err("text")}
      >
        {(a) => <textarea {...a} name="text" rows={5} defaultValue={v("text")} className={inputClass} />}
      </Field>
      <SubmitButton pending={pending}>{t("view.supplementSubmit")}</SubmitButton>
    </form>
  );
}

/** 撤回: an explicit confirmation box, so one stray click cannot end a case. */
export function WithdrawForm({ version }: { version: number }) {
  const { t, state, formAction, pending, err, v, notice, key } = usePetitionerForm(withdrawPetitionAction);
  if (state.status === "done") {
    return (
      <Notice tone="success" role="status">
        {t("view.withdrawDone")}
      </Notice>
    );
  }
  return (
    <form action={formAction} className="space-y-3" key={key}>
      {notice}
      <p className="text-sm text-stone-700">{t("view.withdrawHint")}</p>
      <input type="hidden" name="version" value={version} />
      <Field name="reason" label={t("view.withdrawReason")} error={err("reason")}>
        {(a) => <textarea {...a} name="reason" rows={2} defaultValue={v("reason")} className={inputClass} />}
      </Field>
      <CheckboxField id="f-confirm" name="confirm" label={t("view.withdrawConfirm")} error={err("confirm")} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border-2 border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50"
      >
        {t("view.withdrawSubmit")}
      </button>
    </form>
  );
}
