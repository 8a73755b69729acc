// Plays a demo case's plan through the case life cycle (spec §3), step by step, the way the app would:
// every step is checked against lib/domain/petition-states.ts, every due date comes from
// lib/domain/deadlines.ts, and a step that would lie after "now" ends the simulation there — so recent
// cases are naturally still open, some of them overdue or due soon.
import { addCivilDays, civilDaysBetween, toCivilDate } from "../../lib/domain/civil-date";
import {
  acceptDeadline,
  calendarDaysDeadline,
  handleDeadline,
  recheckAnswerDeadline,
  recheckWindow,
  returnDeadline,
  reviewAnswerDeadline,
  reviewWindow,
  rollForwardToWorkingDay,
  routeDeadline,
  type HolidayCalendar,
} from "../../lib/domain/deadlines";
import { maskFreeText } from "../../lib/domain/masking";
import type { Channel, PetitionState, Prisma } from "../../generated/prisma/client";
import { DAY, Timing } from "./time";
import { type ChainedRow } from "./chain-builder";
import { CaseRecorder, PETITIONER, SYSTEM, STOP, staffActor, type Stop } from "./case-recorder";
import type { CategoryDef } from "./categories";
import type { Person } from "./people";
import type { Plan, Stage } from "./plan";
import type { Random } from "./random";
import * as T from "./texts";
import { DEMO, unitById } from "./units";
import { handlerOf, staffByUsername } from "./users";

export type CaseInput = {
  id: string;
  trackingNo: string;
  queryCodeHash: string;
  channel: Channel;
  category: CategoryDef;
  title: string;
  content: string;
  /** The township where the matter arose (public at that level only). */
  placeId: string;
  accusedUnitId: string | null;
  person: Person;
  address: string;
  consentPublic: boolean;
  personCount: number;
  /** 集体访 representatives (条例第20条: at most 5); the first one is the petitioner of record. */
  representatives: readonly Person[];
  sourceDocNo: string | null;
  receivedAt: Date;
  repeatOfId: string | null;
};

export type BuiltCase = {
  petition: Prisma.PetitionCreateManyInput & { state: PetitionState };
  representatives: Prisma.RepresentativeCreateManyInput[];
  events: ChainedRow[];
};

export type SimContext = { now: Date; cal: HolidayCalendar; rnd: Random };

