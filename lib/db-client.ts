// The Prisma client for a DATABASE_URL, on SQLite or PostgreSQL: lib/db.ts (the app's one client) and the operator's
// scripts (the seed, verify-chains), which cannot import lib/db.ts ("server-only"). One set of models, generated
// twice (scripts/generate.mjs): generated/prisma for SQLite, generated/prisma-pg for PostgreSQL — the same API, typed
// once through the SQLite client's types. Where the two databases' queries differ, lib/data/dialect.ts says so.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "../generated/prisma/client";
import { PrismaClient as PostgresClient } from "../generated/prisma-pg/client";
import { providerOf } from "../scripts/lib/provider.mjs";

/** How long a request waits for a PostgreSQL connection before it fails with "the database is unavailable". */
const CONNECT_TIMEOUT_MS = 5_000;

/** A client for `url` (a SQLite file: URL or a postgresql:// URL). `pool`: PostgreSQL connections at most. */
export function createPrismaClient<O extends Prisma.PrismaClientOptions["omit"]>(
  url: string,
  { omit, pool }: { omit?: O; pool?: number } = {},
): PrismaClient<never, O> {
  const options = (omit === undefined ? {} : { omit }) as { omit: O }; // Prisma refuses `omit: undefined`
  if (providerOf(url) === "sqlite") return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }), ...options });
  const adapter = new PrismaPg({
    connectionString: url,
    max: pool ?? (Number(process.env.DATABASE_POOL_SIZE) || 10),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  return new PostgresClient({ adapter, ...options }) as unknown as PrismaClient<never, O>;
}
