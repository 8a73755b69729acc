import "server-only";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { canSupervise, scopeOf, type StaffViewer, type UnitKind } from "@/lib/domain/authority";
import { deadlineStatus, handleDeadline, type DeadlineStatus } from "@/lib/domain/deadlines";
import { approvalBlock } from "@/lib/domain/extension-decision";
import { OPEN_STATES, type PetitionState } from "@/lib/domain/petition-states";
import { dueSoonUntil } from "@/lib/domain/queue";
import type { SupervisionMeasure } from "@/lib/domain/supervision";
import { BOARD_LISTS, type BoardList, type BoardParams } from "@/lib/validation/supervision";
import { Prisma } from "@/generated/prisma/client";
import { loadCalendar } from "./calendar";
import { ForbiddenError } from "./errors";

// 督办 board (/staff/supervision): for a supervisor's subtree (scopeOf, as the queue and canSeeCase read it), the
// overdue cases by stage, the cases due within DUE_SOON_DAYS, the extension requests waiting, the open supervision
// orders and the 领导包案 cases — each list counted without loading rows, sorted, filtered by unit, paginated.
//
// Plain SQL like the queue (lib/data/queue.ts), and for the same reason: every list starts from an index that holds
// few rows whatever the size of the history. The deadline lists walk (currentUnitId, state, currentDueAt) with
// `currentDueAt < now` (or the due-soon range) as part of the search; the other lists start from their own small
// index — unanswered orders (targetUnitId, answeredAt, answerDueAt), undecided requests (decision, requestedAt), 包案 (leaderStartAt),
// 上级交办 feedback (feedbackDueAt) — and check the scope on the case found by its primary key. There the scope is
// written as an expression (`(p."currentUnitId" || '') IN …`), which no index matches: without statistics SQLite
// would otherwise walk the county's whole history by the scope index. `npm run bench:board` prints timings and
// query plans on 100,000 cases (docs/performance.md).

export const BOARD_PAGE_SIZE = 20;

export type BoardUnit = { id: string; name: string; path: string; kind: UnitKind };

/** The supervisor's subtree resolved for SQL, narrowed to one unit and the units below it when the filter says so. */
export type BoardScope = {
  /** Every unit of the subtree (the unit filter's choices). */
  units: BoardUnit[];
  unitIds: string[];
  bureauIds: string[];
  otherIds: string[];
  exceptAccusedUnitId: string;
  /** The unit filter, when it names a unit of the subtree. */
  unitId: string | null;
};

/** Only supervisors have a board; their scope is their unit's subtree (less accusations against their unit). */
export async function resolveBoardScope(viewer: StaffViewer, unitId?: string): Promise<BoardScope> {
  const scope = scopeOf(viewer);
  if (!canSupervise(viewer) || !scope || !("pathPrefix" in scope.units)) throw new ForbiddenError();
  const units = await db.unit.findMany({
    where: { path: { startsWith: scope.units.pathPrefix } },
    orderBy: [{ path: "asc" }],
    select: { id: true, name: true, path: true, kind: true },
  });
  const chosen = unitId ? units.find((u) => u.id === unitId) : undefined;
  const inFilter = chosen ? units.filter((u) => u.path.startsWith(chosen.path)) : units;
  return {
    units,
    unitIds: inFilter.map((u) => u.id),
    bureauIds: inFilter.filter((u) => u.kind === "BUREAU").map((u) => u.id),
    otherIds: inFilter.filter((u) => u.kind !== "BUREAU").map((u) => u.id),
    exceptAccusedUnitId: scope.exceptAccusedUnitId,
    unitId: chosen?.id ?? null,
  };
}

const and = (parts: readonly Prisma.Sql[]) => Prisma.join(parts, " AND ");
const inList = (expr: Prisma.Sql, values: readonly string[]) =>
  values.length === 0 ? Prisma.sql`1 = 0` : Prisma.sql`${expr} IN (${Prisma.join(values)})`;

// 条例第46条: `IS NULL OR <>`, because `<>` alone is never true for a case that accuses no one.
const notAccusing = (s: BoardScope) =>
  Prisma.sql`(p."accusedUnitId" IS NULL OR p."accusedUnitId" <> ${s.exceptAccusedUnitId})`;
