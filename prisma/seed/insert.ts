// Bulk writes for the seed and the test factories.
//
// Two ways to write cases, same rows:
// - `insertCases`: Prisma createMany in a few big transactions. Portable; used by the test factories.
//   Prisma 6.19's client costs about 1 ms per row here (measured: ~40 s for 4,000 cases + 31,000 events
//   on 2 cores), far too slow for the full seed.
// - `insertCasesIntoSqliteFile`: the full seed's fast path on SQLite — one better-sqlite3 transaction
//   with prepared statements (well under a second), storing values exactly as Prisma's adapter does.
// - `insertCasesIntoPostgres`: the same on PostgreSQL — one transaction of multi-row INSERTs through pg.
import Database from "better-sqlite3";
import pg from "pg";
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
    // Each table's rows in the order they refer to each other (see casesByTable).
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
      for (const [table, rows] of casesByTable(cases)) for (const row of rows) insert(table, row);
      // Derived from the rows as every change keeps it (lib/data/late-from.ts).
      sqlite.exec(SET_ALL_LATE_FROM);
    })();
  } finally {
    sqlite.close();
  }
}

/** A case's rows table by table, each table after those its rows refer to. */
function casesByTable(cases: readonly BuiltCase[]): [string, readonly Record<string, unknown>[]][] {
  return [
    ["Petition", cases.map((c) => c.petition)],
    ["Representative", cases.flatMap((c) => c.representatives)],
    ["ExtensionRequest", cases.flatMap((c) => c.extensionRequests)],
    ["SupervisionOrder", cases.flatMap((c) => c.supervisionOrders)],
    ["PetitionEvent", cases.flatMap((c) => c.events)],
  ];
}

/** Instants as Prisma stores them in PostgreSQL: UTC in a `timestamp(3)` column (pg would send local time). */
const toPostgres = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/** PostgreSQL allows 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

/**
 * The fast path on PostgreSQL: every case in one transaction, as multi-row INSERTs of the rows that name the same
 * columns (columns a row leaves out get the database default). pg sends each value as text, which PostgreSQL casts to
 * the column's type (an enum's too).
 */
export async function insertCasesIntoPostgres(url: string, cases: readonly BuiltCase[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const [table, rows] of casesByTable(cases)) {
      const byColumns = new Map<string, Record<string, unknown>[]>();
      for (const row of rows) {
        const key = Object.keys(row)
          .filter((k) => row[k] !== undefined)
          .join(",");
        byColumns.set(key, [...(byColumns.get(key) ?? []), row]);
      }
      for (const [key, group] of byColumns) {
        const columns = key.split(",");
        for (const part of chunks(group, Math.floor(MAX_PARAMETERS / columns.length))) {
          const values = part.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
          await client.query(
            `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values.join(", ")}`,
            part.flatMap((row) => columns.map((c) => toPostgres(row[c]))),
          );
        }
      }
    }
    // Derived from the rows as every change keeps it (lib/data/late-from.ts).
    await client.query(SET_ALL_LATE_FROM);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
