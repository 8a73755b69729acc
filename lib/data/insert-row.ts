import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";

/**
 * Plain INSERTs for the two rows every filing and every change writes (a case, an event). Prisma's create costs
 * 1.5–3 ms of its query layer for these wide rows, several times the write itself, inside SQLite's single writer
 * (docs/performance.md, *Where a filing's time goes*); a plain statement costs a fraction. The row is typed by Prisma's
 * own create input, so a column that does not exist or a value of the wrong type does not compile; the statement is
 * the same on SQLite and PostgreSQL (quoted identifiers, bound values).
 */

/** What a plain statement writes that Prisma's create would have filled in: the id and the timestamps. */
export type InsertedPetition = Omit<Prisma.PetitionUncheckedCreateInput, "id" | "createdAt" | "updatedAt"> & {
  id: string;
  createdAt: Date;
  updatedAt: Date;
};
export type InsertedEvent = Prisma.PetitionEventUncheckedCreateInput & { id: string };
export type InsertedExtensionRequest = Prisma.ExtensionRequestUncheckedCreateInput & { id: string };

type Scalar = string | number | boolean | Date | null;
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

export async function insertRow(tx: Tx, table: "Petition", row: InsertedPetition): Promise<void>;
export async function insertRow(tx: Tx, table: "PetitionEvent", row: InsertedEvent): Promise<void>;
export async function insertRow(tx: Tx, table: string, row: object): Promise<void> {
  await insertRows(tx, table as "Petition", [row as InsertedPetition]);
}

/**
 * Bound values per statement: under SQLite's limit (32,766) and PostgreSQL's (65,535), and small enough that a
 * statement stays a few hundred kilobytes.
 */
const VALUES_PER_STATEMENT = 20_000;

/**
 * Many rows of one table as multi-row INSERTs (the import of historical cases: lib/data/case-import.ts), as many rows
 * per statement as VALUES_PER_STATEMENT allows. Every row names the same columns (undefined means "the column's
 * default" in Prisma's create, which one statement cannot say for some rows only).
 */
export async function insertRows(tx: Tx, table: "Petition", rows: readonly InsertedPetition[]): Promise<void>;
export async function insertRows(tx: Tx, table: "PetitionEvent", rows: readonly InsertedEvent[]): Promise<void>;
export async function insertRows(
  tx: Tx,
  table: "ExtensionRequest",
  rows: readonly InsertedExtensionRequest[],
): Promise<void>;
export async function insertRows(tx: Tx, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columnsOf(rows[0]!);
  const perStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / names.length));
  const columns = Prisma.raw(names.map((name) => `"${name}"`).join(", "));
  for (let i = 0; i < rows.length; i += perStatement) {
    const tuples = rows.slice(i, i + perStatement).map((row) => {
      const values = valuesOf(row, names);
      // Bound as Prisma binds them: the driver adapter writes a Date in the column's format, a boolean as SQLite's 1/0.
      return Prisma.sql`(${Prisma.join(values)})`;
    });
    await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columns}) VALUES ${Prisma.join(tuples)}`;
  }
}

function columnsOf(row: object): string[] {
  const names = Object.entries(row)
    .filter(([, v]) => v !== undefined)
    .map(([name]) => name);
  for (const name of names) if (!IDENTIFIER.test(name)) throw new Error(`not a column name: ${name}`);
  return names;
}

function valuesOf(row: object, names: readonly string[]): Scalar[] {
  const record = row as Record<string, unknown>;
  let defined = 0;
  for (const key in record) if (record[key] !== undefined) defined++;
  if (defined !== names.length) throw new Error("rows of one statement must name the same columns");
  return names.map((name) => {
    const value = record[name];
    if (value === undefined) throw new Error("rows of one statement must name the same columns");
    if (value !== null && typeof value === "object" && !(value instanceof Date))
      throw new Error(`not a column value: ${name}`);
    return value as Scalar;
  });
}

/**
 * A new row id in the shape of Prisma's `cuid()` default: "c", the time in base 36, then 16 random characters (over
 * 80 bits) — 25 lowercase letters and digits, roughly in creation order like Prisma's.
 */
export function newId(): string {
  let random = "";
  for (const b of randomBytes(16)) random += (b % 36).toString(36);
  return `c${Date.now().toString(36).padStart(8, "0")}${random}`;
}