/** The scope as the index search: (currentUnitId, state, currentDueAt). */
const scopeIndexed = (s: BoardScope, ids: readonly string[]) =>
  and([inList(Prisma.sql`p."currentUnitId"`, ids), notAccusing(s)]);
/** The scope as a check on a case found by another index (an expression: no index matches it). */
const scopeChecked = (s: BoardScope) =>
  and([inList(Prisma.sql`(p."currentUnitId" || '')`, s.unitIds), notAccusing(s)]);
const states = (list: readonly PetitionState[]) => Prisma.sql`p."state" IN (${Prisma.join(list)})`;

type ListKind = "case" | "order" | "extension";
type ListQuery = { kind: ListKind; from: Prisma.Sql; where: Prisma.Sql; due: Prisma.Sql };

const CASES = Prisma.sql`"Petition" p`;
const LONG_AGO = new Date(0);
const ORDERS = Prisma.sql`"SupervisionOrder" o JOIN "Petition" p ON p."id" = o."petitionId"`;
const REQUESTS = Prisma.sql`"ExtensionRequest" x JOIN "Petition" p ON p."id" = x."petitionId"`;
/**
 * The orders the subtree's units owe (the unit filter: the supervised unit), on the index (targetUnitId, answeredAt,
 * answerDueAt); the case itself must still be in scope (scopeChecked).
 */
const ordersOwed = (s: BoardScope) => inList(Prisma.sql`o."targetUnitId"`, s.unitIds);
/** An order that waits for the unit's written answer (lib/domain/supervision.ts awaitsAnswer). */
const AWAITING = Prisma.sql`o."answeredAt" IS NULL AND o."escalatedAt" IS NULL`;

/** Each list's rows: the table it starts from, its condition, and its due date (the "due" sort). */
export function boardListQuery(list: BoardList, s: BoardScope, at: Date): ListQuery {
  const overdue = (ids: readonly string[], state: PetitionState): ListQuery => ({
    kind: "case",
    from: CASES,
    where: and([scopeIndexed(s, ids), Prisma.sql`p."state" = ${state}`, Prisma.sql`p."currentDueAt" < ${at}`]),
    due: Prisma.sql`p."currentDueAt"`,
  });
  switch (list) {
    // 转送 (条例第22条): at the petition bureau; 受理 (第22、23条): at the unit it was routed to.
    case "overdueRoute":
      return overdue(s.bureauIds, "SUBMITTED");
    case "overdueAccept":
      return overdue(s.otherIds, "SUBMITTED");
    case "overdueHandle":
      return overdue(s.unitIds, "ACCEPTED");
    case "overdueReview":
      return overdue(s.unitIds, "IN_REVIEW");
    case "overdueRecheck":
      return overdue(s.unitIds, "IN_RECHECK");
    case "dueSoon":
      return {
        kind: "case",
        from: CASES,
        where: and([
          scopeIndexed(s, s.unitIds),
          states(OPEN_STATES),
          Prisma.sql`p."currentDueAt" >= ${at}`,
          Prisma.sql`p."currentDueAt" <= ${dueSoonUntil(at)}`,
        ]),
        due: Prisma.sql`p."currentDueAt"`,
      };
    // 上级交办: the feedback the assigning body asked for by a date, while the case is not yet answered.
    case "overdueFeedback":
      return {
        kind: "case",
        from: CASES,
        where: and([
          Prisma.sql`p."feedbackDueAt" < ${at}`,
          Prisma.sql`p."repliedAt" IS NULL`,
          Prisma.sql`(p."state" || '') IN ('SUBMITTED', 'ACCEPTED')`,
          scopeChecked(s),
        ]),
        due: Prisma.sql`p."feedbackDueAt"`,
      };
    case "charge":
      return {
        kind: "case",
        from: CASES,
        // A range, not `IS NOT NULL`, so that SQLite searches the leaderStartAt index instead of scanning the cases.
        where: and([
          Prisma.sql`p."leaderStartAt" >= ${LONG_AGO}`,
          Prisma.sql`p."leaderEndedAt" IS NULL`,
          scopeChecked(s),
        ]),
        due: Prisma.sql`p."leaderTargetAt"`,
      };
    case "overdueOrders":
      return {
        kind: "order",
        from: ORDERS,
        where: and([ordersOwed(s), AWAITING, Prisma.sql`o."answerDueAt" < ${at}`, scopeChecked(s)]),
        due: Prisma.sql`o."answerDueAt"`,
      };
    case "openOrders":
      return {
        kind: "order",
        from: ORDERS,
        where: and([ordersOwed(s), AWAITING, scopeChecked(s)]),
        due: Prisma.sql`o."answerDueAt"`,
      };
    // 条例第34条: a request is decided while the case is being handled.
    case "extensions":
      return {
        kind: "extension",
        from: REQUESTS,
        where: and([Prisma.sql`x."decision" IS NULL`, Prisma.sql`(p."state" || '') = 'ACCEPTED'`, scopeChecked(s)]),
        due: Prisma.sql`p."handleDueAt"`,
      };
  }
}

