// One set of models: prisma/postgresql/schema.prisma is written from prisma/schema.prisma (scripts/pg-schema.mjs)
// and must differ from it in nothing but PostgreSQL's datasource and its generated client's folder.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresSchemaOf } from "../scripts/pg-schema.mjs";

const ROOT = path.resolve(__dirname, "..");
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), "utf8");

describe("PostgreSQL's schema", () => {
  it("is prisma/schema.prisma with PostgreSQL's datasource (run `npm run db:pg-schema` after changing the models)", () => {
    expect(read("prisma/postgresql/schema.prisma")).toBe(postgresSchemaOf(read("prisma/schema.prisma")));
  });

  it("refuses a SQLite schema whose generator or datasource it cannot rewrite", () => {
    expect(() =>
      postgresSchemaOf(read("prisma/schema.prisma").replace('provider = "sqlite"', 'provider = "mysql"')),
    ).toThrow(/not in the expected form/);
  });

  it("ships a migration for each provider, each locked to its own", () => {
    expect(read("prisma/migrations/migration_lock.toml")).toMatch(/provider = "sqlite"/);
    expect(read("prisma/postgresql/migrations/migration_lock.toml")).toMatch(/provider = "postgresql"/);
  });
});
