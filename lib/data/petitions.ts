import "server-only";
import { applyFigureChange } from "./figures";
import { updateLateFrom } from "./late-from";
import { NO_FIGURE_DATES } from "@/lib/domain/figures";
import type { Tx } from "@/lib/db";
import type { CategoryKind, UnitKind } from "@/generated/prisma/client";
import { receiveEffect, routeEffect } from "@/lib/domain/case-effects";
import { DIRECT_TO_DISCIPLINE, initialUnitFor, mayBeAccused } from "@/lib/domain/authority";
import { civilYear } from "@/lib/domain/civil-date";
import { formatTrackingNo, generateQueryCode, hashQueryCode, trackingCounterName } from "@/lib/domain/tracking";
import { MAX_REPRESENTATIVES, isCollectiveVisit, isConfidentialKind, type Channel } from "@/lib/domain/petition-rules";
import { appSecret } from "@/lib/secret";
import { loadCalendar } from "./calendar";
import { appendEvent } from "./events";
import { insertRow, newId } from "./insert-row";
import { InvalidReferenceError } from "./errors";

export type NewPetition = {
  channel: Channel;
  categoryId: string;
  placeId: string;
  title: string;
  content: string;
  address: string;
  petitionerName: string;
  /** Required online; a registered letter or higher-level transfer may come without one. */
  petitionerPhone?: string;
  petitionerIdNumber?: string;
  petitionerEmail?: string;
  consentPublic: boolean;
  personCount?: number;
  receivedAt: Date;
  // Registered by staff (登记) — lib/data/register.ts checks these against the rules first.
  /** When the bureau recorded it, if later than receipt: the REGISTERED event's time. */
  registeredAt?: Date;
  /** A collective visit's representatives (条例第20条: at most 5). */
  representatives?: readonly { name: string; phone?: string; idNumber?: string }[];
  /** 上级转办/交办: the higher level's document number, and for 交办 its feedback deadline. */
  sourceDocNo?: string;
  feedbackDueAt?: Date;
  /**
   * 检举控告: the unit accused; routing never sends the case there, and its staff never see it (条例第46条).
   * When it is the bureau or the county government, the case starts at the discipline organ (initialUnitFor).
   */
  accusedUnitId?: string;
};

/** The next tracking number of the year (XF + year + sequence), inside the caller's transaction. */
async function nextTrackingNo(tx: Tx, at: Date): Promise<string> {
  const year = civilYear(at);
  return formatTrackingNo(year, await reserveTrackingNos(tx, year, 1));
}

/**
 * `count` tracking numbers of `year` from the year's counter, in the caller's transaction: returns the first
 * sequence, the others follow it. One statement that adds and returns (SQLite and PostgreSQL alike): two filings
 * never get the same number, and the import of historical cases (lib/data/case-import.ts) takes its numbers from
 * the same series as the live ones.
 */
export async function reserveTrackingNos(tx: Tx, year: number, count: number): Promise<number> {
  const name = trackingCounterName(year);
  const [counter] = await tx.$queryRaw<[{ value: number | bigint }]>`
    INSERT INTO "Counter" ("name", "value") VALUES (${name}, ${count})
    ON CONFLICT ("name") DO UPDATE SET "value" = "Counter"."value" + ${count}
    RETURNING "value"`;
  return Number(counter.value) - count + 1;
}

type References = {
  categoryKind: CategoryKind | null;
  placeId: string | null;
  bureauId: string | null;
  disciplineId: string | null;
  accusedKind: UnitKind | null;
};

/**
 * What a filing checks its ids against, in one statement: the active category's kind, the active township, the
 * county's petition bureau and discipline organ (the first by path), and the accused unit's kind. A null is a forged,
 * stale or missing reference. (Prisma's query layer costs more than these reads; one plain statement instead of five
 * keeps the single writer's transaction short — docs/performance.md.)
 */
async function references(tx: Tx, input: Pick<NewPetition, "categoryId" | "placeId" | "accusedUnitId">): Promise<References> {
  const [row] = await tx.$queryRaw<[References]>`
    SELECT
      (SELECT "kind" FROM "Category" WHERE "id" = ${input.categoryId} AND "active" = true) AS "categoryKind",
      (SELECT "id" FROM "Unit" WHERE "id" = ${input.placeId} AND "kind" = 'TOWNSHIP' AND "active" = true) AS "placeId",
      (SELECT "id" FROM "Unit" WHERE "kind" = 'BUREAU' AND "active" = true ORDER BY "path" LIMIT 1) AS "bureauId",
      (SELECT "id" FROM "Unit" WHERE "kind" = 'DISCIPLINE' AND "active" = true ORDER BY "path" LIMIT 1) AS "disciplineId",
      (SELECT "kind" FROM "Unit" WHERE "id" = ${input.accusedUnitId ?? null} AND "active" = true) AS "accusedKind"`;
  return row;
}

/**
 * Records a new petition at the petition bureau with its first event, in the caller's transaction — or, for an
 * accusation against the bureau or the county government, at the discipline organ, routed there on receipt.
 * The category and place are checked against the database: a forged or stale id writes nothing.
 * Returns the query code in clear — the only time it exists outside the petitioner's hands.
 */
