// The deadline job on the real database (lib/data/deadline-pass.ts): each deadline that passes is recorded once,
// whatever the number of passes — in a row, at once in one process, at once in two processes (scripts/jobs.ts) —
// and a pass after days of downtime catches up on everything, each once. Cases are made through the app's own
// data functions at the instants the test chooses; the pass runs at an instant set with setClock.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { runDeadlinePass, PASS_KINDS, type PassSummary } from "@/lib/data/deadline-pass";
import { startDeadlineScheduler } from "@/lib/jobs/scheduler";
import { verifyCaseChain } from "@/lib/data/chain";
import { acceptCase, replyCase, requestExtension, routeCase } from "@/lib/data/staff-case-actions";
import { approveExtension } from "@/lib/data/supervision-actions";
import { toCivilDate } from "@/lib/domain/civil-date";
import type { StaffViewer } from "@/lib/domain/authority";
import { buildTestCase, DEMO } from "@/prisma/seed/factories";
import { caseAt, fileOnline, makeReferenceData, onlinePetition, staff, type ReferenceData } from "./factories";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const DAY = 24 * 60 * 60 * 1000;
const ms = (d: Date, plus: number) => new Date(d.getTime() + plus);

let ref: ReferenceData;
let bureau: StaffViewer;
let handler: StaffViewer;
let supervisor: StaffViewer;

beforeAll(async () => {
  ref = await makeReferenceData();
  bureau = await staff("handler", ref.bureau, { name: "bureau" });
  handler = await staff("handler", ref.department, { name: "dept" });
  supervisor = await staff("supervisor", ref.department, { name: "super" });
});

afterAll(async () => {
  resetClock();
  await db.setting.deleteMany({ where: { key: "autoUrgeOnHandleLapse" } });
});

const T0 = new Date("2026-03-02T02:00:00Z"); // Monday 10:00 in Shanghai
const steps = { routed: ms(T0, 3600_000), accepted: ms(T0, DAY), replied: ms(T0, 10 * DAY) };

/** A case 办理中 at the department since T0 + 1 day. */
async function acceptedCase(over: Parameters<typeof onlinePetition>[1] = {}) {
  const c = await caseAt("accepted", {
    petition: onlinePetition(ref, { receivedAt: T0, ...over }),
    bureau,
    to: { unit: ref.department, handler },
    at: steps,
  });
  return { ...c, ...(await facts(c.id)) };
}

const facts = (id: string) =>
  db.petition.findUniqueOrThrow({
    where: { id },
    select: {
      state: true,
      version: true,
      trackingNo: true,
      routeDueAt: true,
      acceptDueAt: true,
      handleDueAt: true,
      currentDueAt: true,
      lapsedDueAt: true,
      feedbackDueAt: true,
      feedbackLapsedAt: true,
      reviewWindowEndsAt: true,
      evaluationWindowEndsAt: true,
      evaluationExpiredAt: true,
      closedAt: true,
    },
  });

const eventsOf = (petitionId: string, type?: string) =>
  db.petitionEvent.findMany({
    where: { petitionId, ...(type ? { type } : {}) },
    orderBy: { seq: "asc" },
    select: { type: true, data: true, note: true, actorType: true, actorId: true, visibility: true, occurredAt: true },
  });

const ordersOf = (petitionId: string) =>
  db.supervisionOrder.findMany({ where: { petitionId }, orderBy: { issuedAt: "asc" } });

async function passAt(at: Date): Promise<PassSummary> {
  setClock(at);
  const summary = await runDeadlinePass();
  for (const [kind, n] of Object.entries(summary.failed)) expect(n, `failed ${kind}`).toBe(0);
  return summary;
}

const total = (s: PassSummary) => PASS_KINDS.reduce((n, k) => n + s.written[k], 0);

async function expectChainOk(trackingNo: string) {
  expect(await verifyCaseChain(trackingNo)).toMatchObject({ ok: true });
}

