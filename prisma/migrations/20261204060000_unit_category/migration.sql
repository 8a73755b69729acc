-- The public case list filtered by unit counts the accusations among the unit's cases (lib/data/open-cases.ts): an
-- index search on (currentUnitId, categoryId) instead of reading every case of the unit (113 ms for the busiest unit
-- at 1,000,000 cases, docs/performance.md).
CREATE INDEX "Petition_currentUnitId_categoryId_idx" ON "Petition"("currentUnitId", "categoryId");
