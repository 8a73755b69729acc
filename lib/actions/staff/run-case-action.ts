import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { now } from "@/lib/clock";
import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { CaseChangedError, ForbiddenError, NotFoundError, RuleError } from "@/lib/data/errors";
import { viewerSeesCase } from "@/lib/data/staff-case";
import { hasMessage } from "@/lib/i18n";
import { fieldErrorsOf, readForm, type FieldErrors } from "@/lib/validation/fields";
import type { FormState } from "../form-state";

type Values = Record<string, string | undefined>;

/**
 * The steps every action of the staff case page shares: parse the form (zod) → the signed-in handler or
 * supervisor → the data function (which derives authority from the case as stored, never from the form)
 * → revalidate. Refusals come back as messages with what was typed, so nothing is lost.
 */
export async function runCaseAction<S extends z.ZodType<{ petitionId: string; version: number }>>(
  form: FormData,
  fields: readonly string[],
  schema: S,
  perform: (viewer: Viewer, input: z.output<S>, at: Date) => Promise<unknown>,
  /** The form field a rule refusal is about (e.g. "route.accused" → the unit select), if any. */
  ruleField?: (key: string) => string | undefined,
): Promise<FormState> {
  const read = readForm(form, fields);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    // A broken hidden id or version is not something the user can fix in the form: reload.
    if (fieldErrors.petitionId || fieldErrors.version) return refused("caseStaff.errors.changed", values);
    return { status: "error", message: { key: "errors.generic" }, fieldErrors, values };
  }
  let viewer: Viewer;
  try {
    viewer = await requireViewer(["handler", "supervisor"]);
    await perform(viewer, parsed.data, now());
  } catch (e) {
    return refusal(e, values, ruleField);
  }
  revalidatePath("/staff", "layout");
  // Routed on or returned, the case has left this viewer's scope: its page would now be a 404. Back to the queue.
  if (!(await viewerSeesCase(viewer, parsed.data.petitionId))) redirect("/staff");
  return { status: "done", result: undefined };
}

function refused(key: "caseStaff.errors.changed" | "errors.forbidden" | "errors.unexpected", values: Values, fieldErrors: FieldErrors = {}): FormState<never> {
  return { status: "error", message: { key }, fieldErrors, values };
}

/** The data layer's refusals as messages. Never the error's text in a log: it could carry what was typed. */
function refusal(e: unknown, values: Values, ruleField?: (key: string) => string | undefined): FormState<never> {
  if (e instanceof CaseChangedError) return refused("caseStaff.errors.changed", values);
  if (e instanceof ForbiddenError || e instanceof NotFoundError) return refused("errors.forbidden", values);
  if (e instanceof RuleError) {
    const key = `rules.${e.key}`;
    if (hasMessage(key)) {
      const field = ruleField?.(e.key);
      return { status: "error", message: { key }, fieldErrors: field ? { [field]: { key } } : {}, values };
    }
  }
  console.error("staff case action failed:", e instanceof RuleError ? `rule ${e.key}` : e instanceof Error ? e.name : "unknown");
  return refused("errors.unexpected", values);
}