describe("a case goes late", () => {
  it("the handling deadline: exactly one OVERDUE (public, by the system) and one automatic 催办, whatever the passes", async () => {
    const c = await acceptedCase();
    const due = c.handleDueAt!;
    expect(c.currentDueAt).toEqual(due);

    await passAt(due); // the last millisecond of the due day is not late
    expect(await eventsOf(c.id, "OVERDUE")).toHaveLength(0);

    const first = await passAt(ms(due, 1));
    expect(first.written.overdue).toBeGreaterThanOrEqual(1);
    const overdue = await eventsOf(c.id, "OVERDUE");
    expect(overdue).toEqual([
      expect.objectContaining({
        visibility: "PUBLIC",
        actorType: "SYSTEM",
        actorId: null,
        data: JSON.stringify({ dueDate: toCivilDate(due), stage: "handle" }),
        occurredAt: ms(due, 1),
      }),
    ]);
    const orders = await ordersOf(c.id);
    expect(orders).toEqual([
      expect.objectContaining({
        measure: "URGE",
        issuedById: null,
        targetUnitId: ref.department.id,
        issuedAt: ms(due, 1),
        answeredAt: null,
        overdueAt: null,
      }),
    ]);
    expect(orders[0]!.message).toContain(toCivilDate(due));
    expect(orders[0]!.message).toContain("催办");
    const supervised = await eventsOf(c.id, "SUPERVISED");
    expect(supervised).toHaveLength(1);
    expect(JSON.parse(supervised[0]!.data)).toMatchObject({ measure: "URGE", automatic: true, orderId: orders[0]!.id });
    // The message is internal; the public event carries the measure only.
    expect(supervised[0]!.note).toBeNull();
    const notes = await eventsOf(c.id, "NOTE_INTERNAL");
    expect(notes.map((n) => n.note)).toEqual([orders[0]!.message]);
    expect((await facts(c.id)).lapsedDueAt).toEqual(due);

    // Passes in a row: nothing more, for this case or any other.
    const again = await passAt(ms(due, 1));
    expect(total(again)).toBe(0);
    await passAt(ms(due, 2 * DAY));
    expect(await eventsOf(c.id, "OVERDUE")).toHaveLength(1);
    expect(await ordersOf(c.id)).toHaveLength(1);
    await expectChainOk(c.trackingNo);
  });

  it("routing, then acceptance: each stage's deadline is its own, recorded once", async () => {
    const filed = await fileOnline(ref, { receivedAt: T0 });
    const received = await facts(filed.id);
    await passAt(ms(received.routeDueAt!, 1));
    await passAt(ms(received.routeDueAt!, 2));
    // Routed late: the unit's acceptance deadline is a new deadline, which lapses once itself.
    const routedAt = ms(received.routeDueAt!, 2 * DAY);
    await routeCase(bureau, {
      petitionId: filed.id,
      expectedVersion: (await facts(filed.id)).version,
      at: routedAt,
      targetUnitId: ref.department.id,
      note: "",
    });
    const routed = await facts(filed.id);
    expect(routed.lapsedDueAt).toEqual(received.routeDueAt); // the routing lapse stays recorded
    await passAt(routed.acceptDueAt!);
    await passAt(ms(routed.acceptDueAt!, 1));
    await passAt(ms(routed.acceptDueAt!, 1));
    const stages = (await eventsOf(filed.id, "OVERDUE")).map((e) => JSON.parse(e.data));
    expect(stages).toEqual([
      { stage: "route", dueDate: toCivilDate(received.routeDueAt!) },
      { stage: "accept", dueDate: toCivilDate(routed.acceptDueAt!) },
    ]);
    expect(await ordersOf(filed.id)).toEqual([]); // 催办 follows the handling deadline only
    // Accepted late: the handling clock starts afresh and nothing is recorded for it yet.
    await acceptCase(handler, {
      petitionId: filed.id,
      expectedVersion: (await facts(filed.id)).version,
      at: ms(routed.acceptDueAt!, 3 * DAY),
    });
    await passAt(ms(routed.acceptDueAt!, 4 * DAY));
    expect(await eventsOf(filed.id, "OVERDUE")).toHaveLength(2);
    await expectChainOk(filed.trackingNo);
  });

  it("an approved extension moves the deadline: the new one may lapse once itself, with its own 催办", async () => {
    const c = await acceptedCase();
    const first = c.handleDueAt!;
    await requestExtension(handler, {
      petitionId: c.id,
      expectedVersion: c.version,
      at: ms(first, -5 * DAY),
      days: 15,
      reason: "需会同自然资源局现场勘测",
    });
    await passAt(ms(first, 1)); // lapsed while the request waits: recorded, with a 催办
    const request = await db.extensionRequest.findFirstOrThrow({ where: { petitionId: c.id } });
    await approveExtension(supervisor, {
      petitionId: c.id,
      expectedVersion: (await facts(c.id)).version,
      at: ms(first, 2 * DAY),
      requestId: request.id,
      note: "同意延期15日",
    });
    const extended = await facts(c.id);
    expect(extended.handleDueAt!.getTime()).toBeGreaterThan(first.getTime());
    expect(extended.currentDueAt).toEqual(extended.handleDueAt);
    await passAt(ms(first, 3 * DAY)); // the extended deadline has not passed
    expect(await eventsOf(c.id, "OVERDUE")).toHaveLength(1);
    await passAt(extended.handleDueAt!);
    await passAt(ms(extended.handleDueAt!, 1));
    await passAt(ms(extended.handleDueAt!, DAY));
    const overdue = (await eventsOf(c.id, "OVERDUE")).map((e) => JSON.parse(e.data).dueDate);
    expect(overdue).toEqual([toCivilDate(first), toCivilDate(extended.handleDueAt!)]);
    expect((await ordersOf(c.id)).map((o) => o.measure)).toEqual(["URGE", "URGE"]);
    await expectChainOk(c.trackingNo);
  });

  it("with autoUrgeOnHandleLapse=false the lapse is recorded and no 催办 is opened", async () => {
    const c = await acceptedCase();
    await db.setting.upsert({
      where: { key: "autoUrgeOnHandleLapse" },
      create: { key: "autoUrgeOnHandleLapse", value: "false" },
      update: { value: "false" },
    });
    try {
      const summary = await passAt(ms(c.handleDueAt!, 1));
      expect(summary.written.urge).toBe(0);
    } finally {
      await db.setting.deleteMany({ where: { key: "autoUrgeOnHandleLapse" } });
    }
    expect(await eventsOf(c.id, "OVERDUE")).toHaveLength(1);
    expect(await eventsOf(c.id, "SUPERVISED")).toHaveLength(0);
    expect(await ordersOf(c.id)).toEqual([]);
  });
});

