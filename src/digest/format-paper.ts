import type { DigestPaper } from "./digest";
import { readableText } from "../arxiv/readable-text";
import { readableMath } from "./readable-math";

/** Lists longer than this are shortened with a count: a 300-author paper is one line, not a page. */
const MAX_AUTHORS_SHOWN = 10;

/** "A, B, C", or for long lists the first nine, the last and the count: "A, …, Z (300 authors)". */
function formatAuthors(authors: readonly string[]): string {
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

/**
 * Text as a reader sees it in either part of the mail: LaTeX quotes and simple math made
 * readable. (Translation reads `readableText` only: the model is asked to keep `$…$` intact.)
 */
export function displayText(text: string): string {
  return readableMath(readableText(text));
}

/**
 * arXiv's feeds replace every URL in an abstract by the words "this https URL" (and translators
 * keep them, "此 https URL"). The real link is on the paper's abs page, so the words are
 * replaced by a pointer there: the reference digest's readers got a dead phrase instead.
 */
const URL_PLACEHOLDER = /(?:\bthis|此)\s*https?\s+URL\b/gi;

/** What stands in the text for arXiv's "this https URL", in each language. */
const URL_WORDS = { en: "the link on its arXiv page", zh: "arXiv 页面上的链接" } as const;

/** Plain text: the placeholder becomes "the link on its arXiv page (https://arxiv.org/abs/…)". */
export function withUrlPointer(text: string, abs: string, language: "en" | "zh"): string {
  return text.replace(URL_PLACEHOLDER, `${URL_WORDS[language]} (${abs})`);
}

/** HTML (already escaped): the placeholder becomes a link to the abs page. */
export function withUrlLink(html: string, absHtml: string, language: "en" | "zh"): string {
  return html.replace(
    URL_PLACEHOLDER,
    `<a href="${absHtml}" style="color:#0b57d0">${URL_WORDS[language]}</a>`,
  );
}
