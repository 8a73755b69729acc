-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" TEXT NOT NULL,
    "parentId" TEXT,
    "path" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "Petition" (
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
    "petitionerPhone" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "Representative" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "petitionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "idNumber" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Representative_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PetitionEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "petitionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "unitId" TEXT,
    "fromState" TEXT,
    "toState" TEXT,
    "note" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "occurredAt" DATETIME NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "PetitionEvent_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PetitionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PetitionEvent_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Holiday" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "windowEndsAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "Unit_path_idx" ON "Unit"("path");

-- CreateIndex
CREATE INDEX "Unit_kind_idx" ON "Unit"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Category_code_key" ON "Category"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Petition_trackingNo_key" ON "Petition"("trackingNo");

-- CreateIndex
CREATE INDEX "Petition_currentUnitId_state_acceptDueAt_idx" ON "Petition"("currentUnitId", "state", "acceptDueAt");

-- CreateIndex
CREATE INDEX "Petition_currentUnitId_state_handleDueAt_idx" ON "Petition"("currentUnitId", "state", "handleDueAt");

-- CreateIndex
CREATE INDEX "Petition_state_receivedAt_idx" ON "Petition"("state", "receivedAt");

-- CreateIndex
CREATE INDEX "Petition_receivedAt_idx" ON "Petition"("receivedAt");

-- CreateIndex
CREATE INDEX "Petition_channel_receivedAt_idx" ON "Petition"("channel", "receivedAt");

-- CreateIndex
CREATE INDEX "Petition_categoryId_receivedAt_idx" ON "Petition"("categoryId", "receivedAt");

-- CreateIndex
CREATE INDEX "Petition_placeId_receivedAt_idx" ON "Petition"("placeId", "receivedAt");

-- CreateIndex
CREATE INDEX "Petition_acceptDueAt_idx" ON "Petition"("acceptDueAt");

-- CreateIndex
CREATE INDEX "Petition_handleDueAt_idx" ON "Petition"("handleDueAt");

-- CreateIndex
CREATE INDEX "Petition_assigneeId_state_idx" ON "Petition"("assigneeId", "state");

-- CreateIndex
CREATE INDEX "Petition_publishedAt_idx" ON "Petition"("publishedAt");

-- CreateIndex
CREATE INDEX "Representative_petitionId_idx" ON "Representative"("petitionId");

-- CreateIndex
CREATE UNIQUE INDEX "PetitionEvent_hash_key" ON "PetitionEvent"("hash");

-- CreateIndex
CREATE INDEX "PetitionEvent_type_occurredAt_idx" ON "PetitionEvent"("type", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "PetitionEvent_petitionId_seq_key" ON "PetitionEvent"("petitionId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_unitId_role_idx" ON "User"("unitId", "role");


-- ---------------------------------------------------------------------------
-- Hand-written below (Prisma does not model triggers; keep this when editing).
-- PetitionEvent is the append-only audit timeline whose rows are hash-chained
-- (prevHash -> hash). The application never changes or removes an event, so the
-- database refuses to as well: a bug, a stray script or a manual edit cannot
-- rewrite history without first dropping these triggers, which is visible in the
-- migration history. Consequences by design: deleting a Petition, User or Unit
-- that events refer to fails too (the FK's SET NULL / RESTRICT would touch events).
-- NOTE: if a later migration "redefines" PetitionEvent (SQLite's copy-and-rename
-- for column changes), DROP TABLE removes these triggers: re-create them there.
-- ---------------------------------------------------------------------------

-- CreateTrigger
CREATE TRIGGER "PetitionEvent_no_update"
BEFORE UPDATE ON "PetitionEvent"
BEGIN
    SELECT RAISE(ABORT, 'PetitionEvent is append-only');
END;

-- CreateTrigger
CREATE TRIGGER "PetitionEvent_no_delete"
BEFORE DELETE ON "PetitionEvent"
BEGIN
    SELECT RAISE(ABORT, 'PetitionEvent is append-only');
END;
