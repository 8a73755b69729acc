import { z } from "zod";
import { OUTCOMES } from "@/lib/domain/petition-rules";
import { MAX_EXTENSION_DAYS } from "@/lib/domain/deadlines";
import { checkbox, choiceId, text } from "./fields";
import { PROPER_CHANNELS, STAFF_LIMITS } from "./staff-limits";

// The staff case page's forms. Every form carries the case id (only a lookup key: authority comes from the
// database row) and the version the staff member saw (a different version means someone else acted first).
// Messages are catalog keys.

/** Text that may be left empty; a field missing from the form counts as empty. */
const optional = (limits: { min: 0; max: number }) => z.preprocess((v) => v ?? "", text(limits));

const caseRef = {
  petitionId: choiceId,
  version: z.coerce
    .number({ message: "caseStaff.errors.changed" })
    .int("caseStaff.errors.changed")
    .positive("caseStaff.errors.changed"),
};

/** 转送/交办 */
export const ZRouteCase = z.object({
  ...caseRef,
  targetUnitId: z
    .string({ message: "caseStaff.errors.chooseUnit" })
    .trim()
    .min(1, "caseStaff.errors.chooseUnit")
    .max(64, "caseStaff.errors.chooseUnit"),
  note: optional(STAFF_LIMITS.routeNote),
});

/** 退回 */
export const ZReturnCase = z.object({ ...caseRef, reason: text(STAFF_LIMITS.note) });

/** 受理: an explicit confirmation, so a stray click does not start the 60-day clock. */
export const ZAcceptCase = z.object({
  ...caseRef,
  confirm: checkbox.refine((v) => v, { message: "errors.confirmRequired" }),
});

/** 不予受理: the reason and the proper channel (a detail is required for 其他法定途径). */
export const ZNotAcceptCase = z
  .object({
    ...caseRef,
    reason: text(STAFF_LIMITS.note),
    properChannel: z.enum(PROPER_CHANNELS, { message: "caseStaff.errors.chooseChannel" }),
    channelDetail: optional(STAFF_LIMITS.channelDetail),
  })
  .superRefine((v, ctx) => {
    if (v.properChannel === "OTHER" && v.channelDetail === "")
      ctx.addIssue({ code: "custom", path: ["channelDetail"], message: "caseStaff.errors.channelDetail" });
  });

/** 分派 */
export const ZAssignCase = z.object({
  ...caseRef,
  assigneeId: z
    .string({ message: "caseStaff.errors.chooseHandler" })
    .trim()
    .min(1, "caseStaff.errors.chooseHandler")
    .max(64, "caseStaff.errors.chooseHandler"),
});

/** 内部备注, 公开进展, 要求补充材料: one text each. */
export const ZCaseText = z.object({ ...caseRef, text: text(STAFF_LIMITS.note) });

/** 申请延期 (条例第34条): 1–30 days, with the reason told to the petitioner once approved. */
export const ZRequestExtension = z.object({
  ...caseRef,
  days: z
    .string({ message: "rules.extension.days" })
    .trim()
    .regex(/^\d{1,3}$/, "rules.extension.days")
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_EXTENSION_DAYS, { message: "rules.extension.days" }),
  reason: text(STAFF_LIMITS.note),
});

/** 答复: the outcome (checked against the category kind by the data layer) and the reply text. */
export const ZReplyCase = z.object({
  ...caseRef,
  outcome: z.enum(OUTCOMES, { message: "caseStaff.errors.chooseOutcome" }),
  replyText: text(STAFF_LIMITS.replyText),
});

/** 公开: the reviewed public texts; the data layer scans them again for personal data. */
export const ZPublishCase = z.object({
  ...caseRef,
  publicTitle: text(STAFF_LIMITS.publicTitle),
  publicSummary: text(STAFF_LIMITS.publicSummary),
  publicReply: optional(STAFF_LIMITS.publicReply),
});

/** The form fields of each action, for giving back what was typed. */
export const STAFF_FORM_FIELDS = {
  route: ["petitionId", "version", "targetUnitId", "note"],
  return: ["petitionId", "version", "reason"],
  accept: ["petitionId", "version", "confirm"],
  notAccept: ["petitionId", "version", "reason", "properChannel", "channelDetail"],
  assign: ["petitionId", "version", "assigneeId"],
  text: ["petitionId", "version", "text"],
  requestExtension: ["petitionId", "version", "days", "reason"],
  reply: ["petitionId", "version", "outcome", "replyText"],
  publish: ["petitionId", "version", "publicTitle", "publicSummary", "publicReply"],
} as const;