describe("orders, feedback, windows and evaluations", () => {
  it("an unanswered 催办 becomes overdue once (internal); an answered one never", async () => {
    const late = await acceptedCase();
    const answered = await acceptedCase();
    const due = late.handleDueAt!;
    await passAt(ms(due, 1));
    const [order] = await ordersOf(late.id);
    const [answeredOrder] = await ordersOf(answered.id);
    // The unit answers one of them in writing before its deadline (the order's own compare-and-set column).
    await db.supervisionOrder.update({
      where: { id: answeredOrder!.id },
      data: { answeredAt: ms(due, DAY), answerText: "已书面报告", answeredById: handler.userId },
    });
    await passAt(order!.answerDueAt);
    expect(await eventsOf(late.id, "SUPERVISION_OVERDUE")).toHaveLength(0);
    await passAt(ms(order!.answerDueAt, 1));
    await passAt(ms(order!.answerDueAt, 1));
    const marked = await eventsOf(late.id, "SUPERVISION_OVERDUE");
    expect(marked).toEqual([
      expect.objectContaining({
        visibility: "INTERNAL",
        actorType: "SYSTEM",
        data: JSON.stringify({
          answerDueDate: toCivilDate(order!.answerDueAt),
          measure: "URGE",
          orderId: order!.id,
        }),
      }),
    ]);
    expect((await ordersOf(late.id))[0]!.overdueAt).toEqual(ms(order!.answerDueAt, 1));
    expect(await eventsOf(answered.id, "SUPERVISION_OVERDUE")).toHaveLength(0);
    expect((await ordersOf(answered.id))[0]!.overdueAt).toBeNull();
    await expectChainOk(late.trackingNo);
  });

  it("上级交办 feedback due while the case is unanswered: one OVERDUE {stage: feedback}; none once answered", async () => {
    const feedbackDueAt = new Date("2026-03-31T15:59:59.999Z"); // 03-31 in Shanghai
    const owed = await acceptedCase({ channel: "HIGHER_ASSIGN", sourceDocNo: "市信办〔2026〕12号", feedbackDueAt });
    const answered = await acceptedCase({ channel: "HIGHER_ASSIGN", sourceDocNo: "市信办〔2026〕13号", feedbackDueAt });
    await replyCase(handler, {
      petitionId: answered.id,
      expectedVersion: answered.version,
      at: ms(feedbackDueAt, -DAY),
      outcome: "SUPPORT",
      replyText: "经核查，问题已解决。",
    });
    await passAt(feedbackDueAt);
    expect(await eventsOf(owed.id, "OVERDUE")).toHaveLength(0);
    await passAt(ms(feedbackDueAt, 1));
    await passAt(ms(feedbackDueAt, DAY));
    expect((await eventsOf(owed.id, "OVERDUE")).map((e) => JSON.parse(e.data))).toEqual([
      { stage: "feedback", dueDate: "2026-03-31" },
    ]);
    expect((await facts(owed.id)).feedbackLapsedAt).toEqual(ms(feedbackDueAt, 1));
    expect(await eventsOf(answered.id, "OVERDUE")).toHaveLength(0);
  });

  it("a 复查 window that passed unused closes the case, once; the evaluation window expires, once", async () => {
    const c = await caseAt("replied", {
      petition: onlinePetition(ref, { receivedAt: T0 }),
      bureau,
      to: { unit: ref.department, handler },
      at: steps,
    });
    const replied = await facts(c.id);
    const windowEnd = replied.reviewWindowEndsAt!;
    const evaluationEnd = replied.evaluationWindowEndsAt!;
    expect(evaluationEnd).not.toBeNull();
    await passAt(windowEnd);
    expect((await facts(c.id)).state).toBe("REPLIED");
    const last = new Date(Math.max(windowEnd.getTime(), evaluationEnd.getTime()) + 1);
    await passAt(last);
    await passAt(last);
    const closed = await facts(c.id);
    expect(closed).toMatchObject({ state: "CLOSED", closedAt: last, evaluationExpiredAt: last });
    expect(await eventsOf(c.id, "CLOSED")).toEqual([
      expect.objectContaining({ actorType: "SYSTEM", data: JSON.stringify({ reason: "REVIEW_WINDOW_PASSED" }) }),
    ]);
    expect(await eventsOf(c.id, "EVALUATION_EXPIRED")).toEqual([
      expect.objectContaining({ actorType: "SYSTEM", visibility: "INTERNAL" }),
    ]);
    await expectChainOk(c.trackingNo);
  });
});

