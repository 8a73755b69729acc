-- The public case list (lib/data/open-cases.ts): its order, newest first then by tracking number, as an index for
-- keyset paging (`after`), and lateFrom alone for counting the late and on-time cases.
CREATE INDEX "Petition_lateFrom_idx" ON "Petition"("lateFrom");
CREATE INDEX "Petition_receivedAt_trackingNo_idx" ON "Petition"("receivedAt", "trackingNo");
