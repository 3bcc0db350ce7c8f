-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "linkTokenHash" TEXT;

