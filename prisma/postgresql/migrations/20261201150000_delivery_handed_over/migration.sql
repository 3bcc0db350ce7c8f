-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "handedOverAt" TIMESTAMP(3);
