import { toTraditional } from "../translate/chinese-script";
import { ARXIV_TIME_ZONE, formatInZone } from "../arxiv/announcement-time";
import type { Digest, DigestLanguage } from "./digest";

/** What the mail around a digest needs beyond the digest: where to send people. */
export interface DigestLinks {
  unsubscribeUrl: string;
  /** The subscriber's page for keywords and settings. */
  manageUrl: string;
  /** This digest as a web page; also where shortened abstracts are read in full. */
  webViewUrl: string;
}

/** The header lines both parts share, so the HTML and the text never disagree. */
export function digestTimes(digest: Digest): {
  announcedArxiv: string;
  announcedLocal: string;
  generatedLocal: string;
} {
  const zone = digest.recipient.timeZone;
  return {
    announcedArxiv: formatInZone(digest.announcedAt, ARXIV_TIME_ZONE),
    announcedLocal: formatInZone(digest.announcedAt, zone),
    generatedLocal: formatInZone(digest.generatedAt, zone),
  };
}

/** Interface text is written in Simplified; a zh-TW reader gets it converted (OpenCC). */
export function inReadersChinese(language: DigestLanguage | undefined, text: string): string {
  return language === "zh-TW" ? toTraditional(text) : text;
}

/** Subject line in Chinese and English: date, unique count and the keywords. */
export function digestSubject(digest: Digest): string {
  const keywords = digest.sections.map((section) => section.query).join(", ");
  const subject = `arXiv ${inReadersChinese(digest.language, "每日论文")} ${digest.editionDate} · ${digest.uniquePaperCount} 篇 · ${keywords}`;
  return subject.length > 180 ? `${subject.slice(0, 179)}…` : subject;
}
