// What the operator's scripts (backup, restore) share: the SQLite file of DATABASE_URL, and a whole-database check —
// the file's own integrity and every case's audit chain (lib/domain/chain.ts, each event in its own version).
import path from "node:path";
import Database from "better-sqlite3";
import { verifyChain, type ChainedEvent } from "../../lib/domain/chain";

export const ROOT = path.resolve(__dirname, "..", "..");

/** DATABASE_URL's file (default data/sunshine.db), resolved against the project. */
export function databaseFile(): string {
  const url = process.env.DATABASE_URL || "file:./data/sunshine.db";
  if (!url.startsWith("file:"))
    throw new Error("DATABASE_URL must be a SQLite file: URL (PostgreSQL: see docs/deploy.md)");
  return path.resolve(ROOT, url.slice("file:".length).split("?")[0]!);
}

/** A case's events as stored, in seq order, each `occurredAt` a Date (how the chain functions take them). */
export function storedEvents(sqlite: Database.Database, petitionId: string): (ChainedEvent & { id: string })[] {
  const rows = sqlite
    .prepare(`SELECT * FROM "PetitionEvent" WHERE "petitionId" = ? ORDER BY "seq"`)
    .all(petitionId) as (Omit<ChainedEvent, "occurredAt"> & { id: string; occurredAt: string })[];
  return rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt) }));
}

export type FileCheck = { ok: true; cases: number; events: number } | { ok: false; problem: string };

/** The database file's integrity, and every chain from its first event to its head. */
export function checkDatabaseFile(file: string): FileCheck {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = sqlite.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return { ok: false, problem: `integrity_check: ${String(integrity)}` };
    const cases = sqlite.prepare(`SELECT "id", "trackingNo", "headHash" FROM "Petition"`).all() as {
      id: string;
      trackingNo: string;
      headHash: string | null;
    }[];
    let events = 0;
    for (const c of cases) {
      const rows = storedEvents(sqlite, c.id);
      const verdict = verifyChain(rows);
      if (!verdict.ok) return { ok: false, problem: `${c.trackingNo}: the chain breaks at seq ${verdict.brokenAtSeq}` };
      if ((rows.length ? verdict.headHash : null) !== c.headHash)
        return { ok: false, problem: `${c.trackingNo}: the head differs` };
      events += rows.length;
    }
    return { ok: true, cases: cases.length, events };
  } finally {
    sqlite.close();
  }
}
