import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { LATE_FROM_SQL } from "./late-from-sql";

export { LATE_FROM_SQL };

// Petition.lateFrom: when the case first is, or will be, late if nothing more happens — the earliest government
// deadline (routing, acceptance, handling, the 复查 and 复核 answers) that was met only after it passed, or that is
// unmet while the case was not withdrawn. A case is late now exactly when lateFrom < now: the rule of `wasLate`
// (lib/domain/public-case-list.ts, through caseDeadlines), which tests/open-cases.test.ts checks case by case against
// this column. Kept in SQL, as one expression over the row's own columns, by every change to a case (change-case.ts,
// petitions.ts, the import), and by migration 20261204020000_late_from for the cases before it.

/** Sets lateFrom of the given cases from their rows, inside the caller's transaction. */
export async function updateLateFrom(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`UPDATE "Petition" AS p SET "lateFrom" = ${Prisma.raw(LATE_FROM_SQL)} WHERE p."id" IN (${Prisma.join(ids)})`;
}
