// Chain v1 → v2 (issue 11, lib/domain/chain.ts): rewrites every case's chain written before v2 into v2, with a fresh
// salt per event, in one transaction that verifies every chain before (in v1) and after (in v2) and writes nothing
// unless both hold. The append-only triggers are dropped for the rewrite and put back exactly as they were, inside the
// same transaction. `npm start` runs it after the migrations (scripts/migrate-chains.ts); a database without v1
// events is left alone.
//
// Not after a signed checkpoint: the log holds the v1 heads, and rewritten chains would no longer extend them — a
// database whose log already holds cases keeps its v1 events (every verifier checks each event in its own version).
import type Database from "better-sqlite3";
import { GENESIS_HASH, chainEvent, verifyChain, type ChainedEvent } from "../../lib/domain/chain";
import { storedEvents } from "./sqlite-file";

export type MigrateResult =
  | { kind: "none" }
  | { kind: "kept"; v1Events: number }
  | { kind: "migrated"; cases: number; events: number; ms: number }
  | { kind: "broken"; when: "before" | "after"; trackingNo: string; seq: number; reason: string };

/** Every case with a v1 event. */
function casesWithV1(sqlite: Database.Database): { id: string; trackingNo: string }[] {
  return sqlite
    .prepare(
      `SELECT DISTINCT p."id", p."trackingNo" FROM "Petition" p JOIN "PetitionEvent" e ON e."petitionId" = p."id"
       WHERE e."chainVersion" = 1 ORDER BY p."id"`,
    )
    .all() as { id: string; trackingNo: string }[];
}

export function migrateChains(sqlite: Database.Database): MigrateResult {
  const v1 = (
    sqlite.prepare(`SELECT COUNT(*) AS n FROM "PetitionEvent" WHERE "chainVersion" = 1`).get() as { n: number }
  ).n;
  if (v1 === 0) return { kind: "none" };
  const logged = (sqlite.prepare(`SELECT COUNT(*) AS n FROM "CheckpointLeaf"`).get() as { n: number }).n;
  if (logged > 0) return { kind: "kept", v1Events: v1 };
  const started = performance.now();
  const triggers = sqlite
    .prepare(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'trigger' AND "tbl_name" = 'PetitionEvent'`)
    .all() as { name: string; sql: string }[];
  const setEvent = sqlite.prepare(
    `UPDATE "PetitionEvent" SET "prevHash" = ?, "hash" = ?, "salt" = ?, "chainVersion" = ? WHERE "id" = ?`,
  );
  const setHead = sqlite.prepare(`UPDATE "Petition" SET "headHash" = ? WHERE "id" = ?`);
  class Broken extends Error {
    constructor(readonly result: MigrateResult) {
      super("broken chain");
    }
  }
  const check = (when: "before" | "after", trackingNo: string, events: ChainedEvent[]) => {
    const verdict = verifyChain(events);
    if (!verdict.ok)
      throw new Broken({ kind: "broken", when, trackingNo, seq: verdict.brokenAtSeq, reason: verdict.reason });
  };
  let cases = 0;
  let events = 0;
  try {
    sqlite.transaction(() => {
      for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
      for (const c of casesWithV1(sqlite)) {
        const stored = storedEvents(sqlite, c.id);
        check("before", c.trackingNo, stored);
        let prev = GENESIS_HASH;
        for (const e of stored) {
          const link = chainEvent(prev, e);
          setEvent.run(prev, link.hash, link.salt, link.chainVersion, e.id);
          prev = link.hash;
        }
        setHead.run(stored.length > 0 ? prev : null, c.id);
        cases++;
        events += stored.length;
      }
      for (const t of triggers) sqlite.exec(t.sql);
      // After: every rewritten chain read back from the database and verified in v2.
      const rewrittenCases = sqlite
        .prepare(
          `SELECT DISTINCT p."id", p."trackingNo", p."headHash" FROM "Petition" p JOIN "PetitionEvent" e ON e."petitionId" = p."id"`,
        )
        .all() as { id: string; trackingNo: string; headHash: string | null }[];
      for (const c of rewrittenCases) {
        const rows = storedEvents(sqlite, c.id);
        check("after", c.trackingNo, rows);
        if ((rows.at(-1)?.hash ?? null) !== c.headHash)
          throw new Broken({
            kind: "broken",
            when: "after",
            trackingNo: c.trackingNo,
            seq: rows.length,
            reason: "head",
          });
        if (rows.some((r) => r.chainVersion !== 2))
          throw new Broken({ kind: "broken", when: "after", trackingNo: c.trackingNo, seq: 0, reason: "version" });
      }
    })();
  } catch (err) {
    if (err instanceof Broken) return err.result;
    throw err;
  }
  return { kind: "migrated", cases, events, ms: performance.now() - started };
}
