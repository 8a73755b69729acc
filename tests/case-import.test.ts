// The import of historical cases on the real database (lib/data/case-import.ts, docs/import.md): a good file is
// written whole — every case's chain verifies, its row is what the live system holds after the same steps (a case
// played through the app's own data functions on the same days is compared field by field), the numbers come from
// the year's counter, the figures follow, the cached pages are dropped after the commit — and a bad file is reported
// line by line and writes nothing. Only an admin (or the command line) imports.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { importCases, type ImportResult } from "@/lib/data/case-import";
import { verifyCaseChain } from "@/lib/data/chain";
import { ForbiddenError } from "@/lib/data/errors";
import { rebuildFigures } from "@/lib/data/figures";
import { loadCalendar } from "@/lib/data/calendar";
import { setStalePagesSink } from "@/lib/data/public-pages";
import { runDeadlinePass } from "@/lib/data/deadline-pass";
import { IMPORT_COLUMNS, readImport, type ImportColumn } from "@/lib/domain/case-import";
import { startOfCivilDay } from "@/lib/domain/civil-date";
import { currentDeadline } from "@/lib/domain/current-deadline";
import { buildCalendar, handleDeadline } from "@/lib/domain/deadlines";
import { readEventData } from "@/lib/domain/event-types";
import type { StaffViewer } from "@/lib/domain/authority";
import { parseTrackingNo } from "@/lib/domain/tracking";
import { caseAt, makeReferenceData, onlinePetition, staff, type ReferenceData } from "./factories";

const NOW = new Date("2026-06-01T04:00:00Z"); // 12:00 in Shanghai
const day = (d: string) => startOfCivilDay(d);

let ref: ReferenceData;
let admin: StaffViewer;
let drops: string[][] = [];

beforeAll(async () => {
  ref = await makeReferenceData();
  admin = await staff("admin", ref.gov, { name: "import-admin" });
  setStalePagesSink(async (pages) => {
    drops.push(pages);
  });
});
beforeEach(() => {
  setClock(NOW);
  drops = [];
});
afterAll(() => {
  setStalePagesSink(null);
  resetClock();
});

type Row = Partial<Record<ImportColumn, string>>;
const base = (): Row => ({
  channel: "letter",
  received_at: "2025-03-03",
  category_code: ref.categories.appeal.code,
  township_code: ref.township.code,
  unit_code: ref.department.code,
  title: "小区路灯长期不亮",
  content: "小区东门到菜市场一段路灯已经坏了三个月，晚上出行很不安全，请有关部门尽快维修。",
  petitioner_name: "测试人乙",
  petitioner_phone: "13912345678",
});
const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function csvFile(rows: Row[], columns: readonly string[] = IMPORT_COLUMNS): Uint8Array {
  const lines = [
    columns.join(","),
    ...rows.map((r) => columns.map((c) => quote(r[c as ImportColumn] ?? "")).join(",")),
  ];
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}
const cli = { kind: "cli" } as const;

/** The cases an import wrote, by their line in the file. */
async function importedByLine(batchId: string) {
  const marks = await db.petitionEvent.findMany({
    where: { type: "IMPORTED", data: { contains: batchId } },
    select: { petitionId: true, data: true, actorType: true, actorId: true, seq: true },
  });
  const rows = await db.petition.findMany({
    where: { id: { in: marks.map((m) => m.petitionId) } },
    include: { events: { orderBy: { seq: "asc" } }, extensionRequests: true },
  });
  const byLine = new Map<number, (typeof rows)[number]>();
  for (const m of marks) {
    const data = readEventData("IMPORTED", m.data);
    if (data?.type !== "IMPORTED") throw new Error("IMPORTED data does not fit");
    byLine.set(
      data.data.line,
      rows.find((r) => r.id === m.petitionId)!,
    );
  }
  return { byLine, marks };
}

async function counts() {
  const [petitions, events, extensions, counters] = await Promise.all([
    db.petition.count(),
    db.petitionEvent.count(),
    db.extensionRequest.count(),
    db.counter.findMany({ orderBy: { name: "asc" } }),
  ]);
  return { petitions, events, extensions, counters };
}

