// Records one demo case as the app would: the petition row plus its events, each step checked against
// the transition table, timestamps strictly increasing and never after "now".
import type { JsonValue } from "../../lib/domain/chain";
import { currentDeadline } from "../../lib/domain/current-deadline";
import type { EventType } from "../../lib/domain/event-types";
import { isCollectiveVisit } from "../../lib/domain/petition-rules";
import {
  transitionFor,
  type ActorRole,
  type PetitionAction,
  type PetitionState,
} from "../../lib/domain/petition-states";
import type { ActorType } from "../../generated/prisma/client";
import { endOfCivilDay } from "../../lib/domain/civil-date";
import { answeredLate, isSupervisionMeasure } from "../../lib/domain/supervision";
import { buildChain, type EventDraft } from "./chain-builder";
import { ANSWERING_ACTIONS, answerText, nextJobChange, type ShadowChange, type ShadowOrder } from "./deadline-shadow";
import { extensionRequestRows } from "./extension-requests";
import { supervisionOrderRows } from "./supervision-orders";
import type { BuiltCase, CaseInput, SimContext } from "./case-types";
import { MINUTE } from "./time";
import { DEMO, unitById } from "./units";
import { STAFF, type StaffDef } from "./users";

/** Thrown to end a simulation: the next step would happen after "now", or the plan stops here. */
export const STOP = Symbol("stop");
export type Stop = typeof STOP;

type EventData = { [key: string]: JsonValue | undefined };

export type Actor = { role: ActorRole; type: ActorType; id: string | null };
export const PETITIONER: Actor = { role: "petitioner", type: "PETITIONER", id: null };
export const SYSTEM: Actor = { role: "system", type: "SYSTEM", id: null };
export const staffActor = (s: StaffDef): Actor & { id: string } => ({ role: s.role, type: "STAFF", id: s.id });

export class CaseRecorder {
  state: PetitionState = "SUBMITTED";
  /** When the last event happened. */
  last = new Date(0);
  readonly p: BuiltCase["petition"];
  private readonly drafts: EventDraft[] = [];
  private mutations = 0;
  /** Supervision orders of the case, as the deadline job and the answering unit see them (deadline-shadow.ts). */
  private readonly orders: ShadowOrder[] = [];
  private orderCount = 0;
  private jobEvents = 0;

  constructor(
    private readonly ctx: SimContext,
    input: CaseInput,
  ) {
    this.p = {
      id: input.id,
      trackingNo: input.trackingNo,
      queryCodeHash: input.queryCodeHash,
      channel: input.channel,
      categoryId: input.category.id,
      title: input.title,
      content: input.content,
      placeId: input.placeId,
      accusedUnitId: input.accusedUnitId,
      petitionerName: input.person.name,
      petitionerPhone: input.person.phone,
      petitionerIdNumber: input.person.idNumber,
      petitionerEmail: input.person.email,
      address: input.address,
      consentPublic: input.consentPublic,
      personCount: input.personCount,
      isCollective: isCollectiveVisit(input.personCount),
      sourceDocNo: input.sourceDocNo,
      state: "SUBMITTED",
      currentUnitId: DEMO.bureau.id,
      handlingUnitId: DEMO.bureau.id,
      receivedAt: input.receivedAt,
      isRepeat: input.repeatOfId !== null,
      repeatOfId: input.repeatOfId,
      createdAt: input.receivedAt,
    };
  }

  /**
   * One change of the case, as lib/data/change-case.ts makes it: the transition is checked, the event
   * gets fromState/toState only when the state changes, and `also` events (an INTERNAL routing note, a
   * reason for the petitioner) are written in the same change at the same instant. The first call
   * (action null) creates the case in SUBMITTED. `at` moves a few minutes past the previous event if
   * needed; the time used is returned.
   */
  emit(
    type: EventType,
    action: PetitionAction | null,
    actor: Actor,
    at: Date,
    opts: { note?: string; data?: EventData; also?: { type: EventType; note?: string; data?: EventData }[] } = {},
  ): Date {
    const t = at > this.last ? at : new Date(this.last.getTime() + this.ctx.rnd.int(1, 5) * MINUTE);
    if (t > this.ctx.now) throw STOP;
    this.catchUpJob(t, false);
    const from = this.state;
    let to: PetitionState = "SUBMITTED";
    if (action) {
      const transition = transitionFor(from, action, actor.role);
      if (!transition) throw new Error(`${this.p.trackingNo}: ${action} is not allowed for ${actor.role} in ${from}`);
      to = transition.to;
      this.mutations++;
    } else if (this.drafts.length > 0) {
      throw new Error(`${this.p.trackingNo}: only the first event may come without an action`);
    }
    if (action && ANSWERING_ACTIONS.has(action)) this.answerOrders(action, actor, t);
    const changed = !action || to !== from;
    const base = { actorType: actor.type, actorId: actor.id, unitId: this.p.currentUnitId, occurredAt: t }; // unit: where the case is
    this.drafts.push({
      ...base,
      id: this.ctx.rnd.id(),
      type,
      fromState: action && changed ? from : null,
      toState: changed ? to : null,
      note: opts.note ?? null,
      data: opts.data ?? {},
    });
    for (const e of opts.also ?? []) {
      this.drafts.push({
        ...base,
        id: this.ctx.rnd.id(),
        type: e.type,
        fromState: null,
        toState: null,
        note: e.note ?? null,
        data: e.data ?? {},
      });
    }
    if (type === "SUPERVISED") this.registerOrder(opts.data ?? {}, this.p.currentUnitId);
    this.state = to;
    this.last = t;
    return t;
  }

