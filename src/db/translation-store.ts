import type { PaperTranslation, TranslationStore } from "../translate/paper-translation";
import type { Db } from "./create-database";
import { isUniqueViolation } from "./unique-violation";

/** Stays well under SQLite's limit on bound parameters per statement. */
const QUERY_CHUNK = 5_000;

export function createTranslationStore(db: Db): TranslationStore {
  return {
    async find(paperIds, language) {
      const found = new Map<number, PaperTranslation>();
      for (let start = 0; start < paperIds.length; start += QUERY_CHUNK) {
        const rows = await db.translation.findMany({
          where: { language, paperId: { in: paperIds.slice(start, start + QUERY_CHUNK) } },
          select: { paperId: true, title: true, abstract: true, summary: true },
        });
        for (const { paperId, title, abstract, summary } of rows) {
          found.set(paperId, summary === null ? { title, abstract } : { title, abstract, summary });
        }
      }
      return found;
    },
    async save(t) {
      // Two runs at once may both translate a paper: the first stored stays, the second is dropped.
      try {
        await db.translation.upsert({
          where: { paperId_language: { paperId: t.paperId, language: t.language } },
          create: t,
          update: {},
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },
  };
}
