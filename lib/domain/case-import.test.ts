import { describe, expect, it } from "vitest";
import {
  IMPORT_COLUMNS,
  IMPORT_ISSUE_KEYS,
  MAX_IMPORT_ROWS,
  readImport,
  readImportText,
  type ImportColumn,
  type ImportContext,
  type ImportIssue,
  type ImportUnit,
} from "./case-import";
import type { PlannedEvent } from "./case-import-plan";
import { startOfCivilDay, toCivilDate } from "./civil-date";
import {
  acceptDeadline,
  buildCalendar,
  evaluationWindow,
  handleDeadline,
  recheckAnswerDeadline,
  recheckWindow,
  returnDeadline,
  reviewAnswerDeadline,
  reviewWindow,
  routeDeadline,
} from "./deadlines";
import { catalogTranslator, lookupIn } from "../i18n/translate";
import zhCN from "../i18n/messages/zh-CN";
import en from "../i18n/messages/en";
import { importIssueText } from "../i18n/import-issues";

// The import's reading of a CSV of historical cases (lib/domain/case-import.ts) and its playing of each row through
// the life cycle (case-import-plan.ts): every problem of a file with its line and column, and for a good file the
// fields and events the live system would hold, dated by the same deadline functions.

const unit = (
  id: string,
  code: string,
  kind: ImportUnit["kind"],
  parentId: string | null,
  active = true,
): ImportUnit => ({
  id,
  code,
  kind,
  path: parentId ? `/u-gov/${id}/` : `/${id}/`,
  parentId,
  active,
});
const UNITS: ImportUnit[] = [
  unit("u-gov", "XZF", "GOVERNMENT", null),
  unit("u-bureau", "XFJ", "BUREAU", "u-gov"),
  unit("u-cgz", "CGZ", "TOWNSHIP", "u-gov"),
  unit("u-old-town", "OLDT", "TOWNSHIP", "u-gov", false),
  unit("u-zjj", "ZJJ", "DEPARTMENT", "u-gov"),
  unit("u-old", "OLD", "DEPARTMENT", "u-gov", false),
  unit("u-fy", "FY", "LEGAL", "u-gov"),
  unit("u-jw", "JWJW", "DISCIPLINE", "u-gov"),
];
const CATEGORIES = [
  { id: "c-cxjs", code: "CXJS", kind: "APPEAL" as const, active: true },
  { id: "c-jyxc", code: "JYXC", kind: "SUGGESTION" as const, active: true },
  { id: "c-sfss", code: "SFSS", kind: "LEGAL" as const, active: true },
  { id: "c-jjjc", code: "JJJC", kind: "ACCUSATION" as const, active: true },
  { id: "c-old", code: "OLDC", kind: "APPEAL" as const, active: false },
];
// 2025 劳动节 (May 1–5 off, Sun Apr 27 worked) and 国庆 (Oct 1–8 off): deadlines roll past them.
const cal = buildCalendar([
  ...["2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05"].map((date) => ({
    date,
    kind: "OFF" as const,
  })),
  { date: "2025-04-27", kind: "WORKDAY" as const },
  ...["01", "02", "03", "04", "05", "06", "07", "08"].map((d) => ({ date: `2025-10-${d}`, kind: "OFF" as const })),
]);
const NOW = new Date("2026-06-01T04:00:00Z"); // 12:00 in Shanghai
const CTX: ImportContext = { units: UNITS, categories: CATEGORIES, cal, evaluationWindowDays: 30, now: NOW };

type Row = Partial<Record<ImportColumn, string>>;
const BASE: Row = {
  channel: "letter",
  received_at: "2025-03-03",
  category_code: "CXJS",
  township_code: "CGZ",
  unit_code: "ZJJ",
  title: "小区路灯长期不亮",
  content: "小区东门到菜市场一段路灯已经坏了三个月，晚上出行很不安全。",
  petitioner_name: "测试人甲",
  petitioner_phone: "13912345678",
};
const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: Row[], columns: readonly string[] = IMPORT_COLUMNS) =>
  [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c as ImportColumn] ?? "")).join(","))].join("\r\n") +
  "\r\n";

function issuesOf(rows: Row[], ctx = CTX): ImportIssue[] {
  const read = readImportText(csv(rows), ctx);
  return read.ok ? [] : read.issues;
}
/** The one problem of a file of the base row changed by `over` (line 2). */
const issueOf = (over: Row) => issuesOf([{ ...BASE, ...over }]).map(({ column, key }) => ({ column, key }));
function caseOf(over: Row, ctx = CTX) {
  const read = readImportText(csv([{ ...BASE, ...over }]), ctx);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.cases[0]!;
}
const day = (d: string) => startOfCivilDay(d);
const types = (events: readonly PlannedEvent[]) => events.map((e) => e.type);

