import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
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
