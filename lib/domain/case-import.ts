// 迁移历史数据 (issue 10): the CSV of historical cases (docs/import.md) read into one typed row per record, or every
// problem of the file, each with its line (the CSV line; the header is line 1) and column. Pure: the units,
// categories, calendar and settings come from the caller (lib/data/case-import.ts). A problem names a line, a column
// and a rule — never the value that broke it, which may be a name or a phone number in the wrong column.
//
// Each field is checked on its own first, then how the dates of a row relate (a reply before its acceptance…), and
// then the row is played through the life cycle (case-import-plan.ts), which refuses what the live system would
// (a 复查 asked for after its window, an evaluation while a 复查 runs…).
import type { CategoryKind, Channel, Outcome } from "./petition-rules";
import {
  CHANNELS,
  LIMITS,
  MAX_VISIT_PERSONS,
  OUTCOMES,
  charCount,
  isCollectiveVisit,
  outcomesFor,
} from "./petition-rules";
import { isCivilDate, toCivilDate, type CivilDate } from "./civil-date";
import { parseCsv } from "./csv";
import { MAX_EXTENSION_DAYS, type HolidayCalendar } from "./deadlines";
import { checkRouteTarget } from "./authority";
import { isValidContactPhone } from "./registration";
import { isReviewable } from "./review-chain";
import type { Satisfaction } from "./case-effects";
import {
  IMPORT_COLUMNS,
  STEP_FIELDS,
  planImportedCase,
  type CasePlan,
  type ImportColumn,
  type ImportRow,
  type ImportUnit,
  type StepColumn,
} from "./case-import-plan";

export { IMPORT_COLUMNS, type ImportColumn, type ImportRow, type ImportUnit } from "./case-import-plan";

/**
 * The largest file the admin page takes (the command line takes any): a server action's body must fit in memory, and
 * next.config.mjs allows server actions a little more than this (the form's own fields).
 */
export const IMPORT_FORM_MAX_BYTES = 8 * 1024 * 1024;
/** The problems the admin page lists (the command line prints every one). */
export const IMPORT_ISSUES_SHOWN = 500;

/** A file of more rows is refused whole: the import holds every row in memory and writes them in one transaction. */
export const MAX_IMPORT_ROWS = 200_000;
/** Cases numbered from the year 2000 on (lib/domain/tracking.ts): an older receipt date is a typo. */
export const EARLIEST_RECEIPT: CivilDate = "2000-01-01";

/** `channel` values: the Channel codes in lower case. */
export const CSV_CHANNELS: Readonly<Record<string, Channel>> = Object.fromEntries(
  CHANNELS.map((c) => [c.toLowerCase(), c]),
);
/** `evaluation` values (条例第21条). */
export const CSV_EVALUATIONS: Readonly<Record<string, Satisfaction>> = {
  满意: "SATISFIED",
  基本满意: "BASIC",
  不满意: "UNSATISFIED",
};
/** `outcome` values: the Outcome codes in lower case, or their Chinese names. */
export const CSV_OUTCOMES: Readonly<Record<string, Outcome>> = {
  ...Object.fromEntries(OUTCOMES.map((o) => [o.toLowerCase(), o])),
  支持: "SUPPORT",
  解释说明: "EXPLAIN",
  不予支持: "NOT_SUPPORT",
  采纳: "ADOPT",
  部分采纳: "PARTIAL_ADOPT",
  不予采纳: "NOT_ADOPT",
};

