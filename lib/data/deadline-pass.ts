import "server-only";
import { withLease } from "./job-lease";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { toCivilDate } from "@/lib/domain/civil-date";
import type { HolidayCalendar } from "@/lib/domain/deadlines";
import {
  evaluationLapsed,
  feedbackLapse,
  opensUrge,
  orderLapse,
  runningLapse,
  windowToClose,
} from "@/lib/domain/deadline-job";
import { STATES, TRANSITIONS, type PetitionAction, type PetitionState } from "@/lib/domain/petition-states";
import type { Settings } from "@/lib/domain/settings";
import { closeEffect } from "@/lib/domain/case-effects";
import { translator } from "@/lib/i18n";
import type { Prisma } from "@/generated/prisma/client";
import { changeCase, type CaseRow, type ChangePlan } from "./change-case";
import { loadCalendar } from "./calendar";
import { CaseChangedError } from "./errors";
import { loadSettings } from "./settings";
import { publishing } from "./public-pages";
import { openOrder } from "./supervision-orders";

// The deadline job: one pass records what the deadlines of lib/domain/deadline-job.ts say has come due by `at`.
// Each item is its own changeCase transaction (role "system") whose plan re-reads the facts inside the transaction
// and re-checks the rule, so a concurrent pass (in this process or another) or a staff action in between makes it a
// no-op: the pass is idempotent, safe when two run at once, and catches up after any downtime without duplicates.
// Candidates come from indexed queries in batches (keyset on due instant + id), never one unbounded read.
// Run by `npm run jobs` (scripts/jobs.ts) and every few minutes by the server (lib/jobs/scheduler.ts).

export const PASS_KINDS = [
  "overdue", // a running deadline passed: OVERDUE
  "urge", // … and it was the handling deadline: an automatic 催办 order beside it
  "orderOverdue", // a supervision order's answer deadline passed unanswered: SUPERVISION_OVERDUE
  "feedbackOverdue", // 上级交办 feedback due and the case unanswered: OVERDUE {stage: feedback}
  "windowClosed", // a 复查 / 复核 window passed unused: CLOSED
  "evaluationExpired", // an evaluation window closed unused: EVALUATION_EXPIRED
] as const;
export type PassKind = (typeof PASS_KINDS)[number];

type ItemKind = Exclude<PassKind, "urge">;

export type PassSummary = {
  at: Date;
  /** Changes written, per kind (an OVERDUE with its 催办 counts once under each). */
  written: Record<PassKind, number>;
  /** Items another pass or a staff action had already dealt with, or that no longer apply. */
  skipped: number;
  /** Items that failed (logged by kind only); the pass went on. */
  failed: Record<ItemKind, number>;
  ms: number;
};

export type PassOptions = {
  /** The instant the pass acts at (default: now()); every event it writes carries it. */
  at?: Date;
  /** Candidates read per query. */
  batchSize?: number;
};

const DEFAULT_BATCH = 200;
/** SQLite lets one writer in at a time; a second process's transaction may be refused at once (SQLITE_BUSY). */
const BUSY_RETRIES = 8;

/** The plan found nothing left to do: another pass or a staff action came first. */
class NothingDue extends Error {
  constructor() {
    super("nothing due");
  }
}

const system = (unitId: string, at: Date) => ({
  actorType: "SYSTEM" as const,
  actorId: null,
  unitId,
  occurredAt: at,
});

type Context = { at: Date; settings: Settings; cal: HolidayCalendar; batchSize: number; summary: PassSummary };

/** How long a pass may hold the deadline job's lease before another process may take it over. */
export const DEADLINE_LEASE_MS = 30 * 60_000;

/**
 * A pass unless another app process is running one (the lease "deadline-pass", lib/data/job-lease.ts): what the
 * server's schedule and `npm run jobs` run. Null when another process holds it.
 */
export async function runDeadlinePassOnce(options: PassOptions = {}, holder?: string): Promise<PassSummary | null> {
  return withLease("deadline-pass", DEADLINE_LEASE_MS, () => runDeadlinePass(options), holder);
}

export async function runDeadlinePass(options: PassOptions = {}): Promise<PassSummary> {
  // Each item commits on its own; the cached public pages of every case it changed are dropped once, at the end.
  return publishing(() => deadlinePass(options));
}