const EXTRA: Record<ListKind, Prisma.Sql> = {
  case: Prisma.sql`p."leaderTitle" AS "leaderTitle", p."leaderStartAt" AS "leaderStartAt"`,
  order: Prisma.sql`o."id" AS "orderId", o."measure" AS "measure", o."issuedAt" AS "issuedAt",
      (SELECT tu."name" FROM "Unit" tu WHERE tu."id" = o."targetUnitId") AS "targetUnitName"`,
  extension: Prisma.sql`x."id" AS "requestId", x."days" AS "days", x."reason" AS "reason", x."requestedAt" AS "requestedAt",
      p."extensionDays" AS "extensionDays", p."acceptedAt" AS "acceptedAt", p."handleDueAt" AS "handleDueAt"`,
};

/** One page of a list, in the chosen order; the list's due date (or the receipt) first, cases without one last. */
export function boardPageSql(
  q: ListQuery,
  sort: BoardParams["sort"],
  dir: BoardParams["dir"],
  limit: number,
  offset: number,
): Prisma.Sql {
  const key = sort === "due" ? q.due : Prisma.sql`p."receivedAt"`;
  const direction = dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return Prisma.sql`SELECT p."id" AS "petitionId", p."trackingNo", p."title", p."state", p."version", p."receivedAt",
      ${q.due} AS "dueAt", u."name" AS "unitName", ${EXTRA[q.kind]}
    FROM ${q.from}
    JOIN "Unit" u ON u."id" = p."currentUnitId"
    WHERE ${q.where}
    ORDER BY ${key} IS NULL, ${key} ${direction}, p."receivedAt" ${direction}, p."id"
    LIMIT ${limit} OFFSET ${offset}`;
}

