// 迁移历史数据 (issue 10): one historical case, played from the dates of its CSV row through the same transitions,
// effects and deadlines as a live case (petition-states.ts, case-effects.ts, deadlines.ts), into the fields of its
// Petition row and its events in order. lib/data/case-import.ts gives each event its id and hash (chain.ts) and
// writes them. Pure: the calendar, the settings, the units and the instant come from the caller.
//
// What the CSV does not say, and how it is decided here (docs/import.md says the same for the people who migrate):
// - A date has no time: each step happens at the start of its day (00:00 Asia/Shanghai); steps of the same day keep
//   the order of the life cycle (STEP_RANK). A deadline ends at 23:59:59.999 of its due day, so a step on the due day
//   is in time and one on the next day is late.
// - The bureau routes the case to unit_code on the day it was received (no routing date in the CSV); a case whose
//   unit is the bureau stays there, to be routed or refused (the bureau accepts nothing itself).
// - The one outcome is the reply's; 复查 and 复核 answers are recorded as upholding it (the CSV has no outcome of
//   theirs). The one evaluation is of the handling unit (参评率, 满意率 read it); the bureau's rating stays empty.
// - An extension (条例第34条) is requested and approved on the day of acceptance.
// - What the deadline job would have recorded while the case ran is recorded as it would have (deadline-job.ts): a
//   running deadline that passed before the next step (OVERDUE, Petition.lapsedDueAt), an evaluation window that
//   closed unused (EVALUATION_EXPIRED), a 复查/复核 window that passed (CLOSED by the system, unless closed_at says
//   when the case was closed) — each at the first instant after its deadline. After the last step, the job's next
//   pass records the lapse of a deadline still running (with its automatic 催办); windows and evaluations that
//   passed before the import are recorded here, so that pass has no backlog of history to write. No 督办 order is
//   recreated: the CSV holds none.
import { startOfCivilDay, toCivilDate, type CivilDate } from "./civil-date";
import {
  acceptEffect,
  closeEffect,
  extensionApprovedEffect,
  notAcceptEffect,
  receiveEffect,
  recheckReplyEffect,
  recheckRequestEffect,
  replyEffect,
  reviewReplyEffect,
  reviewRequestEffect,
  routeEffect,
  withdrawEffect,
  type Satisfaction,
} from "./case-effects";
import { currentDeadline } from "./current-deadline";
import { evaluationLapsed, runningLapse, windowToClose } from "./deadline-job";
import type { HolidayCalendar } from "./deadlines";
import { evaluationState, latestAnswerAt } from "./evaluation-rule";
import type { EventType } from "./event-types";
import type { CategoryKind, Channel, Outcome } from "./petition-rules";
import { transitionFor, type ActorRole, type PetitionAction, type PetitionState } from "./petition-states";
import { nextHigherBody, recheckRequestBlock, reviewRequestBlock, type RequestBlock } from "./review-chain";
import type { UnitKind } from "./authority";

/** A unit as the import reads it from the database. */
export type ImportUnit = {
  id: string;
  code: string;
  kind: UnitKind;
  path: string;
  parentId: string | null;
  active: boolean;
};

