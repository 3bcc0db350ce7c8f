import fs from "node:fs";
import path from "node:path";
import { parseArxivFeed } from "../../../../src/arxiv/parse-arxiv-feed";
import { buildDigest } from "../../../../src/digest/build-digest";
import type { Digest, DigestPaper } from "../../../../src/digest/digest";
import { digestPaperOf } from "../../../../src/digest/edition-content";
import type { DigestLinks } from "../../../../src/digest/digest-mail-parts";
import { EditionMatcher } from "../../../../src/match/edition-matcher";
import { parseQuery } from "../../../../src/match/query";
import { createChineseBridge } from "../../../../src/translate/chinese-bridge";
import { glossaryOf } from "../../../../src/translate/create-translator";

const FEED = path.join(__dirname, "..", "..", "..", "fixtures", "example-digest-papers.rss.xml");
/** The Chinese of the reference digest (shared/example-digest.txt), by arXiv id. */
const CHINESE = path.join(__dirname, "..", "fixtures", "example-digest-zh.json");

export const SAMPLE_LINKS: DigestLinks = {
  unsubscribeUrl: "https://digest.example.org/unsubscribe/17.AbCdEfGhIjKlMnOpQrStUv",
  manageUrl: "https://digest.example.org/manage/17.AbCdEfGhIjKlMnOpQrStUv",
  webViewUrl: "https://digest.example.org/digest/2025-10-17/17.AbCdEfGhIjKlMnOpQrStUv",
};

/** The reference digest's real papers, each with its real Chinese translation, by paper id. */
export async function samplePapers(): Promise<{
  papers: Map<number, DigestPaper>;
  matcher: EditionMatcher;
}> {
  const feed = await parseArxivFeed(fs.readFileSync(FEED, "utf8"), FEED);
  const chinese = JSON.parse(fs.readFileSync(CHINESE, "utf8")) as Record<
    string,
    { title: string; abstract: string }
  >;
  const stored = feed.items.map(({ paper }, id) => ({ ...paper, id }));
  const papers = new Map(
    stored.map((paper) => [paper.id, digestPaperOf(paper, chinese[paper.arxivId])]),
  );
  const withChinese = stored.map((paper) => ({ ...paper, zh: chinese[paper.arxivId] }));
  const bridge = createChineseBridge(glossaryOf({ glossary: [] }));
  return { papers, matcher: new EditionMatcher(withChinese, bridge) };
}

/**
 * The reference digest rebuilt: keywords "reinforcement learning" and "diffusion policy" over
 * its 34 papers, one of them in both sections (35 cards), matched terms from the real matcher.
 */
export async function sampleDigest(
  recipient = { email: "reader@example.org", timeZone: "Asia/Shanghai" },
): Promise<Digest> {
  const { papers, matcher } = await samplePapers();
  const digest = buildDigest({
    editionDate: "2025-10-17",
    announcedAt: new Date("2025-10-17T00:00:00Z"),
    generatedAt: new Date("2025-10-17T00:30:00Z"),
    recipient,
    queries: ['"reinforcement learning"', '"diffusion policy"'].map(parseQuery),
    matchQuery: (query) => matcher.match(query),
    matchedTerms: (query) => matcher.matchedTerms(query),
    papers,
    maxPapers: 100,
  });
  if (!digest) throw new Error("the sample feed no longer matches the sample keywords");
  return { ...digest, language: "zh-CN" };
}
