// Records one demo case as the app would: the petition row plus its events, each step checked against
// the transition table, timestamps strictly increasing and never after "now".
import type { JsonValue } from "../../lib/domain/chain";
import type { EventType } from "../../lib/domain/event-types";
import { isCollectiveVisit } from "../../lib/domain/petition-rules";
import { transitionFor, type ActorRole, type PetitionAction, type PetitionState } from "../../lib/domain/petition-states";
import type { ActorType } from "../../generated/prisma/client";
import { buildChain, type EventDraft } from "./chain-builder";
import type { BuiltCase, CaseInput, SimContext } from "./lifecycle";
import { MINUTE } from "./time";
import { DEMO } from "./units";
import type { StaffDef } from "./users";

/** Thrown to end a simulation: the next step would happen after "now", or the plan stops here. */
export const STOP = Symbol("stop");
export type Stop = typeof STOP;

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
      receivedAt: input.receivedAt,
      isRepeat: input.repeatOfId !== null,
      repeatOfId: input.repeatOfId,
      createdAt: input.receivedAt,
    };
  }

  /**
   * Appends an event at `at` (moved a minute or so past the previous event if needed) and returns
   * its time. `action` null only for the first event, which creates the case in SUBMITTED.
   */
  emit(
    type: EventType,
    action: PetitionAction | null,
    actor: Actor,
    at: Date,
    opts: { note?: string; data?: { [key: string]: JsonValue | undefined } } = {},
  ): Date {
    const t = at > this.last ? at : new Date(this.last.getTime() + this.ctx.rnd.int(1, 5) * MINUTE);
    if (t > this.ctx.now) throw STOP;
    let to: PetitionState = "SUBMITTED";
    if (action) {
      const transition = transitionFor(this.state, action, actor.role);
      if (!transition) throw new Error(`${this.p.trackingNo}: ${action} is not allowed for ${actor.role} in ${this.state}`);
      to = transition.to;
    } else if (this.drafts.length > 0) {
      throw new Error(`${this.p.trackingNo}: only the first event may come without an action`);
    }
    this.drafts.push({
      id: this.ctx.rnd.id(),
      type,
      actorType: actor.type,
      actorId: actor.id,
      unitId: this.p.currentUnitId, // where the case is when it happens
      fromState: action ? this.state : null,
      toState: to,
      note: opts.note ?? null,
      data: opts.data ?? {},
      occurredAt: t,
    });
    this.state = to;
    this.last = t;
    return t;
  }

  finish(input: CaseInput): BuiltCase {
    const { rows, headHash } = buildChain(this.p.id, this.drafts);
    Object.assign(this.p, {
      state: this.state,
      version: rows.length, // the creating event is version 1, every later event one mutation
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
    return { petition: this.p, representatives, events: rows };
  }
}
