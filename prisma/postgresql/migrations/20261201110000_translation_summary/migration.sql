-- The one-line Chinese summary (一句话总结) written with the translation; optional, so null for
-- translations made before, with TRANSLATOR_SUMMARY=false, and with DeepL.
-- AlterTable
ALTER TABLE "Translation" ADD COLUMN "summary" TEXT;
