import pg from "pg";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PROVIDERS, providerOf } from "./scripts/lib/provider.mjs";

// The provider follows DATABASE_URL (scripts/lib/provider.mjs); PRISMA_PROVIDER=postgresql picks PostgreSQL's
// schema without a server, for `prisma generate` (scripts/generate.mjs).
// The CLI must resolve DATABASE_URL or it falls back to the native engine, which it cannot download here.
const provider = process.env.PRISMA_PROVIDER === "postgresql" ? "postgresql" : providerOf(process.env.DATABASE_URL);
if (provider === "postgresql" && providerOf(process.env.DATABASE_URL) !== "postgresql")
  process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/sunshine";
const url = (process.env.DATABASE_URL ??= "file:./data/sunshine.db");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: PROVIDERS[provider].schema,
  migrations: { path: PROVIDERS[provider].migrations },
  async adapter() {
    if (provider === "sqlite") return new PrismaBetterSQLite3({ url });
    return wholeScripts(new PrismaPg(migrationsPool(url)));
  },
});

/**
 * The pg adapter runs a migration's script by splitting it at every ";" (@prisma/adapter-pg 6.19, executeScript),
 * which breaks a PL/pgSQL function's body (the append-only triggers). PostgreSQL runs a script of several
 * statements sent as one simple query by itself, and as one implicit transaction: a migration applies whole or not.
 */
function wholeScripts(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  };
  return factory;
}

/**
 * The CLI's connection to PostgreSQL. Prisma 6.19's WebAssembly migration engine reads pg_catalog columns of type
 * `name` (OID 19) and `"char"` (OID 18), which the pg adapter cannot map (prisma/prisma#27403, "Column type 'name'
 * could not be deserialized"): they are text, so every result's fields of those types are reported as text (OID 25).
 */
function migrationsPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const asText = (result: pg.QueryResult) => {
    for (const r of Array.isArray(result) ? result : [result])
      for (const field of r?.fields ?? [])
        if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    return result;
  };
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const callback =
        typeof args[args.length - 1] === "function" ? (args.pop() as (e: unknown, r?: unknown) => void) : null;
      const answer = query(...args).then(asText);
      if (!callback) return answer;
      answer.then(
        (r) => callback(null, r),
        (e) => callback(e),
      );
      return undefined;
    };
  });
  return pool;
}
