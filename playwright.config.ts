import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against a production build (`next start`) on a throw-away, demo-seeded
// database; scripts/e2e-server.mjs prepares both (set E2E_REBUILD=1 to rebuild after changing the app).
const PORT = process.env.E2E_PORT || "3210";
const baseURL = `http://127.0.0.1:${PORT}`;
// A second server on the same build and database with its clock moved ahead (e2e/support/later.ts): journeys in
// which deadlines pass. Their specs (*.later.spec.ts) run last, in their own project.
const LATER_PORT = process.env.E2E_LATER_PORT || "3211";
const LATER_OFFSET_MS = String(75 * 24 * 60 * 60 * 1000); // = LATER_OFFSET_MS in e2e/support/later.ts

// `npx playwright install` cannot download browsers on our machines, so prefer Debian's Chromium;
// on a normal developer machine with neither, Playwright's own browser is used.
const executablePath =
  process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
// Without the networking flags Chromium keeps trying to reach Google hosts it cannot reach.
const CHROMIUM_ARGS = [
  "--no-sandbox", // CI runs as root
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const browser = { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } };
// On PostgreSQL (npm run test:e2e:cluster) the tamper tests are left out: they rewrite copies of the SQLite file.
// tests/append-only.test.ts tries every way of rewriting history on PostgreSQL's triggers.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.E2E_DATABASE_URL ?? "");

export default defineConfig({
  testDir: "e2e",
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: "list",
  forbidOnly: !!process.env.CI,
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: onPostgres ? [/\.later\.spec\.ts$/, /verify-tamper\.spec\.ts$/] : /\.later\.spec\.ts$/,
      use: browser,
    },
    {
      // After every other spec: its deadline passes act on the whole e2e database at a later instant.
      name: "later",
      testMatch: /\.later\.spec\.ts$/,
      dependencies: ["chromium"],
      use: browser,
    },
  ],
  // Started in this order, each once the one before answers: the later server attaches to the first one's database.
  webServer: [
    {
      command: "node scripts/e2e-server.mjs",
      env: { E2E_PORT: PORT },
      url: `${baseURL}/api/health`,
      timeout: 300_000, // may include migrate + seed + a full `next build`
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "node scripts/e2e-server.mjs",
      env: { E2E_PORT: LATER_PORT, E2E_ATTACH: "1", APP_CLOCK_OFFSET_MS: LATER_OFFSET_MS },
      url: `http://127.0.0.1:${LATER_PORT}/api/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
