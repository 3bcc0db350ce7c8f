import type { DigestLanguage, DigestPaper } from "./digest";
import { authorLine, displayText, subjectLine } from "./format-paper";
import { PerPaperCache } from "./per-paper-cache";
import { inReadersChinese } from "./digest-mail-parts";

/** A paper's lines as both parts of the mail show them (LaTeX made readable), not yet escaped. */
export interface PaperTexts {
  title: string;
  abstract: string;
  authors: string;
  subjects: string;
  zh?: { title: string; abstract: string; summary?: string };
}

const SUMMARY_LABEL = "一句话总结：";

/** Shown before the one-line summary, under the Chinese title (mail, text part, web view). */
export function summaryLabel(language: DigestLanguage | undefined): string {
  return inReadersChinese(language, SUMMARY_LABEL);
}

/** About 4 KB each: some 40 MB at most. */
const texts = new PerPaperCache<PaperTexts>(10_000);

/** The paper's display texts, made once per paper (and Chinese variant) in the process. */
export function paperTexts(paper: DigestPaper): PaperTexts {
  return texts.get(paper, [], () => ({
    title: displayText(paper.title),
    abstract: displayText(paper.abstract),
    authors: authorLine(paper),
    subjects: subjectLine(paper),
    zh: paper.translation && {
      title: displayText(paper.translation.title),
      abstract: displayText(paper.translation.abstract),
      summary: paper.translation.summary && displayText(paper.translation.summary),
    },
  }));
}
