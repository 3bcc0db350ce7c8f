import type { Digest, DigestPaper } from "./digest";
import { digestTimes, type DigestLinks } from "./digest-mail-parts";
import { authorLine, readableText, subjectLine } from "./format-paper";

/**
 * The plain-text part, laid out like the reference digest (shared/example-digest.txt) without
 * its flaws: subjects said once, real links, the unique count, a generation time that is real.
 */
export function renderDigestText(digest: Digest, links: DigestLinks): string {
  const times = digestTimes(digest);
  const lines = [
    `arXiv 每日论文 · arXiv digest · ${digest.editionDate}`,
    `arXiv 发布时间 Announced: ${times.announcedArxiv} (${times.announcedLocal})`,
    `生成时间 Generated: ${times.generatedLocal}`,
    `今天共有 ${digest.uniquePaperCount} 篇相关文章 · ${digest.uniquePaperCount} matching papers`,
    ...digest.sections.map((s) => `- ${s.query}: ${s.papers.length}`),
  ];
  if (digest.omittedPaperCount > 0) {
    lines.push(
      `另有 ${digest.omittedPaperCount} 篇超出每封上限，未列出。 ${digest.omittedPaperCount} more matching papers were left out (limit per mail).`,
    );
  }
  if (digest.missingTranslations) {
    lines.push("部分文章暂无中文翻译，先附英文原文。 Some papers are shown in English only.");
  }
  for (const section of digest.sections) {
    lines.push("", `Keyword: ${section.query} (${section.papers.length})`);
    for (const paper of section.papers) lines.push("", ...paperLines(paper));
  }
  lines.push(
    "",
    "--",
    `你收到这封邮件，是因为 ${digest.recipient.email} 订阅了 arXiv 每日论文。`,
    `You receive this because ${digest.recipient.email} subscribed to the arXiv digest.`,
    `退订 Unsubscribe: ${links.unsubscribeUrl}`,
  );
  return `${lines.join("\n")}\n`;
}

function paperLines(paper: DigestPaper): string[] {
  const lines = [readableText(paper.title)];
  if (paper.translation) lines.push(paper.translation.title);
  lines.push(
    `- ${authorLine(paper)}`,
    `- ${subjectLine(paper)}`,
    `- Arxiv link: ${paper.links.abs}`,
    `- Pdf link: ${paper.links.pdf}`,
    "- Abstract",
    readableText(paper.abstract),
  );
  if (paper.translation) lines.push("- 中文摘要", paper.translation.abstract);
  return lines;
}