describe("an evaluation window closing while 复查 runs", () => {
  it("is recorded once: the unused reply window counts for 参评率 even though the case is 复查中", async () => {
    const gov = ref.gov;
    const reviewer = await staff("handler", gov, { name: "gov" });
    const c = await caseAt("inReview", {
      petition: onlinePetition(ref, { receivedAt: T0 }),
      bureau,
      to: { unit: ref.department, handler },
      reviewer,
      at: { ...steps, reviewRequested: ms(T0, 12 * DAY) },
    });
    const before = await facts(c.id);
    expect(before.state).toBe("IN_REVIEW");
    const after = ms(before.evaluationWindowEndsAt!, 1);
    await passAt(after);
    await passAt(after);
    expect(await facts(c.id)).toMatchObject({ state: "IN_REVIEW", evaluationExpiredAt: after });
    expect(await eventsOf(c.id, "EVALUATION_EXPIRED")).toHaveLength(1);
    await expectChainOk(c.trackingNo);
  });
});

describe("two passes at once", () => {
  it("in one process (Promise.all): each event once, the chains valid", async () => {
    const cases = await Promise.all([acceptedCase(), acceptedCase(), acceptedCase()]);
    const at = ms(cases[0]!.handleDueAt!, 1);
    setClock(at);
    const [a, b] = await Promise.all([runDeadlinePass(), runDeadlinePass()]);
    for (const s of [a, b]) for (const n of Object.values(s.failed)) expect(n).toBe(0);
    for (const c of cases) {
      expect(await eventsOf(c.id, "OVERDUE")).toHaveLength(1);
      expect(await ordersOf(c.id)).toHaveLength(1);
      await expectChainOk(c.trackingNo);
    }
    expect(a.written.overdue + b.written.overdue).toBeGreaterThanOrEqual(cases.length);
  });

  it("in two processes (scripts/jobs.ts on the same database file, at the same instant): each event once", async () => {
    const cases = await Promise.all(Array.from({ length: 30 }, () => acceptedCase()));
    const at = ms(cases[0]!.handleDueAt!, 1);
    const offset = String(at.getTime() - Date.now());
    const env = { ...process.env, APP_CLOCK_OFFSET_MS: offset };
    const args = ["--conditions=react-server", "--import", "tsx", "scripts/jobs.ts", "--json"];
    const results = await Promise.all(
      [1, 2].map(() => run(process.execPath, args, { cwd: ROOT, env, timeout: 60_000 })),
    );
    const summaries = results.map((r) => JSON.parse(r.stdout.trim().split("\n").pop()!) as PassSummary);
    for (const s of summaries) for (const n of Object.values(s.failed)) expect(n).toBe(0);
    for (const c of cases) {
      expect(await eventsOf(c.id, "OVERDUE")).toHaveLength(1);
      expect(await eventsOf(c.id, "SUPERVISED")).toHaveLength(1);
      expect(await ordersOf(c.id)).toHaveLength(1);
      await expectChainOk(c.trackingNo);
    }
    expect(summaries[0]!.written.overdue + summaries[1]!.written.overdue).toBeGreaterThanOrEqual(cases.length);
  }, 90_000);
});