describe("the header", () => {
  it("names every column once, in any order; each unknown, missing or repeated column is reported on line 1", () => {
    const shuffled = [...IMPORT_COLUMNS].reverse();
    expect(readImportText(csv([BASE], shuffled), CTX).ok).toBe(true);
    const columns = [...IMPORT_COLUMNS.filter((c) => c !== "is_repeat" && c !== "outcome"), "title", "remarks"];
    const read = readImportText(csv([BASE], columns), CTX);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.issues).toEqual([
      { line: 1, column: "title", key: "duplicateColumn", params: { column: "title" } },
      { line: 1, column: null, key: "unknownColumn", params: { column: "remarks" } },
      { line: 1, column: "outcome", key: "missingColumn", params: { column: "outcome" } },
      { line: 1, column: "is_repeat", key: "missingColumn", params: { column: "is_repeat" } },
    ]);
  });

  it("takes the names trimmed, after a byte-order mark", () => {
    const text = "\uFEFF" + csv([BASE]).replace("channel,received_at", " channel , received_at ");
    expect(readImportText(text, CTX).ok).toBe(true);
  });
});

describe("the file", () => {
  const fileIssue = (text: string) => {
    const read = readImportText(text, CTX);
    return read.ok ? null : read.issues;
  };
  it("must be UTF-8", () => {
    const gbk = new Uint8Array([0x63, 0x68, 0x0d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd]); // GBK bytes are not UTF-8
    expect(readImport(gbk, CTX)).toEqual({ ok: false, issues: [{ line: 0, column: null, key: "notUtf8" }] });
    expect(readImport(new TextEncoder().encode(csv([BASE])), CTX).ok).toBe(true);
  });
  it("must hold a header and at least one row, and at most MAX_IMPORT_ROWS", () => {
    expect(fileIssue("")).toEqual([{ line: 0, column: null, key: "empty" }]);
    expect(fileIssue(csv([]))).toEqual([{ line: 0, column: null, key: "noRows" }]);
    const many = IMPORT_COLUMNS.join(",") + "\n" + "x\n".repeat(MAX_IMPORT_ROWS + 1);
    expect(fileIssue(many)).toEqual([{ line: 0, column: null, key: "tooManyRows", params: { max: MAX_IMPORT_ROWS } }]);
  });
  it("is refused at the line of a quote that never closes", () => {
    const text = csv([BASE, BASE]) + 'letter,"2025-03-03\n';
    expect(fileIssue(text)).toEqual([{ line: 4, column: null, key: "unclosedQuote" }]);
  });
  it("has as many fields in each row as in the header", () => {
    const text = csv([BASE]) + "letter,2025-03-03,CXJS\n";
    expect(fileIssue(text)).toEqual([
      { line: 3, column: null, key: "fieldCount", params: { expected: IMPORT_COLUMNS.length, found: 3 } },
    ]);
  });
});

