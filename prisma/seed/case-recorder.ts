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
import { buildChain, type EventDraft } from "./chain-builder";
import { extensionRequestRows } from "./extension-requests";
import type { BuiltCase, CaseInput, SimContext } from "./case-types";
import { MINUTE } from "./time";
import { DEMO, unitById } from "./units";
import type { StaffDef } from "./users";

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
    this.state = to;
    this.last = t;
    return t;
  }

  finish(input: CaseInput): BuiltCase {
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
    return { petition: p, representatives, events: rows, extensionRequests: extensionRequestRows(p.id, rows) };
  }
}
