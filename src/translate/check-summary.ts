import { readableText } from "../arxiv/readable-text";
import type { Glossary } from "./glossary";
import type { SourceText } from "./translator";

/** 一句话总结 is "at most about 60 characters": Han characters, counted after trimming. */
export const SUMMARY_MAX_HAN = 60;

/**
 * Everything else in a summary (acronyms, model names, digits, punctuation) may add this much:
 * "提出 LoRA-XL，在 ImageNet 上提升 3%" is fine, a paragraph of English with one Chinese word is not.
 */
const SUMMARY_MAX_CHARS = 100;

const HAN = /\p{Script=Han}/gu;
/** Latin words (acronyms, names), not letters: "LoRA" weighs one Chinese character. */
const LATIN_WORD = /\p{Script=Latin}+/gu;

/**
 * The summary to keep, cleaned as the translation is (trimmed, LaTeX quotes made readable, the
 * glossary's known mistranslations replaced), or undefined when there is none or it is wrong:
 * too long, no Chinese, or mostly English. The summary is optional everywhere: a wrong one is
 * dropped here and never fails the paper or asks the model again, so summaries cost no request.
 */
export function checkSummary(
  source: SourceText,
  summary: string | undefined,
  glossary: Glossary,
): string | undefined {
  if (summary === undefined) return undefined;
  const text = glossary.fixAvoided(
    `${source.title}\n${source.abstract}`,
    readableText(summary.replace(/\s+/g, " ").trim()),
  );
  const han = text.match(HAN)?.length ?? 0;
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  if (han === 0 || latinWords > han) return undefined;
  if (han > SUMMARY_MAX_HAN || [...text].length > SUMMARY_MAX_CHARS) return undefined;
  return text;
}
