"use server";
import { refreshPetitionerView } from "./petitioner-view";
import { now } from "@/lib/clock";
import { addSupplement } from "@/lib/data/petitioner";
import { petitionerCaseId } from "@/lib/petitioner-session";
import { ZSupplement } from "@/lib/validation/petition";
import { fieldErrorsOf, readForm } from "@/lib/validation/fields";
import { invalidInput, PETITIONER_REFUSALS, refused, toFormState, type FormState } from "./form-state";

/** 补充材料: only for the case the query code opened, only while it is open (the transition table decides). */
export async function addSupplementAction(_prev: FormState, form: FormData): Promise<FormState> {
  const read = readForm(form, ["text", "version"]);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const caseId = await petitionerCaseId();
  if (!caseId) return refused(PETITIONER_REFUSALS.forbidden, values);
  const parsed = ZSupplement.safeParse(values);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error), values);
  try {
    await addSupplement(caseId, caseId, parsed.data.version, parsed.data.text, now());
  } catch (e) {
    return toFormState(e, values, { ...PETITIONER_REFUSALS, action: "addSupplementAction" });
  }
  refreshPetitionerView();
  return { status: "done", result: undefined };
}
