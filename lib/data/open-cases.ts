import "server-only";
import { db } from "@/lib/db";
import { translator } from "@/lib/i18n";
import type { Locale } from "@/lib/i18n/translate";
import { endOfCivilDay, startOfCivilDay } from "@/lib/domain/civil-date";
import { COUNTED_ONLY_KINDS, showsPublishedText } from "@/lib/domain/petition-rules";
import { categoryIds } from "./open-data";
import { containsFilter } from "./dialect";
import { wasLate, type CaseListFilters } from "@/lib/domain/public-case-list";
import { normalizeTrackingNo, parseTrackingNo } from "@/lib/domain/tracking";
import { CASE_DATES } from "./public-cases";
import type { Prisma } from "@/generated/prisma/client";

// The public record of every case, as a list (lib/domain/public-case-list.ts): one page and the counts, by one
// filtered query on Petition. An allow-list of public fields (spec §5) — no name, phone, ID number, address, e-mail,
// content, staff identity or internal note is read — and accusations only counted.

/**
 * The cases the filters select, accusations included (the caller lists the others and counts these). Codes are
 * resolved to ids first, so that each filter is a column of Petition that an index starts with (placeId, categoryId,
 * currentUnitId, channel, state — each with receivedAt) rather than a join; a code that names nothing selects
 * nothing.
 */
async function filtered(f: CaseListFilters, now: Date): Promise<Prisma.PetitionWhereInput> {
  const [category, township, unit] = await Promise.all([
    f.categoryCode === null ? undefined : db.category.findUnique({ where: { code: f.categoryCode }, select: { id: true } }),
    f.townshipCode === null ? undefined : db.unit.findUnique({ where: { code: f.townshipCode }, select: { id: true } }),
    f.unitCode === null ? undefined : db.unit.findUnique({ where: { code: f.unitCode }, select: { id: true } }),
  ]);
  const NONE = "-"; // no id is "-": the filter then selects nothing
  const and: Prisma.PetitionWhereInput[] = [];
  if (f.query !== null) {
    // A tracking number finds its case; other words, the titles of cases published with consent (never an accusation's:
    // those are listed nowhere).
    const trackingNo = normalizeTrackingNo(f.query);
    and.push(
      parseTrackingNo(trackingNo) !== null
        ? { trackingNo }
        : { publishedAt: { not: null }, consentPublic: true, publicTitle: containsFilter(f.query) },
    );
  }
  if (f.year !== null)
    and.push({ receivedAt: { gte: startOfCivilDay(`${f.year}-01-01`), lte: endOfCivilDay(`${f.year}-12-31`) } });
  if (category !== undefined) and.push({ categoryId: category?.id ?? NONE });
  if (f.channel !== null) and.push({ channel: f.channel });
  if (township !== undefined) and.push({ placeId: township?.id ?? NONE });
  if (unit !== undefined) and.push({ currentUnitId: unit?.id ?? NONE });
  if (f.state !== null) and.push({ state: f.state });
  // Late now ⇔ lateFrom < now (lib/data/late-from.ts: the column form of wasLate).
  if (f.timeliness === "late") and.push({ lateFrom: { lt: now } });
  if (f.timeliness === "onTime") and.push({ OR: [{ lateFrom: null }, { lateFrom: { gte: now } }] });
  return { AND: and };
}

const LIST_SELECT = {
  trackingNo: true,
  channel: true,
  state: true,
  consentPublic: true,
  publishedAt: true,
  publicTitle: true,
  ...CASE_DATES,
  category: { select: { code: true, name: true, kind: true } },
  place: { select: { code: true, name: true } },
  currentUnit: { select: { code: true, name: true } },
} satisfies Prisma.PetitionSelect;

export type OpenCase = ReturnType<typeof openCaseOf>;

