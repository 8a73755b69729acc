#!/usr/bin/env node
// Web server for Playwright (playwright.config.ts `webServer`): the same boot as `npm start`, but on a
// throw-away database (data/e2e.db, recreated every run and seeded with the demo data the tests rely on),
// a fixed secret and 127.0.0.1:E2E_PORT (3210) only.
// Every browser here connects from 127.0.0.1, so the tests play the reverse proxy: each test sends the
// address it stands for in X-Forwarded-For and the server trusts one hop (TRUST_PROXY_HOPS=1), exactly as
// it would behind one real proxy. The filing, lookup and sign-in limits are the real defaults.
// Builds when there is no build yet, when E2E_REBUILD=1, or on CI (CI must test the code it checked out).
// Locally an existing .next is reused to save time: set E2E_REBUILD=1 after changing the app.
//
// Production's shape (scripts/e2e-cluster.mjs sets these): E2E_DATABASE_URL=postgresql://… puts the e2e database on
// PostgreSQL (dropped and made again each run), and E2E_BACKEND_PORTS=3221,3222 serves the app from one process per
// port behind nginx on E2E_PORT, with deploy/nginx/sunshine-proxy.conf — the tests then pass through the proxy, and
// every change made through one process must be seen through the other.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import {
  boot,
  buildIfNeeded,
  dbFilePath,
  enterRoot,
  migrate,
  onSqlite,
  prepareEnv,
  ROOT,
  runServer,
  seedIfEmpty,
} from "./lib/boot.mjs";
import { recreateDatabase } from "./lib/pg-admin.mjs";

const port = process.env.E2E_PORT || "3210";
// E2E_ATTACH=1: a second server on the database the first one prepared — no reset, no migration, no seed, no build
// — e.g. with APP_CLOCK_OFFSET_MS for journeys that need the clock moved (playwright.config.ts "later" server).
const attach = process.env.E2E_ATTACH === "1";
const backends = attach ? [] : (process.env.E2E_BACKEND_PORTS || "").split(",").filter(Boolean);
Object.assign(process.env, {
  DATABASE_URL: process.env.E2E_DATABASE_URL || "file:./data/e2e.db",
  APP_SECRET: "e2e-test-secret-not-for-production-0123456789abcdef",
  NEXTAUTH_SECRET: "e2e-test-secret-not-for-production-0123456789abcdef",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`, // must match the tests' baseURL for auth cookies/redirects
  PORT: port,
  HOSTNAME: "127.0.0.1",
  SEED_DEMO: "1",
  TRUST_PROXY_HOPS: "1",
  // The deadline job does not run on its own here: journeys run it (e2e/support/later.ts) at the instant they choose.
  DEADLINE_JOB: "off",
  // Nor do the checkpoints: e2e/verify.spec.ts makes them (npm run checkpoint) when it needs one.
  CHECKPOINTS: "off",
  // Requests are not logged one by one here (scripts/lib/observe.mjs): the suite makes tens of thousands.
  LOG_LEVEL: "warn",
  // Behind nginx every app process is told which cached pages a write made stale, and so is the later server.
  ...(backends.length > 0
    ? {
        REVALIDATE_ORIGINS: [...backends, process.env.E2E_LATER_PORT || "3211"]
          .map((p) => `http://127.0.0.1:${p}`)
          .join(","),
      }
    : {}),
});

let server;
await boot(async () => {
  enterRoot();
  if (attach) {
    server = prepareEnv();
    return;
  }
  if (onSqlite()) {
    const db = dbFilePath();
    for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) fs.rmSync(f, { force: true });
  } else await recreateDatabase(process.env.DATABASE_URL);
  server = prepareEnv();
  await migrate();
  seedIfEmpty();
  buildIfNeeded(process.env.E2E_REBUILD === "1" || !!process.env.CI || process.env.FORCE_BUILD === "1");
});
if (backends.length === 0) await runServer("start", server);
else serveBehindNginx(server.hostname);

/** One app process per backend port and nginx in front on E2E_PORT; stops them all when stopped itself. */
function serveBehindNginx(hostname) {
  const children = backends.map((p) =>
    spawn(
      process.execPath,
      [
        "-e",
        `import("./scripts/server.mjs").then((m) => m.serve({ dev: false, hostname: "${hostname}", port: ${p} }))`,
      ],
      { cwd: ROOT, env: { ...process.env, PORT: p }, stdio: "inherit" },
    ),
  );
  const dir = path.join(ROOT, "data", "e2e-nginx");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(conf, nginxConf(dir));
  children.push(spawn("nginx", ["-c", conf, "-p", dir, "-g", "daemon off;"], { stdio: "inherit" }));
  const stop = () => {
    for (const c of children) c.kill("SIGTERM");
    setTimeout(() => process.exit(0), 12_000).unref();
  };
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, stop);
  for (const c of children)
    c.on("exit", (code, signal) => {
      if (code !== 0 && signal !== "SIGTERM") console.error(`[e2e] a server process stopped: ${code ?? signal}`);
    });
}

/** nginx for the e2e suite: the production proxy settings (deploy/nginx/sunshine-proxy.conf) before the backends. */
function nginxConf(dir) {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream sunshine {
${backends.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
    keepalive 16;
  }
  # The tests stand for clients reaching nginx through one more proxy: each test sends the address it stands for in
  # X-Forwarded-For, and nginx takes it as the client's (in production nginx faces the clients and this is absent).
  set_real_ip_from 127.0.0.1;
  real_ip_header X-Forwarded-For;
  server {
    listen 127.0.0.1:${port};
    include ${ROOT}/deploy/nginx/sunshine-proxy.conf;
  }
}
`;
}