  /** The id of the next supervision order of this case (derived from the case's id: no random draw). */
  nextOrderId(): string {
    return `${this.p.id}-o${++this.orderCount}`;
  }

  /** An order written by a SUPERVISED event: the unit where the case is must answer it. */
  private registerOrder(data: { [key: string]: JsonValue | undefined }, targetUnitId: string): void {
    const { orderId, measure, answerDueDate } = data;
    if (typeof orderId !== "string") throw new Error(`${this.p.trackingNo}: SUPERVISED without an orderId`);
    if (!isSupervisionMeasure(measure) || typeof answerDueDate !== "string")
      throw new Error(`${this.p.trackingNo}: SUPERVISED without a measure code or an answer date`);
    this.orders.push({
      id: orderId,
      measure,
      targetUnitId,
      answerDueAt: endOfCivilDay(answerDueDate),
      answeredAt: null,
      escalatedAt: null,
      overdueAt: null,
    });
  }

  /**
   * What the deadline job would have recorded before `until` (or by now, at the end of the story): each change
   * as lib/data/deadline-pass.ts writes it — checked against the transition table, one version each.
   */
  private catchUpJob(until: Date, atEnd: boolean): void {
    for (;;) {
      const change: ShadowChange | null = nextJobChange(
        {
          p: this.p,
          state: this.state,
          atBureau: unitById(this.p.currentUnitId).kind === "BUREAU",
          orders: this.orders,
          last: this.last,
        },
        until,
        atEnd,
        this.ctx.cal,
        () => this.nextOrderId(),
      );
      if (!change) return;
      if (!transitionFor(this.state, change.action, "system"))
        throw new Error(`${this.p.trackingNo}: ${change.action} is not allowed for the job in ${this.state}`);
      this.mutations++;
      for (const e of change.events) {
        this.drafts.push({
          id: `${this.p.id}-j${++this.jobEvents}`,
          type: e.type,
          actorType: "SYSTEM",
          actorId: null,
          unitId: e.unitId,
          fromState: null,
          toState: null,
          note: e.note ?? null,
          data: e.data ?? {},
          occurredAt: change.at,
        });
      }
      Object.assign(this.p, change.data);
      if (change.opens) this.orders.push(change.opens);
      if (change.marks) change.marks.overdueAt = change.at;
      this.last = change.at;
    }
  }

  /**
   * The unit answers in writing the orders that wait for its answer when it takes the step they asked for: on time,
   * or late after the job marked them overdue. One answerSupervision change per order.
   */
  private answerOrders(action: PetitionAction, actor: Actor, at: Date): void {
    if (actor.type !== "STAFF") return;
    for (const order of this.orders) {
      if (order.answeredAt || order.targetUnitId !== this.p.currentUnitId) continue;
      const by = STAFF.find((s) => s.unitId === order.targetUnitId && s.role === "handler") ?? null;
      const role = by?.role ?? actor.role;
      if (!transitionFor(this.state, "answerSupervision", role)) continue;
      this.mutations++;
      order.answeredAt = at;
      this.drafts.push({
        id: `${this.p.id}-j${++this.jobEvents}`,
        type: "SUPERVISION_ANSWERED",
        actorType: "STAFF",
        actorId: by?.id ?? actor.id,
        unitId: order.targetUnitId,
        fromState: null,
        toState: null,
        note: answerText(action),
        data: { orderId: order.id, measure: order.measure, late: answeredLate({ ...order, answeredAt: at }) },
        occurredAt: at,
      });
    }
  }

  finish(input: CaseInput): BuiltCase {
    this.catchUpJob(this.ctx.now, true);
    const { rows, headHash } = buildChain(this.p.id, this.drafts);
    const p = this.p;
    // The running deadline, as lib/data/change-case.ts keeps it after every change.
    const running = currentDeadline({
      state: this.state,
      atBureau: unitById(p.currentUnitId).kind === "BUREAU",
      routeDueAt: p.routeDueAt ?? null,
      acceptDueAt: p.acceptDueAt ?? null,
      handleDueAt: p.handleDueAt ?? null,
      reviewDueAt: p.reviewDueAt ?? null,
      recheckDueAt: p.recheckDueAt ?? null,
    });
    Object.assign(p, {
      state: this.state,
      version: 1 + this.mutations, // created at version 1; every change bumps it once
      currentDueAt: running?.dueAt ?? null,
      eventCount: rows.length,
      headHash,
      updatedAt: this.last,
    });
    const representatives = input.representatives.map((r, i) => ({
      id: `${this.p.id}-r${i + 1}`,
      petitionId: this.p.id,
      name: r.name,
      phone: r.phone,
      idNumber: r.idNumber,
      sortOrder: i,
    }));
    return {
      petition: p,
      representatives,
      events: rows,
      extensionRequests: extensionRequestRows(p.id, rows),
      supervisionOrders: supervisionOrderRows(p.id, rows),
    };
  }
}
