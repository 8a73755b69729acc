"use server";
import { revalidatePath } from "next/cache";
import { now } from "@/lib/clock";
import { getViewer } from "@/lib/auth/viewer";
import { canRegister } from "@/lib/domain/authority";
import { formatQueryCode } from "@/lib/domain/tracking";
import { registerPetition as register } from "@/lib/data/register";
import { readForm } from "@/lib/validation/fields";
import { takeRegistrationBudget } from "@/lib/data/filing-limits";
import {
  REGISTER_PETITION_FIELDS,
  registerFieldErrors,
  registerPetitionSchema,
  representativeRows,
} from "@/lib/validation/register";
import type { RegisterChannel } from "@/lib/domain/registration";
import { invalidInput, refused, toFormState, type FormState, type RefusalMessages } from "./form-state";
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

/** Registration creates a case, so no case can have changed under it. */
const REGISTER_REFUSALS: RefusalMessages = { forbidden: "register.forbidden", changed: "errors.stateChanged" };

/**
 * 登记: authorise (the bureau's staff, from the database) → parse → the account's registration budget → rules
 * → the case and its event atomically → the receipt.
 */
export async function registerPetition(
  _prev: FormState<RegisterPetitionResult>,
  form: FormData,
): Promise<FormState<RegisterPetitionResult>> {
  const read = readForm(form, REGISTER_PETITION_FIELDS);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const viewer = await getViewer();
  if (!viewer || !canRegister(viewer)) return refused(REGISTER_REFUSALS.forbidden, values);

  const at = now();
  const parsed = registerPetitionSchema(at).safeParse({ ...values, representatives: representativeRows(form) });
  if (!parsed.success) return invalidInput(registerFieldErrors(parsed.error), values);
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
    // The registration rules' problems and forged choices come back as their fields' messages.
    return toFormState(e, values, { ...REGISTER_REFUSALS, action: "registerPetition" });
  }
}
