import "server-only";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { endOfCivilDay, startOfCivilDay } from "@/lib/domain/civil-date";
import { deadlineStatus, type DeadlineStatus } from "@/lib/domain/deadlines";
import { scopeOf, type StaffViewer } from "@/lib/domain/authority";
import type { PetitionState } from "@/lib/domain/petition-states";
import type { Channel } from "@/lib/domain/petition-rules";
import { QUEUE_TABS, tabCriteria, type QueueTab } from "@/lib/domain/queue";
import { normalizeTrackingNo, parseTrackingNo } from "@/lib/domain/tracking";
import type { QueueFilters, QueueParams } from "@/lib/validation/queue";
import { Prisma } from "@/generated/prisma/client";
import { containsText } from "@/lib/data/dialect";
import { ForbiddenError } from "./errors";

// 工作台: the viewer's cases by tab, nearest deadline first.
//
// Plain SQL on purpose: one statement per page (the category and the assignee joined in, where Prisma's
// findMany would send two more queries), and the page, its total and the tab counts all built from the same
// WHERE fragments, so a tab's count is always the number of rows its pages show. Scope is resolved first to
// a list of unit ids, so that SQLite walks the (currentUnitId, state, currentDueAt) index; `npm run
// bench:queue` prints the timings and query plans on 100,000 cases (docs/performance.md).
// Quoted identifiers, LIMIT/OFFSET and `IS NULL` ordering mean the same on PostgreSQL.

export const QUEUE_PAGE_SIZE = 20;

/** A viewer's scope as the queries use it: the units whose cases it works, and the one unit whose accusations it never sees. */
export type QueueScope = { unitIds: readonly string[]; exceptAccusedUnitId: string };

/**
 * scopeOf (lib/domain/authority.ts, the rule canSeeCase applies too) resolved for SQL: a handler's own unit, a
 * supervisor's every unit of its subtree (materialised path prefix) — less the cases that accuse the viewer's
 * unit. An admin handles no cases.
 */
export async function resolveQueueScope(viewer: StaffViewer): Promise<QueueScope> {
  const scope = scopeOf(viewer);
  if (!scope) throw new ForbiddenError();
  const unitIds =
    "unitId" in scope.units
      ? [scope.units.unitId]
      : (await db.unit.findMany({ where: { path: { startsWith: scope.units.pathPrefix } }, select: { id: true } })).map((u) => u.id);
  return { unitIds, exceptAccusedUnitId: scope.exceptAccusedUnitId };
}

const and = (parts: readonly Prisma.Sql[]) => (parts.length === 0 ? Prisma.sql`1 = 1` : Prisma.join(parts, " AND "));


// 条例第46条: `IS NULL OR <>` because `<>` alone is never true for a case that accuses no one.
function scopeSql(scope: QueueScope): Prisma.Sql {
  return Prisma.sql`p."currentUnitId" IN (${Prisma.join(scope.unitIds)}) AND (p."accusedUnitId" IS NULL OR p."accusedUnitId" <> ${scope.exceptAccusedUnitId})`;
}

/**
 * A filter column as an expression, so that the database never looks the queue up by it. The filters'
 * own indexes (placeId, channel, categoryId, receivedAt — made for statistics) look cheap to SQLite's
 * planner, which has no statistics to tell it otherwise: measured at 100,000 cases, a handler's 900 cases
 * filtered by township were found by walking the township's 25,000. The scope-and-state index always holds
 * a few thousand rows at most; the filters are checked on those. (`|| ''` and COALESCE mean the same on
 * PostgreSQL.)
 */
const text = (column: string) => Prisma.raw(`(p."${column}" || '')`);
const instant = (column: string) => Prisma.raw(`COALESCE(p."${column}", p."${column}")`);

function filterSql(f: QueueFilters): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (f.categoryId) parts.push(Prisma.sql`${text("categoryId")} = ${f.categoryId}`);
  if (f.channel) parts.push(Prisma.sql`${text("channel")} = ${f.channel}`);
  if (f.placeId) parts.push(Prisma.sql`${text("placeId")} = ${f.placeId}`);
  // Registration dates are civil dates in Asia/Shanghai, both ends included.
  if (f.receivedFrom) parts.push(Prisma.sql`${instant("receivedAt")} >= ${startOfCivilDay(f.receivedFrom)}`);
  if (f.receivedTo) parts.push(Prisma.sql`${instant("receivedAt")} <= ${endOfCivilDay(f.receivedTo)}`);
  if (f.q) {
    // A tracking number is looked up exactly (however it was typed); anything else searches titles.
    const trackingNo = normalizeTrackingNo(f.q);
    parts.push(parseTrackingNo(trackingNo) ? Prisma.sql`p."trackingNo" = ${trackingNo}` : containsText(Prisma.raw('p."title"'), f.q));
  }
  return parts;
}

function tabSql(tab: QueueTab, at: Date): Prisma.Sql {
  const c = tabCriteria(tab, at);
  const parts = [Prisma.sql`p."state" IN (${Prisma.join(c.states)})`];
  if (c.dueFrom) parts.push(Prisma.sql`p."currentDueAt" >= ${c.dueFrom}`);
  if (c.dueUntil) parts.push(Prisma.sql`p."currentDueAt" <= ${c.dueUntil}`);
  if (c.dueBefore) parts.push(Prisma.sql`p."currentDueAt" < ${c.dueBefore}`);
  return and(parts);
}

