#!/usr/bin/env node
// `npm run test:unit`: the unit and integration suite (vitest) on SQLite, then the same suite on PostgreSQL when a
// server answers at TEST_POSTGRES_URL (default: the local server, postgresql://postgres@127.0.0.1:5432/postgres).
// Each test file runs in its worker's own database (tests/global-setup.ts, tests/worker-db.ts). On CI (CI=true) a
// missing PostgreSQL is a failure, not a skip: .ci/run starts one. Arguments go to vitest (a file, -t "name").
//   TEST_PROVIDERS=sqlite npm run test:unit        # one database only (sqlite or postgresql)
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const server = (process.env.TEST_POSTGRES_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres");
const wanted = (process.env.TEST_PROVIDERS || "sqlite,postgresql").split(",").map((p) => p.trim());

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const runs = [];
if (wanted.includes("sqlite")) runs.push("sqlite");
if (wanted.includes("postgresql")) {
  if (await reachable(server)) runs.push("postgresql");
  else if (process.env.CI) {
    console.error(
      `[test:unit] PostgreSQL does not answer at ${new URL(server).host}: CI runs the suite on both databases`,
    );
    process.exit(1);
  } else
    console.warn(`[test:unit] PostgreSQL does not answer at ${new URL(server).host}: the suite runs on SQLite only`);
}

for (const provider of runs) {
  console.log(`\n[test:unit] the suite on ${provider === "sqlite" ? "SQLite" : "PostgreSQL"}\n`);
  const r = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, TEST_PROVIDER: provider },
  });
  if (r.status !== 0) {
    console.error(`[test:unit] FAILED on ${provider}`);
    process.exit(r.status ?? 1);
  }
}
