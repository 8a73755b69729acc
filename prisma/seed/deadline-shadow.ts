// What the deadline job (lib/data/deadline-pass.ts) would have written into a demo case while its story was played:
// the recorder (case-recorder.ts) asks, before each step and at the end, which of the job's rules
// (lib/domain/deadline-job.ts) came due in between, and records those changes at the instant a pass would have run —
// a few minutes after the deadline (or after the step that left a lapsed deadline running), never after "now". So a
// freshly seeded database already holds the job's history, and a pass at the seed's "now" finds nothing to do.
// No random draws: everything follows from what the story already drew (the demo must stay the same).
import { toCivilDate, endOfCivilDay, type CivilDate } from "../../lib/domain/civil-date";
import { evaluationLapsed, feedbackLapse, opensUrge, orderLapse, runningLapse } from "../../lib/domain/deadline-job";
import type { HolidayCalendar } from "../../lib/domain/deadlines";
import type { EventType } from "../../lib/domain/event-types";
import { canTake, type PetitionAction, type PetitionState } from "../../lib/domain/petition-states";
import { DEFAULT_SETTINGS } from "../../lib/domain/settings";
import { orderAnswerDeadline, type SupervisionMeasure } from "../../lib/domain/supervision";
import { catalogTranslator } from "../../lib/i18n/translate";
import zhCN from "../../lib/i18n/messages/zh-CN";
import type { JsonValue } from "../../lib/domain/chain";
import type { PetitionRow } from "./case-types";

/** How long after a deadline the job's next pass comes (its default interval, lib/domain/settings.ts). */
export const JOB_DELAY_MS = DEFAULT_SETTINGS.jobIntervalMinutes * 60_000;

const t = catalogTranslator(zhCN);

/** A supervision order as the recorder keeps it while the story plays (prisma/seed/supervision-orders.ts writes the rows). */
export type ShadowOrder = {
  id: string;
  measure: SupervisionMeasure;
  targetUnitId: string;
  answerDueAt: Date;
  answeredAt: Date | null;
  escalatedAt: null;
  overdueAt: Date | null;
};

export type ShadowEvent = {
  type: EventType;
  unitId: string;
  note?: string;
  data?: { [key: string]: JsonValue | undefined };
};

/** One change of the job: one changeCase in the app, at `at`. */
export type ShadowChange = {
  at: Date;
  action: PetitionAction;
  events: ShadowEvent[];
  /** Fields of the petition it sets. */
  data: Partial<PetitionRow>;
  /** A 催办 it opens. */
  opens?: ShadowOrder;
  /** An order it marks overdue. */
  marks?: ShadowOrder;
};

export type ShadowCase = {
  p: PetitionRow;
  state: PetitionState;
  atBureau: boolean;
  orders: readonly ShadowOrder[];
  /** When the case's last event happened. */
  last: Date;
};

type Due = { dueAt: Date; make: (at: Date) => ShadowChange | null };

/**
 * The job's next change before `until` (a story's next step; the job ran before it), or — at the end of the story
 * (`until` = now, `atEnd`) — by now: a pass at "now" would find it due. Null when nothing is due.
 */
