import type { FieldErrors } from "@/lib/validation/fields";
import type { MessageKey, Params } from "@/lib/i18n";

/** What a form action returns to `useActionState`: the outcome, a message, per-field errors, what was typed. */
export type FormState<TDone = undefined> =
  | { status: "idle" }
  | { status: "error"; message: { key: MessageKey; params?: Params }; fieldErrors: FieldErrors; values: Record<string, string | undefined> }
  | { status: "done"; result: TDone };

export const IDLE: FormState<never> = { status: "idle" };
