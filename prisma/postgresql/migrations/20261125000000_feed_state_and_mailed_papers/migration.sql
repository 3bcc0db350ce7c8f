-- CreateTable
CREATE TABLE "FeedState" (
    "feed" TEXT NOT NULL,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastBatchDate" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedState_pkey" PRIMARY KEY ("feed")
);

-- CreateTable
CREATE TABLE "MailedPaper" (
    "subscriberId" INTEGER NOT NULL,
    "arxivId" TEXT NOT NULL,
    "editionId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailedPaper_pkey" PRIMARY KEY ("subscriberId","arxivId")
);

-- CreateIndex
CREATE INDEX "MailedPaper_arxivId_idx" ON "MailedPaper"("arxivId");

-- AddForeignKey
ALTER TABLE "MailedPaper" ADD CONSTRAINT "MailedPaper_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