/** Every problem the import reports; each has its message under `import.issues.<key>` in both catalogs. */
export const IMPORT_ISSUE_KEYS = [
  // the file
  "notUtf8",
  "empty",
  "noRows",
  "tooManyRows",
  "unclosedQuote",
  "strayQuote",
  "alreadyImported",
  // the header (line 1)
  "unknownColumn",
  "missingColumn",
  "duplicateColumn",
  // one field
  "fieldCount",
  "required",
  "badDate",
  "futureDate",
  "tooOld",
  "beforeReceived",
  "badChannel",
  "unknownCategory",
  "inactiveCategory",
  "unknownTownship",
  "unknownUnit",
  "inactiveUnit",
  "unitWrongKind",
  "bureauAccepts",
  "badPersonCount",
  "personsNotVisit",
  "tooLong",
  "badPhone",
  "badOutcome",
  "outcomeForKind",
  "badEvaluation",
  "badBoolean",
  "badExtension",
  "extensionTooLong",
  // how the dates of a row relate
  "extensionWithoutAcceptance",
  "acceptedAndNotAccepted",
  "replyWithoutAcceptance",
  "replyBeforeAcceptance",
  "replyWithoutOutcome",
  "outcomeWithoutReply",
  "reviewWithoutReply",
  "reviewBeforeReply",
  "reviewedWithoutRequest",
  "reviewedBeforeRequest",
  "recheckWithoutReview",
  "recheckBeforeReview",
  "recheckedWithoutRequest",
  "recheckedBeforeRequest",
  "evaluationIncomplete",
  "evaluationWithoutReply",
  "evaluationBeforeReply",
  "closedWithoutReply",
  "closedBeforeReply",
  "withdrawnAndReplied",
  "withdrawnAndNotAccepted",
  // the life cycle (case-import-plan.ts)
  "notPossible",
  "reviewWindowClosed",
  "recheckWindowClosed",
  "notReviewable",
  "evaluationInReview",
  "evaluationWindowClosed",
  "closedEarly",
] as const;
export type ImportIssueKey = (typeof IMPORT_ISSUE_KEYS)[number];

/**
 * One problem: the line (0 = the file as a whole, 1 = the header), the column if one is to blame, the rule, and what
 * its message needs (a limit, a date the law computed, the state a step found the case in — never a value of the file).
 */
export type ImportIssue = {
  line: number;
  column: ImportColumn | null;
  key: ImportIssueKey;
  params?: Record<string, string | number>;
};

export type ImportCategory = { id: string; code: string; kind: CategoryKind; active: boolean };

export type ImportContext = {
  units: readonly ImportUnit[];
  categories: readonly ImportCategory[];
  cal: HolidayCalendar;
  evaluationWindowDays: number;
  /** The instant of the import: no date may be after its day. */
  now: Date;
};

/** A row read and played: what lib/data/case-import.ts writes. */
export type ImportedCase = { row: ImportRow; plan: CasePlan };

export type ImportReading = { ok: true; cases: ImportedCase[] } | { ok: false; issues: ImportIssue[] };

/** The file's bytes as text: UTF-8 only (a file saved as GBK would import garbled names). */
export function decodeImportFile(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The whole file: every problem of every row, or every row as a case to write. */
export function readImport(bytes: Uint8Array, ctx: ImportContext): ImportReading {
  const text = decodeImportFile(bytes);
  if (text === null) return refuse({ line: 0, column: null, key: "notUtf8" });
  return readImportText(text, ctx);
}

export function readImportText(text: string, ctx: ImportContext): ImportReading {
  const parsed = parseCsv(text);
  if (!parsed.ok) return refuse({ line: parsed.line, column: null, key: parsed.problem });
  const [header, ...records] = parsed.records;
  if (!header) return refuse({ line: 0, column: null, key: "empty" });
  const columns = readHeader(header.fields);
  if (!columns.ok) return { ok: false, issues: columns.issues };
  if (records.length === 0) return refuse({ line: 0, column: null, key: "noRows" });
  if (records.length > MAX_IMPORT_ROWS)
    return refuse({ line: 0, column: null, key: "tooManyRows", params: { max: MAX_IMPORT_ROWS } });

  const lookups = lookupsOf(ctx);
  const issues: ImportIssue[] = [];
  const cases: ImportedCase[] = [];
  for (const record of records) {
    if (record.fields.length !== header.fields.length) {
      issues.push({
        line: record.line,
        column: null,
        key: "fieldCount",
        params: { expected: header.fields.length, found: record.fields.length },
      });
      continue;
    }
    const cell = (column: ImportColumn) => (record.fields[columns.index[column]] ?? "").trim();
    const read = readRow(record.line, cell, lookups);
    if (!read.ok) {
      issues.push(...read.issues);
      continue;
    }
    const played = planImportedCase(read.row, lookups.plan);
    if (!played.ok) issues.push({ line: record.line, ...played.issue });
    else if (issues.length === 0) cases.push({ row: read.row, plan: played.plan });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, cases };
}

const refuse = (issue: ImportIssue): ImportReading => ({ ok: false, issues: [issue] });

function readHeader(
  names: readonly string[],
): { ok: true; index: Record<ImportColumn, number> } | { ok: false; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const index: Partial<Record<ImportColumn, number>> = {};
  names.forEach((raw, i) => {
    const name = raw.trim();
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
      // The column's name is the sender's header, not a person's data; shown so the typo can be found.
      issues.push({ line: 1, column: null, key: "unknownColumn", params: { column: name.slice(0, 40) } });
    } else if (index[name as ImportColumn] !== undefined) {
      issues.push({ line: 1, column: name as ImportColumn, key: "duplicateColumn", params: { column: name } });
    } else {
      index[name as ImportColumn] = i;
    }
  });
  for (const column of IMPORT_COLUMNS)
    if (index[column] === undefined) issues.push({ line: 1, column, key: "missingColumn", params: { column } });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, index: index as Record<ImportColumn, number> };
}