/** The columns of the CSV, in the documented order (docs/import.md). */
export const IMPORT_COLUMNS = [
  "channel",
  "received_at",
  "category_code",
  "township_code",
  "unit_code",
  "person_count",
  "title",
  "content",
  "petitioner_name",
  "petitioner_phone",
  "accepted_at",
  "not_accepted_at",
  "replied_at",
  "outcome",
  "extension_days",
  "review_requested_at",
  "reviewed_at",
  "recheck_requested_at",
  "rechecked_at",
  "evaluation",
  "evaluated_at",
  "closed_at",
  "withdrawn_at",
  "is_repeat",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** One valid row of the CSV (lib/domain/case-import.ts checks each field and how the dates relate). */
export type ImportRow = {
  line: number;
  channel: Channel;
  receivedAt: CivilDate;
  categoryId: string;
  categoryKind: CategoryKind;
  placeId: string;
  unit: ImportUnit;
  personCount: number;
  /** A visit of five or more persons (条例第20条), as filing decides it. */
  isCollective: boolean;
  title: string;
  content: string;
  petitionerName: string;
  petitionerPhone: string | null;
  acceptedAt: CivilDate | null;
  notAcceptedAt: CivilDate | null;
  repliedAt: CivilDate | null;
  outcome: Outcome | null;
  extensionDays: number;
  reviewRequestedAt: CivilDate | null;
  reviewedAt: CivilDate | null;
  recheckRequestedAt: CivilDate | null;
  recheckedAt: CivilDate | null;
  evaluation: Satisfaction | null;
  evaluatedAt: CivilDate | null;
  closedAt: CivilDate | null;
  withdrawnAt: CivilDate | null;
  isRepeat: boolean;
};

/** The dated steps' columns and the fields of ImportRow that hold them. */
export const STEP_FIELDS = {
  accepted_at: "acceptedAt",
  not_accepted_at: "notAcceptedAt",
  replied_at: "repliedAt",
  review_requested_at: "reviewRequestedAt",
  reviewed_at: "reviewedAt",
  recheck_requested_at: "recheckRequestedAt",
  rechecked_at: "recheckedAt",
  evaluated_at: "evaluatedAt",
  closed_at: "closedAt",
  withdrawn_at: "withdrawnAt",
} as const satisfies Partial<Record<ImportColumn, keyof ImportRow>>;
export type StepColumn = keyof typeof STEP_FIELDS;

export type PlanContext = {
  cal: HolidayCalendar;
  /** The setting 评价期 (lib/domain/settings.ts), as a live answer reads it. */
  evaluationWindowDays: number;
  /** The petition bureau (the first by path, as filing uses): where every case is received. */
  bureauId: string;
  unitsById: ReadonlyMap<string, Pick<ImportUnit, "id" | "parentId" | "kind">>;
  /** The instant of the import: the deadline job's records stop there. */
  now: Date;
};

/** The fields of the Petition row the life cycle decides (the rest — texts, people, references — come from the row). */
export type PlannedFields = {
  state: PetitionState;
  currentUnitId: string;
  handlingUnitId: string;
  routeDueAt: Date;
  arrivedAtUnitAt: Date | null;
  acceptDueAt: Date | null;
  returnDueAt: Date | null;
  decidedAt: Date | null;
  acceptedAt: Date | null;
  handleDueAt: Date | null;
  extensionDays: number;
  currentDueAt: Date | null;
  lapsedDueAt: Date | null;
  repliedAt: Date | null;
  outcome: Outcome | null;
  reviewWindowEndsAt: Date | null;
  reviewRequestedAt: Date | null;
  reviewDueAt: Date | null;
  reviewedAt: Date | null;
  reviewUnitId: string | null;
  reviewOutcome: Outcome | null;
  recheckWindowEndsAt: Date | null;
  recheckRequestedAt: Date | null;
  recheckDueAt: Date | null;
  recheckUnitId: string | null;
  recheckOutcome: Outcome | null;
  finalAt: Date | null;
  closedAt: Date | null;
  withdrawnAt: Date | null;
  unitSatisfaction: Satisfaction | null;
  evaluatedAt: Date | null;
  evaluationWindowEndsAt: Date | null;
  evaluationExpiredAt: Date | null;
};

type EventData = Record<string, string | number | boolean>;

/** An event as appendEvent would be given it: its seq, id and hash are the writer's. */
export type PlannedEvent = {
  type: EventType;
  actorType: "PETITIONER" | "STAFF" | "SYSTEM";
  unitId: string;
  fromState: PetitionState | null;
  toState: PetitionState | null;
  data: EventData;
  occurredAt: Date;
};

export type CasePlan = {
  fields: PlannedFields;
  events: PlannedEvent[];
  /** Changes after the case was created (each a changeCase in the live system): the row's version is 1 + this. */
  changes: number;
  /** 延期 approved on acceptance: the ExtensionRequest row to write beside the case. */
  extension: { days: number; at: Date } | null;
};

/** Why a row's steps cannot have happened as dated; `state` names the state a step found the case in. */
export type PlanIssue = {
  column: ImportColumn;
  key:
    | "notPossible"
    | "reviewWindowClosed"
    | "recheckWindowClosed"
    | "notReviewable"
    | "evaluationInReview"
    | "evaluationWindowClosed"
    | "closedEarly";
  params?: { state?: PetitionState; date?: CivilDate };
};

/** Same-day steps in the order of the life cycle (the evaluation's place is decided per row: evaluationRank). */
const STEP_RANK = {
  accepted_at: 10,
  not_accepted_at: 10,
  replied_at: 20,
  review_requested_at: 30,
  reviewed_at: 40,
  recheck_requested_at: 50,
  rechecked_at: 60,
  evaluated_at: 65,
  closed_at: 70,
  withdrawn_at: 90,
} as const satisfies Record<StepColumn, number>;

const STAFF_ACTOR = { actorType: "STAFF" as const, role: "handler" as const };
const PETITIONER_ACTOR = { actorType: "PETITIONER" as const, role: "petitioner" as const };
const SYSTEM_ACTOR = { actorType: "SYSTEM" as const, role: "system" as const };
type Actor = { actorType: PlannedEvent["actorType"]; role: ActorRole };

/** An evaluation the same day as a 复查/复核 request rates the answer before it (none may be given while one runs). */
function evaluationRank(row: ImportRow): number {
  if (row.evaluatedAt === row.reviewRequestedAt) return STEP_RANK.review_requested_at - 1;
  if (row.evaluatedAt === row.recheckRequestedAt) return STEP_RANK.recheck_requested_at - 1;
  return STEP_RANK.evaluated_at;
}

/**
 * The effects whose deadlines walk the calendar (deadlines.ts), remembered per import by their arguments: a file of
 * 100,000 cases falls on a few thousand days. The objects are shared between cases and never changed.
 */
function effectsOf(ctx: PlanContext) {
  const cache = new Map<string, unknown>();
  const memo =
    <A extends (string | number | Date)[], R>(name: string, effect: (...args: A) => R) =>
    (...args: A): R => {
      const key = `${name}|${args.map((v) => (v instanceof Date ? v.getTime() : v)).join("|")}`;
      let result = cache.get(key) as R | undefined;
      if (result === undefined) {
        result = effect(...args);
        cache.set(key, result);
      }
      return result;
    };
  const { cal, evaluationWindowDays: days } = ctx;
  const routedOn = memo("route", (at: Date) => omit(routeEffect("", at, cal), "assigneeId"));
  // Nobody is assigned, and no answer's text exists here (the CSV holds none): those fields stay as they are.
  return {
    /** The start of a civil day (each step's instant). */
    dayStart: memo("day", (date: CivilDate) => startOfCivilDay(date)),
    receive: memo("receive", (at: Date) => receiveEffect(at, cal)),
    // The unit is not part of the deadlines: remembered by day, the unit set afterwards.
    route: (unitId: string, at: Date) => ({ ...routedOn(at), currentUnitId: unitId, handlingUnitId: unitId }),
    accept: memo("accept", (at: Date) => acceptEffect(at, cal)),
    extension: memo("extension", (at: Date, n: number) => extensionApprovedEffect(at, n, cal)),
    reply: memo("reply", (at: Date, o: Outcome) => omit(replyEffect(at, o, "", cal, days), "replyText")),
    reviewRequest: memo("reviewRequest", (to: string, at: Date) =>
      omit(reviewRequestEffect(to, at, cal), "assigneeId"),
    ),
    recheckRequest: memo("recheckRequest", (to: string, at: Date) =>
      omit(recheckRequestEffect(to, at, cal), "assigneeId"),
    ),
    reviewReply: memo("reviewReply", (at: Date, o: Outcome) =>
      omit(reviewReplyEffect(at, o, "", cal, days), "reviewText"),
    ),
    recheckReply: memo("recheckReply", (at: Date, o: Outcome) =>
      omit(recheckReplyEffect(at, o, "", cal, days), "recheckText"),
    ),
  };
}
type Effects = ReturnType<typeof effectsOf>;
const EFFECTS = new WeakMap<PlanContext, Effects>();

function omit<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _gone, ...rest } = value;
  void _gone;
  return rest;
}

