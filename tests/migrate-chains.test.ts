// Chain v1 → v2 (scripts/lib/migrate-chains.ts) on a copy of a real database whose chains are put back in v1, as a
// database from before chain v2 holds them: every chain is rewritten to v2 and verifies, the heads follow, the
// append-only triggers are back; a broken v1 chain stops it with the case and seq, having written nothing; a database
// whose log holds cases keeps its v1 events.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GENESIS_HASH, hashEvent, pick, verifyChain, type HashedEventFields } from "@/lib/domain/chain";
import { addSupplement } from "@/lib/data/petitioner";
import { migrateChains } from "../scripts/lib/migrate-chains";
import { filePetition, makeReferenceData, onlinePetition } from "./factories";

type Row = HashedEventFields & {
  id: string;
  prevHash: string;
  hash: string;
  chainVersion: number;
  salt: string | null;
};
const eventsOf = (sqlite: Database.Database, petitionId: string) =>
  (
    sqlite.prepare(`SELECT * FROM "PetitionEvent" WHERE "petitionId" = ? ORDER BY "seq"`).all(petitionId) as (Omit<
      Row,
      "occurredAt"
    > & {
      occurredAt: string;
    })[]
  ).map((r) => ({ ...r, occurredAt: new Date(r.occurredAt) }));

const triggersOf = (sqlite: Database.Database) =>
  (
    sqlite
      .prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'trigger' AND "tbl_name" = 'PetitionEvent'`)
      .all() as { name: string }[]
  )
    .map((t) => t.name)
    .sort();

/** A copy of this worker's database with every chain rewritten in v1 (as before chain v2), and no checkpoint log. */
function legacyCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sunshine-chains-"));
  const file = path.join(dir, "legacy.db");
  const live = new Database(process.env.DATABASE_URL!.slice("file:".length));
  live.exec(`VACUUM INTO '${file}'`);
  live.close();
  const sqlite = new Database(file);
  const triggers = sqlite.prepare(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'trigger'`).all() as {
    name: string;
    sql: string;
  }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  sqlite.exec(`DELETE FROM "CheckpointLeaf"; DELETE FROM "Checkpoint";`);
  const petitions = sqlite.prepare(`SELECT DISTINCT "petitionId" AS id FROM "PetitionEvent"`).all() as { id: string }[];
  for (const p of petitions) {
    let prev = GENESIS_HASH;
    for (const e of eventsOf(sqlite, p.id)) {
      const hash = hashEvent(prev, pick(e));
      sqlite
        .prepare(
          `UPDATE "PetitionEvent" SET "prevHash" = ?, "hash" = ?, "chainVersion" = 1, "salt" = NULL WHERE "id" = ?`,
        )
        .run(prev, hash, e.id);
      prev = hash;
    }
    sqlite.prepare(`UPDATE "Petition" SET "headHash" = ? WHERE "id" = ?`).run(prev, p.id);
  }
  for (const t of triggers) sqlite.exec(t.sql);
  sqlite.close();
  return file;
}

let caseId: string;
beforeAll(async () => {
  const ref = await makeReferenceData();
  const filed = await filePetition(onlinePetition(ref));
  await addSupplement(filed.id, filed.id, 1, "补充材料：照片两张。", new Date());
  caseId = filed.id;
  expect(await db.petitionEvent.count({ where: { petitionId: caseId } })).toBe(2);
});

describe("migrating chains to v2", () => {
  it("rewrites every v1 chain to v2, verified before and after; the heads follow; the triggers are back", () => {
    const sqlite = new Database(legacyCopy());
    const before = triggersOf(sqlite);
    expect(before.length).toBeGreaterThanOrEqual(3);
    const v1 = (
      sqlite.prepare(`SELECT COUNT(*) AS n FROM "PetitionEvent" WHERE "chainVersion" = 1`).get() as { n: number }
    ).n;
    expect(v1).toBeGreaterThan(0);
    const result = migrateChains(sqlite);
    expect(result).toMatchObject({ kind: "migrated" });
    if (result.kind === "migrated") expect(result.events).toBe(v1);
    expect(
      (
        sqlite
          .prepare(`SELECT COUNT(*) AS n FROM "PetitionEvent" WHERE "chainVersion" <> 2 OR "salt" IS NULL`)
          .get() as { n: number }
      ).n,
    ).toBe(0);
    const events = eventsOf(sqlite, caseId);
    expect(verifyChain(events)).toMatchObject({ ok: true, length: 2 });
    const head = sqlite.prepare(`SELECT "headHash" FROM "Petition" WHERE "id" = ?`).get(caseId) as { headHash: string };
    expect(head.headHash).toBe(events[1]!.hash);
    expect(triggersOf(sqlite)).toEqual(before);
    expect(() => sqlite.prepare(`UPDATE "PetitionEvent" SET "note" = 'x'`).run()).toThrow(/append-only/);
    // Run again: nothing left to do.
    expect(migrateChains(sqlite)).toEqual({ kind: "none" });
    sqlite.close();
  });

  it("stops at a broken v1 chain, naming the case and seq, and writes nothing", () => {
    const file = legacyCopy();
    const sqlite = new Database(file);
    for (const t of sqlite
      .prepare(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'trigger' AND "tbl_name" = 'PetitionEvent'`)
      .all() as { name: string }[])
      sqlite.exec(`DROP TRIGGER "${t.name}"`);
    const second = eventsOf(sqlite, caseId)[1]!;
    sqlite.prepare(`UPDATE "PetitionEvent" SET "note" = '改过' WHERE "id" = ?`).run(second.id);
    const trackingNo = (
      sqlite.prepare(`SELECT "trackingNo" FROM "Petition" WHERE "id" = ?`).get(caseId) as { trackingNo: string }
    ).trackingNo;
    const hashes = () => sqlite.prepare(`SELECT "hash" FROM "PetitionEvent" ORDER BY "id"`).all();
    const before = hashes();
    expect(migrateChains(sqlite)).toEqual({ kind: "broken", when: "before", trackingNo, seq: 2, reason: "hash" });
    expect(hashes()).toEqual(before);
    sqlite.close();
  });

  it("keeps v1 events that a signed checkpoint's log already holds", () => {
    const sqlite = new Database(legacyCopy());
    sqlite
      .prepare(
        `INSERT INTO "CheckpointLeaf" ("index", "trackingNo", "eventCount", "headHash", "checkpointSeq") VALUES (0, 'XF2026000001', 1, ?, 1)`,
      )
      .run("a".repeat(64));
    expect(migrateChains(sqlite)).toMatchObject({ kind: "kept" });
    sqlite.close();
  });
});
