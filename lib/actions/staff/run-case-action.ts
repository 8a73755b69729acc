import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { now } from "@/lib/clock";
import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import type { RuleKey } from "@/lib/data/errors";
import { viewerSeesCase } from "@/lib/data/staff-case";
import { fieldErrorsOf, readForm } from "@/lib/validation/fields";
import { invalidInput, refused, STAFF_REFUSALS, toFormState, type FormState } from "../form-state";

/** The case a form names and the version its reader saw, as the data functions take them (with the instant). */
export const ref = (i: { petitionId: string; version: number }, at: Date) => ({
  petitionId: i.petitionId,
  expectedVersion: i.version,
  at,
});

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
  ruleField?: (key: RuleKey) => string | undefined,
): Promise<FormState> {
  const read = readForm(form, fields);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    // A broken hidden id or version is not something the user can fix in the form: reload.
    if (fieldErrors.petitionId || fieldErrors.version) return refused(STAFF_REFUSALS.changed, values);
    return invalidInput(fieldErrors, values);
  }
  let viewer: Viewer;
  try {
    viewer = await requireViewer(["handler", "supervisor"]);
    await perform(viewer, parsed.data, now());
  } catch (e) {
    return toFormState(e, values, { ...STAFF_REFUSALS, action: "staff case action", ruleField });
  }
  revalidatePath("/staff", "layout");
  // Routed on or returned, the case has left this viewer's scope: its page would now be a 404. Back to the queue.
  if (!(await viewerSeesCase(viewer, parsed.data.petitionId))) redirect("/staff");
  return { status: "done", result: undefined };
}
