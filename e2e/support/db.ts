// Read-only access to the e2e database (data/e2e.db, created by scripts/e2e-server.mjs), so tests can check
// what was — or was not — written. Never writes: the app is the only writer.
import path from "node:path";
import Database from "better-sqlite3";

export const E2E_DB_FILE = path.resolve(__dirname, "..", "..", "data", "e2e.db");

/** Runs `fn` on a read-only connection to the e2e database, closed afterwards. */
export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** All petitions in the database. */
export function countPetitions(): number {
  return withDb((db) => (db.prepare('SELECT COUNT(*) AS n FROM "Petition"').get() as { n: number }).n);
}

/** The highest rowid of the petition table: a mark to find rows written after it. */
export function lastPetitionRowid(): number {
  return withDb((db) => (db.prepare('SELECT COALESCE(MAX(rowid), 0) AS n FROM "Petition"').get() as { n: number }).n);
}

/** Petitions written after `rowid` (see lastPetitionRowid), with the fields a refused form could have left empty. */
export function petitionsAfter(rowid: number): { title: string; name: string; phone: string; address: string }[] {
  return withDb(
    (db) =>
      db
        .prepare(
          'SELECT title, "petitionerName" AS name, "petitionerPhone" AS phone, address FROM "Petition" WHERE rowid > ?',
        )
        .all(rowid) as { title: string; name: string; phone: string; address: string }[],
  );
}

/** Petitions whose title, content or petitioner name contains `marker` (each test types its own marker). */
export function countPetitionsMarked(marker: string): number {
  const like = `%${marker}%`;
  return withDb(
    (db) =>
      (
        db
          .prepare(
            'SELECT COUNT(*) AS n FROM "Petition" WHERE title LIKE ? OR content LIKE ? OR "petitionerName" LIKE ? OR address LIKE ?',
          )
          .get(like, like, like, like) as { n: number }
      ).n,
  );
}

/** The stored petition with this tracking number (only the columns tests compare with what was typed). */
export function findPetition(trackingNo: string) {
  return withDb(
    (db) =>
      db
        .prepare(
          'SELECT id, title, content, "petitionerName" AS name, "petitionerPhone" AS phone, "petitionerIdNumber" AS idNumber, "petitionerEmail" AS email, address, "consentPublic" AS consentPublic, state, "headHash" AS headHash, "eventCount" AS eventCount FROM "Petition" WHERE "trackingNo" = ?',
        )
        .get(trackingNo) as
        | {
            id: string;
            title: string;
            content: string;
            name: string;
            phone: string;
            idNumber: string | null;
            email: string | null;
            address: string;
            consentPublic: number;
            state: string;
            headHash: string | null;
            eventCount: number;
          }
        | undefined,
  );
}

/** The event types of a case in order (all visibilities). */
export function eventTypes(trackingNo: string): string[] {
  return withDb((db) =>
    (
      db
        .prepare(
          'SELECT e.type AS type FROM "PetitionEvent" e JOIN "Petition" p ON p.id = e."petitionId" WHERE p."trackingNo" = ? ORDER BY e.seq',
        )
        .all(trackingNo) as { type: string }[]
    ).map((r) => r.type),
  );
}