class CasePlayer {
  state: PetitionState = "SUBMITTED";
  readonly p: PlannedFields;
  readonly events: PlannedEvent[] = [];
  changes = 0;
  extension: CasePlan["extension"] = null;
  private last: Date;

  constructor(
    row: ImportRow,
    private readonly ctx: PlanContext,
    readonly fx: Effects,
  ) {
    const at = fx.dayStart(row.receivedAt);
    this.last = at;
    this.p = {
      state: "SUBMITTED",
      currentUnitId: ctx.bureauId,
      handlingUnitId: ctx.bureauId,
      ...fx.receive(at),
      arrivedAtUnitAt: null,
      acceptDueAt: null,
      returnDueAt: null,
      decidedAt: null,
      acceptedAt: null,
      handleDueAt: null,
      extensionDays: 0,
      currentDueAt: null,
      lapsedDueAt: null,
      repliedAt: null,
      outcome: null,
      reviewWindowEndsAt: null,
      reviewRequestedAt: null,
      reviewDueAt: null,
      reviewedAt: null,
      reviewUnitId: null,
      reviewOutcome: null,
      recheckWindowEndsAt: null,
      recheckRequestedAt: null,
      recheckDueAt: null,
      recheckUnitId: null,
      recheckOutcome: null,
      finalAt: null,
      closedAt: null,
      withdrawnAt: null,
      unitSatisfaction: null,
      evaluatedAt: null,
      evaluationWindowEndsAt: null,
      evaluationExpiredAt: null,
    };
    // 网上 by the petitioner, anything else registered by the bureau (createPetition).
    this.events.push({
      type: row.channel === "ONLINE" ? "SUBMITTED" : "REGISTERED",
      actorType: row.channel === "ONLINE" ? "PETITIONER" : "STAFF",
      unitId: ctx.bureauId,
      fromState: null,
      toState: "SUBMITTED",
      data: { channel: row.channel },
      occurredAt: at,
    });
  }

