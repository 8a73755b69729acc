import "server-only";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { canSupervise, scopeOf, type StaffViewer } from "@/lib/domain/authority";
import { tabCriteria } from "@/lib/domain/queue";
import {
  DEFAULT_SCORECARD_SORT,
  emptyTally,
  figuresOf,
  resolvePeriod,
  sortScorecardRows,
  sumTallies,
  type ResolvedPeriod,
  type ScorecardFigures,
  type ScorecardPeriodChoice,
  type ScorecardRow,
  type ScorecardTally,
} from "@/lib/domain/scorecard";
import type { ScorecardParams } from "@/lib/validation/scorecard";
import { Prisma } from "@/generated/prisma/client";
import { ForbiddenError } from "./errors";
import { countyRoot } from "./open-data";

// 单位考评: the figures of every unit of a supervisor's subtree for a period, as lib/domain/scorecard.ts defines them
// — this file is the one implementation of each cohort. One aggregate statement per cohort, grouped by unit (never
// a query per unit), each a range search on an index that starts with the unit column and the cohort's date
// (migration 20261202060000_scorecard_indexes; `npm run bench:scorecard` prints the plans, docs/performance.md).
// Only the two median cohorts return rows: the two instants per case a duration needs.
//
// Portable SQL: quoted identifiers, COUNT/SUM/CASE/COALESCE, instants compared with instants (never date
// arithmetic in SQL, which SQLite and PostgreSQL spell differently), enum values as literals from the code.

type Scope = { unitIds: string[]; exceptAccusedUnitId: string; legalCategoryIds: string[] };
type Unit = { id: string; name: string; parentId: string | null; sortOrder: number; code: string; kind: string };

export type Scorecard = {
  /** The instant the figures describe ("now" for pending, overdue and the deadline cohorts). */
  at: Date;
  period: ResolvedPeriod;
  /** The unit whose subtree the rows cover (the total row's scope). */
  rootUnitName: string;
  rows: ScorecardRow[];
  total: ScorecardFigures;
};

const count = (v: bigint | number | null) => Number(v ?? 0);
const lit = (values: readonly string[]) => Prisma.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "));

/** 评价 of the latest answer (lib/domain/evaluation-rule.ts evaluationState "done"). */
const EVALUATED = Prisma.sql`(p."evaluatedAt" IS NOT NULL AND p."evaluatedAt" >= COALESCE(p."finalAt", p."reviewedAt", p."repliedAt"))`;

/** Never 涉法涉诉, never an accusation of the viewer's own unit (条例第46条: `IS NULL OR <>`, as `<>` alone is never true for a case that accuses no one). */
function caseConditionsSql(scope: Scope): Prisma.Sql {
  const parts = [Prisma.sql`(p."accusedUnitId" IS NULL OR p."accusedUnitId" <> ${scope.exceptAccusedUnitId})`];
  if (scope.legalCategoryIds.length > 0)
    parts.push(Prisma.sql`p."categoryId" NOT IN (${Prisma.join(scope.legalCategoryIds)})`);
  return Prisma.join(parts, " AND ");
}

/** A case of the scope, attributed to one of its units by `column`. */
function caseScopeSql(scope: Scope, column: "handlingUnitId" | "currentUnitId"): Prisma.Sql {
  return Prisma.sql`p.${Prisma.raw(`"${column}"`)} IN (${Prisma.join(scope.unitIds)}) AND ${caseConditionsSql(scope)}`;
}

