/**
 * Text folding shared by queries and papers, so both sides always agree: Unicode compatibility
 * decomposition (NFKD) with combining marks removed, then lower case. "Schölkopf" → "scholkopf",
 * "ﬁne-tuning" → "fine-tuning". Anything that is not a letter or a digit separates words, so a
 * hyphen and a space are the same thing ("model-based" = "model based").
 */
function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** The folded words of a piece of text, in order (no stemming). */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

/** One word of a text: its folded form and where it stands in the original string. */
export interface TextWord {
  word: string;
  start: number;
  end: number;
}

// Most arXiv text is plain ASCII (the feeds write accents as TeX escapes): then lower case is the
// whole folding and offsets in the folded text are offsets in the original.
const ASCII = /^\p{ASCII}*$/u;
const ASCII_WORD = /[a-z0-9]+/g;
// A surface word keeps its combining marks so a decomposed "o\u0308" stays one word.
const UNICODE_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const SEPARATOR = /[^\p{L}\p{N}]+/u;

/**
 * Splits text into folded words with their offsets in the original string, so a match can be
 * shown as the words the paper actually wrote ("Diffusion Policies" for the query
 * `diffusion policy`). A surface word that folds into several ("½" → "1⁄2") yields several words
 * sharing its span.
 */
export function wordsWithOffsets(text: string): TextWord[] {
  const words: TextWord[] = [];
  if (ASCII.test(text)) {
    for (const m of text.toLowerCase().matchAll(ASCII_WORD)) {
      words.push({ word: m[0], start: m.index, end: m.index + m[0].length });
    }
    return words;
  }
  for (const m of text.matchAll(UNICODE_WORD)) {
    const end = m.index + m[0].length;
    for (const word of foldText(m[0]).split(SEPARATOR)) {
      if (word !== "") words.push({ word, start: m.index, end });
    }
  }
  return words;
}