describe("after days of downtime", () => {
  it("one pass catches up on everything that came due, each once; the next writes nothing", async () => {
    const handling = await acceptedCase();
    const feedbackDueAt = ms(handling.handleDueAt!, -10 * DAY);
    const assigned = await acceptedCase({ channel: "HIGHER_ASSIGN", sourceDocNo: "市信办〔2026〕30号", feedbackDueAt });
    const routed = await caseAt("routed", {
      petition: onlinePetition(ref, { receivedAt: T0 }),
      bureau,
      to: { unit: ref.department, handler },
      at: steps,
    });
    const replied = await caseAt("replied", {
      petition: onlinePetition(ref, { receivedAt: T0 }),
      bureau,
      to: { unit: ref.department, handler },
      at: steps,
    });
    // The server was down for weeks: the first pass comes 20 days after the handling deadline.
    const back = ms(handling.handleDueAt!, 20 * DAY);
    const first = await passAt(back);
    expect(first.written.overdue).toBeGreaterThanOrEqual(3);
    const kinds = async (id: string) => (await eventsOf(id)).map((e) => e.type).filter((t) => SYSTEM_TYPES.has(t));
    expect(await kinds(handling.id)).toEqual(["OVERDUE", "SUPERVISED", "NOTE_INTERNAL"]);
    expect((await eventsOf(assigned.id, "OVERDUE")).map((e) => JSON.parse(e.data).stage)).toEqual([
      "handle",
      "feedback",
    ]);
    expect((await eventsOf(routed.id, "OVERDUE")).map((e) => JSON.parse(e.data).stage)).toEqual(["accept"]);
    expect((await facts(replied.id)).state).toBe("CLOSED");
    expect(await kinds(replied.id)).toEqual(["CLOSED", "EVALUATION_EXPIRED"]);
    expect(total(await passAt(back))).toBe(0);

    // Down again, past the 催办 orders' answer deadline: they become overdue, each once.
    const [order] = await ordersOf(handling.id);
    const later = ms(order!.answerDueAt, 10 * DAY);
    const second = await passAt(later);
    expect(second.written.orderOverdue).toBeGreaterThanOrEqual(2);
    expect(await kinds(handling.id)).toEqual(["OVERDUE", "SUPERVISED", "NOTE_INTERNAL", "SUPERVISION_OVERDUE"]);
    expect(await eventsOf(assigned.id, "SUPERVISION_OVERDUE")).toHaveLength(1);
    expect(total(await passAt(later))).toBe(0);
    for (const c of [handling, assigned, routed, replied]) await expectChainOk(c.trackingNo);
  });
});

const SYSTEM_TYPES = new Set([
  "OVERDUE",
  "SUPERVISED",
  "NOTE_INTERNAL",
  "SUPERVISION_OVERDUE",
  "CLOSED",
  "EVALUATION_EXPIRED",
]);

