// Plays a demo case's plan through the case life cycle (spec §3), step by step, the way the app would:
// every step is checked against lib/domain/petition-states.ts (by the recorder), every field an action sets
// comes from lib/domain/case-effects.ts — the functions the data layer writes — and the rules that decide
// whether a step may happen now (return window, one extension, the assignee) are those of lib/domain too.
// A step that would lie after "now" ends the simulation there — so recent cases are naturally still open,
// some of them overdue or due soon.
import { isAssignableHandler } from "../../lib/domain/assignee-rule";
import {
  acceptEffect,
  assignEffect,
  closeEffect,
  evaluateEffect,
  extensionApprovedEffect,
  notAcceptEffect,
  publishEffect,
  receiveEffect,
  recheckReplyEffect,
  recheckRequestEffect,
  replyEffect,
  returnEffect,
  reviewReplyEffect,
  reviewRequestEffect,
  routeEffect,
  withdrawEffect,
} from "../../lib/domain/case-effects";
import { addCivilDays, civilDaysBetween, toCivilDate, type CivilDate } from "../../lib/domain/civil-date";
import { calendarDaysDeadline, handleDeadline, type HolidayCalendar } from "../../lib/domain/deadlines";
import { isValidExtensionDays } from "../../lib/domain/extension-rule";
import { outcomesFor, type Outcome } from "../../lib/domain/petition-rules";
import { nextHigherBody } from "../../lib/domain/review-chain";
import { DEFAULT_SETTINGS } from "../../lib/domain/settings";
import { orderAnswerDeadline } from "../../lib/domain/supervision";
import { maskFreeText } from "../../lib/domain/masking";
import { isWithinReturnWindow } from "../../lib/domain/return-window";
import { Timing } from "./time";
import { CaseRecorder, PETITIONER, STOP, SYSTEM, staffActor, type Actor } from "./case-recorder";
import type { BuiltCase, CaseInput, SimContext } from "./case-types";
import type { Plan, Stage } from "./plan";
import type { Random } from "./random";
import * as T from "./texts";
import { DEMO, unitById } from "./units";
import { handlerOf, staffByUsername } from "./users";

