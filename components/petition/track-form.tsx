"use client";
import { useActionState } from "react";
import { trackCase } from "@/lib/actions/track-case";
import type { FormState } from "@/lib/actions/form-state";
import { useLocale, useT } from "@/lib/i18n/client";
import { LOCALE_FIELD } from "@/lib/i18n/form-locale";
import { Field, SubmitButton, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";

/** 查询: the pair is POSTed, never put in a URL; the query code is never echoed back. */
export function TrackForm({ notice }: { notice?: string }) {
  const t = useT();
  const locale = useLocale();
  const [state, action, pending] = useActionState<FormState, FormData>(trackCase, { status: "idle" });
  const trackingNo = state.status === "error" ? (state.values.trackingNo ?? "") : "";
  return (
    <form
      action={action}
      className="max-w-md space-y-4 rounded-lg border border-stone-200 bg-white p-5"
      key={state.status === "error" ? `e-${trackingNo}` : "new"}
    >
      <input type="hidden" name={LOCALE_FIELD} value={locale} />
      {state.status === "error" ? (
        <Notice tone="error" role="alert">
          {t(state.message.key, state.message.params)}
        </Notice>
      ) : notice ? (
        <Notice tone="info">{notice}</Notice>
      ) : null}
      <Field
        name="trackingNo"
        label={t("track.trackingNo")}
        required
        requiredText={t("file.required")}
        hint={t("track.trackingNoHint")}
      >
        {(a) => (
          <input
            {...a}
            name="trackingNo"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            defaultValue={trackingNo}
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <Field
        name="queryCode"
        label={t("track.queryCode")}
        required
        requiredText={t("file.required")}
        hint={t("track.queryCodeHint")}
      >
        {(a) => (
          <input {...a} name="queryCode" type="password" autoComplete="off" className={`${inputClass} font-mono`} />
        )}
      </Field>
      <SubmitButton pending={pending}>{t("track.submit")}</SubmitButton>
    </form>
  );
}