type Lookups = {
  categories: ReadonlyMap<string, ImportCategory>;
  units: ReadonlyMap<string, ImportUnit>;
  bureau: ImportUnit;
  today: CivilDate;
  /** isCivilDate, remembered: a file's million dates fall on a few thousand days. */
  isDate: (text: string) => boolean;
  plan: Parameters<typeof planImportedCase>[1];
};

function lookupsOf(ctx: ImportContext): Lookups {
  // The bureau every case is received at: the first active one by path, as filing picks it (lib/data/petitions.ts).
  const bureau = ctx.units
    .filter((u) => u.kind === "BUREAU" && u.active)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))[0];
  if (!bureau) throw new Error("no petition bureau is configured");
  const dates = new Map<string, boolean>();
  return {
    categories: new Map(ctx.categories.map((c) => [c.code, c])),
    units: new Map(ctx.units.map((u) => [u.code, u])),
    bureau,
    today: toCivilDate(ctx.now),
    isDate: (text) => {
      let valid = dates.get(text);
      if (valid === undefined) dates.set(text, (valid = isCivilDate(text)));
      return valid;
    },
    plan: {
      cal: ctx.cal,
      evaluationWindowDays: ctx.evaluationWindowDays,
      bureauId: bureau.id,
      unitsById: new Map(ctx.units.map((u) => [u.id, u])),
      now: ctx.now,
    },
  };
}

const DATE_COLUMNS = Object.keys(STEP_FIELDS) as StepColumn[];

const INTEGER = /^\d{1,6}$/;