export function buildCase(ctx: SimContext, input: CaseInput, plan: Plan): BuiltCase {
  const rec = new CaseRecorder(ctx, input);
  try {
    new CasePlayer(ctx, input, plan, rec).play();
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return rec.finish(input);
}

/** 催办, 督办函, 约谈, 通报, 挂牌督办 as codes (lib/domain/supervision.ts): the same weights in the same order. */
const SUPERVISION_WEIGHTS = { URGE: 50, LETTER: 35, INTERVIEW: 8, NOTICE: 4, LISTED: 3 } as const;
/** 评价期: the demo database has no Setting rows, so the default applies (lib/domain/settings.ts). */
const EVALUATION_DAYS = DEFAULT_SETTINGS.evaluationWindowDays;
/** An extension is requested on day 40–53 after acceptance and decided within 3 days: by day 56. */
const EXTENSION_DECIDED_BY_DAY = 56;

/** One case's story. Each phase either returns (the story goes on) or ends it by throwing STOP. */
class CasePlayer {
  private readonly rnd: Random;
  private readonly cal: HolidayCalendar;
  private readonly time: Timing;
  private readonly p: BuiltCase["petition"];
  private readonly fast: boolean;
  private readonly bureau: Actor;
  private readonly countySupervisor = staffActor(staffByUsername("super1"));
  private readonly townshipSupervisor = staffActor(staffByUsername("super2"));
  /** 县政府: 复查 and 复核 (the next-higher body for departments and townships). */
  private readonly reviewer = staffActor(staffByUsername("xzf1"));
  private readonly unitId: string;
  private readonly unit: Actor;
  /** Days after acceptance on which the reply is planned (set by handle()). */
  private replyOn = 0;

  constructor(
    ctx: SimContext,
    private readonly input: CaseInput,
    private readonly plan: Plan,
    private readonly rec: CaseRecorder,
  ) {
    this.rnd = ctx.rnd;
    this.cal = ctx.cal;
    this.time = new Timing(ctx.rnd, ctx.cal);
    this.p = rec.p;
    this.fast = plan.pace === "fast";
    this.bureau = staffActor(staffByUsername(this.rnd.chance(0.7) ? "bureau1" : "bureau2"));
    this.unitId = plan.routeTo;
    this.unit = staffActor(handlerOf(plan.routeTo));
  }

  play(): void {
    this.receive();
    this.route();
    this.decide();
    const acceptedAt = this.p.acceptedAt as Date;
    this.handle(acceptedAt);
    this.reply(acceptedAt);
    this.evaluate();
    this.review();
  }

  private end(): never {
    throw STOP;
  }

  private stopAt(stage: Stage): void {
    if (this.plan.stopAfter === stage) this.end();
  }

  private inCgz(unitId: string): boolean {
    return unitId === DEMO.cgz.id || unitById(unitId).parentId === DEMO.cgz.id;
  }

  /** 督办 when an action comes more than a few days after its due date (条例第39条). */
  private superviseIfLate(dueAt: Date | null | undefined, planned: Date, what: string): void {
    const { rnd, rec } = this;
    if (!this.plan.superviseWhenLate || !dueAt) return;
    const at = this.time.staffAfter(dueAt, rnd.int(2, 6));
    if (at >= planned) return;
    const by = this.inCgz(this.p.currentUnitId) && rnd.chance(0.5) ? this.townshipSupervisor : this.countySupervisor;
    const { dueDate: answerDueDate } = orderAnswerDeadline(at, DEFAULT_SETTINGS.supervisionAnswerDays, this.cal);
    // That supervision was issued is public, with its measure; what it says is internal (spec §5). The order itself
    // is a row (supervision-orders.ts), answered when the unit takes the late step in time (case-recorder.ts).
    rec.emit("SUPERVISED", "supervise", by, at, {
      data: { measure: rnd.weighted(SUPERVISION_WEIGHTS), answerDueDate, orderId: rec.nextOrderId() },
      also: [
        { type: "NOTE_INTERNAL", note: `督办：该件已超过${what}期限，请于${answerDueDate}前办结并书面报告办理情况。` },
      ],
    });
  }

  /** 不予受理: the decision is public, its reason and the proper channel go to the petitioner (条例第31条). */
  private notAccept(by: Actor, at: Date): never {
    const reason = T.notAcceptedReason(this.input.category.kind, this.input.category.code);
    Object.assign(
      this.p,
      notAcceptEffect(
        this.rec.emit("NOT_ACCEPTED", "notAccept", by, at, { also: [{ type: "NOT_ACCEPTED_REASON", note: reason }] }),
      ),
    );
    this.end();
  }

  /** 撤回 by the petitioner; the reason, when given, is for the petitioner and staff only. */
  private withdraw(at: Date): never {
    const reason = this.rnd.chance(0.6)
      ? [{ type: "WITHDRAWAL_REASON" as const, note: this.rnd.pick(T.WITHDRAWAL_REASONS) }]
      : [];
    Object.assign(this.p, withdrawEffect(this.rec.emit("WITHDRAWN", "withdraw", PETITIONER, at, { also: reason })));
    this.end();
  }

  /** Online by the petitioner, otherwise registered by the bureau (条例第17、22条). */
  private receive(): void {
    const { input, p, cal } = this;
    const online = input.channel === "ONLINE";
    this.rec.emit(online ? "SUBMITTED" : "REGISTERED", null, online ? PETITIONER : this.bureau, input.receivedAt, {
      data: { channel: input.channel },
    });
    Object.assign(p, receiveEffect(input.receivedAt, cal));
    // 交办件 report back to the higher office; the 条例 sets no period, 90 days (route + accept + handle) is the local rule here.
    if (input.channel === "HIGHER_ASSIGN")
      p.feedbackDueAt = calendarDaysDeadline("handle", input.receivedAt, 90, cal).dueAt;
    this.stopAt("RECEIVED");
  }

  /** 转送 within 15 days (条例第22条), sometimes to the wrong unit first, which returns it (第23条). */
  private route(): void {
    const { rnd, rec, p, plan, time, cal } = this;
    if (plan.bureauNotAccept) {
      this.notAccept(this.bureau, time.staffAfter(rec.last, this.fast ? 1 : rnd.int(1, 6)));
    }
    const targets = plan.misrouteTo ? [plan.misrouteTo, plan.routeTo] : [plan.routeTo];
    for (const [i, unitId] of targets.entries()) {
      const days = this.fast
        ? 1
        : i > 0
          ? rnd.int(1, 3)
          : plan.routeLate
            ? rnd.int(16, 24)
            : rnd.chance(0.7)
              ? rnd.int(1, 3)
              : rnd.int(4, 12);
      const planned = time.staffAfter(rec.last, days);
      if (i === 0) this.superviseIfLate(p.routeDueAt, planned, "转送");
      const routingNote = plan.routingNote ? [{ type: "NOTE_INTERNAL" as const, note: rnd.pick(T.ROUTING_NOTES) }] : [];
      const t = rec.emit("ROUTED", "route", this.bureau, planned, { data: { toUnitId: unitId }, also: routingNote });
      Object.assign(p, routeEffect(unitId, t, cal));
      if (i === targets.length - 1) break;
      const returnedAt = rec.emit(
        "RETURNED",
        "return",
        staffActor(handlerOf(unitId)),
        time.staffAfter(t, rnd.int(1, 3)),
        {
          note: rnd.pick(T.RETURN_REASONS),
          data: { toUnitId: DEMO.bureau.id },
        },
      );
      // The app refuses a late 退回 (lib/data/staff-case-actions.ts); so must the demo.
      if (!isWithinReturnWindow(p.returnDueAt ?? null, returnedAt))
        throw new Error(`${p.trackingNo}: 退回 after its window`);
      Object.assign(p, returnEffect(DEMO.bureau.id));
    }
    this.stopAt("ROUTED");
  }

  /** 受理 or not within 15 days of arrival (条例第22、23条); a few petitioners withdraw first. */
  private decide(): void {
    const { rnd, rec, p, plan, time } = this;
    if (plan.decision === "withdraw") this.withdraw(time.petitionerAfter(rec.last, rnd.int(1, 10)));
    if (!this.fast && rnd.chance(0.03)) {
      rec.emit("SUPPLEMENTED", "supplement", PETITIONER, time.petitionerAfter(rec.last, rnd.int(0, 3)), {
        note: rnd.pick(T.SUPPLEMENTS),
      });
    }
    const onTimeDays =
      plan.lastMinute || rnd.chance(0.2) ? rnd.int(12, 15) : rnd.chance(0.7) ? rnd.int(1, 6) : rnd.int(7, 11);
    const decideAt = time.staffAfter(
      p.arrivedAtUnitAt as Date,
      this.fast ? 1 : plan.acceptLate ? rnd.int(16, 45) : onTimeDays,
    );
    this.superviseIfLate(p.acceptDueAt, decideAt, "受理");
    if (plan.decision === "notAccept") this.notAccept(this.unit, decideAt);
    const acceptedAt = rec.emit("ACCEPTED", "accept", this.unit, decideAt);
    Object.assign(p, acceptEffect(acceptedAt, this.cal));
    if (plan.assign) {
      const assignee = handlerOf(this.unitId);
      // Every demo account is active.
      if (!isAssignableHandler({ unitId: assignee.unitId, role: assignee.role, active: true }, this.unitId))
        throw new Error(`${p.trackingNo}: ${assignee.username} may not be assigned`);
      rec.emit("ASSIGNED", "assign", this.unit, time.soonAfter(acceptedAt), { data: { assigneeId: assignee.id } });
      Object.assign(p, assignEffect(assignee.id));
    }
    this.stopAt("ACCEPTED");
  }

  /** The day (after acceptance) of the reply: many come in the last days before the deadline, a few after it. */
  private replyDay(acceptedAt: Date): number {
    const { rnd, plan } = this;
    const extension = plan.extension?.approved ? plan.extension.days : 0;
    const dueDays = civilDaysBetween(toCivilDate(acceptedAt), handleDeadline(acceptedAt, this.cal, extension).dueDate);
    if (this.fast) return 8;
    if (plan.replyLate) return dueDays + rnd.int(1, 40);
    if (plan.lastMinute) return rnd.int(dueDays - 2, dueDays);
    // With an extension request (days 40–53, decided 1–3 days later) the reply comes after the decision,
    // approved or not; otherwise a rejected request could fall after the reply and be dropped.
    if (plan.extension) return rnd.int(Math.max(EXTENSION_DECIDED_BY_DAY + 1, dueDays - 12), dueDays - 1);
    if (rnd.chance(0.3)) return rnd.int(dueDays - 4, dueDays - 1);
    return Math.round((rnd.int(10, dueDays - 1) + rnd.int(10, dueDays - 1)) / 2);
  }

  /** Notes, information requests and an extension between acceptance and reply (条例第34条: ≤ 30 days, once). */
  private handle(acceptedAt: Date): void {
    const { rnd, rec, p, plan, time, unit } = this;
    const acceptDate = toCivilDate(acceptedAt);
    this.replyOn = this.replyDay(acceptedAt);
    const steps: { day: number; run: (date: CivilDate) => void }[] = [];
    for (let i = 0; i < plan.publicNotes; i++) {
      steps.push({
        day: rnd.int(3, 45),
        run: (d) => rec.emit("NOTE_PUBLIC", "publicNote", unit, time.staffOn(d), { note: rnd.pick(T.PUBLIC_NOTES) }),
      });
    }
    for (let i = 0; i < plan.internalNotes; i++) {
      steps.push({
        day: rnd.int(1, 45),
        run: (d) =>
          rec.emit("NOTE_INTERNAL", "internalNote", unit, time.staffOn(d), { note: rnd.pick(T.INTERNAL_NOTES) }),
      });
    }
    if (plan.infoRequest) {
      const day = rnd.int(2, 15);
      steps.push({
        day,
        run: (d) =>
          rec.emit("INFO_REQUESTED", "requestInfo", unit, time.staffOn(d), { note: rnd.pick(T.INFO_REQUESTS) }),
      });
      if (plan.supplementAnswers) {
        steps.push({
          day: day + rnd.int(2, 8),
          run: (d) =>
            rec.emit("SUPPLEMENTED", "supplement", PETITIONER, time.petitionerOn(d), { note: rnd.pick(T.SUPPLEMENTS) }),
        });
      }
    }
    if (plan.extension) {
      const { days, approved } = plan.extension;
      if (!isValidExtensionDays(days)) throw new Error(`${p.trackingNo}: an extension of ${days} days`);
      const requestDay = rnd.int(40, EXTENSION_DECIDED_BY_DAY - 3);
      const reason = rnd.pick(T.EXTENSION_REASONS);
      const approver = this.inCgz(this.unitId) ? this.townshipSupervisor : this.countySupervisor;
      steps.push({
        day: requestDay,
        run: (d) =>
          rec.emit("EXTENSION_REQUESTED", "requestExtension", unit, time.staffOn(d), {
            note: reason,
            data: { extensionDays: days },
          }),
      });
      steps.push({
        day: requestDay + rnd.int(1, 3),
        run: (d) => {
          if (!approved) {
            rec.emit("EXTENSION_REJECTED", "rejectExtension", approver, time.staffOn(d), {
              note: "延期理由不充分，请按期办结",
              data: { extensionDays: days },
            });
            return;
          }
          const due = handleDeadline(acceptedAt, this.cal, days);
          rec.emit("EXTENSION_APPROVED", "approveExtension", approver, time.staffOn(d), {
            note: reason,
            data: { extensionDays: days, handleDueDate: due.dueDate },
          });
          Object.assign(p, extensionApprovedEffect(acceptedAt, days, this.cal));
        },
      });
    }
    const withdrawDay = plan.withdrawWhileHandling ? rnd.int(5, 40) : null;
    const until = withdrawDay !== null && withdrawDay < this.replyOn ? withdrawDay : this.replyOn;
    steps
      .filter((s) => s.day < until)
      .sort((a, b) => a.day - b.day)
      .forEach((s) => s.run(addCivilDays(acceptDate, s.day)));
    if (until === withdrawDay) this.withdraw(time.petitionerOn(addCivilDays(acceptDate, withdrawDay)));
  }

  /** The written reply (条例第32条) and its public version when consented and approved (spec §5). */
  private reply(acceptedAt: Date): void {
    const { rnd, rec, p, plan, input, time } = this;
    const planned = time.staffOn(addCivilDays(toCivilDate(acceptedAt), this.replyOn));
    this.superviseIfLate(p.handleDueAt, planned, "办理");
    const repliedAt = rec.emit("REPLIED", "reply", this.unit, planned, { data: { outcome: plan.outcome } });
    const replyText = T.replyText(rnd, plan.outcome, input.person.name, unitById(this.unitId).name, input.title);
    Object.assign(p, replyEffect(repliedAt, plan.outcome, replyText, this.cal, EVALUATION_DAYS));
    this.stopAt("REPLIED");
    if (!plan.publish) return;
    const known = {
      names: [input.person.name, ...input.representatives.map((r) => r.name)],
      addresses: [input.address],
    };
    const publishedAt = rec.emit(
      "PUBLISHED",
      "publish",
      this.unit,
      time.staffAfter(rec.last, this.fast ? 1 : rnd.int(1, 6)),
    );
    Object.assign(
      p,
      publishEffect(publishedAt, {
        publicTitle: maskFreeText(input.title, known),
        publicSummary: maskFreeText(input.content, known),
        publicReply: maskFreeText(replyText, known),
      }),
    );
    this.stopAt("PUBLISHED");
  }

  /** 满意 / 基本满意 / 不满意 within the review window (条例第21条); a satisfied petitioner may close the case. */
  private evaluate(): void {
    const { rnd, rec, p, plan } = this;
    if (!plan.evaluation) return;
    const at = this.time.petitionerAfter(p.repliedAt as Date, rnd.int(1, 20));
    if (at >= (p.evaluationWindowEndsAt as Date)) return;
    const rating = { unit: plan.evaluation, bureau: plan.bureauEvaluation };
    const evaluatedAt = rec.emit("EVALUATED", "evaluate", PETITIONER, at, { data: rating });
    Object.assign(p, evaluateEffect(evaluatedAt, rating));
    this.stopAt("EVALUATED");
    if (plan.closeWhenSatisfied) {
      Object.assign(
        p,
        closeEffect(
          rec.emit("CLOSED", "close", PETITIONER, this.time.soonAfter(evaluatedAt), {
            data: { reason: "PETITIONER_SATISFIED" },
          }),
        ),
      );
      this.end();
    }
  }

  /** 复查 and 复核 by the next-higher body (条例第35、36条), or closing when their windows pass. */
  private review(): void {
    const { rnd, rec, p, plan, time, cal } = this;
    const windowEnd = p.reviewWindowEndsAt as Date;
    const requestAt = plan.review ? time.petitionerAfter(rec.last, rnd.int(1, 20)) : null;
    if (!requestAt || requestAt > windowEnd) {
      Object.assign(
        p,
        closeEffect(
          rec.emit("CLOSED", "close", SYSTEM, time.systemAfter(windowEnd), {
            data: { reason: "REVIEW_WINDOW_PASSED" },
          }),
        ),
      );
      this.end();
    }
    const reviewUnitId = nextHigherBody(unitById(this.unitId));
    const requestedAt = rec.emit("REVIEW_REQUESTED", "requestReview", PETITIONER, requestAt, {
      data: { toUnitId: reviewUnitId },
    });
    const review = reviewRequestEffect(reviewUnitId, requestedAt, cal);
    Object.assign(p, review);
    this.stopAt("IN_REVIEW");
    const planned = plan.reviewLate
      ? time.staffAfter(review.reviewDueAt, rnd.int(1, 12))
      : time.staffAfter(requestedAt, rnd.int(7, 26));
    this.superviseIfLate(review.reviewDueAt, planned, "复查");
    // The answer's text goes to the petitioner in the case's fields; the PUBLIC event carries no note (spec §5).
    const reviewOutcome = plan.reviewUpheld
      ? plan.outcome
      : (outcomesFor(this.input.category.kind).find((o) => o !== plan.outcome) as Outcome);
    const reviewedAt = rec.emit("REVIEW_REPLIED", "reviewReply", this.reviewer, planned, {
      data: { upheld: plan.reviewUpheld, outcome: reviewOutcome },
    });
    const reviewText = T.reviewText(rnd, plan.reviewUpheld, "复查");
    const { recheckWindowEndsAt } = Object.assign(
      p,
      reviewReplyEffect(reviewedAt, reviewOutcome, reviewText, cal, EVALUATION_DAYS),
    );
    this.stopAt("REVIEWED");
    const recheckEnd = recheckWindowEndsAt;
    const recheckAt = plan.recheck ? time.petitionerAfter(reviewedAt, rnd.int(2, 25)) : null;
    if (!recheckAt || recheckAt > recheckEnd) {
      Object.assign(
        p,
        closeEffect(
          rec.emit("CLOSED", "close", SYSTEM, time.systemAfter(recheckEnd), {
            data: { reason: "RECHECK_WINDOW_PASSED" },
          }),
        ),
      );
      this.end();
    }
    // 复核 belongs one level up again; the county government is the top of this system's tree and answers itself.
    const recheckUnitId = nextHigherBody(unitById(reviewUnitId));
    const recheckRequestedAt = rec.emit("RECHECK_REQUESTED", "requestRecheck", PETITIONER, recheckAt, {
      data: { toUnitId: recheckUnitId },
    });
    const { recheckDueAt } = Object.assign(p, recheckRequestEffect(recheckUnitId, recheckRequestedAt, cal));
    this.stopAt("IN_RECHECK");
    const recheckPlanned = time.staffAfter(recheckRequestedAt, rnd.int(7, 26));
    this.superviseIfLate(recheckDueAt, recheckPlanned, "复核");
    const finalAt = rec.emit("RECHECK_REPLIED", "recheckReply", this.reviewer, recheckPlanned, {
      data: { upheld: true, outcome: reviewOutcome },
    });
    const recheckText = T.reviewText(rnd, true, "复核");
    Object.assign(p, recheckReplyEffect(finalAt, reviewOutcome, recheckText, cal, EVALUATION_DAYS));
  }
}
