import type { Db } from "./create-database";
import { isUniqueViolation } from "./unique-violation";

/** A paper version's title and abstract in one language. */
export interface PaperTranslation {
  title: string;
  abstract: string;
}

interface NewTranslation extends PaperTranslation {
  /** The Paper row: one paper version. */
  paperId: number;
  language: string;
  provider: string;
}

/** Translations, one per (paper version, language), made once and kept. */
export interface TranslationStore {
  /** The translations into `language` that exist for these paper versions, by paper id. */
  find(paperIds: readonly number[], language: string): Promise<Map<number, PaperTranslation>>;
  /** Keeps a translation; one already stored for the same version and language wins. */
  save(translation: NewTranslation): Promise<void>;
}

/** Stays well under SQLite's limit on bound parameters per statement. */
const QUERY_CHUNK = 5_000;

export function createTranslationStore(db: Db): TranslationStore {
  return {
    async find(paperIds, language) {
      const found = new Map<number, PaperTranslation>();
      for (let start = 0; start < paperIds.length; start += QUERY_CHUNK) {
        const rows = await db.translation.findMany({
          where: { language, paperId: { in: paperIds.slice(start, start + QUERY_CHUNK) } },
          select: { paperId: true, title: true, abstract: true },
        });
        for (const row of rows)
          found.set(row.paperId, { title: row.title, abstract: row.abstract });
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
