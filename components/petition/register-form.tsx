"use client";
import { useActionState } from "react";
import { registerPetition, type RegisterPetitionResult } from "@/lib/actions/register-petition";
import type { FormState } from "@/lib/actions/form-state";
import type { Translate } from "@/lib/i18n/translate";
import { useT } from "@/lib/i18n/client";
import { LIMITS, MAX_REPRESENTATIVES } from "@/lib/domain/petition-rules";
import { REGISTER_CHANNELS } from "@/lib/domain/registration";
import { Field, SubmitButton, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import { RegisterReceipt } from "./register-receipt";

type Option = { id: string; name: string };
type CategoryOption = Option & { kind: string };

// Sections that belong to some channels only are hidden with CSS (:has on the checked channel), not
// script, so the form works the same with JavaScript off; the server ignores what does not apply.
// No "_" inside these selectors: Tailwind reads it as a space (hence ^=HIGHER and $=ASSIGN).
const ONLY_VISIT = "group-has-[input[name=channel]:checked:not([value=VISIT])]:hidden";
const ONLY_HIGHER = "group-has-[input[name=channel]:checked:not([value^=HIGHER])]:hidden";
const ONLY_ASSIGN = "group-has-[input[name=channel]:checked:not([value$=ASSIGN])]:hidden";
const ONLY_ACCUSATION = "group-has-[select[name=categoryId]_option:checked:not([data-kind=ACCUSATION])]:hidden";
const fieldset = "space-y-4 rounded-lg border border-stone-200 bg-white p-5";
const legend = "px-1 text-lg font-semibold";

/** 登记: the bureau's intake form for letters, visits, calls, faxes and higher-level transfers. */
export function RegisterForm({
  categories,
  townships,
  units,
  defaultReceivedAt,
  trackUrl,
}: {
  categories: CategoryOption[];
  townships: Option[];
  units: Option[];
  defaultReceivedAt: string;
  trackUrl: string;
}) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState<RegisterPetitionResult>, FormData>(registerPetition, {
    status: "idle",
  });
  if (state.status === "done") return <RegisterReceipt result={state.result} trackUrl={trackUrl} />;
  const err = (name: string) => {
    const e = state.status === "error" ? state.fieldErrors[name] : undefined;
    return e ? t(e.key, e.params) : undefined;
  };
  const typed = state.status === "error" ? state.values : null;
  const v = (name: string, fallback = "") => (typed ? (typed[name] ?? "") : fallback);
  const req = t("file.required");
  // `key` remounts the inputs with what was typed after a refused submission (React resets forms after actions).
  const formKey = typed ? JSON.stringify(typed) : "new";
  const select = (name: string, options: (Option & { kind?: string })[], placeholder: string) =>
    function OptionSelect(a: object) {
      return (
        <select {...a} name={name} defaultValue={v(name)} className={inputClass}>
          <option value="">{placeholder}</option>
          {options.map((o) => (
            // data-kind lets the CSS show the accused-unit field for accusations only.
            <option key={o.id} value={o.id} data-kind={o.kind}>
              {o.name}
            </option>
          ))}
        </select>
      );
    };
  return (
    <form action={action} noValidate className="group space-y-6" key={formKey}>
      {state.status === "error" ? (
        <Notice tone="error" role="alert">
          {t(state.message.key, state.message.params)}
        </Notice>
      ) : null}

      <fieldset className={fieldset}>
        <legend className={legend}>{t("register.sectionSource")}</legend>
        <ChannelChoice t={t} value={v("channel")} error={err("channel")} requiredText={req} />
        <Field
          name="receivedAt"
          label={t("register.receivedAt")}
          required
          requiredText={req}
          hint={t("register.receivedAtHint")}
          error={err("receivedAt")}
        >
          {(a) => (
            <input
              {...a}
              name="receivedAt"
              type="datetime-local"
              defaultValue={v("receivedAt", defaultReceivedAt)}
              max={defaultReceivedAt}
              className={inputClass}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className={`${fieldset} ${ONLY_VISIT}`}>
        <legend className={legend}>{t("register.sectionVisit")}</legend>
        <Field
          name="personCount"
          label={t("register.personCount")}
          required
          requiredText={req}
          hint={t("register.personCountHint")}
          error={err("personCount")}
        >
          {(a) => (
            <input
              {...a}
              name="personCount"
              type="number"
              inputMode="numeric"
              min={1}
              max={10000}
              step={1}
              defaultValue={v("personCount", "1")}
              className={`${inputClass} max-w-40`}
            />
          )}
        </Field>
        <Representatives t={t} v={v} err={err} />
      </fieldset>

      <fieldset className={`${fieldset} ${ONLY_HIGHER}`}>
        <legend className={legend}>{t("register.sectionHigher")}</legend>
        <Field
          name="sourceDocNo"
          label={t("register.sourceDocNo")}
          required
          requiredText={req}
          hint={t("register.sourceDocNoHint")}
          error={err("sourceDocNo")}
        >
          {(a) => (
            <input {...a} name="sourceDocNo" type="text" defaultValue={v("sourceDocNo")} className={inputClass} />
          )}
        </Field>
        <div className={ONLY_ASSIGN}>
          <Field
            name="feedbackDueDate"
            label={t("register.feedbackDueDate")}
            required
            requiredText={req}
            hint={t("register.feedbackDueDateHint")}
            error={err("feedbackDueDate")}
          >
            {(a) => (
              <input
                {...a}
                name="feedbackDueDate"
                type="date"
                defaultValue={v("feedbackDueDate")}
                className={`${inputClass} max-w-60`}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("register.sectionMatter")}</legend>
        <Field name="categoryId" label={t("file.category")} required requiredText={req} error={err("categoryId")}>
          {select("categoryId", categories, t("file.categoryPlaceholder"))}
        </Field>
        <div className={ONLY_ACCUSATION}>
          <Field
            name="accusedUnitId"
            label={t("register.accusedUnit")}
            hint={t("register.accusedUnitHint")}
            error={err("accusedUnitId")}
          >
            {select("accusedUnitId", units, t("register.accusedUnitNone"))}
          </Field>
        </div>
        <Field
          name="title"
          label={t("file.titleField")}
          required
          requiredText={req}
          hint={t("file.titleHint", LIMITS.title)}
          error={err("title")}
        >
          {(a) => <input {...a} name="title" type="text" defaultValue={v("title")} className={inputClass} />}
        </Field>
        <Field
          name="content"
          label={t("register.content")}
          required
          requiredText={req}
          hint={t("register.contentHint", LIMITS.content)}
          error={err("content")}
        >
          {(a) => <textarea {...a} name="content" rows={10} defaultValue={v("content")} className={inputClass} />}
        </Field>
        <Field name="placeId" label={t("file.township")} required requiredText={req} error={err("placeId")}>
          {select("placeId", townships, t("file.categoryPlaceholder"))}
        </Field>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("register.sectionPerson")}</legend>
        <Field name="name" label={t("file.name")} required requiredText={req} error={err("name")}>
          {(a) => (
            <input {...a} name="name" type="text" autoComplete="off" defaultValue={v("name")} className={inputClass} />
          )}
        </Field>
        <Field name="phone" label={t("register.phone")} hint={t("register.phoneHint")} error={err("phone")}>
          {(a) => (
            <input {...a} name="phone" type="tel" autoComplete="off" defaultValue={v("phone")} className={inputClass} />
          )}
        </Field>
        <Field name="address" label={t("file.address")} required requiredText={req} error={err("address")}>
          {(a) => (
            <input
              {...a}
              name="address"
              type="text"
              autoComplete="off"
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
              autoComplete="off"
              defaultValue={v("email")}
              className={inputClass}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="space-y-2 rounded-lg border border-stone-200 bg-white p-5">
        <legend className={legend}>{t("register.sectionPublish")}</legend>
        <div className="flex items-start gap-3">
          <input
            id="f-consentPublic"
            name="consentPublic"
            type="checkbox"
            defaultChecked={v("consentPublic") === "on"}
            className="mt-1 h-5 w-5"
            aria-describedby="f-consentPublic-hint"
          />
          <label htmlFor="f-consentPublic">{t("register.consent")}</label>
        </div>
        <p id="f-consentPublic-hint" className="text-sm text-stone-600">
          {t("register.consentHint")}
        </p>
      </fieldset>

      <SubmitButton pending={pending}>{pending ? t("register.submitting") : t("register.submit")}</SubmitButton>
    </form>
  );
}

/** The channel as radio buttons: every choice visible at once, and the checked one drives the CSS above. */
function ChannelChoice({
  t,
  value,
  error,
  requiredText,
}: {
  t: Translate;
  value: string;
  error?: string;
  requiredText: string;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "f-channel-error" : undefined}>
      <legend className="font-medium text-stone-800">
        {t("register.channel")}
        <span className="ml-1 text-red-700" aria-hidden="true">
          *
        </span>
        <span className="sr-only">（{requiredText}）</span>
      </legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {REGISTER_CHANNELS.map((c) => (
          <label key={c} className="flex items-center gap-2">
            <input
              id={`f-channel-${c}`}
              type="radio"
              name="channel"
              value={c}
              defaultChecked={value === c}
              aria-describedby={error ? "f-channel-error" : undefined}
              className="h-5 w-5"
            />
            {t(`enums.channel.${c}`)}
          </label>
        ))}
      </div>
      {error ? (
        <p id="f-channel-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Five optional rows (条例第20条: at most five representatives); no script adds or removes rows. */
function Representatives({
  t,
  v,
  err,
}: {
  t: Translate;
  v: (name: string) => string;
  err: (name: string) => string | undefined;
}) {
  const listError = err("representatives");
  return (
    <fieldset
      className="space-y-3"
      aria-describedby={["f-representatives-hint", listError ? "f-representatives-error" : null]
        .filter(Boolean)
        .join(" ")}
    >
      <legend className="font-medium text-stone-800">{t("register.representatives")}</legend>
      <p id="f-representatives-hint" className="text-sm text-stone-600">
        {t("register.representativesHint")}
      </p>
      {listError ? (
        <p id="f-representatives-error" className="text-sm font-medium text-red-700">
          {listError}
        </p>
      ) : null}
      {Array.from({ length: MAX_REPRESENTATIVES }, (_, i) => (
        <fieldset key={i} className="grid gap-3 rounded-md border border-stone-200 p-3 sm:grid-cols-3">
          <legend className="px-1 text-sm font-medium">{t("register.representative", { n: i + 1 })}</legend>
          <Field name={`rep${i}Name`} label={t("register.repName")} error={err(`rep${i}Name`)}>
            {(a) => (
              <input
                {...a}
                name={`rep${i}Name`}
                type="text"
                autoComplete="off"
                defaultValue={v(`rep${i}Name`)}
                className={inputClass}
              />
            )}
          </Field>
          <Field name={`rep${i}Phone`} label={t("register.repPhone")} error={err(`rep${i}Phone`)}>
            {(a) => (
              <input
                {...a}
                name={`rep${i}Phone`}
                type="tel"
                autoComplete="off"
                defaultValue={v(`rep${i}Phone`)}
                className={inputClass}
              />
            )}
          </Field>
          <Field name={`rep${i}IdNumber`} label={t("register.repIdNumber")} error={err(`rep${i}IdNumber`)}>
            {(a) => (
              <input
                {...a}
                name={`rep${i}IdNumber`}
                type="text"
                autoComplete="off"
                defaultValue={v(`rep${i}IdNumber`)}
                className={inputClass}
              />
            )}
          </Field>
        </fieldset>
      ))}
    </fieldset>
  );
}
