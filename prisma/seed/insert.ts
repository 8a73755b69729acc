// Bulk writes for the seed and the test factories.
//
// Two ways to write cases, same rows:
// - `insertCases`: Prisma createMany in a few big transactions. Portable; used by the test factories.
//   Prisma 6.19's client costs about 1 ms per row here (measured: ~40 s for 4,000 cases + 31,000 events
//   on 2 cores), far too slow for the full seed.
// - `insertCasesIntoSqliteFile`: the full seed's fast path on SQLite — one better-sqlite3 transaction
//   with prepared statements (well under a second), storing values exactly as Prisma's adapter does.
import Database from "better-sqlite3";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { trackingCounterName } from "../../lib/domain/tracking";
import { SET_ALL_LATE_FROM } from "../../lib/data/late-from-sql";
import { categoryRows } from "./categories";
import { HOLIDAYS } from "./holidays";
import type { BuiltCase } from "./case-types";
import { unitRows } from "./units";
import { userRows } from "./users";

/** Any client made from the generated PrismaClient (with or without `omit` options). */
export type SeedDb = Pick<
  PrismaClient,
  | "$transaction"
  | "$executeRaw"
  | "unit"
  | "category"
  | "holiday"
  | "user"
  | "petition"
  | "representative"
  | "petitionEvent"
  | "extensionRequest"
  | "supervisionOrder"
  | "counter"
>;

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Units, categories, holidays and staff users in one transaction. `createdAt` dates the rows. */
export async function insertReferenceData(db: SeedDb, passwordHash: string, createdAt: Date): Promise<void> {
  await db.$transaction([
    db.unit.createMany({ data: unitRows(createdAt) }),
    db.category.createMany({ data: categoryRows() }),
    db.holiday.createMany({ data: HOLIDAYS.map(({ date, kind, name }) => ({ date, kind, name })) }),
    db.user.createMany({ data: userRows(passwordHash, createdAt) }),
  ]);
}

/** Petitions with their representatives, extension requests, supervision orders and events (all after the petitions they refer to). */
export async function insertCases(db: SeedDb, cases: readonly BuiltCase[]): Promise<void> {
  for (const part of chunks(cases, 1000)) {
    await db.$transaction([
      db.petition.createMany({ data: part.map((c) => c.petition) }),
      db.representative.createMany({ data: part.flatMap((c) => c.representatives) }),
      db.extensionRequest.createMany({ data: part.flatMap((c) => c.extensionRequests) }),
      db.supervisionOrder.createMany({ data: part.flatMap((c) => c.supervisionOrders) }),
      db.petitionEvent.createMany({ data: part.flatMap((c) => c.events) }),
      // Derived from the rows as every change keeps it (lib/data/late-from.ts).
      db.$executeRaw`${Prisma.raw(SET_ALL_LATE_FROM)} WHERE p."id" IN (${Prisma.join(part.map((c) => c.petition.id))})`,
    ]);
  }
}

/**
 * Sets the demo series' counters (demo-tracking:<year>) so cases generated later (tests' createTestCase)
 * continue after the seeded history. The real counters (tracking:<year>) are never touched: the first case
 * filed or registered in a demo database is XF<year>000001, as in production.
 */
export async function setTrackingCounters(db: SeedDb, lastSequence: ReadonlyMap<number, number>): Promise<void> {
  await db.$transaction(
    [...lastSequence].map(([year, value]) => {
      const name = trackingCounterName(year, true);
      return db.counter.upsert({ where: { name }, create: { name, value }, update: { value } });
    }),
  );
}

/** The file of a SQLite DATABASE_URL ("file:./data/x.db?…"), or null for any other database. */
export function sqliteFileOf(url: string): string | null {
  return url.startsWith("file:") ? url.slice("file:".length).split("?")[0]! : null;
}

/**
 * Values as @prisma/adapter-better-sqlite3 stores them with its default timestampFormat "iso8601"
 * (lib/db.ts uses the default): DateTime as "2026-01-02T03:04:05.678+00:00", Boolean as 0/1. Keeping the
 * exact text matters: Prisma compares DateTime columns as strings in SQL.
 */
function toSqlite(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

/** The fast path: every case in one transaction. Columns a row leaves out get the database default. */
export function insertCasesIntoSqliteFile(file: string, cases: readonly BuiltCase[]): void {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    const statements = new Map<string, Database.Statement>();
    const insert = (table: string, row: Record<string, unknown>) => {
      const columns = Object.keys(row).filter((k) => row[k] !== undefined);
      const key = `${table}:${columns.join(",")}`;
      let stmt = statements.get(key);
      if (!stmt) {
        stmt = sqlite.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
        );
        statements.set(key, stmt);
      }
      stmt.run(columns.map((c) => toSqlite(row[c])));
    };
    sqlite.transaction(() => {
      for (const c of cases) insert("Petition", c.petition);
      for (const c of cases) for (const r of c.representatives) insert("Representative", r);
      for (const c of cases) for (const x of c.extensionRequests) insert("ExtensionRequest", x);
      for (const c of cases) for (const o of c.supervisionOrders) insert("SupervisionOrder", o);
      for (const c of cases) for (const e of c.events) insert("PetitionEvent", e);
      // Derived from the rows as every change keeps it (lib/data/late-from.ts).
      sqlite.exec(SET_ALL_LATE_FROM);
    })();
  } finally {
    sqlite.close();
  }
}