/** The WHERE clause of one tab's page and total (exported for the benchmark's query plans). */
export function queueWhereSql(scope: QueueScope, tab: QueueTab, filters: QueueFilters, at: Date): Prisma.Sql {
  return and([scopeSql(scope), tabSql(tab, at), ...filterSql(filters)]);
}

/** Nearest running deadline first, cases without one last, then the oldest registration. */
const ORDER = Prisma.sql`p."currentDueAt" IS NULL, p."currentDueAt", p."receivedAt", p."id"`;

export function queuePageSql(where: Prisma.Sql, limit: number, offset: number): Prisma.Sql {
  return Prisma.sql`SELECT p."id", p."trackingNo", p."title", p."channel", p."state", p."receivedAt", p."currentDueAt",
      p."isRepeat", c."name" AS "categoryName", u."displayName" AS "assigneeName"
    FROM "Petition" p
    JOIN "Category" c ON c."id" = p."categoryId"
    LEFT JOIN "User" u ON u."id" = p."assigneeId"
    WHERE ${where}
    ORDER BY ${ORDER}
    LIMIT ${limit} OFFSET ${offset}`;
}

export function queueCountSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) AS "n" FROM "Petition" p WHERE ${where}`;
}

/** All tab counts in one pass over the cases any tab can hold; each tab's condition is the one its pages use. */
export function queueTabCountsSql(scope: QueueScope, filters: QueueFilters, at: Date): Prisma.Sql {
  const states = [...new Set(QUEUE_TABS.flatMap((tab) => tabCriteria(tab, at).states))];
  const sums = QUEUE_TABS.map((tab) => Prisma.sql`COALESCE(SUM(CASE WHEN ${tabSql(tab, at)} THEN 1 ELSE 0 END), 0) AS ${Prisma.raw(`"${tab}"`)}`);
  return Prisma.sql`SELECT ${Prisma.join(sums)} FROM "Petition" p
    WHERE ${and([scopeSql(scope), Prisma.sql`p."state" IN (${Prisma.join(states)})`, ...filterSql(filters)])}`;
}

type RawQueueRow = {
  id: string;
  trackingNo: string;
  title: string;
  channel: Channel;
  state: PetitionState;
  receivedAt: Date;
  currentDueAt: Date | null;
  /** 重复信访 (linked to a FINAL case): SQLite answers 0/1, PostgreSQL a boolean; read with Boolean(). */
  isRepeat: boolean | number;
  categoryName: string;
  assigneeName: string | null;
};

export type QueueRow = RawQueueRow & {
  /** Days left or overdue on the running deadline; null when none runs (已答复). */
  deadline: DeadlineStatus | null;
};

export type QueuePage = { rows: QueueRow[]; total: number; page: number; pageCount: number; pageSize: number };

/** One page of a tab (offset pagination: a tab holds open cases only, a few thousand at most). A page past the end gives the last page. */
export async function findQueue(viewer: StaffViewer, params: QueueParams, pageSize = QUEUE_PAGE_SIZE): Promise<QueuePage> {
  const scope = await resolveQueueScope(viewer);
  if (scope.unitIds.length === 0) return { rows: [], total: 0, page: 1, pageCount: 1, pageSize };
  const at = clockNow();
  const where = queueWhereSql(scope, params.tab, params, at);
  const [{ n }] = await db.$queryRaw<[{ n: bigint | number }]>(queueCountSql(where));
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, params.page), pageCount);
  const rows = total === 0 ? [] : await db.$queryRaw<RawQueueRow[]>(queuePageSql(where, pageSize, (page - 1) * pageSize));
  return {
    rows: rows.map((r) => ({ ...r, deadline: r.currentDueAt ? deadlineStatus(r.currentDueAt, null, at) : null })),
    total,
    page,
    pageCount,
    pageSize,
  };
}

/** How many cases each tab holds with these filters (the same conditions as findQueue). */
export async function countQueueTabs(viewer: StaffViewer, filters: QueueFilters): Promise<Record<QueueTab, number>> {
  const scope = await resolveQueueScope(viewer);
  const counts = Object.fromEntries(QUEUE_TABS.map((tab) => [tab, 0])) as Record<QueueTab, number>;
  if (scope.unitIds.length === 0) return counts;
  const [row] = await db.$queryRaw<Record<QueueTab, bigint | number>[]>(queueTabCountsSql(scope, filters, clockNow()));
  for (const tab of QUEUE_TABS) counts[tab] = Number(row?.[tab] ?? 0);
  return counts;
}

/** Choices for the filter form: every category and township, so old cases stay findable. */
export async function findQueueFilterOptions() {
  const [categories, townships] = await Promise.all([
    db.category.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true } }),
    db.unit.findMany({ where: { kind: "TOWNSHIP" }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true } }),
  ]);
  return { categories, townships };
}

/** Cases overdue now across every unit — the queue's 已逾期 (tabCriteria) — for the metrics' gauge. */
export async function countOverdueNow(): Promise<number> {
  const overdue = tabCriteria("overdue", clockNow());
  return db.petition.count({ where: { state: { in: [...overdue.states] }, currentDueAt: { lt: overdue.dueBefore! } } });
}
