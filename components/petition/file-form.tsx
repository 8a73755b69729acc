"use client";
import { useActionState } from "react";
import { submitPetition, type SubmitPetitionResult } from "@/lib/actions/submit-petition";
import type { FormState } from "@/lib/actions/form-state";
import { useT } from "@/lib/i18n/client";
import { LIMITS } from "@/lib/domain/petition-rules";
import { Field, SubmitButton, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import { Receipt } from "./receipt";
import { FilingChallenge } from "./filing-challenge";

type Option = { id: string; name: string };

/** 我要写信. Posts to a server action, so it works with JavaScript off; with it, it stays on the page. */
export function FileForm({
  categories,
  townships,
  accusableUnits,
}: {
  categories: Option[];
  townships: Option[];
  /** 检举控告: the units a petitioner may name as accused (always shown, so the form works without script). */
  accusableUnits: Option[];
}) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState<SubmitPetitionResult>, FormData>(submitPetition, {
    status: "idle",
  });
  if (state.status === "done") return <Receipt result={state.result} />;
  const err = (name: string) => {
    const e = state.status === "error" ? state.fieldErrors[name] : undefined;
    return e ? t(e.key, e.params) : undefined;
  };
  const v = (name: string) => (state.status === "error" ? (state.values[name] ?? "") : "");
  const req = t("file.required");
  // `key` remounts the inputs with what was typed after a refused submission (React resets forms after actions).
  const formKey = state.status === "error" ? JSON.stringify(state.values) : "new";
  return (
    <form action={action} noValidate className="space-y-6" key={formKey}>
      {state.status === "error" ? (
        <Notice tone="error" role="alert">
          {t(state.message.key, state.message.params)}
        </Notice>
      ) : null}
      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("file.sectionMatter")}</legend>
        <Field name="categoryId" label={t("file.category")} required requiredText={req} error={err("categoryId")}>
          {(a) => (
            <select {...a} name="categoryId" defaultValue={v("categoryId")} className={inputClass}>
              <option value="">{t("file.categoryPlaceholder")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Notice tone="info">{t("file.accusationNote")}</Notice>
        <Field
          name="accusedUnitId"
          label={t("file.accusedUnit")}
          hint={t("file.accusedUnitHint")}
          error={err("accusedUnitId")}
        >
          {(a) => (
            <select {...a} name="accusedUnitId" defaultValue={v("accusedUnitId")} className={inputClass}>
              <option value="">{t("file.accusedUnitNone")}</option>
              {accusableUnits.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="title"
          label={t("file.titleField")}
          required
          requiredText={req}
          hint={t("file.titleHint", LIMITS.title)}
          error={err("title")}
        >
          {(a) => (
            <input
              {...a}
              name="title"
              type="text"
              defaultValue={v("title")}
              maxLength={LIMITS.title.max * 2}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          name="content"
          label={t("file.content")}
          required
          requiredText={req}
          hint={t("file.contentHint", LIMITS.content)}
          error={err("content")}
        >
          {(a) => <textarea {...a} name="content" rows={10} defaultValue={v("content")} className={inputClass} />}
        </Field>
        <Field name="placeId" label={t("file.township")} required requiredText={req} error={err("placeId")}>
          {(a) => (
            <select {...a} name="placeId" defaultValue={v("placeId")} className={inputClass}>
              <option value="">{t("file.categoryPlaceholder")}</option>
              {townships.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("file.sectionPerson")}</legend>
        <Field name="name" label={t("file.name")} required requiredText={req} error={err("name")}>
          {(a) => (
            <input {...a} name="name" type="text" autoComplete="name" defaultValue={v("name")} className={inputClass} />
          )}
        </Field>
        <Field name="phone" label={t("file.phone")} required requiredText={req} error={err("phone")}>
          {(a) => (
            <input
              {...a}
              name="phone"
              type="tel"
              inputMode="numeric"
              autoComplete="tel"
              defaultValue={v("phone")}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="address" label={t("file.address")} required requiredText={req} error={err("address")}>
          {(a) => (
            <input
              {...a}
              name="address"
              type="text"
              autoComplete="street-address"
              defaultValue={v("address")}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="idNumber" label={t("file.idNumber")} error={err("idNumber")}>
          {(a) => (
            <input
              {...a}
              name="idNumber"
              type="text"
              autoComplete="off"
              defaultValue={v("idNumber")}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="email" label={t("file.email")} error={err("email")}>
          {(a) => (
            <input
              {...a}
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={v("email")}
              className={inputClass}
            />
          )}
        </Field>
      </fieldset>
      <fieldset className="space-y-2 rounded-lg border border-stone-200 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("file.sectionPublish")}</legend>
        <div className="flex items-start gap-3">
          <input
            id="f-consentPublic"
            name="consentPublic"
            type="checkbox"
            defaultChecked={v("consentPublic") === "on"}
            className="mt-1 h-5 w-5"
            aria-describedby="f-consentPublic-hint"
          />
          <label htmlFor="f-consentPublic">{t("file.consent")}</label>
        </div>
        <p id="f-consentPublic-hint" className="text-sm text-stone-600">
          {t("file.consentHint")}
        </p>
      </fieldset>
      <FilingChallenge />
      <SubmitButton pending={pending}>{pending ? t("file.submitting") : t("file.submit")}</SubmitButton>
    </form>
  );
}
