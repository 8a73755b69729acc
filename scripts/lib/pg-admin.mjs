// A PostgreSQL database's life as the operator's scripts see it: made when `npm start` first meets it, dropped and
// made again for a throw-away run (the e2e servers, the fault drill). Connects to the server's maintenance database
// (`postgres`) to do it. Plain Node ESM: the boot runs it before anything is compiled.
import pg from "pg";

/** The database a postgresql:// URL names, and the same server's maintenance database. */
function split(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`the database name must be letters, digits and _: ${name}`);
  u.pathname = "/postgres";
  return { name, admin: u.toString() };
}

async function onAdmin(url, fn) {
  const { name, admin } = split(url);
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database unless it exists. Returns whether it made it. */
export function ensureDatabase(url) {
  return onAdmin(url, async (client, name) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  });
}

/** Drops the database (closing what is connected to it) and makes it again, empty. */
export function recreateDatabase(url) {
  return onAdmin(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}
