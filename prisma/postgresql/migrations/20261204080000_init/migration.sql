-- PostgreSQL's first migration: the whole schema as prisma/migrations reaches it at 20261204070000_job_lease
-- (written with `prisma migrate diff --from-empty --to-schema-datamodel prisma/postgresql/schema.prisma --script`),
-- then what Prisma does not model, by hand: the append-only rules as triggers, and the trigram indexes that serve
-- the case-insensitive title searches (ILIKE '%…%', lib/data/queue.ts and lib/data/open-cases.ts).

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('GOVERNMENT', 'BUREAU', 'DEPARTMENT', 'TOWNSHIP', 'VILLAGE', 'LEGAL', 'DISCIPLINE');

-- CreateEnum
CREATE TYPE "CategoryKind" AS ENUM ('SUGGESTION', 'ACCUSATION', 'APPEAL', 'LEGAL');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('ONLINE', 'LETTER', 'VISIT', 'PHONE', 'FAX', 'HIGHER_TRANSFER', 'HIGHER_ASSIGN');

-- CreateEnum
CREATE TYPE "PetitionState" AS ENUM ('SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'REPLIED', 'IN_REVIEW', 'REVIEWED', 'IN_RECHECK', 'FINAL', 'CLOSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('SUPPORT', 'EXPLAIN', 'NOT_SUPPORT', 'ADOPT', 'PARTIAL_ADOPT', 'NOT_ADOPT');

-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('SATISFIED', 'BASIC', 'UNSATISFIED');

-- CreateEnum
CREATE TYPE "ExtensionDecision" AS ENUM ('APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "SupervisionMeasure" AS ENUM ('URGE', 'LETTER', 'INTERVIEW', 'NOTICE', 'LISTED');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'PETITIONER', 'INTERNAL');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('PETITIONER', 'STAFF', 'SYSTEM');

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('OFF', 'WORKDAY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('handler', 'supervisor', 'admin');

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" "UnitKind" NOT NULL,
    "parentId" TEXT,
    "path" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CategoryKind" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Petition" (
    "id" TEXT NOT NULL,
    "trackingNo" TEXT NOT NULL,
    "queryCodeHash" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
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
    "feedbackDueAt" TIMESTAMP(3),
    "state" "PetitionState" NOT NULL DEFAULT 'SUBMITTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "currentUnitId" TEXT NOT NULL,
    "handlingUnitId" TEXT,
    "assigneeId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "routeDueAt" TIMESTAMP(3),
    "arrivedAtUnitAt" TIMESTAMP(3),
    "acceptDueAt" TIMESTAMP(3),
    "returnDueAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "handleDueAt" TIMESTAMP(3),
    "currentDueAt" TIMESTAMP(3),
    "lapsedDueAt" TIMESTAMP(3),
    "feedbackLapsedAt" TIMESTAMP(3),
    "extensionDays" INTEGER NOT NULL DEFAULT 0,
    "repliedAt" TIMESTAMP(3),
    "outcome" "Outcome",
    "replyText" TEXT,
    "reviewWindowEndsAt" TIMESTAMP(3),
    "reviewRequestedAt" TIMESTAMP(3),
    "reviewDueAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewUnitId" TEXT,
    "reviewOutcome" "Outcome",
    "reviewText" TEXT,
    "recheckWindowEndsAt" TIMESTAMP(3),
    "recheckRequestedAt" TIMESTAMP(3),
    "recheckDueAt" TIMESTAMP(3),
    "recheckUnitId" TEXT,
    "recheckOutcome" "Outcome",
    "recheckText" TEXT,
    "finalAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "publicTitle" TEXT,
    "publicSummary" TEXT,
    "publicReply" TEXT,
    "unitSatisfaction" "Satisfaction",
    "bureauSatisfaction" "Satisfaction",
    "evaluatedAt" TIMESTAMP(3),
    "evaluationWindowEndsAt" TIMESTAMP(3),
    "evaluationExpiredAt" TIMESTAMP(3),
    "leaderTitle" TEXT,
    "leaderStartAt" TIMESTAMP(3),
    "leaderTargetAt" TIMESTAMP(3),
    "leaderEndedAt" TIMESTAMP(3),
    "leaderResolved" BOOLEAN,
    "lateFrom" TIMESTAMP(3),
    "isRepeat" BOOLEAN NOT NULL DEFAULT false,
    "repeatOfId" TEXT,
    "headHash" TEXT,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Petition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" TEXT NOT NULL,
    "petitionId" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "decision" "ExtensionDecision",
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,

    CONSTRAINT "ExtensionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionOrder" (
    "id" TEXT NOT NULL,
    "petitionId" TEXT NOT NULL,
    "measure" "SupervisionMeasure" NOT NULL,
    "message" TEXT NOT NULL,
    "issuedById" TEXT,
    "targetUnitId" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "answerDueAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "answerText" TEXT,
    "answeredById" TEXT,
    "overdueAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "escalatedToId" TEXT,

    CONSTRAINT "SupervisionOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Representative" (
    "id" TEXT NOT NULL,
    "petitionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "idNumber" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Representative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PetitionEvent" (
    "id" TEXT NOT NULL,
    "petitionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "visibility" "Visibility" NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "unitId" TEXT,
    "fromState" "PetitionState",
    "toState" "PetitionState",
    "note" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "chainVersion" INTEGER NOT NULL DEFAULT 1,
    "salt" TEXT,

    CONSTRAINT "PetitionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "date" TEXT NOT NULL,
    "kind" "HolidayKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowEndsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PetitionerSession" (
    "id" TEXT NOT NULL,
    "petitionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "PetitionerSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "FigureCell" (
    "month" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "FigureCell_pkey" PRIMARY KEY ("month","unitId","metric")
);

-- CreateTable
CREATE TABLE "CheckpointLeaf" (
    "index" INTEGER NOT NULL,
    "trackingNo" TEXT NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "headHash" TEXT NOT NULL,
    "checkpointSeq" INTEGER NOT NULL,

    CONSTRAINT "CheckpointLeaf_pkey" PRIMARY KEY ("index")
);

-- CreateTable
CREATE TABLE "Checkpoint" (
    "seq" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "treeSize" INTEGER NOT NULL,
    "rootHash" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "Checkpoint_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
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
CREATE INDEX "Petition_currentUnitId_state_currentDueAt_idx" ON "Petition"("currentUnitId", "state", "currentDueAt");

-- CreateIndex
CREATE INDEX "Petition_currentUnitId_currentDueAt_idx" ON "Petition"("currentUnitId", "currentDueAt");

-- CreateIndex
CREATE INDEX "Petition_currentDueAt_idx" ON "Petition"("currentDueAt");

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
CREATE INDEX "Petition_handlingUnitId_receivedAt_idx" ON "Petition"("handlingUnitId", "receivedAt");

-- CreateIndex
CREATE INDEX "Petition_currentUnitId_receivedAt_idx" ON "Petition"("currentUnitId", "receivedAt");

-- CreateIndex
CREATE INDEX "Petition_currentUnitId_categoryId_idx" ON "Petition"("currentUnitId", "categoryId");

-- CreateIndex
CREATE INDEX "Petition_receivedAt_lateFrom_idx" ON "Petition"("receivedAt", "lateFrom");

-- CreateIndex
CREATE INDEX "Petition_lateFrom_idx" ON "Petition"("lateFrom");

-- CreateIndex
CREATE INDEX "Petition_receivedAt_trackingNo_idx" ON "Petition"("receivedAt", "trackingNo");

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
CREATE INDEX "Petition_state_reviewWindowEndsAt_idx" ON "Petition"("state", "reviewWindowEndsAt");

-- CreateIndex
CREATE INDEX "Petition_state_recheckWindowEndsAt_idx" ON "Petition"("state", "recheckWindowEndsAt");

-- CreateIndex
CREATE INDEX "Petition_evaluationWindowEndsAt_idx" ON "Petition"("evaluationWindowEndsAt");

-- CreateIndex
CREATE INDEX "Petition_feedbackDueAt_idx" ON "Petition"("feedbackDueAt");

-- CreateIndex
CREATE INDEX "Petition_leaderStartAt_idx" ON "Petition"("leaderStartAt");

-- CreateIndex
CREATE INDEX "ExtensionRequest_petitionId_idx" ON "ExtensionRequest"("petitionId");

-- CreateIndex
CREATE INDEX "ExtensionRequest_decision_requestedAt_idx" ON "ExtensionRequest"("decision", "requestedAt");

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

-- CreateIndex
CREATE INDEX "SupervisionOrder_targetUnitId_issuedAt_idx" ON "SupervisionOrder"("targetUnitId", "issuedAt");

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

-- CreateIndex
CREATE INDEX "StaffSession_userId_idx" ON "StaffSession"("userId");

-- CreateIndex
CREATE INDEX "StaffSession_lastSeenAt_idx" ON "StaffSession"("lastSeenAt");

-- CreateIndex
CREATE INDEX "PetitionerSession_petitionId_idx" ON "PetitionerSession"("petitionId");

-- CreateIndex
CREATE INDEX "PetitionerSession_expiresAt_idx" ON "PetitionerSession"("expiresAt");

-- CreateIndex
CREATE INDEX "CheckpointLeaf_trackingNo_index_idx" ON "CheckpointLeaf"("trackingNo", "index");

-- CreateIndex
CREATE UNIQUE INDEX "Checkpoint_hash_key" ON "Checkpoint"("hash");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_accusedUnitId_fkey" FOREIGN KEY ("accusedUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_currentUnitId_fkey" FOREIGN KEY ("currentUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_handlingUnitId_fkey" FOREIGN KEY ("handlingUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionOrder" ADD CONSTRAINT "SupervisionOrder_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionOrder" ADD CONSTRAINT "SupervisionOrder_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionOrder" ADD CONSTRAINT "SupervisionOrder_targetUnitId_fkey" FOREIGN KEY ("targetUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionOrder" ADD CONSTRAINT "SupervisionOrder_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionEvent" ADD CONSTRAINT "PetitionEvent_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionEvent" ADD CONSTRAINT "PetitionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionEvent" ADD CONSTRAINT "PetitionEvent_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionerSession" ADD CONSTRAINT "PetitionerSession_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Append-only history (hand-written; the same rules as SQLite's triggers in prisma/migrations/*_init,
-- *_event_append_only_insert and *_checkpoints, tested by tests/append-only.test.ts on both databases).
-- A case's events, the checkpoint log's leaves and the signed checkpoints are never changed and never removed:
-- UPDATE (also the one behind INSERT … ON CONFLICT DO UPDATE), DELETE (also a cascade from a deleted case) and
-- TRUNCATE (also TRUNCATE … CASCADE of a table they refer to) are refused with the same message as on SQLite.
-- PostgreSQL has no INSERT OR REPLACE: an insert that collides with a unique key fails by itself.
-- ---------------------------------------------------------------------------
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'raise_exception';
END;
$$;

CREATE TRIGGER "PetitionEvent_no_update_or_delete" BEFORE UPDATE OR DELETE ON "PetitionEvent"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"('PetitionEvent is append-only');
CREATE TRIGGER "PetitionEvent_no_truncate" BEFORE TRUNCATE ON "PetitionEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"('PetitionEvent is append-only');
CREATE TRIGGER "CheckpointLeaf_no_update_or_delete" BEFORE UPDATE OR DELETE ON "CheckpointLeaf"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"('the checkpoint log is append-only');
CREATE TRIGGER "CheckpointLeaf_no_truncate" BEFORE TRUNCATE ON "CheckpointLeaf"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"('the checkpoint log is append-only');
CREATE TRIGGER "Checkpoint_no_update_or_delete" BEFORE UPDATE OR DELETE ON "Checkpoint"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"('checkpoints are append-only');
CREATE TRIGGER "Checkpoint_no_truncate" BEFORE TRUNCATE ON "Checkpoint"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"('checkpoints are append-only');

-- ---------------------------------------------------------------------------
-- Case-insensitive "contains" searches: a trigram index serves ILIKE '%…%' (pg_trgm ships with PostgreSQL).
-- ---------------------------------------------------------------------------
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Petition_title_trgm_idx" ON "Petition" USING gin ("title" gin_trgm_ops);
CREATE INDEX "Petition_publicTitle_trgm_idx" ON "Petition" USING gin ("publicTitle" gin_trgm_ops);