function openCaseOf(row: Prisma.PetitionGetPayload<{ select: typeof LIST_SELECT }>, now: Date, locale: Locale) {
  const t = translator(locale);
  const published = showsPublishedText({ ...row, kind: row.category.kind });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    tracking_no: row.trackingNo,
    channel: row.channel,
    channel_name: t(`enums.channel.${row.channel}`),
    category_code: row.category.code,
    category_name: row.category.name,
    township_code: row.place.code,
    township_name: row.place.name,
    unit_code: row.currentUnit?.code ?? null,
    unit_name: row.currentUnit?.name ?? null,
    state: row.state,
    state_name: t(`enums.state.${row.state}`),
    on_time: !wasLate(row, now),
    received_at: row.receivedAt.toISOString(),
    accepted_at: iso(row.acceptedAt),
    replied_at: iso(row.repliedAt),
    closed_at: iso(row.closedAt ?? row.finalAt ?? row.withdrawnAt),
    public_title: published ? row.publicTitle : null,
    url: `/cases/${row.trackingNo}`,
  };
}

/** The list's order: newest first, then by tracking number (unique), so that a case's place is well defined. */
const LIST_ORDER = [{ receivedAt: "desc" }, { trackingNo: "desc" }] satisfies Prisma.PetitionOrderByWithRelationInput[];

/**
 * The cases after `trackingNo` in the list's order (keyset paging: an index search at any depth, where an offset
 * walks every case before it); nothing when no case has the number.
 */
async function afterWhere(trackingNo: string): Promise<Prisma.PetitionWhereInput> {
  const cursor = await db.petition.findUnique({ where: { trackingNo }, select: { receivedAt: true } });
  if (!cursor) return { id: "-" }; // no id is "-"
  // The bound on receivedAt alone lets an index that ends with it start there; the OR alone would be read row by row.
  return {
    receivedAt: { lte: cursor.receivedAt },
    OR: [
      { receivedAt: { lt: cursor.receivedAt } },
      { receivedAt: cursor.receivedAt, trackingNo: { lt: trackingNo } },
    ],
  };
}

/**
 * One page of the list, newest first, with how many cases match and how many accusations match besides (not on an
 * `after` page), and the tracking number to ask `after` for the next page (null on the last).
 */
export async function findOpenCases(f: CaseListFilters, now: Date, locale: Locale) {
  const [where, accusationIds, after] = await Promise.all([
    filtered(f, now),
    categoryIds(COUNTED_ONLY_KINDS),
    f.after === null ? null : afterWhere(f.after),
  ]);
  const listed: Prisma.PetitionWhereInput = { AND: [where, { categoryId: { notIn: accusationIds } }] };
  // The listed count is all the filters select less the accusations: both counts are index searches, where a
  // count with `NOT IN` would read every row. A page asked for by `after` comes without the counts — counting a
  // million cases costs more than the page itself; the first page has them.
  const counted = f.after === null;
  const [rows, all, accusations] = await Promise.all([
    db.petition.findMany({
      where: after === null ? listed : { AND: [listed, after] },
      orderBy: LIST_ORDER,
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize + 1, // one more: whether a next page exists
      select: LIST_SELECT,
    }),
    counted ? db.petition.count({ where }) : null,
    counted ? db.petition.count({ where: { AND: [where, { categoryId: { in: accusationIds } }] } }) : null,
  ]);
  const page = rows.slice(0, f.pageSize);
  return {
    /** The cases the filters select (accusations left out), and the accusations besides; null on an `after` page. */
    total: all === null || accusations === null ? null : all - accusations,
    accusations,
    page: f.page,
    page_size: f.pageSize,
    next_after: rows.length > f.pageSize ? page.at(-1)!.trackingNo : null,
    cases: page.map((r) => openCaseOf(r, now, locale)),
  };
}

/** The columns of cases.csv, in order: the JSON's fields. */
export const OPEN_CASE_COLUMNS = [
  "tracking_no",
  "channel",
  "channel_name",
  "category_code",
  "category_name",
  "township_code",
  "township_name",
  "unit_code",
  "unit_name",
  "state",
  "state_name",
  "on_time",
  "received_at",
  "accepted_at",
  "replied_at",
  "closed_at",
  "public_title",
  "url",
] as const satisfies readonly (keyof OpenCase)[];
