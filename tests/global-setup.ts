// Vitest global setup: one freshly migrated database for this test run, removed afterwards — a SQLite file, or with
// TEST_PROVIDER=postgresql (scripts/test-unit.mjs) a PostgreSQL database on TEST_POSTGRES_URL's server.
// It runs once in the main process before any test worker starts; workers are forked child processes and
// inherit process.env as it is at that moment, so setting DATABASE_URL / APP_SECRET here reaches every test
// (checked on vitest 4.1). Without it lib/db.ts would fall back to the developer's data/sunshine.db.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { dropDatabases, postgresUrl, TEST_DB_PREFIX } from "./postgres";

const root = fileURLToPath(new URL("..", import.meta.url));

export default async function setup() {
  process.env.APP_SECRET = "vitest-app-secret-0123456789abcdef"; // fixed: hashes are reproducible in tests
  process.env.NEXTAUTH_SECRET = process.env.APP_SECRET;
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  return process.env.TEST_PROVIDER === "postgresql" ? setupPostgres() : setupSqlite();
}

/** The same migrations production runs, triggers included (PetitionEvent is append-only). */
function migrate() {
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: root,
    env: process.env,
    stdio: ["ignore", "ignore", "inherit"], // quiet unless it fails
  });
}

function setupSqlite() {
  const dir = path.join(root, "data");
  fs.mkdirSync(dir, { recursive: true });
  removeLeftovers(dir);
  // Unique per run, so parallel runs (or a crashed earlier run) never share a file.
  const file = path.join(dir, `test-${process.pid}-${randomBytes(3).toString("hex")}.db`);
  // The migrated template; tests/worker-db.ts gives each worker its own copy (two writers on one SQLite
  // file would time out waiting for each other's locks).
  process.env.TEST_DB_TEMPLATE = file;
  process.env.DATABASE_URL = `file:${file}`;
  migrate();
  return function teardown() {
    const base = path.basename(file, ".db");
    for (const f of fs.readdirSync(dir)) if (f.startsWith(base)) fs.rmSync(path.join(dir, f), { force: true });
  };
}

/** A migrated template database; tests/worker-db.ts makes each worker's own database from it (CREATE DATABASE … TEMPLATE). */
async function setupPostgres() {
  const server = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const run = `${TEST_DB_PREFIX}${process.pid}_${randomBytes(3).toString("hex")}`;
  await dropDatabases(server, (name) => {
    const pid = Number(/^sunshine_test_(\d+)_/.exec(name)?.[1]);
    return pid > 0 && !isAlive(pid); // left by a run killed before its teardown
  });
  const { Client } = (await import("pg")).default;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${run}"`);
  } finally {
    await admin.end();
  }
  process.env.TEST_DB_TEMPLATE = run;
  process.env.TEST_POSTGRES_URL = server;
  process.env.DATABASE_URL = postgresUrl(server, run);
  migrate();
  return async function teardown() {
    await dropDatabases(server, (name) => name === run || name.startsWith(`${run}_w`));
  };
}

function removeLeftovers(dir: string) {
  for (const name of fs.readdirSync(dir)) {
    const pid = Number(/^test-(\d+)-[0-9a-f]+(-w\d+)?\.db/.exec(name)?.[1]);
    if (!pid || isAlive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}
