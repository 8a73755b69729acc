#!/usr/bin/env node
// `npm start`: the one command that takes a fresh clone to a running site.
//   data/ folder + persistent secrets -> prisma migrate deploy -> demo seed (empty db only)
//   -> next build (only if there is no build yet, or FORCE_BUILD=1) -> the portal's server (scripts/server.mjs).
// `npm run dev` (--dev) does the same but serves in development mode and never builds.
// Environment: PORT (3000), HOSTNAME (0.0.0.0), DATABASE_URL (file:./data/sunshine.db; postgresql://… for
// PostgreSQL, whose database is made when missing),
// APP_SECRET / NEXTAUTH_SECRET / NEXTAUTH_URL, SEED_DEMO=0 to skip demo data, FORCE_BUILD=1,
// TRUST_PROXY_HOPS (0: no reverse proxy, the connection's address counts).
import { boot, buildIfNeeded, enterRoot, migrate, prepareEnv, runServer, seedIfEmpty } from "./lib/boot.mjs";

const dev = process.argv.includes("--dev");
let server;
await boot(async () => {
  enterRoot();
  server = prepareEnv();
  await migrate();
  seedIfEmpty();
  if (!dev) buildIfNeeded();
});
await runServer(dev ? "dev" : "start", server);
