import type { Digest, DigestLanguage, DigestPaper } from "./digest";
import { digestTimes, inReadersChinese, type DigestLinks } from "./digest-mail-parts";
import { withUrlPointer } from "./format-paper";
import { paperTexts, summaryLabel } from "./paper-texts";
import { PerPaperCache } from "./per-paper-cache";

/** One block per paper and Chinese variant, about 3 KB each: some 30 MB at most. */
const paperBlocks = new PerPaperCache<string>(10_000);

/** The notice for papers without Chinese, as the HTML part words it (emails/partials/header.mjml). */
const MISSING_TRANSLATIONS = {
  pending:
    "部分文章暂无中文翻译，先附英文原文。 Some papers are shown in English only; their translation is not ready.",
  off: "本服务未开启中文翻译，文章以英文原文呈现。 This service does not translate papers; they are shown in English.",
} as const;

/**
 * The plain-text part, laid out like the reference digest (shared/example-digest.txt) without
 * its flaws: subjects said once, real links, the unique count, a generation time that is real,
 * LaTeX made readable. Each paper's block is built once per process and reused by every digest.
 */
export function renderDigestText(digest: Digest, links: DigestLinks): string {
  const times = digestTimes(digest);
  const count = digest.uniquePaperCount;
  // Only the fixed Chinese words are converted for zh-TW (each once per process, then cached):
  // converting whole per-reader lines would cost a conversion per digest.
  const zh = (text: string) => inReadersChinese(digest.language, text);
  const lines = [
    `arXiv ${zh("每日论文")} · arXiv digest · ${digest.editionDate}`,
    `${zh("在浏览器中查看")} View in browser: ${links.webViewUrl}`,
    `arXiv ${zh("发布时间")} Announced: ${times.announcedArxiv} (${times.announcedLocal})`,
    `${zh("生成时间")} Generated: ${times.generatedLocal}`,
    `今天共有 ${count} ${zh("篇相关文章")} · ${count} matching ${count === 1 ? "paper" : "papers"}`,
    ...digest.sections.map((s) => `- ${s.query}: ${s.papers.length}`),
  ];
  if (digest.omittedPaperCount > 0) {
    lines.push(
      `另有 ${digest.omittedPaperCount} ${zh("篇超出每封上限，未列出。")} ${digest.omittedPaperCount} more matching papers were left out (limit per mail).`,
    );
  }
  if (digest.missingTranslations) lines.push(zh(MISSING_TRANSLATIONS[digest.missingTranslations]));
  // Concatenated, not joined: the ~100 KB of cached paper blocks stay a rope until encoded.
  let text = lines.join("\n");
  for (const section of digest.sections) {
    text += `\n\nKeyword: ${section.query} (${section.papers.length})`;
    for (const paper of section.papers) {
      text += `\n\n${paperBlocks.get(paper, [], () => paperBlock(paper, digest.language))}`;
    }
  }
  const keywords = digest.sections.map((s) => s.query).join(", ");
  const footer = [
    "",
    "--",
    `${zh("你收到这封邮件，是因为")} ${digest.recipient.email} ${zh("订阅了 arXiv 每日论文，关键词：")}${keywords}。`,
    `You receive this because ${digest.recipient.email} subscribed to the arXiv digest with the keywords ${keywords}.`,
    `${zh("管理关键词")} Manage keywords: ${links.manageUrl}`,
    `${zh("在浏览器中查看")} View in browser: ${links.webViewUrl}`,
    `${zh("退订")} Unsubscribe: ${links.unsubscribeUrl}`,
  ];
  return `${text}\n${footer.join("\n")}\n`;
}

/** `language` names the label only: a zh-TW paper's texts are already converted. */
function paperBlock(paper: DigestPaper, language: DigestLanguage | undefined): string {
  const texts = paperTexts(paper);
  const abs = paper.links.abs;
  const lines = [texts.title];
  if (texts.zh) lines.push(texts.zh.title);
  if (texts.zh?.summary) lines.push(`${summaryLabel(language)}${texts.zh.summary}`);
  lines.push(`- ${texts.authors}`, `- ${texts.subjects}`, `- Arxiv link: ${abs}`);
  if (paper.links.pdf) lines.push(`- Pdf link: ${paper.links.pdf}`);
  if (paper.links.html) lines.push(`- HTML link: ${paper.links.html}`);
  lines.push("- Abstract", withUrlPointer(texts.abstract, abs, "en"));
  if (texts.zh) {
    lines.push(
      inReadersChinese(language, "- 中文摘要"),
      withUrlPointer(texts.zh.abstract, abs, "zh"),
    );
  }
  return lines.join("\n");
}
