"use server";
import { revalidatePath } from "next/cache";
import { now } from "@/lib/clock";
import { getViewer } from "@/lib/auth/viewer";
import { canRegister } from "@/lib/domain/authority";
import { formatQueryCode } from "@/lib/domain/tracking";
import { registerPetition as register, RegistrationRefusedError } from "@/lib/data/register";
import { ForbiddenError, InvalidReferenceError } from "@/lib/data/errors";
import { readForm, type FieldErrors } from "@/lib/validation/fields";
import { takeRegistrationBudget } from "@/lib/data/filing-limits";
import { REGISTER_PETITION_FIELDS, REGISTRATION_PROBLEM_MESSAGE, registerFieldErrors, registerPetitionSchema, representativeRows } from "@/lib/validation/register";
import type { RegisterChannel } from "@/lib/domain/registration";
import type { FormState } from "./form-state";
import { limitRefusal } from "./limit-refusal";

export type RegisterPetitionResult = {
  trackingNo: string;
  queryCode: string;
  channel: RegisterChannel;
  receivedAt: string;
  registeredAt: string;
  routeDueAt: string;
  unitName: string;
  personCount: number;
  isCollective: boolean;
};

/**
 * 登记: authorise (the bureau's staff, from the database) → parse → the account's registration budget → rules
 * → the case and its event atomically → the receipt.
 */
export async function registerPetition(_prev: FormState<RegisterPetitionResult>, form: FormData): Promise<FormState<RegisterPetitionResult>> {
  const read = readForm(form, REGISTER_PETITION_FIELDS);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const viewer = await getViewer();
  if (!viewer || !canRegister(viewer)) return { status: "error", message: { key: "register.forbidden" }, fieldErrors: {}, values };

  const at = now();
  const parsed = registerPetitionSchema(at).safeParse({ ...values, representatives: representativeRows(form) });
  if (!parsed.success) {
    return { status: "error", message: { key: "errors.generic" }, fieldErrors: registerFieldErrors(parsed.error), values };
  }
  const budget = await takeRegistrationBudget(viewer.userId, at);
  if (!budget.allowed) return limitRefusal("filingLimit.registration", undefined, at, budget.retryAfterMs, values);
  try {
    const r = await register(viewer, parsed.data, at);
    revalidatePath("/staff");
    return {
      status: "done",
      result: {
        trackingNo: r.trackingNo,
        queryCode: formatQueryCode(r.queryCode),
        channel: r.channel,
        receivedAt: r.receivedAt.toISOString(),
        registeredAt: r.registeredAt.toISOString(),
        routeDueAt: r.routeDueAt.toISOString(),
        unitName: r.unitName,
        personCount: r.personCount,
        isCollective: r.isCollective,
      },
    };
  } catch (e) {
    if (e instanceof ForbiddenError) return { status: "error", message: { key: "register.forbidden" }, fieldErrors: {}, values };
    if (e instanceof InvalidReferenceError) {
      return { status: "error", message: { key: "errors.generic" }, fieldErrors: { [e.field]: { key: "errors.invalidChoice" } }, values };
    }
    if (e instanceof RegistrationRefusedError) {
      const fieldErrors: FieldErrors = {};
      for (const [field, problem] of Object.entries(e.problems)) fieldErrors[field] = { key: REGISTRATION_PROBLEM_MESSAGE[problem] };
      return { status: "error", message: { key: "errors.generic" }, fieldErrors, values };
    }
    // Log the kind of failure only: the form holds personal data.
    console.error("registerPetition failed:", e instanceof Error ? e.name : "unknown");
    return { status: "error", message: { key: "errors.unexpected" }, fieldErrors: {}, values };
  }
}
