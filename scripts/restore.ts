// `npm run restore -- FILE`: puts a backup (npm run backup) in place of the SQLite database — with the portal stopped.
// The backup is checked first (its integrity, every case's audit chain) and nothing is touched if it fails; the
// database it replaces is kept beside it as <name>.before-restore-<UTC time>, never deleted. Then start the portal
// again (npm start: it applies any newer migration). PostgreSQL: pg_restore (docs/deploy.md).
import fs from "node:fs";
import path from "node:path";
import { checkDatabaseFile, databaseFile, ROOT } from "./lib/sqlite-file";

function main() {
  const given = process.argv[2];
  if (!given) {
    console.error("usage: npm run restore -- FILE (a backup made by npm run backup)");
    process.exit(2);
  }
  const backup = path.resolve(process.env.INIT_CWD ?? ROOT, given);
  if (!fs.existsSync(backup)) {
    console.error(`no such backup: ${backup}`);
    process.exit(2);
  }
  const check = checkDatabaseFile(backup);
  if (!check.ok) {
    console.error(`${backup} does not check (${check.problem}): nothing restored`);
    process.exit(1);
  }
  const target = databaseFile();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // The database replaced is kept whole: its write-ahead log moves with it.
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "Z");
  for (const suffix of ["", "-wal", "-shm"])
    if (fs.existsSync(`${target}${suffix}`))
      fs.renameSync(`${target}${suffix}`, `${target}.before-restore-${stamp}${suffix}`);
  fs.copyFileSync(backup, target);
  console.log(`restored ${backup} to ${target}: ${check.cases} cases, ${check.events} events, every chain intact`);
}

main();
