-- Chain format v2 (issue 11, lib/domain/chain.ts): each event records the format it is hashed in and, for v2, the
-- salt of its private part's digest. Existing events stay version 1 here; `npm start` then rewrites every chain to v2
-- (scripts/migrate-chains.ts: every chain verified before and after, in one transaction), before the first signed
-- checkpoint. ADD COLUMN leaves the append-only triggers in place.
ALTER TABLE "PetitionEvent" ADD COLUMN "chainVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "PetitionEvent" ADD COLUMN "salt" TEXT;
