"use server";
import { refreshPetitionerView } from "./petitioner-view";
import { now } from "@/lib/clock";
import { withdrawPetition } from "@/lib/data/petitioner";
import { petitionerCaseId } from "@/lib/petitioner-session";
import { ZWithdraw } from "@/lib/validation/petition";
import { fieldErrorsOf, readForm } from "@/lib/validation/fields";
import { invalidInput, PETITIONER_REFUSALS, refused, toFormState, type FormState } from "./form-state";

/** 撤回: needs an explicit confirmation box; the case ends and the fact is public, the reason is not. */
export async function withdrawPetitionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const read = readForm(form, ["reason", "confirm", "version"]);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const caseId = await petitionerCaseId();
  if (!caseId) return refused(PETITIONER_REFUSALS.forbidden, values);
  const parsed = ZWithdraw.safeParse(values);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error), values);
  try {
    await withdrawPetition(caseId, caseId, parsed.data.version, parsed.data.reason, now());
  } catch (e) {
    return toFormState(e, values, { ...PETITIONER_REFUSALS, action: "withdrawPetitionAction" });
  }
  refreshPetitionerView();
  return { status: "done", result: undefined };
}
