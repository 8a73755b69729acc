#!/usr/bin/env node
// Web server for Playwright (playwright.config.ts `webServer`): the same boot as `npm start`, but on a
// throw-away database (data/e2e.db, recreated every run and seeded with the demo data the tests rely on),
// a fixed secret and 127.0.0.1:E2E_PORT (3210) only.
// Every browser here connects from 127.0.0.1, so the tests play the reverse proxy: each test sends the
// address it stands for in X-Forwarded-For and the server trusts one hop (TRUST_PROXY_HOPS=1), exactly as
// it would behind one real proxy. The filing, lookup and sign-in limits are the real defaults.
// Builds when there is no build yet, when E2E_REBUILD=1, or on CI (CI must test the code it checked out).
// Locally an existing .next is reused to save time: set E2E_REBUILD=1 after changing the app.
import fs from "node:fs";
import {
  boot,
  buildIfNeeded,
  dbFilePath,
  enterRoot,
  migrate,
  prepareEnv,
  runServer,
  seedIfEmpty,
} from "./lib/boot.mjs";

const port = process.env.E2E_PORT || "3210";
Object.assign(process.env, {
  DATABASE_URL: "file:./data/e2e.db",
  APP_SECRET: "e2e-test-secret-not-for-production-0123456789abcdef",
  NEXTAUTH_SECRET: "e2e-test-secret-not-for-production-0123456789abcdef",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`, // must match the tests' baseURL for auth cookies/redirects
  PORT: port,
  HOSTNAME: "127.0.0.1",
  SEED_DEMO: "1",
  TRUST_PROXY_HOPS: "1",
  // The deadline job does not run on its own here: journeys run it (e2e/support/later.ts) at the instant they choose.
  DEADLINE_JOB: "off",
  // Nor do the checkpoints: e2e/verify.spec.ts makes them (npm run checkpoint) when it needs one.
  CHECKPOINTS: "off",
  // Requests are not logged one by one here (scripts/lib/observe.mjs): the suite makes tens of thousands.
  LOG_LEVEL: "warn",
});

// E2E_ATTACH=1: a second server on the database the first one prepared — no reset, no migration, no seed, no build
// — e.g. with APP_CLOCK_OFFSET_MS for journeys that need the clock moved (playwright.config.ts "later" server).
const attach = process.env.E2E_ATTACH === "1";

let server;
boot(() => {
  enterRoot();
  if (attach) {
    server = prepareEnv();
    return;
  }
  const db = dbFilePath();
  for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) fs.rmSync(f, { force: true });
  server = prepareEnv();
  migrate();
  seedIfEmpty();
  buildIfNeeded(process.env.E2E_REBUILD === "1" || !!process.env.CI || process.env.FORCE_BUILD === "1");
});
await runServer("start", server);
