// The SQL expression of Petition.lateFrom (./late-from.ts), without server-only: the seed's and the benchmarks'
// bulk writers set the column with it too (prisma/seed/insert.ts), and migration 20261204020000_late_from holds a copy.
// Portable: MIN over a UNION ALL of CASEs (NULLs ignored) — SQLite's scalar min() and PostgreSQL's LEAST differ.

const q = (column: string) => `p."${column}"`;
/** `due`, when `done` happened after it. */
const after = (done: string, due: string, also = "") =>
  `SELECT CASE WHEN ${also}${q(done)} IS NOT NULL AND ${q(due)} IS NOT NULL AND ${q(done)} > ${q(due)} THEN ${q(due)} END`;
/** `due`, while `unmet` holds and the petitioner has not withdrawn. */
const unmet = (due: string, conditions: string) =>
  `SELECT CASE WHEN ${q(due)} IS NOT NULL AND ${conditions} AND ${q("withdrawnAt")} IS NULL THEN ${q(due)} END`;
const set = (c: string) => `${q(c)} IS NOT NULL`;
const unset = (c: string) => `${q(c)} IS NULL`;

/** The expression, over a Petition row named `p`. */
export const LATE_FROM_SQL = `(SELECT MIN("d") FROM (
  ${after("arrivedAtUnitAt", "routeDueAt")} AS "d"
  UNION ALL ${after("decidedAt", "routeDueAt", `${unset("arrivedAtUnitAt")} AND `)}
  UNION ALL ${unmet("routeDueAt", `${unset("arrivedAtUnitAt")} AND ${unset("decidedAt")}`)}
  UNION ALL ${after("decidedAt", "acceptDueAt", `${set("arrivedAtUnitAt")} AND `)}
  UNION ALL ${unmet("acceptDueAt", `${set("arrivedAtUnitAt")} AND ${unset("decidedAt")}`)}
  UNION ALL ${after("repliedAt", "handleDueAt", `${set("acceptedAt")} AND `)}
  UNION ALL ${unmet("handleDueAt", `${set("acceptedAt")} AND ${unset("repliedAt")}`)}
  UNION ALL ${after("reviewedAt", "reviewDueAt", `${set("reviewRequestedAt")} AND `)}
  UNION ALL ${unmet("reviewDueAt", `${set("reviewRequestedAt")} AND ${unset("reviewedAt")}`)}
  UNION ALL ${after("finalAt", "recheckDueAt", `${set("recheckRequestedAt")} AND `)}
  UNION ALL ${unmet("recheckDueAt", `${set("recheckRequestedAt")} AND ${unset("finalAt")}`)}
) "deadlines")`;


/** The statement that sets lateFrom of every case (the bulk writers, after writing). */
export const SET_ALL_LATE_FROM = `UPDATE "Petition" AS p SET "lateFrom" = ${LATE_FROM_SQL}`;
