-- Bounces and complaints reported after the fact (DSN, ARF, provider webhooks), one row per
-- report (eventKey makes a repeat change nothing), and the addresses they suppressed.

-- CreateTable
CREATE TABLE "FeedbackEvent" (
    "id" SERIAL NOT NULL,
    "eventKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "deliveryId" INTEGER,
    "editionId" INTEGER,
    "status" TEXT,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "FeedbackEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("email")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackEvent_eventKey_key" ON "FeedbackEvent"("eventKey");

-- CreateIndex
CREATE INDEX "FeedbackEvent_editionId_kind_idx" ON "FeedbackEvent"("editionId", "kind");

