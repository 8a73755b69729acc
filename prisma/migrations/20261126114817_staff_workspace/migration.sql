-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "petitionId" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" TEXT,
    "requestedAt" DATETIME NOT NULL,
    "decision" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    CONSTRAINT "ExtensionRequest_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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
    "extensionDays" INTEGER NOT NULL DEFAULT 0,
    "repliedAt" DATETIME,
    "outcome" TEXT,
    "replyText" TEXT,
    "reviewWindowEndsAt" DATETIME,
    "reviewRequestedAt" DATETIME,
    "reviewDueAt" DATETIME,
    "reviewedAt" DATETIME,
    "recheckRequestedAt" DATETIME,
    "recheckDueAt" DATETIME,
    "finalAt" DATETIME,
    "closedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "publishedAt" DATETIME,
    "publicTitle" TEXT,
    "publicSummary" TEXT,
    "publicReply" TEXT,
    "satisfaction" TEXT,
    "evaluatedAt" DATETIME,
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
    CONSTRAINT "Petition_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Petition" ("acceptDueAt", "acceptedAt", "accusedUnitId", "address", "arrivedAtUnitAt", "assigneeId", "categoryId", "channel", "closedAt", "consentPublic", "content", "createdAt", "currentUnitId", "decidedAt", "evaluatedAt", "eventCount", "extensionDays", "feedbackDueAt", "finalAt", "handleDueAt", "headHash", "id", "isCollective", "isRepeat", "outcome", "personCount", "petitionerEmail", "petitionerIdNumber", "petitionerName", "petitionerPhone", "placeId", "publicReply", "publicSummary", "publicTitle", "publishedAt", "queryCodeHash", "receivedAt", "recheckDueAt", "recheckRequestedAt", "repeatOfId", "repliedAt", "replyText", "returnDueAt", "reviewDueAt", "reviewRequestedAt", "reviewWindowEndsAt", "reviewedAt", "routeDueAt", "satisfaction", "sourceDocNo", "state", "title", "trackingNo", "updatedAt", "version", "withdrawnAt") SELECT "acceptDueAt", "acceptedAt", "accusedUnitId", "address", "arrivedAtUnitAt", "assigneeId", "categoryId", "channel", "closedAt", "consentPublic", "content", "createdAt", "currentUnitId", "decidedAt", "evaluatedAt", "eventCount", "extensionDays", "feedbackDueAt", "finalAt", "handleDueAt", "headHash", "id", "isCollective", "isRepeat", "outcome", "personCount", "petitionerEmail", "petitionerIdNumber", "petitionerName", "petitionerPhone", "placeId", "publicReply", "publicSummary", "publicTitle", "publishedAt", "queryCodeHash", "receivedAt", "recheckDueAt", "recheckRequestedAt", "repeatOfId", "repliedAt", "replyText", "returnDueAt", "reviewDueAt", "reviewRequestedAt", "reviewWindowEndsAt", "reviewedAt", "routeDueAt", "satisfaction", "sourceDocNo", "state", "title", "trackingNo", "updatedAt", "version", "withdrawnAt" FROM "Petition";
DROP TABLE "Petition";
ALTER TABLE "new_Petition" RENAME TO "Petition";
CREATE UNIQUE INDEX "Petition_trackingNo_key" ON "Petition"("trackingNo");
CREATE INDEX "Petition_currentUnitId_state_currentDueAt_idx" ON "Petition"("currentUnitId", "state", "currentDueAt");
CREATE INDEX "Petition_currentUnitId_currentDueAt_idx" ON "Petition"("currentUnitId", "currentDueAt");
CREATE INDEX "Petition_currentDueAt_idx" ON "Petition"("currentDueAt");
CREATE INDEX "Petition_currentUnitId_state_acceptDueAt_idx" ON "Petition"("currentUnitId", "state", "acceptDueAt");
CREATE INDEX "Petition_currentUnitId_state_handleDueAt_idx" ON "Petition"("currentUnitId", "state", "handleDueAt");
CREATE INDEX "Petition_state_receivedAt_idx" ON "Petition"("state", "receivedAt");
CREATE INDEX "Petition_receivedAt_idx" ON "Petition"("receivedAt");
CREATE INDEX "Petition_channel_receivedAt_idx" ON "Petition"("channel", "receivedAt");
CREATE INDEX "Petition_categoryId_receivedAt_idx" ON "Petition"("categoryId", "receivedAt");
CREATE INDEX "Petition_placeId_receivedAt_idx" ON "Petition"("placeId", "receivedAt");
CREATE INDEX "Petition_acceptDueAt_idx" ON "Petition"("acceptDueAt");
CREATE INDEX "Petition_handleDueAt_idx" ON "Petition"("handleDueAt");
CREATE INDEX "Petition_assigneeId_state_idx" ON "Petition"("assigneeId", "state");
CREATE INDEX "Petition_publishedAt_idx" ON "Petition"("publishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ExtensionRequest_petitionId_idx" ON "ExtensionRequest"("petitionId");

-- CreateIndex
CREATE INDEX "ExtensionRequest_decision_requestedAt_idx" ON "ExtensionRequest"("decision", "requestedAt");

