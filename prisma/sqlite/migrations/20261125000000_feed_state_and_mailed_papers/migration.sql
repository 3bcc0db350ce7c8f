-- CreateTable
CREATE TABLE "FeedState" (
    "feed" TEXT NOT NULL PRIMARY KEY,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastBatchDate" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MailedPaper" (
    "subscriberId" INTEGER NOT NULL,
    "arxivId" TEXT NOT NULL,
    "editionId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("subscriberId", "arxivId"),
    CONSTRAINT "MailedPaper_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MailedPaper_arxivId_idx" ON "MailedPaper"("arxivId");

