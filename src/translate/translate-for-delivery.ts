import type { App } from "../container";
import type { Subscriber } from "../subscribers/subscriber";
import { createTranslationStore } from "../db/translation-store";
import type { EditionContent } from "../digest/edition-content";
import { TRANSLATION_LANGUAGE, translateEdition, type TranslateCounts } from "./translate-edition";

/**
 * Runs the translation stage for a send: the papers these subscribers' digests will show are
 * translated where needed, and the content shows the translations from then on. Never throws and
 * never holds the mail back beyond the policy's budget: whatever fails is logged and those papers
 * go out in English with the digest's bilingual note. Returns undefined with TRANSLATOR=none.
 */
export async function translateForDelivery(
  app: App,
  content: EditionContent,
  subscribers: readonly Subscriber[],
  options: { maxPapers: number; now: Date },
): Promise<TranslateCounts | undefined> {
  const configured = app.translator();
  if (!configured) return undefined;
  const papers = content
    .papersShownTo(subscribers, options)
    .map(({ paperId, paper }) => ({ paperId, title: paper.title, abstract: paper.abstract }));
  const store = createTranslationStore(app.db);
  try {
    const { counts, translations } = await translateEdition(
      { ...configured, store, logger: app.logger },
      papers,
    );
    content.addTranslations(translations);
    app.logger.info(
      { edition: content.edition.date, provider: configured.translator.provider, ...counts },
      `translation: ${counts.translated} papers translated, ${counts.cached} already were, ` +
        `${counts.failed + counts.overCap} left in English, in ${counts.requests} requests`,
    );
    return counts;
  } catch (error) {
    app.logger.error(
      { err: error, edition: content.edition.date },
      "translation failed; the digests go out with English only where it is missing",
    );
    // Whatever was stored before the failure is shown all the same.
    const ids = papers.map((p) => p.paperId);
    content.addTranslations(await store.find(ids, TRANSLATION_LANGUAGE).catch(() => new Map()));
    return undefined;
  }
}
