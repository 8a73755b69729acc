"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { updateSetting } from "@/lib/data/settings";
import { SETTING_KEYS } from "@/lib/domain/settings";
import { fieldErrorsOf, readForm } from "@/lib/validation/fields";
import { invalidInput, refused, STAFF_REFUSALS, toFormState, type FormState } from "./form-state";

const ZUpdateSetting = z.object({
  key: z.enum(SETTING_KEYS as [string, ...string[]], { error: "errors.invalidChoice" }),
  value: z.string({ error: "errors.required" }).max(16, { error: "errors.invalidChoice" }),
});

/** 系统设置: an admin changes one setting (the deadline job and new answers read it from then on). */
export async function updateSettingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const read = readForm(form, ["key", "value"]);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const parsed = ZUpdateSetting.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return fieldErrors.key ? refused(STAFF_REFUSALS.changed, values) : invalidInput(fieldErrors, values);
  }
  try {
    const viewer = await requireViewer(["admin"]);
    await updateSetting(viewer, parsed.data.key as (typeof SETTING_KEYS)[number], parsed.data.value);
  } catch (e) {
    return toFormState(e, values, { ...STAFF_REFUSALS, action: "updateSettingAction" });
  }
  revalidatePath("/staff/admin");
  return { status: "done", result: undefined };
}
