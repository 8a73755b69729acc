import "server-only";
import { db } from "@/lib/db";
import { visibilitiesFor } from "@/lib/domain/event-types";
import { CASE_DATES } from "./public-cases";
import { changeCase } from "./change-case";
import { withdrawEffect } from "@/lib/domain/case-effects";

/** The petitioner's own view: their case's content and reply, and PUBLIC + PETITIONER events. No staff identities. */
export async function findPetitionerCase(petitionId: string) {
  return db.petition.findUnique({
    where: { id: petitionId },
    select: {
      id: true,
      trackingNo: true,
      channel: true,
      state: true,
      version: true,
      title: true,
      content: true,
      outcome: true,
      replyText: true,
      consentPublic: true,
      ...CASE_DATES,
      category: { select: { name: true, kind: true } },
      place: { select: { name: true } },
      currentUnit: { select: { name: true } },
      events: {
        where: { visibility: { in: visibilitiesFor("petitioner") } },
        orderBy: { seq: "asc" },
        select: { seq: true, type: true, occurredAt: true, fromState: true, toState: true, note: true, unit: { select: { name: true } } },
      },
    },
  });
}
export type PetitionerCase = NonNullable<Awaited<ReturnType<typeof findPetitionerCase>>>;

/**
 * The petitioner adds material. `sessionCaseId` comes from the signed cookie: the case is the one the
 * query code opened, whatever the form says.
 */
export async function addSupplement(sessionCaseId: string, petitionId: string, expectedVersion: number, text: string, at: Date) {
  return changeCase({
    petitionId,
    expectedVersion,
    role: "petitioner",
    action: "supplement",
    authorize: (row) => row.id === sessionCaseId,
    plan: (row) => ({ event: { type: "SUPPLEMENTED", actorType: "PETITIONER", unitId: row.currentUnitId, note: text, occurredAt: at } }),
  });
}

/** The petitioner withdraws; the case ends (WITHDRAWN) and its open clocks stop. */
export async function withdrawPetition(sessionCaseId: string, petitionId: string, expectedVersion: number, reason: string, at: Date) {
  return changeCase({
    petitionId,
    expectedVersion,
    role: "petitioner",
    action: "withdraw",
    authorize: (row) => row.id === sessionCaseId,
    plan: (row) => ({
      data: withdrawEffect(at),
      // The fact of withdrawal is public; the reason is for the petitioner and staff only.
      event: { type: "WITHDRAWN", actorType: "PETITIONER", unitId: row.currentUnitId, occurredAt: at },
      more: reason ? [{ type: "WITHDRAWAL_REASON", actorType: "PETITIONER", unitId: row.currentUnitId, note: reason, occurredAt: at }] : [],
    }),
  });
}
