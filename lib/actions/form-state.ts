import type { FieldErrors } from "@/lib/validation/fields";
import type { MessageKey, Params } from "@/lib/i18n";
import {
  CaseChangedError,
  FieldsRefusedError,
  ForbiddenError,
  NotFoundError,
  RuleError,
  type RuleKey,
} from "@/lib/data/errors";

// The one error path of every form action: what it returns to `useActionState`, and how a thrown refusal of
// the data layer (lib/data/errors.ts) becomes a message in the user's language. Client forms import the types
// and IDLE from here, so nothing in this module may pull in server code or zod.

type Values = Record<string, string | undefined>;

/** What a form action returns to `useActionState`: the outcome, a message, per-field errors, what was typed. */
export type FormState<TDone = undefined> =
  | { status: "idle" }
  | { status: "error"; message: { key: MessageKey; params?: Params }; fieldErrors: FieldErrors; values: Values }
  | { status: "done"; result: TDone };

export const IDLE: FormState<never> = { status: "idle" };

/** A refusal with one message, giving back what was typed so nothing is lost. */
export function refused(
  key: MessageKey,
  values: Values,
  params?: Params,
  fieldErrors: FieldErrors = {},
): FormState<never> {
  return { status: "error", message: params ? { key, params } : { key }, fieldErrors, values };
}

/** Input the form's schema refused: the general hint on top, each field's own message beside it. */
export function invalidInput(fieldErrors: FieldErrors, values: Values): FormState<never> {
  return refused("errors.generic", values, undefined, fieldErrors);
}

/** The messages an audience reads for the refusals whose wording depends on who acts. */
export type RefusalMessages = {
  /** Forbidden and not found read the same, so that a refusal never tells whether a case exists. */
  forbidden: MessageKey;
  /** The case changed since the form was read. */
  changed: MessageKey;
};

export const PETITIONER_REFUSALS = {
  forbidden: "track.expired",
  changed: "errors.stateChanged",
} as const satisfies RefusalMessages;
export const STAFF_REFUSALS = {
  forbidden: "errors.forbidden",
  changed: "caseStaff.errors.changed",
} as const satisfies RefusalMessages;

type ToFormStateOptions = RefusalMessages & {
  /** Names the action in the log line of an unexpected error (the log holds this name and the error's kind only). */
  action: string;
  /** The form field a rule refusal is about (e.g. "route.accused" → the unit select), if any. */
  ruleField?: (key: RuleKey) => string | undefined;
};

/**
 * Any error an action caught, as the state its form shows. Expected refusals get their message; anything else
 * is logged by kind only — never its text, which could carry what was typed — and gets a generic message.
 */
export function toFormState(error: unknown, values: Values, options: ToFormStateOptions): FormState<never> {
  if (error instanceof CaseChangedError) return refused(options.changed, values);
  if (error instanceof ForbiddenError || error instanceof NotFoundError) return refused(options.forbidden, values);
  if (error instanceof RuleError) {
    const key = error.messageKey;
    const field = options.ruleField?.(error.key);
    const params = error.params;
    return refused(key, values, params, field ? { [field]: params ? { key, params } : { key } } : {});
  }
  if (error instanceof FieldsRefusedError) {
    const fieldErrors: FieldErrors = {};
    for (const [field, key] of Object.entries(error.fields)) fieldErrors[field] = { key };
    return invalidInput(fieldErrors, values);
  }
  console.error(`${options.action} failed:`, error instanceof Error ? error.name : "unknown");
  return refused("errors.unexpected", values);
}
