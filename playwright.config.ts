import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against a production build (`next start`) on a throw-away, demo-seeded
// database; scripts/e2e-server.mjs prepares both (set E2E_REBUILD=1 to rebuild after changing the app).
const PORT = process.env.E2E_PORT || "3210";
const baseURL = `http://127.0.0.1:${PORT}`;

// `npx playwright install` cannot download browsers on our machines, so prefer Debian's Chromium;
// on a normal developer machine with neither, Playwright's own browser is used.
const executablePath =
  process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

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
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          // Without the networking flags Chromium keeps trying to reach Google hosts it cannot reach.
          args: [
            "--no-sandbox", // CI runs as root
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    env: { E2E_PORT: PORT },
    url: `${baseURL}/api/health`,
    timeout: 240_000, // may include migrate + seed + a full `next build`
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
