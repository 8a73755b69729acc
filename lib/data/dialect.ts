import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { dialect } from "@/lib/db";

// Where SQLite and PostgreSQL differ in what a query must say, said once. The models and almost every query are the
// same on both (lib/db.ts); what differs is case: SQLite's LIKE ignores the case of Latin letters, PostgreSQL's does
// not, so a title search says ILIKE there — served by the trigram indexes on the titles
// (prisma/postgresql/migrations/*_init: "Petition_title_trgm_idx", "Petition_publicTitle_trgm_idx").

/** LIKE pattern for "contains": the user's %, _ and \ match themselves. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `column` contains `text`, whatever the case of its Latin letters (raw SQL). */
export function containsText(column: Prisma.Sql, text: string): Prisma.Sql {
  const like = dialect === "postgresql" ? Prisma.raw("ILIKE") : Prisma.raw("LIKE");
  return Prisma.sql`${column} ${like} ${containsPattern(text)} ESCAPE '\\'`;
}

/** A Prisma string filter: contains `text`, whatever the case of its Latin letters. SQLite's `contains` already
 *  ignores it (and knows no `mode`); PostgreSQL's needs `mode: "insensitive"`, which the SQLite client's types lack. */
export function containsFilter(text: string): Prisma.StringFilter {
  return (dialect === "postgresql" ? { contains: text, mode: "insensitive" } : { contains: text }) as Prisma.StringFilter;
}
