import { z } from "zod";
import { LIMITS, MAX_REPRESENTATIVES } from "@/lib/domain/petition-rules";
import { isValidEmail, isValidIdNumber, isValidMobile } from "@/lib/domain/masking";
import { isCivilDate } from "@/lib/domain/civil-date";
import { parseShanghaiDateTime } from "@/lib/domain/civil-time";
import {
  SOURCE_DOC_NO_MAX,
  checkRegistration,
  isHigherLevel,
  isRegisterChannel,
  isValidContactPhone,
  keepApplicable,
  needsFeedbackDeadline,
  type RegisterChannel,
  type RegistrationProblem,
} from "@/lib/domain/registration";
import type { MessageKey, Params } from "@/lib/i18n";
import { checkbox, optionalText, text, type FieldErrors } from "./fields";

// 登记 (staff intake of letters, visits, calls, faxes and higher-level transfers). The field formats are
// checked here; the rules that depend on the channel and on the clock come from lib/domain/registration.ts,
// which the data layer runs again. Every problem is reported at once, so the form shows all its messages.

/** The message for each rule of lib/domain/registration.ts (the compiler checks the catalog has them). */
export const REGISTRATION_PROBLEM_MESSAGE: Record<RegistrationProblem, MessageKey> = {
  receivedInFuture: "register.errors.receivedInFuture",
  receivedTooLongAgo: "register.errors.receivedTooLongAgo",
  phoneRequired: "register.errors.phoneRequired",
  personCountRange: "register.errors.personCount",
  representativesRequired: "register.errors.representativesRequired",
  tooManyRepresentatives: "register.errors.tooManyRepresentatives",
  representativesNotCollective: "register.errors.representativesNotCollective",
  sourceDocNoRequired: "register.errors.sourceDocNoRequired",
  feedbackDueRequired: "errors.required",
  feedbackDueNotAfterReceived: "register.errors.feedbackDueNotAfterReceived",
};

/** Spaces dropped; a mobile also loses its dashes (139-1234-5678), a landline keeps the one after its area code. */
export function normalizeContactPhone(value: string): string {
  const compact = value.replace(/\s/g, "");
  const digits = compact.replace(/-/g, "");
  return isValidMobile(digits) ? digits : compact;
}

const contactPhone = z
  .string()
  .optional()
  .transform((v) => normalizeContactPhone(v ?? ""))
  .superRefine((v, ctx) => {
    if (v !== "" && !isValidContactPhone(v)) ctx.addIssue({ code: "custom", message: "register.errors.invalidPhone" });
  })
  .transform((v) => (v === "" ? undefined : v));

const idNumber = optionalText(isValidIdNumber, "errors.invalidIdNumber", 18).transform((v) => v?.toUpperCase());
const raw = z.string().optional();

/** One row of the representatives' table; an all-empty row is no representative. */
const ZRepresentativeRow = z
  .object({
    name: optionalText(() => true, "errors.required", LIMITS.name.max),
    phone: contactPhone,
    idNumber,
  })
  .superRefine((r, ctx) => {
    if (!r.name && (r.phone || r.idNumber))
      ctx.addIssue({ code: "custom", path: ["name"], message: "errors.required" });
    else if (r.name && Array.from(r.name).length < LIMITS.name.min)
      ctx.addIssue({ code: "custom", path: ["name"], message: "errors.tooShort", params: LIMITS.name });
  });

const isBlankRow = (r: unknown) => {
  const row = (r ?? {}) as Record<string, unknown>;
  return ["name", "phone", "idNumber"].every((k) => typeof row[k] !== "string" || (row[k] as string).trim() === "");
};

