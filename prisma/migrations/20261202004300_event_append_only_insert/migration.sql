-- Hand-written (Prisma does not model triggers). Completes the append-only guard of the init migration.
--
-- The init migration's triggers refuse UPDATE and DELETE on "PetitionEvent", but SQLite has ways of changing
-- a row that fire neither: `INSERT OR REPLACE` / `REPLACE INTO` resolve a uniqueness conflict by deleting the
-- old row first, and that implicit delete fires no DELETE trigger unless recursive_triggers is on. So an
-- insert whose id, hash or (petitionId, seq) is already taken is refused here, before any conflict
-- resolution runs: a new event can only ever add a row. (`INSERT ... ON CONFLICT DO UPDATE` is refused by
-- this trigger as well, and by the UPDATE trigger behind it.) A legitimate append never collides: ids are
-- fresh, the hash covers the previous hash, and seq is the case's next number (lib/data/events.ts).
-- Each EXISTS is one lookup in a unique index (the primary key, "PetitionEvent_hash_key",
-- "PetitionEvent_petitionId_seq_key").
-- NOTE: like the init triggers, this one is removed by a migration that redefines "PetitionEvent"
-- (DROP TABLE): re-create all three there.

-- CreateTrigger
CREATE TRIGGER "PetitionEvent_no_replace"
BEFORE INSERT ON "PetitionEvent"
WHEN EXISTS (SELECT 1 FROM "PetitionEvent" WHERE "id" = NEW."id")
  OR EXISTS (SELECT 1 FROM "PetitionEvent" WHERE "hash" = NEW."hash")
  OR EXISTS (SELECT 1 FROM "PetitionEvent" WHERE "petitionId" = NEW."petitionId" AND "seq" = NEW."seq")
BEGIN
    SELECT RAISE(ABORT, 'PetitionEvent is append-only');
END;
