-- AlterTable
ALTER TABLE "Subscriber" ADD COLUMN     "confirmTokenExpiresAt" TIMESTAMP(3),
ADD COLUMN     "confirmTokenHash" TEXT,
ADD COLUMN     "linkMailedAt" TIMESTAMP(3),
ADD COLUMN     "manageTokenHash" TEXT,
ADD COLUMN     "pendingSince" TIMESTAMP(3);

