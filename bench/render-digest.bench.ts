import fs from "node:fs/promises";
import path from "node:path";
import mjml2html from "mjml";
import he from "he";
import Mustache from "mustache";
import {
  compileDigestTemplate,
  DEFAULT_TEMPLATE,
  digestView,
  mjmlOptions,
} from "../src/digest/digest-html-template";
import { buildDigest } from "../src/digest/build-digest";
import type { DigestPaper } from "../src/digest/digest";
import { renderDigestText } from "../src/digest/render-digest-text";
import { parseQuery } from "../src/match/query";
import { ratePerSecond, round, type Figure } from "./figures";

const links = {
  unsubscribeUrl: "https://digest.example.org/unsubscribe/1.token",
  manageUrl: "https://digest.example.org/manage/1.token",
  webViewUrl: "https://digest.example.org/digest/2025-10-17/1.token",
};

/** 35 bilingual papers, about the size of the reference digest. */
function samplePapers(): Map<number, DigestPaper> {
  const abstract = "We study reinforcement learning with diffusion policies. ".repeat(20);
  return new Map(
    Array.from({ length: 35 }, (_, i) => [
      i,
      {
        arxivId: `2510.${12800 + i}`,
        version: 1,
        title: `Paper ${i}: Diffusion Policy <Methods> & Reinforcement Learning`,
        abstract,
        authors: ["Ada Lovelace", "Alan Turing", "Grace Hopper"],
        subjects: ["Machine Learning (cs.LG)", "Robotics (cs.RO)"],
        links: { abs: `https://arxiv.org/abs/2510.${12800 + i}`, pdf: "", html: "" },
        translation: {
          title: `论文 ${i}：扩散策略与强化学习`,
          abstract: "我们研究基于扩散策略的强化学习。".repeat(20),
        },
      },
    ]),
  );
}

/** The layout with its partials pasted in, so Mustache can fill them before MJML runs. */
async function inlinePartials(file: string): Promise<string> {
  const layout = await fs.readFile(file, "utf8");
  const includes = [...layout.matchAll(/<mj-include path="([^"]+)" \/>/g)];
  let inlined = layout;
  for (const [tag, partial = ""] of includes) {
    inlined = inlined.replace(
      tag,
      await fs.readFile(path.join(path.dirname(file), partial), "utf8"),
    );
  }
  return inlined;
}

export async function benchRender(): Promise<Figure[]> {
  const papers = samplePapers();
  const ids = [...papers.keys()];
  const digestFor = (i: number) =>
    buildDigest({
      editionDate: "2025-10-17",
      announcedAt: new Date("2025-10-17T00:00:00Z"),
      generatedAt: new Date(),
      recipient: { email: `reader${i}@example.org`, timeZone: "Asia/Shanghai" },
      queries: [parseQuery("reinforcement learning"), parseQuery("diffusion policy")],
      matchQuery: (q) => (q.text === "diffusion policy" ? ids.slice(0, 2) : ids),
      papers,
      maxPapers: 100,
    })!;
  const template = await compileDigestTemplate();
  let n = 0;
  const compiled = await ratePerSecond(() => {
    const digest = digestFor(n++);
    template.render(digest, links);
    renderDigestText(digest, links);
  });
  // The naive way: fill the MJML source per subscriber, then run MJML on the result each time.
  const source = await inlinePartials(DEFAULT_TEMPLATE);
  const escape = (value: unknown) => he.escape(String(value));
  const naive = await ratePerSecond(async () => {
    const digest = digestFor(n++);
    const filled = Mustache.render(source, digestView(digest, links), {}, { escape });
    await mjml2html(filled, { ...mjmlOptions(DEFAULT_TEMPLATE), validationLevel: "skip" });
    renderDigestText(digest, links);
  }, 3000);
  return [
    {
      name: "render digest (HTML + text, 35 papers)",
      value: round(compiled),
      unit: "digests/s",
      budget: ">= 1000/s",
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
