// Which database a DATABASE_URL names, and where that provider's schema, migrations and generated client live.
// SQLite (a file: URL) is the embedded default; a postgres:// or postgresql:// URL selects PostgreSQL. One set of
// models (prisma/schema.prisma); prisma/postgresql/schema.prisma is written from it by scripts/pg-schema.mjs and
// holds the same models with PostgreSQL's datasource. Plain Node ESM: prisma.config.ts and the boot scripts use it.
import path from "node:path";

/** @param {string | undefined} url @returns {"sqlite" | "postgresql"} */
export function providerOf(url) {
  return /^postgres(ql)?:\/\//.test(url ?? "") ? "postgresql" : "sqlite";
}

export const PROVIDERS = {
  sqlite: {
    schema: path.join("prisma", "schema.prisma"),
    migrations: path.join("prisma", "migrations"),
  },
  postgresql: {
    schema: path.join("prisma", "postgresql", "schema.prisma"),
    migrations: path.join("prisma", "postgresql", "migrations"),
  },
};
