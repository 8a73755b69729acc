import "server-only";
import { db } from "@/lib/db";
import { mayCarryPublicNotes, mayPublishContent } from "@/lib/domain/petition-rules";
import { OPEN_STATES } from "@/lib/domain/petition-states";
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
  const published = rest.publishedAt !== null && mayPublishContent(rest.category.kind, consentPublic);
  // An accusation's content is never public (spec §5): its events show, their notes never do — also notes
  // written before public notes were refused on accusations.
  const events = mayCarryPublicNotes(rest.category.kind) ? rest.events : rest.events.map((e) => ({ ...e, note: null }));
  return published ? { ...rest, events } : { ...rest, events, publicTitle: null, publicSummary: null, publicReply: null, publishedAt: null };
}

/** Headline figures for the home page, over the last 12 months (excluding 涉法涉诉, spec §6). */
export async function findHomeFigures(at: Date) {
  const since = new Date(at.getTime() - 365 * 24 * 60 * 60 * 1000);
  const cohort = { receivedAt: { gte: since }, category: { kind: { not: "LEGAL" as const } } };
  const [total, replied, open, dueInPeriod, onTime] = await Promise.all([
    db.petition.count({ where: cohort }),
    db.petition.count({ where: { ...cohort, repliedAt: { not: null } } }),
    db.petition.count({ where: { ...cohort, state: { in: [...OPEN_STATES] } } }),
    // 按期办结率: cases whose handling deadline fell in the period, open overdue ones included.
    db.petition.count({ where: { category: { kind: { not: "LEGAL" } }, handleDueAt: { gte: since, lte: at } } }),
    db.$queryRaw<{ n: number | bigint }[]>`
      SELECT COUNT(*) AS n FROM "Petition" p JOIN "Category" c ON c.id = p."categoryId"
      WHERE c.kind <> 'LEGAL' AND p."handleDueAt" >= ${since} AND p."handleDueAt" <= ${at}
        AND p."repliedAt" IS NOT NULL AND p."repliedAt" <= p."handleDueAt"`,
  ]);
  const onTimeCount = Number(onTime[0]?.n ?? 0);
  return { total, replied, open, onTimeRate: dueInPeriod ? onTimeCount / dueInPeriod : null };
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
