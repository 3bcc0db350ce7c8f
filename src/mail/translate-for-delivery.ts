import type { Logger } from "pino";
import type { ConfiguredTranslator } from "../translate/create-translator";
import type { TranslationStore } from "../translate/paper-translation";
import type { EditionContent } from "../digest/edition-content";
import {
  TRANSLATION_LANGUAGE,
  translateEdition,
  type TranslateCounts,
} from "../translate/translate-edition";

/**
 * Runs the translation stage for a send: the papers the digests will show (`readers`, counted by
 * prepareDeliveries) are
 * translated where needed, and the content shows the translations from then on. Never throws and
 * never holds the mail back beyond the policy's budget: whatever fails is logged and those papers
 * go out in English with the digest's bilingual note. Returns undefined with TRANSLATOR=none.
 */
export interface TranslateDeps {
  /** The configured provider; undefined with TRANSLATOR=none. */
  translator(): ConfiguredTranslator | undefined;
  translations: TranslationStore;
  logger: Logger;
}

export async function translateForDelivery(
  deps: TranslateDeps,
  content: EditionContent,
  readers: ReadonlyMap<string, number>,
): Promise<TranslateCounts | undefined> {
  const configured = deps.translator();
  if (!configured) return undefined;
  const papers = content
    .papersShownTo(readers)
    .map(({ paperId, paper }) => ({ paperId, title: paper.title, abstract: paper.abstract }));
  const { translations: store, logger } = deps;
  try {
    const { counts, translations } = await translateEdition(
      { ...configured, store, logger },
      papers,
    );
    content.addTranslations(translations);
    logger.info(
      { edition: content.edition.date, provider: configured.translator.provider, ...counts },
      `translation: ${counts.translated} papers translated, ${counts.cached} already were, ` +
        `${counts.failed + counts.overCap} left in English, in ${counts.requests} requests`,
    );
    return counts;
  } catch (error) {
    logger.error(
      { err: error, edition: content.edition.date },
      "translation failed; the digests go out with English only where it is missing",
    );
    // Whatever was stored before the failure is shown all the same.
    const ids = papers.map((p) => p.paperId);
    content.addTranslations(await store.find(ids, TRANSLATION_LANGUAGE).catch(() => new Map()));
    return undefined;
  }
}
