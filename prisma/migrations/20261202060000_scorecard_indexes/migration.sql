-- 单位考评 (lib/data/scorecard.ts): every cohort statement is a range search on (unit, the cohort's date), and each
-- index covers all the columns its statement reads — the scope's accusedUnitId and categoryId included — so a count
-- never reads the table's wide rows and its cost follows the period's cases, not the whole history
-- (docs/performance.md, `npm run bench:scorecard`). Nothing here starts with "currentUnitId": the queue's index stays
-- the only one the queue can take.
-- CreateIndex
CREATE INDEX "Petition_scorecard_received_idx" ON "Petition"("handlingUnitId", "arrivedAtUnitAt", "receivedAt", "accusedUnitId", "categoryId");

-- CreateIndex
CREATE INDEX "Petition_scorecard_acceptDue_idx" ON "Petition"("handlingUnitId", "acceptDueAt", "decidedAt", "withdrawnAt", "accusedUnitId", "categoryId");

-- CreateIndex
CREATE INDEX "Petition_scorecard_handleDue_idx" ON "Petition"("handlingUnitId", "handleDueAt", "repliedAt", "withdrawnAt", "accusedUnitId", "categoryId");

-- CreateIndex
CREATE INDEX "Petition_scorecard_accepted_idx" ON "Petition"("handlingUnitId", "acceptedAt", "arrivedAtUnitAt", "decidedAt", "repliedAt", "accusedUnitId", "categoryId");

-- CreateIndex
CREATE INDEX "Petition_scorecard_replied_idx" ON "Petition"("handlingUnitId", "repliedAt", "acceptedAt", "accusedUnitId", "categoryId");

-- CreateIndex
CREATE INDEX "Petition_scorecard_evaluation_idx" ON "Petition"("handlingUnitId", "evaluationWindowEndsAt", "evaluatedAt", "finalAt", "reviewedAt", "repliedAt", "unitSatisfaction", "accusedUnitId", "categoryId");

-- CreateIndex
CREATE INDEX "Petition_scorecard_pending_idx" ON "Petition"("handlingUnitId", "state", "accusedUnitId", "categoryId");

-- CreateIndex
CREATE INDEX "SupervisionOrder_targetUnitId_issuedAt_idx" ON "SupervisionOrder"("targetUnitId", "issuedAt");

