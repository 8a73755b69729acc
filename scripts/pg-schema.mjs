#!/usr/bin/env node
// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma: the same models, PostgreSQL's datasource and
// its own generated client (generated/prisma-pg). Run after every change to the models, then write the
// PostgreSQL migration (docs/database.md). tests/pg-schema.test.ts fails when the two files differ in anything else.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The PostgreSQL schema's text for a SQLite schema's text. */
export function postgresSchemaOf(sqlite) {
  const replaced = sqlite
    .replace('output     = "../generated/prisma"', 'output     = "../../generated/prisma-pg"')
    .replace('provider = "sqlite"', 'provider = "postgresql"');
  if (!replaced.includes("../../generated/prisma-pg") || !replaced.includes('provider = "postgresql"'))
    throw new Error("prisma/schema.prisma: its generator or datasource block is not in the expected form");
  return (
    "// WRITTEN BY scripts/pg-schema.mjs FROM prisma/schema.prisma — edit that file, then run `npm run db:pg-schema`.\n" +
    replaced
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = postgresSchemaOf(fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"));
  fs.mkdirSync(path.join(root, "prisma/postgresql"), { recursive: true });
  fs.writeFileSync(path.join(root, "prisma/postgresql/schema.prisma"), text);
  console.log("wrote prisma/postgresql/schema.prisma");
}
