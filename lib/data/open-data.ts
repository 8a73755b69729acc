import "server-only";
import { db } from "@/lib/db";
import { translator } from "@/lib/i18n";
import type { Locale } from "@/lib/i18n/translate";
import { LISTED_KINDS, showsPublishedText, type CategoryKind } from "@/lib/domain/petition-rules";
import { OPEN_STATES } from "@/lib/domain/petition-states";
import { toServiceRequest, type RequestsQuery } from "@/lib/domain/open311";
import type { Prisma } from "@/generated/prisma/client";

// The open data's reference lists and the Open311 service requests (lib/domain/open311.ts). Every select is an
// allow-list of public fields (spec §5): no name, phone, ID number, address, e-mail, content, staff identity or
// internal note is ever read here, so none can be served.

/** The county: the first government unit at the root of the unit tree (null before any unit exists). */
export async function countyRoot(): Promise<{ id: string; path: string; name: string } | null> {
  return db.unit.findFirst({
    where: { parentId: null, kind: "GOVERNMENT" },
    orderBy: { path: "asc" },
    select: { id: true, path: true, name: true },
  });
}

/** Every active unit with its code and kind, and its parent's code (the county's tree). */
export async function openUnits() {
  const rows = await db.unit.findMany({
    where: { active: true },
    orderBy: [{ path: "asc" }],
    select: { code: true, name: true, shortName: true, kind: true, parent: { select: { code: true } } },
  });
  return rows.map((u) => ({
    code: u.code,
    name: u.name,
    short_name: u.shortName,
    kind: u.kind,
    parent_code: u.parent?.code ?? null,
  }));
}

/** Every active category with its code and kind (建议意见, 检举控告, 申诉求决, 涉法涉诉). */
export async function openCategories() {
  const rows = await db.category.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, name: true, kind: true },
  });
  return rows.map((c) => ({ code: c.code, name: c.name, kind: c.kind }));
}

/** Open311 services: the categories a request can be of (accusations are never listed as requests). */
export async function open311Services() {
  const rows = await db.category.findMany({
    where: { active: true, kind: { in: [...LISTED_KINDS] } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, name: true, kind: true },
  });
  return rows.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.name,
    metadata: false,
    type: "realtime",
    keywords: c.kind,
    group: c.kind,
  }));
}

const REQUEST_SELECT = {
  trackingNo: true,
  state: true,
  consentPublic: true,
  publishedAt: true,
  publicSummary: true,
  receivedAt: true,
  currentDueAt: true,
  category: { select: { code: true, name: true, kind: true } },
  currentUnit: { select: { name: true } },
  place: { select: { name: true } },
  // The latest public event: when the public record last changed.
  events: { where: { visibility: "PUBLIC" }, orderBy: { seq: "desc" }, take: 1, select: { occurredAt: true } },
} satisfies Prisma.PetitionSelect;

type RequestRow = Prisma.PetitionGetPayload<{ select: typeof REQUEST_SELECT }>;

function serviceRequestOf(row: RequestRow, locale: Locale) {
  const t = translator(locale);
  const published = showsPublishedText({ ...row, kind: row.category.kind });
  return toServiceRequest({
    trackingNo: row.trackingNo,
    state: row.state,
    stateLabel: t(`enums.state.${row.state}`),
    categoryCode: row.category.code,
    categoryName: row.category.name,
    summary: published ? row.publicSummary : null,
    unitName: row.currentUnit?.name ?? null,
    townshipName: row.place.name,
    receivedAt: row.receivedAt,
    updatedAt: row.events[0]?.occurredAt ?? row.receivedAt,
    runningDueAt: row.currentDueAt,
  });
}

/**
 * The ids of the categories of these kinds (narrowed to `codes` when given): a few rows, read per request, so that a
 * query on cases filters Petition's own `categoryId` (an index starts with it) rather than joining every case to its
 * category. Used by the Open311 requests and the public case list (lib/data/open-cases.ts).
 */
export async function categoryIds(kinds: readonly CategoryKind[], codes: readonly string[] = []): Promise<string[]> {
  const rows = await db.category.findMany({
    where: { kind: { in: [...kinds] }, ...(codes.length > 0 ? { code: { in: [...codes] } } : {}) },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** One page of service requests received in the query's window, newest first. */
export async function findServiceRequests(query: RequestsQuery, locale: Locale) {
  const where: Prisma.PetitionWhereInput = {
    categoryId: { in: await categoryIds(LISTED_KINDS, query.serviceCodes) },
    receivedAt: { gte: query.start, lte: query.end },
    ...(query.status === "open" ? { state: { in: [...OPEN_STATES] } } : {}),
    ...(query.status === "closed" ? { state: { notIn: [...OPEN_STATES] } } : {}),
  };
  const rows = await db.petition.findMany({
    where,
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    skip: (query.page - 1) * query.pageSize,
    take: query.pageSize,
    select: REQUEST_SELECT,
  });
  return rows.map((r) => serviceRequestOf(r, locale));
}

/** One service request by its tracking number, or null (unknown, or an accusation: never listed). */
export async function findServiceRequest(trackingNo: string, locale: Locale) {
  const row = await db.petition.findFirst({
    where: { trackingNo, categoryId: { in: await categoryIds(LISTED_KINDS) } },
    select: REQUEST_SELECT,
  });
  return row ? serviceRequestOf(row, locale) : null;
}