export function nextJobChange(
  c: ShadowCase,
  until: Date,
  atEnd: boolean,
  cal: HolidayCalendar,
  nextOrderId: () => string,
): ShadowChange | null {
  const { p } = c;
  const dues: Due[] = [];
  const running = runningLapse(
    {
      state: c.state,
      atBureau: c.atBureau,
      routeDueAt: p.routeDueAt ?? null,
      acceptDueAt: p.acceptDueAt ?? null,
      handleDueAt: p.handleDueAt ?? null,
      reviewDueAt: p.reviewDueAt ?? null,
      recheckDueAt: p.recheckDueAt ?? null,
      lapsedDueAt: p.lapsedDueAt ?? null,
    },
    until,
  );
  if (running && canTake(c.state, "markOverdue", "system")) {
    dues.push({
      dueAt: running.dueAt,
      make: (at) => {
        const dueDate = toCivilDate(running.dueAt);
        const change: ShadowChange = {
          at,
          action: "markOverdue",
          events: [{ type: "OVERDUE", unitId: p.currentUnitId, data: { stage: running.stage, dueDate } }],
          data: { lapsedDueAt: running.dueAt },
        };
        if (opensUrge(running.stage, DEFAULT_SETTINGS.autoUrgeOnHandleLapse)) {
          const due = orderAnswerDeadline(at, DEFAULT_SETTINGS.supervisionAnswerDays, cal);
          const order = urge(nextOrderId(), p.currentUnitId, due.dueDate);
          change.opens = order;
          change.events.push(
            {
              type: "SUPERVISED",
              unitId: order.targetUnitId,
              data: { measure: "URGE", answerDueDate: due.dueDate, orderId: order.id, automatic: true },
            },
            { type: "NOTE_INTERNAL", unitId: order.targetUnitId, note: urgeMessage(dueDate) },
          );
        }
        return change;
      },
    });
  }
  if (canTake(c.state, "markOrderOverdue", "system")) {
    for (const order of c.orders) {
      const lapse = orderLapse(order, until);
      if (!lapse) continue;
      dues.push({
        dueAt: lapse.dueAt,
        make: (at) => ({
          at,
          action: "markOrderOverdue",
          events: [
            {
              type: "SUPERVISION_OVERDUE",
              unitId: order.targetUnitId,
              data: { orderId: order.id, measure: order.measure, answerDueDate: toCivilDate(order.answerDueAt) },
            },
          ],
          data: {},
          marks: order,
        }),
      });
    }
  }
  const feedback = feedbackLapse(
    {
      channel: p.channel,
      state: c.state,
      feedbackDueAt: p.feedbackDueAt ?? null,
      feedbackLapsedAt: p.feedbackLapsedAt ?? null,
      repliedAt: p.repliedAt ?? null,
    },
    until,
  );
  if (feedback && canTake(c.state, "markOverdue", "system")) {
    dues.push({
      dueAt: feedback.dueAt,
      make: (at) => ({
        at,
        action: "markOverdue",
        events: [
          {
            type: "OVERDUE",
            unitId: p.currentUnitId,
            data: { stage: "feedback", dueDate: toCivilDate(feedback.dueAt) },
          },
        ],
        data: { feedbackLapsedAt: at },
      }),
    });
  }
  const evaluation = {
    repliedAt: p.repliedAt ?? null,
    reviewedAt: p.reviewedAt ?? null,
    finalAt: p.finalAt ?? null,
    evaluatedAt: p.evaluatedAt ?? null,
    evaluationWindowEndsAt: p.evaluationWindowEndsAt ?? null,
    evaluationExpiredAt: p.evaluationExpiredAt ?? null,
  };
  if (evaluationLapsed(evaluation, until) && canTake(c.state, "expireEvaluation", "system")) {
    dues.push({
      dueAt: evaluation.evaluationWindowEndsAt as Date,
      make: (at) => ({
        at,
        action: "expireEvaluation",
        events: [{ type: "EVALUATION_EXPIRED", unitId: p.currentUnitId }],
        data: { evaluationExpiredAt: at },
      }),
    });
  }
  // The earliest first (the pass's own order breaks ties: running, orders, feedback, evaluation).
  let best: ShadowChange | null = null;
  for (const due of dues) {
    const at = passAfter(due.dueAt, c.last, until, atEnd);
    if (!at || (best && best.at.getTime() <= at.getTime())) continue;
    best = due.make(at);
  }
  return best;
}

/**
 * When the pass that records a deadline passed at `dueAt` runs: a few minutes after the deadline, or after the last
 * step (which may have left an already lapsed deadline running); before the story's next step, or by "now" at the
 * end. Null when no pass came in between.
 */
function passAfter(dueAt: Date, last: Date, until: Date, atEnd: boolean): Date | null {
  const at = Math.max(dueAt.getTime() + 1, last.getTime()) + JOB_DELAY_MS;
  if (atEnd) return new Date(Math.min(at, until.getTime()));
  return at < until.getTime() ? new Date(at) : null;
}

export function urgeMessage(dueDate: CivilDate): string {
  return t("jobs.urgeMessage", { date: dueDate });
}

function urge(id: string, targetUnitId: string, answerDueDate: CivilDate): ShadowOrder {
  return {
    id,
    measure: "URGE",
    targetUnitId,
    answerDueAt: endOfCivilDay(answerDueDate),
    answeredAt: null,
    escalatedAt: null,
    overdueAt: null,
  };
}

/** The steps that do what an order asked for: the unit answers its open orders in writing as it takes them. */
export const ANSWERING_ACTIONS: ReadonlySet<PetitionAction> = new Set([
  "route",
  "return",
  "accept",
  "notAccept",
  "reply",
  "reviewReply",
  "recheckReply",
]);

const ANSWERS: Partial<Record<PetitionAction, string>> = {
  route: "已按督办要求完成转送，特此报告。",
  return: "经审查该件不属本单位职权范围，已按规定退回信访部门，特此报告。",
  accept: "已按督办要求受理该件，正抓紧办理，特此报告。",
  notAccept: "经审查该件不符合受理条件，已书面告知信访人，特此报告。",
  reply: "已按督办要求办结并书面答复信访人，特此报告。",
  reviewReply: "已按督办要求作出复查意见并书面答复信访人，特此报告。",
  recheckReply: "已按督办要求作出复核意见并书面答复信访人，特此报告。",
};

/** The unit's written answer to an order, when it answers by taking `action`. */
export function answerText(action: PetitionAction): string {
  return ANSWERS[action] ?? "已按督办要求办理，特此报告。";
}
