// Demo data for 阳光信访: the 示例县 unit tree, categories, holidays, staff users and ~4,000 petitions
// over the two years before "now" (SEED_NOW, ISO 8601, else the app's clock). Deterministic: the same
// SEED_NOW gives the same data. Refuses to touch a database that already has units.
//
//   DATABASE_URL=file:./data/sunshine.db APP_SECRET=… node node_modules/tsx/dist/cli.mjs prisma/seed.ts
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/sunshine APP_SECRET=… node node_modules/tsx/dist/cli.mjs prisma/seed.ts
//   SEED_CASES=500 for a smaller set.
import { createPrismaClient } from "../lib/db-client";
import { now as clockNow } from "../lib/clock";
import { buildCalendar } from "../lib/domain/deadlines";
import { appSecret } from "../lib/secret";
import { buildDemoCases, DEMO_CASES, demoCaseTrackingNo, type DemoCaseKey } from "./seed/demo-cases";
import { HOLIDAYS } from "./seed/holidays";
import {
  insertCasesIntoPostgres,
  insertCasesIntoSqliteFile,
  insertReferenceData,
  setTrackingCounters,
  sqliteFileOf,
} from "./seed/insert";
import { generateCases, HISTORY_DAYS } from "./seed/petitions";
import { Random } from "./seed/random";
import { DAY } from "./seed/time";
import { DEMO_PASSWORD, DEMO_USERS, hashDemoPassword, STAFF } from "./seed/users";

function fail(message: string): never {
  console.error(`[seed] ${message}`);
  process.exit(1);
}

/** SEED_NOW, else the app's clock (real time, shifted by APP_CLOCK_OFFSET_MS like the server's). */
function seedNow(): Date {
  const raw = process.env.SEED_NOW;
  if (!raw) return clockNow();
  const now = new Date(raw);
  if (Number.isNaN(now.getTime())) fail(`SEED_NOW is not an ISO 8601 time: ${raw}`);
  return now;
}

async function main() {
  const url = process.env.DATABASE_URL ?? fail("DATABASE_URL is not set (e.g. file:./data/sunshine.db)");
  let secret: string;
  try {
    secret = appSecret();
  } catch {
    fail(
      "APP_SECRET is not set (at least 16 characters). Query codes are stored as hashes keyed by it, so the seed and the app must share it; `npm start` generates one into data/app-secret.",
    );
  }
  const now = seedNow();
  const count = Number(process.env.SEED_CASES ?? 4000);
  if (!Number.isInteger(count) || count < 0) fail(`SEED_CASES must be a whole number: ${process.env.SEED_CASES}`);

  const db = createPrismaClient(url, { pool: 2 });
  try {
    if ((await db.unit.count()) > 0) {
      console.log(
        "[seed] The database already has units: not seeding. To start over, delete the database (the file, or DROP DATABASE on PostgreSQL) and run the migrations again.",
      );
      return;
    }
    const started = performance.now();
    const passwordHash = hashDemoPassword(); // argon2 runs on a worker thread while the cases are built
    const cal = buildCalendar(HOLIDAYS);
    const { cases, lastSequence } = generateCases({ now, cal, rnd: new Random("sunshine-petitions"), secret }, count);
    const all = [...cases, ...buildDemoCases({ now, cal, secret })];
    await insertReferenceData(db, await passwordHash, new Date(now.getTime() - (HISTORY_DAYS + 30) * DAY));
    const file = sqliteFileOf(url);
    if (file) insertCasesIntoSqliteFile(file, all);
    else await insertCasesIntoPostgres(url, all);
    await setTrackingCounters(db, lastSequence);

    const events = all.reduce((n, c) => n + c.events.length, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[seed] ${all.length} petitions, ${events} events, ${STAFF.length} users, ${HOLIDAYS.length} holidays in ${seconds} s (now = ${now.toISOString()})`,
    );
    console.log(`[seed] staff users (password "${DEMO_PASSWORD}"): ${Object.values(DEMO_USERS).join(", ")}`);
    for (const key of Object.keys(DEMO_CASES) as DemoCaseKey[]) {
      const def = DEMO_CASES[key];
      console.log(`[seed] demo case ${key}: ${demoCaseTrackingNo(key, now)} / ${def.queryCode}`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