async function deadlinePass(options: PassOptions): Promise<PassSummary> {
  const started = performance.now();
  const at = options.at ?? now();
  const summary: PassSummary = {
    at,
    written: Object.fromEntries(PASS_KINDS.map((k) => [k, 0])) as Record<PassKind, number>,
    skipped: 0,
    failed: { overdue: 0, orderOverdue: 0, feedbackOverdue: 0, windowClosed: 0, evaluationExpired: 0 },
    ms: 0,
  };
  const [settings, cal] = await retryBusy(() => Promise.all([loadSettings(db), loadCalendar(db)]));
  const ctx: Context = { at, settings, cal, batchSize: options.batchSize ?? DEFAULT_BATCH, summary };
  await markRunningLapses(ctx);
  await markOrdersOverdue(ctx);
  await markFeedbackLapses(ctx);
  await closeLapsedWindows(ctx);
  await expireEvaluations(ctx);
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

// ---- candidates, batch by batch ----

/**
 * The states in which the job may not take `action`, to exclude. Written as NOT IN so that SQLite (which has no
 * statistics) walks the due instant's index, not a state index that holds most of the table.
 */
const outside = (action: PetitionAction): PetitionState[] => STATES.filter((s) => !TRANSITIONS[action].from.includes(s));

type Cursor = { due: Date; id: string } | null;

/** The due instant a petition candidate is read by. */
type DueField = "currentDueAt" | "feedbackDueAt" | "reviewWindowEndsAt" | "recheckWindowEndsAt" | "evaluationWindowEndsAt";

/** Rows after `cursor` in (due, id) order: the keyset that walks an index without skipping or repeating. */
function after(field: DueField, cursor: Cursor): Prisma.PetitionWhereInput;
function after(field: "answerDueAt", cursor: Cursor): Prisma.SupervisionOrderWhereInput;
function after(field: DueField | "answerDueAt", cursor: Cursor) {
  return cursor ? { OR: [{ [field]: { gt: cursor.due } }, { [field]: cursor.due, id: { gt: cursor.id } }] } : {};
}

async function eachBatch<T extends { id: string }>(
  ctx: Context,
  read: (cursor: Cursor, take: number) => Promise<T[]>,
  dueOf: (row: NoInfer<T>) => Date | null,
  handle: (row: NoInfer<T>) => Promise<void>,
): Promise<void> {
  let cursor: Cursor = null;
  for (;;) {
    const rows = await retryBusy(() => read(cursor, ctx.batchSize));
    for (const row of rows) await handle(row);
    if (rows.length < ctx.batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { due: dueOf(last) as Date, id: last.id };
  }
}

/**
 * The petitions `where` picks, read batch by batch in (`field`, id) order — the order of the index the query walks —
 * each handed to `item` by id. `where` is the kind's whole filter; the keyset is added here.
 */
function eachDuePetition(
  ctx: Context,
  field: DueField,
  where: Prisma.PetitionWhereInput[],
  item: (petitionId: string) => Promise<void>,
): Promise<void> {
  return eachBatch(
    ctx,
    async (cursor, take) => {
      const rows = await db.petition.findMany({
        where: { AND: [...where, after(field, cursor)] },
        // Only `field` is read beside the id; the type names every due field so that `r[field]` is typed.
        select: { id: true, [field]: true } as { id: true } & Record<DueField, true>,
        orderBy: [{ [field]: "asc" }, { id: "asc" }],
        take,
      });
      return rows.map((r) => ({ id: r.id, due: r[field] }));
    },
    (r) => r.due,
    (r) => item(r.id),
  );
}

/** One item: its own transaction; a no-op when it no longer applies; a failure is logged by kind and the pass goes on. */
async function runItem(ctx: Context, kind: ItemKind, change: () => Promise<PassKind[]>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      for (const k of await change()) ctx.summary.written[k]++;
      return;
    } catch (err) {
      if (err instanceof NothingDue || err instanceof CaseChangedError) {
        ctx.summary.skipped++;
        return;
      }
      if (isBusy(err) && attempt < BUSY_RETRIES) {
        await pause(attempt);
        continue;
      }
      ctx.summary.failed[kind]++;
      console.error(`[jobs] ${kind} failed:`, err instanceof Error ? err.name : "unknown");
      return;
    }
  }
}

/** A read, tried again while another writer holds the database (beyond SQLite's own busy wait). */
async function retryBusy<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (err) {
      if (!isBusy(err) || attempt >= BUSY_RETRIES) throw err;
      await pause(attempt);
    }
  }
}

