// Expected refusals of the data layer. Actions turn them into messages; nothing in them is personal data.
import type { MessageKey } from "@/lib/i18n";

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
/** Input that passed the form's schema but not the database (an unknown category, a forged id); `key` is the field's message. */
export class InvalidReferenceError extends Error {
  constructor(
    readonly field: string,
    readonly key: MessageKey = "errors.invalidChoice",
  ) {
    super(`invalid reference: ${field}`);
  }
}

/** A rule of the law or of the product refused the change; `key` names the message under `rules.` in the catalog. */
export class RuleError extends Error {
  constructor(readonly key: string) {
    super(`rule: ${key}`);
  }
}
