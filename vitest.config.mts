import { defineConfig } from "vitest/config";
import path from "node:path";

// TEST_PROVIDER=postgresql (scripts/test-unit.mjs): the same suite on PostgreSQL, less the tests of SQLite's own
// files (backing up, restoring and migrating a database file, the harness's file); tests/postgres-*.test.ts are
// PostgreSQL's own.
const onPostgres = process.env.TEST_PROVIDER === "postgresql";
const SQLITE_FILES = ["tests/backup-restore.test.ts", "tests/db-setup.test.ts", "tests/migrate-chains.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: onPostgres ? SQLITE_FILES : ["tests/postgres-*.test.ts"],
    environment: "node",
    globalSetup: ["tests/global-setup.ts"],
    // Each worker copies the migrated template database once and keeps it for all its files.
    setupFiles: ["tests/worker-db.ts"],
    maxWorkers: 2,
    testTimeout: 20_000,
    // No portal server to tell about stale cached pages (lib/data/public-pages.ts); tests/public-pages.test.ts
    // records what would be sent.
    env: { REVALIDATE_ORIGINS: "none" },
  },
});
