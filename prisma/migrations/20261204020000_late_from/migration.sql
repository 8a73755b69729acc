-- Petition.lateFrom (lib/data/late-from.ts): when the case first is, or will be, late if nothing more happens; the
-- public case list filters late and on time on it. Existing cases get it from their rows with the same expression
-- the application keeps it with. Indexes for the list's unit filter and for its timeliness filter in date order.
ALTER TABLE "Petition" ADD COLUMN "lateFrom" DATETIME;

UPDATE "Petition" AS p SET "lateFrom" = (SELECT MIN("d") FROM (
  SELECT CASE WHEN p."arrivedAtUnitAt" IS NOT NULL AND p."routeDueAt" IS NOT NULL AND p."arrivedAtUnitAt" > p."routeDueAt" THEN p."routeDueAt" END AS "d"
  UNION ALL SELECT CASE WHEN p."arrivedAtUnitAt" IS NULL AND p."decidedAt" IS NOT NULL AND p."routeDueAt" IS NOT NULL AND p."decidedAt" > p."routeDueAt" THEN p."routeDueAt" END
  UNION ALL SELECT CASE WHEN p."routeDueAt" IS NOT NULL AND p."arrivedAtUnitAt" IS NULL AND p."decidedAt" IS NULL AND p."withdrawnAt" IS NULL THEN p."routeDueAt" END
  UNION ALL SELECT CASE WHEN p."arrivedAtUnitAt" IS NOT NULL AND p."decidedAt" IS NOT NULL AND p."acceptDueAt" IS NOT NULL AND p."decidedAt" > p."acceptDueAt" THEN p."acceptDueAt" END
  UNION ALL SELECT CASE WHEN p."acceptDueAt" IS NOT NULL AND p."arrivedAtUnitAt" IS NOT NULL AND p."decidedAt" IS NULL AND p."withdrawnAt" IS NULL THEN p."acceptDueAt" END
  UNION ALL SELECT CASE WHEN p."acceptedAt" IS NOT NULL AND p."repliedAt" IS NOT NULL AND p."handleDueAt" IS NOT NULL AND p."repliedAt" > p."handleDueAt" THEN p."handleDueAt" END
  UNION ALL SELECT CASE WHEN p."handleDueAt" IS NOT NULL AND p."acceptedAt" IS NOT NULL AND p."repliedAt" IS NULL AND p."withdrawnAt" IS NULL THEN p."handleDueAt" END
  UNION ALL SELECT CASE WHEN p."reviewRequestedAt" IS NOT NULL AND p."reviewedAt" IS NOT NULL AND p."reviewDueAt" IS NOT NULL AND p."reviewedAt" > p."reviewDueAt" THEN p."reviewDueAt" END
  UNION ALL SELECT CASE WHEN p."reviewDueAt" IS NOT NULL AND p."reviewRequestedAt" IS NOT NULL AND p."reviewedAt" IS NULL AND p."withdrawnAt" IS NULL THEN p."reviewDueAt" END
  UNION ALL SELECT CASE WHEN p."recheckRequestedAt" IS NOT NULL AND p."finalAt" IS NOT NULL AND p."recheckDueAt" IS NOT NULL AND p."finalAt" > p."recheckDueAt" THEN p."recheckDueAt" END
  UNION ALL SELECT CASE WHEN p."recheckDueAt" IS NOT NULL AND p."recheckRequestedAt" IS NOT NULL AND p."finalAt" IS NULL AND p."withdrawnAt" IS NULL THEN p."recheckDueAt" END
) "deadlines");

CREATE INDEX "Petition_currentUnitId_receivedAt_idx" ON "Petition"("currentUnitId", "receivedAt");
CREATE INDEX "Petition_receivedAt_lateFrom_idx" ON "Petition"("receivedAt", "lateFrom");