describe("each field", () => {
  it("a wrong date, a date after today, before the receipt, or a receipt before 2000", () => {
    expect(issueOf({ replied_at: "2025-02-30", accepted_at: "2025-03-04", outcome: "support" })).toEqual([
      { column: "replied_at", key: "badDate" },
    ]);
    expect(issueOf({ received_at: "3/3/2025" })).toEqual([{ column: "received_at", key: "badDate" }]);
    expect(issueOf({ accepted_at: "2026-06-02" })).toEqual([{ column: "accepted_at", key: "futureDate" }]);
    expect(issueOf({ received_at: "2026-06-02" })).toEqual([{ column: "received_at", key: "futureDate" }]);
    expect(issueOf({ accepted_at: "2025-03-02" })).toEqual([{ column: "accepted_at", key: "beforeReceived" }]);
    expect(issueOf({ received_at: "1999-12-31" })).toEqual([{ column: "received_at", key: "tooOld" }]);
    // Today is not in the future.
    expect(issueOf({ received_at: "2026-06-01" })).toEqual([]);
  });

  it("an unknown channel, category, township or unit; an inactive one", () => {
    expect(issueOf({ channel: "pigeon" })).toEqual([{ column: "channel", key: "badChannel" }]);
    expect(issueOf({ channel: "HIGHER_ASSIGN" })).toEqual([]); // the codes, in any case
    expect(issueOf({ category_code: "NOPE" })).toEqual([{ column: "category_code", key: "unknownCategory" }]);
    expect(issueOf({ category_code: "OLDC" })).toEqual([{ column: "category_code", key: "inactiveCategory" }]);
    expect(issueOf({ township_code: "ZJJ" })).toEqual([{ column: "township_code", key: "unknownTownship" }]);
    expect(issueOf({ township_code: "OLDT" })).toEqual([{ column: "township_code", key: "inactiveUnit" }]);
    expect(issueOf({ unit_code: "NOPE" })).toEqual([{ column: "unit_code", key: "unknownUnit" }]);
    expect(issueOf({ unit_code: "OLD" })).toEqual([{ column: "unit_code", key: "inactiveUnit" }]);
  });

  it("a unit the bureau may not route the category to (条例第22条: 涉法涉诉 to legal organs only)", () => {
    expect(issueOf({ category_code: "SFSS", unit_code: "ZJJ" })).toEqual([
      { column: "unit_code", key: "unitWrongKind" },
    ]);
    expect(issueOf({ category_code: "CXJS", unit_code: "FY" })).toEqual([
      { column: "unit_code", key: "unitWrongKind" },
    ]);
    expect(issueOf({ category_code: "SFSS", unit_code: "FY" })).toEqual([]);
    expect(issueOf({ category_code: "JJJC", unit_code: "JWJW" })).toEqual([]);
  });

  it("required fields, lengths, the phone", () => {
    expect(issueOf({ title: "", content: " ", petitioner_name: "", channel: "" })).toEqual([
      { column: "channel", key: "required" },
      { column: "title", key: "required" },
      { column: "content", key: "required" },
      { column: "petitioner_name", key: "required" },
    ]);
    expect(issueOf({ title: "长".repeat(61) })).toEqual([{ column: "title", key: "tooLong" }]);
    expect(issueOf({ petitioner_phone: "12345" })).toEqual([{ column: "petitioner_phone", key: "badPhone" }]);
    expect(issueOf({ petitioner_phone: "0571-87654321" })).toEqual([]);
    expect(issueOf({ petitioner_phone: "" })).toEqual([]);
  });

  it("a bad person count, and persons for anything but a visit", () => {
    for (const bad of ["0", "2.5", "abc", "10001", "-3"])
      expect(issueOf({ channel: "visit", person_count: bad }), bad).toEqual([
        { column: "person_count", key: "badPersonCount" },
      ]);
    expect(issueOf({ channel: "letter", person_count: "3" })).toEqual([
      { column: "person_count", key: "personsNotVisit" },
    ]);
    expect(issueOf({ channel: "letter", person_count: "1" })).toEqual([]);
  });

  it("the outcome, the evaluation, the extension, is_repeat", () => {
    const replied = { accepted_at: "2025-03-04", replied_at: "2025-04-01" };
    expect(issueOf({ ...replied, outcome: "maybe" })).toEqual([{ column: "outcome", key: "badOutcome" }]);
    expect(issueOf({ ...replied, outcome: "adopt" })).toEqual([{ column: "outcome", key: "outcomeForKind" }]);
    expect(issueOf({ ...replied, outcome: "采纳", category_code: "JYXC" })).toEqual([]);
    expect(issueOf({ ...replied, outcome: "解释说明" })).toEqual([]);
    expect(issueOf({ ...replied, outcome: "support", evaluation: "很好", evaluated_at: "2025-04-02" })).toEqual([
      { column: "evaluation", key: "badEvaluation" },
    ]);
    expect(issueOf({ accepted_at: "2025-03-04", extension_days: "31" })).toEqual([
      { column: "extension_days", key: "extensionTooLong" },
    ]);
    expect(issueOf({ accepted_at: "2025-03-04", extension_days: "ten" })).toEqual([
      { column: "extension_days", key: "badExtension" },
    ]);
    expect(issueOf({ accepted_at: "2025-03-04", extension_days: "0" })).toEqual([]);
    expect(issueOf({ is_repeat: "yes" })).toEqual([{ column: "is_repeat", key: "badBoolean" }]);
    expect(issueOf({ is_repeat: "TRUE" })).toEqual([]);
  });

  it("names the line, the column and the rule, never the value", () => {
    const issues = issuesOf([{ ...BASE, title: "13912345678", unit_code: "测试人甲", petitioner_phone: "测试人甲" }]);
    expect(issues.map((i) => i.key)).toEqual(["unknownUnit", "badPhone"]);
    expect(JSON.stringify(issues)).not.toMatch(/测试人甲|13912345678/);
  });
});