const imported = (r: ImportResult) => {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  if (r.batchId === null) throw new Error("checked only");
  return { cases: r.cases, batchId: r.batchId };
};

describe("a good file", () => {
  it("is written whole: chains that verify, rows in the state and with the dates of their steps", async () => {
    const counterBefore = await db.counter.findUnique({ where: { name: "tracking:2025" } });
    const rows: Row[] = [
      // line 2: answered late, nothing after: closed when its 复查 window passed
      { ...base(), accepted_at: "2025-03-05", replied_at: "2025-06-20", outcome: "explain" },
      // line 3: a collective visit, extended, answered, reviewed, evaluated
      {
        ...base(),
        channel: "visit",
        received_at: "2025-04-07",
        person_count: "12",
        accepted_at: "2025-04-09",
        extension_days: "30",
        replied_at: "2025-07-01",
        outcome: "not_support",
        review_requested_at: "2025-07-15",
        reviewed_at: "2025-08-10",
        evaluation: "不满意",
        evaluated_at: "2025-08-20",
      },
      // line 4: still open at the unit, its handling deadline passed (the job's to record)
      { ...base(), channel: "phone", received_at: "2026-01-05", accepted_at: "2026-01-08" },
      // line 5: online, still at the bureau
      { ...base(), channel: "online", received_at: "2026-05-28", unit_code: ref.bureau.code },
      // line 6: received earlier than line 2: numbered first
      { ...base(), received_at: "2025-01-02", not_accepted_at: "2025-01-10", unit_code: ref.bureau.code },
    ];
    const result = imported(await importCases({ kind: "admin", viewer: admin }, csvFile(rows)));
    expect(result.cases).toBe(5);
    const { byLine, marks } = await importedByLine(result.batchId);
    expect(byLine.size).toBe(5);

    for (const c of byLine.values()) {
      const verdict = await verifyCaseChain(c.trackingNo);
      expect(verdict?.ok, c.trackingNo).toBe(true);
      expect(verdict && verdict.ok && verdict.headHash).toBe(c.headHash);
      expect(c.eventCount).toBe(c.events.length);
      // Every change wrote one event, as the case's creation did: the version counts them.
      expect(c.version).toBe(c.eventCount);
      expect(c.consentPublic).toBe(false);
      expect(c.publishedAt).toBeNull();
      expect(c.queryCodeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(c.events.at(-1)).toMatchObject({
        type: "IMPORTED",
        visibility: "INTERNAL",
        actorType: "STAFF",
        actorId: admin.userId,
      });
      // The running deadline as every change keeps it.
      const unitKind = (await db.unit.findUniqueOrThrow({ where: { id: c.currentUnitId } })).kind;
      expect(c.currentDueAt).toEqual(currentDeadline({ ...c, atBureau: unitKind === "BUREAU" })?.dueAt ?? null);
    }
    expect(marks.every((m) => m.seq > 1)).toBe(true);

    const cal = await loadCalendar(db);
    const late = byLine.get(2)!;
    expect(late).toMatchObject({
      state: "CLOSED",
      handlingUnitId: ref.department.id,
      currentUnitId: ref.department.id,
      placeId: ref.township.id,
      receivedAt: day("2025-03-03"),
      acceptedAt: day("2025-03-05"),
      decidedAt: day("2025-03-05"),
      handleDueAt: handleDeadline(day("2025-03-05"), cal).dueAt,
      lapsedDueAt: handleDeadline(day("2025-03-05"), cal).dueAt,
      lateFrom: handleDeadline(day("2025-03-05"), cal).dueAt, // the first deadline met late
      repliedAt: day("2025-06-20"),
      outcome: "EXPLAIN",
      replyText: null,
    });
    expect(late.events.map((e) => e.type)).toEqual([
      "REGISTERED",
      "ROUTED",
      "ACCEPTED",
      "OVERDUE",
      "REPLIED",
      "CLOSED",
      "EVALUATION_EXPIRED",
      "IMPORTED",
    ]);

    const visit = byLine.get(3)!;
    expect(visit).toMatchObject({
      state: "CLOSED", // the 复核 window passed unused
      closedAt: new Date(visit.recheckWindowEndsAt!.getTime() + 1),
      channel: "VISIT",
      personCount: 12,
      isCollective: true,
      extensionDays: 30,
      handleDueAt: handleDeadline(day("2025-04-09"), cal, 30).dueAt,
      handlingUnitId: ref.department.id,
      currentUnitId: ref.gov.id, // 复查 by the body above the department
      reviewUnitId: ref.gov.id,
      reviewedAt: day("2025-08-10"),
      unitSatisfaction: "UNSATISFIED",
      bureauSatisfaction: null,
    });
    expect(visit.extensionRequests).toMatchObject([
      { days: 30, decision: "APPROVED", requestedAt: day("2025-04-09"), decidedAt: day("2025-04-09") },
    ]);

    expect(byLine.get(4)).toMatchObject({ state: "ACCEPTED", lapsedDueAt: null });
    expect(byLine.get(5)).toMatchObject({ state: "SUBMITTED", currentUnitId: ref.bureau.id, channel: "ONLINE" });
    expect(byLine.get(5)!.events[0]).toMatchObject({ type: "SUBMITTED", actorType: "PETITIONER" });
    expect(byLine.get(6)).toMatchObject({ state: "NOT_ACCEPTED", decidedAt: day("2025-01-10") });

    // Numbers from the year's counter, in the order received: line 6 (2 January) before line 2 (3 March).
    const seq = (line: number) => parseTrackingNo(byLine.get(line)!.trackingNo)!;
    expect(seq(6)).toMatchObject({ year: 2025, demo: false });
    expect(seq(2).sequence).toBe(seq(6).sequence + 1);
    expect(seq(3).sequence).toBe(seq(6).sequence + 2);
    expect(seq(6).sequence).toBe((counterBefore?.value ?? 0) + 1);
    expect(seq(4).year).toBe(2026);
    const counterAfter = await db.counter.findUniqueOrThrow({ where: { name: "tracking:2025" } });
    expect(counterAfter.value).toBe(seq(3).sequence);

    // After the commit, once: the figures' pages and the case list, in both languages.
    expect(drops).toHaveLength(1);
    expect(drops[0]).toEqual(expect.arrayContaining(["/zh-CN", "/en", "/zh-CN/letters", "/en/letters"]));
  });

  it("keeps the figures equal to a full recomputation, and counts the cases where they were handled", async () => {
    const unit = await makeReferenceData();
    const rows = [1, 2, 3].map((i) => ({
      ...base(),
      unit_code: unit.department.code,
      received_at: `2025-02-0${i}`,
      accepted_at: `2025-02-0${i + 3}`,
    }));
    imported(await importCases(cli, csvFile(rows)));
    const snapshot = () =>
      db.figureCell.findMany({ orderBy: [{ month: "asc" }, { unitId: "asc" }, { metric: "asc" }] });
    const after = await snapshot();
    await db.$transaction((tx) => rebuildFigures(tx), { timeout: 60_000 });
    expect(await snapshot()).toEqual(after);
    const received = after.filter((c) => c.unitId === unit.department.id && c.metric === "RECEIVED");
    expect(received).toEqual([expect.objectContaining({ month: "2025-02", n: 3 })]);
  });

  it("holds what the live system holds after the same steps on the same days", async () => {
    const bureauStaff = await staff("handler", ref.bureau, { name: "live-bureau" });
    const handler = await staff("handler", ref.department, { name: "live-dept" });
    const reviewer = await staff("handler", ref.gov, { name: "live-gov" });
    const at = {
      routed: day("2026-05-04"),
      accepted: day("2026-05-06"),
      replied: day("2026-05-12"),
      reviewRequested: day("2026-05-15"),
      reviewed: day("2026-05-25"),
    };
    const live = await caseAt("reviewed", {
      petition: onlinePetition(ref, { receivedAt: day("2026-05-04"), consentPublic: false }),
      bureau: bureauStaff,
      to: { unit: ref.department, handler },
      reviewer,
      at,
    });
    const result = imported(
      await importCases(
        cli,
        csvFile([
          {
            ...base(),
            channel: "online",
            received_at: "2026-05-04",
            accepted_at: "2026-05-06",
            replied_at: "2026-05-12",
            outcome: "support",
            review_requested_at: "2026-05-15",
            reviewed_at: "2026-05-25",
          },
        ]),
      ),
    );
    const ours = (await importedByLine(result.batchId)).byLine.get(2)!;
    const theirs = await db.petition.findUniqueOrThrow({
      where: { id: live.id },
      include: { events: { orderBy: { seq: "asc" } } },
    });
    const FIELDS = [
      "state",
      "channel",
      "currentUnitId",
      "handlingUnitId",
      "placeId",
      "personCount",
      "isCollective",
      "receivedAt",
      "routeDueAt",
      "arrivedAtUnitAt",
      "acceptDueAt",
      "returnDueAt",
      "decidedAt",
      "acceptedAt",
      "handleDueAt",
      "extensionDays",
      "currentDueAt",
      "lapsedDueAt",
      "repliedAt",
      "outcome",
      "reviewWindowEndsAt",
      "reviewRequestedAt",
      "reviewDueAt",
      "reviewUnitId",
      "reviewedAt",
      "reviewOutcome",
      "recheckWindowEndsAt",
      "evaluationWindowEndsAt",
      "evaluatedAt",
      "closedAt",
      "consentPublic",
      "isRepeat",
      "lateFrom",
    ] as const;
    const pick = (p: Record<(typeof FIELDS)[number], unknown>) => Object.fromEntries(FIELDS.map((f) => [f, p[f]]));
    expect(pick(ours)).toEqual(pick(theirs));
    expect(ours.version).toBe(theirs.version + 1); // and the IMPORTED record
    // The same events, but for who acted (the import knows no staff member), the petitioner's reasons (texts the CSV
    // does not hold) and the import's own last record.
    const comparable = (e: (typeof ours.events)[number]) => ({
      type: e.type,
      visibility: e.visibility,
      actorType: e.actorType,
      unitId: e.unitId,
      fromState: e.fromState,
      toState: e.toState,
      data: e.data,
      occurredAt: e.occurredAt,
    });
    const texts = theirs.events.filter((e) => e.type === "REVIEW_REASONS");
    expect(texts).toHaveLength(1);
    expect(ours.events.slice(0, -1).map(comparable)).toEqual(
      theirs.events.filter((e) => !texts.includes(e)).map(comparable),
    );
  });

  it("leaves the deadline job only the lapse of a deadline still running", async () => {
    const result = imported(
      await importCases(
        cli,
        csvFile([
          { ...base(), accepted_at: "2025-03-05", replied_at: "2025-04-01", outcome: "support" },
          { ...base(), received_at: "2026-01-05", accepted_at: "2026-01-08" },
        ]),
      ),
    );
    const before = await importedByLine(result.batchId);
    await runDeadlinePass({ at: NOW });
    const after = await importedByLine(result.batchId);
    const types = (line: number, b: typeof before) => b.byLine.get(line)!.events.map((e) => e.type);
    expect(types(2, after)).toEqual(types(2, before));
    expect(types(3, after).slice(types(3, before).length)).toEqual(["OVERDUE", "SUPERVISED", "NOTE_INTERNAL"]);
    for (const c of after.byLine.values()) expect((await verifyCaseChain(c.trackingNo))?.ok).toBe(true);
  });
});

describe("a bad file", () => {
  it("is reported row by row with the CSV's line numbers, and writes nothing", async () => {
    const before = await counts();
    const result = await importCases(
      cli,
      csvFile([
        base(), // line 2: fine
        { ...base(), received_at: "2025-02-30" }, // line 3
        { ...base(), content: "两行\n内容" }, // lines 4–5: fine
        { ...base(), unit_code: "NO-SUCH-UNIT" }, // line 6
        { ...base(), accepted_at: "2025-03-10", replied_at: "2025-03-08", outcome: "support" }, // line 7
      ]),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map(({ line, column, key }) => ({ line, column, key }))).toEqual([
      { line: 3, column: "received_at", key: "badDate" },
      { line: 6, column: "unit_code", key: "unknownUnit" },
      { line: 7, column: "replied_at", key: "replyBeforeAcceptance" },
    ]);
    expect(await counts()).toEqual(before);
    expect(drops).toEqual([]);
  });

  it("with a column missing is refused at its header, and writes nothing", async () => {
    const before = await counts();
    const result = await importCases(
      cli,
      csvFile(
        [base()],
        IMPORT_COLUMNS.filter((c) => c !== "unit_code"),
      ),
    );
    expect(result).toEqual({
      ok: false,
      issues: [{ line: 1, column: "unit_code", key: "missingColumn", params: { column: "unit_code" } }],
    });
    expect(await counts()).toEqual(before);
  });

  it("already imported (the same bytes) is refused whole: imported cases cannot be deleted", async () => {
    const file = csvFile([{ ...base(), received_at: "2025-05-05", title: "只导入一次的文件" }]);
    const first = imported(await importCases(cli, file));
    const before = await counts();
    expect(await importCases(cli, file)).toEqual({
      ok: false,
      issues: [{ line: 0, column: null, key: "alreadyImported", params: { batch: first.batchId, date: "2026-06-01" } }],
    });
    expect(await importCases(cli, file, { check: true })).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
  });

  it("checked only (--check) writes nothing either", async () => {
    const before = await counts();
    expect(await importCases(cli, csvFile([base(), base()]), { check: true })).toEqual({
      ok: true,
      cases: 2,
      batchId: null,
    });
    expect(await counts()).toEqual(before);
  });
});

describe("the example file (docs/examples/import-example.csv)", () => {
  it("is valid for the demo county", async () => {
    const { unitRows } = await import("@/prisma/seed/units");
    const { categoryRows } = await import("@/prisma/seed/categories");
    const { HOLIDAYS } = await import("@/prisma/seed/holidays");
    const bytes = fs.readFileSync(path.join(__dirname, "..", "docs/examples/import-example.csv"));
    const read = readImport(bytes, {
      units: unitRows(NOW).map((u) => ({
        id: u.id!,
        code: u.code,
        kind: u.kind,
        path: u.path,
        parentId: u.parentId ?? null,
        active: true,
      })),
      categories: categoryRows().map((c) => ({ id: c.id!, code: c.code, kind: c.kind, active: true })),
      cal: buildCalendar(HOLIDAYS),
      evaluationWindowDays: 30,
      now: NOW,
    });
    expect(read.ok ? [] : read.issues).toEqual([]);
    const cases = read.ok ? read.cases : [];
    expect(new Set(cases.map((c) => c.row.channel)).size).toBe(7);
    expect(cases.some((c) => c.row.isCollective)).toBe(true);
    expect(cases.some((c) => c.plan.events.some((e) => e.type === "OVERDUE"))).toBe(true); // a late reply
    expect(cases.some((c) => c.row.reviewedAt !== null)).toBe(true);
    expect(cases.some((c) => c.row.evaluation !== null)).toBe(true);
  });
});

describe("who may import", () => {
  it("an admin only: anyone else, or an admin deactivated since signing in, writes nothing", async () => {
    const before = await counts();
    const supervisor = await staff("supervisor", ref.bureau, { name: "import-supervisor" });
    await expect(importCases({ kind: "admin", viewer: supervisor }, csvFile([base()]))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const gone = await staff("admin", ref.gov, { name: "import-gone", active: false });
    await expect(importCases({ kind: "admin", viewer: gone }, csvFile([base()]))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await counts()).toEqual(before);
  });
});
