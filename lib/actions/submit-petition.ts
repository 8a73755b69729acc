"use server";
import { countMetric } from "@/lib/metrics";
import { now } from "@/lib/clock";
import { createPetition } from "@/lib/data/petitions";
import { ZSubmitPetition, SUBMIT_PETITION_FIELDS } from "@/lib/validation/petition";
import { fieldErrorsOf, readForm } from "@/lib/validation/fields";
import { formatQueryCode } from "@/lib/domain/tracking";
import { FILING_BUDGETS, FILING_CHALLENGE_FIELD } from "@/lib/domain/filing-limits";
import { clientAddress } from "@/lib/http/client-address";
import { redeemFilingChallenge } from "@/lib/data/filing-challenge";
import { takeFilingBudget } from "@/lib/data/filing-limits";
import { invalidInput, PETITIONER_REFUSALS, toFormState, type FormState } from "./form-state";
import { caseTransaction } from "@/lib/data/public-pages";
import { limitRefusal } from "./limit-refusal";

/** `acceptDueAt` is set when the case went straight to the discipline organ (an accusation against the bureau
 *  or the county government, 条例第46条): then no routing is pending, acceptance is. */
export type SubmitPetitionResult = {
  trackingNo: string;
  queryCode: string;
  receivedAt: string;
  routeDueAt: string;
  acceptDueAt: string | null;
};

/**
 * 我要写信: parse → the filing budget (per address, stricter without a solved challenge; per mobile number)
 * → write the case and its first event atomically → show the receipt once.
 */
export async function submitPetition(
  _prev: FormState<SubmitPetitionResult>,
  form: FormData,
): Promise<FormState<SubmitPetitionResult>> {
  const read = readForm(form, SUBMIT_PETITION_FIELDS);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const parsed = ZSubmitPetition.safeParse(values);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error), values);
  const input = parsed.data;
  const receivedAt = now();
  const challenge = form.get(FILING_CHALLENGE_FIELD); // absent without JavaScript
  const solvedChallenge = await redeemFilingChallenge(
    typeof challenge === "string" ? challenge : undefined,
    receivedAt,
  );
  const budget = await takeFilingBudget({
    address: await clientAddress(),
    phone: input.phone,
    solvedChallenge,
    at: receivedAt,
  });
  if (!budget.allowed) {
    return limitRefusal(
      `filingLimit.${budget.reason}`,
      FILING_BUDGETS[budget.reason].limit,
      receivedAt,
      budget.retryAfterMs,
      values,
    );
  }
  try {
    const created = await caseTransaction((tx) =>
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
          accusedUnitId: input.accusedUnitId,
          receivedAt,
        },
        { type: "PETITIONER" },
      ),
    );
    countMetric("filings", { channel: "ONLINE" }); // committed
    return {
      status: "done",
      result: {
        trackingNo: created.trackingNo,
        queryCode: formatQueryCode(created.queryCode),
        receivedAt: receivedAt.toISOString(),
        routeDueAt: created.routeDueAt.toISOString(),
        acceptDueAt: created.acceptDueAt?.toISOString() ?? null,
      },
    };
  } catch (e) {
    // A forged category, place or accused unit comes back as its field's message.
    return toFormState(e, values, { ...PETITIONER_REFUSALS, action: "submitPetition" });
  }
}