/** One record's fields, each checked on its own, then how its dates relate. */
function readRow(
  line: number,
  cell: (column: ImportColumn) => string,
  look: Lookups,
): { ok: true; row: ImportRow } | { ok: false; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const problem = (column: ImportColumn, key: ImportIssueKey, params?: ImportIssue["params"]) => {
    issues.push(params ? { line, column, key, params } : { line, column, key });
    return null;
  };
  const required = (column: ImportColumn): string | null => cell(column) || problem(column, "required");

  // received_at first: every other date is compared with it.
  const receivedText = required("received_at");
  let received: CivilDate | null = null;
  if (receivedText !== null) {
    if (!look.isDate(receivedText)) problem("received_at", "badDate");
    else if (receivedText > look.today) problem("received_at", "futureDate");
    else if (receivedText < EARLIEST_RECEIPT) problem("received_at", "tooOld", { date: EARLIEST_RECEIPT });
    else received = receivedText;
  }
  const dates = {} as Record<StepColumn, CivilDate | null>;
  for (const column of DATE_COLUMNS) {
    const value = cell(column);
    dates[column] = null;
    if (value === "") continue;
    if (!look.isDate(value)) problem(column, "badDate");
    else if (value > look.today) problem(column, "futureDate");
    else if (received !== null && value < received) problem(column, "beforeReceived");
    else dates[column] = value;
  }

  const channelText = required("channel");
  const channel =
    channelText === null ? null : (CSV_CHANNELS[channelText.toLowerCase()] ?? problem("channel", "badChannel"));

  const category = readCategory(cell("category_code"), look, problem);
  const township = readTownship(cell("township_code"), look, problem);
  const unit = readUnit(cell("unit_code"), category, look, problem);

  const personCount = readPersonCount(cell("person_count"), channel, problem);
  const title = readText("title", cell("title"), LIMITS.title.max, problem);
  const content = readText("content", cell("content"), LIMITS.content.max, problem);
  const petitionerName = readText("petitioner_name", cell("petitioner_name"), LIMITS.name.max, problem);
  const phoneText = cell("petitioner_phone");
  if (phoneText !== "" && !isValidContactPhone(phoneText)) problem("petitioner_phone", "badPhone");

  const outcomeText = cell("outcome");
  let outcome: Outcome | null = null;
  if (outcomeText !== "") {
    outcome = CSV_OUTCOMES[outcomeText.toLowerCase()] ?? problem("outcome", "badOutcome");
    if (outcome && category && !outcomesFor(category.kind).includes(outcome))
      outcome = problem("outcome", "outcomeForKind");
  }
  const extensionDays = readExtension(cell("extension_days"), problem);
  const evaluationText = cell("evaluation");
  const evaluation =
    evaluationText === "" ? null : (CSV_EVALUATIONS[evaluationText] ?? problem("evaluation", "badEvaluation"));
  const repeatText = cell("is_repeat").toLowerCase();
  if (repeatText !== "" && repeatText !== "true" && repeatText !== "false") problem("is_repeat", "badBoolean");

  if (issues.length > 0 || !received || !channel || !category || !township || !unit) return { ok: false, issues };
  const row: ImportRow = {
    line,
    channel,
    receivedAt: received,
    categoryId: category.id,
    categoryKind: category.kind,
    placeId: township.id,
    unit,
    personCount: personCount ?? 1,
    isCollective: channel === "VISIT" && isCollectiveVisit(personCount ?? 1),
    title: title ?? "",
    content: content ?? "",
    petitionerName: petitionerName ?? "",
    petitionerPhone: phoneText || null,
    outcome,
    extensionDays: extensionDays ?? 0,
    evaluation,
    isRepeat: repeatText === "true",
    ...(Object.fromEntries(DATE_COLUMNS.map((c) => [STEP_FIELDS[c], dates[c]])) as Pick<
      ImportRow,
      (typeof STEP_FIELDS)[StepColumn]
    >),
  };
  const relations = relationIssues(row, look);
  if (relations.length > 0) return { ok: false, issues: relations.map((r) => ({ line, ...r })) };
  return { ok: true, row };
}

type Problem = (column: ImportColumn, key: ImportIssueKey, params?: ImportIssue["params"]) => null;

function readCategory(code: string, look: Lookups, problem: Problem): ImportCategory | null {
  if (code === "") return problem("category_code", "required");
  const category = look.categories.get(code);
  if (!category) return problem("category_code", "unknownCategory");
  if (!category.active) return problem("category_code", "inactiveCategory");
  return category;
}

function readTownship(code: string, look: Lookups, problem: Problem): ImportUnit | null {
  if (code === "") return problem("township_code", "required");
  const township = look.units.get(code);
  if (!township || township.kind !== "TOWNSHIP") return problem("township_code", "unknownTownship");
  if (!township.active) return problem("township_code", "inactiveUnit");
  return township;
}

/** The unit that handled the case: the bureau itself, or a unit the bureau may route this category to (条例第22条). */
function readUnit(code: string, category: ImportCategory | null, look: Lookups, problem: Problem): ImportUnit | null {
  if (code === "") return problem("unit_code", "required");
  const unit = look.units.get(code);
  if (!unit) return problem("unit_code", "unknownUnit");
  if (!unit.active) return problem("unit_code", "inactiveUnit");
  if (unit.id === look.bureau.id || !category) return unit;
  const target = checkRouteTarget({ unit: look.bureau, categoryKind: category.kind, accusedUnit: null }, unit);
  return target.ok ? unit : problem("unit_code", "unitWrongKind");
}

