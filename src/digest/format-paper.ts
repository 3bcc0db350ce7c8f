import type { DigestPaper } from "./digest";
import { readableMath } from "./readable-math";

/** Lists longer than this are shortened with a count: a 300-author paper is one line, not a page. */
const MAX_AUTHORS_SHOWN = 10;

/** "A, B, C", or for long lists the first nine, the last and the count: "A, …, Z (300 authors)". */
export function formatAuthors(authors: readonly string[]): string {
  if (authors.length <= MAX_AUTHORS_SHOWN) return authors.join(", ");
  const shown = authors.slice(0, MAX_AUTHORS_SHOWN - 1).join(", ");
  return `${shown}, … ${authors.at(-1)} (${authors.length} authors)`;
}

export function authorLine(paper: DigestPaper): string {
  return `Authors: ${formatAuthors(paper.authors)}`;
}

export function subjectLine(paper: DigestPaper): string {
  return `Subjects: ${paper.subjects.join("; ")}`;
}

/** LaTeX quotes ``x'' become “x”; feeds carry them raw. */
export function readableText(text: string): string {
  return text.replace(/``(.+?)''/g, "“$1”").replace(/(^|[\s(])`([^`']+)'/g, "$1‘$2’");
}

/**
 * Text as a reader sees it in either part of the mail: LaTeX quotes and simple math made
 * readable. (Translation reads `readableText` only: the model is asked to keep `$…$` intact.)
 */
export function displayText(text: string): string {
  return readableMath(readableText(text));
}
