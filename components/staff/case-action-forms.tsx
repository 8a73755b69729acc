"use client";
import { useActionState } from "react";
import * as A from "@/lib/actions/staff/case-actions";
import type { FormState } from "@/lib/actions/form-state";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { useT } from "@/lib/i18n/client";
import { MAX_EXTENSION_DAYS } from "@/lib/domain/deadlines";
import type { Outcome } from "@/lib/domain/petition-rules";
import type { UnitKind } from "@/lib/domain/authority";
import { PROPER_CHANNELS, STAFF_LIMITS } from "@/lib/validation/staff-limits";
import { CheckboxField, Field, SubmitButton, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";

// One form per action of the staff case page. Each posts to its server action (so it also works without
// JavaScript) with the case id and the version the page showed; a refusal comes back with the message and
// everything typed, kept in the fields.

type Action = (s: FormState, f: FormData) => Promise<FormState>;
export type CaseRef = { locale: Locale; petitionId: string; version: number };

export type Helpers = {
  t: Translate;
  /** The field's message, if the last submission was refused because of it. */
  err: (name: string) => string | undefined;
  /** What was typed before a refusal, else the default. */
  v: (name: string, fallback?: string) => string;
  /** A page-unique control id (several forms share field names). */
  fid: (name: string) => string;
};

/** One action's form (also the supervision and review forms, components/staff/supervision-forms.tsx, review-forms.tsx). */
export function ActionForm({
  id,
  title,
  hint,
  action,
  submitLabel,
  doneText,
  tone = "primary",
  caseRef,
  children,
}: {
  id: string;
  title: string;
  hint?: React.ReactNode;
  action: Action;
  submitLabel: string;
  doneText: string;
  tone?: "primary" | "danger";
  caseRef: CaseRef;
  children: (h: Helpers) => React.ReactNode;
}) {
  const t = useT();
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, { status: "idle" });
  const helpers: Helpers = {
    t,
    err: (name) => {
      const e = state.status === "error" ? state.fieldErrors[name] : undefined;
      return e ? t(e.key, e.params) : undefined;
    },
    v: (name, fallback = "") => (state.status === "error" ? (state.values[name] ?? fallback) : fallback),
    fid: (name) => `${id}-${name}`,
  };
  const headingId = `${id}-title`;
  // `key` remounts the fields with what was typed after a refusal (React resets a form after its action).
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
        {hint ? <div className="text-sm text-stone-700">{hint}</div> : null}
        <input type="hidden" name="petitionId" value={caseRef.petitionId} />
        <input type="hidden" name="version" value={caseRef.version} />
        {children(helpers)}
        {tone === "danger" ? (
          <button
            type="submit"
            disabled={pending}
            aria-disabled={pending}
            className="rounded-md border-2 border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60"
          >
            {submitLabel}
          </button>
        ) : (
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        )}
      </form>
    </section>
  );
}

export function TextArea({
  h,
  name,
  label,
  hint,
  required = true,
  rows = 4,
  defaultValue,
}: {
  h: Helpers;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  rows?: number;
  defaultValue?: string;
}) {
  return (
    <Field
      name={h.fid(name)}
      label={label}
      hint={hint}
      required={required}
      requiredText={h.t("caseStaff.required")}
      error={h.err(name)}
    >
      {(a) => <textarea {...a} name={name} rows={rows} defaultValue={h.v(name, defaultValue)} className={inputClass} />}
    </Field>
  );
}

