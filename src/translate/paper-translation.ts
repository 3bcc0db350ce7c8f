/** A paper version's title and abstract in one language. */
export interface PaperTranslation {
  title: string;
  abstract: string;
  /** 一句话总结: made in the same request as the translation, absent when off, missing or invalid. */
  summary?: string;
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
