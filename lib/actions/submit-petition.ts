"use server";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { createPetition } from "@/lib/data/petitions";
import { InvalidReferenceError } from "@/lib/data/errors";
import { ZSubmitPetition, SUBMIT_PETITION_FIELDS } from "@/lib/validation/petition";
import { fieldErrorsOf, formValues } from "@/lib/validation/fields";
import { formatQueryCode } from "@/lib/domain/tracking";
import type { FormState } from "./form-state";

export type SubmitPetitionResult = { trackingNo: string; queryCode: string; receivedAt: string; routeDueAt: string };

/** 我要写信: parse → write the case and its first event atomically → show the receipt once. */
export async function submitPetition(_prev: FormState<SubmitPetitionResult>, form: FormData): Promise<FormState<SubmitPetitionResult>> {
  const values = formValues(form, SUBMIT_PETITION_FIELDS);
  const parsed = ZSubmitPetition.safeParse(values);
  if (!parsed.success) {
    return { status: "error", message: { key: "errors.generic" }, fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  const input = parsed.data;
  const receivedAt = now();
  try {
    const created = await db.$transaction((tx) =>
      createPetition(
        tx,
        {
          channel: "ONLINE",
          categoryId: input.categoryId,
          placeId: input.placeId,
          title: input.title,
          content: input.content,
          address: input.address,
          petitionerName: input.name,
          petitionerPhone: input.phone,
          petitionerIdNumber: input.idNumber,
          petitionerEmail: input.email,
          consentPublic: input.consentPublic,
          receivedAt,
        },
        { type: "PETITIONER" },
      ),
    );
    return {
      status: "done",
      result: {
        trackingNo: created.trackingNo,
        queryCode: formatQueryCode(created.queryCode),
        receivedAt: receivedAt.toISOString(),
        routeDueAt: created.routeDueAt.toISOString(),
      },
    };
  } catch (e) {
    if (e instanceof InvalidReferenceError) {
      return { status: "error", message: { key: "errors.generic" }, fieldErrors: { [e.field]: { key: "errors.invalidChoice" } }, values };
    }
    // Log the kind of failure only: the form holds personal data.
    console.error("submitPetition failed:", e instanceof Error ? e.name : "unknown");
    return { status: "error", message: { key: "errors.unexpected" }, fieldErrors: {}, values };
  }
}
