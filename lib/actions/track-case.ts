"use server";
import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { clientAddress } from "@/lib/http/client-address";
import { lookUpCase } from "@/lib/data/tracking";
import { openPetitionerSession } from "@/lib/petitioner-session";
import { ZTrackLookup } from "@/lib/validation/petition";
import { readForm } from "@/lib/validation/fields";
import { formLocale } from "@/lib/i18n/form-locale";
import { localePath } from "@/lib/i18n/locale-path";
import { refused, type FormState } from "./form-state";

/** 查询: POSTed (never in a URL). A right pair opens the petitioner's view of that one case. */
export async function trackCase(_prev: FormState, form: FormData): Promise<FormState> {
  const read = readForm(form, ["trackingNo", "queryCode"]);
  if (!read.ok) return read.refusal;
  const values = read.values;
  const parsed = ZTrackLookup.safeParse(values);
  // The query code is never given back to the page.
  const keep = { trackingNo: values.trackingNo };
  if (!parsed.success) return refused("track.wrongPair", keep);
  const result = await lookUpCase({ ...parsed.data, clientKey: await clientAddress(), at: now() });
  if (!result.ok) {
    return result.reason === "rateLimited"
      ? refused("track.rateLimited", keep, { minutes: Math.ceil(result.retryAfterMs / 60000) })
      : refused("track.wrongPair", keep);
  }
  await openPetitionerSession(result.petitionId);
  redirect(localePath(formLocale(form), "/track/case"));
}