/** Persons: a visit's (条例第20条: five or more make a 集体访); every other channel is one petitioner. */
function readPersonCount(text: string, channel: Channel | null, problem: Problem): number | null {
  if (text === "") return 1;
  const n = INTEGER.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_VISIT_PERSONS)) return problem("person_count", "badPersonCount", { max: MAX_VISIT_PERSONS });
  if (n > 1 && channel !== null && channel !== "VISIT") return problem("person_count", "personsNotVisit");
  return n;
}

function readText(column: ImportColumn, text: string, max: number, problem: Problem): string | null {
  if (text === "") return problem(column, "required");
  if (charCount(text) > max) return problem(column, "tooLong", { max });
  return text;
}

/** 条例第34条: at most 30 days, once. Empty or 0: none. */
function readExtension(text: string, problem: Problem): number | null {
  if (text === "") return 0;
  if (!INTEGER.test(text)) return problem("extension_days", "badExtension");
  const n = Number(text);
  if (n > MAX_EXTENSION_DAYS) return problem("extension_days", "extensionTooLong", { max: MAX_EXTENSION_DAYS });
  return n;
}

type Relation = Omit<ImportIssue, "line">;

/** How the dates of one row relate: what each step needs before it, and the order of the two. */
function relationIssues(r: ImportRow, look: Lookups): Relation[] {
  const out: Relation[] = [];
  const add = (column: ImportColumn, key: ImportIssueKey) => out.push({ column, key });
  /** `later` needs `earlier` before it (or the same day): missing, or before it. */
  const after = (
    later: CivilDate | null,
    earlier: CivilDate | null,
    column: ImportColumn,
    missing: ImportIssueKey,
    before: ImportIssueKey,
  ) => {
    if (later === null) return;
    if (earlier === null) add(column, missing);
    else if (later < earlier) add(column, before);
  };
  if (r.acceptedAt && r.notAcceptedAt) add("not_accepted_at", "acceptedAndNotAccepted");
  if (r.acceptedAt && r.unit.id === look.bureau.id) add("unit_code", "bureauAccepts");
  if (r.extensionDays > 0 && !r.acceptedAt) add("extension_days", "extensionWithoutAcceptance");
  after(r.repliedAt, r.acceptedAt, "replied_at", "replyWithoutAcceptance", "replyBeforeAcceptance");
  if (r.repliedAt && !r.outcome) add("outcome", "replyWithoutOutcome");
  if (r.outcome && !r.repliedAt) add("outcome", "outcomeWithoutReply");
  after(r.reviewRequestedAt, r.repliedAt, "review_requested_at", "reviewWithoutReply", "reviewBeforeReply");
  if (r.reviewRequestedAt && !isReviewable(r.categoryKind)) add("review_requested_at", "notReviewable");
  after(r.reviewedAt, r.reviewRequestedAt, "reviewed_at", "reviewedWithoutRequest", "reviewedBeforeRequest");
  after(r.recheckRequestedAt, r.reviewedAt, "recheck_requested_at", "recheckWithoutReview", "recheckBeforeReview");
  after(r.recheckedAt, r.recheckRequestedAt, "rechecked_at", "recheckedWithoutRequest", "recheckedBeforeRequest");
  if ((r.evaluation === null) !== (r.evaluatedAt === null))
    add(r.evaluation === null ? "evaluation" : "evaluated_at", "evaluationIncomplete");
  after(r.evaluatedAt, r.repliedAt, "evaluated_at", "evaluationWithoutReply", "evaluationBeforeReply");
  after(r.closedAt, r.repliedAt, "closed_at", "closedWithoutReply", "closedBeforeReply");
  if (r.withdrawnAt && r.repliedAt) add("withdrawn_at", "withdrawnAndReplied");
  if (r.withdrawnAt && r.notAcceptedAt) add("withdrawn_at", "withdrawnAndNotAccepted");
  return out;
}
