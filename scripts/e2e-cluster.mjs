#!/usr/bin/env node
// `npm run test:e2e:cluster`: the end-to-end suite in production's shape — the e2e database on PostgreSQL, two app
// processes (`next start`, ports 3221 and 3222) behind nginx on 3210 with deploy/nginx/sunshine-proxy.conf, and the
// later server (3211) on the same database. scripts/e2e-server.mjs starts them for Playwright; this sets the stage
// and runs `playwright test` with its arguments. Needs nginx (Debian: apt-get install nginx) and a PostgreSQL server
// at TEST_POSTGRES_URL (default the local one); .ci/run provides both. The database sunshine_e2e is made afresh.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const server = new URL(process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres");
server.pathname = "/sunshine_e2e";
const backends = ["3221", "3222"];

const nginx = spawnSync("nginx", ["-v"], { stdio: "ignore" });
if (nginx.error) {
  console.error("[e2e:cluster] nginx is not installed (Debian: apt-get install nginx)");
  process.exit(1);
}

const r = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    E2E_DATABASE_URL: server.toString(),
    E2E_BACKEND_PORTS: backends.join(","),
    E2E_SERVER_ORIGINS: backends.map((p) => `http://127.0.0.1:${p}`).join(","),
  },
});
process.exit(r.status ?? 1);
