// Guards the test harness itself: tests must run on the throw-away database from tests/global-setup.ts
// (never on data/sunshine.db), and that database carries the append-only triggers of the init migration.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

describe("test database", () => {
  it("is the per-run file made by global setup, with the test secret", () => {
    expect(process.env.DATABASE_URL).toMatch(/data\/test-\d+-[0-9a-f]+-w\d+\.db$/);
    expect(process.env.APP_SECRET).toBe("vitest-app-secret-0123456789abcdef");
  });

  it("refuses UPDATE and DELETE on PetitionEvent", () => {
    const db = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
    try {
      const triggers = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all();
      expect(triggers).toEqual(
        expect.arrayContaining([
          { name: "PetitionEvent_no_delete" },
          { name: "PetitionEvent_no_update" },
          { name: "PetitionEvent_no_replace" },
        ]),
      );
      // The triggers fire per row, so they need a row to refuse: insert one inside a transaction we roll back.
      db.exec("BEGIN");
      db.exec(`INSERT INTO "Unit" (id, code, name, kind, path) VALUES ('u-probe', 'u-probe', 'probe', 'BUREAU', '/u-probe/');
        INSERT INTO "Category" (id, code, name, kind) VALUES ('c-probe', 'c-probe', 'probe', 'APPEAL');
        INSERT INTO "Petition" (id, trackingNo, queryCodeHash, channel, categoryId, title, content, placeId,
          petitionerName, petitionerPhone, address, currentUnitId, receivedAt, updatedAt)
          VALUES ('p-probe', 'T-probe', 'h', 'ONLINE', 'c-probe', 't', 'c', 'u-probe', 'n', '1', 'a', 'u-probe', 0, 0);
        INSERT INTO "PetitionEvent" (id, petitionId, seq, type, visibility, actorType, occurredAt, prevHash, hash)
          VALUES ('e-probe', 'p-probe', 1, 'SUBMITTED', 'PUBLIC', 'SYSTEM', 0, '', 'h-probe');`);
      expect(() => db.exec(`UPDATE "PetitionEvent" SET note = 'x' WHERE id = 'e-probe'`)).toThrow(/append-only/);
      expect(() => db.exec(`DELETE FROM "PetitionEvent" WHERE id = 'e-probe'`)).toThrow(/append-only/);
    } finally {
      if (db.inTransaction) db.exec("ROLLBACK");
      db.close();
    }
  });
});
