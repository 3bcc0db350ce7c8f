-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "handedOverAt" DATETIME;
