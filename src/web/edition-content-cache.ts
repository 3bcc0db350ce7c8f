import type { Edition, EditionStore } from "../arxiv/edition";
import { EditionContent, type ContentSettings } from "../digest/edition-content";

/** Editions kept in memory: the latest (previews) and a few recent ones (web views). */
const EDITIONS_KEPT = 3;
/** Translations arrive while an edition is being sent: a kept edition is reloaded this often. */
const KEPT_FOR_MS = 5 * 60_000;

/**
 * Loads an edition's papers and matcher once and keeps the few most recently used, so a page
 * view costs one match, not a load. Papers already mailed to a subscriber in other editions are
 * not taken out here (that needs every subscriber's history): a page may show a paper the mail
 * left out for that reason.
 */
export function createEditionContentCache(deps: {
  editions: Pick<EditionStore, "papersOf">;
  settings: ContentSettings;
}) {
  const kept = new Map<number, { content: EditionContent; loadedAt: number }>();
  return async (edition: Edition): Promise<EditionContent> => {
    const known = kept.get(edition.id);
    kept.delete(edition.id);
    if (known && Date.now() - known.loadedAt < KEPT_FOR_MS) {
      kept.set(edition.id, known);
      return known.content;
    }
    const papers = await deps.editions.papersOf(edition.id);
    const content = new EditionContent(edition, papers, deps.settings);
    kept.set(edition.id, { content, loadedAt: Date.now() });
    if (kept.size > EDITIONS_KEPT) kept.delete(kept.keys().next().value as number);
    return content;
  };
}

export type EditionContentCache = ReturnType<typeof createEditionContentCache>;
