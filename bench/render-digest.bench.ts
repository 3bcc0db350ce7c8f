import fs from "node:fs/promises";
import path from "node:path";
import mjml2html from "mjml";
import Mustache from "mustache";
import { DEFAULT_TEMPLATE, mjmlOptions } from "../src/digest/compile-digest-layout";
import { compileDigestTemplate, pageView } from "../src/digest/digest-html-template";
import { buildDigest } from "../src/digest/build-digest";
import type { Digest, DigestPaper } from "../src/digest/digest";
import type { DigestLinks } from "../src/digest/digest-mail-parts";
import { escapeHtml } from "../src/digest/escape-html";
import { abstractsView, fixedCardView } from "../src/digest/paper-card";
import { renderDigestText } from "../src/digest/render-digest-text";
import { parseQuery } from "../src/match/query";
import { toTraditional } from "../src/translate/chinese-script";
import { samplePapers } from "../test/unit/digest/support/sample-digest";
import { ratePerSecond, round, type Figure } from "./figures";

/** What subscribers differ by: keyword order and sets, Chinese variant, time zone, links. */
const QUERY_SETS = [
  ['"reinforcement learning"', '"diffusion policy"'],
  ['"diffusion policy"', '"reinforcement learning"'],
  ['"reinforcement learning"', "robot OR robotic"],
].map((set) => set.map(parseQuery));
const ZONES = ["Asia/Shanghai", "Asia/Taipei", "Europe/Berlin", "America/Los_Angeles"];

function linksFor(i: number): DigestLinks {
  const key = `${i}.${i.toString(36).padStart(22, "x")}`;
  return {
    unsubscribeUrl: `https://digest.example.org/unsubscribe/${key}`,
    manageUrl: `https://digest.example.org/manage/${key}`,
    webViewUrl: `https://digest.example.org/digest/2025-10-17/${key}`,
  };
}

/** The papers as a zh-TW reader gets them: converted once per paper, as EditionContent does. */
function traditional(papers: Map<number, DigestPaper>): Map<number, DigestPaper> {
  return new Map(
    [...papers].map(([id, paper]) => [
      id,
      paper.translation
        ? {
            ...paper,
            translation: {
              title: toTraditional(paper.translation.title),
              abstract: toTraditional(paper.translation.abstract),
            },
          }
        : paper,
    ]),
  );
}

/** The layout with its partials pasted in (recursively), so Mustache can fill them before MJML. */
async function inlinePartials(file: string): Promise<string> {
  const source = await fs.readFile(file, "utf8");
  let inlined = source;
  for (const [tag, partial = ""] of source.matchAll(/<mj-include path="([^"]+)" \/>/g)) {
    inlined = inlined.replace(tag, await inlinePartials(path.join(path.dirname(file), partial)));
  }
  return inlined;
}

/**
 * Every value the MJML source's tags read, cards included (whole abstracts), for filling the
 * source itself: the naive way this bench compares against (Mustache, then MJML, per subscriber).
 */
function digestView(digest: Digest, links: DigestLinks): object {
  const zhLang = digest.language ?? "zh-CN";
  return {
    ...pageView(digest, links),
    shortened: false,
    shortenedNotice: "",
    sections: digest.sections.map((section, sectionIndex) => ({
      index: sectionIndex,
      query: section.query,
      count: section.papers.length,
      papers: section.papers.map((paper) => {
        const fixed = fixedCardView(paper, { sectionIndex, zhLang });
        return { ...fixed, ...abstractsView(paper, fixed) };
      }),
    })),
  };
}

/**
 * Personalised digests of the reference edition's 34 real bilingual papers (35 cards; about
 * 145 KB unshortened, so the size budget shortens them): the compiled template against MJML run
 * per subscriber, both with the text part, in the same run.
 */
export async function benchRender(): Promise<Figure[]> {
  const { papers, matcher } = await samplePapers();
  const papersTw = traditional(papers);
  const digestFor = (i: number): Digest => {
    const zhTw = i % 4 === 3;
    const digest = buildDigest({
      editionDate: "2025-10-17",
      announcedAt: new Date("2025-10-17T00:00:00Z"),
      generatedAt: new Date(),
      recipient: { email: `reader${i}@example.org`, timeZone: ZONES[i % ZONES.length] ?? "UTC" },
      queries: QUERY_SETS[i % QUERY_SETS.length] ?? [],
      matchQuery: (query) => matcher.match(query),
      matchedTerms: (query) => matcher.matchedTerms(query),
      papers: zhTw ? papersTw : papers,
      maxPapers: 100,
    });
    if (!digest) throw new Error("the bench's keywords match nothing");
    return { ...digest, language: zhTw ? "zh-TW" : "zh-CN" };
  };
  const template = await compileDigestTemplate();
  let n = 0;
  const renderRate = (prepare: (digest: Digest) => Digest, encode: boolean, ms: number) =>
    ratePerSecond(() => {
      const i = n++;
      const digest = prepare(digestFor(i));
      const links = linksFor(i);
      const html = template.render(digest, links);
      const text = renderDigestText(digest, links);
      // Rendering returns ropes; encoding flattens them, a cost otherwise paid on the send path.
      if (encode) Buffer.from(html + text);
    }, ms);
  const compiled = await renderRate((digest) => digest, false, 4000);
  const encoded = await renderRate((digest) => digest, true, 3000);
  // The worst case: no card shared with an earlier digest (fresh term arrays defeat the cache).
  const unshared = await renderRate(
    (digest) => ({
      ...digest,
      sections: digest.sections.map((section) => ({
        ...section,
        papers: section.papers.map((paper) => ({
          ...paper,
          matchedTerms: [...(paper.matchedTerms ?? [])],
        })),
      })),
    }),
    false,
    2000,
  );
  // The naive way: fill the MJML source per subscriber, then run MJML on the result each time
  // (unminified and unvalidated: MJML's cheapest setting, so the speed-up is not flattered).
  const source = await inlinePartials(DEFAULT_TEMPLATE);
  const naiveOptions = { ...mjmlOptions(DEFAULT_TEMPLATE), validationLevel: "skip", minify: false };
  const naive = await ratePerSecond(async () => {
    const i = n++;
    const digest = digestFor(i);
    const links = linksFor(i);
    const filled = Mustache.render(source, digestView(digest, links), {}, { escape: escapeHtml });
    await mjml2html(filled, naiveOptions as typeof naiveOptions & { validationLevel: "skip" });
    renderDigestText(digest, links);
  }, 3000);
  return [
    {
      name: "render digest (HTML + text, 35 papers, personalised)",
      value: round(compiled),
      unit: "digests/s",
      budget: ">= 1000/s",
    },
    {
      name: "render digest, both parts encoded to UTF-8",
      value: round(encoded),
      unit: "digests/s",
    },
    {
      name: "render digest, no card shared with an earlier digest",
      value: round(unshared),
      unit: "digests/s",
    },
    {
      name: "render digest naive mjml2html per subscriber",
      value: round(naive),
      unit: "digests/s",
    },
    {
      name: "render speed-up over naive",
      value: round(compiled / naive),
      unit: "x",
      budget: ">= 30x",
    },
  ];
}