  /**
   * One change as changeCase makes it: the transition for this role, the effect on the fields, the event (with the
   * states it moves between, if it moves) and any beside it. False when the transition does not exist.
   */
  change(
    action: PetitionAction,
    actor: Actor,
    at: Date,
    event: { type: EventType; unitId?: string; data?: EventData },
    effect: Partial<PlannedFields> = {},
  ): boolean {
    const t = transitionFor(this.state, action, actor.role);
    if (!t) return false;
    const from = this.state;
    const unitId = event.unitId ?? this.p.currentUnitId;
    Object.assign(this.p, effect);
    this.state = t.to;
    this.p.state = t.to;
    this.changes++;
    const moved = t.to !== from;
    this.events.push({
      type: event.type,
      actorType: actor.actorType,
      unitId,
      fromState: moved ? from : null,
      toState: moved ? t.to : null,
      data: event.data ?? {},
      occurredAt: at,
    });
    this.last = at;
    return true;
  }

  private atBureau(): boolean {
    return this.ctx.unitsById.get(this.p.currentUnitId)?.kind === "BUREAU";
  }

  /**
   * What the deadline job would have recorded before `until`, earliest first (its pass's own order on a tie: the
   * running deadline, the windows, the evaluation), each at the first instant after its deadline.
   */
  catchUp(until: Date, opts: { running: boolean; closeWindows: boolean }): void {
    for (;;) {
      const p = this.p;
      const dues: { dueAt: Date; apply: (at: Date) => void }[] = [];
      const running = opts.running ? runningLapse({ ...p, state: this.state, atBureau: this.atBureau() }, until) : null;
      if (running)
        dues.push({
          dueAt: running.dueAt,
          apply: (at) =>
            this.change(
              "markOverdue",
              SYSTEM_ACTOR,
              at,
              { type: "OVERDUE", data: { stage: running.stage, dueDate: toCivilDate(running.dueAt) } },
              { lapsedDueAt: running.dueAt },
            ),
        });
      const closing = opts.closeWindows ? windowToClose({ ...p, state: this.state }, until) : null;
      if (closing)
        dues.push({
          dueAt: closing.endsAt,
          apply: (at) =>
            this.change(
              "close",
              SYSTEM_ACTOR,
              at,
              { type: "CLOSED", data: { reason: closing.reason } },
              closeEffect(at),
            ),
        });
      if (evaluationLapsed(p, until) && transitionFor(this.state, "expireEvaluation", "system"))
        dues.push({
          dueAt: p.evaluationWindowEndsAt as Date,
          apply: (at) =>
            this.change(
              "expireEvaluation",
              SYSTEM_ACTOR,
              at,
              { type: "EVALUATION_EXPIRED" },
              { evaluationExpiredAt: at },
            ),
        });
      if (dues.length === 0) return;
      const first = dues.reduce((a, b) => (b.dueAt.getTime() < a.dueAt.getTime() ? b : a));
      first.apply(new Date(Math.max(first.dueAt.getTime() + 1, this.last.getTime())));
    }
  }