export function buildCase(ctx: SimContext, input: CaseInput, plan: Plan): BuiltCase {
  const rec = new CaseRecorder(ctx, input);
  try {
    play(rec, ctx, input, plan);
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return rec.finish(input);
}

const SUPERVISION_WEIGHTS = { 催办: 50, 督办函: 35, 约谈: 8, 通报: 4, 挂牌督办: 3 } as const;

function play(rec: CaseRecorder, ctx: SimContext, input: CaseInput, plan: Plan): void {
  const { rnd, cal } = ctx;
  const time = new Timing(rnd, cal);
  const p = rec.p;
  const fast = plan.pace === "fast";
  const stopAt = (stage: Stage) => {
    if (plan.stopAfter === stage) throw STOP as Stop;
  };
  const bureauStaff = staffActor(staffByUsername(rnd.chance(0.7) ? "bureau1" : "bureau2"));
  const countySupervisor = staffActor(staffByUsername("super1"));
  const townshipSupervisor = staffActor(staffByUsername("super2"));
  const inCgz = (unitId: string) => unitId === DEMO.cgz.id || unitById(unitId).parentId === DEMO.cgz.id;

  /** 督办 when an action comes more than a few days after its due date (条例第39条). */
  const superviseIfLate = (dueAt: Date | null | undefined, planned: Date, what: string) => {
    if (!plan.superviseWhenLate || !dueAt) return;
    const at = time.staffAfter(dueAt, rnd.int(2, 6));
    if (at >= planned) return;
    const by = inCgz(p.currentUnitId) && rnd.chance(0.5) ? townshipSupervisor : countySupervisor;
    const answerDueDate = rollForwardToWorkingDay(addCivilDays(toCivilDate(at), 7), cal);
    const t = rec.emit("SUPERVISED", "supervise", by, at, { data: { measure: rnd.weighted(SUPERVISION_WEIGHTS), answerDueDate } });
    rec.emit("NOTE_INTERNAL", "internalNote", by, time.soonAfter(t), {
      note: `督办：该件已超过${what}期限，请于${answerDueDate}前办结并书面报告办理情况。`,
    });
  };

  // 1. Receipt: online by the petitioner, otherwise registered by the bureau (条例第17、22条).
  const online = input.channel === "ONLINE";
  rec.emit(online ? "SUBMITTED" : "REGISTERED", null, online ? PETITIONER : bureauStaff, input.receivedAt, {
    data: { channel: input.channel, personCount: input.personCount, sourceDocNo: input.sourceDocNo ?? undefined },
  });
  p.routeDueAt = routeDeadline(input.receivedAt, cal).dueAt;
  if (input.channel === "HIGHER_ASSIGN") p.feedbackDueAt = calendarDaysDeadline("handle", input.receivedAt, 90, cal).dueAt;
  stopAt("RECEIVED");

  if (plan.bureauNotAccept) {
    const t = rec.emit("NOT_ACCEPTED", "notAccept", bureauStaff, time.staffAfter(rec.last, fast ? 1 : rnd.int(1, 6)), {
      note: T.notAcceptedReason(input.category.kind, input.category.code),
    });
    p.decidedAt = t;
    return;
  }

  // 2. Routing (条例第22条), sometimes to the wrong unit first, which returns it (第23条).
  const targets = plan.misrouteTo ? [plan.misrouteTo, plan.routeTo] : [plan.routeTo];
  for (const [i, unitId] of targets.entries()) {
    const days = fast ? 1 : i > 0 ? rnd.int(1, 3) : plan.routeLate ? rnd.int(16, 24) : rnd.chance(0.7) ? rnd.int(1, 3) : rnd.int(4, 12);
    const planned = time.staffAfter(rec.last, days);
    if (i === 0) superviseIfLate(p.routeDueAt, planned, "转送");
    const t = rec.emit("ROUTED", "route", bureauStaff, planned, { data: { toUnitId: unitId } });
    p.currentUnitId = unitId;
    p.arrivedAtUnitAt = t;
    p.acceptDueAt = acceptDeadline(t, cal).dueAt;
    p.returnDueAt = returnDeadline(t, cal).dueAt;
    if (plan.routingNote) rec.emit("NOTE_INTERNAL", "internalNote", bureauStaff, time.soonAfter(t), { note: rnd.pick(T.ROUTING_NOTES) });
    if (i === targets.length - 1) break;
    rec.emit("RETURNED", "return", staffActor(handlerOf(unitId)), time.staffAfter(t, rnd.int(1, 3)), {
      note: rnd.pick(T.RETURN_REASONS),
      data: { toUnitId: DEMO.bureau.id },
    });
    p.currentUnitId = DEMO.bureau.id;
    p.arrivedAtUnitAt = p.acceptDueAt = p.returnDueAt = null;
  }
  stopAt("ROUTED");

  // 3. Acceptance within 15 days of arrival (条例第22、23条).
  const unitId = plan.routeTo;
  const unit = staffActor(handlerOf(unitId));
  if (plan.decision === "withdraw") {
    p.withdrawnAt = rec.emit("WITHDRAWN", "withdraw", PETITIONER, time.petitionerAfter(rec.last, rnd.int(1, 10)));
    return;
  }
  if (!fast && rnd.chance(0.03)) {
    rec.emit("SUPPLEMENTED", "supplement", PETITIONER, time.petitionerAfter(rec.last, rnd.int(0, 3)), { note: rnd.pick(T.SUPPLEMENTS) });
  }
  const arrived = p.arrivedAtUnitAt as Date;
  const decideDays = fast ? 1 : plan.acceptLate ? rnd.int(16, 45) : rnd.chance(0.7) ? rnd.int(1, 7) : rnd.int(8, 15);
  const decideAt = time.staffAfter(arrived, decideDays);
  superviseIfLate(p.acceptDueAt as Date, decideAt, "受理");
  if (plan.decision === "notAccept") {
    p.decidedAt = rec.emit("NOT_ACCEPTED", "notAccept", unit, decideAt, { note: T.notAcceptedReason(input.category.kind, input.category.code) });
    return;
  }
  const acceptedAt = rec.emit("ACCEPTED", "accept", unit, decideAt);
  p.decidedAt = p.acceptedAt = acceptedAt;
  p.handleDueAt = handleDeadline(acceptedAt, cal).dueAt;
  if (plan.assign) {
    rec.emit("ASSIGNED", "assign", unit, time.soonAfter(acceptedAt), { data: { assigneeId: unit.id } });
    p.assigneeId = unit.id;
  }
  stopAt("ACCEPTED");

  // 4. Handling within 60 days, one approved extension of at most 30 days (条例第34条).
  const acceptDate = toCivilDate(acceptedAt);
  const extension = plan.extension?.approved ? plan.extension.days : 0;
  const dueDays = civilDaysBetween(acceptDate, handleDeadline(acceptedAt, cal, extension).dueDate);
  const tri = (lo: number, hi: number) => Math.round((rnd.int(lo, hi) + rnd.int(lo, hi)) / 2);
  // Many answers come in the last days before the deadline; a few after it.
  const replyDay = fast
    ? 8
    : plan.replyLate
      ? dueDays + rnd.int(1, 40)
      : extension || rnd.chance(0.25)
        ? rnd.int(dueDays - 12, dueDays - 1)
        : tri(10, dueDays - 1);
  const steps: { day: number; run: (date: string) => void }[] = [];
  const on = (day: number) => addCivilDays(acceptDate, day);
  for (let i = 0; i < plan.publicNotes; i++) {
    steps.push({ day: rnd.int(3, 45), run: (d) => rec.emit("NOTE_PUBLIC", "publicNote", unit, time.staffOn(d), { note: rnd.pick(T.PUBLIC_NOTES) }) });
  }
  for (let i = 0; i < plan.internalNotes; i++) {
    steps.push({ day: rnd.int(1, 45), run: (d) => rec.emit("NOTE_INTERNAL", "internalNote", unit, time.staffOn(d), { note: rnd.pick(T.INTERNAL_NOTES) }) });
  }
  if (plan.infoRequest) {
    const day = rnd.int(2, 15);
    steps.push({ day, run: (d) => rec.emit("INFO_REQUESTED", "requestInfo", unit, time.staffOn(d), { note: rnd.pick(T.INFO_REQUESTS) }) });
    if (plan.supplementAnswers) {
      const later = day + rnd.int(2, 8);
      steps.push({ day: later, run: (d) => rec.emit("SUPPLEMENTED", "supplement", PETITIONER, time.petitionerOn(d), { note: rnd.pick(T.SUPPLEMENTS) }) });
    }
  }
  if (plan.extension) {
    const { days, approved } = plan.extension;
    const requestDay = rnd.int(40, 53);
    const reason = rnd.pick(T.EXTENSION_REASONS);
    const approver = inCgz(unitId) ? townshipSupervisor : countySupervisor;
    steps.push({ day: requestDay, run: (d) => rec.emit("EXTENSION_REQUESTED", "requestExtension", unit, time.staffOn(d), { note: reason, data: { extensionDays: days } }) });
    steps.push({
      day: requestDay + rnd.int(1, 3),
      run: (d) => {
        if (!approved) {
          rec.emit("EXTENSION_REJECTED", "rejectExtension", approver, time.staffOn(d), { note: "延期理由不充分，请按期办结", data: { extensionDays: days } });
          return;
        }
        const due = handleDeadline(acceptedAt, cal, days);
        rec.emit("EXTENSION_APPROVED", "approveExtension", approver, time.staffOn(d), { note: reason, data: { extensionDays: days, handleDueDate: due.dueDate } });
        p.extensionDays = days;
        p.handleDueAt = due.dueAt;
      },
    });
  }
  let withdrawDay = plan.withdrawWhileHandling ? rnd.int(5, 40) : null;
  if (withdrawDay !== null && withdrawDay >= replyDay) withdrawDay = null;
  steps
    .filter((s) => s.day < (withdrawDay ?? replyDay))
    .sort((a, b) => a.day - b.day)
    .forEach((s) => s.run(on(s.day)));
  if (withdrawDay !== null) {
    p.withdrawnAt = rec.emit("WITHDRAWN", "withdraw", PETITIONER, time.petitionerOn(on(withdrawDay)));
    return;
  }

  // 5. The written reply (条例第32条) and its public version when consented and approved (spec §5).
  const replyPlanned = time.staffOn(on(replyDay));
  superviseIfLate(p.handleDueAt, replyPlanned, "办理");
  const repliedAt = rec.emit("REPLIED", "reply", unit, replyPlanned, { data: { outcome: plan.outcome } });
  p.repliedAt = repliedAt;
  p.outcome = plan.outcome;
  p.replyText = T.replyText(rnd, plan.outcome, input.person.name, unitById(unitId).name, input.title);
  const windowEnd = reviewWindow(repliedAt, cal).dueAt;
  p.reviewWindowEndsAt = windowEnd;
  stopAt("REPLIED");
  if (plan.publish) {
    const known = { names: [input.person.name, ...input.representatives.map((r) => r.name)], addresses: [input.address] };
    p.publishedAt = rec.emit("PUBLISHED", "publish", unit, time.staffAfter(rec.last, fast ? 1 : rnd.int(1, 6)));
    p.publicTitle = maskFreeText(input.title, known);
    p.publicSummary = maskFreeText(input.content, known);
    p.publicReply = maskFreeText(p.replyText, known);
    stopAt("PUBLISHED");
  }

  // 6. Evaluation (条例第21条), then 复查 / 复核 or closing when the windows pass (第35、36条).
  if (plan.evaluation) {
    const at = time.petitionerAfter(repliedAt, rnd.int(1, 20));
    if (at < windowEnd) {
      p.evaluatedAt = rec.emit("EVALUATED", "evaluate", PETITIONER, at, { data: { satisfaction: plan.evaluation } });
      p.satisfaction = plan.evaluation;
      stopAt("EVALUATED");
      if (plan.closeWhenSatisfied) {
        p.closedAt = rec.emit("CLOSED", "close", PETITIONER, time.soonAfter(p.evaluatedAt), { data: { reason: "PETITIONER_SATISFIED" } });
        return;
      }
    }
  }
  const requestAt = plan.review ? time.petitionerAfter(rec.last, rnd.int(1, 20)) : null;
  if (!requestAt || requestAt > windowEnd) {
    p.closedAt = rec.emit("CLOSED", "close", SYSTEM, time.systemAfter(windowEnd), { data: { reason: "REVIEW_WINDOW_PASSED" } });
    return;
  }
  const reviewer = staffActor(staffByUsername("xzf1"));
  const parentId = unitById(unitId).parentId ?? unitId;
  const reviewRequestedAt = rec.emit("REVIEW_REQUESTED", "requestReview", PETITIONER, requestAt, { data: { toUnitId: parentId } });
  p.reviewRequestedAt = reviewRequestedAt;
  p.reviewDueAt = reviewAnswerDeadline(reviewRequestedAt, cal).dueAt;
  p.currentUnitId = parentId;
  stopAt("IN_REVIEW");
  const reviewPlanned = plan.reviewLate ? time.staffAfter(p.reviewDueAt, rnd.int(1, 12)) : time.staffAfter(reviewRequestedAt, rnd.int(7, 26));
  superviseIfLate(p.reviewDueAt, reviewPlanned, "复查");
  const reviewedAt = rec.emit("REVIEW_REPLIED", "reviewReply", reviewer, reviewPlanned, {
    note: T.reviewText(rnd, plan.reviewUpheld, "复查"),
    data: { upheld: plan.reviewUpheld },
  });
  p.reviewedAt = reviewedAt;
  stopAt("REVIEWED");
  const recheckEnd = recheckWindow(reviewedAt, cal).dueAt;
  const recheckAt = plan.recheck ? time.petitionerAfter(reviewedAt, rnd.int(2, 25)) : null;
  if (!recheckAt || recheckAt > recheckEnd) {
    p.closedAt = rec.emit("CLOSED", "close", SYSTEM, time.systemAfter(recheckEnd), { data: { reason: "RECHECK_WINDOW_PASSED" } });
    return;
  }
  // 复核 belongs one level up again; the county government is the top of this system's tree.
  const recheckUnitId = unitById(parentId).parentId ?? parentId;
  const recheckRequestedAt = rec.emit("RECHECK_REQUESTED", "requestRecheck", PETITIONER, recheckAt, { data: { toUnitId: recheckUnitId } });
  p.recheckRequestedAt = recheckRequestedAt;
  p.recheckDueAt = recheckAnswerDeadline(recheckRequestedAt, cal).dueAt;
  p.currentUnitId = recheckUnitId;
  stopAt("IN_RECHECK");
  const recheckPlanned = time.staffAfter(recheckRequestedAt, rnd.int(7, 26));
  superviseIfLate(p.recheckDueAt, recheckPlanned, "复核");
  p.finalAt = rec.emit("RECHECK_REPLIED", "recheckReply", reviewer, recheckPlanned, {
    note: T.reviewText(rnd, true, "复核"),
    data: { upheld: true },
  });
}

export { DAY };
