import "server-only";
import type { Tx } from "@/lib/db";
import { routeDeadline } from "@/lib/domain/deadlines";
import { civilYear } from "@/lib/domain/civil-date";
import { formatTrackingNo, generateQueryCode, hashQueryCode } from "@/lib/domain/tracking";
import { isCollectiveVisit, type Channel } from "@/lib/domain/petition-rules";
import { appSecret } from "@/lib/secret";
import { loadCalendar } from "./calendar";
import { appendEvent } from "./events";
import { InvalidReferenceError } from "./errors";

export type NewPetition = {
  channel: Channel;
  categoryId: string;
  placeId: string;
  title: string;
  content: string;
  address: string;
  petitionerName: string;
  petitionerPhone: string;
  petitionerIdNumber?: string;
  petitionerEmail?: string;
  consentPublic: boolean;
  personCount?: number;
  receivedAt: Date;
};

/** The next tracking number of the year (XF + year + sequence), inside the caller's transaction. */
async function nextTrackingNo(tx: Tx, at: Date): Promise<string> {
  const year = civilYear(at);
  const counter = await tx.counter.upsert({
    where: { name: `tracking:${year}` },
    create: { name: `tracking:${year}`, value: 1 },
    update: { value: { increment: 1 } },
  });
  return formatTrackingNo(year, counter.value);
}

/**
 * Records a new petition at the petition bureau with its first event, in the caller's transaction.
 * The category and place are checked against the database: a forged or stale id writes nothing.
 * Returns the query code in clear — the only time it exists outside the petitioner's hands.
 */
export async function createPetition(
  tx: Tx,
  input: NewPetition,
  actor: { type: "PETITIONER" } | { type: "STAFF"; userId: string; unitId: string },
): Promise<{ id: string; trackingNo: string; queryCode: string; routeDueAt: Date }> {
  const [category, place, bureau] = await Promise.all([
    tx.category.findFirst({ where: { id: input.categoryId, active: true }, select: { id: true } }),
    tx.unit.findFirst({ where: { id: input.placeId, kind: "TOWNSHIP", active: true }, select: { id: true } }),
    tx.unit.findFirst({ where: { kind: "BUREAU", active: true }, orderBy: { path: "asc" }, select: { id: true } }),
  ]);
  if (!category) throw new InvalidReferenceError("categoryId");
  if (!place) throw new InvalidReferenceError("placeId");
  if (!bureau) throw new Error("no petition bureau is configured");

  const calendar = await loadCalendar(tx);
  const route = routeDeadline(input.receivedAt, calendar);
  const trackingNo = await nextTrackingNo(tx, input.receivedAt);
  const queryCode = generateQueryCode();
  const personCount = input.personCount ?? 1;
  const petition = await tx.petition.create({
    data: {
      trackingNo,
      queryCodeHash: hashQueryCode(queryCode, trackingNo, appSecret()),
      channel: input.channel,
      categoryId: category.id,
      placeId: place.id,
      title: input.title,
      content: input.content,
      address: input.address,
      petitionerName: input.petitionerName,
      petitionerPhone: input.petitionerPhone,
      petitionerIdNumber: input.petitionerIdNumber ?? null,
      petitionerEmail: input.petitionerEmail ?? null,
      consentPublic: input.consentPublic,
      personCount,
      isCollective: input.channel === "VISIT" && isCollectiveVisit(personCount),
      state: "SUBMITTED",
      currentUnitId: bureau.id,
      receivedAt: input.receivedAt,
      routeDueAt: route.dueAt,
      currentDueAt: route.dueAt, // 待受理 at the bureau: the routing clock runs
    },
    select: { id: true },
  });
  await appendEvent(tx, petition.id, {
    type: input.channel === "ONLINE" ? "SUBMITTED" : "REGISTERED",
    actorType: actor.type,
    actorId: actor.type === "STAFF" ? actor.userId : null,
    unitId: bureau.id,
    toState: "SUBMITTED",
    data: { channel: input.channel },
    occurredAt: input.receivedAt,
  });
  return { id: petition.id, trackingNo, queryCode, routeDueAt: route.dueAt };
}