/** A whole number of persons as typed ("12", " 12 "); undefined for anything else. */
function parsePersonCount(value: unknown): number | undefined {
  if (typeof value !== "string" || !/^\s*\d{1,6}\s*$/.test(value)) return undefined;
  return Number(value.trim());
}

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/** The form's schema at a moment (the received time may not be after it). */
export function registerPetitionSchema(now: Date) {
  return z
    .object({
      channel: raw.superRefine((v, ctx) => {
        if (!v || !isRegisterChannel(v)) ctx.addIssue({ code: "custom", message: "errors.invalidChoice" });
      }),
      receivedAt: raw.superRefine((v, ctx) => {
        if (!v?.trim()) ctx.addIssue({ code: "custom", message: "errors.required" });
        else if (!parseShanghaiDateTime(v))
          ctx.addIssue({ code: "custom", message: "register.errors.invalidDateTime" });
      }),
      categoryId: raw.superRefine((v, ctx) => {
        if (!v?.trim() || v.length > 64) ctx.addIssue({ code: "custom", message: "errors.invalidChoice" });
      }),
      title: text(LIMITS.title),
      content: text(LIMITS.content),
      placeId: raw.superRefine((v, ctx) => {
        if (!v?.trim() || v.length > 64) ctx.addIssue({ code: "custom", message: "errors.invalidChoice" });
      }),
      address: text(LIMITS.address),
      name: text(LIMITS.name),
      phone: contactPhone,
      idNumber,
      email: optionalText(isValidEmail, "errors.invalidEmail", 254),
      consentPublic: checkbox,
      accusedUnitId: raw.superRefine((v, ctx) => {
        if (v && v.length > 64) ctx.addIssue({ code: "custom", message: "errors.invalidChoice" });
      }),
      personCount: raw,
      sourceDocNo: raw,
      feedbackDueDate: raw,
      // Rows are checked only for a visit (below): a letter ignores a stale row left in the hidden section.
      representatives: z.array(z.object({ name: raw, phone: raw, idNumber: raw })).max(64),
    })
    .superRefine((v, ctx) => {
      // Field values that failed their own check arrive here as typed: read everything defensively.
      const channel = typeof v.channel === "string" && isRegisterChannel(v.channel) ? v.channel : undefined;
      if (!channel) return;
      const add = (field: string, message: MessageKey, params?: Params) =>
        ctx.addIssue({ code: "custom", path: [field], message, params });

      let personCount = 1;
      if (channel === "VISIT") {
        (v.representatives ?? []).forEach((row, i) => {
          for (const issue of ZRepresentativeRow.safeParse(row).error?.issues ?? []) {
            ctx.addIssue({
              code: "custom",
              path: ["representatives", i, ...issue.path],
              message: issue.message,
              params: (issue as { params?: Params }).params,
            });
          }
        });
        const n = parsePersonCount(v.personCount);
        if (n === undefined)
          add("personCount", trimmed(v.personCount) === "" ? "errors.required" : "register.errors.personCount");
        else personCount = n;
      }
      const sourceDocNo = trimmed(v.sourceDocNo);
      if (isHigherLevel(channel) && Array.from(sourceDocNo).length > SOURCE_DOC_NO_MAX)
        add("sourceDocNo", "errors.tooLong", { max: SOURCE_DOC_NO_MAX });
      const feedbackDueDate = trimmed(v.feedbackDueDate);
      if (needsFeedbackDeadline(channel) && feedbackDueDate !== "" && !isCivilDate(feedbackDueDate))
        add("feedbackDueDate", "register.errors.invalidDate");

      const receivedAt = typeof v.receivedAt === "string" ? parseShanghaiDateTime(v.receivedAt) : null;
      const phone = trimmed(v.phone);
      const problems = checkRegistration(
        keepApplicable({
          channel,
          receivedAt: receivedAt ?? now,
          phone: phone === "" ? undefined : phone,
          personCount,
          representatives: (v.representatives ?? []).filter((r) => !isBlankRow(r)).map(() => ({ name: "" })),
          sourceDocNo: sourceDocNo === "" ? undefined : sourceDocNo,
          feedbackDueDate: isCivilDate(feedbackDueDate) ? feedbackDueDate : undefined,
        }),
        now,
      );
      for (const [field, problem] of Object.entries(problems)) {
        if (!receivedAt && (field === "receivedAt" || problem === "feedbackDueNotAfterReceived")) continue; // no time to compare with
        if (field === "personCount" && channel === "VISIT" && parsePersonCount(v.personCount) === undefined) continue; // already said
        if (field === "feedbackDueDate" && problem === "feedbackDueRequired" && feedbackDueDate !== "") continue; // said: invalid date
        add(field, REGISTRATION_PROBLEM_MESSAGE[problem]);
      }
    })
    .transform((v) =>
      keepApplicable({
        channel: v.channel as RegisterChannel, // checked above: no output without a valid channel
        receivedAt: parseShanghaiDateTime(v.receivedAt ?? "") as Date,
        categoryId: trimmed(v.categoryId),
        placeId: trimmed(v.placeId),
        title: v.title,
        content: v.content,
        address: v.address,
        name: v.name,
        phone: v.phone,
        idNumber: v.idNumber,
        email: v.email,
        consentPublic: v.consentPublic,
        accusedUnitId: trimmed(v.accusedUnitId) || undefined,
        personCount: parsePersonCount(v.personCount) ?? 1,
        representatives:
          v.channel === "VISIT"
            ? v.representatives
                .map((r) => ZRepresentativeRow.parse(r)) // checked above
                .filter((r) => r.name)
                .map((r) => ({ name: r.name as string, phone: r.phone, idNumber: r.idNumber }))
            : [],
        sourceDocNo: trimmed(v.sourceDocNo) || undefined,
        feedbackDueDate: trimmed(v.feedbackDueDate) || undefined,
      }),
    );
}
export type TRegisterPetition = z.output<ReturnType<typeof registerPetitionSchema>>;

/** Rows of the representatives' table read from a form: the page shows MAX_REPRESENTATIVES; more are read so that a forged sixth is refused, not dropped. */
const REPRESENTATIVE_ROWS_READ = 20;

const REPRESENTATIVE_FIELDS = Array.from({ length: MAX_REPRESENTATIVES }, (_, i) => [
  `rep${i}Name`,
  `rep${i}Phone`,
  `rep${i}IdNumber`,
]).flat();

export const REGISTER_PETITION_FIELDS = [
  "channel",
  "receivedAt",
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
  "personCount",
  "sourceDocNo",
  "feedbackDueDate",
  ...REPRESENTATIVE_FIELDS,
] as const;

export function representativeRows(form: FormData): { name?: string; phone?: string; idNumber?: string }[] {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  return Array.from({ length: REPRESENTATIVE_ROWS_READ }, (_, i) => ({
    name: get(`rep${i}Name`),
    phone: get(`rep${i}Phone`),
    idNumber: get(`rep${i}IdNumber`),
  }));
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Field errors keyed as the form names its inputs: a representative's field is `rep<i><Field>`. */
export function registerFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const [first, row, sub] = issue.path;
    const field =
      first === "representatives" && typeof row === "number" && typeof sub === "string"
        ? `rep${row}${capitalize(sub)}`
        : String(first ?? "_form");
    if (out[field]) continue;
    out[field] = { key: issue.message as MessageKey, params: (issue as { params?: Params }).params };
  }
  return out;
}
