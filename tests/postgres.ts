// The PostgreSQL side of the test harness (tests/global-setup.ts, tests/worker-db.ts): databases named
// sunshine_test_<pid>_<hex> (the run's template) and …_w<n> (a worker's), on TEST_POSTGRES_URL's server.
import pg from "pg";

export const TEST_DB_PREFIX = "sunshine_test_";

/** The server's URL with another database. */
export function postgresUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drops the test databases whose names pass `which`, closing what is still connected to them. */
export async function dropDatabases(server: string, which: (name: string) => boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${TEST_DB_PREFIX}%`,
    ]);
    for (const { datname } of rows)
      if (which(datname)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Makes `database` from the migrated template unless it exists. */
export async function databaseFromTemplate(server: string, template: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
}
