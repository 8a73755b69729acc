-- DropIndex
DROP INDEX "Petition_currentUnitId_state_acceptDueAt_idx";

-- DropIndex
DROP INDEX "Petition_currentUnitId_state_handleDueAt_idx";