/** The database was locked by another writer (another process's pass): the item is tried again shortly. */
function isBusy(err: unknown): boolean {
  const text = err instanceof Error ? `${err.name} ${err.message} ${String((err as { code?: unknown }).code ?? "")}` : "";
  return /SQLITE_BUSY|database is locked|SocketTimeout|P1008|P2034/i.test(text);
}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.floor(Math.random() * 20)));

/** An item that is one system change of one case, counted under its kind once written. */
function caseItem(
  ctx: Context,
  kind: ItemKind,
  petitionId: string,
  action: PetitionAction,
  plan: (row: CaseRow, tx: Tx) => Promise<ChangePlan>,
): Promise<void> {
  return runItem(ctx, kind, async () => {
    await systemChange(petitionId, action, plan);
    return [kind];
  });
}

/** A system change of one case through changeCase: the row is the scope, the transition table the gate. */
function systemChange(
  petitionId: string,
  action: PetitionAction,
  plan: (row: CaseRow, tx: Tx) => Promise<ChangePlan>,
) {
  return changeCase({
    petitionId,
    expectedVersion: null,
    role: "system",
    action,
    authorize: () => true,
    plan: (row, _to, tx) => plan(row, tx),
  });
}

// ---- 1. running deadlines (+ 催办 on a lapsed handling deadline) ----

async function markRunningLapses(ctx: Context): Promise<void> {
  const { at } = ctx;
  await eachDuePetition(
    ctx,
    "currentDueAt",
    [
      { currentDueAt: { lt: at }, state: { notIn: outside("markOverdue") } },
      { OR: [{ lapsedDueAt: null }, { lapsedDueAt: { lt: db.petition.fields.currentDueAt } }] },
    ],
    (id) =>
      runItem(ctx, "overdue", async () => {
        let urged = false;
        await systemChange(id, "markOverdue", async (row, tx) => {
          const { lapsedDueAt } = await tx.petition.findUniqueOrThrow({
            where: { id: row.id },
            select: { lapsedDueAt: true },
          });
          const lapse = runningLapse(
            {
              state: row.state,
              atBureau: row.currentUnit.kind === "BUREAU",
              routeDueAt: row.routeDueAt,
              acceptDueAt: row.acceptDueAt,
              handleDueAt: row.handleDueAt,
              reviewDueAt: row.reviewDueAt,
              recheckDueAt: row.recheckDueAt,
              lapsedDueAt,
            },
            at,
          );
          if (!lapse) throw new NothingDue();
          const dueDate = toCivilDate(lapse.dueAt);
          let more: ChangePlan["more"] = [];
          urged = opensUrge(lapse.stage, ctx.settings.autoUrgeOnHandleLapse);
          if (urged) {
            const order = await openOrder(tx, {
              petitionId: row.id,
              targetUnitId: row.currentUnitId,
              measure: "URGE",
              message: translator("zh-CN")("jobs.urgeMessage", { date: dueDate }),
              issuedById: null,
              at,
              answerDays: ctx.settings.supervisionAnswerDays,
              cal: ctx.cal,
            });
            more = order.events;
          }
          return {
            data: { lapsedDueAt: lapse.dueAt },
            event: { type: "OVERDUE", ...system(row.currentUnitId, at), data: { stage: lapse.stage, dueDate } },
            more,
          };
        });
        return urged ? ["overdue", "urge"] : ["overdue"];
      }),
  );
}

// ---- 2. supervision orders past their answer deadline ----

async function markOrdersOverdue(ctx: Context): Promise<void> {
  const { at } = ctx;
  await eachBatch(
    ctx,
    (cursor, take) =>
      db.supervisionOrder.findMany({
        where: {
          answeredAt: null,
          escalatedAt: null,
          overdueAt: null,
          answerDueAt: { lt: at },
          ...after("answerDueAt", cursor),
        },
        select: { id: true, petitionId: true, answerDueAt: true },
        orderBy: [{ answerDueAt: "asc" }, { id: "asc" }],
        take,
      }),
    (o) => o.answerDueAt,
    (o) =>
      caseItem(ctx, "orderOverdue", o.petitionId, "markOrderOverdue", async (_row, tx) => {
        const order = await tx.supervisionOrder.findUniqueOrThrow({
          where: { id: o.id },
          select: {
            id: true,
            measure: true,
            targetUnitId: true,
            answerDueAt: true,
            answeredAt: true,
            escalatedAt: true,
            overdueAt: true,
          },
        });
        if (!orderLapse(order, at)) throw new NothingDue();
        // Compare-and-set: an answer or an escalation that got in first wins.
        const marked = await tx.supervisionOrder.updateMany({
          where: { id: order.id, overdueAt: null, answeredAt: null, escalatedAt: null },
          data: { overdueAt: at },
        });
        if (marked.count !== 1) throw new NothingDue();
        return {
          event: {
            type: "SUPERVISION_OVERDUE",
            ...system(order.targetUnitId, at),
            data: { orderId: order.id, measure: order.measure, answerDueDate: toCivilDate(order.answerDueAt) },
          },
        };
      }),
  );
}

