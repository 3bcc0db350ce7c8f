import fs from "node:fs";
import path from "node:path";
import { parseArxivFeed } from "../../../src/arxiv/parse-arxiv-feed";
import { EditionMatcher } from "../../../src/match/edition-matcher";
import { parseQuery } from "../../../src/match/query";
import { createChineseBridge } from "../../../src/translate/chinese-bridge";
import { glossaryOf } from "../../../src/translate/create-translator";

const FEED = path.resolve(__dirname, "../../fixtures/example-digest-papers.rss.xml");
const CHINESE = path.resolve(__dirname, "../digest/fixtures/example-digest-zh.json");

/** The reference edition (34 papers) with its stored Chinese, matched through the glossary. */
async function referenceEdition(operatorGlossary: { en: string; zh: string }[] = []) {
  const feed = await parseArxivFeed(fs.readFileSync(FEED, "utf8"));
  const zh = JSON.parse(fs.readFileSync(CHINESE, "utf8")) as Record<
    string,
    { title: string; abstract: string }
  >;
  const papers = feed.items.map((item, position) => ({
    ...item.paper,
    id: position,
    zh: zh[item.paper.arxivId],
  }));
  const bridge = createChineseBridge(glossaryOf({ glossary: operatorGlossary }));
  const matcher = new EditionMatcher(papers, bridge);
  const idOf = (position: number) => papers[position]?.arxivId ?? "?";
  return {
    matches: (query: string) => matcher.match(parseQuery(query)).map(idOf),
    terms: (query: string, arxivId: string) =>
      matcher.matchedTerms(parseQuery(query)).get(papers.findIndex((p) => p.arxivId === arxivId)),
  };
}

describe("keywords typed in Chinese, on the reference edition and its stored Chinese", () => {
  let edition: Awaited<ReturnType<typeof referenceEdition>>;
  beforeAll(async () => {
    edition = await referenceEdition();
  });

  it.each<[string, string[]]>([
    // The glossary's 扩散策略 is "diffusion policy": the same two papers as the English query.
    ["扩散策略", ["2510.12815", "2510.13324"]],
    ['"diffusion policy"', ["2510.12815", "2510.13324"]],
    // Traditional input is converted to Simplified first.
    ["擴散策略", ["2510.12815", "2510.13324"]],
    // Fields: only 2510.13324 has it in the title, in both languages.
    ["ti:扩散策略", ["2510.13324"]],
    // The abstract's ''world models'' and the Chinese 世界模型 are the same paper.
    ["世界模型", ["2510.13809"]],
    // A variant rendering (zhAlso) bridges as well as the main one.
    [
      "增强学习 cat:cs.RO",
      ["2510.13108", "2510.13358", "2510.13367", "2510.13488", "2510.13704", "2510.13794"],
    ],
    // Mixed with a category; Traditional again.
    [
      "強化學習 cat:cs.RO",
      ["2510.13108", "2510.13358", "2510.13367", "2510.13488", "2510.13704", "2510.13794"],
    ],
    // OR across Chinese terms: 多智能体 is "multi-agent"; 元学习 occurs in none.
    ["多智能体 OR 元学习", ["2510.13018", "2510.13227", "2510.13262", "2510.13343", "2510.13551"]],
    // A term the glossary does not know matches only the Chinese text.
    ["沃丁顿景观", ["2510.13018"]],
    // Mixed script, with and without a space: the Chinese text writes LLM推理.
    ["LLM推理", ["2510.13554"]],
    ['"LLM 推理"', ["2510.13554"]],
    // Author names are English: a Chinese author query matches nothing.
    ["au:王", []],
  ])("%s matches exactly %j", (query, expected) => {
    expect(edition.matches(query)).toEqual(expected);
  });

  it("excludes by a Chinese term: 强化学习 -推荐 leaves out the three recommender papers", () => {
    const all = edition.matches("强化学习");
    const kept = edition.matches("强化学习 -推荐");
    expect(all.filter((id) => !kept.includes(id))).toEqual([
      "2510.12815",
      "2510.12816",
      "2510.13229",
    ]);
  });

  it("names what to highlight in both languages, as each text writes it", () => {
    expect(edition.terms("扩散策略", "2510.13324")).toEqual([
      "扩散策略",
      "Diffusion Policy",
      "diffusion policy",
    ]);
    expect(edition.terms('"diffusion policy"', "2510.13324")).toEqual([
      "Diffusion Policy",
      "diffusion policy",
      "扩散策略",
    ]);
    expect(edition.terms("世界模型", "2510.13809")).toEqual(["世界模型", "world models"]);
  });

  it("takes the operator's glossary entries as a bridge too", async () => {
    expect(edition.matches("渐近最优")).toEqual(["2510.13748"]);
    const withEntry = await referenceEdition([{ en: "curriculum", zh: "课程学习" }]);
    expect(withEntry.matches("课程学习")).toEqual(withEntry.matches("curriculum"));
    expect(withEntry.matches("curriculum").length).toBeGreaterThan(0);
  });
});
