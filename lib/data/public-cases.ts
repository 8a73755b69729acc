import "server-only";
import { readHomeFigures } from "./figures";
import { db } from "@/lib/db";
import { mayCarryPublicNotes, showsPublishedText } from "@/lib/domain/petition-rules";
import type { Prisma } from "@/generated/prisma/client";

/** The dates and deadlines of a case: public for every case (spec §5). */
export const CASE_DATES = {
  receivedAt: true,
  routeDueAt: true,
  arrivedAtUnitAt: true,
  acceptDueAt: true,
  decidedAt: true,
  acceptedAt: true,
  handleDueAt: true,
  extensionDays: true,
  repliedAt: true,
  reviewWindowEndsAt: true,
  reviewRequestedAt: true,
  reviewDueAt: true,
  reviewedAt: true,
  recheckDueAt: true,
  recheckRequestedAt: true,
  finalAt: true,
  withdrawnAt: true,
  closedAt: true,
} satisfies Prisma.PetitionSelect;

/**
 * What the public may see of a case. An explicit allow-list: names, phones, ID numbers, addresses,
 * e-mail, content, staff identities and internal notes are never selected, so they cannot leak.
 */
const PUBLIC_CASE = {
  id: true,
  trackingNo: true,
  channel: true,
  state: true,
  consentPublic: true,
  personCount: true,
  isCollective: true,
  publishedAt: true,
  publicTitle: true,
  publicSummary: true,
  publicReply: true,
  unitSatisfaction: true,
  bureauSatisfaction: true,
  // 领导包案: the office and dates only — never a person (lib/domain/charge-rule.ts)
  leaderTitle: true,
  leaderStartAt: true,
  leaderTargetAt: true,
  leaderEndedAt: true,
  leaderResolved: true,
  headHash: true,
  eventCount: true,
  ...CASE_DATES,
  category: { select: { name: true, kind: true } },
  place: { select: { name: true } },
  currentUnit: { select: { name: true } },
  events: {
    where: { visibility: "PUBLIC" },
    orderBy: { seq: "asc" },
    // data: read only through readEventData for the few known public fields (lib/domain/public-event-detail.ts)
    select: { seq: true, type: true, occurredAt: true, fromState: true, toState: true, note: true, data: true, unit: { select: { name: true } } },
  },
} satisfies Prisma.PetitionSelect;

export type PublicCase = Omit<Prisma.PetitionGetPayload<{ select: typeof PUBLIC_CASE }>, "id" | "consentPublic">;

export async function findPublicCase(trackingNo: string): Promise<PublicCase | null> {
  const row = await db.petition.findUnique({ where: { trackingNo }, select: PUBLIC_CASE });
  if (!row) return null;
  const { id: _id, consentPublic, ...rest } = row;
  void _id;
  // Title, summary and reply only with consent, staff approval (publishedAt) and never for accusations.
  const published = showsPublishedText({ kind: rest.category.kind, consentPublic, publishedAt: rest.publishedAt });
  // An accusation's content is never public (spec §5): its events show, their notes never do — also notes
  // written before public notes were refused on accusations.
  const events = mayCarryPublicNotes(rest.category.kind) ? rest.events : rest.events.map((e) => ({ ...e, note: null }));
  return published ? { ...rest, events } : { ...rest, events, publicTitle: null, publicSummary: null, publicReply: null, publishedAt: null };
}

/** Headline figures for the home page, over the last 12 months (excluding 涉法涉诉, spec §6). */
/** The home page's figures: from the monthly summary (lib/data/figures.ts), not a scan of the cases. */
export async function findHomeFigures(at: Date) {
  return readHomeFigures(at);
}

/** Recently published cases for the home page: public fields only. */
export async function findRecentlyPublished(limit: number) {
  const rows = await db.petition.findMany({
    where: { publishedAt: { not: null }, consentPublic: true, category: { kind: { not: "ACCUSATION" } } },
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: { trackingNo: true, publicTitle: true, state: true, publishedAt: true, currentUnit: { select: { name: true } } },
  });
  return rows;
}