describe("the server's schedule", () => {
  it("runs a first pass shortly after start, once per process; DEADLINE_JOB=off starts nothing", async () => {
    const c = await acceptedCase();
    setClock(ms(c.handleDueAt!, 1));
    const before = process.env.DEADLINE_JOB;
    process.env.DEADLINE_JOB = "off";
    expect(startDeadlineScheduler({ firstDelayMs: 1 })).toBeNull();
    if (before === undefined) delete process.env.DEADLINE_JOB;
    else process.env.DEADLINE_JOB = before;
    const scheduler = startDeadlineScheduler({ firstDelayMs: 1 });
    try {
      expect(scheduler).not.toBeNull();
      expect(startDeadlineScheduler({ firstDelayMs: 1 })).toBe(scheduler); // one per process
      for (let i = 0; i < 100 && (await eventsOf(c.id, "OVERDUE")).length === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(await eventsOf(c.id, "OVERDUE")).toHaveLength(1);
    } finally {
      scheduler?.stop();
    }
  });
});

describe("the demo database", () => {
  it("already holds what the job would have written: a pass at the seed's instant writes nothing, nor does a second", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sunshine-seed-job-"));
    const env = {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, "demo.db")}`,
      SEED_NOW: SEED_NOW.toISOString(),
      APP_CLOCK_OFFSET_MS: "0",
    };
    try {
      const node = (args: string[], extra: Record<string, string> = {}) =>
        run(process.execPath, args, { cwd: ROOT, env: { ...env, ...extra }, timeout: 150_000 });
      await node(["node_modules/prisma/build/index.js", "migrate", "deploy"]);
      await node(["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts"]);
      const pass = async () => {
        // The same instant for both passes, however long the first one takes.
        const offset = String(SEED_NOW.getTime() - Date.now());
        const out = await node(["--conditions=react-server", "--import", "tsx", "scripts/jobs.ts", "--json"], {
          APP_CLOCK_OFFSET_MS: offset,
        });
        return JSON.parse(out.stdout.trim().split("\n").pop()!) as PassSummary;
      };
      for (const summary of [await pass(), await pass()]) {
        expect(summary.written).toEqual(Object.fromEntries(PASS_KINDS.map((k) => [k, 0])));
        expect(summary.skipped).toBe(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it("a late demo case carries the job's OVERDUE, its automatic 催办 and the order rows, without new random draws", () => {
    const now = new Date("2026-06-15T04:00:00Z");
    const late = buildTestCase({
      now,
      receivedAt: new Date(now.getTime() - 150 * DAY),
      plan: { routeTo: DEMO.zjj.id, pace: "normal", replyLate: true, superviseWhenLate: true },
    });
    const p = late.petition;
    const types = late.events.map((e) => e.type);
    expect(types).toContain("OVERDUE");
    const overdue = late.events.filter((e) => e.type === "OVERDUE").map((e) => JSON.parse(e.data!));
    expect(overdue).toContainEqual({ stage: "handle", dueDate: toCivilDate(p.handleDueAt!) });
    expect(p.lapsedDueAt).toEqual(p.handleDueAt);
    const urges = late.supervisionOrders.filter((o) => o.issuedById === null);
    expect(urges).toEqual([expect.objectContaining({ measure: "URGE", targetUnitId: DEMO.zjj.id })]);
    // Every SUPERVISED event has its order row, and the events come in time order.
    expect(late.supervisionOrders).toHaveLength(types.filter((t) => t === "SUPERVISED").length);
    const times = late.events.map((e) => new Date(e.occurredAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The job's records carry ids derived from the case's (no draw from the demo's random sequence).
    expect(
      late.events.filter((e) => SYSTEM_ONLY.has(e.type)).every((e) => String(e.id).startsWith(`${late.id}-j`)),
    ).toBe(true);
  });
});

const SYSTEM_ONLY = new Set(["OVERDUE", "SUPERVISION_OVERDUE", "SUPERVISION_ANSWERED", "EVALUATION_EXPIRED"]);
const SEED_NOW = new Date("2026-06-15T04:00:00Z"); // a Monday noon in Shanghai: no nightly step is pending