  finish(): CasePlan {
    const p = this.p;
    const running = currentDeadline({ ...p, state: this.state, atBureau: this.atBureau() });
    p.currentDueAt = running?.dueAt ?? null;
    return { fields: p, events: this.events, changes: this.changes, extension: this.extension };
  }
}

type Step = { column: StepColumn; date: CivilDate; rank: number };

/** The dated steps of a row, in the order they happened. */
function stepsOf(row: ImportRow): Step[] {
  const steps: Step[] = [];
  for (const column of Object.keys(STEP_FIELDS) as StepColumn[]) {
    const date = row[STEP_FIELDS[column]];
    if (date !== null)
      steps.push({ column, date, rank: column === "evaluated_at" ? evaluationRank(row) : STEP_RANK[column] });
  }
  return steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.rank - b.rank));
}

function requestIssue(block: RequestBlock, column: ImportColumn, state: PetitionState): PlanIssue {
  if (block.why === "notReviewable") return { column, key: "notReviewable" };
  if (block.why === "windowClosed")
    return {
      column,
      key: column === "review_requested_at" ? "reviewWindowClosed" : "recheckWindowClosed",
      params: { date: toCivilDate(block.closedAt) },
    };
  return { column, key: "notPossible", params: { state } };
}

/**
 * The case of one row as the live system would hold it after the steps its dates name, or why those steps cannot
 * have happened (the first one that cannot).
 */
export function planImportedCase(
  row: ImportRow,
  ctx: PlanContext,
): { ok: true; plan: CasePlan } | { ok: false; issue: PlanIssue } {
  let fx = EFFECTS.get(ctx);
  if (!fx) EFFECTS.set(ctx, (fx = effectsOf(ctx)));
  const c = new CasePlayer(row, ctx, fx);
  const received = fx.dayStart(row.receivedAt);
  const unit = row.unit;
  if (unit.id !== ctx.bureauId) {
    // 转送/交办 on receipt (条例第22条): the unit's acceptance and return clocks start.
    const routed = fx.route(unit.id, received);
    c.change("route", STAFF_ACTOR, received, { type: "ROUTED", unitId: unit.id, data: { toUnitId: unit.id } }, routed);
  }
  const closeWindows = row.closedAt === null;
  for (const step of stepsOf(row)) {
    const at = fx.dayStart(step.date);
    c.catchUp(at, { running: true, closeWindows });
    const issue = play(c, row, ctx, step.column, at);
    if (issue) return { ok: false, issue };
  }
  // A deadline still running is left to the job's next pass (its OVERDUE, and its automatic 催办).
  c.catchUp(ctx.now, { running: false, closeWindows });
  return { ok: true, plan: c.finish() };
}

