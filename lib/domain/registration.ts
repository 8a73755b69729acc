// 登记: the rules for petitions that the bureau's staff record from a letter, visit, call, fax or a
// higher level's transfer (条例第17、19、20、22条). Pure: the form's schema and the data layer both use them.
import { isCivilDate, toCivilDate, type CivilDate } from "./civil-date";
import { isValidMobile } from "./masking";
import { MAX_REPRESENTATIVES, MAX_VISIT_PERSONS, isCollectiveVisit, type Channel } from "./petition-rules";

/** Every channel but 网上 (the petitioner files that one). */
export const REGISTER_CHANNELS = [
  "LETTER",
  "VISIT",
  "PHONE",
  "FAX",
  "HIGHER_TRANSFER",
  "HIGHER_ASSIGN",
] as const satisfies readonly Channel[];
export type RegisterChannel = (typeof REGISTER_CHANNELS)[number];

export function isRegisterChannel(value: string): value is RegisterChannel {
  return (REGISTER_CHANNELS as readonly string[]).includes(value);
}

/** 来电 and 来访: the petitioner is on the line or in the room, so staff ask for a number to answer on. */
export function isPhoneRequired(channel: RegisterChannel): boolean {
  return channel === "PHONE" || channel === "VISIT";
}

/** 上级转办 / 交办: recorded with the higher level's document number (来文文号). */
export function isHigherLevel(channel: RegisterChannel): boolean {
  return channel === "HIGHER_TRANSFER" || channel === "HIGHER_ASSIGN";
}

/** 上级交办 also sets the date by which the higher level expects a report back (反馈期限). */
export function needsFeedbackDeadline(channel: RegisterChannel): boolean {
  return channel === "HIGHER_ASSIGN";
}

/** How far back a registration may date its receipt: late registration happens, a year-old one is a typo. */
const RECEIVED_WITHIN_DAYS = 365;
export const SOURCE_DOC_NO_MAX = 60;

const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** A number a petitioner can be called back on: a mainland mobile, or a landline with its area code. */
export function isValidContactPhone(value: string): boolean {
  return isValidMobile(value) || LANDLINE.test(value);
}

export type Representative = { name: string; phone?: string; idNumber?: string };

/** What the rules below look at; the rest of a registration (text fields, ids) is checked elsewhere. */
export type RegistrationFacts = {
  channel: RegisterChannel;
  receivedAt: Date;
  phone?: string;
  personCount: number;
  representatives: readonly Representative[];
  sourceDocNo?: string;
  feedbackDueDate?: CivilDate;
};

export type RegistrationField =
  "receivedAt" | "phone" | "personCount" | "representatives" | "sourceDocNo" | "feedbackDueDate";
export type RegistrationProblem =
  | "receivedInFuture"
  | "receivedTooLongAgo"
  | "phoneRequired"
  | "personCountRange"
  | "representativesRequired"
  | "tooManyRepresentatives"
  | "representativesNotCollective"
  | "sourceDocNoRequired"
  | "feedbackDueRequired"
  | "feedbackDueNotAfterReceived";
export type RegistrationProblems = Partial<Record<RegistrationField, RegistrationProblem>>;

/**
 * Drops what does not belong to the channel: the form shows every section when the browser runs no
 * script, so a letter may arrive with a visit's default person count or a stale 来文文号. Only a visit
 * has persons and representatives; only a higher level's case has a document number; only 交办 a deadline.
 */
export function keepApplicable<T extends RegistrationFacts>(input: T): T {
  const visit = input.channel === "VISIT";
  return {
    ...input,
    personCount: visit ? input.personCount : 1,
    representatives: visit ? input.representatives : [],
    sourceDocNo: isHigherLevel(input.channel) ? input.sourceDocNo : undefined,
    feedbackDueDate: needsFeedbackDeadline(input.channel) ? input.feedbackDueDate : undefined,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The rules of a registration (after keepApplicable), one problem per field; empty when it may be written. */
export function checkRegistration(f: RegistrationFacts, now: Date): RegistrationProblems {
  const problems: RegistrationProblems = {};
  if (f.receivedAt.getTime() > now.getTime()) problems.receivedAt = "receivedInFuture";
  else if (f.receivedAt.getTime() < now.getTime() - RECEIVED_WITHIN_DAYS * DAY_MS)
    problems.receivedAt = "receivedTooLongAgo";

  if (isPhoneRequired(f.channel) && !f.phone) problems.phone = "phoneRequired";

  if (!Number.isInteger(f.personCount) || f.personCount < 1 || f.personCount > MAX_VISIT_PERSONS) {
    problems.personCount = "personCountRange";
  } else if (f.channel === "VISIT" && isCollectiveVisit(f.personCount)) {
    // 条例第20条: a collective visit speaks through at most five representatives.
    if (f.representatives.length === 0) problems.representatives = "representativesRequired";
    else if (f.representatives.length > MAX_REPRESENTATIVES) problems.representatives = "tooManyRepresentatives";
  } else if (f.representatives.length > 0) {
    problems.representatives = "representativesNotCollective";
  }

  if (isHigherLevel(f.channel) && !f.sourceDocNo) problems.sourceDocNo = "sourceDocNoRequired";
  if (needsFeedbackDeadline(f.channel)) {
    if (!f.feedbackDueDate || !isCivilDate(f.feedbackDueDate)) problems.feedbackDueDate = "feedbackDueRequired";
    else if (f.feedbackDueDate <= toCivilDate(f.receivedAt)) problems.feedbackDueDate = "feedbackDueNotAfterReceived";
  }
  return problems;
}