/** The outcome of an answer (答复, 复查答复, 复核答复): the ones the category kind allows. */
export function OutcomeSelect({ h, label, outcomes }: { h: Helpers; label: string; outcomes: readonly Outcome[] }) {
  return (
    <Field
      name={h.fid("outcome")}
      label={label}
      required
      requiredText={h.t("caseStaff.required")}
      error={h.err("outcome")}
    >
      {(a) => (
        <select {...a} name="outcome" defaultValue={h.v("outcome")} className={inputClass}>
          <option value="">{h.t("caseStaff.choose")}</option>
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {h.t(`enums.outcome.${o}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** 转送 / 交办 (the bureau): the units allowed for this case, grouped by kind. */
export function RouteForm({
  caseRef,
  groups,
  note,
}: {
  caseRef: CaseRef;
  groups: { kind: UnitKind; units: { id: string; name: string }[] }[];
  note?: string;
}) {
  const t = useT();
  return (
    <ActionForm
      id="route"
      title={t("caseStaff.route.title")}
      hint={
        <>
          <p>{t("caseStaff.route.hint")}</p>
          {note ? <p className="mt-1 font-medium">{note}</p> : null}
        </>
      }
      action={A.routeCaseAction}
      submitLabel={t("caseStaff.route.submit")}
      doneText={t("caseStaff.route.done")}
      caseRef={caseRef}
    >
      {(h) => (
        <>
          <Field
            name={h.fid("targetUnitId")}
            label={t("caseStaff.route.target")}
            required
            requiredText={t("caseStaff.required")}
            error={h.err("targetUnitId")}
          >
            {(a) => (
              <select {...a} name="targetUnitId" defaultValue={h.v("targetUnitId")} className={inputClass}>
                <option value="">{t("caseStaff.choose")}</option>
                {groups.map((g) => (
                  <optgroup key={g.kind} label={t(`caseStaff.unitKind.${g.kind}`)}>
                    {g.units.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <TextArea h={h} name="note" label={t("caseStaff.route.note")} required={false} rows={3} />
        </>
      )}
    </ActionForm>
  );
}

/** 退回 (a receiving unit, within 5 working days). */
export function ReturnForm({ caseRef, dueDate }: { caseRef: CaseRef; dueDate: string }) {
  const t = useT();
  return (
    <ActionForm
      id="return"
      title={t("caseStaff.return.title")}
      hint={t("caseStaff.return.hint", { date: dueDate })}
      action={A.returnCaseAction}
      submitLabel={t("caseStaff.return.submit")}
      doneText={t("caseStaff.return.done")}
      tone="danger"
      caseRef={caseRef}
    >
      {(h) => (
        <TextArea
          h={h}
          name="reason"
          label={t("caseStaff.return.reason")}
          hint={t("caseStaff.textHint", STAFF_LIMITS.note)}
        />
      )}
    </ActionForm>
  );
}

/** 受理: an explicit confirmation. */
export function AcceptForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useT();
  return (
    <ActionForm
      id="accept"
      title={t("caseStaff.accept.title")}
      hint={t("caseStaff.accept.hint")}
      action={A.acceptCaseAction}
      submitLabel={t("caseStaff.accept.submit")}
      doneText={t("caseStaff.accept.done")}
      caseRef={caseRef}
    >
      {(h) => {
        const error = h.err("confirm");
        const id = `f-${h.fid("confirm")}`;
        return <CheckboxField id={id} name="confirm" label={t("caseStaff.accept.confirm")} error={error} />;
      }}
    </ActionForm>
  );
}

/** 不予受理: the reason and the proper legal channel, told to the petitioner. */
export function NotAcceptForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useT();
  return (
    <ActionForm
      id="notAccept"
      title={t("caseStaff.notAccept.title")}
      hint={t("caseStaff.notAccept.hint")}
      action={A.notAcceptCaseAction}
      submitLabel={t("caseStaff.notAccept.submit")}
      doneText={t("caseStaff.notAccept.done")}
      tone="danger"
      caseRef={caseRef}
    >
      {(h) => (
        <>
          <TextArea h={h} name="reason" label={t("caseStaff.notAccept.reason")} />
          <Field
            name={h.fid("properChannel")}
            label={t("caseStaff.notAccept.channel")}
            required
            requiredText={t("caseStaff.required")}
            error={h.err("properChannel")}
          >
            {(a) => (
              <select {...a} name="properChannel" defaultValue={h.v("properChannel")} className={inputClass}>
                <option value="">{t("caseStaff.choose")}</option>
                {PROPER_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`caseStaff.notAccept.channels.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name={h.fid("channelDetail")} label={t("caseStaff.notAccept.detail")} error={h.err("channelDetail")}>
            {(a) => (
              <input
                {...a}
                name="channelDetail"
                type="text"
                defaultValue={h.v("channelDetail")}
                className={inputClass}
              />
            )}
          </Field>
        </>
      )}
    </ActionForm>
  );
}

/** 分派: a handler of the case's unit. */
export function AssignForm({
  caseRef,
  handlers,
  current,
}: {
  caseRef: CaseRef;
  handlers: { id: string; name: string }[];
  current: string | null;
}) {
  const t = useT();
  return (
    <ActionForm
      id="assign"
      title={t("caseStaff.assign.title")}
      hint={current ? t("caseStaff.assign.current", { name: current }) : undefined}
      action={A.assignCaseAction}
      submitLabel={t("caseStaff.assign.submit")}
      doneText={t("caseStaff.assign.done")}
      caseRef={caseRef}
    >
      {(h) => (
        <Field
          name={h.fid("assigneeId")}
          label={t("caseStaff.assign.assignee")}
          required
          requiredText={t("caseStaff.required")}
          error={h.err("assigneeId")}
        >
          {(a) => (
            <select {...a} name="assigneeId" defaultValue={h.v("assigneeId")} className={inputClass}>
              <option value="">{t("caseStaff.choose")}</option>
              {handlers.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </ActionForm>
  );
}

const TEXT_FORMS = {
  internalNote: A.addInternalNoteAction,
  publicNote: A.addPublicNoteAction,
  requestInfo: A.requestInfoAction,
} as const;

/** 内部备注 / 公开进展 / 要求补充材料: one text; the hint says plainly who will read it. */
export function CaseTextForm({ caseRef, kind }: { caseRef: CaseRef; kind: keyof typeof TEXT_FORMS }) {
  const t = useT();
  const audience = { internalNote: "warning", publicNote: "warning", requestInfo: "info" } as const;
  return (
    <ActionForm
      id={kind}
      title={t(`caseStaff.${kind}.title`)}
      hint={<Notice tone={audience[kind]}>{t(`caseStaff.${kind}.hint`)}</Notice>}
      action={TEXT_FORMS[kind]}
      submitLabel={t(`caseStaff.${kind}.submit`)}
      doneText={t(`caseStaff.${kind}.done`)}
      caseRef={caseRef}
    >
      {(h) => (
        <TextArea
          h={h}
          name="text"
          label={t(`caseStaff.${kind}.text`)}
          hint={t("caseStaff.textHint", STAFF_LIMITS.note)}
        />
      )}
    </ActionForm>
  );
}

/** 申请延期: recorded now; it takes effect when a supervisor approves it. */
export function ExtensionForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useT();
  return (
    <ActionForm
      id="requestExtension"
      title={t("caseStaff.extension.title")}
      hint={<Notice tone="info">{t("caseStaff.extension.waits")}</Notice>}
      action={A.requestExtensionAction}
      submitLabel={t("caseStaff.extension.submit")}
      doneText={t("caseStaff.extension.done")}
      caseRef={caseRef}
    >
      {(h) => (
        <>
          <Field
            name={h.fid("days")}
            label={t("caseStaff.extension.days")}
            hint={t("caseStaff.extension.daysHint")}
            required
            requiredText={t("caseStaff.required")}
            error={h.err("days")}
          >
            {(a) => (
              <input
                {...a}
                name="days"
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_EXTENSION_DAYS}
                step={1}
                defaultValue={h.v("days")}
                className={`${inputClass} max-w-32`}
              />
            )}
          </Field>
          <TextArea
            h={h}
            name="reason"
            label={t("caseStaff.extension.reason")}
            hint={t("caseStaff.extension.reasonHint")}
          />
        </>
      )}
    </ActionForm>
  );
}

/** 答复: the outcomes the category kind allows, and the reply text. */
export function ReplyForm({ caseRef, outcomes }: { caseRef: CaseRef; outcomes: readonly Outcome[] }) {
  const t = useT();
  return (
    <ActionForm
      id="reply"
      title={t("caseStaff.reply.title")}
      action={A.replyCaseAction}
      submitLabel={t("caseStaff.reply.submit")}
      doneText={t("caseStaff.reply.done")}
      caseRef={caseRef}
    >
      {(h) => (
        <>
          <OutcomeSelect h={h} label={t("caseStaff.reply.outcome")} outcomes={outcomes} />
          <TextArea
            h={h}
            name="replyText"
            label={t("caseStaff.reply.text")}
            hint={t("caseStaff.reply.hint", STAFF_LIMITS.replyText)}
            rows={8}
          />
        </>
      )}
    </ActionForm>
  );
}

/** 公开: the masked draft for review; the server scans it again before it is published. */
export function PublishForm({
  caseRef,
  draft,
  publishedOn,
}: {
  caseRef: CaseRef;
  draft: { title: string; summary: string; reply: string };
  publishedOn: string | null;
}) {
  const t = useT();
  return (
    <ActionForm
      id="publish"
      title={t("caseStaff.publish.title")}
      hint={
        <Notice tone="warning">
          <p>{t("caseStaff.publish.hint")}</p>
          {publishedOn ? <p className="mt-1">{t("caseStaff.publish.republish", { date: publishedOn })}</p> : null}
        </Notice>
      }
      action={A.publishCaseAction}
      submitLabel={t("caseStaff.publish.submit")}
      doneText={t("caseStaff.publish.done")}
      caseRef={caseRef}
    >
      {(h) => (
        <>
          <Field
            name={h.fid("publicTitle")}
            label={t("caseStaff.publish.publicTitle")}
            required
            requiredText={t("caseStaff.required")}
            error={h.err("publicTitle")}
          >
            {(a) => (
              <input
                {...a}
                name="publicTitle"
                type="text"
                defaultValue={h.v("publicTitle", draft.title)}
                className={inputClass}
              />
            )}
          </Field>
          <TextArea
            h={h}
            name="publicSummary"
            label={t("caseStaff.publish.publicSummary")}
            defaultValue={draft.summary}
            rows={6}
          />
          <TextArea
            h={h}
            name="publicReply"
            label={t("caseStaff.publish.publicReply")}
            defaultValue={draft.reply}
            rows={6}
            required={false}
          />
        </>
      )}
    </ActionForm>
  );
}
