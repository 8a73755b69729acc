// Expected refusals of the data layer (documenso's AppError, formbricks' EXPECTED_ERROR_NAMES): each one is a
// class here, and lib/actions/form-state.ts toFormState turns each into the message a user reads. Anything
// else thrown is unexpected. Nothing in them is personal data: their `message` names the kind only.
import type { MessageKey, Params } from "@/lib/i18n";

export class NotFoundError extends Error {
  constructor() {
    super("not found");
  }
}
export class ForbiddenError extends Error {
  constructor() {
    super("forbidden");
  }
}
/** The case moved on since the caller read it (another actor won), or the action no longer fits its state. */
export class CaseChangedError extends Error {
  constructor() {
    super("case changed");
  }
}

/** Input that passed the form's schema but not the data layer's rules: a message per form field. */
export class FieldsRefusedError extends Error {
  constructor(
    readonly fields: Readonly<Record<string, MessageKey>>,
    kind = "fields refused",
  ) {
    super(`${kind}: ${Object.keys(fields).join(", ")}`);
  }
}

/** Input that passed the form's schema but not the database (an unknown category, a forged id); `key` is the field's message. */
export class InvalidReferenceError extends FieldsRefusedError {
  constructor(
    readonly field: string,
    readonly key: MessageKey = "errors.invalidChoice",
  ) {
    super({ [field]: key }, "invalid reference");
  }
}

/** The names under `rules.` in the catalog, e.g. "return.tooLate": a rule without a message does not compile. */
export type RuleKey = MessageKey extends infer K ? (K extends `rules.${infer R}` ? R : never) : never;

/**
 * A rule of the law or of the product refused the change; `key` names its message under `rules.` in the catalog,
 * `params` fills it (e.g. the date a window closed). Never personal data in either.
 */
export class RuleError extends Error {
  constructor(
    readonly key: RuleKey,
    readonly params?: Params,
  ) {
    super(`rule: ${key}`);
  }

  get messageKey(): MessageKey {
    return `rules.${this.key}`;
  }
}