describe("how the dates of a row relate", () => {
  it("a reply before its acceptance, or without one; both an acceptance and a refusal", () => {
    expect(issueOf({ accepted_at: "2025-03-10", replied_at: "2025-03-09", outcome: "support" })).toEqual([
      { column: "replied_at", key: "replyBeforeAcceptance" },
    ]);
    expect(issueOf({ replied_at: "2025-03-09", outcome: "support" })).toEqual([
      { column: "replied_at", key: "replyWithoutAcceptance" },
    ]);
    expect(issueOf({ accepted_at: "2025-03-10", not_accepted_at: "2025-03-10" })).toEqual([
      { column: "not_accepted_at", key: "acceptedAndNotAccepted" },
    ]);
  });

  it("a reply and its outcome go together", () => {
    expect(issueOf({ accepted_at: "2025-03-10", replied_at: "2025-04-01" })).toEqual([
      { column: "outcome", key: "replyWithoutOutcome" },
    ]);
    expect(issueOf({ accepted_at: "2025-03-10", outcome: "support" })).toEqual([
      { column: "outcome", key: "outcomeWithoutReply" },
    ]);
  });

  it("an evaluation without a reply, before it, or without its date", () => {
    expect(issueOf({ evaluation: "满意", evaluated_at: "2025-04-01" })).toEqual([
      { column: "evaluated_at", key: "evaluationWithoutReply" },
    ]);
    const replied = { accepted_at: "2025-03-10", replied_at: "2025-04-01", outcome: "support" };
    expect(issueOf({ ...replied, evaluation: "满意", evaluated_at: "2025-03-31" })).toEqual([
      { column: "evaluated_at", key: "evaluationBeforeReply" },
    ]);
    expect(issueOf({ ...replied, evaluation: "满意" })).toEqual([
      { column: "evaluated_at", key: "evaluationIncomplete" },
    ]);
    expect(issueOf({ ...replied, evaluated_at: "2025-04-02" })).toEqual([
      { column: "evaluation", key: "evaluationIncomplete" },
    ]);
  });

  it("a review before the reply or without one, each later step before or without its request", () => {
    const replied = { accepted_at: "2025-03-10", replied_at: "2025-04-01", outcome: "support" };
    expect(issueOf({ ...replied, review_requested_at: "2025-03-31" })).toEqual([
      { column: "review_requested_at", key: "reviewBeforeReply" },
    ]);
    expect(issueOf({ review_requested_at: "2025-03-31" })).toEqual([
      { column: "review_requested_at", key: "reviewWithoutReply" },
    ]);
    expect(issueOf({ ...replied, reviewed_at: "2025-04-20" })).toEqual([
      { column: "reviewed_at", key: "reviewedWithoutRequest" },
    ]);
    expect(issueOf({ ...replied, review_requested_at: "2025-04-10", reviewed_at: "2025-04-09" })).toEqual([
      { column: "reviewed_at", key: "reviewedBeforeRequest" },
    ]);
    const reviewed = { ...replied, review_requested_at: "2025-04-10", reviewed_at: "2025-04-20" };
    expect(issueOf({ ...reviewed, recheck_requested_at: "2025-04-19" })).toEqual([
      { column: "recheck_requested_at", key: "recheckBeforeReview" },
    ]);
    expect(issueOf({ ...replied, recheck_requested_at: "2025-04-19" })).toEqual([
      { column: "recheck_requested_at", key: "recheckWithoutReview" },
    ]);
    expect(issueOf({ ...reviewed, rechecked_at: "2025-05-01" })).toEqual([
      { column: "rechecked_at", key: "recheckedWithoutRequest" },
    ]);
    expect(issueOf({ ...reviewed, recheck_requested_at: "2025-04-25", rechecked_at: "2025-04-24" })).toEqual([
      { column: "rechecked_at", key: "recheckedBeforeRequest" },
    ]);
  });

  it("an extension without an acceptance; closing without or before a reply; withdrawing what was answered or refused", () => {
    expect(issueOf({ extension_days: "10" })).toEqual([
      { column: "extension_days", key: "extensionWithoutAcceptance" },
    ]);
    expect(issueOf({ closed_at: "2025-04-01" })).toEqual([{ column: "closed_at", key: "closedWithoutReply" }]);
    const replied = { accepted_at: "2025-03-10", replied_at: "2025-04-01", outcome: "support" };
    expect(issueOf({ ...replied, closed_at: "2025-03-31" })).toEqual([
      { column: "closed_at", key: "closedBeforeReply" },
    ]);
    expect(issueOf({ ...replied, withdrawn_at: "2025-04-02" })).toEqual([
      { column: "withdrawn_at", key: "withdrawnAndReplied" },
    ]);
    expect(issueOf({ not_accepted_at: "2025-03-10", withdrawn_at: "2025-03-12" })).toEqual([
      { column: "withdrawn_at", key: "withdrawnAndNotAccepted" },
    ]);
  });

  it("the bureau accepts nothing itself: a case accepted names the unit that handled it", () => {
    expect(issueOf({ unit_code: "XFJ", accepted_at: "2025-03-10" })).toEqual([
      { column: "unit_code", key: "bureauAccepts" },
    ]);
  });
});

