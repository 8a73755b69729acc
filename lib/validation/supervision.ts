import { z } from "zod";
import { LEADER_TITLES } from "@/lib/domain/charge-rule";
import { isCivilDate } from "@/lib/domain/civil-date";
import { SUPERVISION_MEASURES } from "@/lib/domain/supervision";
import { choiceId, text } from "./fields";
import { STAFF_LIMITS } from "./staff-limits";

// The supervisor's forms (督办, 督办升级, 延期审批, 领导包案) and the unit's written answer to an order. Like every staff
// form they carry the case id (a lookup key only) and the version the page showed; the order or request id is a
// lookup key too: the data layer checks that it belongs to the case and still waits. Messages are catalog keys.

const caseRef = {
  petitionId: choiceId,
  version: z.coerce
    .number({ message: "caseStaff.errors.changed" })
    .int("caseStaff.errors.changed")
    .positive("caseStaff.errors.changed"),
};

const measure = z.enum(SUPERVISION_MEASURES, { message: "supervision.errors.chooseMeasure" });
const civilDate = z
  .string({ message: "supervision.errors.invalidDate" })
  .trim()
  .refine(isCivilDate, { message: "supervision.errors.invalidDate" });

/** 督办: the measure and the message to the unit. */
export const ZSupervise = z.object({ ...caseRef, measure, message: text(STAFF_LIMITS.note) });

/** 督办升级: the order replaced, the stronger measure, the message. */
export const ZEscalateSupervision = z.object({
  ...caseRef,
  orderId: choiceId,
  measure,
  message: text(STAFF_LIMITS.note),
});

/** 督办答复: the unit's written answer. */
export const ZAnswerSupervision = z.object({ ...caseRef, orderId: choiceId, answerText: text(STAFF_LIMITS.note) });

/** 批准 / 不批准延期: the request decided and the reason. */
export const ZDecideExtension = z.object({ ...caseRef, requestId: choiceId, note: text(STAFF_LIMITS.note) });

/** 领导包案: an office from the fixed list (no name can be typed), the start and the target date. */
export const ZTakeCharge = z.object({
  ...caseRef,
  title: z.enum(LEADER_TITLES, { message: "supervision.errors.chooseTitle" }),
  startDate: civilDate,
  targetDate: civilDate,
});

/** 包案结束: resolved (化解) or not. */
export const ZEndCharge = z.object({
  ...caseRef,
  resolved: z.enum(["yes", "no"], { message: "supervision.errors.chooseOutcome" }).transform((v) => v === "yes"),
});

/** The form fields of each action, for giving back what was typed. */
export const SUPERVISION_FORM_FIELDS = {
  supervise: ["petitionId", "version", "measure", "message"],
  escalate: ["petitionId", "version", "orderId", "measure", "message"],
  answer: ["petitionId", "version", "orderId", "answerText"],
  decideExtension: ["petitionId", "version", "requestId", "note"],
  takeCharge: ["petitionId", "version", "title", "startDate", "targetDate"],
  endCharge: ["petitionId", "version", "resolved"],
} as const;

// ---- The supervision board's GET form (/staff/supervision): parsed leniently, like the queue's. ----

/** The board's lists: overdue cases by stage, then due soon, extension requests, open orders, 领导包案. */
export const BOARD_LISTS = [
  "overdueRoute",
  "overdueAccept",
  "overdueHandle",
  "overdueReview",
  "overdueRecheck",
  "overdueOrders",
  "overdueFeedback",
  "dueSoon",
  "extensions",
  "openOrders",
  "charge",
] as const;
export type BoardList = (typeof BOARD_LISTS)[number];
export const BOARD_SORTS = ["due", "received"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export type BoardParams = { list: BoardList; sort: BoardSort; dir: "asc" | "desc"; unitId?: string; page: number };

const ZBoardParams = z.object({
  list: z.enum(BOARD_LISTS).catch("overdueHandle"),
  sort: z.enum(BOARD_SORTS).catch("due"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  unit: z.string().trim().min(1).max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function parseBoardParams(sp: Record<string, string | string[] | undefined>): BoardParams {
  const raw: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(sp)) {
    const s = Array.isArray(v) ? v[0] : v;
    raw[k] = s === undefined || s.trim() === "" ? undefined : s;
  }
  const p = ZBoardParams.parse(raw);
  return { list: p.list, sort: p.sort, dir: p.dir, unitId: p.unit, page: p.page };
}

/** The query string of a board address (defaults left out). */
export function boardSearch(p: Partial<BoardParams>): string {
  const qs = new URLSearchParams();
  if (p.list) qs.set("list", p.list);
  if (p.unitId) qs.set("unit", p.unitId);
  if (p.sort && p.sort !== "due") qs.set("sort", p.sort);
  if (p.dir && p.dir !== "asc") qs.set("dir", p.dir);
  if (p.page && p.page > 1) qs.set("page", String(p.page));
  const s = qs.toString();
  return s ? `?${s}` : "";
}
