#!/usr/bin/env node
// `npm start`: the one command that takes a fresh clone to a running site.
//   data/ folder + persistent secrets -> prisma migrate deploy -> demo seed (empty db only)
//   -> next build (only if there is no build yet, or FORCE_BUILD=1) -> next start.
// `npm run dev` (--dev) does the same but runs `next dev` and never builds.
// Environment: PORT (3000), HOSTNAME (0.0.0.0), DATABASE_URL (file:./data/sunshine.db),
// APP_SECRET / NEXTAUTH_SECRET / NEXTAUTH_URL, SEED_DEMO=0 to skip demo data, FORCE_BUILD=1.
import { boot, buildIfNeeded, enterRoot, migrate, prepareEnv, runNext, seedIfEmpty } from "./lib/boot.mjs";

const dev = process.argv.includes("--dev");
let server;
boot(() => {
  enterRoot();
  server = prepareEnv();
  migrate();
  seedIfEmpty();
  if (!dev) buildIfNeeded();
});
runNext(dev ? "dev" : "start", server);
