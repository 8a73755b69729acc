// Rewrites the chains written before chain v2 into v2 (scripts/lib/migrate-chains.ts), every chain verified before
// and after in one transaction. `npm start` runs it after the migrations; `npm run migrate-chains` on its own.
// Exit code 1 when a chain is broken: nothing is then written, and the break is printed (case and seq).
import path from "node:path";
import Database from "better-sqlite3";
import { migrateChains } from "./lib/migrate-chains";

const url = process.env.DATABASE_URL ?? "file:./data/sunshine.db";
if (!url.startsWith("file:")) throw new Error("DATABASE_URL must be a SQLite file: URL");
const sqlite = new Database(path.resolve(url.slice("file:".length).split("?")[0]!), { fileMustExist: true });
try {
  const result = migrateChains(sqlite);
  switch (result.kind) {
    case "none":
      break;
    case "kept":
      console.log(
        `[chains] ${result.v1Events} events stay in chain v1: signed checkpoints already hold them (both verify)`,
      );
      break;
    case "migrated":
      console.log(
        `[chains] rewrote ${result.cases} chains (${result.events} events) to v2, verified before and after, in ${(result.ms / 1000).toFixed(1)} s`,
      );
      break;
    case "broken":
      console.error(
        `[chains] NOT migrated: ${result.trackingNo} is broken at seq ${result.seq} (${result.reason}) ${result.when} the rewrite; nothing was written. Run npm run verify-chains.`,
      );
      process.exitCode = 1;
  }
} finally {
  sqlite.close();
}