/** Each cohort's statement (exported for the benchmark's query plans). */
export function scorecardStatements(scope: Scope, period: ResolvedPeriod, at: Date) {
  const byHandling = caseScopeSql(scope, "handlingUnitId");
  const { start, end, dueUntil } = period;
  const overdue = tabCriteria("overdue", at);
  return {
    /** received: arrival at the unit in P (receipt, for cases handled at the bureau). */
    // Two range searches, one per index, rather than an OR that SQLite answers by reading every case of the units.
    received: Prisma.sql`SELECT r."unitId", COUNT(*) AS "n" FROM (
        SELECT p."handlingUnitId" AS "unitId" FROM "Petition" p
        WHERE ${byHandling} AND p."arrivedAtUnitAt" >= ${start} AND p."arrivedAtUnitAt" <= ${end}
        UNION ALL
        SELECT p."handlingUnitId" AS "unitId" FROM "Petition" p
        WHERE ${byHandling} AND p."arrivedAtUnitAt" IS NULL AND p."receivedAt" >= ${start} AND p."receivedAt" <= ${end}
      ) r GROUP BY r."unitId"`,
    /** pending now: 待受理 and 办理中. */
    pending: Prisma.sql`SELECT p."handlingUnitId" AS "unitId", COUNT(*) AS "n" FROM "Petition" p
      WHERE ${byHandling} AND p."state" IN (${lit(["SUBMITTED", "ACCEPTED"])})
      GROUP BY p."handlingUnitId"`,
    /** overdue now: the queue's 已逾期, where the case is now. */
    overdueNow: Prisma.sql`SELECT p."currentUnitId" AS "unitId", COUNT(*) AS "n" FROM "Petition" p
      WHERE ${caseScopeSql(scope, "currentUnitId")} AND p."state" IN (${lit(overdue.states)})
        AND p."currentDueAt" < ${overdue.dueBefore ?? at}
      GROUP BY p."currentUnitId"`,
    /** 及时受理率: acceptance deadlines in Pₙ; decided by them. Withdrawn undecided before the deadline: in neither. */
    acceptDue: Prisma.sql`SELECT p."handlingUnitId" AS "unitId", COUNT(*) AS "n",
        SUM(CASE WHEN p."decidedAt" IS NOT NULL AND p."decidedAt" <= p."acceptDueAt" THEN 1 ELSE 0 END) AS "met"
      FROM "Petition" p
      WHERE ${byHandling} AND p."acceptDueAt" >= ${start} AND p."acceptDueAt" <= ${dueUntil}
        AND NOT (p."decidedAt" IS NULL AND p."withdrawnAt" IS NOT NULL AND p."withdrawnAt" <= p."acceptDueAt")
      GROUP BY p."handlingUnitId"`,
    /** 按期办结率: handling deadlines in Pₙ (open overdue cases included); replied by them. */
    handleDue: Prisma.sql`SELECT p."handlingUnitId" AS "unitId", COUNT(*) AS "n",
        SUM(CASE WHEN p."repliedAt" IS NOT NULL AND p."repliedAt" <= p."handleDueAt" THEN 1 ELSE 0 END) AS "met"
      FROM "Petition" p
      WHERE ${byHandling} AND p."handleDueAt" >= ${start} AND p."handleDueAt" <= ${dueUntil}
        AND NOT (p."repliedAt" IS NULL AND p."withdrawnAt" IS NOT NULL AND p."withdrawnAt" <= p."handleDueAt")
      GROUP BY p."handlingUnitId"`,
    /** 办结率 and the median days to accept: the cases accepted in P (two instants and whether replied, per case). */
    accepted: Prisma.sql`SELECT p."handlingUnitId" AS "unitId", p."arrivedAtUnitAt" AS "arrivedAt", p."decidedAt" AS "decidedAt",
        CASE WHEN p."repliedAt" IS NULL THEN 0 ELSE 1 END AS "replied"
      FROM "Petition" p
      WHERE ${byHandling} AND p."acceptedAt" >= ${start} AND p."acceptedAt" <= ${end}`,
    /** The median days to reply: the cases replied in P. */
    replied: Prisma.sql`SELECT p."handlingUnitId" AS "unitId", p."acceptedAt" AS "acceptedAt", p."repliedAt" AS "repliedAt"
      FROM "Petition" p
      WHERE ${byHandling} AND p."repliedAt" >= ${start} AND p."repliedAt" <= ${end}`,
    /** 参评率 / 满意率: evaluation windows ended in Pₙ; evaluated = evaluatedAt at or after the latest answer. */
    evaluation: Prisma.sql`SELECT p."handlingUnitId" AS "unitId", COUNT(*) AS "n",
        SUM(CASE WHEN ${EVALUATED} THEN 1 ELSE 0 END) AS "evaluated",
        SUM(CASE WHEN ${EVALUATED} AND p."unitSatisfaction" IN (${lit(["SATISFIED", "BASIC"])}) THEN 1 ELSE 0 END) AS "satisfiedOrBasic",
        SUM(CASE WHEN ${EVALUATED} AND p."unitSatisfaction" = 'SATISFIED' THEN 1 ELSE 0 END) AS "satisfied"
      FROM "Petition" p
      WHERE ${byHandling} AND p."evaluationWindowEndsAt" >= ${start} AND p."evaluationWindowEndsAt" <= ${dueUntil}
      GROUP BY p."handlingUnitId"`,
    /** Supervision orders received in P by the unit; late = not answered by the deadline (see the domain's definition). */
    orders: Prisma.sql`SELECT o."targetUnitId" AS "unitId", COUNT(*) AS "n",
        SUM(CASE WHEN (o."answeredAt" IS NOT NULL AND o."answeredAt" > o."answerDueAt")
          OR (o."answeredAt" IS NULL AND o."answerDueAt" < ${at} AND (o."escalatedAt" IS NULL OR o."escalatedAt" > o."answerDueAt"))
          THEN 1 ELSE 0 END) AS "late"
      FROM "SupervisionOrder" o JOIN "Petition" p ON p."id" = o."petitionId"
      WHERE o."targetUnitId" IN (${Prisma.join(scope.unitIds)}) AND o."issuedAt" >= ${start} AND o."issuedAt" <= ${end}
        AND ${caseConditionsSql(scope)}
      GROUP BY o."targetUnitId"`,
  };
}



