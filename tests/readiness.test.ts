// /api/ready's rule (lib/data/readiness.ts) on the real database: ready when every migration this build ships is
// applied; not ready, with how many are pending, when one is missing from the database's record of them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readiness } from "@/lib/data/readiness";
import { GET as ready } from "@/app/api/ready/route";
import { GET as health } from "@/app/api/health/route";

describe("readiness", () => {
  it("is ready on a database with every migration; not ready while one is pending; health is the process alone", async () => {
    expect(await readiness()).toEqual({ ready: true });
    expect((await ready()).status).toBe(200);
    // The newest migration marked rolled back: the database no longer holds it as applied.
    const [last] = await db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = "finished_at" WHERE "id" = ${last!.id}`;
    try {
      expect(await readiness()).toEqual({ ready: false, reason: "migrations", pending: 1 });
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ready: false, reason: "migrations", pending: 1 });
      expect((await health()).status).toBe(200);
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "id" = ${last!.id}`;
    }
    expect(await readiness()).toEqual({ ready: true });
  });
});