describe("the life cycle refuses what the live system would", () => {
  const replied = { accepted_at: "2025-03-10", replied_at: "2025-04-01", outcome: "support" };
  const reviewEnds = toCivilDate(reviewWindow(day("2025-04-01"), cal).dueAt); // 2025-05-06: 劳动节 rolls it

  it("a 复查 asked for after its window (条例第35条), or for a category that is not reviewed", () => {
    expect(reviewEnds).toBe("2025-05-06");
    expect(issuesOf([{ ...BASE, ...replied, review_requested_at: "2025-05-07" }])).toEqual([
      { line: 2, column: "review_requested_at", key: "reviewWindowClosed", params: { date: "2025-05-06" } },
    ]);
    expect(issueOf({ ...replied, review_requested_at: "2025-05-06" })).toEqual([]);
    expect(
      issueOf({ ...replied, category_code: "JJJC", unit_code: "JWJW", review_requested_at: "2025-04-10" }),
    ).toEqual([{ column: "review_requested_at", key: "notReviewable" }]);
  });

  it("a 复核 asked for after its window (条例第36条)", () => {
    const reviewed = { ...replied, review_requested_at: "2025-04-10", reviewed_at: "2025-04-20" };
    const ends = toCivilDate(recheckWindow(day("2025-04-20"), cal).dueAt);
    expect(issuesOf([{ ...BASE, ...reviewed, recheck_requested_at: "2025-06-01" }])).toEqual([
      { line: 2, column: "recheck_requested_at", key: "recheckWindowClosed", params: { date: ends } },
    ]);
  });

  it("an evaluation after its window, or while a 复查 runs", () => {
    const ends = toCivilDate(evaluationWindow(day("2025-04-01"), 30, cal).dueAt);
    expect(issuesOf([{ ...BASE, ...replied, evaluation: "满意", evaluated_at: "2025-05-20" }])).toEqual([
      { line: 2, column: "evaluated_at", key: "evaluationWindowClosed", params: { date: ends } },
    ]);
    // The window is the setting's: a longer one takes the same file.
    expect(
      issuesOf([{ ...BASE, ...replied, evaluation: "满意", evaluated_at: "2025-05-20" }], {
        ...CTX,
        evaluationWindowDays: 60,
      }),
    ).toEqual([]);
    expect(
      issueOf({
        ...replied,
        review_requested_at: "2025-04-10",
        reviewed_at: "2025-04-30",
        evaluation: "满意",
        evaluated_at: "2025-04-20",
      }),
    ).toEqual([{ column: "evaluated_at", key: "evaluationInReview" }]);
  });

  it("closing before the 复查 window passed, unless the petitioner was satisfied", () => {
    expect(issuesOf([{ ...BASE, ...replied, closed_at: "2025-04-10" }])).toEqual([
      { line: 2, column: "closed_at", key: "closedEarly", params: { date: reviewEnds } },
    ]);
    expect(issueOf({ ...replied, evaluation: "不满意", evaluated_at: "2025-04-05", closed_at: "2025-04-10" })).toEqual([
      { column: "closed_at", key: "closedEarly" },
    ]);
    expect(
      issueOf({ ...replied, evaluation: "基本满意", evaluated_at: "2025-04-05", closed_at: "2025-04-10" }),
    ).toEqual([]);
  });

  it("a step in a state that does not allow it, naming the state", () => {
    expect(issuesOf([{ ...BASE, withdrawn_at: "2025-03-05", accepted_at: "2025-03-10" }])).toEqual([
      { line: 2, column: "accepted_at", key: "notPossible", params: { state: "WITHDRAWN" } },
    ]);
    const final = {
      ...replied,
      review_requested_at: "2025-04-10",
      reviewed_at: "2025-04-20",
      recheck_requested_at: "2025-04-25",
      rechecked_at: "2025-05-10",
    };
    expect(issuesOf([{ ...BASE, ...final, closed_at: "2025-07-01" }])).toEqual([
      { line: 2, column: "closed_at", key: "notPossible", params: { state: "FINAL" } },
    ]);
    expect(
      issuesOf([{ ...BASE, ...replied, closed_at: "2025-06-01", review_requested_at: "2025-06-02" }])[0],
    ).toMatchObject({
      column: "review_requested_at",
    });
  });
});

describe("every bad row is reported, with its line", () => {
  it("all of them, on the CSV's own lines (a quoted line break moves the next line down), and no case", () => {
    const text = csv([
      BASE, // line 2: fine
      { ...BASE, received_at: "2025-13-01" }, // line 3
      { ...BASE, content: "第一行\n第二行" }, // lines 4–5: fine
      { ...BASE, unit_code: "NOPE", accepted_at: "2025-03-10", replied_at: "2025-03-01", outcome: "support" }, // line 6
      BASE, // line 7: fine
      { ...BASE, channel: "telegram", person_count: "0" }, // line 8
    ]);
    const read = readImportText(text, CTX);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.issues.map(({ line, column, key }) => ({ line, column, key }))).toEqual([
      { line: 3, column: "received_at", key: "badDate" },
      { line: 6, column: "replied_at", key: "beforeReceived" },
      { line: 6, column: "unit_code", key: "unknownUnit" },
      { line: 8, column: "channel", key: "badChannel" },
      { line: 8, column: "person_count", key: "badPersonCount" },
    ]);
  });
});

