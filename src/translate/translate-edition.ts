import type { Logger } from "pino";
import type { PaperTranslation, TranslationStore } from "./paper-translation";
import { readableText } from "../arxiv/readable-text";
import type { ConfiguredTranslator } from "./create-translator";
import { translateInBatches } from "./translate-batches";
import { REAL_CLOCK, type RetryClock } from "./translate-policy";

/** Translations are made into Simplified Chinese only; zh-TW is converted from it (to-traditional.ts). */
export const TRANSLATION_LANGUAGE = "zh-CN";

/** A matched paper version, in the order it should be translated when the cap bites. */
export interface PaperToTranslate {
  /** The Paper row id: one paper version. */
  paperId: number;
  title: string;
  abstract: string;
}

/** What a run did: papers asked for, and what that cost. */
export interface TranslateCounts {
  /** Matched papers that need Chinese: cached + translated + failed + overCap. */
  requested: number;
  translated: number;
  cached: number;
  failed: number;
  /** Left for a later run by TRANSLATOR_MAX_PAPERS. */
  overCap: number;
  requests: number;
  inputChars: number;
  outputChars: number;
}

export interface TranslateEditionDeps extends ConfiguredTranslator {
  store: TranslationStore;
  clock?: RetryClock;
  logger?: Pick<Logger, "info" | "warn" | "error">;
}

/**
 * The translation stage: of the given papers (those some active subscriber is about to be
 * mailed), translates the versions that have no Chinese yet, at most TRANSLATOR_MAX_PAPERS of
 * them, and stores each as soon as it is accepted. Returns every Chinese translation now known
 * for the papers, stored before or made now, and the counts. A paper that fails simply has none.
 */
export async function translateEdition(
  deps: TranslateEditionDeps,
  papers: readonly PaperToTranslate[],
): Promise<{ counts: TranslateCounts; translations: Map<number, PaperTranslation> }> {
  const { policy, logger } = deps;
  const translations = await deps.store.find(
    papers.map((p) => p.paperId),
    TRANSLATION_LANGUAGE,
  );
  const missing = papers.filter((p) => !translations.has(p.paperId));
  const todo = missing.slice(0, policy.maxPapers);
  const overCap = missing.length - todo.length;
  if (overCap > 0) {
    logger?.warn(
      { needed: missing.length, translating: todo.length, left: overCap },
      `translation cap reached: ${missing.length} papers need a translation, ${todo.length} are translated in this run ` +
        `(TRANSLATOR_MAX_PAPERS=${policy.maxPapers}); the other ${overCap} are shown in English`,
    );
  }
  const outcome = await translateInBatches(
    todo.map((p) => ({
      id: String(p.paperId),
      title: readableText(p.title),
      abstract: readableText(p.abstract),
    })),
    {
      ...deps,
      clock: deps.clock ?? REAL_CLOCK,
      onTranslated: async ({ id, ...translation }) => {
        const paperId = Number(id);
        await deps.store.save({
          paperId,
          language: TRANSLATION_LANGUAGE,
          ...translation,
          provider: deps.translator.provider,
        });
        translations.set(paperId, translation);
      },
    },
  );
  if (outcome.failed.size > 0) {
    logger?.warn(
      { failed: Object.fromEntries(outcome.failed) },
      `${outcome.failed.size} papers got no translation in this run; digests show them in English`,
    );
  }
  const counts: TranslateCounts = {
    requested: papers.length,
    translated: outcome.translated,
    cached: papers.length - missing.length,
    failed: outcome.failed.size,
    overCap,
    ...outcome.usage,
  };
  return { counts, translations };
}
