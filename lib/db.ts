import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";

// One client per process; in development Next reloads modules, so keep it on globalThis (prisma#10247).
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };

function createClient() {
  const url = process.env.DATABASE_URL ?? "file:./data/sunshine.db";
  const adapter = new PrismaBetterSQLite3({ url });
  // Password hashes are never selected unless a query asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export const db = globalForPrisma.prisma ?? createClient();

/**
 * Under the write-ahead log (scripts/lib/boot.mjs) better-sqlite3's default is `synchronous = NORMAL`, which syncs
 * only at checkpoints; FULL syncs every commit, so an acknowledged filing survives a power cut too. A setting of the
 * connection (the adapter holds one), made before any request: instrumentation.ts for a server, scripts/jobs.ts.
 */
export async function syncEveryCommit(): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA synchronous = FULL");
}
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Db = typeof db;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
