// `npm run jobs`: one pass of the deadline job (lib/data/deadline-pass.ts) on the portal's database, then a summary.
// The server runs the same pass every few minutes (lib/jobs/scheduler.ts); this is for cron, for catching up by
// hand and for tests, which move its clock with APP_CLOCK_OFFSET_MS. Passes are idempotent: running it twice, or
// beside the server, writes each event once.
//
//   npm run jobs                                    # data/sunshine.db, as `npm start` uses it
//   DATABASE_URL=file:./data/other.db npm run jobs
//   DATABASE_URL=postgresql://sunshine@db.internal/sunshine npm run jobs
//   npm run jobs -- --json                          # the summary as one JSON line
//
// Exit code 0, or 1 when an item failed (each failure is logged by kind, without personal data) or the database
// is missing. Run with --conditions=react-server (package.json does) so that lib/data's "server-only" resolves.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

async function main() {
  // The same defaults as `npm start` (scripts/lib/boot.mjs): relative paths mean the project root.
  process.chdir(ROOT);
  process.env.DATABASE_URL ||= "file:./data/sunshine.db";
  const url = process.env.DATABASE_URL;
  // A SQLite file must exist (opening a missing one would create an empty database); PostgreSQL answers for itself.
  if (url.startsWith("file:")) {
    const file = path.resolve(ROOT, url.slice("file:".length).split("?")[0]!);
    if (!fs.existsSync(file)) {
      console.error(
        `[jobs] no database at ${path.relative(ROOT, file)}: run \`npm start\` (or npm run db:migrate) first`,
      );
      process.exit(1);
    }
  }
  // Imported after DATABASE_URL is settled: lib/db.ts opens the database when it loads.
  const { runDeadlinePassOnce, PASS_KINDS } = await import("../lib/data/deadline-pass");
  const { db, syncEveryCommit } = await import("../lib/db");
  try {
    await syncEveryCommit();
    // One pass at a time across processes (the lease): while another runs one, wait for it, up to two minutes.
    let summary = await runDeadlinePassOnce();
    for (let waited = 0; summary === null && waited < 120_000; waited += 500) {
      await new Promise((r) => setTimeout(r, 500));
      summary = await runDeadlinePassOnce();
    }
    if (summary === null) {
      console.error("[jobs] another process has been running a deadline pass for two minutes: not run");
      process.exit(1);
    }
    const failed = Object.values(summary.failed).reduce((n, k) => n + k, 0);
    if (process.argv.includes("--json")) {
      console.log(JSON.stringify(summary));
    } else {
      const written = PASS_KINDS.map((k) => `${k} ${summary.written[k]}`).join(", ");
      console.log(
        `[jobs] pass at ${summary.at.toISOString()}: ${written}; skipped ${summary.skipped}; failed ${failed}; ${summary.ms} ms`,
      );
    }
    process.exitCode = failed > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error("[jobs] pass failed:", err instanceof Error ? err.name : "unknown");
  process.exit(1);
});
