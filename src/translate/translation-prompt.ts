import { SUMMARY_MAX_HAN } from "./check-summary";
import type { GlossaryTerm } from "./glossary";
import type { SourceText } from "./translator";

/**
 * The instructions for a chat model. Written against the flaws of the reference digest
 * (shared/example-digest.txt): acronyms and method names translated away, LLM → 法学硕士,
 * token → 代币, raw LaTeX quotes, "this https URL" translated. Only the glossary terms that
 * occur in the batch are listed, so the prompt stays short. With `summary` the same answer also
 * carries a one-line Chinese summary per paper (TRANSLATOR_SUMMARY): no request of its own.
 */
export function systemPrompt(terms: readonly GlossaryTerm[], summary = false): string {
  const rules = [
    "You translate arXiv paper titles and abstracts from English into Simplified Chinese (zh-CN) for researchers.",
    "Rules:",
    "1. Translate accurately and fluently, as a Chinese academic abstract would read. Do not summarise, add, explain or leave out anything.",
    "2. Copy these unchanged, character for character: LaTeX math ($...$, $$...$$, \\(...\\)), URLs, code and identifiers, names of people, methods, models, datasets and benchmarks, and acronyms (RL, PPO, LoRA). A translated term may be followed by its acronym in parentheses, as the source does.",
    '3. Keep the placeholder "this https URL" as it is.',
    "4. Use Chinese punctuation in Chinese sentences.",
  ];
  if (terms.length > 0) {
    rules.push(
      "5. Render these terms exactly so (an acronym may also stay as it is):",
      ...terms.map((term) => `   ${term.en} → ${term.zh}`),
    );
  }
  if (summary) {
    rules.push(
      `${terms.length > 0 ? 6 : 5}. Besides the full translation, write "summary": one Chinese sentence of at most ${SUMMARY_MAX_HAN} characters saying what the paper does and finds (一句话总结), with the same terms.`,
    );
  }
  const summaryField = summary ? ',"summary":"<一句话总结>"' : "";
  rules.push(
    "Answer with one JSON object and nothing else, no code fences:",
    `{"translations":[{"id":"<the paper's id>","title":"<Chinese title>","abstract":"<Chinese abstract>"${summaryField}}]}`,
    "with exactly one entry per paper you are given, using the same ids.",
  );
  return rules.join("\n");
}

/** The papers as JSON, and what was wrong with the previous answer for any of them. */
export function userMessage(
  items: readonly SourceText[],
  hints: ReadonlyMap<string, string> = new Map(),
): string {
  const papers = items.map(({ id, title, abstract }) => ({ id, title, abstract }));
  const fixes = items.flatMap((item) => {
    const hint = hints.get(item.id);
    return hint ? [`- id ${item.id}: ${hint}`] : [];
  });
  const body = JSON.stringify({ papers });
  return fixes.length === 0
    ? body
    : `${body}\n\nYour last answer for these papers had problems; fix them:\n${fixes.join("\n")}`;
}
