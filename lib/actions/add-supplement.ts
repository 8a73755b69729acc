"use server";
import { revalidatePath } from "next/cache";
import { now } from "@/lib/clock";
import { addSupplement } from "@/lib/data/petitioner";
import { petitionerCaseId } from "@/lib/petitioner-session";
import { ZSupplement } from "@/lib/validation/petition";
import { fieldErrorsOf, readForm } from "@/lib/validation/fields";
import { refusal } from "./petitioner-actions-common";
import type { FormState } from "./form-state";

/** 补充材料: only for the case the query code opened, only while it is open (the transition table decides). */
export async function addSupplementAction(_prev: FormState, form: FormData): Promise<FormState> {
  const read = readForm(form, ["text", "version"]);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const caseId = await petitionerCaseId();
  if (!caseId) return { status: "error", message: { key: "track.expired" }, fieldErrors: {}, values };
  const parsed = ZSupplement.safeParse(values);
  if (!parsed.success) return { status: "error", message: { key: "errors.generic" }, fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await addSupplement(caseId, caseId, parsed.data.version, parsed.data.text, now());
  } catch (e) {
    return refusal(e, values);
  }
  revalidatePath("/track/case");
  return { status: "done", result: undefined };
}
