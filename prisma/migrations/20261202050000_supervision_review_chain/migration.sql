-- 督办 orders, settings, 复查/复核 answers as fields, evaluation of both unit and bureau, 领导包案, and the deadline
-- job's markers. The single `satisfaction` becomes `unitSatisfaction` (it rated the handling unit); every existing
-- case is counted at its current unit (`handlingUnitId`).
-- CreateTable
CREATE TABLE "SupervisionOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "petitionId" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "issuedById" TEXT,
    "targetUnitId" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "answerDueAt" DATETIME NOT NULL,
    "answeredAt" DATETIME,
    "answerText" TEXT,
    "answeredById" TEXT,
    "overdueAt" DATETIME,
    "escalatedAt" DATETIME,
    "escalatedToId" TEXT,
    CONSTRAINT "SupervisionOrder_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_targetUnitId_fkey" FOREIGN KEY ("targetUnitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Petition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trackingNo" TEXT NOT NULL,
    "queryCodeHash" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "accusedUnitId" TEXT,
    "petitionerName" TEXT NOT NULL,
    "petitionerPhone" TEXT,
    "petitionerIdNumber" TEXT,
    "petitionerEmail" TEXT,
    "address" TEXT NOT NULL,
    "consentPublic" BOOLEAN NOT NULL DEFAULT false,
    "personCount" INTEGER NOT NULL DEFAULT 1,
    "isCollective" BOOLEAN NOT NULL DEFAULT false,
    "sourceDocNo" TEXT,
    "feedbackDueAt" DATETIME,
    "state" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "currentUnitId" TEXT NOT NULL,
    "handlingUnitId" TEXT,
    "assigneeId" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "routeDueAt" DATETIME,
    "arrivedAtUnitAt" DATETIME,
    "acceptDueAt" DATETIME,
    "returnDueAt" DATETIME,
    "decidedAt" DATETIME,
    "acceptedAt" DATETIME,
    "handleDueAt" DATETIME,
    "currentDueAt" DATETIME,
    "lapsedDueAt" DATETIME,
    "feedbackLapsedAt" DATETIME,
    "extensionDays" INTEGER NOT NULL DEFAULT 0,
    "repliedAt" DATETIME,
    "outcome" TEXT,
    "replyText" TEXT,
    "reviewWindowEndsAt" DATETIME,
    "reviewRequestedAt" DATETIME,
    "reviewDueAt" DATETIME,
    "reviewedAt" DATETIME,
    "reviewUnitId" TEXT,
    "reviewOutcome" TEXT,
    "reviewText" TEXT,
    "recheckWindowEndsAt" DATETIME,
    "recheckRequestedAt" DATETIME,
    "recheckDueAt" DATETIME,
    "recheckUnitId" TEXT,
    "recheckOutcome" TEXT,
    "recheckText" TEXT,
    "finalAt" DATETIME,
    "closedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "publishedAt" DATETIME,
    "publicTitle" TEXT,
    "publicSummary" TEXT,
    "publicReply" TEXT,
    "unitSatisfaction" TEXT,
    "bureauSatisfaction" TEXT,
    "evaluatedAt" DATETIME,
    "evaluationWindowEndsAt" DATETIME,
    "evaluationExpiredAt" DATETIME,
    "leaderTitle" TEXT,
    "leaderStartAt" DATETIME,
    "leaderTargetAt" DATETIME,
    "leaderEndedAt" DATETIME,
    "leaderResolved" BOOLEAN,
    "isRepeat" BOOLEAN NOT NULL DEFAULT false,
    "repeatOfId" TEXT,
    "headHash" TEXT,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Petition_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Petition_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Petition_accusedUnitId_fkey" FOREIGN KEY ("accusedUnitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Petition_currentUnitId_fkey" FOREIGN KEY ("currentUnitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Petition_handlingUnitId_fkey" FOREIGN KEY ("handlingUnitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Petition_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Petition" ("acceptDueAt", "acceptedAt", "accusedUnitId", "address", "arrivedAtUnitAt", "assigneeId", "categoryId", "channel", "closedAt", "consentPublic", "content", "createdAt", "currentDueAt", "currentUnitId", "decidedAt", "evaluatedAt", "eventCount", "extensionDays", "feedbackDueAt", "finalAt", "handleDueAt", "headHash", "id", "isCollective", "isRepeat", "outcome", "personCount", "petitionerEmail", "petitionerIdNumber", "petitionerName", "petitionerPhone", "placeId", "publicReply", "publicSummary", "publicTitle", "publishedAt", "queryCodeHash", "receivedAt", "recheckDueAt", "recheckRequestedAt", "repeatOfId", "repliedAt", "replyText", "returnDueAt", "reviewDueAt", "reviewRequestedAt", "reviewWindowEndsAt", "reviewedAt", "routeDueAt", "sourceDocNo", "state", "title", "trackingNo", "updatedAt", "version", "withdrawnAt", "unitSatisfaction", "handlingUnitId") SELECT "acceptDueAt", "acceptedAt", "accusedUnitId", "address", "arrivedAtUnitAt", "assigneeId", "categoryId", "channel", "closedAt", "consentPublic", "content", "createdAt", "currentDueAt", "currentUnitId", "decidedAt", "evaluatedAt", "eventCount", "extensionDays", "feedbackDueAt", "finalAt", "handleDueAt", "headHash", "id", "isCollective", "isRepeat", "outcome", "personCount", "petitionerEmail", "petitionerIdNumber", "petitionerName", "petitionerPhone", "placeId", "publicReply", "publicSummary", "publicTitle", "publishedAt", "queryCodeHash", "receivedAt", "recheckDueAt", "recheckRequestedAt", "repeatOfId", "repliedAt", "replyText", "returnDueAt", "reviewDueAt", "reviewRequestedAt", "reviewWindowEndsAt", "reviewedAt", "routeDueAt", "sourceDocNo", "state", "title", "trackingNo", "updatedAt", "version", "withdrawnAt", "satisfaction", "currentUnitId" FROM "Petition";
DROP TABLE "Petition";
ALTER TABLE "new_Petition" RENAME TO "Petition";
CREATE UNIQUE INDEX "Petition_trackingNo_key" ON "Petition"("trackingNo");
CREATE INDEX "Petition_currentUnitId_state_currentDueAt_idx" ON "Petition"("currentUnitId", "state", "currentDueAt");
CREATE INDEX "Petition_currentUnitId_currentDueAt_idx" ON "Petition"("currentUnitId", "currentDueAt");
CREATE INDEX "Petition_currentDueAt_idx" ON "Petition"("currentDueAt");
CREATE INDEX "Petition_state_receivedAt_idx" ON "Petition"("state", "receivedAt");
CREATE INDEX "Petition_receivedAt_idx" ON "Petition"("receivedAt");
CREATE INDEX "Petition_channel_receivedAt_idx" ON "Petition"("channel", "receivedAt");
CREATE INDEX "Petition_categoryId_receivedAt_idx" ON "Petition"("categoryId", "receivedAt");
CREATE INDEX "Petition_placeId_receivedAt_idx" ON "Petition"("placeId", "receivedAt");
CREATE INDEX "Petition_acceptDueAt_idx" ON "Petition"("acceptDueAt");
CREATE INDEX "Petition_handleDueAt_idx" ON "Petition"("handleDueAt");
CREATE INDEX "Petition_assigneeId_state_idx" ON "Petition"("assigneeId", "state");
CREATE INDEX "Petition_publishedAt_idx" ON "Petition"("publishedAt");
CREATE INDEX "Petition_handlingUnitId_receivedAt_idx" ON "Petition"("handlingUnitId", "receivedAt");
CREATE INDEX "Petition_state_reviewWindowEndsAt_idx" ON "Petition"("state", "reviewWindowEndsAt");
CREATE INDEX "Petition_state_recheckWindowEndsAt_idx" ON "Petition"("state", "recheckWindowEndsAt");
CREATE INDEX "Petition_evaluationWindowEndsAt_idx" ON "Petition"("evaluationWindowEndsAt");
CREATE INDEX "Petition_feedbackDueAt_idx" ON "Petition"("feedbackDueAt");
CREATE INDEX "Petition_leaderStartAt_idx" ON "Petition"("leaderStartAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionOrder_escalatedToId_key" ON "SupervisionOrder"("escalatedToId");

-- CreateIndex
CREATE INDEX "SupervisionOrder_petitionId_idx" ON "SupervisionOrder"("petitionId");

-- CreateIndex
CREATE INDEX "SupervisionOrder_targetUnitId_answeredAt_answerDueAt_idx" ON "SupervisionOrder"("targetUnitId", "answeredAt", "answerDueAt");

-- CreateIndex
CREATE INDEX "SupervisionOrder_answeredAt_answerDueAt_idx" ON "SupervisionOrder"("answeredAt", "answerDueAt");

-- CreateIndex
CREATE INDEX "SupervisionOrder_issuedAt_idx" ON "SupervisionOrder"("issuedAt");

