-- AlterTable
ALTER TABLE "Subscriber" ADD COLUMN "confirmTokenExpiresAt" DATETIME;
ALTER TABLE "Subscriber" ADD COLUMN "confirmTokenHash" TEXT;
ALTER TABLE "Subscriber" ADD COLUMN "linkMailedAt" DATETIME;
ALTER TABLE "Subscriber" ADD COLUMN "manageTokenHash" TEXT;
ALTER TABLE "Subscriber" ADD COLUMN "pendingSince" DATETIME;

