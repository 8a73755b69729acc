"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { useT } from "@/lib/i18n/client";
import { Notice } from "@/components/ui/card";

// The state of one of the petitioner's forms on /track/case (components/petition/petitioner-forms.tsx,
// after-answer-forms.tsx): each posts to its server action, so it works without JavaScript, and a refusal comes
// back with its message and what was typed.

/** `err`: the field's message after a refusal; `v`: what was typed; `notice`: the refusal's message. */
export function usePetitionerForm(action: (s: FormState, f: FormData) => Promise<FormState>) {
  const t = useT();
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, { status: "idle" });
  const err = (name: string) => {
    const e = state.status === "error" ? state.fieldErrors[name] : undefined;
    return e ? t(e.key, e.params) : undefined;
  };
  const v = (name: string) => (state.status === "error" ? (state.values[name] ?? "") : "");
  const notice =
    state.status === "error" ? (
      <Notice tone="error" role="alert">
        {t(state.message.key, state.message.params)}
      </Notice>
    ) : null;
  // `key` remounts the fields with what was typed after a refusal (React resets a form after its action).
  const key = state.status === "error" ? JSON.stringify(state.values) : state.status;
  return { t, state, formAction, pending, err, v, notice, key };
}
