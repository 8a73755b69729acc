"use client";
import { useActionState } from "react";
import { updateSettingAction } from "@/lib/actions/update-setting";
import type { FormState } from "@/lib/actions/form-state";
import { useT } from "@/lib/i18n/client";
import { Field, SubmitButton, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import type { SettingKey } from "@/lib/domain/settings";

type Input = { kind: "number"; min: number; max: number } | { kind: "boolean" };

/** One setting: its value, saved on its own (works without JavaScript: the form posts to the server action). */
export function SettingForm({ settingKey, input, value }: { settingKey: SettingKey; input: Input; value: string }) {
  const t = useT();
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateSettingAction, { status: "idle" });
  const typed = state.status === "error" ? (state.values.value ?? value) : value;
  const error =
    state.status === "error" && state.fieldErrors.value
      ? t(state.fieldErrors.value.key, state.fieldErrors.value.params)
      : undefined;
  const name = `value-${settingKey}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" data-testid={`setting-${settingKey}`}>
      {state.status === "error" && !error ? (
        <Notice tone="error" role="alert">
          {t(state.message.key, state.message.params)}
        </Notice>
      ) : null}
      <input type="hidden" name="key" value={settingKey} />
      <div className="min-w-64 flex-1">
        <Field
          name={name}
          label={t(`settings.label.${settingKey}`)}
          hint={t(`settings.hint.${settingKey}`)}
          error={error}
        >
          {(a) =>
            input.kind === "boolean" ? (
              <select {...a} name="value" defaultValue={typed} className={inputClass}>
                <option value="true">{t("settings.on")}</option>
                <option value="false">{t("settings.off")}</option>
              </select>
            ) : (
              <input
                {...a}
                name="value"
                type="number"
                inputMode="numeric"
                min={input.min}
                max={input.max}
                step={1}
                defaultValue={typed}
                className={inputClass}
              />
            )
          }
        </Field>
      </div>
      <SubmitButton pending={pending}>{t("settings.save")}</SubmitButton>
      {state.status === "done" ? (
        <Notice tone="success" role="status">
          {t("settings.saved")}
        </Notice>
      ) : null}
    </form>
  );
}
