import { readableText } from "../arxiv/readable-text";
import { checkSummary } from "./check-summary";
import type { Glossary } from "./glossary";
import { lostSpans } from "./protected-spans";
import type { SourceText, TranslatedText } from "./translator";

/** A translation after cleaning, and what is still wrong with it. */
export interface CheckedTranslation {
  value: TranslatedText;
  /** The translation cannot be shown: empty, not Chinese, or math / a URL lost. */
  hard: string[];
  /** A glossary term rendered some other way: worth asking again, not worth dropping it for. */
  soft: string[];
}

const HAN = /\p{Script=Han}/u;

/**
 * Cleans one answer and judges it. Cleaning: trimmed, LaTeX quotes ``x'' made “x”, known
 * mistranslations of glossary terms replaced (法学硕士 → 大语言模型 where the source says LLM).
 * Judging: see CheckedTranslation. A term missed in any other way is re-asked with a hint; when
 * the re-asks are spent the translation is kept, since a near-miss beats English only.
 */
export function checkTranslation(
  source: SourceText,
  answer: TranslatedText,
  glossary: Glossary,
): CheckedTranslation {
  const clean = (from: string, text: string) =>
    glossary.fixAvoided(from, readableText(text.trim()));
  const value = {
    id: source.id,
    title: clean(source.title, answer.title),
    abstract: clean(source.abstract, answer.abstract),
    summary: checkSummary(source, answer.summary, glossary),
  };
  if (value.title === "" || value.abstract === "") {
    return { value, hard: ["empty title or abstract"], soft: [] };
  }
  const hard: string[] = [];
  if (!HAN.test(value.abstract)) hard.push("the abstract is not in Chinese");
  for (const field of ["title", "abstract"] as const) {
    for (const span of lostSpans(source[field], value[field])) {
      hard.push(`the ${field} must keep ${span.text} exactly as written`);
    }
  }
  const soft = (["title", "abstract"] as const).flatMap((field) =>
    glossary
      .missedTerms(source[field], value[field])
      .map((term) => `translate "${term.en}" as ${term.zh}`),
  );
  return { value, hard, soft: [...new Set(soft)] };
}
