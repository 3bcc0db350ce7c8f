-- CreateTable
CREATE TABLE "EditionRun" (
    "editionDate" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "detail" TEXT
);

