// `npm run backup -- [FOLDER]`: a consistent copy of the SQLite database while the portal runs (SQLite's online backup:
// writes go on meanwhile), into FOLDER (default data/backups) as sunshine-<UTC time>.db, then checked — the copy's
// integrity and every case's audit chain. Prints the file and what it holds; exit code 1 if the copy does not check.
// The keys are not in it: keep data/app-secret and data/checkpoint-key.pem (or their environment variables) apart,
// as docs/deploy.md says. PostgreSQL: pg_dump (docs/deploy.md).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { checkDatabaseFile, databaseFile, ROOT } from "./lib/sqlite-file";

async function main() {
  const source = databaseFile();
  const folder = path.resolve(process.env.INIT_CWD ?? ROOT, process.argv[2] ?? path.join(ROOT, "data", "backups"));
  fs.mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "Z");
  const target = path.join(folder, `sunshine-${stamp}.db`);
  const sqlite = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await sqlite.backup(target);
  } finally {
    sqlite.close();
  }
  const check = checkDatabaseFile(target);
  if (!check.ok) {
    console.error(`backup ${target} does NOT check: ${check.problem}`);
    process.exit(1);
  }
  console.log(`backup ${target}: ${check.cases} cases, ${check.events} events, every chain intact`);
}

main().catch((err) => {
  console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
