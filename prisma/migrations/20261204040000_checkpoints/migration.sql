-- The log of case states and its signed checkpoints (issue 11, lib/data/checkpoints.ts). Append-only, as the events:
-- the database refuses every UPDATE and DELETE of a leaf or a checkpoint.
CREATE TABLE "CheckpointLeaf" (
    "index" INTEGER NOT NULL PRIMARY KEY,
    "trackingNo" TEXT NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "headHash" TEXT NOT NULL,
    "checkpointSeq" INTEGER NOT NULL
);
CREATE INDEX "CheckpointLeaf_trackingNo_index_idx" ON "CheckpointLeaf"("trackingNo", "index");

CREATE TABLE "Checkpoint" (
    "seq" INTEGER NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL,
    "treeSize" INTEGER NOT NULL,
    "rootHash" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL
);
CREATE UNIQUE INDEX "Checkpoint_hash_key" ON "Checkpoint"("hash");

CREATE TRIGGER "CheckpointLeaf_no_update" BEFORE UPDATE ON "CheckpointLeaf"
BEGIN SELECT RAISE(ABORT, 'the checkpoint log is append-only'); END;
CREATE TRIGGER "CheckpointLeaf_no_delete" BEFORE DELETE ON "CheckpointLeaf"
BEGIN SELECT RAISE(ABORT, 'the checkpoint log is append-only'); END;
CREATE TRIGGER "Checkpoint_no_update" BEFORE UPDATE ON "Checkpoint"
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
CREATE TRIGGER "Checkpoint_no_delete" BEFORE DELETE ON "Checkpoint"
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
