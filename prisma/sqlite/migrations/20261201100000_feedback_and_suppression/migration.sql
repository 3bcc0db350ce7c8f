-- Bounces and complaints reported after the fact (DSN, ARF, provider webhooks), one row per
-- report (eventKey makes a repeat change nothing), and the addresses they suppressed.
-- CreateTable
CREATE TABLE "FeedbackEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "deliveryId" INTEGER,
    "editionId" INTEGER,
    "status" TEXT,
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Suppression" (
    "email" TEXT NOT NULL PRIMARY KEY,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackEvent_eventKey_key" ON "FeedbackEvent"("eventKey");

-- CreateIndex
CREATE INDEX "FeedbackEvent_editionId_kind_idx" ON "FeedbackEvent"("editionId", "kind");

