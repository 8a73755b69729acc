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

type Scalar = string | number | boolean | Date | null;
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

export async function insertRow(tx: Tx, table: "Petition", row: InsertedPetition): Promise<void>;
export async function insertRow(tx: Tx, table: "PetitionEvent", row: InsertedEvent): Promise<void>;
export async function insertRow(tx: Tx, table: string, row: object): Promise<void> {
  const entries = Object.entries(row).filter(([, v]) => v !== undefined) as [string, Scalar][];
  for (const [name, value] of entries) {
    if (!IDENTIFIER.test(name)) throw new Error(`not a column name: ${name}`);
    if (value !== null && typeof value === "object" && !(value instanceof Date)) throw new Error(`not a column value: ${name}`);
  }
  const columns = Prisma.raw(entries.map(([name]) => `"${name}"`).join(", "));
  // Bound as Prisma binds them: the driver adapter writes a Date in the column's format and a boolean as SQLite's 1/0.
  const values = Prisma.join(entries.map(([, v]) => v));
  await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columns}) VALUES (${values})`;
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