describe("a good row, played as the live system would have it", () => {
  it("a letter at the bureau, never routed: 待受理 there, its routing clock running", () => {
    const { plan } = caseOf({ unit_code: "XFJ", received_at: "2026-05-20" });
    const at = day("2026-05-20");
    expect(plan.fields).toMatchObject({
      state: "SUBMITTED",
      currentUnitId: "u-bureau",
      handlingUnitId: "u-bureau",
      routeDueAt: routeDeadline(at, cal).dueAt,
      currentDueAt: routeDeadline(at, cal).dueAt,
      arrivedAtUnitAt: null,
    });
    expect(plan.events).toEqual([
      {
        type: "REGISTERED",
        actorType: "STAFF",
        unitId: "u-bureau",
        fromState: null,
        toState: "SUBMITTED",
        data: { channel: "LETTER" },
        occurredAt: at,
      },
    ]);
    expect(plan.changes).toBe(0);
  });

  it("an online letter routed on receipt and accepted: 办理中 at the unit, the 60-day clock from acceptance", () => {
    const { row, plan } = caseOf({ channel: "online", received_at: "2026-04-20", accepted_at: "2026-04-28" });
    const received = day("2026-04-20");
    const accepted = day("2026-04-28");
    expect(row.isCollective).toBe(false);
    expect(plan.fields).toMatchObject({
      state: "ACCEPTED",
      currentUnitId: "u-zjj",
      handlingUnitId: "u-zjj",
      routeDueAt: routeDeadline(received, cal).dueAt,
      arrivedAtUnitAt: received,
      acceptDueAt: acceptDeadline(received, cal).dueAt,
      returnDueAt: returnDeadline(received, cal).dueAt,
      decidedAt: accepted,
      acceptedAt: accepted,
      handleDueAt: handleDeadline(accepted, cal).dueAt,
      currentDueAt: handleDeadline(accepted, cal).dueAt,
      lapsedDueAt: null,
    });
    expect(plan.events.map((e) => [e.type, e.actorType, e.unitId, e.fromState, e.toState])).toEqual([
      ["SUBMITTED", "PETITIONER", "u-bureau", null, "SUBMITTED"],
      ["ROUTED", "STAFF", "u-zjj", null, null],
      ["ACCEPTED", "STAFF", "u-zjj", "SUBMITTED", "ACCEPTED"],
    ]);
    expect(plan.events[1]!.data).toEqual({ toUnitId: "u-zjj" });
    expect(plan.changes).toBe(2);
  });

  it("late acceptance and a late reply: the deadline job's OVERDUE records before each, the lapse kept", () => {
    const { plan } = caseOf({
      received_at: "2025-01-02",
      accepted_at: "2025-02-01",
      replied_at: "2025-04-15",
      outcome: "explain",
    });
    const acceptDue = acceptDeadline(day("2025-01-02"), cal);
    const handleDue = handleDeadline(day("2025-02-01"), cal);
    const overdue = plan.events.filter((e) => e.type === "OVERDUE");
    expect(overdue).toEqual([
      {
        type: "OVERDUE",
        actorType: "SYSTEM",
        unitId: "u-zjj",
        fromState: null,
        toState: null,
        data: { stage: "accept", dueDate: acceptDue.dueDate },
        occurredAt: new Date(acceptDue.dueAt.getTime() + 1),
      },
      {
        type: "OVERDUE",
        actorType: "SYSTEM",
        unitId: "u-zjj",
        fromState: null,
        toState: null,
        data: { stage: "handle", dueDate: handleDue.dueDate },
        occurredAt: new Date(handleDue.dueAt.getTime() + 1),
      },
    ]);
    expect(types(plan.events).slice(0, 6)).toEqual([
      "REGISTERED",
      "ROUTED",
      "OVERDUE",
      "ACCEPTED",
      "OVERDUE",
      "REPLIED",
    ]);
    expect(plan.fields.lapsedDueAt).toEqual(handleDue.dueAt);
    expect(plan.fields.outcome).toBe("EXPLAIN");
  });

  it("a reply on the due day is in time: no OVERDUE", () => {
    const due = handleDeadline(day("2025-03-10"), cal).dueDate;
    const { plan } = caseOf({
      accepted_at: "2025-03-10",
      replied_at: due,
      outcome: "support",
      closed_at: "2025-08-01",
    });
    expect(types(plan.events)).not.toContain("OVERDUE");
    expect(plan.fields.lapsedDueAt).toBeNull();
  });

  it("an open case whose deadline passed: its lapse is left to the job's next pass (with its 催办)", () => {
    const { plan } = caseOf({ received_at: "2026-01-05", accepted_at: "2026-01-10" });
    expect(plan.fields.state).toBe("ACCEPTED");
    expect(types(plan.events)).not.toContain("OVERDUE");
    expect(plan.fields.currentDueAt).toEqual(handleDeadline(day("2026-01-10"), cal).dueAt);
  });

  it("an extension (条例第34条): requested and approved on acceptance, the handling deadline moved by its days", () => {
    const { plan } = caseOf({ accepted_at: "2025-03-10", extension_days: "20" });
    const due = handleDeadline(day("2025-03-10"), cal, 20);
    expect(plan.fields.extensionDays).toBe(20);
    expect(plan.fields.handleDueAt).toEqual(due.dueAt);
    expect(plan.extension).toEqual({ days: 20, at: day("2025-03-10") });
    const extension = plan.events.filter((e) => e.type.startsWith("EXTENSION"));
    expect(extension.map((e) => [e.type, e.data])).toEqual([
      ["EXTENSION_REQUESTED", { extensionDays: 20 }],
      ["EXTENSION_APPROVED", { extensionDays: 20, handleDueDate: due.dueDate }],
    ]);
  });

  it("answered long ago with nothing after: closed when the 复查 window passed, the evaluation window recorded as unused", () => {
    const { plan } = caseOf({ accepted_at: "2025-03-10", replied_at: "2025-04-01", outcome: "support" });
    const windowEnd = reviewWindow(day("2025-04-01"), cal).dueAt;
    const evaluationEnd = evaluationWindow(day("2025-04-01"), 30, cal).dueAt;
    expect(plan.fields).toMatchObject({
      state: "CLOSED",
      repliedAt: day("2025-04-01"),
      reviewWindowEndsAt: windowEnd,
      evaluationWindowEndsAt: evaluationEnd,
      closedAt: new Date(windowEnd.getTime() + 1),
      evaluationExpiredAt: new Date(evaluationEnd.getTime() + 1),
      currentDueAt: null,
    });
    expect(plan.events.slice(-3).map((e) => [e.type, e.actorType, e.data])).toEqual([
      ["REPLIED", "STAFF", { outcome: "SUPPORT" }],
      ["CLOSED", "SYSTEM", { reason: "REVIEW_WINDOW_PASSED" }],
      ["EVALUATION_EXPIRED", "SYSTEM", {}],
    ]);
  });

  it("evaluated and closed by a satisfied petitioner", () => {
    const { plan } = caseOf({
      accepted_at: "2025-03-10",
      replied_at: "2025-04-01",
      outcome: "support",
      evaluation: "满意",
      evaluated_at: "2025-04-03",
      closed_at: "2025-04-03",
    });
    expect(plan.fields).toMatchObject({
      state: "CLOSED",
      unitSatisfaction: "SATISFIED",
      evaluatedAt: day("2025-04-03"),
      closedAt: day("2025-04-03"),
      evaluationExpiredAt: null,
    });
    expect(plan.events.slice(-2).map((e) => [e.type, e.actorType, e.data])).toEqual([
      ["EVALUATED", "PETITIONER", { unit: "SATISFIED" }],
      ["CLOSED", "PETITIONER", { reason: "PETITIONER_SATISFIED" }],
    ]);
  });

  it("closed on the CSV's date after the window passed: by the system, on that date", () => {
    const { plan } = caseOf({
      accepted_at: "2025-03-10",
      replied_at: "2025-04-01",
      outcome: "support",
      closed_at: "2025-06-01",
    });
    expect(plan.fields.closedAt).toEqual(day("2025-06-01"));
    expect(plan.events.filter((e) => e.type === "CLOSED").map((e) => e.actorType)).toEqual(["SYSTEM"]);
  });

  it("复查 by the body above the handling unit, 复核 one above that, final; the unit that handled it stays", () => {
    const { plan } = caseOf({
      accepted_at: "2025-03-10",
      replied_at: "2025-04-01",
      outcome: "not_support",
      review_requested_at: "2025-04-10",
      reviewed_at: "2025-05-06",
      recheck_requested_at: "2025-05-20",
      rechecked_at: "2025-06-10",
      evaluation: "基本满意",
      evaluated_at: "2025-06-12",
    });
    expect(plan.fields).toMatchObject({
      state: "FINAL",
      handlingUnitId: "u-zjj",
      currentUnitId: "u-gov", // the top of the tree answers its own 复核
      reviewUnitId: "u-gov",
      recheckUnitId: "u-gov",
      reviewRequestedAt: day("2025-04-10"),
      reviewDueAt: reviewAnswerDeadline(day("2025-04-10"), cal).dueAt,
      reviewedAt: day("2025-05-06"),
      reviewOutcome: "NOT_SUPPORT",
      recheckWindowEndsAt: recheckWindow(day("2025-05-06"), cal).dueAt,
      recheckRequestedAt: day("2025-05-20"),
      recheckDueAt: recheckAnswerDeadline(day("2025-05-20"), cal).dueAt,
      finalAt: day("2025-06-10"),
      recheckOutcome: "NOT_SUPPORT",
      evaluationWindowEndsAt: evaluationWindow(day("2025-06-10"), 30, cal).dueAt,
      unitSatisfaction: "BASIC",
      currentDueAt: null,
    });
    const chain = plan.events.filter((e) => e.type.startsWith("RE") && e.type !== "REGISTERED");
    expect(chain.map((e) => [e.type, e.actorType, e.unitId, e.fromState, e.toState, e.data])).toEqual([
      ["REPLIED", "STAFF", "u-zjj", "ACCEPTED", "REPLIED", { outcome: "NOT_SUPPORT" }],
      ["REVIEW_REQUESTED", "PETITIONER", "u-gov", "REPLIED", "IN_REVIEW", { toUnitId: "u-gov" }],
      ["REVIEW_REPLIED", "STAFF", "u-gov", "IN_REVIEW", "REVIEWED", { upheld: true, outcome: "NOT_SUPPORT" }],
      ["RECHECK_REQUESTED", "PETITIONER", "u-gov", "REVIEWED", "IN_RECHECK", { toUnitId: "u-gov" }],
      ["RECHECK_REPLIED", "STAFF", "u-gov", "IN_RECHECK", "FINAL", { upheld: true, outcome: "NOT_SUPPORT" }],
    ]);
    // The reply's evaluation window passed unused while the 复查 ran: the job recorded it then.
    expect(types(plan.events)).toContain("EVALUATION_EXPIRED");
  });

  it("a review still running: 复查中 at the reviewing body, its answer deadline the running one", () => {
    const { plan } = caseOf({
      accepted_at: "2026-03-02",
      replied_at: "2026-04-01",
      outcome: "support",
      review_requested_at: "2026-04-20",
    });
    expect(plan.fields).toMatchObject({
      state: "IN_REVIEW",
      currentUnitId: "u-gov",
      currentDueAt: plan.fields.reviewDueAt,
    });
  });

  it("a collective visit: five or more persons (条例第20条)", () => {
    expect(caseOf({ channel: "visit", person_count: "6" }).row).toMatchObject({ personCount: 6, isCollective: true });
    expect(caseOf({ channel: "visit", person_count: "4" }).row).toMatchObject({ personCount: 4, isCollective: false });
    expect(caseOf({ channel: "visit", person_count: "" }).row).toMatchObject({ personCount: 1, isCollective: false });
  });

  it("refused by the bureau, withdrawn after acceptance, a repeat", () => {
    expect(caseOf({ unit_code: "XFJ", not_accepted_at: "2025-03-05" }).plan.fields).toMatchObject({
      state: "NOT_ACCEPTED",
      decidedAt: day("2025-03-05"),
      currentUnitId: "u-bureau",
      currentDueAt: null,
    });
    const withdrawn = caseOf({ accepted_at: "2025-03-05", withdrawn_at: "2025-03-20" });
    expect(withdrawn.plan.fields).toMatchObject({ state: "WITHDRAWN", withdrawnAt: day("2025-03-20") });
    expect(withdrawn.plan.events.at(-1)).toMatchObject({
      type: "WITHDRAWN",
      actorType: "PETITIONER",
      toState: "WITHDRAWN",
    });
    expect(caseOf({ is_repeat: "true" }).row.isRepeat).toBe(true);
  });

  it("steps of one day in the order of the life cycle; an evaluation the day of a 复查 request rates the reply", () => {
    const { plan } = caseOf({
      received_at: "2025-03-10",
      accepted_at: "2025-03-10",
      replied_at: "2025-03-10",
      outcome: "support",
      evaluation: "不满意",
      evaluated_at: "2025-03-12",
      review_requested_at: "2025-03-12",
      reviewed_at: "2025-03-30",
      closed_at: "2025-06-01",
    });
    expect(types(plan.events)).toEqual([
      "REGISTERED",
      "ROUTED",
      "ACCEPTED",
      "REPLIED",
      "EVALUATED",
      "REVIEW_REQUESTED",
      "REVIEW_REPLIED",
      "EVALUATION_EXPIRED", // the 复查 answer's window, unused before the case was closed
      "CLOSED",
    ]);
    for (let i = 1; i < plan.events.length; i++)
      expect(plan.events[i]!.occurredAt.getTime()).toBeGreaterThanOrEqual(plan.events[i - 1]!.occurredAt.getTime());
  });
});

