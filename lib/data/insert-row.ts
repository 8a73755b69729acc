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
  const names = columnsOf(row);
  const columns = Prisma.raw(names.map((name) => `"${name}"`).join(", "));
  // Bound as Prisma binds them: the driver adapter writes a Date in the column's format and a boolean as SQLite's 1/0.
  const values = Prisma.join(valuesOf(row, names));
  await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columns}) VALUES (${values})`;
}

/** Rows per multi-row statement: each statement costs Prisma's query layer more than its rows (docs/performance.md). */
const ROWS_PER_STATEMENT = 5_000;
/** Bound values per statement: under SQLite's limit (32,766) and PostgreSQL's (65,535). */
const BOUND_PER_STATEMENT = 30_000;

/**
 * Many rows of one table as multi-row INSERTs (the import of historical cases, lib/data/case-import.ts). Every row
 * names the same columns (undefined means "the column's default" in Prisma's create, which one statement cannot say
 * for some rows only).
 *
 * Prisma's query layer costs more per bound value and per statement than SQLite's own work for an insert
 * (docs/performance.md, *Import*), and a case has some eighty columns. So a value that cannot hold a quote — null, a
 * boolean, a whole number, an instant, an id, a code or a hash made only of letters, digits, `_` and `-` — is written
 * into the statement as a literal (the same literals in SQLite and PostgreSQL); texts and anything else are bound, as
 * everywhere, and statements are as long as the bound values allow.
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
  const head = `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")}) VALUES `;
  // The statement's text between bound values, and the values: what Prisma.sql`…` would have made.
  let strings: string[] = [];
  let values: Scalar[] = [];
  let text = head;
  let inStatement = 0;
  const flush = async () => {
    strings.push(text);
    await tx.$executeRaw(new Prisma.Sql(strings, values));
    strings = [];
    values = [];
    text = head;
    inStatement = 0;
  };
  for (const row of rows) {
    const rowValues = valuesOf(row, names);
    if (inStatement === ROWS_PER_STATEMENT || values.length + names.length > BOUND_PER_STATEMENT) await flush();
    text += inStatement === 0 ? "(" : ", (";
    rowValues.forEach((value, c) => {
      if (c > 0) text += ", ";
      const literal = literalOf(value);
      if (literal !== null) {
        text += literal;
      } else {
        strings.push(text);
        values.push(value);
        text = "";
      }
    });
    text += ")";
    inStatement++;
  }
  await flush();
}

/** Letters, digits, `_` and `-`: ids (newId, cuid), codes, enum values, hashes, tracking numbers. */
const PLAIN = /^[A-Za-z0-9_-]{1,128}$/;

/** The value as an SQL literal when it cannot hold anything but itself; null when it must be bound. */
function literalOf(value: Scalar): string | null {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : null;
  if (typeof value === "string") return PLAIN.test(value) ? `'${value}'` : null;
  // An instant as the driver adapter stores it (@prisma/adapter-better-sqlite3, its default timestampFormat
  // "iso8601", which lib/db.ts keeps; prisma/seed/insert.ts writes the same), and as PostgreSQL reads a timestamp.
  return `'${value.toISOString().replace("Z", "+00:00")}'`;
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
  for (const b of pooledRandomBytes(16)) random += BASE36[b % 36];
  return `c${Date.now().toString(36).padStart(8, "0")}${random}`;
}

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let pooled = 0;

/**
 * Cryptographically random bytes, drawn from a pool refilled by one randomBytes call per 4 KB (as Node's randomUUID
 * keeps its own): an import makes a million ids, and a system call each cost seconds. Each byte is given out once.
 */
export function pooledRandomBytes(n: number): Uint8Array {
  if (n > POOL_BYTES) return randomBytes(n);
  if (pooled + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    pooled = 0;
  }
  const out = pool.subarray(pooled, pooled + n);
  pooled += n;
  return out;
}
