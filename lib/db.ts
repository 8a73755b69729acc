import "server-only";
import { createPrismaClient } from "@/lib/db-client";
import { providerOf } from "@/scripts/lib/provider.mjs";

/** The database DATABASE_URL names: SQLite (a file: URL, the default) or PostgreSQL (scripts/lib/provider.mjs). */
export const dialect = providerOf(process.env.DATABASE_URL);

// Password hashes are never selected unless a query asks for them by name.
const OMIT = { user: { passwordHash: true } } as const;
const createClient = () => createPrismaClient(process.env.DATABASE_URL ?? "file:./data/sunshine.db", { omit: OMIT });

// One client per process; in development Next reloads modules, so keep it on globalThis (prisma#10247).
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };

export const db = globalForPrisma.prisma ?? createClient();

/**
 * Under the write-ahead log (scripts/lib/boot.mjs) better-sqlite3's default is `synchronous = NORMAL`, which syncs
 * only at checkpoints; FULL syncs every commit, so an acknowledged filing survives a power cut too. A setting of the
 * connection (the adapter holds one), made before any request: instrumentation.ts for a server, scripts/jobs.ts.
 * PostgreSQL syncs every commit by default (synchronous_commit = on): nothing to set.
 */
export async function syncEveryCommit(): Promise<void> {
  if (dialect === "sqlite") await db.$queryRawUnsafe("PRAGMA synchronous = FULL");
}
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Db = typeof db;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
