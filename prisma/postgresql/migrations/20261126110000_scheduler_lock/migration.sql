-- CreateTable
CREATE TABLE "EditionRun" (
    "editionDate" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "detail" TEXT,

    CONSTRAINT "EditionRun_pkey" PRIMARY KEY ("editionDate")
);