type CountRow = { unitId: string; n: bigint | number };
type MetRow = CountRow & { met: bigint | number | null };
type AcceptedRow = { unitId: string; arrivedAt: Date | null; decidedAt: Date | null; replied: bigint | number };
type RepliedRow = { unitId: string; acceptedAt: Date | null; repliedAt: Date };
type EvaluationRow = CountRow & {
  evaluated: bigint | number | null;
  satisfiedOrBasic: bigint | number | null;
  satisfied: bigint | number | null;
};
type OrderRow = CountRow & { late: bigint | number | null };

/**
 * The supervisor's subtree (scopeOf: its unit's materialised path) as rows in tree order — each unit, then its
 * children by their sort order and code — without the legal organs: every case they receive is 涉法涉诉, which
 * the scorecard leaves out (a legal organ's row would only ever be empty).
 */
async function subtreeInOrder(pathPrefix: string, rootId: string): Promise<Unit[]> {
  const units = await db.unit.findMany({
    where: { path: { startsWith: pathPrefix }, kind: { not: "LEGAL" } },
    select: { id: true, name: true, parentId: true, sortOrder: true, code: true, kind: true },
  });
  const children = new Map<string | null, Unit[]>();
  for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const ordered: Unit[] = [];
  const visit = (u: Unit) => {
    ordered.push(u);
    const kids = (children.get(u.id) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    for (const k of kids) visit(k);
  };
  const root = units.find((u) => u.id === rootId);
  if (root) visit(root);
  return ordered;
}

/** The viewer's scope for the scorecard: a supervisor's subtree; anyone else is refused (ForbiddenError). */
export async function resolveScorecardScope(viewer: StaffViewer): Promise<{ scope: Scope; units: Unit[] }> {
  const scope = scopeOf(viewer);
  if (!canSupervise(viewer) || !scope || !("pathPrefix" in scope.units)) throw new ForbiddenError();
  const [units, legal] = await Promise.all([
    subtreeInOrder(scope.units.pathPrefix, viewer.unit.id),
    db.category.findMany({ where: { kind: "LEGAL" }, select: { id: true } }),
  ]);
  return {
    units,
    scope: {
      unitIds: units.map((u) => u.id),
      exceptAccusedUnitId: scope.exceptAccusedUnitId,
      legalCategoryIds: legal.map((c) => c.id),
    },
  };
}

/** 单位考评 for a supervisor: one row per unit of its subtree, in the chosen order, and the total. */
export async function findScorecard(viewer: StaffViewer, params: ScorecardParams): Promise<Scorecard> {
  return scorecardOf(await resolveScorecardScope(viewer), params);
}

/**
 * 单位 (the public scorecards, issue 10): every unit of the county — the subtree of the first government unit at the
 * root — in the tree's order. No unit's accusations are left out: the public sees how many there were and how they
 * were handled, never what they say or who made them (spec §5).
 */
export async function findPublicScorecard(period: ScorecardPeriodChoice): Promise<Scorecard> {
  const root = await countyRoot();
  if (!root) throw new Error("no county government unit is configured");
  const [units, legal] = await Promise.all([
    subtreeInOrder(root.path, root.id),
    db.category.findMany({ where: { kind: "LEGAL" }, select: { id: true } }),
  ]);
  // No unit has the empty id: no case is left out as an accusation of the viewer's own unit.
  const scope = { unitIds: units.map((u) => u.id), exceptAccusedUnitId: "", legalCategoryIds: legal.map((c) => c.id) };
  const card = await scorecardOf({ scope, units }, { period, sort: DEFAULT_SCORECARD_SORT });
  // A county has hundreds of villages, most of which never handle a case themselves: a village's row is shown when
  // it has something to show (the total counts every unit either way).
  const villages = new Set(units.filter((u) => u.kind === "VILLAGE").map((u) => u.id));
  const active = (f: ScorecardFigures) => f.received + f.pending + f.overdueNow + f.ordersReceived > 0;
  return { ...card, rows: card.rows.filter((r) => !villages.has(r.unitId) || active(r.figures)) };
}

async function scorecardOf({ scope, units }: { scope: Scope; units: Unit[] }, params: ScorecardParams): Promise<Scorecard> {
  const at = clockNow();
  const period = resolvePeriod(params.period, at);
  const tallies = new Map(units.map((u) => [u.id, emptyTally()]));
  if (units.length > 0) await tally(scope, period, at, tallies);
  const rows = units.map((u, order) => ({
    unitId: u.id,
    unitCode: u.code,
    unitName: u.name,
    order,
    figures: figuresOf(tallies.get(u.id)!),
  }));
  return {
    at,
    period,
    rootUnitName: units[0]?.name ?? "",
    rows: sortScorecardRows(rows, params.sort),
    total: figuresOf(sumTallies([...tallies.values()])),
  };
}

async function tally(scope: Scope, period: ResolvedPeriod, at: Date, tallies: Map<string, ScorecardTally>) {
  const q = scorecardStatements(scope, period, at);
  const deadlinesPassed = period.start.getTime() <= period.dueUntil.getTime();
  const [received, pending, overdueNow, acceptDue, handleDue, accepted, replied, evaluation, orders] =
    await Promise.all([
      db.$queryRaw<CountRow[]>(q.received),
      db.$queryRaw<CountRow[]>(q.pending),
      db.$queryRaw<CountRow[]>(q.overdueNow),
      deadlinesPassed ? db.$queryRaw<MetRow[]>(q.acceptDue) : [],
      deadlinesPassed ? db.$queryRaw<MetRow[]>(q.handleDue) : [],
      db.$queryRaw<AcceptedRow[]>(q.accepted),
      db.$queryRaw<RepliedRow[]>(q.replied),
      deadlinesPassed ? db.$queryRaw<EvaluationRow[]>(q.evaluation) : [],
      db.$queryRaw<OrderRow[]>(q.orders),
    ]);
  // Rows of units outside the list cannot come back (every statement filters by the list); `of` guards anyway.
  const of = (unitId: string) => tallies.get(unitId) ?? emptyTally();
  for (const r of received) of(r.unitId).received = count(r.n);
  for (const r of pending) of(r.unitId).pending = count(r.n);
  for (const r of overdueNow) of(r.unitId).overdueNow = count(r.n);
  for (const r of acceptDue) Object.assign(of(r.unitId), { acceptDue: count(r.n), decidedInTime: count(r.met) });
  for (const r of handleDue) Object.assign(of(r.unitId), { handleDue: count(r.n), repliedInTime: count(r.met) });
  for (const r of accepted) {
    const t = of(r.unitId);
    t.accepted += 1;
    t.acceptedReplied += count(r.replied);
    if (r.arrivedAt && r.decidedAt) t.acceptDurationsMs.push(r.decidedAt.getTime() - r.arrivedAt.getTime());
  }
  for (const r of replied) {
    if (r.acceptedAt) of(r.unitId).replyDurationsMs.push(r.repliedAt.getTime() - r.acceptedAt.getTime());
  }
  for (const r of evaluation) {
    Object.assign(of(r.unitId), {
      windowsEnded: count(r.n),
      evaluated: count(r.evaluated),
      satisfiedOrBasic: count(r.satisfiedOrBasic),
      satisfied: count(r.satisfied),
    });
  }
  for (const r of orders) Object.assign(of(r.unitId), { ordersReceived: count(r.n), ordersLate: count(r.late) });
}
