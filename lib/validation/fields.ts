import { z } from "zod";
import { charCount } from "@/lib/domain/petition-rules";
import type { MessageKey, Params } from "@/lib/i18n";

// Zod issues carry a catalog key as `message` and its parameters in `params`, so every form error reaches the
// user in their language. Lengths are counted in characters as a person counts them (code points).

export type FieldError = { key: MessageKey; params?: Params };
export type FieldErrors<K extends string = string> = Partial<Record<K, FieldError>>;

/** Text with length limits; `optional` turns an empty value into undefined. */
export function text(limits: { min: number; max: number }) {
  return z
    .string({ message: "errors.required" })
    .transform((v) => v.trim())
    .superRefine((v, ctx) => {
      const n = charCount(v);
      if (n === 0 && limits.min > 0) ctx.addIssue({ code: "custom", message: "errors.required" });
      else if (n < limits.min)
        ctx.addIssue({ code: "custom", message: "errors.tooShort", params: { min: limits.min } });
      else if (n > limits.max) ctx.addIssue({ code: "custom", message: "errors.tooLong", params: { max: limits.max } });
    });
}

export function optionalText(check: (v: string) => boolean, message: MessageKey, max: number) {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .superRefine((v, ctx) => {
      if (v === "") return;
      if (charCount(v) > max) ctx.addIssue({ code: "custom", message: "errors.tooLong", params: { max } });
      else if (!check(v)) ctx.addIssue({ code: "custom", message });
    })
    .transform((v) => (v === "" ? undefined : v));
}

/** An opaque id picked from a list; whether it exists is checked against the database by the data layer. */
export const choiceId = z
  .string({ message: "errors.invalidChoice" })
  .trim()
  .min(1, "errors.invalidChoice")
  .max(64, "errors.invalidChoice");

export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(""), z.undefined(), z.null()])
  .transform((v) => v === "on" || v === "true" || v === "1");

/** Field errors keyed by the first path segment, first issue per field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (out[field]) continue;
    const params = (issue as { params?: Params }).params;
    out[field] = { key: (issue.message as MessageKey) ?? "errors.required", params };
  }
  return out;
}

/**
 * Text that was not well-formed when sent: a lone surrogate (not valid UTF-16, so not storable as UTF-8 as it
 * was hashed or shown), or U+FFFD, the replacement character it turns into on the way in (FormData holds
 * USVStrings: `append` replaces lone surrogates with U+FFFD; UTF-8 decoding does the same to broken bytes).
 * A person typing a letter never means U+FFFD; refusing it means nothing is silently stored altered.
 */
const ILL_FORMED = /[\uD800-\uDFFF\uFFFD]/u;

export type FormRefusal = {
  status: "error";
  message: { key: "formInput.notAForm" | "formInput.malformedText" };
  fieldErrors: FieldErrors;
  values: Record<string, string | undefined>;
};

/**
 * The one gate every server action's input passes (lib/actions/**): the argument must be a real FormData
 * (React's action reply format also lets a caller send plain objects, arrays or strings) and every text in it
 * well-formed Unicode. Anything else is refused with a message before anything is read, checked or written.
 */
export function readForm(
  form: unknown,
  fields: readonly string[],
): { ok: true; values: Record<string, string | undefined> } | { ok: false; refusal: FormRefusal } {
  const refuse = (key: FormRefusal["message"]["key"]) => ({
    ok: false as const,
    refusal: { status: "error" as const, message: { key }, fieldErrors: {}, values: {} },
  });
  if (!(form instanceof FormData)) return refuse("formInput.notAForm");
  for (const [name, value] of form.entries()) {
    if (ILL_FORMED.test(name) || (typeof value === "string" && ILL_FORMED.test(value)))
      return refuse("formInput.malformedText");
  }
  return { ok: true, values: formValues(form, fields) };
}

/** The string fields of a submitted form, for parsing and for giving back what was typed. Actions call readForm. */
export function formValues(form: FormData, fields: readonly string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const f of fields) {
    const v = form.get(f);
    out[f] = typeof v === "string" ? v : undefined;
  }
  return out;
}