describe("messages", () => {
  it("every problem has its message in both catalogs", () => {
    for (const key of IMPORT_ISSUE_KEYS) {
      expect(typeof lookupIn(zhCN, `import.issues.${key}`), key).toBe("string");
      expect(typeof lookupIn(en, `import.issues.${key}`), key).toBe("string");
    }
  });

  it("name the line and the column, in Chinese or English, with the state's name", () => {
    const zh = catalogTranslator(zhCN, undefined, "zh-CN");
    const english = catalogTranslator(en, zhCN, "en");
    const issue: ImportIssue = { line: 7, column: "replied_at", key: "replyBeforeAcceptance" };
    expect(importIssueText(zh, issue)).toBe("第 7 行，replied_at：答复日期早于受理日期。");
    expect(importIssueText(english, issue)).toBe("Line 7, replied_at: The reply date is before the acceptance date.");
    const state: ImportIssue = { line: 3, column: "accepted_at", key: "notPossible", params: { state: "WITHDRAWN" } };
    expect(importIssueText(zh, state)).toBe("第 3 行，accepted_at：这一步发生时事项处于“已撤回”状态，不可能有这一步。");
    expect(importIssueText(zh, { line: 0, column: null, key: "notUtf8" })).toMatch(/^文件：/);
    expect(
      importIssueText(english, { line: 4, column: null, key: "fieldCount", params: { expected: 24, found: 3 } }),
    ).toBe("Line 4: 3 fields; there must be 24, as in the line of column names.");
  });
});
