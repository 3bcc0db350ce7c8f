-- The hourly send limit counts what was sent since an hour ago: an index on sentAt makes that a
-- short range instead of a walk over every delivery ever sent. The (status, nextAttemptAt) index
-- had no query left that needed it, and cost two index updates per message sent.

-- DropIndex
DROP INDEX "Delivery_status_nextAttemptAt_idx";

-- CreateIndex
CREATE INDEX "Delivery_sentAt_idx" ON "Delivery"("sentAt");
