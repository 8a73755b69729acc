#!/usr/bin/env node
// `prisma generate` for both providers (npm's postinstall): generated/prisma (SQLite) and generated/prisma-pg
// (PostgreSQL) — the same models, a client each; lib/db.ts picks one by DATABASE_URL.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
for (const provider of ["sqlite", "postgresql"]) {
  const r = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_PROVIDER: provider,
      ...(provider === "sqlite" ? { DATABASE_URL: "file:./data/sunshine.db" } : {}),
    },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