export async function createPetition(
  tx: Tx,
  input: NewPetition,
  actor: { type: "PETITIONER" } | { type: "STAFF"; userId: string; unitId: string },
): Promise<{ id: string; trackingNo: string; queryCode: string; routeDueAt: Date; acceptDueAt: Date | null }> {
  const refs = await references(tx, input);
  const category = refs.categoryKind === null ? null : { id: input.categoryId, kind: refs.categoryKind };
  const place = refs.placeId === null ? null : { id: refs.placeId };
  const bureau = refs.bureauId === null ? null : { id: refs.bureauId };
  const accused = refs.accusedKind === null ? null : { id: input.accusedUnitId!, kind: refs.accusedKind };
  if (!category) throw new InvalidReferenceError("categoryId");
  if (!place) throw new InvalidReferenceError("placeId");
  if (!bureau) throw new Error("no petition bureau is configured");
  // Only an accusation names an accused unit, and it must be a real, active one.
  if (input.accusedUnitId && !isConfidentialKind(category.kind)) throw new InvalidReferenceError("accusedUnitId", "errors.accusedUnitOnlyAccusation");
  if (input.accusedUnitId && (!accused || !mayBeAccused(accused.kind))) throw new InvalidReferenceError("accusedUnitId");
  const representatives = input.representatives ?? [];
  const direct = initialUnitFor(category.kind, accused?.kind ?? null) === "DISCIPLINE";
  const discipline = direct && refs.disciplineId !== null ? { id: refs.disciplineId } : null;
  // Refuse rather than leave the accusation with the accused: the county must have a discipline organ.
  if (direct && !discipline) throw new Error("no discipline organ is configured");

  const calendar = await loadCalendar(tx);
  const { routeDueAt } = receiveEffect(input.receivedAt, calendar);
  const registeredAt = input.registeredAt ?? input.receivedAt;
  // Routed on receipt: the fields routeCase sets (routeEffect), from the moment it was recorded.
  const routed = discipline ? routeEffect(discipline.id, registeredAt, calendar) : null;
  const trackingNo = await nextTrackingNo(tx, input.receivedAt);
  const queryCode = generateQueryCode();
  const personCount = input.personCount ?? 1;
  const isCollective = input.channel === "VISIT" && isCollectiveVisit(personCount);
  // Invariants of 条例第20条; callers check them first and tell the user (register.ts).
  if (representatives.length > (isCollective ? MAX_REPRESENTATIVES : 0)) throw new Error("representatives only for a collective visit, at most 5");
  const petition = { id: newId() };
  const createdAt = new Date();
  await insertRow(tx, "Petition", {
      id: petition.id,
      createdAt,
      updatedAt: createdAt,
      trackingNo,
      queryCodeHash: hashQueryCode(queryCode, trackingNo, appSecret()),
      channel: input.channel,
      categoryId: category.id,
      placeId: place.id,
      title: input.title,
      content: input.content,
      address: input.address,
      petitionerName: input.petitionerName,
      petitionerPhone: input.petitionerPhone ?? null,
      petitionerIdNumber: input.petitionerIdNumber ?? null,
      petitionerEmail: input.petitionerEmail ?? null,
      consentPublic: input.consentPublic,
      personCount,
      isCollective,
      sourceDocNo: input.sourceDocNo ?? null,
      feedbackDueAt: input.feedbackDueAt ?? null,
      accusedUnitId: accused?.id ?? null,
      state: "SUBMITTED",
      currentUnitId: routed?.currentUnitId ?? bureau.id,
      handlingUnitId: routed?.currentUnitId ?? bureau.id,
      receivedAt: input.receivedAt,
      routeDueAt,
      arrivedAtUnitAt: routed?.arrivedAtUnitAt ?? null,
      acceptDueAt: routed?.acceptDueAt ?? null,
      returnDueAt: routed?.returnDueAt ?? null,
      // 待受理 at the bureau: the routing clock runs; at the discipline organ: its acceptance clock.
      currentDueAt: routed?.acceptDueAt ?? routeDueAt,
  });
  await updateLateFrom(tx, [petition.id]);
  await applyFigureChange(tx, null, {
    ...NO_FIGURE_DATES,
    categoryKind: category.kind,
    categoryId: category.id,
    unitId: routed?.currentUnitId ?? bureau.id,
    channel: input.channel,
    personCount,
    isCollective,
    isRepeat: false,
    state: "SUBMITTED",
    receivedAt: input.receivedAt,
    acceptDueAt: routed?.acceptDueAt ?? null,
    supervised: false,
  });
  if (representatives.length > 0) {
    await tx.representative.createMany({
      data: representatives.map((r, i) => ({ petitionId: petition.id, name: r.name, phone: r.phone ?? null, idNumber: r.idNumber ?? null, sortOrder: i })),
    });
  }
  // The head of a case written just above: no chain yet, not published.
  const head = { headHash: null, eventCount: 0, trackingNo, publishedAt: null };
  await appendEvent(tx, petition.id, {
    type: input.channel === "ONLINE" ? "SUBMITTED" : "REGISTERED",
    actorType: actor.type,
    actorId: actor.type === "STAFF" ? actor.userId : null,
    unitId: bureau.id,
    toState: "SUBMITTED",
    data: { channel: input.channel },
    occurredAt: registeredAt,
  }, head);
  if (routed) {
    // Public like every routing (the unit is public; the accusation's content never is).
    await appendEvent(tx, petition.id, {
      type: "ROUTED",
      actorType: "SYSTEM",
      unitId: routed.currentUnitId,
      data: { toUnitId: routed.currentUnitId, reason: DIRECT_TO_DISCIPLINE },
      occurredAt: registeredAt,
    });
  }
  return { id: petition.id, trackingNo, queryCode, routeDueAt, acceptDueAt: routed?.acceptDueAt ?? null };
}
