// Boot steps shared by scripts/start.mjs (npm start / npm run dev) and scripts/e2e-server.mjs.
// Plain Node ESM on purpose: it must run before anything is built or compiled.
// Every tool is spawned as `node <its entry file>` so nothing depends on PATH or on npx.
import { spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ensureDatabase } from "./pg-admin.mjs";
import { providerOf } from "./provider.mjs";

/** Project root: this file lives in <root>/scripts/lib/. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PRISMA_CLI = "node_modules/prisma/build/index.js";
const TSX_CLI = "node_modules/tsx/dist/cli.mjs";
const NEXT_CLI = "node_modules/next/dist/bin/next";

/** Work from the root (relative paths in DATABASE_URL and data/ mean the root) and make sure data/ exists
 *  (the SQLite driver cannot create a file in a missing folder; Prisma then only says "External error id#0"). */
export function enterRoot() {
  process.chdir(ROOT);
  fs.mkdirSync(path.join(ROOT, "data"), { recursive: true });
}

/** Value from the environment, else from data/<file>, else 32 random bytes (hex) kept in data/<file> (0600),
 *  so sessions and tokens survive restarts without anyone having to configure a secret. */
function persistentSecret(envName, file) {
  if (process.env[envName]) return process.env[envName];
  const p = path.join(ROOT, "data", file);
  if (fs.existsSync(p)) {
    const v = fs.readFileSync(p, "utf8").trim();
    if (v) return v;
  }
  const v = randomBytes(32).toString("hex");
  fs.writeFileSync(p, v + "\n", { mode: 0o600 });
  console.log(`[boot] generated ${envName} in data/${file}`);
  return v;
}

/** The checkpoints' Ed25519 signing key (lib/data/checkpoints.ts): CHECKPOINT_PRIVATE_KEY, or data/checkpoint-key.pem. */
function checkpointKey() {
  if (process.env.CHECKPOINT_PRIVATE_KEY) return;
  const p = path.join(ROOT, "data", "checkpoint-key.pem");
  if (fs.existsSync(p)) return;
  const { privateKey } = generateKeyPairSync("ed25519");
  fs.writeFileSync(p, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  console.log("[boot] generated the checkpoints' signing key in data/checkpoint-key.pem");
}

/** Fill in the environment every child (prisma, seed, next) inherits. Returns { port, hostname }. */
export function prepareEnv() {
  const env = process.env;
  env.NEXT_TELEMETRY_DISABLED = "1";
  env.DATABASE_URL ||= "file:./data/sunshine.db";
  if (onSqlite()) fs.mkdirSync(path.dirname(dbFilePath()), { recursive: true });
  env.APP_SECRET = persistentSecret("APP_SECRET", "app-secret");
  env.NEXTAUTH_SECRET ||= env.APP_SECRET;
  checkpointKey();
  const port = env.PORT || "3000";
  const hostname = env.HOSTNAME || "0.0.0.0";
  env.PORT = port;
  env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  return { port, hostname };
}

/** Whether DATABASE_URL names a SQLite file (the default) rather than a PostgreSQL database (postgresql://…). */
export const onSqlite = (url = process.env.DATABASE_URL) => providerOf(url) === "sqlite";

/** DATABASE_URL ("file:./data/x.db", "file:/abs/x.db?opts") -> absolute file path, relative to the root. */
export function dbFilePath(url = process.env.DATABASE_URL) {
  if (!url?.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite file: URL, got ${url}`);
  return path.resolve(ROOT, url.slice("file:".length).split("?")[0]);
}

/** Run a node script synchronously with inherited stdio; any failure stops the boot. */
function runNode(label, args) {
  console.log(`[boot] ${label}: node ${args.join(" ")}`);
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    throw new Error(
      `${label} failed (${r.error?.message ?? (r.signal ? `signal ${r.signal}` : `exit code ${r.status}`)})`,
    );
  }
}

/** The provider's migrations (prisma.config.ts picks them by DATABASE_URL); on SQLite, its write-ahead log and the
 *  rewrite of chains older than v2 (a PostgreSQL database was never written by a version before chain v2). */
export async function migrate() {
  if (!onSqlite() && (await ensureDatabase(process.env.DATABASE_URL)))
    console.log("[boot] created the PostgreSQL database named in DATABASE_URL");
  runNode("migrate", [PRISMA_CLI, "migrate", "deploy"]);
  if (!onSqlite()) return;
  enableWriteAheadLog();
  // Chains written before chain v2 are rewritten to it, verified before and after (scripts/migrate-chains.ts).
  runNode("migrate-chains", [TSX_CLI, "scripts/migrate-chains.ts"]);
}

/**
 * SQLite's write-ahead log (kept in the database file once set): readers — every public page render — go on while
 * a filing writes, and a commit is one append to the log instead of rewriting a rollback journal. Each connection
 * of the app still syncs every commit to disk (PRAGMA synchronous = FULL, lib/db.ts): nothing acknowledged is lost
 * to a crash or a power cut.
 */
function enableWriteAheadLog() {
  const db = new Database(dbFilePath(), { fileMustExist: true });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

/** Seed demo data only into an empty database (no Unit rows), unless SEED_DEMO=0. On PostgreSQL the seed looks
 *  itself (prisma/seed.ts refuses a database that has units). */
export function seedIfEmpty() {
  if (process.env.SEED_DEMO === "0") return;
  if (!onSqlite()) return runNode("seed", [TSX_CLI, "prisma/seed.ts"]);
  const db = new Database(dbFilePath(), { readonly: true, fileMustExist: true });
  let empty;
  try {
    empty = !db.prepare('SELECT 1 FROM "Unit" LIMIT 1').get();
  } finally {
    db.close();
  }
  if (!empty) return;
  if (!fs.existsSync(path.join(ROOT, "prisma/seed.ts"))) {
    console.warn("[boot] WARNING: database is empty but prisma/seed.ts does not exist; starting without demo data");
    return;
  }
  runNode("seed", [TSX_CLI, "prisma/seed.ts"]);
}

/** `next build` when there is no build yet, or when forced (FORCE_BUILD=1, or the caller says so). */
export function buildIfNeeded(force = process.env.FORCE_BUILD === "1") {
  if (!force && fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) return;
  runNode("build", [NEXT_CLI, "build"]);
}

/** Serve the app in this process with the portal's own server (scripts/server.mjs), in production or dev mode. */
export async function runServer(mode, { port, hostname }) {
  const { serve } = await import("../server.mjs");
  try {
    await serve({ dev: mode === "dev", hostname, port });
  } catch (err) {
    console.error(`\n[boot] FAILED to serve: ${err.message}\n`);
    process.exit(1);
  }
}

/** Run the boot steps, reporting a failure loudly and with a non-zero exit. */
export async function boot(steps) {
  try {
    await steps();
  } catch (err) {
    console.error(`\n[boot] FAILED: ${err.message}\n`);
    process.exit(1);
  }
}
