"use server";
import { revalidatePath } from "next/cache";
import { now } from "@/lib/clock";
import { withdrawPetition } from "@/lib/data/petitioner";
import { petitionerCaseId } from "@/lib/petitioner-session";
import { ZWithdraw } from "@/lib/validation/petition";
import { fieldErrorsOf, readForm } from "@/lib/validation/fields";
import { refusal } from "./petitioner-actions-common";
import type { FormState } from "./form-state";

/** 撤回: needs an explicit confirmation box; the case ends and the fact is public, the reason is not. */
export async function withdrawPetitionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const read = readForm(form, ["reason", "confirm", "version"]);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const caseId = await petitionerCaseId();
  if (!caseId) return { status: "error", message: { key: "track.expired" }, fieldErrors: {}, values };
  const parsed = ZWithdraw.safeParse(values);
  if (!parsed.success) return { status: "error", message: { key: "errors.generic" }, fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await withdrawPetition(caseId, caseId, parsed.data.version, parsed.data.reason, now());
  } catch (e) {
    return refusal(e, values);
  }
  revalidatePath("/track/case");
  return { status: "done", result: undefined };
}