// ---- 3. 上级交办 feedback ----

async function markFeedbackLapses(ctx: Context): Promise<void> {
  const { at } = ctx;
  await eachDuePetition(
    ctx,
    "feedbackDueAt",
    [
      {
        feedbackDueAt: { lt: at },
        channel: "HIGHER_ASSIGN",
        feedbackLapsedAt: null,
        repliedAt: null,
        state: { in: ["SUBMITTED", "ACCEPTED"] },
      },
    ],
    (id) =>
      caseItem(ctx, "feedbackOverdue", id, "markOverdue", async (row, tx) => {
        const facts = await tx.petition.findUniqueOrThrow({
          where: { id: row.id },
          select: { feedbackDueAt: true, feedbackLapsedAt: true, repliedAt: true },
        });
        const lapse = feedbackLapse({ channel: row.channel, state: row.state, ...facts }, at);
        if (!lapse) throw new NothingDue();
        return {
          data: { feedbackLapsedAt: at },
          event: {
            type: "OVERDUE",
            ...system(row.currentUnitId, at),
            data: { stage: lapse.stage, dueDate: toCivilDate(lapse.dueAt) },
          },
        };
      }),
  );
}

// ---- 4. 复查 / 复核 windows that passed unused ----

async function closeLapsedWindows(ctx: Context): Promise<void> {
  const { at } = ctx;
  for (const [state, field] of [
    ["REPLIED", "reviewWindowEndsAt"],
    ["REVIEWED", "recheckWindowEndsAt"],
  ] as const) {
    await eachDuePetition(ctx, field, [{ state, [field]: { lt: at } }], (id) =>
      caseItem(ctx, "windowClosed", id, "close", async (row, tx) => {
        const windows = await tx.petition.findUniqueOrThrow({
          where: { id: row.id },
          select: { reviewWindowEndsAt: true, recheckWindowEndsAt: true },
        });
        const closing = windowToClose({ state: row.state, ...windows }, at);
        if (!closing) throw new NothingDue();
        return {
          data: closeEffect(at),
          event: { type: "CLOSED", ...system(row.currentUnitId, at), data: { reason: closing.reason } },
        };
      }),
    );
  }
}

// ---- 5. evaluation windows that closed unused ----

const EVALUATION_FACTS = {
  repliedAt: true,
  reviewedAt: true,
  finalAt: true,
  evaluatedAt: true,
  evaluationWindowEndsAt: true,
  evaluationExpiredAt: true,
} satisfies Prisma.PetitionSelect;

async function expireEvaluations(ctx: Context): Promise<void> {
  const { at } = ctx;
  const f = db.petition.fields;
  await eachDuePetition(
    ctx,
    "evaluationWindowEndsAt",
    [
      { evaluationWindowEndsAt: { lt: at }, state: { notIn: outside("expireEvaluation") } },
      // Not yet recorded for this window (an earlier answer's expiry lies before it), and not rated since
      // the latest answer (an evaluation is never older than the reply; the pure rule decides exactly).
      { OR: [{ evaluationExpiredAt: null }, { evaluationExpiredAt: { lt: f.evaluationWindowEndsAt } }] },
      { OR: [{ evaluatedAt: null }, { evaluatedAt: { lt: f.reviewedAt } }, { evaluatedAt: { lt: f.finalAt } }] },
    ],
    (id) =>
      caseItem(ctx, "evaluationExpired", id, "expireEvaluation", async (row, tx) => {
        const facts = await tx.petition.findUniqueOrThrow({ where: { id: row.id }, select: EVALUATION_FACTS });
        if (!evaluationLapsed(facts, at)) throw new NothingDue();
        return {
          data: { evaluationExpiredAt: at },
          event: { type: "EVALUATION_EXPIRED", ...system(row.currentUnitId, at) },
        };
      }),
  );
}
