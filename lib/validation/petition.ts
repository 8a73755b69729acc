import { z } from "zod";
import { LIMITS } from "@/lib/domain/petition-rules";
import { isValidEmail, isValidIdNumber, isValidMobile } from "@/lib/domain/masking";
import { checkbox, choiceId, optionalText, text } from "./fields";

/** 我要写信 (条例第19条: name, address, request, facts, reasons). */
export const ZSubmitPetition = z.object({
  categoryId: choiceId,
  title: text(LIMITS.title),
  content: text(LIMITS.content),
  placeId: choiceId,
  address: text(LIMITS.address),
  name: text(LIMITS.name),
  phone: z
    .string({ message: "errors.required" })
    .transform((v) => v.replace(/[\s-]/g, ""))
    .superRefine((v, ctx) => {
      if (v === "") ctx.addIssue({ code: "custom", message: "errors.required" });
      else if (!isValidMobile(v)) ctx.addIssue({ code: "custom", message: "errors.invalidPhone" });
    }),
  idNumber: optionalText(isValidIdNumber, "errors.invalidIdNumber", 18).transform((v) => v?.toUpperCase()),
  email: optionalText(isValidEmail, "errors.invalidEmail", 254),
  consentPublic: checkbox,
  /** 检举控告: the unit accused (optional); only with an accusation's category, which the data layer checks. */
  accusedUnitId: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= 64, { message: "errors.invalidChoice" })
    .transform((v) => (v === "" ? undefined : v)),
});
export type TSubmitPetition = z.infer<typeof ZSubmitPetition>;
export const SUBMIT_PETITION_FIELDS = [
  "categoryId",
  "title",
  "content",
  "placeId",
  "address",
  "name",
  "phone",
  "idNumber",
  "email",
  "consentPublic",
  "accusedUnitId",
] as const;

export const ZTrackLookup = z.object({
  trackingNo: z.string().max(40).default(""),
  queryCode: z.string().max(40).default(""),
});

export const ZSupplement = z.object({ text: text(LIMITS.supplement), version: z.coerce.number().int().positive() });
export const ZWithdraw = z.object({
  reason: text(LIMITS.withdrawReason),
  confirm: checkbox.refine((v) => v, { message: "errors.confirmRequired" }),
  version: z.coerce.number().int().positive(),
});
