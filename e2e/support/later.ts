// The "later" server (playwright.config.ts): the same build and the same database as the main e2e server, with its
// clock LATER_OFFSET_MS ahead, for journeys in which deadlines pass (a case goes late, a window closes). Specs named
// *.later.spec.ts run in the "later" project, after every other spec, because the deadline passes they run act on
// the whole e2e database at that later instant.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { scriptEnv } from "./db";

export const LATER_OFFSET_MS = 75 * 24 * 60 * 60 * 1000;
export const LATER_PORT = process.env.E2E_LATER_PORT || "3211";
export const LATER_URL = `http://127.0.0.1:${LATER_PORT}`;

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Runs one pass of the deadline job (`npm run jobs`, scripts/jobs.ts) on the e2e database as of `at` — the same
 * instant for repeated calls, whatever time has passed in between — and returns what it printed.
 */
export function runDeadlineJob(at: Date): string {
  return execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/jobs.ts"], {
    cwd: ROOT,
    // As a cron job beside the servers would: tells every one of them which cached public pages it made stale.
    env: scriptEnv({ APP_CLOCK_OFFSET_MS: String(at.getTime() - Date.now()) }),
    encoding: "utf8",
  });
}

/** The later server's "now", give or take the milliseconds a request takes. */
export function laterNow(): Date {
  return new Date(Date.now() + LATER_OFFSET_MS);
}