function play(c: CasePlayer, row: ImportRow, ctx: PlanContext, column: StepColumn, at: Date): PlanIssue | null {
  const p = c.p;
  const fx = c.fx;
  const notPossible: PlanIssue = { column, key: "notPossible", params: { state: c.state } };
  const ok = (done: boolean) => (done ? null : notPossible);
  switch (column) {
    case "accepted_at":
      return ok(c.change("accept", STAFF_ACTOR, at, { type: "ACCEPTED" }, fx.accept(at))) ?? extend(c, row, at);
    case "not_accepted_at":
      return ok(c.change("notAccept", STAFF_ACTOR, at, { type: "NOT_ACCEPTED" }, notAcceptEffect(at)));
    case "replied_at": {
      const outcome = row.outcome as Outcome;
      // The reply's text stayed in the old system: none here (the public never sees one without consent anyway).
      return ok(c.change("reply", STAFF_ACTOR, at, { type: "REPLIED", data: { outcome } }, fx.reply(at, outcome)));
    }
    case "review_requested_at":
    case "recheck_requested_at": {
      const review = column === "review_requested_at";
      const facts = { ...p, state: c.state, categoryKind: row.categoryKind };
      const block = review ? reviewRequestBlock(facts, at) : recheckRequestBlock(facts, at);
      if (block) return requestIssue(block, column, c.state);
      // 复查 by the body above the unit that handled the case (条例第35条), 复核 one above that (第36条).
      const from = ctx.unitsById.get(review ? p.handlingUnitId : (p.reviewUnitId as string));
      if (!from) return notPossible;
      const to = nextHigherBody(from);
      const fields = review ? fx.reviewRequest(to, at) : fx.recheckRequest(to, at);
      const type = review ? "REVIEW_REQUESTED" : "RECHECK_REQUESTED";
      return ok(
        c.change(
          review ? "requestReview" : "requestRecheck",
          PETITIONER_ACTOR,
          at,
          { type, unitId: to, data: { toUnitId: to } },
          fields,
        ),
      );
    }
    case "reviewed_at": {
      const outcome = p.outcome as Outcome;
      const effect = fx.reviewReply(at, outcome);
      return ok(
        c.change("reviewReply", STAFF_ACTOR, at, { type: "REVIEW_REPLIED", data: { upheld: true, outcome } }, effect),
      );
    }
    case "rechecked_at": {
      const outcome = (p.reviewOutcome ?? p.outcome) as Outcome;
      const effect = fx.recheckReply(at, outcome);
      return ok(
        c.change("recheckReply", STAFF_ACTOR, at, { type: "RECHECK_REPLIED", data: { upheld: true, outcome } }, effect),
      );
    }
    case "evaluated_at": {
      if (c.state === "IN_REVIEW" || c.state === "IN_RECHECK") return { column, key: "evaluationInReview" };
      const state = evaluationState(p, at);
      if (state === "closed")
        return {
          column,
          key: "evaluationWindowClosed",
          params: { date: toCivilDate(p.evaluationWindowEndsAt as Date) },
        };
      if (state !== "open") return notPossible;
      const rating = row.evaluation as Satisfaction;
      return ok(
        c.change(
          "evaluate",
          PETITIONER_ACTOR,
          at,
          { type: "EVALUATED", data: { unit: rating } },
          { evaluatedAt: at, unitSatisfaction: rating },
        ),
      );
    }
    case "closed_at": {
      const windowEnd =
        c.state === "REPLIED" ? p.reviewWindowEndsAt : c.state === "REVIEWED" ? p.recheckWindowEndsAt : null;
      if (!windowEnd) return notPossible;
      if (at.getTime() > windowEnd.getTime()) {
        // Closed by the job once the window passed unused (deadline-job.ts windowToClose).
        const reason = c.state === "REPLIED" ? "REVIEW_WINDOW_PASSED" : "RECHECK_WINDOW_PASSED";
        return ok(c.change("close", SYSTEM_ACTOR, at, { type: "CLOSED", data: { reason } }, closeEffect(at)));
      }
      // Before the window passed only a satisfied petitioner closes the case (as the demo's do).
      const answered = latestAnswerAt(p);
      const satisfied =
        (p.unitSatisfaction === "SATISFIED" || p.unitSatisfaction === "BASIC") &&
        p.evaluatedAt !== null &&
        answered !== null &&
        p.evaluatedAt.getTime() >= answered.getTime();
      if (!satisfied) return { column, key: "closedEarly", params: { date: toCivilDate(windowEnd) } };
      return ok(
        c.change(
          "close",
          PETITIONER_ACTOR,
          at,
          { type: "CLOSED", data: { reason: "PETITIONER_SATISFIED" } },
          closeEffect(at),
        ),
      );
    }
    case "withdrawn_at":
      return ok(c.change("withdraw", PETITIONER_ACTOR, at, { type: "WITHDRAWN" }, withdrawEffect(at)));
  }
}

/** 申请延期 and its approval (条例第34条), on the day of acceptance: the handling deadline moves by the days. */
function extend(c: CasePlayer, row: ImportRow, at: Date): PlanIssue | null {
  if (row.extensionDays === 0) return null;
  const days = row.extensionDays;
  const effect = c.fx.extension(at, days);
  const requested = c.change("requestExtension", STAFF_ACTOR, at, {
    type: "EXTENSION_REQUESTED",
    data: { extensionDays: days },
  });
  const approved = c.change(
    "approveExtension",
    { actorType: "STAFF", role: "supervisor" },
    at,
    { type: "EXTENSION_APPROVED", data: { extensionDays: days, handleDueDate: toCivilDate(effect.handleDueAt) } },
    effect,
  );
  c.extension = { days, at };
  return requested && approved ? null : { column: "extension_days", key: "notPossible", params: { state: c.state } };
}
