import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db, dialect } from "@/lib/db";
import { PROVIDERS } from "@/scripts/lib/provider.mjs";

export type Readiness = { ready: true } | { ready: false; reason: "database" | "migrations"; pending?: number };

/** The migrations this build ships for the database in use (prisma/migrations, prisma/postgresql/migrations), by folder name. */
function shippedMigrations(): string[] {
  const dir = path.join(process.cwd(), PROVIDERS[dialect].migrations);
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
}

/** Whether the database answers and holds every migration this build ships, applied and not rolled back. */
export async function readiness(): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (err) {
    console.error("[ready] database:", err instanceof Error ? err.name : "unknown");
    return { ready: false, reason: "database" };
  }
  const pending = shippedMigrations().filter((m) => !applied.has(m)).length;
  return pending === 0 ? { ready: true } : { ready: false, reason: "migrations", pending };
}
