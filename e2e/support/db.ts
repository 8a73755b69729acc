// Read-only access to the e2e database, so tests can check what was — or was not — written. Never writes: the app is
// the only writer. The database is data/e2e.db (SQLite, made by scripts/e2e-server.mjs), or with E2E_DATABASE_URL a
// PostgreSQL database (scripts/e2e-cluster.mjs: two app processes behind nginx). The same SQL runs on both, through
// better-sqlite3's synchronous statements or, on PostgreSQL, a synchronous child process (e2e/support/pg-query.mjs):
// tests read the database between two browser steps, and a synchronous look keeps them simple.
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";

export const E2E_DB_FILE = path.resolve(__dirname, "..", "..", "data", "e2e.db");
/** The e2e database's URL, as the servers and the scripts the tests run (npm run jobs) are given it. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./data/e2e.db";
export const ON_POSTGRES = /^postgres(ql)?:\/\//.test(E2E_DATABASE_URL);

/** The part of better-sqlite3's API the tests use: statements with `?` parameters, one row or all of them. */
export type ReadDb = {
  prepare(sql: string): { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
};

const PG_QUERY = path.resolve(__dirname, "pg-query.mjs");

/** On PostgreSQL: each statement in a child process that answers with its rows (as SQLite would give them). */
const postgres: ReadDb = {
  prepare: (sql) => {
    const rows = (params: unknown[]) =>
      JSON.parse(
        execFileSync(process.execPath, [PG_QUERY], {
          input: JSON.stringify({ url: E2E_DATABASE_URL, sql, params }),
          encoding: "utf8",
        }),
      ) as unknown[];
    return { get: (...params) => rows(params)[0], all: (...params) => rows(params) };
  },
};

/** Runs `fn` on a read-only connection to the e2e database, closed afterwards. */
export function withDb<T>(fn: (db: ReadDb) => T): T {
  if (ON_POSTGRES) return fn(postgres);
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

/** A mark to find the petitions written after it (petitionsAfter): SQLite's rowid, PostgreSQL's creation instant. */
export function lastPetitionRowid(): number {
  const sql = ON_POSTGRES
    ? 'SELECT COALESCE(EXTRACT(EPOCH FROM MAX("createdAt")) * 1000, 0) AS n FROM "Petition"'
    : 'SELECT COALESCE(MAX(rowid), 0) AS n FROM "Petition"';
  return withDb((db) => (db.prepare(sql).get() as { n: number }).n);
}

/** Petitions written after `mark` (see lastPetitionRowid), with the fields a refused form could have left empty. */
export function petitionsAfter(mark: number): { title: string; name: string; phone: string; address: string }[] {
  const after = ON_POSTGRES ? `"createdAt" > to_timestamp(? / 1000.0) AT TIME ZONE 'UTC'` : "rowid > ?";
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT title, "petitionerName" AS name, "petitionerPhone" AS phone, address FROM "Petition" WHERE ${after}`,
        )
        .all(mark) as { title: string; name: string; phone: string; address: string }[],
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

/**
 * The environment of a script the tests run on the e2e database as an operator would beside the servers (npm run
 * jobs, npm run import): the database, the servers' secret, and every server to tell which cached public pages it made
 * stale — the main server (or, behind nginx, each app process: E2E_SERVER_ORIGINS) and the later server.
 */
export function scriptEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const main = process.env.E2E_SERVER_ORIGINS || `http://127.0.0.1:${process.env.E2E_PORT || "3210"}`;
  return {
    ...process.env,
    DATABASE_URL: E2E_DATABASE_URL,
    APP_SECRET: "e2e-test-secret-not-for-production-0123456789abcdef",
    REVALIDATE_ORIGINS: `${main},http://127.0.0.1:${process.env.E2E_LATER_PORT || "3211"}`,
    ...extra,
  };
}