export function boardCountSql(q: ListQuery): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) AS "n" FROM ${q.from} WHERE ${q.where}`;
}

/** Every list's count in one statement: one scalar subquery per list, each the same condition its pages use. */
export function boardCountsSql(s: BoardScope, at: Date): Prisma.Sql {
  const parts = BOARD_LISTS.map((list) => {
    const q = boardListQuery(list, s, at);
    return Prisma.sql`(SELECT COUNT(*) FROM ${q.from} WHERE ${q.where}) AS ${Prisma.raw(`"${list}"`)}`;
  });
  return Prisma.sql`SELECT ${Prisma.join(parts)}`;
}

type RawRow = {
  petitionId: string;
  trackingNo: string;
  title: string;
  state: PetitionState;
  version: number | bigint;
  receivedAt: Date;
  dueAt: Date | null;
  unitName: string;
  leaderTitle?: string | null;
  leaderStartAt?: Date | null;
  orderId?: string;
  measure?: SupervisionMeasure;
  issuedAt?: Date;
  targetUnitName?: string;
  requestId?: string;
  days?: number | bigint;
  reason?: string;
  requestedAt?: Date;
  extensionDays?: number | bigint;
  acceptedAt?: Date | null;
  handleDueAt?: Date | null;
};

export type BoardRow = {
  petitionId: string;
  trackingNo: string;
  title: string;
  state: PetitionState;
  version: number;
  receivedAt: Date;
  unitName: string;
  /** The list's due date: the running deadline, the feedback date, the order's answer date, the 包案 target. */
  dueAt: Date | null;
  status: DeadlineStatus | null;
  charge?: { title: string | null; startAt: Date | null };
  order?: { id: string; measure: SupervisionMeasure; issuedAt: Date; targetUnitName: string };
  extension?: {
    requestId: string;
    days: number;
    reason: string;
    requestedAt: Date;
    mayApprove: boolean;
    newHandleDueAt: Date | null;
  };
};

export type BoardPage = {
  list: BoardList;
  rows: BoardRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

export type Board = {
  counts: Record<BoardList, number>;
  page: BoardPage;
  units: { id: string; name: string; depth: number }[];
  unitId: string | null;
};

const toDate = (v: Date | string | null | undefined): Date | null =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(v);

/** The board for a supervisor: every list's count and one page of the chosen list. */
export async function findBoard(viewer: StaffViewer, params: BoardParams, pageSize = BOARD_PAGE_SIZE): Promise<Board> {
  const at = clockNow();
  const scope = await resolveBoardScope(viewer, params.unitId);
  const [counts, page] = await Promise.all([countBoard(scope, at), findBoardPage(scope, params, at, pageSize)]);
  const top = scope.units[0]?.path.split("/").length ?? 0;
  return {
    counts,
    page,
    units: scope.units.map((u) => ({ id: u.id, name: u.name, depth: u.path.split("/").length - top })),
    unitId: scope.unitId,
  };
}

export async function countBoard(scope: BoardScope, at: Date): Promise<Record<BoardList, number>> {
  const [row] = await db.$queryRaw<Record<BoardList, bigint | number>[]>(boardCountsSql(scope, at));
  return Object.fromEntries(BOARD_LISTS.map((l) => [l, Number(row?.[l] ?? 0)])) as Record<BoardList, number>;
}

export async function findBoardPage(
  scope: BoardScope,
  params: BoardParams,
  at: Date,
  pageSize = BOARD_PAGE_SIZE,
): Promise<BoardPage> {
  const q = boardListQuery(params.list, scope, at);
  const [{ n }] = await db.$queryRaw<[{ n: bigint | number }]>(boardCountSql(q));
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, params.page), pageCount);
  const raw =
    total === 0
      ? []
      : await db.$queryRaw<RawRow[]>(boardPageSql(q, params.sort, params.dir, pageSize, (page - 1) * pageSize));
  const cal = q.kind === "extension" && raw.length > 0 ? await loadCalendar(db) : null;
  const rows = raw.map((r): BoardRow => {
    const dueAt = toDate(r.dueAt);
    const base: BoardRow = {
      petitionId: r.petitionId,
      trackingNo: r.trackingNo,
      title: r.title,
      state: r.state,
      version: Number(r.version),
      receivedAt: toDate(r.receivedAt)!,
      unitName: r.unitName,
      dueAt,
      status: dueAt ? deadlineStatus(dueAt, null, at) : null,
    };
    if (q.kind === "order")
      return {
        ...base,
        order: { id: r.orderId!, measure: r.measure!, issuedAt: toDate(r.issuedAt)!, targetUnitName: r.targetUnitName! },
      };
    if (q.kind === "extension") {
      const days = Number(r.days);
      const acceptedAt = toDate(r.acceptedAt);
      const extensionDays = Number(r.extensionDays ?? 0);
      // The same rule as the case page: a case extended once may only be denied a second request.
      const mayApprove = approvalBlock({ extensionDays, requests: [{ decision: null }] }) === null;
      return {
        ...base,
        extension: {
          requestId: r.requestId!,
          days,
          reason: r.reason!,
          requestedAt: toDate(r.requestedAt)!,
          mayApprove,
          newHandleDueAt: acceptedAt && cal && mayApprove ? handleDeadline(acceptedAt, cal, days).dueAt : null,
        },
      };
    }
    return params.list === "charge"
      ? { ...base, charge: { title: r.leaderTitle ?? null, startAt: toDate(r.leaderStartAt) } }
      : base;
  });
  return { list: params.list, rows, total, page, pageCount, pageSize };
}
